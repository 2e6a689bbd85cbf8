"""The normalised plain text written from blocks: what the parser reads for marked-up sources."""
from __future__ import annotations

import pytest

from audiobook.readers.blocks import Block, book_title_index, to_text

H = lambda text, level=2: Block("heading", text, level)  # noqa: E731
P = lambda text: Block("para", text)  # noqa: E731
BREAK = Block("break")

#: (blocks, the text written).
GOLDEN = [
    ([H("One"), P("Text  with\tspaces.")], "# One\n\nText with spaces.\n"),
    ([P("Line one\n  line two \n\n")], "Line one\nline two\n"),
    ([BREAK, P("A."), BREAK, BREAK, P("B."), BREAK], "A.\n\n* * *\n\nB.\n"),
    ([P("A."), BREAK, H("Next"), P("B.")], "A.\n\n# Next\n\nB.\n"),
    ([H("Book", 1), H("Ch 1"), P("A."), H("Ch 2"), P("B.")], "Book\n\n# Ch 1\n\nA.\n\n# Ch 2\n\nB.\n"),
    ([H("Ch 1", 1), P("A."), H("Ch 2", 1), P("B.")], "# Ch 1\n\nA.\n\n# Ch 2\n\nB.\n"),
    ([H("Small", 4), P("A.")], "Small\n\nA.\n"),
    ([H("x" * 90), P("A.")], "x" * 90 + "\n\nA.\n"),  # too long for the parser's heading: read as a line
    ([P("  "), H(""), BREAK], ""),
]


@pytest.mark.parametrize("blocks, expected", GOLDEN)
def test_blocks_become_normalised_text(blocks, expected):
    assert to_text(blocks) == expected


def test_book_title_only_above_deeper_headings():
    assert book_title_index([H("Book", 1), H("Ch 1", 2), H("Ch 2", 2)]) == 0
    assert book_title_index([H("Book", 1), P("Blurb."), H("Ch 1", 2)]) == 0
    assert book_title_index([P("Blurb."), H("Book", 1), H("Ch 1", 2)]) == -1
    assert book_title_index([H("Ch 1", 2), H("Ch 2", 2)]) == -1
    assert book_title_index([H("Book", 1)]) == -1
