"""Real inference with the joe voice: length, loudness, rate, speakers, determinism, errors."""
from __future__ import annotations

import hashlib
import json
import shutil
import sys

import numpy as np
import pytest

from audiobook.errors import AudiobookError
from audiobook.render.piper import (
    NATURAL_WPM,
    PiperUnavailable,
    PiperVoice,
    SpeakerNotFound,
    VoiceModelError,
    rate_to_length_scale,
)
from audiobook.render.piper.voice import PiperConfig, words_per_minute

from piper_fixtures import joe, joe_files  # noqa: F401 - pytest fixtures

pytestmark = pytest.mark.engine

PARAGRAPH = ("The boat drifted slowly down the river while the lamps of the city came on one by one, "
             "and the old man at the oars said nothing at all until we reached the bridge.")


def samples(clip) -> np.ndarray:
    return np.frombuffer(clip.pcm, dtype="<i2").astype(np.float64)


def rms(clip) -> float:
    return float(np.sqrt(np.mean(samples(clip) ** 2)))


def test_properties(joe, joe_files):
    assert joe.sample_rate == 22050
    assert joe.num_speakers == 1 and joe.speakers == {}
    assert joe.espeak_voice == "en-us"
    assert joe.name == "en_US-joe-medium"
    assert joe.sha256 == hashlib.sha256(joe_files[0].read_bytes()).hexdigest()


def test_duration_is_plausible_for_the_text(joe):
    clip = joe.synthesize(PARAGRAPH)
    words = len(PARAGRAPH.split())
    wpm = words / clip.duration * 60
    assert 150 < wpm < 300, wpm
    assert clip.sample_rate == 22050 and len(clip.pcm) % 2 == 0


def test_speech_is_not_silent_and_not_clipped(joe):
    clip = joe.synthesize("Good evening, and welcome.")
    assert rms(clip) > 500
    assert np.abs(samples(clip)).max() < 32767


def test_length_scale_changes_length_in_the_right_direction(joe):
    text = "Nobody knew where the road would lead."
    fast, normal, slow = (joe.synthesize(text, length_scale=s).duration for s in (0.7, 1.0, 1.5))
    assert fast < 0.85 * normal < normal < slow / 1.3


def test_rate_maps_to_length_scale(joe):
    assert rate_to_length_scale(NATURAL_WPM) == pytest.approx(1.0)
    assert rate_to_length_scale(2 * NATURAL_WPM) == pytest.approx(0.5)
    assert rate_to_length_scale(80) > 1 > rate_to_length_scale(250)
    assert rate_to_length_scale(10) == 2.5 and rate_to_length_scale(5000) == 0.4
    text = "Nobody knew where the road would lead."
    quick = joe.synthesize(text, length_scale=rate_to_length_scale(240)).duration
    slow = joe.synthesize(text, length_scale=rate_to_length_scale(120)).duration
    assert 1.6 < slow / quick < 2.4
    with pytest.raises(ValueError):
        rate_to_length_scale(0)


@pytest.mark.parametrize("rate", [130, 175, 240])
def test_one_rate_gives_one_pace_with_either_engine(joe, engine, rate):
    from audiobook.model import VoiceSettings

    piper = joe.synthesize(PARAGRAPH, length_scale=rate_to_length_scale(rate)).duration
    espeak = engine.synthesize(PARAGRAPH, VoiceSettings("gmw/en-us", rate, 50)).duration
    assert piper == pytest.approx(espeak, rel=0.15)


def test_words_per_minute(joe):
    normal = words_per_minute(joe, PARAGRAPH)
    # Not quite half: length_scale stretches phonemes, not every frame of the sound.
    assert 1.5 < normal / words_per_minute(joe, PARAGRAPH, length_scale=2.0) < 2.1
    with pytest.raises(ValueError):
        words_per_minute(joe, "  ")


def test_identity_names_what_the_bytes_depend_on(joe):
    assert joe.identity.startswith(f"piper en_US-joe-medium model={joe.sha256[:16]} config=")
    assert "deterministic" in joe.identity and "onnxruntime 1." in joe.identity and "espeak-ng 1." in joe.identity


def test_volume_scales_the_samples(joe):
    full = joe.synthesize("Quietly now.")
    half = joe.synthesize("Quietly now.", volume=0.5)
    assert len(half.pcm) == len(full.pcm)
    assert rms(half) == pytest.approx(rms(full) / 2, rel=0.01)


