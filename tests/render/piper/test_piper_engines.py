"""espeak-ng and Piper voices in one book: voices.yaml, levelling, rate, errors, a real render."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from audio import decode, rms_db
from audiobook.casting.schema import load_config
from audiobook.errors import AudiobookError, ConfigError, VoiceNotFound
from audiobook.model import VoiceSettings
from audiobook.render.level import TARGET_RMS_DB, apply, level_plan, voiced_rms_db
from piper_fixtures import joe_paths

JOE = "piper:en_US-joe-medium"
TEXT = "The lamps along the quay were lit one by one as the evening fog rolled in from the river."


@pytest.fixture(scope="module")
def engines():
    joe_paths()  # skips without onnxruntime or the voice
    from audiobook.render.engines import Engines

    return Engines()


def write(tmp_path, text):
    path = tmp_path / "voices.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_piper_voice_and_an_espeak_voice_in_one_file(tmp_path, engines):
    path = write(tmp_path, f"narrator:\n  voice: {JOE}\n  rate: 150\ncharacters:\n  Mara: en-us+f3\n")
    config = load_config(path, engines)
    assert config.narrator == VoiceSettings(JOE, 150, 50, 1.0)
    assert config.characters["Mara"].settings.voice == "gmw/en-us+f3"
    assert engines.voice_identity(config.narrator).startswith("piper en_US-joe-medium model=")
    assert engines.voice_identity(config.characters["Mara"].settings).startswith("espeak-ng ")


@pytest.mark.parametrize("text, message", [
    pytest.param(f"narrator:\n  voice: {JOE}\n  pitch: 40\n",
                 "{path}:3: narrator.pitch: Piper voices have no pitch setting; remove it, or choose another speaker "
                 "of the model (speaker:) or another voice", id="pitch-on-piper"),
    pytest.param(f"narrator:\n  voice: {JOE}\n  speaker: 3\n",
                 "{path}:3: narrator.speaker: Piper voice en_US-joe-medium has a single speaker; remove speaker '3'",
                 id="speaker-on-single-speaker-model"),
    pytest.param("narrator:\n  voice: gmw/en-us\n  speaker: 3\n",
                 "{path}:3: narrator.speaker: only Piper voices have speakers; remove it or use a piper: voice",
                 id="speaker-on-espeak"),
])
def test_piper_settings_that_cannot_be(tmp_path, engines, text, message):
    path = write(tmp_path, text)
    with pytest.raises(AudiobookError) as err:
        load_config(path, engines)
    assert str(err.value) == message.format(path=path)


def test_a_piper_voice_not_installed_names_the_line_and_what_is(tmp_path, engines):
    path = write(tmp_path, "characters:\n  Mara:\n    voice: piper:en_GB-nobody-low\n")
    with pytest.raises(VoiceNotFound) as err:
        load_config(path, engines)
    assert str(err.value).startswith(f"{path}:3: characters.Mara.voice: Piper voice 'en_GB-nobody-low' is not installed in ")
    assert str(err.value).endswith("; download it or give the path to its .onnx file (installed: en_US-joe-medium)")


def test_rate_sets_the_length_of_piper_speech(engines):
    slow = engines.synthesize(TEXT, VoiceSettings(JOE, rate=130))
    fast = engines.synthesize(TEXT, VoiceSettings(JOE, rate=260))
    assert fast.duration < 0.65 * slow.duration
    assert rms_db(np.frombuffer(fast.pcm, dtype="<i2") / 32768.0) > -40  # speech, not silence


def test_levelling_brings_piper_and_espeak_to_one_loudness(tmp_path, engines):
    from audiobook.model import BookInfo, ChapterPlan, ClipItem, RenderPlan
    from audiobook.render.cache import ClipCache

    voices = [VoiceSettings(JOE), VoiceSettings("gmw/en-us+f3", pitch=60), VoiceSettings("gmw/en+m1", volume=1.0)]
    plan = RenderPlan(BookInfo("B"), [ChapterPlan(1, "One", [ClipItem(TEXT, v, None, 0) for v in voices])])
    levelled = level_plan(plan, engines, ClipCache(tmp_path))
    other = "Nobody had seen the ferry since Tuesday, and the harbour master would not say why."
    raw, after = [], []
    for item in levelled.chapters[0].items:  # measured on sentences other than the calibration one
        clip = engines.synthesize(TEXT + " " + other, item.voice)
        raw.append(voiced_rms_db(clip.pcm))
        after.append(voiced_rms_db(apply(clip.pcm, item.gain_db)))
    assert max(raw) - min(raw) > 2.5, raw  # they differ before
    assert max(after) - min(after) < 2.0 and abs(np.mean(after) - TARGET_RMS_DB) < 1.0, after


def test_without_onnxruntime_a_piper_voice_says_what_to_install(tmp_path):
    path = write(tmp_path, f"narrator:\n  voice: {JOE}\n")
    code = ("import sys; sys.modules['onnxruntime'] = None\n"
            "from audiobook.cli import main\n"
            f"main(['cast', {str(tmp_path / 'x.txt')!r}, '--voices', {str(path)!r}])\n")
    (tmp_path / "x.txt").write_text('"Hello," said Ann.\n')
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == (f"Error: {path}:2: narrator.voice: Piper voices need onnxruntime, which is not installed; "
                           "pip install 'audiobook[piper]'\n")
