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
    if voiced.size == 0:
        return -120.0  # silence (a second between two lines, say)
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


def mp3_frame_headers(path: Path) -> list[tuple[int, int]]:
    """(bitrate kbps, sample rate) of every MPEG audio frame after the ID3v2 tag."""
    data = Path(path).read_bytes()
    pos = 0
    if data[:3] == b"ID3":
        size = data[6] << 21 | data[7] << 14 | data[8] << 7 | data[9]
        pos = 10 + size
    rates = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
    bitrates = {3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
                2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}
    frames = []
    while pos + 4 <= len(data) and data[pos] == 0xFF and data[pos + 1] & 0xE0 == 0xE0:
        version = (data[pos + 1] >> 3) & 3
        kbps = bitrates[3 if version == 3 else 2][data[pos + 2] >> 4]
        rate = rates[version][(data[pos + 2] >> 2) & 3]
        padding = (data[pos + 2] >> 1) & 1
        size = (144 if version == 3 else 72) * kbps * 1000 // rate + padding
        frames.append((kbps, rate))
        pos += size
    return frames


def loud_span(x: np.ndarray, rate: int, threshold: float = 0.01) -> tuple[float, float]:
    """Seconds from the start to the first loud sample, and from the last loud sample to the end."""
    loud = np.nonzero(np.abs(x) > threshold)[0]
    return loud[0] / rate, (len(x) - loud[-1]) / rate
