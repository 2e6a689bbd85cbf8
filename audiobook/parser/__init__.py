"""Stage 2: Document -> Script. Structure, narration vs dialogue, and who speaks each quote."""
from __future__ import annotations

from audiobook.model import Chapter, Document, Script, Segment, SegmentKind


def parse(document: Document) -> Script:
    """Parse ``document`` into a Script (placeholder: one chapter of paragraphs as narration)."""
    text = document.text
    segments = []
    pos = 0
    for block in text.split("\n\n"):
        stripped = block.strip()
        if stripped:
            start = text.index(stripped, pos)
            segments.append(Segment(SegmentKind.NARRATION, None, " ".join(stripped.split()),
                                    start, start + len(stripped)))
            pos = start + len(stripped)
    title = document.title or document.path.stem
    return Script(source=document.path.name, title=title, author=document.author,
                  chapters=[Chapter(title=title, segments=segments)])
