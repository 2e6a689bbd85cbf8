"""The M4B joined from AAC stretches encoded on their own: the same bytes from the same input,
a voice change re-encodes only the stretches that hold it, and the joined audio is as long as
its chapters, with every chapter's speech where its mark says."""
from __future__ import annotations

from pathlib import Path

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


@pytest.mark.parametrize("damage", [
    pytest.param(lambda b: b[:-1], id="cut-short"),
    pytest.param(lambda b: b[:5], id="cut-inside-the-sizes"),
    pytest.param(lambda b: b + b"x", id="bytes-left-over"),
    pytest.param(lambda b: b"", id="empty"),
])
def test_a_damaged_cache_entry_is_encoded_again(tmp_path, damage):
    from audiobook.output.mp3 import Stretch
    from audiobook.render.cache import ClipCache

    profile, cache = Profile(), ClipCache(tmp_path)
    pause = Stretch((None,), (300,), (0.0,), False)
    packets = aac.packets(pause, profile, cache)
    key = aac.aac_key(pause, profile, False)
    assert aac._unpack(aac._pack(packets)) == packets
    cache.put_bytes("aac", key, damage(cache.get_bytes("aac", key)))
    assert aac.packets(pause, profile, cache) == packets
    assert aac._unpack(cache.get_bytes("aac", key)) == packets


def test_a_long_chapter_is_encoded_in_several_jobs_that_hold_its_stretches_once_each():
    from audiobook.output.books import BookJob, ChapterAudio

    # 120 sentences, each followed by a pause long enough to cut at: 120 stretches
    keys = tuple(k for i in range(120) for k in (f"clip{i}", None))
    pauses = tuple(ms for _ in range(120) for ms in (0, 400))
    gains = (0.0,) * len(keys)
    book = BookJob(Path("b.m4b"), "B", "A", None,
                   (ChapterAudio("One", keys[:4], pauses[:4], gains[:4]), ChapterAudio("Two", keys, pauses, gains)))
    parts = book.parts()
    whole = list(aac.chapter_stretches(keys, pauses, gains, False))
    long_parts = [job for number, job in parts if number == 2]
    assert len(whole) == 120 and len(long_parts) == 3  # at most JOB_STRETCHES (48) each
    assert [s for job in long_parts for s in job.stretches] == whole
    assert all(len(job.stretches) <= aac.JOB_STRETCHES for job in long_parts)
    assert [job.label for job in long_parts] == [f"b.m4b: AAC of chapter 2, part {i} of 3" for i in (1, 2, 3)]
    # a short chapter stays one job, and only the book's first stretch is marked first
    assert [job.label for number, job in parts if number == 1] == ["b.m4b: AAC of chapter 1"]
    assert [first for _n, job in parts for _s, first in job.stretches].count(True) == 1
    # the cache keys the book job joins are exactly those the parts make
    assert {("aac", aac.aac_key(s, job.profile, first)) for _n, job in parts for s, first in job.stretches} \
        == set(book.cache_entries()) - {book.cache_entries()[0]}


def test_the_m4b_is_the_same_bytes_however_its_chapters_are_cut_into_jobs(tmp_path, monkeypatch):
    import io

    from audiobook.render.progress import Progress

    whole = render(tmp_path, "whole").books[0].path.read_bytes()  # each chapter's few stretches in one job
    monkeypatch.setattr(aac, "JOB_STRETCHES", 2)
    story, log = tmp_path / "lamps.txt", io.StringIO()
    cut = pipeline.render(story, tmp_path / "cut", engine=FakeEngine(), engine_spec="fakes:FakeEngine",
                          formats=("m4b",), make_cover=False, jobs=2, progress=Progress(log))
    assert cut.books[0].path.read_bytes() == whole
    assert "AAC of chapter 2, part 2 of" in log.getvalue()  # the stretches were encoded by the parts


def decoded_packets(packets: list, profile: Profile) -> np.ndarray:
    """AAC packets decoded back to samples (the encoder's own config tells the decoder the format)."""
    import av

    decoder = av.CodecContext.create("aac", "r")
    decoder.extradata = aac.new_encoder(profile).extradata
    out = [frame.to_ndarray().reshape(-1) for data in packets for frame in decoder.decode(av.Packet(data))]
    return np.concatenate(out)


def test_the_aac_is_variable_bitrate_near_the_profiles_and_close_to_the_speech(engine):
    from audiobook.model import VoiceSettings

    clip = engine.synthesize("The lamplighter walked the length of Quay Street, and one by one the lamps "
                             "came on behind him, yellow in the fog, until the whole street glowed.",
                             VoiceSettings("gmw/en-us"))
    assert clip.sample_rate == 22050
    speech = np.frombuffer(clip.pcm, dtype="<i2")
    speech = speech[:len(speech) // aac.FRAME * aac.FRAME]
    seconds = len(speech) / clip.sample_rate
    results = {}
    for name, profile in (("quality", Profile()), ("constant", Profile(aac_quality=None))):
        packets = aac.encode_pcm(speech.tobytes(), profile)
        decoded = decoded_packets(packets, profile)[aac.PRIMING:aac.PRIMING + len(speech)]
        source = speech.astype(np.float64) / 32768
        snr = 10 * np.log10(np.sum(source ** 2) / np.sum((source - decoded) ** 2))
        results[name] = (sum(map(len, packets)) * 8 / seconds / 1000, snr)
    (vbr_kbps, vbr_snr), (cbr_kbps, cbr_snr) = results["quality"], results["constant"]
    # about the bits the constant setting spends in fact (its "64 kbps" is some 73 on speech),
    # and nearer the speech (here 36 dB against 32)
    assert 55 < vbr_kbps < 95 and 55 < cbr_kbps < 95, results
    assert vbr_snr > cbr_snr + 1, results
    # a quality is part of the cache key: another quality encodes the stretches again
    from audiobook.output.mp3 import Stretch

    stretch = Stretch(("k",), (0,), (0.0,), False)
    assert aac.aac_key(stretch, Profile(), False) != aac.aac_key(stretch, Profile(aac_quality=1.2), False)
    assert aac.encoder_options(Profile(aac_quality=None)) == aac.AAC_OPTIONS
