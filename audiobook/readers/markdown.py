"""Markdown (.md): headings as chapters, emphasis and link targets gone, links read as their text.

markdown-it-py parses the source (CommonMark, so ``*`` inside words and ``***`` lines mean what
they mean in every Markdown viewer); its token stream is turned into blocks, never into HTML.
Raw HTML blocks go through the HTML reader.
"""
from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from audiobook.readers import html
from audiobook.readers.blocks import Block, to_text

#: What an inline token is read as; token types not listed (emphasis and link marks, images)
#: are read as nothing, their inner text tokens still are.
INLINE_TEXT = {
    "text": lambda t: t.content,
    "code_inline": lambda t: t.content,
    "softbreak": lambda t: " ",
    "hardbreak": lambda t: "\n",
    "html_inline": lambda t: "\n" if _BR.match(t.content) else "",
}

#: Block tokens whose content is read as a paragraph as it stands (line ends kept).
VERBATIM_BLOCKS = ("fence", "code_block")

_BR = re.compile(r"<br\s*/?>", re.I)

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline(token: Token) -> str:
    """An inline token's words, without its marks."""
    children = token.children or []
    return "".join(INLINE_TEXT[child.type](child) for child in children if child.type in INLINE_TEXT)


def markdown_blocks(source: str) -> list[Block]:
    """The blocks of a Markdown document."""
    tokens = _PARSER.parse(source)
    blocks: list[Block] = []
    level = 0
    for token in tokens:
        if token.type == "heading_open":
            level = int(token.tag[1])
        elif token.type == "heading_close":
            level = 0
        elif token.type == "inline":
            blocks.append(Block("heading", _inline(token), level) if level else Block("para", _inline(token)))
        elif token.type == "hr":
            blocks.append(Block("break"))
        elif token.type in VERBATIM_BLOCKS:
            blocks.append(Block("para", token.content))
        elif token.type == "html_block":
            blocks.extend(html.blocks(token.content))
    return blocks


def markdown_to_text(source: str) -> str:
    """A Markdown document as the normalised plain text the parser reads."""
    return to_text(markdown_blocks(source))
