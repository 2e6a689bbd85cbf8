"""Markdown: headings become chapters, emphasis marks and link targets never reach the text."""
from __future__ import annotations

import pytest

from audiobook.parser import parse
from audiobook.readers import read_source
from audiobook.readers.markdown import markdown_to_text

#: (Markdown source, the normalised plain text).
GOLDEN = [
    ("# Chapter One\n\nShe *ran*, **fast**, ***faster***.\n",
     "# Chapter One\n\nShe ran, fast, faster.\n"),
    ("Read [the map](https://example.com/map \"Map\") and <https://example.com>.\n",
     "Read the map and https://example.com.\n"),
    ("Under_scores_inside words and _this_ and __that__ and `code`.\n",
     "Under_scores_inside words and this and that and code.\n"),
    ("A line\nwrapped here.\n\nA hard  \nbreak and a<br>tag.\n",
     "A line wrapped here.\n\nA hard\nbreak and a\ntag.\n"),
    ("One.\n\n* * *\n\nTwo.\n\n---\n\nThree.\n\n***\n",
     "One.\n\n* * *\n\nTwo.\n\n* * *\n\nThree.\n"),
    ("# The Book\n\n## Chapter 1\n\nText.\n\n## Chapter 2\n\nMore.\n",
     "The Book\n\n# Chapter 1\n\nText.\n\n# Chapter 2\n\nMore.\n"),
    ("Setext Title\n============\n\nBody ~~struck~~ text.\n",
     "# Setext Title\n\nBody struck text.\n"),
    ("- first item\n- second item\n\n> quoted *words*\n\n![a cover](cover.png)\n",
     "first item\n\nsecond item\n\nquoted words\n"),
    ("#### A small heading\n\nBody.\n", "A small heading\n\nBody.\n"),
    ("<div class=\"note\">Raw <b>html</b> block</div>\n\nAfter.\n", "Raw html block\n\nAfter.\n"),
    ("Caf&eacute; &amp; *tea*.\n", "Caf\u00e9 & tea.\n"),
]


@pytest.mark.parametrize("source, expected", GOLDEN)
def test_markdown_becomes_normalised_plain_text(source, expected):
    assert markdown_to_text(source) == expected


def test_headings_are_chapters_and_marks_are_not_read(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# Chapter 1: Lamps\n\n\"Hold it *steady*,\" said Mara.\n\n"
                    "# Chapter 2: River\n\nOkafor read [the note](http://example.com).\n", encoding="utf-8")
    document = read_source(path)
    assert document.plain is False
    script = parse(document)
    assert [c.title for c in script.chapters] == ["Chapter 1: Lamps", "Chapter 2: River"]
    spoken = " ".join(s.text for s in script.segments())
    assert "*" not in spoken and "http" not in spoken and "[" not in spoken
    assert "Hold it steady," in spoken and "the note" in spoken


def test_a_byte_order_mark_does_not_hide_the_first_heading(tmp_path):
    path = tmp_path / "story.md"
    path.write_bytes(b"\xef\xbb\xbf# Chapter 1\r\n\r\nText.\r\n")
    assert read_source(path).text == "# Chapter 1\n\nText.\n"
