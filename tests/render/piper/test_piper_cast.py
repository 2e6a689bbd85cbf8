"""A full cast from one multi-speaker Piper model: each character a distinct speaker of their gender."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from audiobook.casting.schema import load_config
from audiobook.cli import main
from audiobook.model import Chapter, Character, Script, Segment, SegmentKind
from piper_fixtures import tone_voice

PITCHES = (110, 230, 120, 240, 100, 210, 130, 220, 115, 225, 105, 215)  # even ids low, odd ids high


@pytest.fixture
def voice_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "voices"
    tone_voice(folder, pitches=PITCHES)
    return folder


def cast_file(tmp_path, voice_dir, story, *extra):
    voices = tmp_path / "voices.yaml"
    result = CliRunner().invoke(main, ["cast", str(story), "--voices", str(voices), "--engine", "piper",
                                       "--voice-dir", str(voice_dir), *extra])
    assert result.exit_code == 0, result.output
    return load_config(voices)


def test_each_character_gets_a_distinct_speaker_of_their_gender(tmp_path, voice_dir):
    story = tmp_path / "story.txt"
    story.write_text('"Come in," said Mr. Hale. "Sit down," said Mrs. Hale. "Thank you," said Mr. Dunn.\n\n'
                     '"Tea?" asked Miss Pike. "Please," said Mr. Dunn. "Milk?" asked Mrs. Hale.\n', encoding="utf-8")
    config = cast_file(tmp_path, voice_dir, story)
    speakers = {name: entry.settings for name, entry in config.characters.items()}
    assert set(speakers) == {"Mr. Hale", "Mrs. Hale", "Mr. Dunn", "Miss Pike"}
    assert all(v.voice == "piper:en_US-tones-medium" for v in speakers.values())
    ids = {name: int(v.speaker) for name, v in speakers.items()}
    assert len(set(ids.values())) == 4
    assert ids["Mr. Hale"] % 2 == 0 and ids["Mr. Dunn"] % 2 == 0  # low voices
    assert ids["Mrs. Hale"] % 2 == 1 and ids["Miss Pike"] % 2 == 1  # high voices
    assert config.narrator.voice == "piper:en_US-tones-medium" and int(config.narrator.speaker) not in ids.values()
    (tmp_path / "again").mkdir()
    again = cast_file(tmp_path / "again", voice_dir, story)
    assert {n: e.settings for n, e in again.characters.items()} == speakers  # stable by name


def test_the_speakers_genders_are_judged_once(tmp_path, voice_dir):
    from audiobook.render.piper import PiperVoice, remembered_genders

    voice = PiperVoice.load(voice_dir / "en_US-tones-medium.onnx")
    first = remembered_genders(voice)
    assert first == {i: ("male" if i % 2 == 0 else "female") for i in range(12)}
    cached = list((tmp_path / "cache" / "audiobook" / "piper-genders").glob("*.json"))
    assert [p.stem for p in cached] == [voice.sha256]
    cached[0].write_text('{"0": "female"}')  # what is remembered is what is used
    assert remembered_genders(voice) == {0: "female"}


def test_a_single_speaker_model_is_refused(tmp_path, voice_dir):
    story = tmp_path / "story.txt"
    story.write_text('"Hi," said Ann.\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["cast", str(story), "--voices", str(tmp_path / "v.yaml"), "--engine", "piper",
                                       "--model", "en_US-joe-medium", "--voice-dir", str(voice_dir)])
    assert result.exit_code == 1
    assert result.output == "Error: --model: Piper voice en_US-joe-medium has a single speaker; choose a multi-speaker voice\n"
