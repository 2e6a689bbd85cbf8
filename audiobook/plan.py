"""Stage 4: Script + Cast -> RenderPlan. Which clips to speak, in which voice, with which pauses."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from audiobook.model import (Cast, ChapterPlan, ClipItem, PlanItem, RenderPlan, Script, Segment,
                             SegmentKind, SilenceItem)

#: Longest text sent to the engine as one clip. Longer paragraphs are cut at sentence ends,
#: and a sentence longer than this at a clause or word boundary, so that one clip's buffer
#: and timeout stay small whatever the source.
MAX_CLIP_CHARS = 600

#: Where a long text may be cut, best first: after a sentence end, after a clause, at a space.
CUT_PATTERNS = (
    re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+"),
    re.compile(r"(?<=[,;:—])\s+"),
    re.compile(r"\s+"),
)

#: Text with none of these is not sent to the engine (a quote of only "…" or "—").
SPEAKABLE = re.compile(r"\w")


def make_plan(script: Script, cast: Cast, source_text: str, chapters: Optional[list[int]] = None) -> RenderPlan:
    """Turn the script into chapters of clips and pauses.

    ``source_text`` is the decoded source, used to tell paragraph breaks from pauses within a
    paragraph. ``chapters`` selects 1-based chapter numbers (default: all).
    """
    plan = RenderPlan(title=script.title, author=script.author, total_chapters=len(script.chapters))
    for number, chapter in enumerate(script.chapters, start=1):
        if chapters is not None and number not in chapters:
            continue
        plan.chapters.append(ChapterPlan(number, chapter.title, list(_items(chapter.segments, cast, source_text))))
    return plan


def _items(segments: list[Segment], cast: Cast, source_text: str) -> Iterator[PlanItem]:
    pauses = cast.pauses_ms
    previous: Optional[Segment] = None
    previous_voice = None
    for seg in segments:
        if seg.kind is SegmentKind.NOTE and not cast.read_notes:
            continue
        if seg.kind is SegmentKind.BREAK:
            yield SilenceItem(pauses.get("break", 1500))
            previous, previous_voice = None, None
            continue
        voice = _voice(seg, cast)
        if previous is not None:
            if "\n" in source_text[previous.end:seg.start]:
                yield SilenceItem(pauses.get("paragraph", 450))
            elif voice != previous_voice:
                yield SilenceItem(pauses.get("speaker", 250))
        for offset, piece in split_text(seg.text, seg.start):
            if SPEAKABLE.search(piece):
                yield ClipItem(piece, voice, seg.speaker if seg.kind is not SegmentKind.HEADING else None, offset)
        previous, previous_voice = seg, voice
    yield SilenceItem(pauses.get("chapter", 2000))


def _voice(seg: Segment, cast: Cast):
    if seg.kind in (SegmentKind.HEADING, SegmentKind.NOTE):
        return cast.narrator
    if seg.kind is SegmentKind.NARRATION and cast.pov_narration == "narrator":
        return cast.narrator
    return cast.voice_for(seg.speaker)


def split_text(text: str, offset: int = 0, limit: int = MAX_CLIP_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters at the best boundaries.

    Returns (approximate source offset, piece) pairs; the pieces joined with spaces give back
    every word of ``text``.
    """
    text = text.strip()
    if len(text) <= limit:
        return [(offset, text)] if text else []
    for pattern in CUT_PATTERNS:
        cuts = [m.end() for m in pattern.finditer(text) if m.end() < len(text)]
        if cuts:
            break
    else:  # one unbroken run of characters: cut it blindly
        return [(offset + i, text[i:i + limit]) for i in range(0, len(text), limit)]
    pieces: list[tuple[int, str]] = []
    start = 0
    last_ok = 0
    for cut in cuts + [len(text)]:
        if cut - start > limit and last_ok > start:
            pieces.extend(split_text(text[start:last_ok], offset + start, limit))
            start = last_ok
        last_ok = cut
    pieces.extend(split_text(text[start:], offset + start, limit))
    return pieces
