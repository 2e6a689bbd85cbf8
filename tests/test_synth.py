"""Scheduling around the engine, with a fake engine: order, pauses, retries, loud failure."""
from __future__ import annotations

import pytest

from audiobook.errors import EngineError, VoiceNotFound
from audiobook.model import ChapterPlan, Clip, ClipItem, SilenceItem, VoiceSettings
from audiobook.synth import RETRIES, SAMPLE_RATE, ClipFailed, chapter_audio

VOICE = VoiceSettings("gmw/en-us")


class FakeEngine:
    """Returns one 100 ms tone-free clip per call; fails the first ``failures`` calls."""

    def __init__(self, failures=0, rate=SAMPLE_RATE):
        self.failures, self.rate, self.calls = failures, rate, []

    def synthesize(self, text, settings):
        self.calls.append(text)
        if self.failures:
            self.failures -= 1
            raise EngineError("engine hiccup")
        return Clip(pcm=b"\x01\x00" * (self.rate // 10), sample_rate=self.rate)


def chapter(*items):
    return ChapterPlan(1, "One", list(items))


def test_clips_and_pauses_come_out_in_order_with_their_lengths():
    engine = FakeEngine()
    pieces = list(chapter_audio(chapter(ClipItem("a", VOICE, None, 0), SilenceItem(250), ClipItem("b", VOICE, None, 5)), engine))
    assert [len(p) for p in pieces] == [100, 250, 100]
    assert engine.calls == ["a", "b"]


def test_clips_at_another_rate_are_converted():
    pieces = list(chapter_audio(chapter(ClipItem("a", VOICE, None, 0)), FakeEngine(rate=16000)))
    assert pieces[0].frame_rate == SAMPLE_RATE and len(pieces[0]) == 100


def test_a_failing_clip_is_retried():
    engine = FakeEngine(failures=RETRIES)
    assert len(list(chapter_audio(chapter(ClipItem("a", VOICE, None, 0)), engine))) == 1
    assert engine.calls == ["a"] * (RETRIES + 1)


def test_a_clip_that_keeps_failing_stops_the_render():
    item = ClipItem("a", VOICE, None, 42)
    with pytest.raises(ClipFailed) as err:
        list(chapter_audio(chapter(item), FakeEngine(failures=RETRIES + 1)))
    assert err.value.item is item and str(err.value) == "engine hiccup"


def test_an_unknown_voice_is_not_retried():
    class NoVoice(FakeEngine):
        def synthesize(self, text, settings):
            self.calls.append(text)
            raise VoiceNotFound("nope")

    engine = NoVoice()
    with pytest.raises(VoiceNotFound):
        list(chapter_audio(chapter(ClipItem("a", VOICE, None, 0)), engine))
    assert engine.calls == ["a"]
