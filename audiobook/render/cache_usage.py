"""What the cache holds for which book: each render records the entries it used, so the cache
can be shown by book, pruned of what no book's last render used, or cleared.

A record is ``books/<book-slug>.json`` in the cache: the book's title and folder, and the keys
of its clips, MP3 and AAC stretches and output records, by kind. An entry is a file under
``<kind>/`` whose name, up to its first dot, is its key (``clips/ab/<key>.wav``,
``stretches/ab/<key>``, ``outputs/<key>.json``).
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from audiobook.errors import AudiobookError
from audiobook.render.cache import ClipCache

#: Folder of the per-book records.
BOOKS_DIR = "books"
#: Kinds of entry that a record lists, and that pruning may remove.
KINDS = ("clips", "stretches", "aac", "outputs")


@dataclass
class BookUsage:
    """One book's share of the cache, as its last render used it."""

    title: str
    """Book title."""
    folder: str
    """The book's output folder when it was rendered."""
    files: int = 0
    """Entries of the record still in the cache."""
    size: int = 0
    """Their bytes (an entry two books share counts for both)."""


@dataclass
class CacheUsage:
    """The whole cache, by book."""

    root: Path
    """The cache folder."""
    books: list[BookUsage] = field(default_factory=list)
    """Each book with a record, by title."""
    total: int = 0
    """Bytes of every file in the cache."""
    files: int = 0
    """Every file in the cache."""
    unused: int = 0
    """Bytes of entries that no book's last render used (what --prune removes)."""
    unused_files: int = 0
    """How many such entries."""


def used_entries(clip_keys: Iterable, jobs: Iterable) -> dict[str, list[str]]:
    """The entries a render uses: its clips' keys and each job's ``cache_entries()``."""
    used: dict[str, set] = {kind: set() for kind in KINDS}
    used["clips"].update(key for key in clip_keys if key is not None)
    for job in jobs:
        for kind, key in job.cache_entries():
            used[kind].add(key)
    return {kind: sorted(keys) for kind, keys in used.items()}


def record_book(cache: ClipCache, slug: str, title: str, folder: Path, entries: dict[str, list[str]],
                partial: bool = False) -> None:
    """Note which entries the render of one book used, replacing what its last render noted; a
    ``partial`` render (some chapters only) adds to it, so a prune keeps the other chapters' clips."""
    if partial:
        try:
            before = json.loads((cache.root / BOOKS_DIR / f"{slug}.json").read_text(encoding="utf-8"))["entries"]
        except (OSError, ValueError, KeyError, TypeError):
            before = {}
        entries = {kind: sorted(set(entries.get(kind, [])) | set(before.get(kind, [])))
                   for kind in {*entries, *before}}
    record = {"title": title, "folder": str(folder), "entries": entries}
    cache.put_file(f"{BOOKS_DIR}/{slug}.json", json.dumps(record, separators=(",", ":")).encode("utf-8"))


def _existing(root: Path) -> Path:
    root = Path(root)
    if not root.is_dir():
        raise AudiobookError(f"{root}: no clip cache there; give the output folder of a render, or --cache DIR")
    return root


def _records(root: Path) -> list[dict]:
    records = []
    for path in sorted((root / BOOKS_DIR).glob("*.json")):
        try:
            records.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return records


def _entries(root: Path) -> Iterator[tuple[str, str, Path, int]]:
    """(kind, key, path, bytes) of every entry file in the cache."""
    for kind in KINDS:
        for path in (root / kind).rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                yield kind, path.name.split(".", 1)[0], path, path.stat().st_size


def usage(root: Path) -> CacheUsage:
    """The cache's size, by book; AudiobookError if there is no cache at ``root``."""
    root = _existing(root)
    records = _records(root)
    books = [BookUsage(r.get("title", "?"), r.get("folder", "?")) for r in records]
    wanted = [{kind: set(r.get("entries", {}).get(kind, ())) for kind in KINDS} for r in records]
    report = CacheUsage(root, books)
    for path in root.rglob("*"):
        if path.is_file():
            report.files += 1
            report.total += path.stat().st_size
    for kind, key, _path, size in _entries(root):
        users = [book for book, keys in zip(books, wanted) if key in keys[kind]]
        for book in users:
            book.files += 1
            book.size += size
        if not users:
            report.unused += size
            report.unused_files += 1
    report.books.sort(key=lambda b: b.title.lower())
    return report


def prune(root: Path) -> tuple[int, int]:
    """Remove the entries no book's last render used; return (files, bytes) removed.
    AudiobookError when no render has recorded what it used (everything would go)."""
    root = _existing(root)
    records = _records(root)
    if not records:
        raise AudiobookError(f"{root}: no render has recorded what it uses in this cache yet; render the books "
                             "again before pruning, or use --clear")
    wanted = {kind: set() for kind in KINDS}
    for record in records:
        for kind in KINDS:
            wanted[kind].update(record.get("entries", {}).get(kind, ()))
    files = size = 0
    for kind, key, path, bytes_ in list(_entries(root)):
        if key not in wanted[kind]:
            path.unlink(missing_ok=True)
            files, size = files + 1, size + bytes_
    return files, size


def clear(root: Path) -> int:
    """Remove the whole cache; return the bytes it held."""
    report = usage(root)
    shutil.rmtree(report.root)
    return report.total
