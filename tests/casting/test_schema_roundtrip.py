"""Property: any valid voices file loads, saves and loads again to the same settings."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from audiobook.model import Prosody, VoiceSettings
from audiobook.casting.schema import CharacterEntry, VoiceConfig, dump_config, load_config
from conftest import VOICES

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéü' -.", min_size=1, max_size=20).map(str.strip).filter(bool)
voices = st.builds(
    VoiceSettings,
    voice=st.sampled_from(["gmw/en-us", "gmw/en-us+f3", "gmw/en-gb-x-rp+m2", "yes", "null"]),
    rate=st.integers(80, 450), pitch=st.integers(0, 99),
    volume=st.integers(0, 200).map(lambda v: v / 100))
entries = st.builds(lambda settings, aliases, gender: (settings, aliases, gender),
                    st.none() | voices, st.lists(names, max_size=3), st.sampled_from([None, "male", "female"]))
prosodies = st.builds(Prosody, rate=st.integers(25, 400).map(lambda v: v / 100), volume=st.integers(0, 400).map(lambda v: v / 100),
                      pitch=st.integers(-99, 99), variant=st.sampled_from([None, "whisper", "f2"]))


@st.composite
def configs(draw):
    # Names differ in more than case: voices.yaml takes "J" and "j" for one name.
    chars = {name: draw(entries) for name in draw(st.lists(names, max_size=5, unique_by=str.lower))}
    seen: set = set()
    for name in chars:  # a name stands for one character only
        settings_, aliases, gender = chars[name]
        aliases = [a for a in aliases if a.lower() not in seen and a.lower() not in {n.lower() for n in chars if n != name}]
        seen.update(a.lower() for a in [name, *aliases])
        chars[name] = (settings_, aliases, gender)
    return VoiceConfig(
        path=None,
        narrator=draw(voices),
        characters={n: CharacterEntry(n, s, a, g) for n, (s, a, g) in chars.items()},
        pools={g: tuple(draw(st.lists(voices, min_size=1, max_size=3))) for g in ("male", "female")},
        pov_narration=draw(st.sampled_from(["character", "narrator"])),
        pauses={k: draw(st.integers(0, 60000)) for k in ("paragraph", "speaker", "break", "chapter")},
        read_notes=draw(st.booleans()),
        pronunciations=draw(st.dictionaries(names, names, max_size=3)),
        prosody=draw(st.dictionaries(st.sampled_from(["shouted", "hissed", "sighed"]), prosodies, max_size=3)),
        not_characters=draw(st.lists(names, max_size=3)),
        lines=draw(st.dictionaries(names, names, max_size=3)),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(configs())
def test_load_save_load_gives_the_same_settings(tmp_path, config):
    path = tmp_path / "voices.yaml"
    path.write_text(dump_config(config), encoding="utf-8")
    loaded = load_config(path)
    loaded.path = None
    expected_prosody = {**load_config(None).prosody, **config.prosody}
    assert loaded.prosody == expected_prosody
    loaded.prosody = config.prosody
    assert loaded == config


def test_the_shipped_file_round_trips(tmp_path):
    original = load_config(VOICES)
    path = tmp_path / "voices.yaml"
    path.write_text(dump_config(original), encoding="utf-8")
    again = load_config(path)
    again.path = original.path
    assert again == original
