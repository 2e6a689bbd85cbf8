"""The one place where the stages are composed: Document -> Script -> Cast -> RenderPlan -> audio."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from audiobook.model import Document, Script
from audiobook.parser import parse
from audiobook.reader import read_source


def parse_source(source: Path, encoding: Optional[str] = None) -> tuple[Script, Document]:
    """Read and parse ``source``; return the script and the document its offsets refer to."""
    document = read_source(Path(source), encoding=encoding)
    return parse(document), document
