"""Chapters of single-file books in time order, read back from real files: the ID3 CHAP frames
as they lie in the MP3's bytes, and every chapter of an M4B with more than 255 of them."""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from audio import decode

from audiobook.model import Clip, VoiceSettings
from audiobook.output.books import BookJob, ChapterAudio, write_book
from audiobook.render.cache import ClipCache, clip_key


def tone_book(cache_root: Path, count: int, seconds: float = 0.3) -> tuple:
    """``count`` chapters, each a short tone between pauses, stored in a clip cache; titles are
    Roman numerals of different lengths, so frames of different sizes."""
    cache = ClipCache(cache_root)
    chapters = []
    for n in range(1, count + 1):
        hz = 150 + 7 * n
        tone = (np.sin(np.arange(int(22050 * seconds)) * 2 * np.pi * hz / 22050) * 6000).astype("<i2").tobytes()
        key = clip_key("tone", VoiceSettings("v"), f"tone {n}")
        cache.put(key, Clip(tone, 22050))
        chapters.append(ChapterAudio(roman(n), (None, key, None), (300, 0, 400), (0.0, 0.0, 0.0)))
    return tuple(chapters)


def roman(n: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def id3_frames_in_file_order(path: Path) -> list[tuple[str, bytes]]:
    """(frame id, payload) of every ID3v2.3 frame, in the order they lie in the file."""
    data = path.read_bytes()
    assert data[:3] == b"ID3" and data[3] == 3
    end = 10 + (data[6] << 21 | data[7] << 14 | data[8] << 7 | data[9])
    pos, frames = 10, []
    while pos + 10 <= end and data[pos:pos + 4] != b"\0\0\0\0":
        frame_id, size = data[pos:pos + 4].decode(), struct.unpack(">I", data[pos + 4:pos + 8])[0]
        frames.append((frame_id, data[pos + 10:pos + 10 + size]))
        pos += 10 + size
    return frames


def pyav_chapters(path: Path) -> list[tuple[str, float]]:
    import av

    with av.open(str(path)) as container:
        return [(c["metadata"].get("title", ""), float(c["start"] * c["time_base"])) for c in container.chapters()]


def test_single_mp3_stores_chap_frames_in_time_order(tmp_path):
    chapters = tone_book(tmp_path / "cache", 12)
    written = write_book(BookJob(tmp_path / "b.mp3", "B", "A", None, chapters), tmp_path / "cache")
    frames = id3_frames_in_file_order(written.path)
    chap_ids = [payload.split(b"\0", 1)[0].decode() for frame_id, payload in frames if frame_id == "CHAP"]
    assert chap_ids == [f"chp{n}" for n in range(1, 13)]
    assert [f for f, _ in frames].index("CTOC") < [f for f, _ in frames].index("CHAP")
    read = pyav_chapters(written.path)
    assert [title for title, _ in read] == [roman(n) for n in range(1, 13)]
    starts = [start for _, start in read]
    assert starts == sorted(starts) and starts == pytest.approx([m[1] for m in written.marks], abs=0.002)
    # each chapter lasts its tone and pauses (1.0 s), to within an MP3 frame
    assert np.diff(starts) == pytest.approx([1.0] * 11, abs=0.03)


def test_m4b_keeps_more_than_255_chapters(tmp_path):
    chapters = tone_book(tmp_path / "cache", 300, seconds=0.05)
    written = write_book(BookJob(tmp_path / "b.m4b", "B", "A", None, chapters), tmp_path / "cache")
    read = pyav_chapters(written.path)
    assert len(read) == 300
    assert [title for title, _ in read] == [roman(n) for n in range(1, 301)]
    starts = [start for _, start in read]
    assert starts == pytest.approx([m[1] for m in written.marks], abs=0.001)
    # each chapter is its 0.75 s to within a frame (1024 samples, 46 ms), and its tone starts
    # 0.3 s after its mark, to within a few samples
    assert np.diff(starts) == pytest.approx([0.75] * 299, abs=0.024)
    x, rate = decode(written.path)
    assert len(x) / rate == pytest.approx(written.marks[-1][2], abs=1 / rate)
    for start in starts:
        window = x[int(start * rate):int((start + 0.6) * rate)]
        assert np.argmax(np.abs(window) > 0.02) / rate == pytest.approx(0.3, abs=0.003)
