"""Automatic casting: distinct, stable, never the narrator; and audibly different."""
from __future__ import annotations

import pytest

from audio import median_pitch, samples, spectral_centroid
from audiobook.model import Character, Script
from audiobook.casting.schema import DEFAULT_NARRATOR, DEFAULT_POOLS, load_config
from audiobook.casting.assign import cast


def write(tmp_path, text):
    path = tmp_path / "voices.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def script_with(*characters):
    return Script(source="x.txt", title="X", author=None, characters=list(characters))


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
    assert all(result.voice_for(f"Man{i}") in DEFAULT_POOLS["male"] for i in range(4))
    assert all(result.voice_for(f"Woman{i}") in DEFAULT_POOLS["female"] for i in range(4))


def test_auto_cast_is_stable_across_runs():
    chars = [Character("Ada", gender="female", lines=4), Character("Bram", gender="male", lines=2)]
    first = cast(script_with(*chars), load_config(None))
    second = cast(script_with(*reversed(chars)), load_config(None))
    assert first.characters == second.characters


def test_more_characters_than_the_pool_still_differ():
    chars = [Character(f"Guard{i}", gender="male", lines=1) for i in range(20)]
    result = cast(script_with(*chars), load_config(None))
    assert len({result.voice_for(c.name) for c in chars}) == 20


def test_auto_cast_survives_edits_that_change_line_counts():
    before = [Character("Ada", gender="female", lines=4), Character("Bea", gender="female", lines=2),
              Character("Cy", gender="male", lines=9), Character("Dee", lines=1)]
    after = [Character(c.name, gender=c.gender, lines=c.lines * 3 % 7 + 1) for c in before]
    assert cast(script_with(*before), load_config(None)).characters == \
        cast(script_with(*after), load_config(None)).characters


def test_pools_from_the_file_are_used(tmp_path):
    path = write(tmp_path, "defaults:\n  male: [gmw/en+m1, gmw/en+m2]\n")
    result = cast(script_with(Character("Al", gender="male"), Character("Bo", gender="male")), load_config(path))
    assert {result.voice_for("Al").voice, result.voice_for("Bo").voice} == {"gmw/en+m1", "gmw/en+m2"}


def test_gender_in_the_file_overrides_the_parser(tmp_path):
    path = write(tmp_path, "characters:\n  Sam: {gender: female}\n")
    result = cast(script_with(Character("Sam", gender="male", lines=3)), load_config(path))
    assert result.voice_for("Sam") in DEFAULT_POOLS["female"]


def test_two_auto_cast_characters_sound_different(engine):
    result = cast(script_with(Character("Ruth", gender="female"), Character("Nell", gender="female"),
                              Character("Hugh", gender="male")), load_config(None))
    assert_sound_apart(engine, result, ("Ruth", "Nell", "Hugh"))


def assert_sound_apart(engine, result, names):
    """Each two of ``names`` differ by 8 % in median pitch or in spectral centroid, as spoken."""
    text = "I have been waiting at the station since half past nine this morning."
    measured = {}
    for name in names:
        clip = engine.synthesize(text, result.voice_for(name))
        x = samples(clip.pcm)
        measured[name] = (median_pitch(x, clip.sample_rate), spectral_centroid(x, clip.sample_rate))
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (pa, ca), (pb, cb) = measured[a], measured[b]
            assert abs(pa - pb) > 0.08 * min(pa, pb) or abs(ca - cb) > 0.08 * min(ca, cb), measured


def scene_script(*chapters):
    """A script whose chapters have dialogue by the given speakers; genders from a name's first letter."""
    from audiobook.model import Chapter, Segment, SegmentKind

    names = sorted({n for chapter in chapters for n in chapter})
    characters = [Character(n, gender={"M": "male", "F": "female"}.get(n[0]), lines=1) for n in names]
    return Script("x.txt", "X", None, [Chapter(f"C{i}", [Segment(SegmentKind.DIALOGUE, n, "Hi.", 0, 3) for n in chapter])
                                       for i, chapter in enumerate(chapters)], characters)


