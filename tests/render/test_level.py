"""Levelling: every voice measured once and brought to one loudness; the soft limiter."""
from __future__ import annotations

import math

import numpy as np
import pytest

from audiobook.model import BookInfo, ChapterPlan, Clip, ClipItem, RenderPlan, SilenceItem, VoiceSettings
from audiobook.render.cache import ClipCache
from audiobook.render.level import PEAK_CEILING_DB, TARGET_RMS_DB, apply, level_plan, voiced_rms_db

RATE = 22050


def pcm(values) -> bytes:
    return np.array(values, dtype="<i2").tobytes()


def samples(data: bytes) -> list[int]:
    return [int(v) for v in np.frombuffer(data, dtype="<i2")]


def sine(amplitude: float, seconds: float = 1.0, hz: float = 220.0) -> bytes:
    t = np.arange(int(RATE * seconds)) / RATE
    return np.rint(amplitude * 32767 * np.sin(2 * np.pi * hz * t)).astype("<i2").tobytes()


def test_below_the_knee_samples_pass_unchanged():
    # the knee is -9 dBFS = 32767 * 10**(-9/20) = 11626.2
    assert samples(apply(pcm([0, 1000, -1000, 11599, 11600]), 0.0)) == [0, 1000, -1000, 11599, 11600]


def test_gain_is_applied_in_decibels():
    # +6 dB is a factor of 10**(6/20) = 1.9953
    assert samples(apply(pcm([1000, -3000]), 6.0)) == [1995, -5986]


def test_the_limiter_bends_loud_samples_under_the_ceiling():
    # knee k = 11626.18, ceiling c = 32767 * 10**(-4/20) = 20674.58; above the knee a sample x
    # becomes k + (c - k) * tanh((x - k) / (c - k)): 16000 -> 15688, 20000 -> 18218, 32767 -> 20507
    assert samples(apply(pcm([16000, 20000, 32767, -32768]), 0.0)) == [15688, 18218, 20507, -20507]
    # however loud the input, nothing passes the ceiling
    assert samples(apply(pcm([20000]), 20.0)) == [20675]
    assert 20675 <= 32767 * 10 ** (PEAK_CEILING_DB / 20) + 0.5


def test_voiced_rms_of_a_sine_ignores_the_silence_around_it():
    tone = sine(0.5)
    padded = bytes(RATE) + tone + bytes(RATE)  # a second of silence (as 16-bit: 2 bytes a sample) each side
    expected = 20 * math.log10(0.5 / math.sqrt(2))  # -9.03 dB
    assert voiced_rms_db(tone) == pytest.approx(expected, abs=0.05)
    assert voiced_rms_db(padded) == pytest.approx(expected, abs=0.05)
    assert voiced_rms_db(b"") == -120.0


def test_a_voice_that_says_nothing_keeps_its_level():
    """Regression: a calibration clip of digital silence measured as NaN dB, and the NaN gain
    turned every clip of that voice into noise."""
    assert voiced_rms_db(bytes(RATE * 2)) == -120.0
    silent = VoiceSettings("silent")
    plan = RenderPlan(BookInfo("B"), [ChapterPlan(1, "One", [ClipItem("a", silent, "A", 0)])])

    class Silent:
        identity = "silent 1"

        def synthesize(self, text, settings, timeout=None):
            return Clip(bytes(RATE * 2), RATE)

    [item] = level_plan(plan, Silent()).chapters[0].items
    assert item.gain_db == 0.0


class LoudnessEngine:
    """Speaks a sine whose loudness depends on the voice; counts what it is asked."""

    identity = "loudness 1"

    def __init__(self):
        self.calls = 0

    def synthesize(self, text, settings, timeout=None):
        self.calls += 1
        return Clip(sine(0.05 if settings.voice == "quiet" else 0.6), RATE)


def test_every_voice_is_brought_to_the_target_once_and_kept_in_the_cache(tmp_path):
    quiet, loud = VoiceSettings("quiet"), VoiceSettings("loud", volume=1.5)
    plan = RenderPlan(BookInfo("B"), [ChapterPlan(1, "One", [ClipItem("a", quiet, "A", 0), SilenceItem(300),
                                                         ClipItem("b", loud, "B", 5), ClipItem("c", quiet, "A", 9)])])
    engine, cache = LoudnessEngine(), ClipCache(tmp_path)
    levelled = level_plan(plan, engine, cache)
    gains = [i.gain_db for i in levelled.chapters[0].items if isinstance(i, ClipItem)]
    quiet_db, loud_db = 20 * math.log10(0.05 / math.sqrt(2)), 20 * math.log10(0.6 / math.sqrt(2))
    assert gains == [round(TARGET_RMS_DB - quiet_db, 1), round(TARGET_RMS_DB - loud_db, 1),
                     round(TARGET_RMS_DB - quiet_db, 1)]
    assert engine.calls == 2  # one measurement per voice; a volume set by the user is not measured away
    level_plan(plan, engine, cache)
    assert engine.calls == 2  # measured once, then read from the cache
