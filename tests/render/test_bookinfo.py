"""The book's metadata: options over the source's own, and the defaults a plain text gives."""
from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.errors import MetadataError
from audiobook.model import BookInfo, Document
from audiobook.parser import parse
from audiobook.pipeline import parse_source
from audiobook.render.bookinfo import book_info, plain_capitals, words_of_file_name
from conftest import SHARED


def info_of(path: Path, given=None):
    script, document = parse_source(path)
    return book_info(script, document, given)


@pytest.mark.parametrize("name, title, author", [
    ("TheSignOfTheFour.txt", "The Sign of the Four", None),
    ("TheAwakening.txt", "The Awakening", None),
    ("TheSportOfTheGods.txt", "The Sport of the Gods", "Paul Laurence Dunbar"),
])
def test_corpus_titles_come_from_the_title_line_or_the_file_name(name, title, author):
    path = SHARED / "corpus" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    info = info_of(path)
    assert (info.title, info.author, info.narrator, info.year) == (title, author, None, None)


def test_title_and_by_line_of_a_plain_text(tmp_path):
    book = tmp_path / "draft_v2.txt"
    book.write_text("The Glass Harbour\n\nby Ada Merrow\n\nChapter 1\n\nThe tide was out.\n", encoding="utf-8")
    info = info_of(book)
    assert (info.title, info.author) == ("The Glass Harbour", "Ada Merrow")


def test_options_win_over_the_source_and_are_tidied(tmp_path):
    book = tmp_path / "book.txt"
    book.write_text("The Glass Harbour\n\nby Ada Merrow\n\nThe tide was out.\n", encoding="utf-8")
    given = BookInfo(title=" Harbour  Lights ", narrator="Ann Reed", series="Tides", series_index="2.5",
                            year="1921", description="First  paragraph.\n\n\nSecond\nparagraph.")
    info = info_of(book, given)
    assert info.title == "Harbour Lights" and info.author == "Ada Merrow"
    assert (info.narrator, info.series, info.series_index, info.year) == ("Ann Reed", "Tides", "2.5", "1921")
    assert info.description == "First paragraph.\n\nSecond paragraph."


def test_an_epub_keeps_its_own_capitals_and_year(tmp_path):
    script = parse(Document(tmp_path / "x.epub", "CHAPTER ONE\n\nWords.\n",
                            info=BookInfo("HMS ULYSSES", "Alistair MacLean", year="1955"), plain=False))
    info = book_info(script, Document(tmp_path / "x.epub", "", info=BookInfo("HMS ULYSSES", year="1955"), plain=False))
    assert (info.title, info.author, info.year) == ("HMS ULYSSES", "Alistair MacLean", "1955")


@pytest.mark.parametrize("stem, words", [("TheSignOfTheFour", "The Sign of the Four"),
                                         ("the_sign-of-the-four", "The Sign of the Four"),
                                         ("HTMLBook", "HTML Book"), ("chapter12", "Chapter12")])
def test_file_names_as_words(stem, words):
    assert words_of_file_name(stem) == words


def test_only_all_capitals_are_changed():
    assert plain_capitals("THE SPORT OF THE GODS") == "The Sport of the Gods"
    assert plain_capitals("The Lamplighters") == "The Lamplighters"
    assert plain_capitals("I") == "I"


@pytest.mark.parametrize("given, message", [
    (BookInfo(year="18th century"), "--year: '18th century' is not a year; use four digits, e.g. 1890"),
    (BookInfo(series="Tides", series_index="two"), "--series-index: 'two' is not a number; use e.g. 2 or 2.5"),
    (BookInfo(series_index="2"), "--series-index needs --series: name the series the book belongs to"),
    (BookInfo(title="  "), "--title: the title is empty; give the book's title"),
])
def test_wrong_options_are_refused(tmp_path, given, message):
    book = tmp_path / "book.txt"
    book.write_text("Words.\n", encoding="utf-8")
    with pytest.raises(MetadataError) as caught:
        info_of(book, given)
    assert str(caught.value) == message
