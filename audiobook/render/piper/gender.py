"""Guessing a speaker's gender from the pitch of their voice.

Multi-speaker Piper models (libritts, vctk ...) name speakers by number only, so to cast a
character by gender each speaker is asked to read a short sample and its median fundamental
frequency (F0) is measured: adult male voices mostly sit at 85-155 Hz, female at 165-255 Hz.
F0 per frame is the lag of the strongest normalised autocorrelation peak between 60 and
400 Hz, on frames loud and periodic enough to be voiced.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import numpy as np

#: Median F0 at or above which a voice is called female.
FEMALE_F0 = 160.0
#: A sentence with plenty of voiced sounds and no emotion.
SAMPLE_TEXT = "Good morning. I have lived in this old town all my life, and I know every one of its lanes."

F0_RANGE = (60.0, 400.0)
FRAME_SECONDS = 0.04
HOP_SECONDS = 0.01
#: A frame is voiced when its autocorrelation peak reaches this share of its energy...
VOICING = 0.5
#: ... and its RMS this share of the loudest frame's.
LOUDNESS = 0.1


@dataclass(frozen=True)
class GenderEstimate:
    """What the pitch says about a speaker."""

    gender: Optional[str]
    """``male`` or ``female``; None when too little of the sample was voiced to tell."""
    median_f0: Optional[float]
    """Median F0 of the voiced frames in Hz."""
    voiced_frames: int
    """How many frames were voiced."""


def frame_f0(frame: np.ndarray, sample_rate: int) -> Optional[float]:
    """F0 of one frame in Hz, or None when it is not periodic enough."""
    frame = frame - frame.mean()
    energy = float(np.dot(frame, frame))
    if energy <= 0.0:
        return None
    size = 1 << int(np.ceil(np.log2(2 * len(frame))))
    spectrum = np.fft.rfft(frame, size)
    corr = np.fft.irfft(spectrum * np.conj(spectrum), size)[: len(frame)]
    low = int(sample_rate / F0_RANGE[1])
    high = min(int(sample_rate / F0_RANGE[0]), len(frame) - 1)
    if high <= low:
        return None
    # Normalise by the overlap so long lags are not penalised for being shorter sums.
    lags = np.arange(low, high + 1)
    window = corr[low : high + 1] * len(frame) / (len(frame) - lags)
    peak = float(window.max())
    if peak < VOICING * energy:
        return None
    # Every multiple of the period correlates as well as the period itself: take the first
    # local maximum close to the highest, not the highest, or F0 drops an octave.
    best = int(np.argmax(window))
    for i in range(1, len(window) - 1):
        if window[i] >= 0.9 * peak and window[i] >= window[i - 1] and window[i] >= window[i + 1]:
            best = i
            break
    lag = lags[best]
    if 0 < best < len(window) - 1:  # parabolic interpolation of the peak
        a, b, c = window[best - 1], window[best], window[best + 1]
        denom = a - 2 * b + c
        if denom != 0:
            lag = lag + 0.5 * (a - c) / denom
    return sample_rate / float(lag)


def median_f0(pcm: Union[bytes, np.ndarray], sample_rate: int) -> tuple[Optional[float], int]:
    """(median F0 in Hz or None, voiced frame count) of 16-bit mono PCM or float samples."""
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64) if isinstance(pcm, bytes) else np.asarray(pcm, np.float64)
    size, hop = int(FRAME_SECONDS * sample_rate), int(HOP_SECONDS * sample_rate)
    if len(samples) < size:
        return None, 0
    starts = range(0, len(samples) - size + 1, hop)
    rms = np.array([np.sqrt(np.mean(samples[s : s + size] ** 2)) for s in starts])
    floor = LOUDNESS * float(rms.max()) if len(rms) else 0.0
    values = []
    for start, level in zip(starts, rms):
        if level <= floor or level == 0.0:
            continue
        f0 = frame_f0(samples[start : start + size], sample_rate)
        if f0 is not None:
            values.append(f0)
    if not values:
        return None, 0
    return float(np.median(values)), len(values)


def gender_from_pitch(pcm: Union[bytes, np.ndarray], sample_rate: int, min_voiced: int = 20) -> GenderEstimate:
    """Gender by median F0 of a speech sample (None below ``min_voiced`` voiced frames)."""
    f0, voiced = median_f0(pcm, sample_rate)
    if f0 is None or voiced < min_voiced:
        return GenderEstimate(None, f0, voiced)
    return GenderEstimate("female" if f0 >= FEMALE_F0 else "male", f0, voiced)


def estimate_speaker_gender(voice, speaker: Union[str, int, None] = None, text: str = SAMPLE_TEXT) -> GenderEstimate:
    """Synthesize ``text`` with ``voice`` (a PiperVoice) as ``speaker`` and judge its pitch."""
    clip = voice.synthesize(text, speaker=speaker)
    return gender_from_pitch(clip.pcm, clip.sample_rate)


def speaker_genders(voice, text: str = SAMPLE_TEXT) -> dict[int, GenderEstimate]:
    """Speaker id -> GenderEstimate for every speaker of ``voice`` (id 0 for a single speaker).

    About a CPU second per speaker: for models with hundreds of speakers (libritts has 904),
    estimate only the speakers a cast considers and keep the results with the model's sha256.
    """
    if voice.num_speakers <= 1:
        return {0: estimate_speaker_gender(voice, None, text)}
    return {sid: estimate_speaker_gender(voice, sid, text) for sid in range(voice.num_speakers)}


def gender_cache_dir() -> Path:
    """Where speakers' genders are remembered: ``$XDG_CACHE_HOME/audiobook/piper-genders``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "audiobook" / "piper-genders"


def remembered_genders(voice, folder: Optional[Path] = None) -> dict[int, Optional[str]]:
    """Speaker id -> gender for every speaker of ``voice``, judged once (``speaker_genders``) and
    kept in ``folder`` (default ``gender_cache_dir()``) under the model's hash, as judging a
    model of hundreds of speakers takes minutes."""
    path = (folder or gender_cache_dir()) / f"{voice.sha256}.json"
    try:
        return {int(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, AttributeError):
        pass
    genders = {i: estimate.gender for i, estimate in speaker_genders(voice).items()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
        tmp.write_text(json.dumps(genders), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # not remembered: judged again next time
    return genders
