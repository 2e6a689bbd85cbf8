"""Script + Cast -> RenderPlan. Which clips to speak, in which voice, with which pauses."""
from __future__ import annotations

import re
from typing import Callable, Iterator, Optional

from audiobook.model import (VOICE_RANGES, BookInfo, Cast, ChapterPlan, ClipItem, PlanItem, Prosody, RenderPlan, Script,
                             Segment, SegmentKind, SilenceItem, VoiceSettings)
from audiobook.parser.rules import READER_BLANKS

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

#: Marks that open or close a quote in the source.
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"

#: Text with none of these is not sent to the engine (a quote of only "…" or "—").
SPEAKABLE = re.compile(r"\w")

#: Marks stories type that the engine reads out by name ("asterisk", "tilde", "hash", "three"
#: for a heart): left out of what is spoken; subtitles and the read-along keep them. (name, pattern)
UNSPOKEN_MARKS = (
    ("emphasis", re.compile(r"\*+")),                        # *so* tired, **really**
    ("tilde", re.compile(r"~+")),                             # Hiii~
    ("hashtag", re.compile(r"#(?=\w)")),                      # #blessed
    ("heart", re.compile(r"(?<!\S)</?3+(?!\S)")),              # I love you <3
    ("smiley", re.compile(r"(?<!\S)[:;=]-?[()DPp](?!\S)")),   # =) ;P
)


def speakable(text: str) -> str:
    """``text`` without the marks an engine would read out by name (``UNSPOKEN_MARKS``)."""
    for _, pattern in UNSPOKEN_MARKS:
        text = pattern.sub("", text)
    return text


#: Silence at the head of every chapter file, and the range allowed at its tail (ACX asks
#: for 0.5-1 s of room tone at the head and 1-5 s at the tail).
HEAD_ROOM_TONE_MS = 750
TAIL_ROOM_TONE_MS = (1000, 5000)


def make_plan(script: Script, cast: Cast, source_text: str, chapters: Optional[set[int]] = None,
              info: Optional[BookInfo] = None) -> RenderPlan:
    """Turn the script into chapters of clips and pauses.

    ``source_text`` is the decoded source, used to tell paragraph breaks from pauses within a
    paragraph. ``chapters`` selects 1-based chapter numbers (default: all). ``info`` is the
    book's metadata (default: the script's title and author).
    """
    plan = RenderPlan(info or BookInfo(script.title, script.author), total_chapters=len(script.chapters))
    respell = Pronouncer({**READER_BLANKS, **cast.pronunciations})

    def pronounce(text: str) -> str:
        # Respelled, and without the marks an engine would read out by name.
        return speakable(respell(text))

    for number, chapter in enumerate(script.chapters, start=1):
        if chapters is not None and number not in chapters:
            continue
        items = list(_items(chapter.segments, cast, source_text, pronounce))
        if not chapter.segments or chapter.segments[0].kind is not SegmentKind.HEADING:
            # Every chapter starts by saying its title; one without a heading of its own gets it read.
            title = pronounce(chapter.title)
            if SPEAKABLE.search(title):
                items[:0] = [ClipItem(title, cast.narrator, None, chapter.segments[0].start if chapter.segments else 0,
                                      shown=chapter.title, heading=True),
                             SilenceItem(cast.pauses_ms.get("paragraph", 450))]
        plan.chapters.append(ChapterPlan(number, chapter.title, [SilenceItem(HEAD_ROOM_TONE_MS), *items]))
    return plan


class Pronouncer:
    """Replaces whole words by their respellings. A key with capitals matches only that
    spelling (``Will`` the name, not ``will``); an all-lower-case key matches any case."""

    def __init__(self, pronunciations: dict[str, str]):
        self.table = dict(pronunciations)
        self.lower = {k.lower(): v for k, v in pronunciations.items() if k == k.lower()}
        exact = [k for k in pronunciations if k != k.lower()]
        parts = []
        if exact:
            parts.append("(?-i:" + "|".join(map(re.escape, sorted(exact, key=len, reverse=True))) + ")")
        if self.lower:
            parts.append("(?i:" + "|".join(map(re.escape, sorted(self.lower, key=len, reverse=True))) + ")")
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)") if parts else None

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.table.get(m.group(0)) or self.lower[m.group(0).lower()], text)


