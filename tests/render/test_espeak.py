"""The engine wrapper, on the real pyttsx3 + espeak-ng engine, measured on the audio it makes."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from audio import median_pitch, rms_db, samples, spectral_centroid
from audiobook.render.espeak import Pyttsx3Engine
from audiobook.errors import ClipTimeout, VoiceNotFound
from audiobook.model import VoiceSettings

TEXT = "The quick brown fox jumps over the lazy dog, and then it runs all the way home again."
BASE = VoiceSettings("gmw/en-us", rate=175, pitch=50, volume=1.0)


def measure(engine, settings, text=TEXT):
    clip = engine.synthesize(text, settings)
    x = samples(clip.pcm)
    return {"seconds": clip.duration, "db": rms_db(x), "hz": median_pitch(x, clip.sample_rate),
            "centroid": spectral_centroid(x, clip.sample_rate)}


def test_bundled_espeak_is_the_one_loaded():
    code = (
        "import espeakng_loader, os\n"
        "from audiobook.render.espeak import Pyttsx3Engine, loaded_espeak_library\n"
        "from audiobook.casting.schema import DEFAULT_NARRATOR\n"
        "clip = Pyttsx3Engine().synthesize('Hello.', DEFAULT_NARRATOR)\n"
        "print(loaded_espeak_library())\n"
        "print(os.path.dirname(espeakng_loader.get_library_path()))\n"
        "print(os.environ['ESPEAK_DATA_PATH'])\n"
        "print(len(clip.pcm))\n"
    )
    env = dict(os.environ, AUDIOBOOK_BUNDLED_ESPEAK="1")
    env.pop("ESPEAK_DATA_PATH", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    loaded, wheel_dir, data_path, nbytes = out.stdout.split("\n")[:4]
    assert loaded.startswith(wheel_dir + os.sep), f"{loaded} is not the bundled copy in {wheel_dir}"
    assert data_path.startswith(wheel_dir)
    assert int(nbytes) > 10000


def test_rate_changes_duration(engine):
    slow = measure(engine, VoiceSettings("gmw/en-us", rate=120))
    fast = measure(engine, VoiceSettings("gmw/en-us", rate=300))
    assert fast["seconds"] < 0.6 * slow["seconds"]


def test_pitch_changes_fundamental(engine):
    low = measure(engine, VoiceSettings("gmw/en-us", pitch=10))
    high = measure(engine, VoiceSettings("gmw/en-us", pitch=90))
    assert high["hz"] > 1.4 * low["hz"]


def test_volume_changes_level(engine):
    loud = measure(engine, VoiceSettings("gmw/en-us", volume=1.0))
    quiet = measure(engine, VoiceSettings("gmw/en-us", volume=0.3))
    assert loud["db"] - quiet["db"] > 8  # 0.3 of the amplitude is about -10.5 dB


def test_voice_variant_changes_timbre(engine):
    male = measure(engine, VoiceSettings("gmw/en-us"))
    female = measure(engine, VoiceSettings("gmw/en-us+f3"))
    assert female["hz"] > 1.5 * male["hz"]


def test_regression_settings_survive_every_clip(engine):
    """pyttsx3 2.99 loses queued property changes after the first clip; each clip must keep its own."""
    settings = [VoiceSettings("gmw/en-us", rate=120, pitch=10, volume=1.0),
                VoiceSettings("gmw/en-us+f3", rate=300, pitch=90, volume=0.3)] * 3
    results = [measure(engine, s) for s in settings]
    for slow_low, fast_high in zip(results[0::2], results[1::2]):
        assert fast_high["seconds"] < 0.6 * slow_low["seconds"]
        assert fast_high["hz"] > 2 * slow_low["hz"]
        assert slow_low["db"] - fast_high["db"] > 8
    first, last = results[0], results[-2]
    assert abs(first["seconds"] - last["seconds"]) < 0.05 * first["seconds"]
    assert abs(first["hz"] - last["hz"]) < 0.05 * first["hz"]


def test_each_clip_is_complete_when_returned(engine):
    """pyttsx3's runAndWait returns before the audio exists; ours returns the whole clip."""
    short = engine.synthesize("One.", BASE)
    long = engine.synthesize(TEXT + " " + TEXT, BASE)
    assert long.duration > 5 * short.duration


def test_nothing_is_printed_on_stdout(engine, capfd):
    engine.synthesize("Nothing should be printed while I speak.", BASE)
    out, _err = capfd.readouterr()
    assert out == ""


def test_unknown_voice_is_rejected_with_suggestions(engine):
    with pytest.raises(VoiceNotFound) as err:
        engine.synthesize("Hello.", VoiceSettings("gmw/en-uss"))
    message = str(err.value)  # the third suggestion depends on the espeak-ng version's voices
    assert message.startswith("voice: unknown voice 'gmw/en-uss'; did you mean gmw/en-us (English (America)), "
                              "gmw/en-us-nyc (English (America, New York City)), ")
    assert message.endswith("? (audiobook voices lists them)")


def test_unknown_variant_is_rejected(engine):
    with pytest.raises(VoiceNotFound, match=r"unknown voice variant 'f9' in 'gmw/en-us\+f9'; did you mean gmw/en-us\+f"):
        engine.synthesize("Hello.", VoiceSettings("gmw/en-us+f9"))


def test_a_hung_clip_times_out_and_the_engine_recovers(engine, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(engine, "_start_synth", lambda text: None)  # the engine never answers
        began = time.monotonic()
        with pytest.raises(ClipTimeout, match="did not finish within 1 s"):
            engine.synthesize("This clip never finishes.", BASE, timeout=1.0)
        assert time.monotonic() - began < 5
    assert engine.synthesize("And now it works again.", BASE).duration > 0.5


def test_a_second_engine_object_keeps_working(engine):
    """espeak has one callback per process; a second wrapper must not starve the first."""
    other = Pyttsx3Engine()
    assert other.synthesize("Second.", BASE).duration > 0.3
    assert engine.synthesize("First again.", BASE).duration > 0.3



def test_regression_variant_clips_are_the_same_in_every_process():
    """espeak-ng 1.52 draws random numbers for some variants; unseeded, two renders differed."""
    code = ("import hashlib\n"
            "from audiobook.render.espeak import Pyttsx3Engine\n"
            "from audiobook.model import VoiceSettings\n"
            "e = Pyttsx3Engine()\n"
            "print([hashlib.sha1(e.synthesize(t, VoiceSettings('gmw/en-us+f3')).pcm).hexdigest()\n"
            "       for t in ('One line first.', 'I counted eleven of them, all in a row.')])\n")
    env = dict(os.environ, AUDIOBOOK_BUNDLED_ESPEAK="1")
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
            for _ in range(3)]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr
    assert len({r.stdout for r in runs}) == 1


def test_the_pyttsx3_engine_and_the_fake_are_speech_engines(engine):
    from audiobook.render.engine import SpeechEngine, load_engine
    from fakes import FakeEngine

    assert isinstance(engine, SpeechEngine) and isinstance(FakeEngine(), SpeechEngine)
    assert not isinstance(object(), SpeechEngine)
    assert isinstance(load_engine("fakes:FakeEngine"), FakeEngine)
