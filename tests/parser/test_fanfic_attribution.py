"""Attribution habits of fan fiction: first-person scenes, action beats, messages in italics.
Golden tables ``(text, speakers)``; ``None`` in the expected list means "any"."""
from __future__ import annotations

import pytest

from parser_helpers import parse_text


def _check(text: str, speakers: list) -> None:
    got = [s.speaker for s in parse_text(text).segments() if s.kind.value == "dialogue"]
    assert len(got) == len(speakers), got
    assert all(want is None or g == want for g, want in zip(got, speakers)), got


FIRST_PERSON = [
    pytest.param(
        "Rosalind Marsh worked nights. Nobody on the ward talked about Margaret.\n\n"
        "\u201cMargaret,\u201d he said. \u201cMargaret, Margaret.\u201d\n\n\u201cMargaret is gone.\u201d\n\n"
        "~Ros's POV~\n\nI was tired. I sat down.\n\n* * *\n\n"
        "I went to bay four. The old man was awake.\n\n\u201cIt's late,\u201d I said.\n\n"
        "\u201cMargaret's waiting,\u201d said the old man.\n",
        [None, None, None, "Rosalind Marsh", None],
        id="pov-header-holds-over-a-scene-break"),
    pytest.param(
        "~Liz's POV~\n\nI went down to bother the night cook. Hallam House was asleep. The night cook was a broad "
        "woman with flour up to her elbows.\n\n\u201cAgain,\u201d she said.\n\n\u201cI can't sleep.\u201d\n\n"
        "\u201cSit.\u201d\n",
        ["the night cook", "Liz", "the night cook"],
        id="she-is-not-a-capitalised-place"),
]


@pytest.mark.parametrize("text,speakers", FIRST_PERSON)
def test_regression_first_person_lines_went_to_someone_mentioned_long_before(text, speakers):
    _check(text, speakers)