def _items(segments: list[Segment], cast: Cast, source_text: str,
           pronounce: Callable[[str], str]) -> Iterator[PlanItem]:
    pauses = cast.pauses_ms
    previous: Optional[Segment] = None
    previous_voice = None
    paragraph = 0
    after_break = False
    for seg in segments:
        if seg.kind is SegmentKind.NOTE and not cast.read_notes:
            continue
        if seg.kind is SegmentKind.BREAK:
            yield SilenceItem(pauses.get("break", 1500))
            previous, previous_voice = None, None
            after_break = True
            continue
        voice = base = _voice(seg, cast)
        if seg.kind is SegmentKind.DIALOGUE and seg.verb in cast.prosody:
            voice = apply_prosody(voice, cast.prosody[seg.verb])
        heading = seg.kind is SegmentKind.HEADING
        if previous is not None:
            if "\n" in source_text[previous.end:seg.start]:
                yield SilenceItem(pauses.get("paragraph", 450))
                paragraph += 1
            elif voice != previous_voice:
                yield SilenceItem(pauses.get("speaker", 250))
            elif heading or previous.kind is SegmentKind.HEADING:
                paragraph += 1
        else:
            paragraph += 1
        # Cut as written, then respell each piece: subtitles and the read-along show the book's words.
        pieces = split_text(seg.text, seg.start)
        opening, closing = _quote_marks(seg, source_text)
        for n, (offset, piece) in enumerate(pieces):
            spoken = pronounce(piece)
            shown = (opening if n == 0 else "") + piece + (closing if n == len(pieces) - 1 else "")
            if SPEAKABLE.search(spoken):
                yield ClipItem(spoken, voice, None if heading else seg.speaker, offset, base, shown=shown,
                               paragraph=paragraph, heading=heading, after_break=after_break)
                after_break = False
        previous, previous_voice = seg, voice
    low, high = TAIL_ROOM_TONE_MS
    yield SilenceItem(min(high, max(low, pauses.get("chapter", 2000))))


def _quote_marks(seg: Segment, source_text: str) -> tuple[str, str]:
    """The quote marks a quote's span opens and closes with in the source (a segment's text has
    none), so that what a reader sees keeps them."""
    if seg.kind is not SegmentKind.DIALOGUE:
        return "", ""
    first, last = source_text[seg.start:seg.start + 1], source_text[seg.end - 1:seg.end]
    return (first if first and first in QUOTE_MARKS else "",
            last if last and last in QUOTE_MARKS and seg.end - 1 > seg.start else "")


def _voice(seg: Segment, cast: Cast):
    if seg.kind in (SegmentKind.HEADING, SegmentKind.NOTE):
        return cast.narrator
    if seg.kind is SegmentKind.NARRATION and cast.pov_narration == "narrator":
        return cast.narrator
    return cast.voice_for(seg.speaker)


def apply_prosody(voice: VoiceSettings, prosody: Prosody) -> VoiceSettings:
    """``voice`` changed by ``prosody``, kept within the engine's ranges."""
    def clamp(name, value):
        lo, hi = VOICE_RANGES[name]
        return max(lo, min(hi, value))

    name = voice.voice
    if prosody.variant:
        name = name.partition("+")[0] + "+" + prosody.variant
    return VoiceSettings(name, int(clamp("rate", round(voice.rate * prosody.rate))),
                         int(clamp("pitch", voice.pitch + prosody.pitch)),
                         float(clamp("volume", voice.volume * prosody.volume)))


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
