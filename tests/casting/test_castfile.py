"""`audiobook cast`: the voices file is created or extended, the user's edits and comments kept."""
from __future__ import annotations

from audiobook.casting.assign import cast
from audiobook.casting.castfile import updated_voices_file
from audiobook.casting.schema import load_config
from audiobook.model import Character, Script

USER_FILE = """\
# my own header comment
narrator:
  voice: gmw/en-us   # I like this one
  rate: 150

characters:
  Lily:
    voice: gmw/en-us+f2   # chosen by hand
    pitch: 70
    aliases: [Lily Evans]

# pauses are how I like them
pauses:
  paragraph: 700
"""


def story(*characters):
    return Script("s.txt", "S", None, characters=list(characters))


def update(path, script):
    text, added = updated_voices_file(path, script, cast(script, load_config(path if path.exists() else None)))
    path.write_text(text, encoding="utf-8")
    return added


def test_a_new_file_lists_the_cast_most_speaking_first_with_line_counts(tmp_path):
    path = tmp_path / "voices.yaml"
    added = update(path, story(Character("Ann", ["Ann"], "female", 2), Character("Bo", ["Bo", "Mr. Bo"], "male", 9)))
    assert added == ["Bo", "Ann"]
    text = path.read_text(encoding="utf-8")
    assert text.index("Bo: # 9 lines") < text.index("Ann: # 2 lines")
    assert "aliases: [Mr. Bo]" in text
    config = load_config(path)
    assert config.characters["Bo"].gender == "male" and config.characters["Bo"].settings is not None


def test_updating_keeps_the_users_edits_and_comments(tmp_path):
    path = tmp_path / "voices.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    added = update(path, story(Character("Lily Evans", ["Lily Evans"], "female", 5), Character("Sev", ["Sev"], "male", 3)))
    assert added == ["Sev"]
    text = path.read_text(encoding="utf-8")
    for kept in ("# my own header comment", "voice: gmw/en-us   # I like this one", "voice: gmw/en-us+f2   # chosen by hand",
                 "pitch: 70", "# pauses are how I like them\npauses:\n  paragraph: 700"):
        assert kept in text
    assert text.index("Sev: # 3 lines") < text.index("# pauses are how I like them")
    config = load_config(path)
    assert config.characters["Lily"].settings.pitch == 70
    assert set(config.characters) == {"Lily", "Sev"}


def test_running_twice_adds_nothing_and_changes_nothing(tmp_path):
    path = tmp_path / "voices.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    script = story(Character("Sev", ["Sev"], "male", 3))
    update(path, script)
    first = path.read_text(encoding="utf-8")
    assert update(path, script) == []
    assert path.read_text(encoding="utf-8") == first


def test_regression_a_name_the_parser_gives_two_characters_is_written_under_one(tmp_path):
    # The parser gave "the reporter" to Jack as an alias and to one line of its own: the file
    # it wrote was refused when read back ("a name of both Jack and the reporter").
    path = tmp_path / "voices.yaml"
    added = update(path, story(Character("Jack", ["Jack", "the reporter"], "male", 11),
                               Character("the reporter", ["the reporter"], None, 1),
                               Character("Kit", ["Kit", "Jack"], None, 4)))
    assert added == ["Jack", "Kit"]
    config = load_config(path)  # no error
    assert config.characters["Jack"].aliases == ["the reporter"] and config.characters["Kit"].aliases == []
    text = path.read_text(encoding="utf-8")
    assert "Jack: # 12 lines" in text and "Kit: # 4 lines" in text
