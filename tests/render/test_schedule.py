"""The scheduler in real worker processes with a fake engine: order, cache, retries, hung workers."""
from __future__ import annotations

import pytest

from audiobook.errors import OutputError
from audiobook.model import BookInfo, ChapterPlan, ClipItem, RenderPlan, SilenceItem, VoiceSettings
from audiobook.output.chapters import encode_job
from audiobook.output.mp3 import ENCODER_DELAY
from audiobook.render import workers
from audiobook.render.blocks import ClipFailed, chapter_keys, make_blocks
from audiobook.render.cache import ClipCache
from audiobook.render.progress import Progress
from audiobook.render.schedule import run

V = VoiceSettings("gmw/en-us")


def book(*chapters):
    return RenderPlan(BookInfo("Book"), [ChapterPlan(n, f"Chapter {n}", [ClipItem(t, V, None, i) if isinstance(t, str) else SilenceItem(t)
                                                                    for i, t in enumerate(items)])
                                     for n, items in enumerate(chapters, start=1)], len(chapters))


def render(tmp_path, plan, jobs=2):
    folder = tmp_path / "book"
    folder.mkdir(exist_ok=True)
    cache = ClipCache(tmp_path / "cache")
    progress = Progress(quiet=True)
    chapter_jobs = {c.number: encode_job(folder, plan, c, chapter_keys(c, "fake 1")) for c in plan.chapters}
    written = run(plan, make_blocks(plan, "fake 1", max_clips=3), cache, chapter_jobs, [], jobs, progress,
                  "fakes:FakeEngine")
    return written.chapters, progress


def test_every_chapter_is_written_in_order_with_its_length(tmp_path):
    files, progress = render(tmp_path, book(["a", 500, "b"], ["c"], ["d", "e", "f", "g"]))
    assert [f.path.name for f in files] == ["01 - Chapter 1.mp3", "02 - Chapter 2.mp3", "03 - Chapter 3.mp3"]
    # each chapter starts with speech, which MP3 delays by ENCODER_DELAY; lengths land on whole frames
    delay = ENCODER_DELAY / 22050
    assert [f.duration for f in files] == pytest.approx([0.7 + delay, 0.1 + delay, 0.4 + delay], abs=576 / 22050)
    assert progress.clips_done == progress.clips_total == 7
    assert sorted(p.name for p in (tmp_path / "book").iterdir()) == [f.path.name for f in files]


def test_a_second_render_makes_no_clip_and_gives_the_same_files(tmp_path):
    count = tmp_path / "spoken"
    plan = book([f"COUNT {count}", "b"], ["c"])
    first, _ = render(tmp_path, plan)
    before = [f.path.read_bytes() for f in first]
    second, progress = render(tmp_path, plan)
    assert progress.clips_total == 0
    assert count.read_text().count("COUNT") == 1
    assert [f.path.read_bytes() for f in second] == before


def test_a_failing_clip_is_retried_in_a_fresh_worker(tmp_path):
    files, _ = render(tmp_path, book(["a", f"FLAKY {tmp_path / 'flaked'}", "c"]))
    assert (tmp_path / "flaked").exists() and len(files) == 1


def test_a_clip_that_always_fails_stops_the_render(tmp_path):
    with pytest.raises(ClipFailed) as err:
        render(tmp_path, book(["a", "FAIL now", "c"]))
    assert err.value.job.item.text == "FAIL now" and err.value.cause == "fake failure"
    assert not list((tmp_path / "book").iterdir())


def test_a_hung_worker_is_replaced(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "STALL_BASE", 1.0)
    monkeypatch.setattr(workers, "STALL_PER_CHAR", 0.0)
    with pytest.raises(ClipFailed) as err:
        render(tmp_path, book(["a", "HANG here"], ["b"]))
    assert "made no progress for 1 s" in err.value.cause


def test_one_job_does_the_same(tmp_path):
    files, _ = render(tmp_path, book(["a", "b"], ["c"]), jobs=1)
    assert len(files) == 2


