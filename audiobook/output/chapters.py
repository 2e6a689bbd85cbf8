"""One MP3 per chapter, tagged, and a playlist beside them."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from mutagen.id3 import ID3

from audiobook.model import BookInfo, ChapterFile, ChapterPlan, RenderPlan
from audiobook.output.cover import Cover
from audiobook.output.files import atomic_path, safe_name, temporary_paths
from audiobook.output.mp3 import chapter_mp3, mp3_entries
from audiobook.output.profile import LAME_QUALITY, Profile
from audiobook.output.tags import UNKNOWN_AUTHOR, book_id3_frames, id3_frames
from audiobook.render.cache import CACHE_VERSION, ClipCache


def chapter_filename(chapter: ChapterPlan, total: int) -> str:
    """``NN - <title>.mp3``, numbered within the whole book."""
    width = max(2, len(str(total)))
    return f"{chapter.number:0{width}d} - {safe_name(chapter.title, f'Chapter {chapter.number}')}.mp3"


@dataclass(frozen=True)
class ChapterTags:
    """What the tags of one chapter file say."""

    title: str
    """Chapter title."""
    album: str
    """Book title."""
    artist: str
    """Author, or "Unknown"."""
    track: int
    """Chapter number in the whole book."""
    total: int
    """Chapters in the whole book."""
    cover: Optional[Cover] = None
    """Front cover to embed, if any."""
    year: Optional[str] = None
    """Year of publication, when known."""
    info: Optional[BookInfo] = None
    """The book's metadata, for narrator, series and description."""

    @classmethod
    def of(cls, plan: RenderPlan, chapter: ChapterPlan, cover: Optional[Cover] = None) -> "ChapterTags":
        return cls(chapter.title, plan.title, plan.author or UNKNOWN_AUTHOR, chapter.number, plan.total_chapters, cover,
                   plan.year, plan.info)


@dataclass(frozen=True)
class EncodeJob:
    """Everything a worker needs to write one chapter file from the clip cache."""

    path: Path
    """The final file."""
    tags: ChapterTags
    """Its tags."""
    keys: tuple
    """Cache key of each item, None for a pause."""
    pauses: tuple
    """Pause length in ms of each item (0 for clips)."""
    gains: tuple
    """Gain in dB of each item (0 for pauses)."""
    profile: Profile = Profile()
    """Bitrate and sample rate."""

    def write(self, cache_root: Path) -> ChapterFile:
        """Write the chapter file (or find it already written); worker entry point."""
        return encode_chapter(self, cache_root)

    def outputs(self) -> list[Path]:
        """The files this job writes."""
        return [self.path]

    def partial_files(self, cache_root: Path) -> list[Path]:
        """Where a worker killed half-way through this job may have left a temporary file."""
        return [tmp for final in self.outputs() for tmp in temporary_paths(final, cache_root / "tmp")]

    def recall(self, cache: ClipCache) -> Optional[ChapterFile]:
        """The file as an earlier run wrote it, if it is still so."""
        data = cache.recall_output(job_hash(self))
        return None if data is None else ChapterFile(self.path, data["number"], data["title"], data["duration"])

    def cache_entries(self) -> list[tuple[str, str]]:
        """(kind, key) of every cache entry this job uses besides the clips."""
        return [*mp3_entries(self.keys, self.pauses, self.gains, self.profile), ("outputs", job_hash(self))]


def encode_job(folder: Path, plan: RenderPlan, chapter: ChapterPlan, keys: list, profile: Profile = Profile(),
               cover: Optional[Cover] = None) -> EncodeJob:
    """The EncodeJob for ``chapter`` given its items' cache keys."""
    pauses, gains = pauses_and_gains(chapter, keys)
    return EncodeJob(folder / chapter_filename(chapter, plan.total_chapters), ChapterTags.of(plan, chapter, cover),
                     tuple(keys), pauses, gains, profile)


def pauses_and_gains(chapter: ChapterPlan, keys: list) -> tuple[tuple, tuple]:
    """Per item of ``chapter``: the pause in ms (0 for clips) and the gain in dB (0 for pauses)."""
    pauses = tuple(0 if key is not None else item.ms for key, item in zip(keys, chapter.items))
    gains = tuple(item.gain_db if key is not None else 0.0 for key, item in zip(keys, chapter.items))
    return pauses, gains


def job_hash(job) -> str:
    """Identifies what a job (a frozen dataclass) would write: same hash, same bytes."""
    return hashlib.sha256(repr((CACHE_VERSION, LAME_QUALITY, job)).encode("utf-8")).hexdigest()


def encode_chapter(job: EncodeJob, cache_root: Path) -> ChapterFile:
    """Write ``job``'s chapter from the cache (its MP3 stretches, encoding those not there yet);
    the file appears only when complete. Returns it."""
    cache = ClipCache(cache_root)
    with atomic_path(job.path, cache_root / "tmp") as tmp:
        with open(tmp, "wb") as sink:
            samples = chapter_mp3(job.keys, job.pauses, job.gains, job.profile.bitrate, job.profile.sample_rate,
                                  cache, sink)
            sink.flush()
            os.fsync(sink.fileno())
        tag_chapter(tmp, job.tags)
    written = ChapterFile(job.path, job.tags.track, job.tags.title, samples / job.profile.sample_rate)
    cache.remember_output(job_hash(job), written.path,
                          {"number": written.number, "title": written.title, "duration": written.duration})
    return written


def tag_chapter(path: Path, chapter: ChapterTags) -> None:
    """Write ID3v2.3 tags: title, album, artist, track n/N, genre. No dates, so output is reproducible."""
    tags = ID3()
    frames = id3_frames(chapter.title, chapter.album, chapter.artist, chapter.year, chapter.cover,
                        f"{chapter.track}/{chapter.total}")
    for frame in frames + book_id3_frames(chapter.info or BookInfo(chapter.album)):
        tags.add(frame)
    tags.save(str(path), v2_version=3)


def write_playlist(folder: Path, files: list[ChapterFile], title: Optional[str] = None) -> Path:
    """``playlist.m3u8`` with durations, titles and paths relative to the folder."""
    lines = ["#EXTM3U"]
    if title:
        lines.append(f"#PLAYLIST:{title}")
    for f in sorted(files, key=lambda f: f.number):
        lines.append(f"#EXTINF:{round(f.duration)},{f.title}")
        lines.append(f.path.name)
    final = folder / "playlist.m3u8"
    with atomic_path(final) as tmp:
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return final
