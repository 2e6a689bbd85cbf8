"""The text a clip shows (for subtitles and the read-along EPUB): as written, with a quote's marks;
and its paragraph."""
from __future__ import annotations

from audiobook.model import Cast, Chapter, ClipItem, Script, Segment, SegmentKind as K, VoiceSettings
from audiobook.render.plan import make_plan

NARRATOR = VoiceSettings("gmw/en-gb-x-rp")
ANNA = VoiceSettings("gmw/en-us+f3")


def test_clips_show_the_words_as_written_and_their_paragraph():
    text = '"Hermione," said Anna.\n\nThe colonel left.\n* * *\nRain.'
    segments = [Segment(K.DIALOGUE, "Anna", "Hermione,", 0, 11), Segment(K.NARRATION, None, "said Anna.", 12, 22),
                Segment(K.NARRATION, None, "The colonel left.", 24, 41), Segment(K.BREAK, None, "", 42, 47),
                Segment(K.NARRATION, None, "Rain.", 48, 53)]
    cast = Cast(NARRATOR, {"Anna": ANNA}, pronunciations={"Hermione": "her-MY-oh-nee", "colonel": "kernel"})
    plan = make_plan(Script("s.txt", "S", None, [Chapter("One", segments)]), cast, text)
    clips = [i for i in plan.chapters[0].items if isinstance(i, ClipItem)]
    assert [c.after_break for c in clips] == [False, False, False, False, True]
    assert [(c.text, c.display, c.paragraph, c.heading) for c in clips] == [
        ("One", "One", 0, True), ("her-MY-oh-nee,", '"Hermione,"', 1, False), ("said Anna.", "said Anna.", 1, False),
        ("The kernel left.", "The colonel left.", 2, False), ("Rain.", "Rain.", 3, False)]


def test_each_heading_is_a_paragraph_of_its_own():
    text = "The Book\nChapter 1\nIt rained."
    segments = [Segment(K.HEADING, None, "The Book", 0, 8), Segment(K.HEADING, None, "Chapter 1", 9, 18),
                Segment(K.NARRATION, None, "It rained.", 19, 29)]
    plan = make_plan(Script("s.txt", "S", None, [Chapter("Chapter 1", segments)]), Cast(NARRATOR), text)
    clips = [i for i in plan.chapters[0].items if isinstance(i, ClipItem)]
    assert [(c.display, c.paragraph, c.heading) for c in clips] == [
        ("The Book", 1, True), ("Chapter 1", 2, True), ("It rained.", 3, False)]
