"""Which clips are made, in which blocks and order: ownership, replay and missing-only passes."""
from __future__ import annotations

from audiobook.render.cache import ClipCache
from audiobook.model import BookInfo, ChapterPlan, Clip, ClipItem, RenderPlan, SilenceItem, VoiceSettings
from audiobook.render.blocks import begin, block_sequence, chapter_keys, end, make_blocks

V = VoiceSettings("gmw/en-us")
W = VoiceSettings("gmw/en-us+f3")


def plan(*chapters):
    return RenderPlan(BookInfo("B"), [ChapterPlan(n, f"C{n}", [ClipItem(t, v, None, 0) if isinstance(t, str) else SilenceItem(t)
                                                           for t, v in items])
                                  for n, items in enumerate(chapters, start=1)], len(chapters))


def texts(sequence):
    return [(job.item.text, store) for job, store in sequence]


def test_blocks_follow_chapters_and_are_sliced():
    blocks = make_blocks(plan([("a", V), (100, None), ("b", V), ("c", V)], [("d", V)]), "e", max_clips=2)
    assert [(b.chapter, [j.item.text for j in b.jobs]) for b in blocks] == [(1, ["a", "b"]), (1, ["c"]), (2, ["d"])]


def test_a_repeated_clip_is_owned_by_its_first_occurrence():
    blocks = make_blocks(plan([("he said.", V), ("yes", W)], [("he said.", V), ("he said.", W)]), "e")
    assert [[j.owner for j in b.jobs] for b in blocks] == [[True, True], [False, True]]


def test_a_block_speaks_only_its_own_missing_clips(tmp_path):
    blocks = make_blocks(plan([("a", V)], [("a", V), ("b", V), ("c", V)]), "e")
    cache = ClipCache(tmp_path)
    assert texts(block_sequence(blocks[1], cache)) == [("b", True), ("c", True)]
    cache.put(blocks[1].jobs[2].key, Clip(b"\0\0", 22050))
    assert texts(block_sequence(blocks[1], cache)) == [("b", True)]
    cache.put(blocks[1].jobs[1].key, Clip(b"\0\0", 22050))
    assert block_sequence(blocks[1], cache) == []


def test_an_interrupted_block_repeats_what_it_had_started(tmp_path):
    blocks = make_blocks(plan([("a", V), ("b", V), ("c", V)]), "e")
    cache = ClipCache(tmp_path)
    begin(blocks[0], block_sequence(blocks[0], cache), cache)
    cache.put(blocks[0].jobs[0].key, Clip(b"\0\0", 22050))  # then the render was killed
    assert texts(block_sequence(blocks[0], cache)) == [("a", False), ("b", True), ("c", True)]
    end(blocks[0], cache)
    assert texts(block_sequence(blocks[0], cache)) == [("b", True), ("c", True)]


def test_an_edited_block_is_not_taken_for_an_interrupted_one(tmp_path):
    cache = ClipCache(tmp_path)
    before = make_blocks(plan([("a", V), ("b", V)]), "e")[0]
    begin(before, block_sequence(before, cache), cache)
    after = make_blocks(plan([("a", V), ("b edited", V)]), "e")[0]
    assert texts(block_sequence(after, cache)) == [("a", True), ("b edited", True)]


def test_chapter_keys_match_the_blocks():
    p = plan([("a", V), (300, None), ("b", W)])
    keys = chapter_keys(p.chapters[0], "e")
    assert keys[1] is None and keys[0] == make_blocks(p, "e")[0].jobs[0].key


def test_keys_change_with_voice_text_and_engine():
    p = plan([("a", V), ("a", W), ("b", V)])
    keys = chapter_keys(p.chapters[0], "e")
    assert len(set(keys)) == 3
    assert chapter_keys(p.chapters[0], "other engine")[0] != keys[0]
