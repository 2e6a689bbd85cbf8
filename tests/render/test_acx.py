"""The ACX profile: credits read by the narrator first and last, and long chapters in parts
under the length limit, on the plan and on real renders."""
from __future__ import annotations

import pytest
from mutagen.id3 import ID3

from audio import decode, loud_span
from audiobook import pipeline
from audiobook.model import BookInfo, ChapterPlan, ClipItem, RenderPlan, SilenceItem, VoiceSettings
from audiobook.render import acx

NARRATOR = VoiceSettings("gmw/en-gb-x-rp", rate=150)


def paragraphs(count: int, words: int = 150) -> list:
    items = [SilenceItem(750)]
    for n in range(count):
        items += [ClipItem(" ".join(["word"] * words) + ".", NARRATOR, None, n), SilenceItem(450)]
    items[-1] = SilenceItem(2000)
    return items


def test_credits_first_and_last_and_files_numbered_from_zero():
    plan = RenderPlan(BookInfo("The Glass Harbour", "Anna Vell"), [ChapterPlan(1, "One", paragraphs(2)),
                                      ChapterPlan(2, "Two", paragraphs(2))], 2)
    out = acx.acx_plan(plan, NARRATOR, "a synthetic voice, English")
    assert [(c.number, c.title) for c in out.chapters] == [(0, "Opening Credits"), (1, "One"), (2, "Two"),
                                                           (3, "Closing Credits")]
    assert out.total_chapters == 3
    spoken = [[i.text for i in c.items if isinstance(i, ClipItem)] for c in (out.chapters[0], out.chapters[-1])]
    assert spoken == [["The Glass Harbour.", "Written by Anna Vell.", "Narrated by a synthetic voice, English."],
                      ["You have been listening to The Glass Harbour.", "Written by Anna Vell.",
                       "Narrated by a synthetic voice, English.", "The end."]]
    assert all(i.voice == NARRATOR for c in (out.chapters[0], out.chapters[-1]) for i in c.items
               if isinstance(i, ClipItem))


def test_a_long_chapter_is_cut_at_pauses_into_parts_under_the_limit():
    # 150 words at 150 wpm: a minute a paragraph; 250 of them is over four hours
    plan = RenderPlan(BookInfo("Long"), [ChapterPlan(1, "The Only Chapter", paragraphs(250))], 1)
    out = acx.acx_plan(plan, NARRATOR, "x")
    parts = out.chapters[1:-1]
    assert [c.title for c in parts] == [f"The Only Chapter, Part {k}" for k in (1, 2, 3)]
    minutes = [acx.estimated_seconds(c.items) / 60 for c in parts]
    assert all(m <= acx.MAX_PART_MINUTES for m in minutes) and max(minutes) - min(minutes) < 3, minutes
    words = sum(len(i.text.split()) for c in parts for i in c.items if isinstance(i, ClipItem))
    assert words == 250 * 150 + 2 * 5  # every paragraph once, and "The Only Chapter, Part N." twice
    for part in parts:
        assert part.items[0] == SilenceItem(750) and part.items[-1] == SilenceItem(2000)
    assert parts[1].items[1].text == "The Only Chapter, Part 2."
    assert "Written by" not in " ".join(i.text for i in out.chapters[0].items if isinstance(i, ClipItem))


def test_acx_render_has_credit_files_and_parts_that_keep_the_limit(tmp_path, engine, monkeypatch):
    monkeypatch.setattr(acx, "MAX_PART_MINUTES", 0.25)  # parts of 15 s, so the test story has some
    story = tmp_path / "harbour.txt"
    body = "\n\n".join(f"The boats came in one by one, and the harbour master counted them, number {n}."
                       for n in range(8))
    story.write_text(f"The Glass Harbour\n\nby Anna Vell\n\nChapter 1\n\n{body}\n", encoding="utf-8")
    result = pipeline.render(story, tmp_path / "out", engine=engine, profile="acx", make_cover=False,
                             formats=("mp3", "m4b"))
    names = [f.path.name for f in result.files]
    assert names[0] == "00 - Opening Credits.mp3" and names[-1].endswith(" - Closing Credits.mp3")
    assert len(names) >= 4 and names[1] == "01 - Chapter 1, Part 1.mp3" and names[2] == "02 - Chapter 1, Part 2.mp3"
    for f in result.files:
        x, rate = decode(f.path)
        assert rate == 44100 and len(x) / rate <= 0.25 * 60 * acx.ACX_MAX_MINUTES / acx.MAX_PART_MINUTES * 1.2
        head, tail = loud_span(x, rate)
        assert 0.5 <= head <= 1.0 and 1.0 <= tail <= 5.0, (f.path.name, head, tail)
    credits = decode(result.files[0].path)
    assert 3.0 < len(credits[0]) / credits[1] < 12.0  # three short sentences
    tags = ID3(result.files[2].path)
    assert str(tags["TIT2"]) == "Chapter 1, Part 2" and str(tags["TALB"]) == "The Glass Harbour"
    assert str(tags["TPE1"]) == "Anna Vell"
    # the M4B has the same files as chapters, credits first and last, each where its file's audio is
    m4b = result.books[0]
    assert [title for title, _s, _e in m4b.marks] == [str(ID3(f.path)["TIT2"]) for f in result.files]
    lengths = [end - start for _t, start, end in m4b.marks]
    assert lengths == pytest.approx([f.duration for f in result.files], abs=0.15)
