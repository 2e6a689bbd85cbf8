"""The speech verb of each quote's tag (``"Run!" she shouted.`` -> ``shouted``), recorded on
the dialogue segment so that later stages (prosody) need not look for it again."""
from __future__ import annotations

import re
from typing import Optional

from audiobook.model import Segment, SegmentKind
from audiobook.parser import rules

#: The part of the narration after a quote that can be its tag: up to the first clause end.
TAG_CLAUSE = re.compile(r"^[^.,;:!?\u2014]*")
#: Where a clause ends, for the tag before a quote (its narration's last clause).
CLAUSE_END = re.compile(r"[.,;:!?\u2014]")
WORD = re.compile(r"[\w']+")

#: Every verb recorded: the speech verbs, and verbs that say how a line sounds.
TAG_VERBS = frozenset(rules.SPEECH_VERBS | rules.MANNER_VERBS)


def tag_verb(segments: list[Segment], index: int, text: str) -> Optional[str]:
    """The speech verb tagging quote ``segments[index]``: the first one in the first clause of
    the narration right after it in the same paragraph, else in the last clause of the
    narration right before it; None if neither has one."""
    seg = segments[index]
    neighbours = []
    if index + 1 < len(segments):
        neighbours.append((segments[index + 1], text[seg.end:segments[index + 1].start], True))
    if index > 0:
        neighbours.append((segments[index - 1], text[segments[index - 1].end:seg.start], False))
    for other, between, after in neighbours:
        if other.kind is not SegmentKind.NARRATION or "\n" in between:
            continue
        narration = other.text.lower()
        if after:
            clause = TAG_CLAUSE.match(narration).group(0)
        else:
            clause = CLAUSE_END.split(narration.rstrip(" .,;:!?\u2014"))[-1]
        for word in WORD.findall(clause):
            if word in TAG_VERBS:
                return word
    return None


def mark_verbs(segments: list[Segment], text: str) -> None:
    """Set ``verb`` on every dialogue segment of one chapter that has a tag with a speech verb."""
    for index, seg in enumerate(segments):
        if seg.kind is SegmentKind.DIALOGUE:
            seg.verb = tag_verb(segments, index, text)
