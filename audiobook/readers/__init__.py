"""Stage 1: source file -> Document (the text every offset refers to).

``read_source`` picks a reader by the file's suffix (``READERS``). Plain text is only decoded;
Markdown, web pages and EPUB books are turned into normalised plain text (``blocks.to_text``)
that the parser reads like any .txt, and ``audiobook script FILE --format text`` prints.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from audiobook.errors import SourceError
from audiobook.model import BookInfo, Document
from audiobook.readers.text import decode, normalise_newlines, read_text

def _read_markdown(data: bytes, path: Path, encoding: Optional[str]) -> Document:
    from audiobook.readers.markdown import markdown_to_text

    source = read_text(data, path, encoding).lstrip("\ufeff")
    return Document(path=path, text=markdown_to_text(source), plain=False)


def _read_html(data: bytes, path: Path, encoding: Optional[str]) -> Document:
    from audiobook.readers import html
    from audiobook.readers.blocks import to_text

    declared = html.declared_charset(data) if not encoding else None
    source = None
    if declared:
        try:
            source = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            source = None  # a wrong declaration: detect as for text
    if source is None:
        source = decode(data, path, encoding)
    page = html.parse_page(normalise_newlines(source).lstrip("\ufeff"))
    info = BookInfo(page.title or "", page.author, series=page.series, series_index=page.series_index,
                    year=page.year, description=page.description)
    return Document(path=path, text=to_text(page.blocks), info=info, plain=False)


def _read_epub(data: bytes, path: Path, encoding: Optional[str]) -> Document:
    from audiobook.readers.epub import read_epub

    return read_epub(path)


def _read_plain(data: bytes, path: Path, encoding: Optional[str]) -> Document:
    return Document(path=path, text=read_text(data, path, encoding))


#: Reader by suffix (lower case).
READERS: dict[str, Callable[[bytes, Path, Optional[str]], Document]] = {
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".xhtml": _read_html,
    ".epub": _read_epub,
}


def read_source(path: Path, encoding: Optional[str] = None) -> Document:
    """Read ``path`` and return the text the parser reads and every offset refers to.

    For plain text that is the decoded file with newlines normalised as Python's text mode does
    (CRLF and CR become LF), so offsets match what ``open(path, encoding=...).read()`` gives.
    For other formats it is the extracted story (``Document.plain`` is False). ``encoding``
    overrides detection for every format but EPUB (whose XML says its own).
    """
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise SourceError(f"{path}: is a folder; give a story file (.txt, .md, .html, .epub)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    if not data.strip():
        raise SourceError(f"{path}: the file is empty; give a file with story text")
    document = READERS.get(path.suffix.lower(), _read_plain)(data, path, encoding)
    if not any(ch.isalpha() for ch in document.text):
        raise SourceError(f"{path}: has no letters to read; give a file with story text")
    return document


__all__ = ["read_source", "READERS"]
