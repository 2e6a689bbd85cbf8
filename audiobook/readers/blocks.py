"""The normalised plain text that non-plain-text readers produce, built from a list of blocks.

Every reader of a marked-up format (Markdown, HTML, EPUB) turns its source into ``Block``s and
lets ``to_text`` write them in the shape the parser already reads: chapter titles as ``# Title``
lines, paragraphs separated by blank lines, ``* * *`` for scene breaks. No markup reaches the
text: what the parser sees is what is read aloud.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from audiobook.parser.structure_rules import HEADING_MAX_CHARS

#: The line written for a scene break (a ``<hr>`` or a Markdown thematic break).
BREAK_LINE = "* * *"

#: Heading levels that open a chapter (h1-h3); deeper headings are read as paragraphs.
CHAPTER_LEVELS = (1, 2, 3)

_SPACES = re.compile(r"[^\S\n]+")


@dataclass
class Block:
    """One block of a marked-up document."""

    kind: str
    """``heading``, ``para`` or ``break``."""
    text: str = ""
    """The words, markup removed; a paragraph may hold line breaks (``<br>``)."""
    level: int = 0
    """For headings: 1-6 as in ``<h1>``-``<h6>``."""


def clean(text: str, keep_lines: bool = False) -> str:
    """Runs of white space as one space (line breaks kept when ``keep_lines``), lines stripped."""
    if not keep_lines:
        return " ".join(text.split())
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _heading_line(block: Block) -> str:
    """``# Title``, or the bare words when the parser would not take it as a heading (too long)."""
    line = f"# {block.text}"
    return line if len(line) <= HEADING_MAX_CHARS else block.text


def book_title_index(blocks: list[Block]) -> int:
    """Index of a heading that titles the whole book rather than a chapter, or -1.

    That is the first block when it is a heading, headings of a deeper level follow it, and no
    other heading is of its level or higher ("# My Story" above "## Chapter 1", "## Chapter 2").
    """
    chapters = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level in CHAPTER_LEVELS]
    if len(chapters) < 2 or chapters[0] != 0:
        return -1
    top = blocks[0].level
    return 0 if all(blocks[i].level > top for i in chapters[1:]) else -1


def to_text(blocks: list[Block]) -> str:
    """The blocks as normalised plain text: blank lines between blocks, one newline at the end.

    Empty paragraphs are dropped; scene breaks are dropped at either end, next to a heading and
    when repeated; a book-title heading (see ``book_title_index``) is a plain line, which the
    parser takes as the title.
    """
    blocks = [b for b in blocks if b.kind == "break" or b.text.strip()]
    title_at = book_title_index(blocks)
    out: list[str] = []
    kinds: list[str] = []
    for i, block in enumerate(blocks):
        if block.kind == "break":
            if not kinds or kinds[-1] in ("break", "heading"):
                continue
            out.append(BREAK_LINE)
        elif block.kind == "heading" and block.level in CHAPTER_LEVELS and i != title_at:
            if kinds and kinds[-1] == "break":
                out.pop()
                kinds.pop()
            out.append(_heading_line(Block("heading", clean(block.text), block.level)))
        else:
            out.append(clean(block.text, keep_lines=block.kind == "para"))
            if not out[-1]:
                out.pop()
                continue
            kinds.append("para")
            continue
        kinds.append(block.kind)
    while kinds and kinds[-1] == "break":
        out.pop()
        kinds.pop()
    return "\n\n".join(out) + "\n" if out else ""
