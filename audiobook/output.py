"""Stage 7: chapter audio -> files. Safe names, ID3 tags, atomic writes, a playlist."""
from __future__ import annotations

import os
import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Optional

from mutagen.id3 import ID3, TALB, TCON, TIT2, TPE1, TRCK
from pydub import AudioSegment

from audiobook.errors import OutputError
from audiobook.model import ChapterFile, ChapterPlan, RenderPlan
from audiobook.stitch import DEFAULT_BITRATE, encode_mp3

#: Characters that may not appear in a file name on some system.
UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+|\.{2,}')
MAX_NAME_CHARS = 80
GENRE = "Audiobook"
UNKNOWN_AUTHOR = "Unknown"


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
    folder = Path(out_dir) / slug(plan.title)
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


@contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """A temporary path beside ``final``, renamed onto it only if the block completes."""
    tmp = final.with_name(f".{final.name}.part")
    try:
        yield tmp
        os.replace(tmp, final)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{final}: cannot be written ({exc.strerror}); check the free space and permissions") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_chapter(folder: Path, plan: RenderPlan, chapter: ChapterPlan,
                  pieces: Iterable[AudioSegment], bitrate: int = DEFAULT_BITRATE) -> ChapterFile:
    """Encode ``pieces`` into the chapter's MP3 with tags; the file appears only when complete."""
    final = folder / chapter_filename(chapter, plan.total_chapters)
    with atomic_path(final) as tmp:
        with open(tmp, "wb") as sink:
            duration = encode_mp3(pieces, sink, bitrate)
            sink.flush()
            os.fsync(sink.fileno())
        tag_chapter(tmp, plan, chapter)
    return ChapterFile(path=final, number=chapter.number, title=chapter.title, duration=duration)


def tag_chapter(path: Path, plan: RenderPlan, chapter: ChapterPlan) -> None:
    """Write ID3v2.3 tags: title, album, artist, track n/N, genre. No dates, so output is reproducible."""
    tags = ID3()
    tags.add(TIT2(encoding=3, text=chapter.title))
    tags.add(TALB(encoding=3, text=plan.title))
    tags.add(TPE1(encoding=3, text=plan.author or UNKNOWN_AUTHOR))
    tags.add(TRCK(encoding=3, text=f"{chapter.number}/{plan.total_chapters}"))
    tags.add(TCON(encoding=3, text=GENRE))
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
