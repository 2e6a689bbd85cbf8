"""voices.yaml loading, validation messages and automatic casting."""
from __future__ import annotations

import pytest

from audiobook.errors import ConfigError, VoiceNotFound
from audiobook.model import Prosody
from audiobook.casting.schema import DEFAULT_PROSODY, load_config
from conftest import VOICES


def write(tmp_path, text):
    path = tmp_path / "voices.yaml"
    path.write_text(text, encoding="utf-8")
    return path


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
     "{path}:3: characters.Lily.gender: must be male, female or nonbinary (or unknown, to let the parser judge), not 'girl'"),
    ("characters: [a, b]\n",
     "{path}:1: characters: must map each name to its settings, not be a list; "
     "write `Lily: {{aliases: [Lil], gender: female}}` for each character"),
    ("narrator:\n  voice: [gmw/en-us\n",
     "{path}:3:1: malformed YAML: expected ',' or ']', but got '<stream end>'"),
    ("- just\n- a list\n",
     "{path}: the top level must be a mapping (narrator:, characters:, ...)"),
    ("characters:\n  Lily:\n    pitch: 20\n",
     "{path}:2: characters.Lily: rate, pitch or volume given without a voice; add voice:"),
    ("defaults:\n  male: []\n",
     "{path}:2: defaults.male: must be a non-empty list of voices"),
    ("defaults:\n  males: [gmw/en-us]\n",
     "{path}:2: defaults.males: unknown key; did you mean 'male'?"),
    ("defaults:\n  female:\n    - voice: gmw/en-us+f2\n      rate: 1000\n",
     "{path}:4: defaults.female[0].rate: 1000 is out of range; use 80 to 450"),
    ("pronunciations:\n  Hermione: 3\n",
     "{path}:2: pronunciations.Hermione: must be text such as her-MY-oh-nee, not 3"),
    ("prosody:\n  shouted:\n    loudness: 2\n",
     "{path}:3: prosody.shouted.loudness: unknown key; allowed: rate, volume, pitch, variant"),
    pytest.param("prosody:\n  shoutted: {volume: 2}\n",
                 "{path}:2: prosody.shoutted: not a speech verb the parser knows; did you mean shouted, stated, shouts?",
                 id="prosody-verb-the-parser-never-records"),
    ("pov_narration: me\n",
     "{path}:1: pov_narration: must be one of character, narrator"),
    ("read_notes: sometimes\n",
     "{path}:1: read_notes: must be true or false"),
    ("pauses:\n  paragraph: -1\n",
     "{path}:2: pauses.paragraph: -1 is out of range; use 0 to 60000"),
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
    assert str(err.value) == (f"{path}:3: characters.Lily.voice: unknown voice variant 'f33' in 'gmw/en-us+f33'; "
                              "did you mean gmw/en-us+f3, gmw/en-us+m3, gmw/en-us+f5?")


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


def test_full_schema_loads(tmp_path):
    path = write(tmp_path, """\
narrator: {voice: gmw/en-us, rate: 150, pitch: 30, volume: 0.9}
characters:
  Lily: gmw/en-us+f3
  James: {voice: gmw/en+m3, aliases: [Potter], gender: male}
  Harry: {gender: male}
defaults:
  male: [gmw/en+m1, {voice: gmw/en+m2, pitch: 20}]
  female: [gmw/en+f1]
pov_narration: narrator
pauses: {paragraph: 600}
read_notes: true
pronunciations: {Hermione: her-MY-oh-nee}
prosody:
  shouted: {volume: 1.8}
  hissed: {rate: 1.2, variant: whisper}
""")
    config = load_config(path)
    assert config.narrator.rate == 150 and config.narrator.volume == 0.9
    assert config.characters["Lily"].settings.voice == "gmw/en-us+f3"
    assert config.characters["James"].aliases == ["Potter"]
    assert config.characters["Harry"].settings is None and config.characters["Harry"].gender == "male"
    assert [v.voice for v in config.pools["male"]] == ["gmw/en+m1", "gmw/en+m2"]
    assert config.pools["male"][1].pitch == 20
    assert config.pov_narration == "narrator" and config.read_notes is True
    assert config.pauses["paragraph"] == 600 and config.pauses["break"] == 1500
    assert config.pronunciations == {"Hermione": "her-MY-oh-nee"}
    assert config.prosody["shouted"] == Prosody(volume=1.8)
    assert config.prosody["hissed"] == Prosody(rate=1.2, variant="whisper")
    assert config.prosody["whispered"] == DEFAULT_PROSODY["whispered"]


