"""Quotes: double and single marks, apostrophes, interrupted and multi-paragraph quotes, unbalanced marks."""
from __future__ import annotations

import pytest

from parser_helpers import parse_text, shape


def dialogue(text: str) -> list[str]:
    return [t for kind, _, t in shape(text) if kind == "dialogue"]


QUOTE_SHAPES = [
    # straight double quotes
    ('"Bring the lamp," said Mara.', ["Bring the lamp,"]),
    # curly double quotes
    ("\u201cBring the lamp,\u201d said Mara.", ["Bring the lamp,"]),
    # British single quotes, with apostrophes inside and around
    ("\u2018I don\u2019t like it,\u2019 said Mara. \u2018It\u2019s past ten o\u2019clock.\u2019",
     ["I don\u2019t like it,", "It\u2019s past ten o\u2019clock."]),
    ("'Tell 'em the boys' boat is late,' said Mara.", ["Tell 'em the boys' boat is late,"]),
    ("'We'll go at nine o'clock,' said Tom, 'if the rain stops.'",
     ["We'll go at nine o'clock,", "if the rain stops."]),
    # a quote interrupted by its tag
    ('"So you\'ve decided," snapped Tom, "But I haven\'t."', ["So you've decided,", "But I haven't."]),
    # ellipses and dashes inside quotes
    ('"I\u2014I thought\u2026" Mara stopped.', ["I\u2014I thought\u2026"]),
    ('"Wait..." said Mara. "No -- go on."', ["Wait...", "No -- go on."]),
    # accented names
    ('"Où est-il?" asked Zoë. "Chez René," said Étienne.', ["Où est-il?", "Chez René,"]),
]


@pytest.mark.parametrize("text,expected", QUOTE_SHAPES)
def test_quote_shapes(text, expected):
    assert dialogue(text) == expected


def test_apostrophes_alone_never_make_dialogue():
    text = "The boys' boots were by Tom's door. Rock 'n' roll played till two o'clock. 'Twas late.\n"
    assert dialogue(text) == []


def test_multi_paragraph_quote_keeps_its_speaker():
    text = ('Old Nan leaned forward. "When I was a girl the sea came right up to the wall.\n\n'
            '"We used to sit on it and dangle our feet.\n\n'
            '"Then the storm took it all," she said.\n\n'
            'Tom said nothing.\n')
    segs = [(k, who) for k, who, _ in shape(text)]
    assert segs == [("narration", None), ("dialogue", "Nan"), ("dialogue", "Nan"), ("dialogue", "Nan"),
                    ("narration", None), ("narration", None)]


def test_unbalanced_quote_mark_does_not_spread():
    text = ('"Stay," said Tom.\n\n'
            'And so they stayed. "The night was long and the fire burned low.\n\n'
            'Morning came at last.\n\n"Good morning," said Mara.\n')
    kinds = shape(text)
    assert kinds[2] == ("narration", None, 'And so they stayed. "The night was long and the fire burned low.')
    assert kinds[3] == ("narration", None, "Morning came at last.")
    assert kinds[4] == ("dialogue", "Mara", "Good morning,")


def test_regression_a_long_speech_after_its_tag_runs_on_into_the_next_paragraph():
    # Left open after "said he," a speech of any length runs on, as novels print it; an open
    # mark after ordinary narration still may not (test_unbalanced_quote_mark_does_not_spread).
    speech = "I will tell you how a farmer thinks of it. " * 12
    text = (f'"Mr. Lacey," said Mr. Ashworth, "{speech.strip()}\n\n'
            '"That is the whole of the matter."\n\n"Papa!" cried Eleanor.\n')
    segs = [(k, who) for k, who, _ in shape(text)]
    assert segs[:4] == [("dialogue", "Mr. Ashworth"), ("narration", None), ("dialogue", "Mr. Ashworth"),
                        ("dialogue", "Mr. Ashworth")]


def test_unclosed_quote_at_paragraph_start_is_dialogue_to_its_end():
    text = '"Come here, now said Tom, waving.\n\nMara came.\n'
    assert shape(text)[0][0] == "dialogue"
    assert shape(text)[1] == ("narration", None, "Mara came.")


def test_scare_quotes_inside_a_sentence_are_narration_regression_scare_quotes():
    text = 'He crossed the narrow "bridges" that joined the huts, then turned toward "the house."\n'
    assert dialogue(text) == []


def test_punctuation_after_a_closing_mark_is_kept():
    text = '"No". He left.\n'
    segs = list(parse_text(text).segments())
    assert "".join(text[s.start:s.end] for s in segs).replace(" ", "") == text.strip().replace(" ", "")


def test_hard_wrapped_quote_text_is_joined():
    text = ('"I have looked everywhere for the key to the cellar and for\n'
            'the lamp," said Mara.\n')
    assert dialogue(text) == ["I have looked everywhere for the key to the cellar and for the lamp,"]
