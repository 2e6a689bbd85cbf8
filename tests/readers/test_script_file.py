"""A saved (and edited) JSON script is rendered exactly as it says, never read aloud as JSON."""
from __future__ import annotations

import json
import shutil

import pytest

from audiobook.casting.schema import load_config
from audiobook.errors import SourceError
from audiobook.model import ClipItem
from audiobook.pipeline import parse_source, prepare
from conftest import SAMPLE
from fakes import FakeEngine


@pytest.fixture
def saved(tmp_path):
    story = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, story)
    script, _ = parse_source(story)
    path = tmp_path / "story.json"
    path.write_text(json.dumps(script.to_json(), ensure_ascii=False), encoding="utf-8")
    return story, path


def plan_of(path):
    plan, _ = prepare(path, load_config(None), FakeEngine())
    return [(i.text, i.speaker, i.voice) for c in plan.chapters for i in c.items if isinstance(i, ClipItem)]


def test_an_unedited_script_plans_exactly_as_its_source(saved):
    story, path = saved
    assert plan_of(path) == plan_of(story)


def test_an_edited_speaker_is_heard_in_the_render(saved):
    _story, path = saved
    data = json.loads(path.read_text(encoding="utf-8"))
    moved = 0
    for chapter in data["chapters"]:
        for seg in chapter["segments"]:
            if seg["speaker"] == "Mr. Okafor":
                seg["speaker"], moved = "Someone New", moved + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    script, _ = parse_source(path)
    assert moved and "Someone New" in [c.name for c in script.characters]
    speakers = {speaker for _text, speaker, _voice in plan_of(path)}
    assert "Someone New" in speakers and "Mr. Okafor" not in speakers


@pytest.mark.parametrize("content, message", [
    ('{"a": 1}', "{path}: is JSON but not an audiobook script (format 1, from `audiobook script BOOK --format json`); "
                 "render the story itself"),
    ("{not json", "{path}: is not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 "
                  "(char 1)); fix it or render the story itself"),
    ('{"format": 1, "source": "missing.txt", "chapters": []}',
     "{path}: its source missing.txt is not beside it; put the script next to the story its offsets refer to"),
    ('{"format": 1, "source": "%s", "chapters": [{"segments": [{"kind": "shout", "start": 0, "end": 1}]}]}' % SAMPLE.name,
     "{path}: chapter 1, segment 1: needs a kind, one of heading, narration, dialogue, break, note"),
    ('{"format": 1, "source": "%s", "chapters": [{"segments": [{"kind": "dialogue", "speaker": "A", "text": "x", '
     '"start": 5, "end": 99999999}]}]}' % SAMPLE.name,
     "{path}: chapter 1, segment 1: start and end must be offsets into the source (0 to %d)" % len(
         SAMPLE.read_text(encoding="utf-8"))),
])
def test_what_is_not_a_script_is_refused_in_one_line(saved, content, message):
    _story, path = saved
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        parse_source(path)
    assert str(err.value) == message.format(path=path)