def test_unknown_pool_voice_and_prosody_variant_are_caught(tmp_path, engine):
    path = write(tmp_path, "defaults:\n  male: [gmw/en+m99]\n")
    with pytest.raises(VoiceNotFound) as err:
        load_config(path, engine)
    assert str(err.value) == (f"{path}:2: defaults.male[0]: unknown voice variant 'm99' in 'gmw/en+m99'; "
                              "did you mean gmw/en+m8, gmw/en+m7, gmw/en+m6?")
    path = write(tmp_path, "prosody:\n  hissed: {variant: whispr}\n")
    with pytest.raises(VoiceNotFound) as err:
        load_config(path, engine)
    assert str(err.value) == (f"{path}:2: prosody.hissed.variant: unknown voice variant 'whispr'; "
                              "did you mean whisper, whisperf, steph?")


@pytest.mark.parametrize("typed, meant", [
    ("en-us", "gmw/en-us"), ("en-us+f3", "gmw/en-us+f3"), ("English (America)", "gmw/en-us"), ("en", "gmw/en"),
    ("fr", "roa/fr"), ("en-gb", "gmw/en"), ("GMW/EN-US+F3", "gmw/en-us+f3"), ("german", "gmw/de"),
])
def test_voices_are_found_as_people_type_them(tmp_path, engine, typed, meant):
    path = write(tmp_path, f"narrator:\n  voice: {typed}\ncharacters:\n  Ann: {typed}\n")
    config = load_config(path, engine)
    assert config.narrator.voice == meant and config.characters["Ann"].settings.voice == meant


def test_an_unknown_voice_suggests_voices_by_name_and_language(tmp_path, engine):
    """Regression: 'english' suggested zls/hr, gmq/is, tai/shn (nearest ids by spelling)."""
    path = write(tmp_path, "narrator:\n  voice: english\n")
    with pytest.raises(VoiceNotFound) as err:
        load_config(path, engine)
    assert str(err.value) == (f"{path}:2: narrator.voice: unknown voice 'english'; did you mean gmw/en (English (Great "
                              "Britain)), gmw/en-us (English (America)), gmw/en-029 (English (Caribbean))? "
                              "(audiobook voices lists them)")


def test_not_characters_and_pinned_lines_are_read(tmp_path):
    path = write(tmp_path, 'not_characters: [Close, Jezail]\nlines:\n  "Do you want to come inside": Lily\n'
                           "  Not now: narrator\n")
    config = load_config(path)
    assert config.not_characters == ["Close", "Jezail"]
    assert config.lines == {"Do you want to come inside": "Lily", "Not now": "narrator"}
    assert config.lines_where["Not now"] == f'{path}:4: lines."Not now"'


@pytest.mark.parametrize("written, meant", [("Male", "male"), ("F", "female"), ("female", "female"),
                                             ("unknown", None), ("''", None), ("Non-binary", "nonbinary"),
                                             ("nonbinary", "nonbinary"), ("neutral", "nonbinary"),
                                             ("they", "nonbinary")])
def test_a_gender_may_be_written_as_character_lists_write_it(tmp_path, written, meant):
    config = load_config(write(tmp_path, f"characters:\n  Lily:\n    gender: {written}\n"))
    assert config.characters["Lily"].gender == meant


@pytest.mark.parametrize("text, message", [
    pytest.param("characters:\n  Robert: {aliases: [Bob]}\n  Roberta: {aliases: [bob]}\n",
                 "{path}:3: characters.Roberta: 'bob' is a name of both Robert and Roberta; keep it under one of them",
                 id="one-alias-under-two-characters"),
    pytest.param("characters:\n  Ann: {aliases: [Nan]}\n  Nan: {}\n",
                 "{path}:3: characters.Nan: 'Nan' is a name of both Ann and Nan; keep it under one of them",
                 id="an-alias-that-is-another-character"),
    pytest.param("not_characters: {Close: 1}\n", "{path}:1: not_characters: must be a list of names",
                 id="not-characters-not-a-list"),
    pytest.param("lines:\n  Come in: [Lily]\n",
                 '{path}:2: lines."Come in": must be text such as a character\'s name or narrator, not [\'Lily\']',
                 id="pin-to-a-list"),
])
def test_bad_cast_entries(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value) == message.format(path=path)
