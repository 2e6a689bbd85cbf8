"""Render a batch of books (``audiobook render A.epub B.txt`` or ``audiobook render FOLDER/``).

Each book goes into its own folder under the output folder, through the same ``pipeline.render``
as a single book (in a process of its own, so it gives the same bytes), with one progress
display for the whole batch. A book whose
files are what the same command wrote last time (same source, voices, cover, options and
engine; files untouched since) is skipped without being read again, so a library can be
rendered again after adding a few books in seconds. A book that fails is reported in one line
and the others go on; a lost cluster stops the batch, since every other book would fail too.
"""
from __future__ import annotations

import functools
import hashlib
import json
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from audiobook.errors import AudiobookError, ClusterError, SourceError
from audiobook.library.child import render_in_child
from audiobook.render.cache import CACHE_DIRNAME, ClipCache
from audiobook.render.engine import DEFAULT_ENGINE, load_engine
from audiobook.render.progress import Progress

#: Suffixes of the books found in a folder (a script file, .json, is rendered only when named).
BOOK_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".epub")

#: Bump when what a stamp records changes, so old stamps are not trusted.
STAMP_VERSION = 1


@dataclass
class BatchResult:
    """What a batch render did with each book."""

    written: list[Path] = field(default_factory=list)
    """Books rendered (some or all of their files written again)."""
    skipped: list[Path] = field(default_factory=list)
    """Books whose files were already up to date."""
    failed: list[tuple[Path, str]] = field(default_factory=list)
    """Books that failed, with the one-line reason."""

    def summary(self) -> str:
        """One line: how many books were written, skipped and failed."""
        total = len(self.written) + len(self.skipped) + len(self.failed)
        return (f"{total} book{'s' if total != 1 else ''}: {len(self.written)} written, "
                f"{len(self.skipped)} skipped (up to date), {len(self.failed)} failed")


def is_batch(sources: Iterable[Path]) -> bool:
    """Whether the command line names more than one book or a folder of books."""
    sources = list(sources)
    return len(sources) != 1 or Path(sources[0]).is_dir()


def find_books(sources: Iterable[Path]) -> list[Path]:
    """The books named: files as given, folders searched (with their subfolders, hidden ones
    left out) for BOOK_SUFFIXES, in name order. SourceError for a folder without books."""
    books: list[Path] = []
    for source in map(Path, sources):
        if not source.is_dir():
            books.append(source)
            continue
        found = sorted(p for p in source.rglob("*") if p.suffix.lower() in BOOK_SUFFIXES and p.is_file()
                       and not any(part.startswith(".") for part in p.relative_to(source).parts))
        if not found:
            raise SourceError(f"{source}: no books in this folder (looked for {', '.join(BOOK_SUFFIXES)})")
        books.extend(found)
    return list(dict.fromkeys(books))


class BatchProgress(Progress):
    """One display for the whole batch: totals grow as each book starts; errors always show.
    Books rendered side by side report through ``for_book`` views, one at a time."""

    def __init__(self, books: int, **kwargs):
        super().__init__(**kwargs)
        self.books = books
        self.lock = threading.RLock()

    def for_book(self, number: int, book: Path) -> "BookProgress":
        """The view through which book ``number`` (1-based) reports."""
        return BookProgress(self, f"book {number}/{self.books}, {Path(book).name}")

    def add(self, label: str, clips: int, chapters: int, parts: int = 0) -> None:
        """A book's work joins the batch's totals."""
        with self.lock:
            self.clips_total += clips
            self.chapters_total += chapters
            self.parts_total += parts
            self.log(f"{label}: {clips} clips to synthesize, {chapters} files to write"
                     + (f", {parts} parts to encode for them" if parts else ""))

    def clip_done(self) -> None:
        with self.lock:
            super().clip_done()

    def chapter_done(self, title: str) -> None:
        with self.lock:
            super().chapter_done(title)

    def part_done(self, label: str) -> None:
        with self.lock:
            super().part_done(label)

    def log(self, message: str) -> None:
        with self.lock:
            super().log(message)

    def finish(self) -> None:
        """Kept for the end of the batch (``close``), not the end of each book."""

    def close(self) -> None:
        """The batch is over: clear the bar."""
        super().finish()

    def error(self, message: str) -> None:
        """A line that shows even with ``-q``."""
        with self.lock:
            if self.quiet:
                self.stream.write(message + "\n")
                self.stream.flush()
            else:
                self.log(message)


class BookProgress(Progress):
    """One book's progress, shown on the batch's display with the book's label."""

    def __init__(self, batch: BatchProgress, label: str):
        super().__init__(quiet=True)
        self.batch, self.label = batch, label

    def start(self, clips: int, chapters: int, parts: int = 0) -> None:
        self.batch.add(self.label, clips, chapters, parts)

    def clip_done(self) -> None:
        self.batch.clip_done()

    def chapter_done(self, title: str) -> None:
        self.batch.chapter_done(title)

    def part_done(self, label: str) -> None:
        self.batch.part_done(label)

    def log(self, message: str) -> None:
        self.batch.log(message)