def test_sentences_are_joined_by_silence(joe):
    one = joe.synthesize("It rained.")
    two = joe.synthesize("It rained. It rained.")
    gap = 0.2 * joe.sample_rate
    assert two.duration == pytest.approx(2 * one.duration + 0.2, abs=0.02)
    middle = samples(two)[len(one.pcm) // 2 : len(one.pcm) // 2 + int(gap)]
    assert np.all(middle == 0)


def test_empty_text_gives_an_empty_clip(joe):
    assert joe.synthesize("").pcm == b""
    assert joe.synthesize("  \n ").duration == 0


def test_repeated_runs_are_byte_identical(joe, joe_files):
    first = joe.synthesize(PARAGRAPH).pcm
    joe.synthesize("Something else in between, to move any random state on.")
    assert joe.synthesize(PARAGRAPH).pcm == first
    assert PiperVoice.load(joe_files[0]).synthesize(PARAGRAPH).pcm == first


def test_model_noise_makes_runs_differ(joe_files):
    """Why deterministic mode exists: with the config's noise scales the graph's unseeded
    random nodes give different audio on every run."""
    noisy = PiperVoice.load(joe_files[0], deterministic=False)
    assert list(noisy.scales()) == pytest.approx([0.667, 1.0, 0.8])
    runs = {noisy.synthesize("Nobody knew where the road would lead.").pcm for _ in range(3)}
    assert len(runs) == 3


def test_two_threads_give_the_same_audio(joe, joe_files):
    two = PiperVoice.load(joe_files[0], threads=2)
    assert two.synthesize(PARAGRAPH).pcm == joe.synthesize(PARAGRAPH).pcm


def test_single_speaker_refuses_a_speaker(joe):
    assert joe.synthesize("Yes.", speaker=0).pcm == joe.synthesize("Yes.").pcm
    with pytest.raises(SpeakerNotFound) as err:
        joe.synthesize("Yes.", speaker="p225")
    assert "single speaker" in str(err.value) and "\n" not in str(err.value)


class FakeSession:
    """Stands in for onnxruntime to check what a multi-speaker model is fed."""

    def __init__(self):
        self.feeds = []

    def get_inputs(self):
        return [type("Input", (), {"name": n})() for n in ("input", "input_lengths", "scales", "sid")]

    def run(self, _outputs, feed):
        self.feeds.append(feed)
        return [np.zeros((1, 1, 1, 100), dtype=np.float32)]


def test_multi_speaker_ids_by_name_and_number(joe, tmp_path):
    config = PiperConfig(22050, "en-us", "espeak", joe.config.phoneme_id_map, num_speakers=3,
                         speaker_id_map={"alice": 0, "bob": 2})
    session = FakeSession()
    voice = PiperVoice(tmp_path / "multi.onnx", tmp_path / "multi.onnx.json", config, session, True)
    assert voice.speakers == {"alice": 0, "bob": 2}
    for speaker, expected in (("bob", 2), (1, 1), ("1", 1), (None, 0)):
        voice.synthesize("Hi.", speaker=speaker)
        assert session.feeds[-1]["sid"].tolist() == [expected]
        assert session.feeds[-1]["sid"].dtype == np.int64
    for bad in ("carol", 3, -1):
        with pytest.raises(SpeakerNotFound) as err:
            voice.synthesize("Hi.", speaker=bad)
        assert "\n" not in str(err.value) and "multi" in str(err.value)


def _one_line_error(exc_info, *needles):
    message = str(exc_info.value)
    assert isinstance(exc_info.value, AudiobookError)
    assert "\n" not in message, message
    for needle in needles:
        assert needle in message, message


def test_missing_model(tmp_path):
    with pytest.raises(VoiceModelError) as err:
        PiperVoice.load(tmp_path / "nobody.onnx")
    _one_line_error(err, "nobody.onnx", "not found")


def test_missing_config(tmp_path, joe_files):
    model = tmp_path / "lonely.onnx"
    model.symlink_to(joe_files[0])
    with pytest.raises(VoiceModelError) as err:
        PiperVoice.load(model)
    _one_line_error(err, "lonely.onnx.json", "not found")


def test_corrupt_model(tmp_path, joe_files):
    model = tmp_path / "broken.onnx"
    model.write_bytes(joe_files[0].read_bytes()[:100000])
    shutil.copy(joe_files[1], tmp_path / "broken.onnx.json")
    with pytest.raises(VoiceModelError) as err:
        PiperVoice.load(model)
    _one_line_error(err, "broken.onnx", "download the voice again")


@pytest.mark.parametrize("content, needle", [
    ("{not json", "not a readable"),
    (json.dumps({"audio": {}}), "not a Piper voice config"),
    (json.dumps({"audio": {"sample_rate": 22050}, "phoneme_type": "text", "phoneme_id_map": {"_": [0]}}), "not supported"),
])
def test_corrupt_config(tmp_path, joe_files, content, needle):
    model = tmp_path / "odd.onnx"
    model.symlink_to(joe_files[0])
    (tmp_path / "odd.onnx.json").write_text(content)
    with pytest.raises(VoiceModelError) as err:
        PiperVoice.load(model)
    _one_line_error(err, "odd.onnx.json", needle)


def test_without_onnxruntime_one_line_says_what_to_install(monkeypatch, joe_files):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(PiperUnavailable) as err:
        PiperVoice.load(joe_files[0])
    _one_line_error(err, "pip install 'audiobook[piper]'")


def test_every_phoneme_of_a_varied_text_is_in_the_voice(joe):
    from audiobook.render.piper.phonemes import phoneme_ids

    text = ('"It is cocaine," he said, "a seven-per-cent. solution." On 7th July 1888, at 10:30 p.m., '
            "Mrs. Cecil Forrester paid £5 (five pounds!) -- a naïve café owner's fee; why? Because... well: yes.")
    for sentence in joe.phonemes(text):
        assert phoneme_ids(sentence, joe.config.phoneme_id_map)[1] == set(), sentence
