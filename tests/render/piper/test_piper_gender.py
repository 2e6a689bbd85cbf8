"""Speaker gender from median pitch: the measure on known tones, espeak-ng voices, and joe."""
from __future__ import annotations

import numpy as np
import pytest

from audiobook.model import VoiceSettings
from audiobook.render.piper.gender import SAMPLE_TEXT, gender_from_pitch, median_f0, speaker_genders

from piper_fixtures import joe, joe_files  # noqa: F401 - pytest fixtures

RATE = 22050


def tone(f0: float, seconds: float = 1.0, harmonics: int = 6) -> bytes:
    t = np.arange(int(seconds * RATE)) / RATE
    wave = sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, harmonics + 1))
    return (wave * 8000).astype("<i2").tobytes()


@pytest.mark.parametrize("f0", [70.0, 98.0, 120.0, 175.0, 220.0, 310.0, 380.0])
def test_median_f0_of_harmonic_tones(f0):
    measured, voiced = median_f0(tone(f0), RATE)
    assert measured == pytest.approx(f0, rel=0.02) and voiced > 50


def test_silence_and_noise_are_not_voiced():
    assert gender_from_pitch(bytes(RATE * 2), RATE).gender is None
    noise = (np.random.default_rng(1).normal(0, 3000, RATE)).astype("<i2").tobytes()
    assert gender_from_pitch(noise, RATE).gender is None


def test_threshold_sides():
    assert gender_from_pitch(tone(110), RATE).gender == "male"
    assert gender_from_pitch(tone(210), RATE).gender == "female"


@pytest.mark.engine
@pytest.mark.parametrize("voice, gender", [
    ("gmw/en-us", "male"),
    ("gmw/en-us+m3", "male"),
    ("gmw/en-us+f3", "female"),
    ("gmw/en-gb-x-rp+f2", "female"),
])
def test_espeak_reference_voices(engine, voice, gender):
    clip = engine.synthesize(SAMPLE_TEXT, VoiceSettings(voice, 165, 50))
    assert gender_from_pitch(clip.pcm, clip.sample_rate).gender == gender


@pytest.mark.engine
def test_joe_is_male(joe):
    estimate = speaker_genders(joe)[0]
    assert estimate.gender == "male" and 70 < estimate.median_f0 < 150


@pytest.mark.engine
def test_joe_an_octave_up_reads_as_female(joe):
    """joe's own samples played twice as fast: the same voice quality at twice the pitch."""
    clip = joe.synthesize(SAMPLE_TEXT)
    up = np.frombuffer(clip.pcm, dtype="<i2")[::2].copy()
    estimate = gender_from_pitch(up.tobytes(), clip.sample_rate)
    low = gender_from_pitch(clip.pcm, clip.sample_rate).median_f0
    assert estimate.gender == "female" and estimate.median_f0 == pytest.approx(2 * low, rel=0.1)
