"""The M4B joined from AAC stretches encoded on their own: the same bytes from the same input,
a voice change re-encodes only the stretches that hold it, and the joined audio is as long as
its chapters, with every chapter's speech where its mark says."""
from __future__ import annotations

import numpy as np
import pytest

from audio import decode
from audiobook import pipeline
from audiobook.output import aac
from audiobook.output.profile import Profile
from fakes import FakeEngine

STORY = """The Two Lamps

Chapter 1

The quay was quiet.

"Is anyone there?" asked Mara.

"Only me," said Tobias.

Chapter 2

The fog came down.

"Hold the lamp," said Mara.

"I have it," said Tobias.

The river ran on.
"""


def render(tmp_path, out, voices=None, fmt="m4b"):
    story = tmp_path / "lamps.txt"
    story.write_text(STORY, encoding="utf-8")
    return pipeline.render(story, tmp_path / out, voices, engine=FakeEngine(), engine_spec="fakes:FakeEngine",
                           formats=(fmt,), make_cover=False, jobs=2)


def aac_entries(folder):
    return {p.name for p in (folder / ".audiobook-cache" / "aac").rglob("*") if p.is_file()}


def test_same_input_same_bytes_and_chapters_where_the_audio_is(tmp_path):
    one, two = render(tmp_path, "a"), render(tmp_path, "b")
    assert one.books[0].path.read_bytes() == two.books[0].path.read_bytes()
    m4b = one.books[0]
    x, rate = decode(m4b.path)
    assert len(x) / rate == pytest.approx(m4b.marks[-1][2], abs=1 / rate)
    # each chapter opens with 0.75 s of room tone, then its title (the fake engine's clips are a
    # constant level, so the onset is exact); the marks are on frames
    for _title, start, _end in m4b.marks:
        window = x[int(round(start * rate)):int(round(start * rate)) + rate]
        assert np.argmax(np.abs(window) > 0.001) / rate == pytest.approx(0.75, abs=0.002)
        assert round(start * rate) % aac.FRAME == 0
    # each chapter as long as its MP3 file: every stretch of either is within half a frame of its
    # plan (an AAC frame is 46 ms, an MP3 one 26 ms), and this chapter has seven stretches
    mp3 = render(tmp_path, "c", fmt="mp3")
    lengths = [end - start for _title, start, end in m4b.marks]
    assert lengths == pytest.approx([f.duration for f in mp3.files], abs=7 * (aac.FRAME + 576) / 2 / rate)


def test_a_voice_change_reencodes_only_its_stretches(tmp_path):
    first = render(tmp_path, "out").books[0].path.read_bytes()
    before = aac_entries(tmp_path / "out")
    voices = tmp_path / "voices.yaml"
    voices.write_text("characters:\n  Tobias:\n    voice: gmw/en-us+m7\n    pitch: 20\n", encoding="utf-8")
    second = render(tmp_path, "out", voices)
    new = aac_entries(tmp_path / "out") - before
    assert 1 <= len(new) < len(before) / 2, (len(new), len(before))
    assert first != second.books[0].path.read_bytes()
    # a fresh render of the changed cast gives the very same file
    fresh = render(tmp_path, "fresh", voices)
    assert fresh.books[0].path.read_bytes() == second.books[0].path.read_bytes()


def test_a_stretch_decodes_to_whole_frames_with_priming_taken_from_its_pause():
    from audiobook.output.mp3 import Stretch
    from audiobook.render.cache import ClipCache

    profile = Profile()
    pause = Stretch((None,), (1000,), (0.0,), False)
    packets = aac.encode(pause, profile, ClipCache("/nonexistent"), first=False)
    # 1000 ms = 22050 samples = 21.5 frames: 22 frames decoded, the first of them the priming
    assert len(packets) == 22 and aac.decoded_frames(len(packets), False) == 22
    first = aac.encode(pause, profile, ClipCache("/nonexistent"), first=True)
    assert aac.decoded_frames(len(first), True) == 22
