"""Planning: voices per segment, pauses, skipped notes, clips kept to a sentence or paragraph."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from audiobook.model import Cast, Chapter, ClipItem, Prosody, Script, Segment, SegmentKind as K, SilenceItem, VoiceSettings
from audiobook.render.plan import MAX_CLIP_CHARS, make_plan, split_text

NARRATOR = VoiceSettings("gmw/en-gb-x-rp")
ANNA = VoiceSettings("gmw/en-us+f3")
IAN = VoiceSettings("gmw/en-us+m3")
PAUSES = {"paragraph": 400, "speaker": 200, "break": 1500, "chapter": 2000}


def plan_for(text, segments, **cast_options):
    """The chapter's items after the room tone and the title read at its head."""
    script = Script("s.txt", "S", None, [Chapter("One", segments)])
    cast = Cast(NARRATOR, {"Anna": ANNA, "Ian": IAN}, pauses_ms=PAUSES, **cast_options)
    items = make_plan(script, cast, text).chapters[0].items
    head = [i.ms if isinstance(i, SilenceItem) else (i.text, i.voice) for i in items[:3]]
    if head == [750, ("One", NARRATOR), 400]:
        return items[3:]
    assert head[0] == 750
    return items[1:]


def seg(text, kind, speaker, needle):
    start = text.index(needle)
    return Segment(kind, speaker, needle.strip('"'), start, start + len(needle))


def test_voices_and_pauses_follow_the_segments():
    text = 'Chapter One\n\n"Hello," said Anna.\n\n* * *\n\n"Hi," Ian said.\n\nA/N: thanks!'
    segments = [seg(text, K.HEADING, None, "Chapter One"), seg(text, K.DIALOGUE, "Anna", '"Hello,"'),
                seg(text, K.NARRATION, None, "said Anna."), seg(text, K.BREAK, None, "* * *"),
                seg(text, K.DIALOGUE, "Ian", '"Hi,"'), seg(text, K.NARRATION, None, "Ian said."),
                seg(text, K.NOTE, None, "A/N: thanks!")]
    items = plan_for(text, segments)
    described = [(i.text, i.voice) if isinstance(i, ClipItem) else i.ms for i in items]
    assert described == [("Chapter One", NARRATOR), 400, ("Hello,", ANNA), 200, ("said Anna.", NARRATOR),
                         1500, ("Hi,", IAN), 200, ("Ian said.", NARRATOR), 2000]


def test_each_chapter_has_room_tone_and_says_its_title():
    script = Script("s.txt", "S", None, [Chapter("The Quay", [])])
    items = make_plan(script, Cast(NARRATOR, pauses_ms={"chapter": 9000}), "").chapters[0].items
    assert [i.ms if isinstance(i, SilenceItem) else i.text for i in items] == [750, "The Quay", 450, 5000]


def test_notes_are_read_when_asked():
    text = "A/N: thanks!"
    items = plan_for(text, [seg(text, K.NOTE, None, text)], read_notes=True)
    assert [i.text for i in items if isinstance(i, ClipItem)] == ["A/N: thanks!"]


def test_first_person_narration_takes_the_pov_voice_or_the_narrator():
    text = "I walked home."
    segments = [seg(text, K.NARRATION, "Anna", text)]
    assert plan_for(text, segments)[0].voice == ANNA
    assert plan_for(text, segments, pov_narration="narrator")[0].voice == NARRATOR


def test_unspeakable_quotes_make_no_clip():
    text = '"…"'
    items = plan_for(text, [seg(text, K.DIALOGUE, "Anna", text)])
    assert all(isinstance(i, SilenceItem) for i in items)


def test_long_paragraph_is_cut_at_sentence_ends():
    sentence = "This sentence is about fifty characters long, yes. "
    pieces = split_text(sentence * 40)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_CLIP_CHARS for _, p in pieces)
    assert all(p.endswith("yes.") for _, p in pieces)


words = st.text(alphabet=st.sampled_from("abc .,;!?—\n"), min_size=0, max_size=3000)


