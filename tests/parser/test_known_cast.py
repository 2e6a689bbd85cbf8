"""What voices.yaml tells the parser: the cast as listed, names that are no people, pinned lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.errors import ConfigError
from audiobook.model import Document, KnownCast, KnownCharacter, Pin
from audiobook.parser import parse

STORY = (
    'Granny sat by the stove. Antonida Vassilievna had not spoken since the roulette.\n\n'
    '"Fetch my shawl," said Granny.\n\n'
    '"At once," said Alexei.\n\n'
    '"And do not dawdle."\n\n'
    '"Close the door," said Antonida Vassilievna.\n'
)


def lines(text, known=None):
    script = parse(Document(Path("s.txt"), text), known)
    return [(s.speaker, s.how) for s in script.segments() if s.kind.value == "dialogue"], script


def test_a_listed_characters_names_are_one_character():
    (said, script) = lines(STORY, KnownCast((KnownCharacter("Antonida Vassilievna", ("Granny",), "female"),)))
    assert [who for who, _how in said] == ["Antonida Vassilievna", "Alexei", "Antonida Vassilievna",
                                           "Antonida Vassilievna"]
    names = {c.name for c in script.characters}
    assert "Granny" not in names and "Antonida Vassilievna" in names
    [antonida] = [c for c in script.characters if c.name == "Antonida Vassilievna"]
    assert antonida.gender == "female"


def test_without_the_list_the_parser_keeps_finding_names_on_its_own():
    said, script = lines(STORY)
    assert "Granny" in {c.name for c in script.characters}


def test_a_name_that_is_no_person_never_speaks():
    text = ('Holmes lit his pipe beside the window.\n\n'
            '"Close," said Holmes.\n\n'
            '"Very close," said Close.\n\n'
            '"Quite so," said Watson.\n')
    said, _ = lines(text)
    assert "Close" in [who for who, _h in said]
    said, script = lines(text, KnownCast(not_characters=("Close",)))
    assert "Close" not in [who for who, _h in said] and "Close" not in {c.name for c in script.characters}


def test_a_pinned_line_is_that_speakers_and_the_talk_follows_it():
    text = ('Ann and Ben sat by the fire.\n\n'
            '"It is late," said Ann.\n\n'
            '"Not so late."\n\n'
            '"Late enough."\n\n'
            '"Then go to bed."\n')
    said, _ = lines(text)
    assert [w for w, _h in said] == ["Ann", "Ben", "Ann", "Ben"]
    said, _ = lines(text, KnownCast(pins=(Pin("not SO late", "Ann", "voices.yaml:3: lines"),)))
    assert said == [("Ann", "tag"), ("Ann", "pinned"), ("Ben", "guess"), ("Ann", "turn")]
    said, _ = lines(text, KnownCast(pins=(Pin("\u201cLate enough", None, "voices.yaml:3: lines"),)))
    assert said[2] == (None, "pinned")


@pytest.mark.parametrize("words, message", [
    pytest.param("it is early", 'v.yaml:4: lines."it is early": matches no quote of the book; copy a few words of the '
                                'line as printed', id="pin-matching-nothing"),
    pytest.param("late", 'v.yaml:4: lines."late": matches 3 quotes: \u201cIt is late,\u201d (chapter 1); '
                         '\u201cNot so late.\u201d (chapter 1); \u201cLate enough.\u201d (chapter 1); add words to tell '
                         'them apart', id="pin-matching-several"),
])
def test_a_pin_must_match_one_quote(words, message):
    text = '"It is late," said Ann.\n\n"Not so late."\n\n"Late enough."\n'
    with pytest.raises(ConfigError) as err:
        parse(Document(Path("s.txt"), text), KnownCast(pins=(Pin(words, "Ann", f'v.yaml:4: lines."{words}"'),)))
    assert str(err.value) == message


def test_every_line_says_how_its_speaker_was_found():
    said, _ = lines('Mara stood at the door of the shop.\n\n"Who is there?" she asked.\n\n"Only me," said Tom.\n\n'
                    '"Come in, Tom."\n\n"Thank you."\n')
    assert said == [("Mara", "pronoun"), ("Tom", "tag"), ("Mara", "turn"), ("Tom", "vocative")]
