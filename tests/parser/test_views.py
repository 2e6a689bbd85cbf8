"""The text (screenplay), table and review views of a parsed script."""
from __future__ import annotations

from pathlib import Path

from audiobook.model import Document
from audiobook.parser.views import cast_table, review, screenplay
from parser_helpers import parse_text

STORY = ('The Ferry\n\nChapter 1\n\nTOM POV\n\nI waited at the pier.\n\n* * *\n\n'
         '"Late again," said Mara.\n\n"Sorry," said Tom.\n\nA/N: thanks for reading!\n')


def test_screenplay_shows_speakers_narration_and_structure():
    text = screenplay(parse_text(STORY), Document(path=Path("story.txt"), text=STORY))
    lines = text.splitlines()
    assert lines[0] == "# The Ferry"
    assert "## Chapter 1" in lines
    assert "    == Tom's point of view ==" in lines
    assert "    [Tom] I waited at the pier." in lines
    assert "    * * *" in lines
    assert 'Mara: "Late again,"' in lines
    assert "    said Mara." in lines
    assert 'Tom: "Sorry,"' in lines
    assert "    [note] A/N: thanks for reading!" in lines


def test_cast_table_most_lines_first():
    table = cast_table(parse_text(STORY + '\n"Again?" said Mara.\n')).splitlines()
    assert [row.split()[:3] for row in table[1:]] == [["Mara", "2", "-"], ["Tom", "1", "male"]]


def test_review_lists_the_least_certain_lines_first():
    # Regression: the order was reversed, tags first and guesses last.
    text = ('Mara and Tom sat by the fire.\n\n"Late again," said Mara.\n\n"Sorry," said Tom.\n\n'
            '"You always are."\n\n"I know."\n')
    hows = [line.split("]")[0][1:] for line in review(parse_text(text)).splitlines() if line.startswith("[")]
    assert hows == ["turn", "turn", "tag", "tag"]
