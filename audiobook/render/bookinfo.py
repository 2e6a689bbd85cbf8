"""The book's metadata: what the command line says, else what the source says, else a guess.

A plain-text book has no metadata of its own; the parser finds its title line and its "by"
line where the text has them, and otherwise the title comes from the file name
(``TheSignOfTheFour.txt`` is "The Sign of the Four"). Titles and names set in capitals on a
plain text's title page are given ordinary capitals for the tags; what an EPUB or a web page
says of itself is kept as it is.
"""
from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import Optional

from audiobook.errors import MetadataError
from audiobook.model import BookInfo, Document, Script

#: Words a title keeps in lower case unless they open it.
SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or the to with".split())

#: A series index: a whole or decimal number.
SERIES_INDEX = re.compile(r"\d{1,4}(?:\.\d{1,3})?")


def book_info(script: Script, document: Document, given: Optional[BookInfo] = None) -> BookInfo:
    """The book's metadata: each field of ``given`` (what the command line says) where it is
    set, else what the source says."""
    given = given or BookInfo()
    check(given)
    title, author = script.title, script.author
    own = document.info
    if not own.title:  # a title line of the text, or the file name; a file's own metadata is kept as is
        title = plain_capitals(words_of_file_name(title) if title == document.path.stem else title)
    if author and not own.author:
        author = plain_capitals(author)
    source = replace(own, title=title, author=author)
    overrides = {f.name: _clean(getattr(given, f.name)) for f in fields(BookInfo) if f.name != "language"}
    return replace(source, **{name: value for name, value in overrides.items() if value})


def _clean(value: Optional[str]) -> Optional[str]:
    """Whitespace runs made one space (a description keeps its paragraph breaks); empty is None."""
    if value is None:
        return None
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", value)]
    return "\n\n".join(p for p in paragraphs if p) or None


def check(given: BookInfo) -> None:
    """Refuse a year that is not one, a series index that is not a number or has no series,
    and an empty title (MetadataError)."""
    if given.year is not None and not re.fullmatch(r"\d{4}", given.year.strip()):
        raise MetadataError(f"--year: {given.year!r} is not a year; use four digits, e.g. 1890")
    if given.series_index is not None and not SERIES_INDEX.fullmatch(given.series_index.strip()):
        raise MetadataError(f"--series-index: {given.series_index!r} is not a number; use e.g. 2 or 2.5")
    if given.series_index is not None and not given.series:
        raise MetadataError("--series-index needs --series: name the series the book belongs to")
    if given.title and not given.title.strip():
        raise MetadataError("--title: the title is empty; give the book's title")


def words_of_file_name(stem: str) -> str:
    """``TheSignOfTheFour`` or ``the_sign-of-the-four`` as words: "The Sign of the Four"."""
    spaced = re.sub(r"[_\-.]+", " ", stem)
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", spaced)
    return title_case(" ".join(spaced.split())) if spaced.strip() else stem


def plain_capitals(text: str) -> str:
    """A title or name set all in capitals given ordinary capitals; anything else as it is."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or any(c.islower() for c in letters):
        return text
    return title_case(text.lower())


def title_case(text: str) -> str:
    """Each word capitalized but the small ones (of, the, and ...) after the first."""
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        keep_small = i > 0 and low in SMALL_WORDS
        out.append(low if keep_small else word[:1].upper() + word[1:])
    return " ".join(out)
