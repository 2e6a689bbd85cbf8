"""File names, atomic writes, and the chapter files' names and playlist."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from audiobook.model import BookInfo, ChapterFile, ChapterPlan, RenderPlan
from audiobook.output.chapters import chapter_filename, write_playlist
from audiobook.output.files import CLAIMS_DIRNAME, atomic_path, book_folder, folder_names, safe_name, slug


@pytest.mark.parametrize("title, expected", [
    ("Chapter 1: The Start", "Chapter 1 The Start"),
    ("../../etc/passwd", "etc passwd"),
    ("..", "fallback"),
    ("tab\there\x00and null", "tab here and null"),
    ("A" * 200, "A" * 80),
])
def test_safe_name(title, expected):
    assert safe_name(title, "fallback") == expected


def test_slug():
    assert slug("Les Misérables: Tome I") == "les-miserables-tome-i"
    assert slug("???") == "book"


def test_books_with_one_title_get_a_folder_each_and_find_it_again(tmp_path):
    out, sources = tmp_path / "out", [tmp_path / "a" / "quay.txt", tmp_path / "b" / "quay.txt",
                                      tmp_path / "harbour.txt", tmp_path / "the-quay-2nd.txt"]
    folders = [book_folder(out, "The Quay", source).name for source in sources]
    assert folders == ["the-quay", "the-quay-quay", "the-quay-harbour", "the-quay-2nd"]
    assert [book_folder(out, "The Quay", source).name for source in reversed(sources)] == folders[::-1]
    assert book_folder(out, "The Quay", tmp_path / "c" / "quay.txt").name == "the-quay-quay-2"
    assert sorted(p.name for p in out.iterdir()) == sorted([CLAIMS_DIRNAME, *folders, "the-quay-quay-2"])
    assert (out / CLAIMS_DIRNAME / "the-quay").read_text(encoding="utf-8") == str(sources[0].resolve())
    assert [p.name for p in (out / "the-quay").iterdir()] == []  # nothing of ours among the book's files


def test_a_folder_from_before_claims_goes_to_the_first_book_written_there(tmp_path):
    (tmp_path / "the-quay").mkdir()
    (tmp_path / "the-quay" / "01 - Chapter 1.mp3").write_bytes(b"old")
    assert book_folder(tmp_path, "The Quay", tmp_path / "new.txt") == tmp_path / "the-quay"
    assert book_folder(tmp_path, "The Quay", tmp_path / "old.txt") == tmp_path / "the-quay-old"


def test_books_claiming_at_once_get_a_folder_each(tmp_path):
    sources = [tmp_path / f"{n}.txt" for n in range(8)]
    together = threading.Barrier(len(sources), timeout=60)

    def claim(source):
        together.wait()
        return book_folder(tmp_path / "out", "The Quay", source)

    with ThreadPoolExecutor(len(sources)) as pool:
        folders = list(pool.map(claim, sources))
    assert len(set(folders)) == len(sources)
    assert [book_folder(tmp_path / "out", "The Quay", source) for source in sources] == folders
    assert sorted(p.name for p in (tmp_path / "out" / CLAIMS_DIRNAME).iterdir()) == sorted(f.name for f in folders)


def test_folder_names():
    names = folder_names("the-quay", "quay")
    assert [next(names) for _ in range(4)] == ["the-quay", "the-quay-quay", "the-quay-quay-2", "the-quay-quay-3"]
    names = folder_names("the-quay", "the-quay")
    assert [next(names) for _ in range(2)] == ["the-quay", "the-quay-2"]


def test_chapter_file_names_are_numbered_and_stay_inside_the_folder(tmp_path):
    plan = RenderPlan(BookInfo("Book"), total_chapters=120)
    name = chapter_filename(ChapterPlan(7, "../../etc/passwd"), plan.total_chapters)
    assert name == "007 - etc passwd.mp3"
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_an_interrupted_write_leaves_no_file(tmp_path):
    final = tmp_path / "01 - One.mp3"
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(final, tmp_path / "tmp") as tmp:
            tmp.write_bytes(b"half a chapter")
            raise KeyboardInterrupt
    assert [p.name for p in tmp_path.iterdir()] == ["tmp"]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_playlist_lists_chapters_in_order_with_durations(tmp_path):
    files = [ChapterFile(tmp_path / f"0{n} - Part {n}.mp3", n, f"Part {n}", float(n)) for n in (2, 1)]
    text = write_playlist(tmp_path, files, "Book").read_text(encoding="utf-8")
    assert text == ("#EXTM3U\n#PLAYLIST:Book\n#EXTINF:1,Part 1\n01 - Part 1.mp3\n"
                    "#EXTINF:2,Part 2\n02 - Part 2.mp3\n")
