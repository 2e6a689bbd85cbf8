"""RenderPlan -> the same book as ACX wants its files: opening and closing credits read by the
narrator, and no file longer than 120 minutes.

ACX asks that the opening credits state the title, the author and the narrator, and that the
closing credits tell the listener the book has ended ("You have been listening to ...", the
same credits, then "The end"). A chapter that would run past the limit is cut at paragraph
pauses into parts of about equal length; each part after the first opens with room tone and
its title read aloud, as every file must. The length is estimated before any audio exists,
from the words and each voice's rate plus the pauses, with a margin (MAX_PART_MINUTES) for
the estimate's error.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Optional

from audiobook.model import ChapterPlan, ClipItem, PlanItem, RenderPlan, SilenceItem, VoiceSettings
from audiobook.render.plan import HEAD_ROOM_TONE_MS, TAIL_ROOM_TONE_MS

#: ACX's longest file, in minutes.
ACX_MAX_MINUTES = 120
#: Parts are planned to this length, well under ACX's limit: estimates from word counts run
#: up to some 15 % short for slow or wordy narration.
MAX_PART_MINUTES = 100
#: Only pauses at least this long (between paragraphs, at scene breaks) are cut at.
MIN_CUT_MS = 400
#: Pause between the sentences of the credits.
CREDIT_PAUSE_MS = 600

OPENING_TITLE = "Opening Credits"
CLOSING_TITLE = "Closing Credits"


def acx_plan(plan: RenderPlan, narrator: VoiceSettings, narrator_name: str,
             max_minutes: Optional[float] = None) -> RenderPlan:
    """``plan`` with credits first and last (read in ``narrator``'s voice) and every chapter
    estimated longer than ``max_minutes`` (default MAX_PART_MINUTES) cut into parts; files are
    numbered in order from 00."""
    max_minutes = max_minutes or MAX_PART_MINUTES
    chapters = [opening_credits(plan, narrator, narrator_name)]
    for chapter in plan.chapters:
        chapters.extend(split_chapter(chapter, narrator, max_minutes))
    chapters.append(closing_credits(plan, narrator, narrator_name))
    numbered = [replace(c, number=n) for n, c in enumerate(chapters)]
    return replace(plan, chapters=numbered, total_chapters=len(numbered) - 1)


def credit_lines(plan: RenderPlan, narrator_name: str, closing: bool) -> list[str]:
    """What the credits say, sentence by sentence."""
    author = f"Written by {plan.author}." if plan.author else None
    narrated = f"Narrated by {narrator_name}."
    if closing:
        lines = [f"You have been listening to {plan.title}.", author, narrated, "The end."]
    else:
        lines = [f"{plan.title}.", author, narrated]
    return [line for line in lines if line]


def opening_credits(plan: RenderPlan, narrator: VoiceSettings, narrator_name: str) -> ChapterPlan:
    """The opening credits: title, author and narrator."""
    return _credits(OPENING_TITLE, credit_lines(plan, narrator_name, closing=False), narrator)


def closing_credits(plan: RenderPlan, narrator: VoiceSettings, narrator_name: str) -> ChapterPlan:
    """The closing credits: "You have been listening to" the same credits, then "The end"."""
    return _credits(CLOSING_TITLE, credit_lines(plan, narrator_name, closing=True), narrator)


def _credits(title: str, lines: list[str], narrator: VoiceSettings) -> ChapterPlan:
    items: list[PlanItem] = [SilenceItem(HEAD_ROOM_TONE_MS)]
    for line in lines:
        items += [ClipItem(line, narrator, None, 0), SilenceItem(CREDIT_PAUSE_MS)]
    items[-1] = SilenceItem(TAIL_ROOM_TONE_MS[0] * 2)
    return ChapterPlan(0, title, items)


def estimated_seconds(items: list[PlanItem]) -> float:
    """How long ``items`` will play: each clip's words at its voice's rate, and the pauses."""
    total = 0.0
    for item in items:
        if isinstance(item, SilenceItem):
            total += item.ms / 1000
        else:
            total += len(item.text.split()) * 60 / max(1, item.voice.rate)
    return total


def split_chapter(chapter: ChapterPlan, narrator: VoiceSettings, max_minutes: float) -> list[ChapterPlan]:
    """``chapter`` as it is, or in parts of about equal length at pauses, each under ``max_minutes``."""
    total = estimated_seconds(chapter.items)
    count = math.ceil(total / (max_minutes * 60))
    if count <= 1:
        return [chapter]
    cuts = _cut_points(chapter.items, total / count)[:count - 1]
    if not cuts:
        return [chapter]
    bounds = [0, *cuts, len(chapter.items)]
    parts = []
    for k, (a, b) in enumerate(zip(bounds, bounds[1:]), start=1):
        title = part_title(chapter.title, k)
        items = list(chapter.items[a:b])
        if k > 1:  # the pause cut at becomes room tone, then the part says what it is
            items[:1] = [SilenceItem(HEAD_ROOM_TONE_MS), ClipItem(f"{title}.", narrator, None, _offset(items)),
                         SilenceItem(CREDIT_PAUSE_MS)]
        if b < len(chapter.items):
            items.append(SilenceItem(TAIL_ROOM_TONE_MS[0] * 2))
        parts.append(ChapterPlan(chapter.number, title, items))
    return parts


def part_title(title: str, part: int) -> str:
    """The title of a part of a chapter cut for length."""
    return f"{title}, Part {part}"


def _cut_points(items: list[PlanItem], goal: float) -> list[int]:
    """Indexes of long pauses at which to cut, each the first at or past a multiple of ``goal`` seconds."""
    cuts, elapsed, next_goal = [], 0.0, goal
    for index, item in enumerate(items):
        elapsed += estimated_seconds([item])
        if (isinstance(item, SilenceItem) and item.ms >= MIN_CUT_MS and elapsed >= next_goal
                and 0 < index < len(items) - 1):
            cuts.append(index)
            next_goal += goal
    return cuts


def _offset(items: list[PlanItem]) -> int:
    return next((i.source_offset for i in items if isinstance(i, ClipItem)), 0)


def narrator_credit(narrator: VoiceSettings, engine_voices: list) -> str:
    """How the credits name the narrator: the engine's name for the narrator's voice."""
    voice_id = narrator.voice.split("+", 1)[0]
    name = next((getattr(v, "name", None) for v in engine_voices if getattr(v, "id", None) == voice_id), None)
    return f"a synthetic voice, {name}" if name else "a synthetic voice"
