"""Measurements on real audio for the tests: loudness, pitch, spectrum, decoding MP3."""
from __future__ import annotations

from pathlib import Path

import numpy as np


def samples(pcm: bytes) -> np.ndarray:
    """16-bit PCM bytes as floats in [-1, 1]."""
    return np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768.0


def rms_db(x: np.ndarray) -> float:
    """RMS level in dBFS of the non-silent part."""
    voiced = x[np.abs(x) > 1e-3]
    return 20 * np.log10(np.sqrt(np.mean(voiced**2)) + 1e-12)


def median_pitch(x: np.ndarray, rate: int) -> float:
    """Median fundamental frequency (Hz) over voiced 40 ms frames, by autocorrelation."""
    frame = int(0.04 * rate)
    lo, hi = int(rate / 400), int(rate / 60)
    loud = np.sqrt(np.mean(x**2))
    pitches = []
    for start in range(0, len(x) - frame, frame // 2):
        f = x[start:start + frame]
        if np.sqrt(np.mean(f**2)) < loud * 0.5:
            continue
        f = f - f.mean()
        ac = np.correlate(f, f, mode="full")[frame - 1:]
        if ac[0] <= 0:
            continue
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] / ac[0] > 0.4:
            pitches.append(rate / lag)
    assert pitches, "no voiced frames"
    return float(np.median(pitches))


def spectral_centroid(x: np.ndarray, rate: int) -> float:
    """Power-weighted mean frequency (Hz) of the whole signal."""
    spec = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / rate)
    return float((spec * freqs).sum() / spec.sum())


def decode(path: Path) -> tuple[np.ndarray, int]:
    """Decode an audio file with PyAV (bundled FFmpeg) to mono floats and its sample rate."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        chunks = [frame.to_ndarray().astype(np.float64).mean(axis=0) for frame in container.decode(stream)]
        rate = stream.rate
    x = np.concatenate(chunks)
    if np.abs(x).max() > 1.5:  # integer sample formats
        x = x / 32768.0
    return x, rate
