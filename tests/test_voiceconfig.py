"""voices.yaml loading, validation messages and automatic casting."""
from __future__ import annotations

import pytest

from audiobook.errors import ConfigError, VoiceNotFound
from audiobook.model import Character, Script
from audiobook.voices import AUTO_POOLS, DEFAULT_NARRATOR, cast, load_config
from conftest import VOICES


def write(tmp_path, text):
    path = tmp_path / "voices.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def script_with(*characters):
    return Script(source="x.txt", title="X", author=None, characters=list(characters))


def test_shipped_voices_file_loads_and_every_voice_exists(engine):
    config = load_config(VOICES, engine)
    assert config.narrator.voice == "gmw/en-gb-x-rp"
    assert set(config.characters) == {"Mara", "Okafor", "Tobias"}
    assert config.characters["Mara"].aliases == ["Mara Quill", "Miss Quill"]


@pytest.mark.parametrize("text, message", [
    ("narrator:\n  voice: gmw/en-us\n  rate: -5\n",
     "{path}:3: narrator.rate: -5 is out of range; use 80 to 450"),
    ("narrator:\n  pitch: 150\n",
     "{path}:2: narrator.pitch: 150 is out of range; use 0 to 99"),
    ("narrator:\n  volume: loud\n",
     "{path}:2: narrator.volume: must be a number from 0.0 to 2.0, not 'loud'"),
    ("narator:\n  voice: gmw/en-us\n",
     "{path}:1: narator: unknown key; did you mean 'narrator'?"),
    ("characters:\n  Lily:\n    voice: gmw/en-us\n    pich: 3\n",
     "{path}:4: characters.Lily.pich: unknown key; did you mean 'pitch'?"),
    ("characters:\n  Lily:\n    gender: girl\n",
     "{path}:3: characters.Lily.gender: must be male or female, not 'girl'"),
    ("characters: [a, b]\n",
     "{path}:1: characters: must be a mapping of keys to values"),
    ("narrator:\n  voice: [gmw/en-us\n",
     "{path}:3:1: malformed YAML: expected ',' or ']', but got '<stream end>'"),
    ("- just\n- a list\n",
     "{path}: the top level must be a mapping (narrator:, characters:, ...)"),
])
def test_bad_files_name_file_line_and_key(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value) == message.format(path=path)


def test_unknown_voice_names_file_and_key_path(tmp_path, engine):
    path = write(tmp_path, "characters:\n  Lily:\n    voice: gmw/en-us+f33\n")
    with pytest.raises(VoiceNotFound) as err:
        load_config(path, engine)
    assert str(err.value).startswith(f"{path}: characters.Lily.voice: unknown voice 'gmw/en-us+f33'; did you mean gmw/en-us+f")


def test_yaml_tags_do_not_construct_objects(tmp_path):
    target = tmp_path / "made-by-yaml"
    path = write(tmp_path, f"narrator: !!python/object/apply:os.mkdir ['{target}']\n")
    with pytest.raises(ConfigError):
        load_config(path)
    assert not target.exists()


def test_voices_file_that_is_a_folder(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a folder; give a voices.yaml file"


def test_listed_voices_and_aliases_are_used(tmp_path):
    path = write(tmp_path, "characters:\n  Mara:\n    voice: gmw/en-us+f3\n    pitch: 70\n    aliases: [Miss Quill]\n")
    result = cast(script_with(Character("Mara", lines=3)), load_config(path))
    assert result.voice_for("Mara").pitch == 70
    assert result.voice_for("miss quill") == result.voice_for("Mara")
    assert result.voice_for(None) == DEFAULT_NARRATOR


def test_auto_cast_is_distinct_by_gender_and_never_the_narrator():
    chars = [Character(f"Man{i}", gender="male", lines=10 - i) for i in range(4)]
    chars += [Character(f"Woman{i}", gender="female", lines=5) for i in range(4)]
    chars += [Character("Someone", lines=1)]
    result = cast(script_with(*chars), load_config(None))
    voices = [result.voice_for(c.name) for c in chars]
    assert len(set(voices)) == len(voices)
    assert DEFAULT_NARRATOR not in voices
    assert all(result.voice_for(f"Man{i}") in AUTO_POOLS["male"] for i in range(4))
    assert all(result.voice_for(f"Woman{i}") in AUTO_POOLS["female"] for i in range(4))


def test_auto_cast_is_stable_across_runs():
    chars = [Character("Ada", gender="female", lines=4), Character("Bram", gender="male", lines=2)]
    first = cast(script_with(*chars), load_config(None))
    second = cast(script_with(*reversed(chars)), load_config(None))
    assert first.characters == second.characters


def test_more_characters_than_the_pool_still_differ():
    chars = [Character(f"Guard{i}", gender="male", lines=1) for i in range(20)]
    result = cast(script_with(*chars), load_config(None))
    assert len({result.voice_for(c.name) for c in chars}) == 20
