"""The speech verb of each quote's tag, recorded on its segment (for prosody)."""
from __future__ import annotations

import pytest

from parser_helpers import parse_text


def verbs(text):
    return [(s.text, s.verb) for s in parse_text(text).segments() if s.kind.value == "dialogue"]


@pytest.mark.parametrize("text, expected", [
    pytest.param('"Run!" she shouted.', [("Run!", "shouted")], id="tag-after"),
    pytest.param('Anna whispered, "Quiet."', [("Quiet.", "whispered")], id="tag-before"),
    pytest.param('"Fine," she said, and then she shouted at the dog.', [("Fine,", "said")],
                 id="only-the-first-clause-after-counts"),
    pytest.param('"Fine," said Anna.', [("Fine,", "said")], id="verb-before-name"),
    pytest.param('"Fine."\n\nShe shouted at the dog.', [("Fine.", None)], id="next-paragraph-is-no-tag"),
    pytest.param('"Oh," she wept.', [("Oh,", "wept")], id="manner-verb"),
    pytest.param('"Go on," Anna said, "go on." She looked away.', [("Go on,", "said"), ("go on.", "said")],
                 id="interrupted-quote-shares-its-tag"),
])
def test_speech_verbs(text, expected):
    assert verbs(text) == expected


def test_the_verb_is_in_the_json_only_where_there_is_one():
    script = parse_text('"Run!" she shouted.\n\n"Why?"').to_json()
    dialogue = [s for c in script["chapters"] for s in c["segments"] if s["kind"] == "dialogue"]
    assert [s.get("verb") for s in dialogue] == ["shouted", None]
    assert "verb" not in dialogue[1]
