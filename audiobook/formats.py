"""Single-file books: one MP3 with ID3 chapters, or an M4B audiobook, each with a cue sheet.

Both stream the whole book from the clip cache in one pass, so memory stays flat and the
chapter marks are where the audio actually is.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from mutagen.id3 import CHAP, CTOC, ID3, TALB, TCON, TIT2, TPE1, TYER, CTOCFlags
from mutagen.mp4 import MP4, MP4Cover
from pydub import AudioSegment

from audiobook.cache import ClipCache
from audiobook.cover import Cover
from audiobook.errors import EngineError
from audiobook.output import GENRE, Profile, atomic_path, front_cover, job_hash
from audiobook.segments import chapter_mp3
from audiobook.stitch import at_rate, chapter_pieces

#: The AAC encoder's fast coder: several times quicker than the default, and no worse for speech.
AAC_OPTIONS = {"aac_coder": "fast"}

#: iTunes media kind for an audiobook (the ``stik`` atom).
ITUNES_AUDIOBOOK = 2


@dataclass(frozen=True)
class ChapterAudio:
    """One chapter's audio as the cache holds it."""

    title: str
    """Chapter title (chapter mark, cue track)."""
    keys: tuple
    """Cache key per item, None for a pause."""
    pauses: tuple
    """Pause length in ms per item."""
    gains: tuple
    """Gain in dB per item."""


@dataclass(frozen=True)
class BookJob:
    """Everything a worker needs to write a single-file book."""

    path: Path
    """The final file: ``.mp3`` or ``.m4b``."""
    title: str
    """Book title."""
    artist: str
    """Author, or "Unknown"."""
    cover: Optional[Cover]
    """Front cover."""
    chapters: tuple
    """ChapterAudio per chapter, in order."""
    profile: Profile = Profile()
    """Bitrate and sample rate."""
    year: Optional[str] = None
    """Year of publication, when known."""

    def write(self, cache_root: Path) -> "BookFile":
        """Write the book file; worker entry point."""
        return write_book(self, cache_root)

    def outputs(self) -> list[Path]:
        """The files this job writes."""
        return [self.path, cue_path(self.path)]

    def recall(self, cache: ClipCache) -> Optional["BookFile"]:
        """The file as an earlier run wrote it, if it is still so."""
        data = cache.recall_output(job_hash(self))
        if data is None or not cue_path(self.path).is_file():
            return None
        return BookFile(self.path, tuple(tuple(m) for m in data["marks"]), cue_path(self.path))


@dataclass(frozen=True)
class BookFile:
    """A single-file book as written."""

    path: Path
    """The file."""
    marks: tuple
    """(title, start seconds, end seconds) per chapter."""
    cue: Path
    """The cue sheet beside it."""


def write_book(job: BookJob, cache_root: Path) -> BookFile:
    """Write ``job`` (MP3 or M4B by its suffix) and its cue sheet; files appear only when complete."""
    cache = ClipCache(cache_root)
    tmp_dir = cache_root / "tmp"
    with atomic_path(job.path, tmp_dir) as tmp:
        if job.path.suffix == ".m4b":
            marks = _write_m4b(job, cache, tmp)
        else:
            marks = _write_mp3(job, cache, tmp)
    cue = cue_path(job.path)
    with atomic_path(cue, tmp_dir) as tmp:
        tmp.write_text(cue_sheet(job, marks), encoding="utf-8")
    cache.remember_output(job_hash(job), job.path, {"marks": marks})
    return BookFile(job.path, tuple(marks), cue)


def _pieces(job: BookJob, cache: ClipCache, starts: list) -> Iterator[AudioSegment]:
    """The whole book at the job's rate; appends each chapter's first sample index to ``starts``."""
    done = 0
    for chapter in job.chapters:
        starts.append(done)
        for piece in chapter_pieces(chapter.keys, chapter.pauses, chapter.gains, cache):
            piece = at_rate(piece, job.profile.sample_rate)
            done += int(piece.frame_count())
            yield piece
    starts.append(done)


def _marks(job: BookJob, starts: list) -> list:
    """(title, start, end) per chapter from the sample index where each starts, and the total."""
    rate = job.profile.sample_rate
    return [(c.title, starts[i] / rate, starts[i + 1] / rate) for i, c in enumerate(job.chapters)]


def _write_mp3(job: BookJob, cache: ClipCache, tmp: Path) -> list:
    """The chapters' MP3 segments joined (encoding any not cached yet); marks at the joins."""
    starts = [0]
    with open(tmp, "wb") as sink:
        for chapter in job.chapters:
            starts.append(starts[-1] + chapter_mp3(chapter.keys, chapter.pauses, chapter.gains, job.profile.bitrate,
                                                   job.profile.sample_rate, cache, sink))
    marks = _marks(job, starts)
    tags = ID3()
    tags.add(TIT2(encoding=3, text=job.title))
    tags.add(TALB(encoding=3, text=job.title))
    tags.add(TPE1(encoding=3, text=job.artist))
    tags.add(TCON(encoding=3, text=GENRE))
    if job.year:
        tags.add(TYER(encoding=3, text=job.year))
    if job.cover:
        tags.add(front_cover(job.cover))
    ids = [f"chp{i}" for i in range(1, len(marks) + 1)]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                  sub_frames=[TIT2(encoding=3, text="Chapters")]))
    for element, (title, start, end) in zip(ids, marks):
        tags.add(CHAP(element_id=element, start_time=round(start * 1000), end_time=round(end * 1000),
                      sub_frames=[TIT2(encoding=3, text=title)]))
    tags.save(str(tmp), v2_version=3)
    return marks


