"""Plain text (.txt): bytes -> str, with the encoding given, found from a BOM, or detected."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from audiobook.errors import SourceError

#: Single-byte encodings detection may choose from when the bytes are not UTF-8, in order of
#: preference. Limiting the candidates keeps detection from choosing an exotic code page for
#: plain Western text (cp1252's curly quotes 0x93/0x94 are control codes in latin-1).
FALLBACK_ENCODINGS = ("cp1252", "latin_1")

#: Byte-order marks of UTF-16 and what the bytes are decoded as (the codec drops the mark, as
#: ``open(path, encoding="utf-16")`` does).
UTF16_BOMS = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}

#: Share of the even (big-endian) or odd (little-endian) bytes that must be NUL, and most of the
#: others that may be, for text without a byte-order mark to be taken as UTF-16 (English text in
#: UTF-16 has a NUL beside every ASCII character, curly quotes and dashes aside).
UTF16_NUL_SHARE = (0.7, 0.05)

#: How much of the start of the file is looked at for NUL bytes.
SNIFF_BYTES = 4096


def decode(data: bytes, path: Path, encoding: Optional[str] = None) -> str:
    """Decode ``data``: the given encoding, else UTF-8 (a BOM kept as U+FEFF, as Python's
    ``utf-8`` codec keeps it), else UTF-16, else cp1252 or latin-1 as detected.

    Newlines are left as they are; see ``normalise_newlines``.
    """
    if encoding:
        return decode_as(data, path, encoding)
    for bom, codec in UTF16_BOMS.items():
        if data.startswith(bom):
            return decode_as(data, path, codec)
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        codec = _utf16_without_bom(head)
        if codec is None:
            raise SourceError(f"{path}: looks like a binary file, not text; give a .txt, .md, .html or .epub story")
        return decode_as(data, path, codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return decode_as(data, path, detect_single_byte(data))


def decode_as(data: bytes, path: Path, encoding: str) -> str:
    """``data`` decoded as ``encoding``, or a SourceError saying what to do."""
    try:
        return data.decode(encoding)
    except LookupError as exc:
        raise SourceError(f"{path}: unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: is not valid {encoding} at byte {exc.start}; try another --encoding") from exc


def normalise_newlines(text: str) -> str:
    """CRLF and CR as LF, as Python's text mode reads them, so offsets match ``open(path).read()``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_single_byte(data: bytes) -> str:
    """The best of ``FALLBACK_ENCODINGS`` for bytes that are not UTF-8 (charset-normalizer)."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    except Exception:  # detection is best effort; fall back to the fixed order
        best = None
    if best is not None and best.encoding in FALLBACK_ENCODINGS:
        return best.encoding
    for name in FALLBACK_ENCODINGS:
        try:
            data.decode(name)
            return name
        except UnicodeDecodeError:
            continue
    return FALLBACK_ENCODINGS[-1]


def _utf16_without_bom(head: bytes) -> Optional[str]:
    """``utf-16-le``/``utf-16-be`` when NUL bytes fall in every other place, as in English UTF-16."""
    head = head[: len(head) // 2 * 2]
    if not head:
        return None
    most, fewest = UTF16_NUL_SHARE
    for codec, high, low in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        if high.count(0) >= most * len(high) and low.count(0) <= fewest * len(low):
            return codec
    return None


def read_text(data: bytes, path: Path, encoding: Optional[str] = None) -> str:
    """A .txt file's text: decoded and with newlines normalised."""
    return normalise_newlines(decode(data, path, encoding))
