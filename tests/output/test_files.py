"""File names, atomic writes, and the chapter files' names and playlist."""
from __future__ import annotations

import pytest

from audiobook.model import BookInfo, ChapterFile, ChapterPlan, RenderPlan
from audiobook.output.chapters import chapter_filename, write_playlist
from audiobook.output.files import atomic_path, safe_name, slug


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
