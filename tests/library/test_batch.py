"""Many books in one render: each into its own folder, up-to-date ones skipped, failures one line each."""
from __future__ import annotations

import functools
import io
import os
import signal
import threading
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from audiobook import pipeline
from audiobook.cli import main
from audiobook.errors import ClusterError, SourceError
from audiobook.library import batch
from audiobook.library.child import render_in_child
from audiobook.render.cache import ClipCache
from fakes import FakeEngine


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "quay.txt").write_text('The Quay\n\nChapter 1\n\nThe quay was quiet.\n\n"Hold it," said Mara.\n',
                                     encoding="utf-8")
    (folder / "river.md").write_text("# The River\n\nThe river was slow.\n", encoding="utf-8")
    return folder


def test_a_folder_renders_each_book_into_its_own_folder_then_skips_them(library, tmp_path):
    out = tmp_path / "out"
    first = run("render", library, "-o", out)
    assert first.exit_code == 0, first.output
    assert first.stdout == "2 books: 2 written, 0 skipped (up to date), 0 failed\n"
    assert [p.name for p in (out / "the-quay").glob("*.mp3")] == ["01 - Chapter 1.mp3"]
    assert [p.name for p in (out / "river").glob("*.mp3")] == ["01 - The River.mp3"]
    assert f"book 1/2, quay.txt: written to {out / 'the-quay'}\n" in first.output

    again = run("render", library, "-o", out)
    assert again.stdout == "2 books: 0 written, 2 skipped (up to date), 0 failed\n"
    assert "book 2/2, river.md: up to date, skipped\n" in again.output

    (library / "river.md").write_text("# The River\n\nThe river was slower.\n", encoding="utf-8")
    (out / "the-quay" / "playlist.m3u8").unlink()  # a file gone: that book is not up to date either
    third = run("render", library, "-o", out)
    assert third.stdout == "2 books: 2 written, 0 skipped (up to date), 0 failed\n"
    assert (out / "the-quay" / "playlist.m3u8").is_file()


def same_title(tmp_path):
    """Two books both titled The Quay, told apart by their chapter titles."""
    books = [tmp_path / "first" / "quay.txt", tmp_path / "second" / "harbour.txt"]
    for book, chapter in zip(books, ("Dawn", "Dusk")):
        book.parent.mkdir()
        book.write_text(f"The Quay\n\nChapter 1: {chapter}\n\nThe quay was quiet.\n", encoding="utf-8")
    return books


