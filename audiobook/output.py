"""Stage 7: chapter audio -> files. Safe names, ID3 tags, atomic writes, a playlist."""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from mutagen.id3 import APIC, ID3, TALB, TCON, TIT2, TPE1, TRCK, TYER

from audiobook.errors import OutputError
from audiobook.model import ChapterFile, ChapterPlan, RenderPlan
from audiobook.cache import CACHE_VERSION, ClipCache
from audiobook.cover import Cover
from audiobook.segments import chapter_mp3
from audiobook.stitch import DEFAULT_BITRATE
from audiobook.synth import SAMPLE_RATE

#: Characters that may not appear in a file name on some system.
UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+|\.{2,}')
MAX_NAME_CHARS = 80
GENRE = "Audiobook"
UNKNOWN_AUTHOR = "Unknown"


@dataclass(frozen=True)
class Profile:
    """How audio files are encoded."""

    bitrate: int = DEFAULT_BITRATE
    """kbps, constant."""
    sample_rate: int = SAMPLE_RATE
    """Samples per second of the files."""


#: Encoding profiles by name: the default suits speech; acx is what ACX asks for.
PROFILES = {"default": Profile(), "acx": Profile(bitrate=192, sample_rate=44100)}


def safe_name(title: str, fallback: str, limit: int = MAX_NAME_CHARS) -> str:
    """``title`` as a file name: no separators, control characters or leading dots, length-limited."""
    name = unicodedata.normalize("NFC", title)
    name = UNSAFE_NAME_CHARS.sub(" ", name)
    name = re.sub(r"\s+", " ", name).strip().lstrip(".").strip()
    name = name[:limit].rstrip(" .")
    return name or fallback


def slug(title: str, fallback: str = "book") -> str:
    """A lower-case folder name for the book: letters, digits and hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return value[:MAX_NAME_CHARS].strip("-") or fallback


def book_folder(out_dir: Path, plan: RenderPlan) -> Path:
    """Create and return ``out_dir/<book-slug>``; OutputError when it cannot be written."""
    return writable_folder(Path(out_dir) / slug(plan.title))


def writable_folder(folder: Path) -> Path:
    """Create ``folder`` if needed and check that files can be written there; OutputError if not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".audiobook-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write there ({exc.strerror}); choose another folder with -o") from exc
    return folder


def chapter_filename(chapter: ChapterPlan, total: int) -> str:
    """``NN - <title>.mp3``, numbered within the whole book."""
    width = max(2, len(str(total)))
    return f"{chapter.number:0{width}d} - {safe_name(chapter.title, f'Chapter {chapter.number}')}.mp3"


def temporary_paths(final: Path, tmp_dir: Optional[Path] = None) -> list[Path]:
    """Where ``atomic_path`` may write ``final`` before renaming it (to clean up after a kill)."""
    paths = [final.with_name(f".{final.name}.part")]
    if tmp_dir is not None:
        paths.insert(0, tmp_dir / f"{final.name}.part")
    return paths


@contextmanager
def atomic_path(final: Path, tmp_dir: Optional[Path] = None) -> Iterator[Path]:
    """A temporary path, renamed onto ``final`` only if the block completes.

    The temporary file goes in ``tmp_dir`` when that is on the same file system (so a killed
    render leaves nothing half-written among the outputs), else beside ``final``.
    """
    tmp = temporary_paths(final)[0]
    if tmp_dir is not None:
        try:
            tmp_dir.mkdir(parents=True, exist_ok=True)
            if tmp_dir.stat().st_dev == final.parent.stat().st_dev:
                tmp = temporary_paths(final, tmp_dir)[0]
        except OSError:
            pass
    try:
        yield tmp
        os.replace(tmp, final)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{final}: cannot be written ({exc.strerror}); check the free space and permissions") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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

    @classmethod
    def of(cls, plan: RenderPlan, chapter: ChapterPlan, cover: Optional[Cover] = None) -> "ChapterTags":
        return cls(chapter.title, plan.title, plan.author or UNKNOWN_AUTHOR, chapter.number, plan.total_chapters, cover,
                   plan.year)


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

    def recall(self, cache: ClipCache) -> Optional[ChapterFile]:
        """The file as an earlier run wrote it, if it is still so."""
        data = cache.recall_output(job_hash(self))
        return None if data is None else ChapterFile(self.path, data["number"], data["title"], data["duration"])


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
    from audiobook.stitch import LAME_QUALITY

    return hashlib.sha256(repr((CACHE_VERSION, LAME_QUALITY, job)).encode("utf-8")).hexdigest()


def encode_chapter(job: EncodeJob, cache_root: Path) -> ChapterFile:
    """Write ``job``'s chapter from the cache (its MP3 segments, encoding those not there yet);
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
    tags.add(TIT2(encoding=3, text=chapter.title))
    tags.add(TALB(encoding=3, text=chapter.album))
    tags.add(TPE1(encoding=3, text=chapter.artist))
    tags.add(TRCK(encoding=3, text=f"{chapter.track}/{chapter.total}"))
    tags.add(TCON(encoding=3, text=GENRE))
    if chapter.year:
        tags.add(TYER(encoding=3, text=chapter.year))
    if chapter.cover:
        tags.add(front_cover(chapter.cover))
    tags.save(str(path), v2_version=3)


def front_cover(cover: Cover) -> APIC:
    """An ID3 front-cover picture frame."""
    return APIC(encoding=3, mime=cover.mime, type=3, desc="Cover", data=cover.data)


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
