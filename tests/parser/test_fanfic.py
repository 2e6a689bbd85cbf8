"""Four original fan-fiction stories (tests/data/fanfic), each with a hand-made gold file.

First the gold files are checked against their stories (every quote's offsets and text), then
each story is scored by ../shared/tools/score-script.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from parser_helpers import REPO

FANFIC = REPO / "tests" / "data" / "fanfic"
GOLD = sorted(FANFIC.glob("*.gold.json"))
OPEN_MARKS = "\"\u201c"
CLOSE_MARKS = "\"\u201d"


def test_there_are_at_least_four_stories():
    assert len(GOLD) >= 4


@pytest.mark.parametrize("gold", GOLD, ids=[g.stem for g in GOLD])
def test_gold_matches_its_story(gold):
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = (FANFIC / data["file"]).read_text(encoding="utf-8")
    assert 1500 <= len(text.split()) <= 4000
    names = {c["name"] for c in data["characters"]}
    last = -1
    for q in data["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        assert q["text"][0] in OPEN_MARKS and q["text"][-1] in CLOSE_MARKS, q
        assert q["start"] >= last, q
        assert q["speaker"] in names, q
        last = q["end"]