def files(folder):
    return {p: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def test_books_with_one_title_get_a_folder_each_then_are_skipped(tmp_path):
    books, out = same_title(tmp_path), tmp_path / "out"
    first = run("render", *books, "-o", out)
    assert first.stdout == "2 books: 2 written, 0 skipped (up to date), 0 failed\n", first.output
    assert [p.name for p in (out / "the-quay").glob("*.mp3")] == ["01 - Chapter 1 Dawn.mp3"]
    assert [p.name for p in (out / "the-quay-harbour").glob("*.mp3")] == ["01 - Chapter 1 Dusk.mp3"]

    before = files(out)
    again = run("render", *books, "-o", out)
    assert again.stdout == "2 books: 0 written, 2 skipped (up to date), 0 failed\n", again.output
    assert files(out) == before


def test_books_with_one_title_side_by_side_get_a_folder_each(tmp_path):
    books, out = same_title(tmp_path), tmp_path / "out"
    render_book = functools.partial(pipeline.render, out_dir=out, engine=FakeEngine(), engine_spec="fakes:FakeEngine",
                                    jobs=1, make_cover=False)
    result = batch.render_library(books, render_book, batch.BatchProgress(2, quiet=True), at_once=2)
    assert (result.written, result.failed) == (books, [])
    folders = {p.parent.name: p.name for p in out.glob("*/*.mp3")}
    assert folders in ({"the-quay": "01 - Chapter 1 Dawn.mp3", "the-quay-harbour": "01 - Chapter 1 Dusk.mp3"},
                       {"the-quay": "01 - Chapter 1 Dusk.mp3", "the-quay-quay": "01 - Chapter 1 Dawn.mp3"})


def test_a_failing_book_is_one_line_and_the_others_go_on(library, tmp_path):
    empty = library / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = run("render", empty, library / "quay.txt", "-o", tmp_path / "out", "-q")
    assert result.exit_code == 1
    assert result.output == (f"failed: {empty}: the file is empty; give a file with story text\n"
                             "Error: 1 of 2 books failed\n")
    assert (tmp_path / "out" / "the-quay" / "01 - Chapter 1.mp3").is_file()


def boom(book, progress):
    raise ValueError("boom")


def crash(book, progress):
    os.kill(os.getpid(), signal.SIGSEGV)


def test_an_unexpected_error_or_a_crash_fails_only_its_book(tmp_path):
    books = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for book in books:
        book.write_text("x", encoding="utf-8")
    renders = iter([functools.partial(render_in_child, boom), functools.partial(render_in_child, crash)])
    result = batch.render_books(books, lambda book, progress: next(renders)(book, progress=progress),
                                ClipCache(tmp_path / "cache"), batch.BatchProgress(2, quiet=True))
    assert result.failed == [(books[0], "unexpected internal error (ValueError: boom)"),
                             (books[1], f"{books[1]}: the render stopped unexpectedly (exit code -11)")]
    assert result.summary() == "2 books: 0 written, 0 skipped (up to date), 2 failed"


def test_a_lost_cluster_stops_the_batch(tmp_path):
    books = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for book in books:
        book.write_text("x", encoding="utf-8")
    seen = []

    def render(book, progress):
        seen.append(book)
        raise ClusterError("lost the Dask scheduler")

    with pytest.raises(ClusterError):
        batch.render_books(books, render, ClipCache(tmp_path / "cache"), batch.BatchProgress(2, quiet=True))
    assert seen == books[:1]


def test_a_folder_without_books_is_one_line(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = run("render", tmp_path, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path}: no books in this folder (looked for .txt, .md, .markdown, .html, .htm, .xhtml, "
           ".epub)\n")


def test_books_are_found_in_name_order_without_hidden_folders_or_scripts(tmp_path):
    for name in ("b.txt", "a.epub", "sub/c.md", ".audiobook-cache/x.txt", "script.json", "cover.jpg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = batch.find_books([tmp_path, tmp_path / "b.txt", tmp_path / "script.json"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.epub", "b.txt", "sub/c.md", "script.json"]
    (tmp_path / "nothing").mkdir()
    with pytest.raises(SourceError):
        batch.find_books([tmp_path / "nothing"])


def test_one_display_for_the_batch():
    stream = io.StringIO()
    progress = batch.BatchProgress(2, stream=stream)
    first, second = progress.for_book(1, Path("a.txt")), progress.for_book(2, Path("b.txt"))
    first.start(3, 1)
    second.start(4, 2)
    second.chapter_done("01 - One.mp3")
    first.finish()  # the end of one book is not the end of the display
    assert stream.getvalue() == ("book 1/2, a.txt: 3 clips to synthesize, 1 files to write\n"
                                 "book 2/2, b.txt: 4 clips to synthesize, 2 files to write\n"
                                 "file 1/3 written: 01 - One.mp3\n")
    first.clip_done()
    assert (progress.clips_total, progress.chapters_total, progress.clips_done, progress.chapters_done) == (7, 3, 1, 1)


def test_books_side_by_side(tmp_path):
    books = [tmp_path / f"{name}.txt" for name in "abc"]
    for book in books:
        book.write_text(book.name, encoding="utf-8")
    together = threading.Barrier(2, timeout=60)  # the first two books wait for each other

    def render(book, progress):
        if book != books[2]:
            together.wait()
        if book == books[1]:
            raise SourceError(f"{book}: unreadable")
        return types.SimpleNamespace(folder=tmp_path, files=[], playlist=None, books=[])

    result = batch.render_books(books, render, ClipCache(tmp_path / "cache"), batch.BatchProgress(3, quiet=True),
                                at_once=2)
    assert (result.written, result.failed) == ([books[0], books[2]], [(books[1], f"{books[1]}: unreadable")])


def test_the_stamp_covers_the_book_its_inputs_and_the_options(tmp_path):
    book, voices = tmp_path / "a.txt", tmp_path / "voices.yaml"
    book.write_text("one")
    voices.write_text("narrator: en-us\n")
    base = batch.stamp(book, [voices], {"profile": "'default'"})
    assert batch.stamp(book, [voices], {"profile": "'acx'"}) != base
    voices.write_text("narrator: en-gb\n")
    assert batch.stamp(book, [voices], {"profile": "'default'"}) != base
    assert batch.stamp(book, [None], {"profile": "'default'"}) != base
