"""Stage 1: source file -> Document (decoded text that every offset refers to)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from audiobook.errors import SourceError
from audiobook.model import Document

#: Encodings tried, in order, when the bytes are not UTF-8. Limiting the candidates keeps
#: detection from choosing an exotic code page for plain Western text.
FALLBACK_ENCODINGS = ("utf_16", "cp1252", "latin_1")


def read_source(path: Path, encoding: Optional[str] = None) -> Document:
    """Read ``path`` and return its decoded text.

    Newlines are normalised as Python's text mode does (CRLF and CR become LF), so offsets
    match what ``open(path, encoding=...).read()`` gives.
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
    text = decode(data, path, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not any(ch.isalpha() for ch in text):
        raise SourceError(f"{path}: has no letters to read; give a file with story text")
    return Document(path=path, text=text)


def decode(data: bytes, path: Path, encoding: Optional[str] = None) -> str:
    """Decode ``data``: the given encoding, else UTF-8 (BOM kept as in the file), else a detected one."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise SourceError(f"{path}: unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from exc
        except UnicodeDecodeError as exc:
            raise SourceError(
                f"{path}: is not valid {encoding} at byte {exc.start}; try another --encoding"
            ) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise SourceError(f"{path}: looks like a binary file, not text; give a .txt, .md, .html or .epub story")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    except Exception:  # detection is best effort; fall through to the fixed list
        best = None
    if best is not None:
        return str(best)
    for name in FALLBACK_ENCODINGS[1:]:
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    raise SourceError(f"{path}: cannot tell the text encoding; give one with --encoding")
