"""Nothing lost: for any text, segments are ordered, never overlap, and cover every non-space
character (scene-break punctuation lies inside its break segment anyway)."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser_helpers import SHARED, needs_shared, parse_text


def check_coverage(text: str) -> None:
    script = parse_text(text)
    segs = list(script.segments())
    last = 0
    covered = bytearray(len(text))
    for s in segs:
        assert 0 <= s.start <= s.end <= len(text)
        assert s.start >= last, f"segment at {s.start} overlaps or is out of order"
        last = s.end
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
    lost = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not lost, f"lost {len(lost)} characters, first at {lost[0]}: {text[max(0, lost[0] - 20):lost[0] + 20]!r}"
    json.dumps(script.to_json())
    names = {c.name for c in script.characters}
    assert {s.speaker for s in segs if s.speaker} <= names


PIECES = st.sampled_from([
    "Tom", "Mara", "said", "he", "she", "I", "asked", " ", " ", " ", "\n", "\n\n", "\n\n", '"', '"', "'",
    "\u201c", "\u201d", "\u2018", "\u2019", ",", ".", "!", "?", "\u2026", "\u2014", "---", "* * *",
    "Chapter 1", "CHAPTER TWO", "# Part", "JAMES POV", "A/N:", "Mr.", "Mrs.", "don't", "o'clock", "'em",
    "the boys'", "3 MONTHS LATER", "Zoë", "#", "~~~", "the", "door", "opened", "\t", "-", "*",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=80).map("".join))
def test_any_story_shaped_text_is_covered(text):
    check_coverage(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_at_all_is_covered(text):
    check_coverage(text)


def test_regression_crumb_after_a_closing_quote_at_paragraph_end():
    check_coverage('"Hello". \n\n"Bye"!\n')


def test_regression_break_line_inside_a_folded_paragraph():
    check_coverage("word " * 30 + "\n***\n" + "word " * 30)


REAL = ["seeds/000_1ac1bf46f35e5340.txt", "seeds/001_fa39482da39082b2.txt",
        "corpus/TheAwakening.txt", "corpus/TheSignOfTheFour.txt", "corpus/TheSportOfTheGods.txt"]


@pytest.mark.parametrize("name", REAL)
def test_real_texts_are_covered(name):
    path = needs_shared(*name.split("/"))
    check_coverage(path.read_text(encoding="utf-8"))
