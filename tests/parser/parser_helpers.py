"""Helpers for the parser tests: parse a string, and find ../shared next to the repository."""
from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.model import Document, Script
from audiobook.parser import parse

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()


def parse_text(text: str, name: str = "story.txt") -> Script:
    """Parse ``text`` as if read from a file called ``name``."""
    return parse(Document(path=Path(name), text=text))


def shape(text: str) -> list[tuple]:
    """The segments of ``text`` as ``(kind, speaker, text)`` tuples, chapters flattened."""
    return [(s.kind.value, s.speaker, s.text) for s in parse_text(text).segments()]


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared seeds and corpus live next to the repository")
    return path