@settings(max_examples=200, deadline=None)
@given(words, st.integers(min_value=20, max_value=700))
def test_split_never_loses_a_word_and_respects_the_limit(text, limit):
    pieces = split_text(text, 0, limit)
    assert all(len(p) <= limit for _, p in pieces)
    assert re.sub(r"\s+", "", "".join(p for _, p in pieces)) == re.sub(r"\s+", "", text)


def test_pronunciations_replace_whole_words_case_aware():
    from audiobook.render.plan import Pronouncer

    say = Pronouncer({"Hermione": "her-MY-oh-nee", "Will": "Bill", "colonel": "kernel"})
    assert say("Hermione met Will; hermione will go. Colonel Hermiones") == \
        "her-MY-oh-nee met Bill; hermione will go. kernel Hermiones"


def test_pronunciations_reach_the_clips():
    text = '"Hermione!" said Ron.'
    segments = [seg(text, K.DIALOGUE, "Anna", '"Hermione!"'), seg(text, K.NARRATION, None, "said Ron.")]
    items = plan_for(text, segments, pronunciations={"Hermione": "her-MY-oh-nee"})
    assert [i.text for i in items if isinstance(i, ClipItem)] == ["her-MY-oh-nee!", "said Ron."]


def test_the_readers_name_left_blank_is_read_as_your_name_unless_voices_yaml_says():
    text = '"Y/N!" said Ron. (y/n) laughed.'
    segments = [seg(text, K.DIALOGUE, "Anna", '"Y/N!"'), seg(text, K.NARRATION, None, "said Ron. (y/n) laughed.")]
    items = plan_for(text, segments)
    assert [i.text for i in items if isinstance(i, ClipItem)] == ["your name!", "said Ron. (your name) laughed."]
    items = plan_for(text, segments, pronunciations={"y/n": "Anna"})
    assert [i.text for i in items if isinstance(i, ClipItem)] == ["Anna!", "said Ron. (Anna) laughed."]


@pytest.mark.parametrize("written,spoken", [
    ("She was *so* tired. **Really** tired.", "She was so tired. Really tired."),
    ("Hiii~ guess who", "Hiii guess who"),
    ("Best day ever #blessed", "Best day ever blessed"),
    ("I love you <3", "I love you "),
    ("Fine =) see you ;P", "Fine  see you "),
    # regression: what only looks like one stays ("3 < 4", a colon before a word, "C#")
    ("If 3 < 4 then: Don't. Use C# here", "If 3 < 4 then: Don't. Use C# here"),
])
def test_marks_an_engine_would_name_are_not_spoken_but_still_shown(written, spoken):
    text = f'"{written}" said Anna.'
    segments = [seg(text, K.DIALOGUE, "Anna", f'"{written}"'), seg(text, K.NARRATION, None, "said Anna.")]
    clip = next(i for i in plan_for(text, segments) if isinstance(i, ClipItem))
    assert (clip.text, clip.shown) == (spoken, f'"{written}"')


SHOUT = Prosody(rate=1.2, volume=1.5, pitch=10)
WHISPER = Prosody(volume=0.5, variant="whisper")


def dialogue_voice(verb):
    text = '"Run!" she cried.'
    quote = Segment(K.DIALOGUE, "Anna", "Run!", 0, 6, verb=verb)
    items = plan_for(text, [quote, seg(text, K.NARRATION, None, "she cried.")],
                     prosody={"shouted": SHOUT, "whispered": WHISPER})
    return next(i.voice for i in items if isinstance(i, ClipItem) and i.text == "Run!")


def test_the_speech_verb_of_a_quote_changes_its_voice():
    assert dialogue_voice("shouted") == VoiceSettings("gmw/en-us+f3", 210, 60, 1.5)
    assert dialogue_voice("whispered") == VoiceSettings("gmw/en-us+whisper", 175, 50, 0.5)
    assert dialogue_voice("said") == ANNA
    assert dialogue_voice(None) == ANNA


def test_prosody_stays_within_the_engine_ranges():
    from audiobook.render.plan import apply_prosody

    loud = apply_prosody(VoiceSettings("gmw/en", rate=400, pitch=95, volume=1.8), Prosody(rate=2, volume=2, pitch=20))
    assert (loud.rate, loud.pitch, loud.volume) == (450, 99, 2.0)
