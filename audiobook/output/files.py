"""Where outputs go: safe file and folder names, and files that appear only when complete."""
from __future__ import annotations

import itertools
import os
import re
import threading
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


#: Hidden folder of an output folder that says which book each book folder belongs to: a file
#: named like the book folder, holding the resolved path of the book's source.
CLAIMS_DIRNAME = ".audiobook-folders"


def book_folder(out_dir: Path, title: str, source: Path) -> Path:
    """Create and return the folder of the book ``source``, titled ``title``, under ``out_dir``;
    OutputError when it cannot be written.

    It is the first of ``folder_names`` that is this book's or no book's yet, claimed for it in
    CLAIMS_DIRNAME: ``<slug(title)>``, unless another book with that title has it. So two books
    with one title never share a folder, even rendered side by side, and a book always finds its
    folder again. A folder from before claims goes to the first book that writes there.
    """
    out_dir, owner = Path(out_dir), str(Path(source).resolve())
    claims = out_dir / CLAIMS_DIRNAME
    try:
        claims.mkdir(parents=True, exist_ok=True)
        name = next(name for name in folder_names(slug(title), slug(Path(source).stem))
                    if _create(claims / name, owner) or (claims / name).read_text(encoding="utf-8") == owner)
    except OSError as exc:
        raise OutputError(f"{claims}: cannot be written ({exc.strerror}); choose another folder with -o") from exc
    return writable_folder(out_dir / name)


def folder_names(title_slug: str, stem_slug: str) -> Iterator[str]:
    """The folders a book may take, best first: its title's slug, then that with the slug of its
    file name (or the latter alone when it begins with the former), then those numbered from 2."""
    yield title_slug
    base = stem_slug if stem_slug == title_slug or stem_slug.startswith(f"{title_slug}-") else \
        f"{title_slug}-{stem_slug}"
    if base != title_slug:
        yield base
    for number in itertools.count(2):
        yield f"{base}-{number}"


def _create(path: Path, text: str) -> bool:
    """Create ``path`` holding ``text``, unless it exists; False then. Whole or not at all: a book
    that finds the file there reads whose it is, never a half-written name."""
    part = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.part")
    part.write_text(text, encoding="utf-8")
    try:
        os.link(part, path)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: create it in place instead
        try:
            with open(path, "x", encoding="utf-8") as file:
                file.write(text)
        except FileExistsError:
            return False
    finally:
        part.unlink(missing_ok=True)
    return True


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
