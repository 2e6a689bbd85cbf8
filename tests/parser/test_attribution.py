"""Attribution: tags in both orders, pronouns, vocatives, turn-taking, re-anchoring, first person."""
from __future__ import annotations

import pytest

from parser_helpers import shape


def speakers(text: str) -> list:
    return [who for kind, who, _ in shape(text) if kind == "dialogue"]


TAGS = [
    ('"The tide is turning," said Tom.', ["Tom"]),
    ('"The tide is turning," Tom said.', ["Tom"]),
    ('"Is it?" asked Mara.', ["Mara"]),
    ('Mara said, "It is."', ["Mara"]),
    ('"It is," Mara whispered softly.', ["Mara"]),
    ('"It is," said Mr. Penrose.', ["Mr. Penrose"]),
    ('"Go away," she sobbed.', [None]),  # nobody female is known yet: no guess
]


@pytest.mark.parametrize("text,expected", TAGS)
def test_explicit_tags(text, expected):
    assert speakers(text) == expected


def test_pronoun_tags_resolve_by_gender():
    text = ('Tom and Mara walked to the pier. Mara was cold and she said so.\n\n'
            '"We should go back," he said.\n\n'
            '"Not yet," she sobbed.\n')
    assert speakers(text) == ["Tom", "Mara"]


def test_pronoun_tags_resolve_by_recency_among_one_gender():
    text = ('Tom found Mara at the pier. She did not look up.\n\n'
            '"Hello," he said.\n\n'
            '"Hello yourself," she answered.\n')
    assert speakers(text) == ["Tom", "Mara"]


def test_vocative_is_not_the_speaker_regression_vocative():
    text = ('Tom stood at the door. Mara held the baby. She looked at him.\n\n'
            '"Tom, meet your son."\n')
    assert speakers(text) == ["Mara"]


def test_turn_taking_between_two_people():
    text = ('"Are you coming?" asked Tom.\n\n'
            '"In a minute," said Mara.\n\n'
            '"The boat leaves at six."\n\n'
            '"I know."\n\n'
            '"Then hurry."\n')
    assert speakers(text) == ["Tom", "Mara", "Tom", "Mara", "Tom"]


def test_explicit_tags_reanchor_turn_taking():
    text = ('"Are you coming?" asked Tom.\n\n'
            '"In a minute," said Mara.\n\n'
            '"I said now," said Mara again.\n\n'
            '"Fine."\n\n'
            '"Good."\n')
    assert speakers(text) == ["Tom", "Mara", "Mara", "Tom", "Mara"]


def test_action_beat_names_the_speaker():
    text = ('"Are you coming?" asked Tom.\n\n'
            'Mara put down her cup. "In a minute."\n\n'
            'Tom sighed. "The boat leaves at six."\n')
    assert speakers(text) == ["Tom", "Mara", "Tom"]


def test_first_person_tag_is_the_pov_character():
    text = ('MARA POV\n\nI opened the door and there he was. Tom, soaked through.\n\n'
            '"You came back," I said.\n\n'
            '"I always do," he said.\n')
    assert speakers(text) == ["Mara", "Tom"]


def test_first_person_narrator_named_elsewhere_in_the_book():
    text = ('I had known Penrose for years, and I never saw him so pale.\n\n'
            '"Sit down, Hale," said Penrose. "You look as tired as I feel."\n\n'
            '"I am tired," I said.\n\n'
            '"Then we are two, Hale."\n\n'
            'I sat down and he poured the tea. I drank it slowly.\n')
    assert speakers(text) == ["Penrose", "Penrose", "Hale", "Penrose"]
    narration = [who for kind, who, _ in shape(text) if kind == "narration"]
    assert narration[0] == "Hale" and narration[-1] == "Hale"


def test_tag_after_a_question_mark_with_lowercase_verb():
    text = 'Tom stared at the sea.\n\n"Why?" he whispered, and turned away.\n'
    assert speakers(text) == ["Tom"]


def test_said_he_inversion():
    text = 'Tom looked up.\n\n"I glanced at it," said he.\n'
    assert speakers(text) == ["Tom"]