def variant(voice):
    return voice.voice.partition("+")[2]


def test_characters_who_meet_never_share_a_variant_while_the_pool_allows():
    chapters = [[f"M{i}" for i in range(8)], ["M0", "M8", "F1", "F2"], [f"F{i}" for i in range(5)] + ["M3"]]
    result = cast(scene_script(*chapters), load_config(None))
    for chapter in chapters:
        variants = [variant(result.voice_for(n)) for n in chapter]
        assert len(set(variants)) == len(variants), chapter


def test_past_the_variants_people_who_meet_differ_in_accent_then_clearly_in_pitch():
    ten = [f"M{i}" for i in range(10)]  # 8 male variants
    result = cast(scene_script(ten), load_config(None))
    voices = [result.voice_for(n) for n in ten]
    assert len({v.voice for v in voices}) == 10
    crowd = [f"M{i}" for i in range(60)]  # more than the 56 voices of the male pool
    result = cast(scene_script(crowd), load_config(None))
    voices = [result.voice_for(n) for n in crowd]
    assert len(set(voices)) == 60
    for a in voices:
        for b in voices:
            if a is not b and a.voice == b.voice:
                assert abs(a.pitch - b.pitch) >= 12


def test_characters_who_never_meet_may_share_a_voice():
    many = [[f"M{i}"] for i in range(70)]
    result = cast(scene_script(*many), load_config(None))
    voices = [result.voice_for(f"M{i}") for i in range(70)]
    assert len(set(voices)) == 70  # still no exact repeats
    assert len({v.voice for v in voices}) < 70  # but timbres come back


def test_an_unknown_gender_takes_a_male_voice_first():
    result = cast(scene_script(["Xavi", "the porter", "Close"]), load_config(None))
    assert all(result.voice_for(n) in DEFAULT_POOLS["male"] for n in ("Xavi", "the porter", "Close"))


def test_one_listed_as_nonbinary_takes_a_voice_from_either_pool_as_the_name_falls(tmp_path):
    names = [f"Ash{i}" for i in range(12)]
    body = "".join(f"  {n}: {{gender: nonbinary}}\n" for n in names)
    result = cast(scene_script(names), load_config(write(tmp_path, "characters:\n" + body)))
    pools = {n: "male" if result.voice_for(n) in DEFAULT_POOLS["male"] else "female" for n in names}
    assert all(result.voice_for(n) in DEFAULT_POOLS["male"] + DEFAULT_POOLS["female"] for n in names)
    assert set(pools.values()) == {"male", "female"}


def test_the_main_people_of_a_corpus_novel_sound_clearly_apart(engine):
    """Regression: Watson and Athelney Jones both had gmw/en-us-nyc+m7 (pitch 46 and 40)."""
    from conftest import SHARED
    from audiobook.pipeline import parse_source

    book = SHARED / "corpus" / "TheSignOfTheFour.txt"
    if not book.exists():
        pytest.skip(f"{book} is absent: the shared corpus lives next to the repository")
    script, _ = parse_source(book)
    result = cast(script, load_config(None))
    for chapter in script.chapters:
        speakers = {s.speaker for s in chapter.segments if s.kind.value == "dialogue" and s.speaker}
        variants = [variant(result.voice_for(n)) for n in speakers]
        assert len(variants) <= 8 or len(set(variants)) == 8, chapter.title
        assert len({result.voice_for(n).voice for n in speakers}) == len(speakers), chapter.title
    assert_sound_apart(engine, result, ("Watson", "Athelney Jones", "Sherlock Holmes"))


def test_a_pool_for_nonbinary_characters_may_be_given(tmp_path):
    config = load_config(write(tmp_path, "characters:\n  Ash: {gender: nonbinary}\n"
                                         "defaults:\n  nonbinary: [gmw/en+f4]\n"))
    assert cast(scene_script(["Ash", "Mo"]), config).voice_for("Ash").voice == "gmw/en+f4"
