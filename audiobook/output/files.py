"""Where outputs go: safe file and folder names, and files that appear only when complete."""
from __future__ import annotations

import os
import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from audiobook.errors import OutputError

#: Characters that may not appear in a file name on some system.
UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+|\.{2,}')
MAX_NAME_CHARS = 80


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


def book_folder(out_dir: Path, title: str) -> Path:
    """Create and return ``out_dir/<book-slug>``; OutputError when it cannot be written."""
    return writable_folder(Path(out_dir) / slug(title))


def writable_folder(folder: Path) -> Path:
    """Create ``folder`` if needed and check that files can be written there; OutputError if not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".audiobook-write-test"
        probe.write_bytes(b"")
        probe.unlink(missing_ok=True)  # books rendered side by side probe the same folder
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write there ({exc.strerror}); choose another folder with -o") from exc
    return folder


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
