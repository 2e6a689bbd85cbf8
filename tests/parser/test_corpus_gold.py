"""Hand-annotated corpus chapters (tests/data/gold), scored by ../shared/tools/score-script.

The gold files name their source by file name only; score-script looks for it next to the gold
file, so each is copied into a temporary folder beside a link to the corpus text.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parser_helpers import REPO, needs_shared
from test_seeds import RUN

GOLD = sorted((REPO / "tests" / "data" / "gold").glob("*.gold.json"))

#: Floors a little under today's figures: a drop below them is a regression to look at.
MIN_ATTRIBUTION = {
    "TheSignOfTheFour.ch01.gold.json": 0.93,
    "TheAwakening.ch08.gold.json": 0.84,
    "TheSportOfTheGods.ch03.gold.json": 0.87,  # 0.857 before the fan-fiction rules, 0.896 after
    # Annotated after the rules were written, as a check that they generalise.
    "TheSignOfTheFour.ch02.gold.json": 0.93,
    "TheAwakening.ch10.gold.json": 0.94,
    # Held out: annotated before any change made for them (0.682 and 0.309 at the time).
    "TheAwakening.ch26.gold.json": 0.94,
    "TheSportOfTheGods.ch12.gold.json": 0.7,
    # Held out from every change above, annotated after them: 0.889 with the rules before and
    # after them alike.
    "TheSignOfTheFour.ch10.gold.json": 0.94,  # 0.963 since first-person turns (fan-fiction work)
    "TheAwakening.ch17.gold.json": 0.88,  # likewise: 0.846 before and after; 0.923 now
}


def test_there_are_at_least_two_gold_chapters():
    assert len(GOLD) >= 2


@pytest.mark.parametrize("gold", GOLD, ids=[g.name for g in GOLD])
def test_gold_chapter(gold, tmp_path):
    tool = needs_shared("tools", "score-script")
    data = json.loads(gold.read_text(encoding="utf-8"))
    source = needs_shared("corpus", data["file"])
    text = source.read_text(encoding="utf-8")
    lo, hi = data["range"]
    for q in data["quotes"]:
        assert lo <= q["start"] < q["end"] <= hi
        assert text[q["start"]] == '"' and text[q["end"] - 1] == '"', q
    os.symlink(source, tmp_path / data["file"])
    (tmp_path / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(tool), str(tmp_path / gold.name), "--run", RUN,
         "--min-attribution", str(MIN_ATTRIBUTION.get(gold.name, 0.5)), "--min-quotes", "1.0"],
        capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
