"""Stage 1, kept under its old name: see ``audiobook.readers``."""
from audiobook.readers import read_source
from audiobook.readers.text import FALLBACK_ENCODINGS, decode

__all__ = ["read_source", "decode", "FALLBACK_ENCODINGS"]
