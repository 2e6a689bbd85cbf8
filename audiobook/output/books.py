"""Single-file books: one MP3 with ID3 chapters, or an M4B audiobook, each with a cue sheet.

Both stream the whole book from the clip cache in one pass, so memory stays flat and the
chapter marks are where the audio actually is.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags

from audiobook.model import BookInfo, RenderPlan
from audiobook.output import m4b
from audiobook.output.aac import AacPartJob, aac_key, chapter_stretches, part_jobs
from audiobook.output.chapters import job_hash, pauses_and_gains
from audiobook.output.cover import Cover
from audiobook.output.files import atomic_path, temporary_paths
from audiobook.output.mp3 import chapter_mp3, mp3_entries
from audiobook.output.profile import Profile
from audiobook.output.tags import UNKNOWN_AUTHOR, book_id3_frames, front_cover, id3_frames, tag_m4b, tag_m4b_book
from audiobook.render.cache import ClipCache


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
    number: Optional[int] = None
    """Chapter number in the whole book (None: its place in the book job, from 1)."""


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
    info: Optional[BookInfo] = None
    """The book's metadata, for narrator, series and description."""

    def write(self, cache_root: Path) -> "BookFile":
        """Write the book file; worker entry point."""
        return write_book(self, cache_root)

    def outputs(self) -> list[Path]:
        """The files this job writes."""
        return [self.path, cue_path(self.path)]

    def cache_entries(self) -> list[tuple[str, str]]:
        """(kind, key) of every cache entry this job uses besides the clips."""
        entries = [("outputs", job_hash(self))]
        for i, c in enumerate(self.chapters):
            if self.path.suffix == ".m4b":
                entries += [("aac", aac_key(stretch, self.profile, first))
                            for stretch, first in chapter_stretches(c.keys, c.pauses, c.gains, i == 0)]
            else:
                entries += mp3_entries(c.keys, c.pauses, c.gains, self.profile)
        return entries

    def parts(self) -> list[tuple[int, AacPartJob]]:
        """(chapter number, job) for the work that can run before this one, chapter by chapter
        as each chapter's clips exist: an M4B's AAC stretches, encoded on every core, some
        minutes of audio a job (``aac.JOB_STRETCHES``)."""
        if self.path.suffix != ".m4b":
            return []
        numbers = [i + 1 if c.number is None else c.number for i, c in enumerate(self.chapters)]
        return [(n, job) for i, (n, c) in enumerate(zip(numbers, self.chapters))
                for job in part_jobs(self.path, n, c.keys, c.pauses, c.gains, i == 0, self.profile)]

    def partial_files(self, cache_root: Path) -> list[Path]:
        """Where a worker killed half-way through this job may have left a temporary file."""
        return [tmp for final in self.outputs() for tmp in temporary_paths(final, cache_root / "tmp")]

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
            marks = m4b.write_m4b(tmp, job.chapters, job.profile, cache)
            tag_m4b(tmp, job.title, job.artist, job.year, job.cover)
            tag_m4b_book(tmp, job.info or BookInfo(job.title))
        else:
            marks = _write_mp3(job, cache, tmp)
    cue = cue_path(job.path)
    with atomic_path(cue, tmp_dir) as tmp:
        tmp.write_text(cue_sheet(job, marks), encoding="utf-8")
    cache.remember_output(job_hash(job), job.path, {"marks": marks})
    return BookFile(job.path, tuple(marks), cue)


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
    tags = OrderedID3()
    extra = book_id3_frames(job.info or BookInfo(job.title))
    for frame in id3_frames(job.title, job.title, job.artist, job.year, None) + extra:
        tags.add(frame)
    ids = [f"chp{i}" for i in range(1, len(marks) + 1)]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                  sub_frames=[TIT2(encoding=3, text="Chapters")]))
    for element, (title, start, end) in zip(ids, marks):
        tags.add(CHAP(element_id=element, start_time=round(start * 1000), end_time=round(end * 1000),
                      sub_frames=[TIT2(encoding=3, text=title)]))
    if job.cover:
        tags.add(front_cover(job.cover))
    tags.save(str(tmp), v2_version=3)
    return marks


class OrderedID3(ID3):
    """ID3 tags saved with their frames in the order they were added. mutagen sorts frames by
    size, which scatters CHAP frames, and players (ffprobe among them) list chapters in the
    order their frames appear in the file."""

    def _write(self, config):
        from mutagen.id3._tags import save_frame  # mutagen's own frame encoder; only the order differs

        return bytearray().join(save_frame(frame, config=config) for frame in self.values())


def book_job(path: Path, plan: RenderPlan, keys: dict, profile: Profile, cover: Optional[Cover]) -> BookJob:
    """The job that writes the whole book into one file at ``path``; ``keys`` are each
    chapter's items as cache keys, by chapter number."""
    chapters = []
    for chapter in plan.chapters:
        pauses, gains = pauses_and_gains(chapter, keys[chapter.number])
        chapters.append(ChapterAudio(chapter.title, tuple(keys[chapter.number]), pauses, gains, chapter.number))
    return BookJob(path, plan.title, plan.author or UNKNOWN_AUTHOR, cover, tuple(chapters), profile, plan.year,
                   plan.info)


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