def test_an_unwritable_chapter_is_an_output_error(tmp_path):
    plan = book(["a"])
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "01 - Chapter 1.mp3").mkdir()  # a folder where the file should go
    with pytest.raises(OutputError) as err:
        render(tmp_path, plan)
    target = tmp_path / "book" / "01 - Chapter 1.mp3"
    assert str(err.value) == f"{target}: cannot be written (Is a directory); check the free space and permissions"


def test_unchanged_chapters_are_not_encoded_again(tmp_path):
    plan = book(["a", "b"], ["c"])
    first, _ = render(tmp_path, plan)
    stamps = [f.path.stat().st_mtime_ns for f in first]
    changed = book(["a", "b"], ["c changed"])
    second, _ = render(tmp_path, changed)
    assert second[0].path.stat().st_mtime_ns == stamps[0]
    assert second[1].path.stat().st_mtime_ns != stamps[1]
    assert [f.duration for f in second] == [f.duration for f in first]


def test_a_chapter_file_touched_by_hand_is_written_again(tmp_path):
    plan = book(["a"])
    first, _ = render(tmp_path, plan)
    original = first[0].path.read_bytes()
    first[0].path.write_bytes(b"broken")
    second, _ = render(tmp_path, plan)
    assert second[0].path.read_bytes() == original


def test_a_changed_voice_remakes_only_that_voices_clips(tmp_path):
    log = tmp_path / "spoken"
    other = VoiceSettings("gmw/en-us+f3")

    def plan(voice):
        items = [ClipItem(f"COUNT {log} {i}", voice if i % 3 == 2 else V, None, i) for i in range(9)]
        return RenderPlan(BookInfo("Book"), [ChapterPlan(1, "Chapter 1", items)], 1)

    render(tmp_path, plan(V))
    log.write_text("")
    render(tmp_path, plan(other))
    assert sorted(log.read_text().split("\n")[:-1]) == [f"COUNT {log} {i}" for i in (2, 5, 8)]  # blocks run in parallel


def test_an_edited_paragraph_remakes_only_its_clip(tmp_path):
    log = tmp_path / "spoken"
    texts = [f"COUNT {log} line {i}" for i in range(8)]
    render(tmp_path, book(texts, [f"COUNT {log} end"]))
    log.write_text("")
    texts[6] += " edited"
    render(tmp_path, book(texts, [f"COUNT {log} end"]))
    assert log.read_text() == f"COUNT {log} line 6 edited\n"


def test_the_blocks_with_the_most_text_are_spoken_first():
    from audiobook.render.schedule import longest_first

    plan = book(["a", "b"], ["a much longer line than the others", "c"], ["d"])
    blocks = make_blocks(plan, "fake 1")
    assert [b.chapter for b in longest_first(blocks)] == [2, 1, 3]


def test_a_chapter_needs_the_block_that_stores_a_clip_it_shares_with_another():
    from audiobook.render.schedule import needs

    plan = book(["Hello.", "a"], ["b", "Hello.", "c"], ["d"])
    blocks = make_blocks(plan, "fake 1")
    by_chapter = {b.chapter: b.index for b in blocks}
    assert needs(plan, blocks) == {1: {by_chapter[1]}, 2: {by_chapter[2], by_chapter[1]}, 3: {by_chapter[3]}}


def test_chapters_spoken_out_of_order_are_each_written_whole(tmp_path):
    # Chapter 3 is spoken first (the most text) and shares a line with chapter 1, which stores it:
    # on one worker its file must wait for chapter 1's block.
    files, progress = render(tmp_path, book(["Hello.", "a"], ["b"], ["a longer line", "Hello.", "and another"]), jobs=1)
    delay = ENCODER_DELAY / 22050
    assert [f.duration for f in files] == pytest.approx([0.2 + delay, 0.1 + delay, 0.3 + delay], abs=576 / 22050)
    assert progress.clips_done == progress.clips_total == 5