def _write_m4b(job: BookJob, cache: ClipCache, tmp: Path) -> list:
    starts: list = []
    ffmpeg = ffmpeg_path()
    if ffmpeg:
        _m4b_with_ffmpeg(job, cache, tmp, starts)
    else:
        _m4b_with_pyav(job, cache, tmp, starts)
    marks = _marks(job, starts)
    if ffmpeg:
        _add_chapters_with_ffmpeg(tmp, marks)
    _tag_m4b(job, tmp)
    return marks


def ffmpeg_path() -> Optional[str]:
    """The ffmpeg program if it is on PATH (and not turned off with AUDIOBOOK_FFMPEG=0), else None."""
    return None if os.environ.get("AUDIOBOOK_FFMPEG") == "0" else shutil.which("ffmpeg")


def _m4b_with_pyav(job: BookJob, cache: ClipCache, tmp: Path, starts: list) -> None:
    import av
    import numpy as np
    from fractions import Fraction

    rate = job.profile.sample_rate
    with av.open(str(tmp), "w", format="ipod", options={"brand": "M4B "}) as container:
        stream = container.add_stream("aac", rate=rate, layout="mono", options=dict(AAC_OPTIONS))
        stream.bit_rate = job.profile.bitrate * 1000
        pts = 0
        for piece in _pieces(job, cache, starts):
            samples = np.frombuffer(piece.raw_data, dtype="<i2").reshape(1, -1)
            if not samples.size:
                continue
            frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
            frame.rate, frame.pts = rate, pts
            pts += frame.samples
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
        container.set_chapters([
            {"id": i + 1, "start": round(start * 1000), "end": round(end * 1000), "time_base": Fraction(1, 1000),
             "metadata": {"title": title}} for i, (title, start, end) in enumerate(_marks(job, starts))])


def _m4b_with_ffmpeg(job: BookJob, cache: ClipCache, tmp: Path, starts: list) -> None:
    rate = job.profile.sample_rate
    command = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "s16le", "-ar", str(rate), "-ac", "1",
               "-i", "pipe:0", "-c:a", "aac", "-aac_coder", AAC_OPTIONS["aac_coder"],
               "-b:a", f"{job.profile.bitrate}k", "-f", "ipod", str(tmp)]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for piece in _pieces(job, cache, starts):
            process.stdin.write(piece.raw_data)
        process.stdin.close()
    except BrokenPipeError:
        pass
    error = process.stderr.read().decode(errors="replace").strip()
    if process.wait() != 0:
        raise EngineError(f"{job.path}: ffmpeg could not encode the book: {error.splitlines()[-1] if error else '?'}")


def _add_chapters_with_ffmpeg(path: Path, marks: list) -> None:
    """Remux ``path`` with chapters (ffmpeg writes both a QuickTime chapter track and a Nero chpl)."""
    def escape(text: str) -> str:
        return "".join("\\" + ch if ch in "=;#\\\n" else ch for ch in text)

    lines = [";FFMETADATA1"]
    for title, start, end in marks:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round(start * 1000)}", f"END={round(end * 1000)}",
                  f"title={escape(title)}"]
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        meta, out = Path(work) / "chapters.txt", Path(work) / "book.m4b"
        meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
        done = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(path), "-f", "ffmetadata",
                               "-i", str(meta), "-map", "0:a", "-map_chapters", "1", "-c", "copy", "-brand", "M4B ",
                               "-f", "ipod", str(out)], capture_output=True, text=True)
        if done.returncode != 0:
            raise EngineError(f"{path}: ffmpeg could not add the chapters: {done.stderr.strip()[-200:]}")
        os.replace(out, path)


def _tag_m4b(job: BookJob, path: Path) -> None:
    audio = MP4(str(path))
    audio.tags = audio.tags if audio.tags is not None else audio.add_tags() or audio.tags
    audio["\xa9nam"] = [job.title]
    audio["\xa9alb"] = [job.title]
    audio["\xa9ART"] = [job.artist]
    audio["aART"] = [job.artist]
    audio["\xa9gen"] = [GENRE]
    audio["stik"] = [ITUNES_AUDIOBOOK]
    if job.year:
        audio["\xa9day"] = [job.year]
    if job.cover:
        kind = MP4Cover.FORMAT_PNG if job.cover.mime == "image/png" else MP4Cover.FORMAT_JPEG
        audio["covr"] = [MP4Cover(job.cover.data, imageformat=kind)]
    audio.save()


def cue_path(book: Path) -> Path:
    """The cue sheet beside a single-file book: ``Title.m4b.cue`` (an MP3 and an M4B may share a title)."""
    return book.with_name(book.name + ".cue")


def cue_sheet(job: BookJob, marks: list) -> str:
    """A cue sheet for the single file: one track per chapter."""
    def quoted(text: str) -> str:
        return '"' + text.replace('"', "'") + '"'

    def stamp(seconds: float) -> str:
        frames = round(seconds * 75)
        return f"{frames // 4500:02d}:{frames // 75 % 60:02d}:{frames % 75:02d}"

    kind = "MP4" if job.path.suffix == ".m4b" else "MP3"
    lines = [f"PERFORMER {quoted(job.artist)}", f"TITLE {quoted(job.title)}", f"FILE {quoted(job.path.name)} {kind}"]
    for number, (title, start, _end) in enumerate(marks, start=1):
        lines += [f"  TRACK {number:02d} AUDIO", f"    TITLE {quoted(title)}", f"    PERFORMER {quoted(job.artist)}",
                  f"    INDEX 01 {stamp(start)}"]
    return "\n".join(lines) + "\n"