def stamp(book: Path, inputs: Iterable[Optional[Path]], options: dict) -> str:
    """Identifies what rendering ``book`` with ``options`` would write: the bytes of the book and
    of the other ``inputs`` (voices file, cover), and the options."""
    digest = hashlib.sha256(repr((STAMP_VERSION, sorted(options.items()))).encode("utf-8"))
    for path in (book, *inputs):
        digest.update(b"\0")
        if path is not None:
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def _stamp_key(book: Path) -> str:
    return hashlib.sha256(str(book.resolve()).encode("utf-8")).hexdigest()


def up_to_date(cache: ClipCache, book: Path, value: str) -> bool:
    """Whether the files the last render of ``book`` wrote are there, untouched, under ``value``."""
    record = cache.get_bytes("library", _stamp_key(book))
    try:
        data = json.loads(record) if record else None
        return bool(data) and data["stamp"] == value and all(
            (Path(p).stat().st_size, Path(p).stat().st_mtime_ns) == (size, mtime) for p, size, mtime in data["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return False


def remember(cache: ClipCache, book: Path, value: str, files: Iterable[Path]) -> None:
    """Note that rendering ``book`` under ``value`` wrote ``files``, as they are on disk now."""
    records = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in map(Path, files)]
    cache.put_bytes("library", _stamp_key(book), json.dumps({"stamp": value, "files": records}).encode("utf-8"))


def result_files(result) -> list[Path]:
    """Every file a ``pipeline.RenderResult`` names."""
    files = [f.path for f in result.files] + ([result.playlist] if result.playlist else [])
    return files + [p for book in result.books for p in (book.path, book.cue)]


def render_books(books: list[Path], render: Callable, cache: ClipCache, progress: BatchProgress,
                 inputs: Iterable[Optional[Path]] = (), options: Optional[dict] = None,
                 at_once: int = 1) -> BatchResult:
    """Render each of ``books`` with ``render(book, progress=...)`` (a ``pipeline.render`` with
    everything else given), ``at_once`` side by side, skipping those up to date under ``inputs``
    and ``options`` (which must hold all that changes the output, the engine's identity included)."""
    inputs, options = list(inputs), dict(options or {})
    result = BatchResult()
    pool = ThreadPoolExecutor(max_workers=at_once)  # each thread only waits on its book's process
    running: dict = {}
    try:
        for number, book in enumerate(books, start=1):
            shown = progress.for_book(number, book)
            try:
                value = stamp(book, inputs, options)
            except OSError:
                value = None  # reported by the render itself, as for a single book
            if value is not None and up_to_date(cache, book, value):
                shown.log(f"{shown.label}: up to date, skipped")
                result.skipped.append(book)
            else:
                running[pool.submit(render, book, progress=shown)] = (book, value, shown)
        for future in as_completed(running):
            book, value, shown = running[future]
            try:
                rendered = future.result()
            except ClusterError:
                raise
            except AudiobookError as exc:
                result.failed.append((book, str(exc)))
            except Exception as exc:  # one broken book must not stop a library
                result.failed.append((book, f"unexpected internal error ({type(exc).__name__}: {exc})"))
            else:
                result.written.append(book)
                if value is not None:
                    remember(cache, book, value, result_files(rendered))
                shown.log(f"{shown.label}: written to {rendered.folder}")
                continue
            message = result.failed[-1][1]
            progress.error(f"failed: {message if message.startswith(f'{book}:') else f'{book}: {message}'}")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        progress.close()
    order = {book: i for i, book in enumerate(books)}
    result.written.sort(key=order.get)
    result.failed.sort(key=lambda failure: order[failure[0]])
    return result


#: Options of ``pipeline.render`` that change how fast a book renders, not what it writes.
NOT_IN_STAMP = ("progress", "jobs", "cluster", "engine")


def render_library(books: list[Path], render_book: Callable, progress: BatchProgress,
                   at_once: int = 1) -> BatchResult:
    """Render ``books`` with ``render_book``, a ``functools.partial`` of ``pipeline.render`` holding
    every option but the book, each in a process of its own (``child.py``), ``at_once`` side by
    side; the options, voices file, cover and engine identity make a book's files up to date."""
    options = dict(render_book.keywords)
    engine = options.get("engine") or load_engine(options.get("engine_spec", DEFAULT_ENGINE))  # never speaks here
    cache_root = options.get("cache_dir") or Path(options["out_dir"]) / CACHE_DIRNAME
    stamped = {k: repr(v) for k, v in options.items() if k not in NOT_IN_STAMP}
    stamped["engine"] = engine.identity
    inputs = [options.get("voices"), options.get("cover")]
    return render_books(books, functools.partial(render_in_child, render_book), ClipCache(Path(cache_root)),
                        progress, inputs, stamped, at_once)
