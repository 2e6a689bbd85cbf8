"""MP3 stretches: cut at pauses after speech, sized to whole frames, joined without drift."""
from __future__ import annotations

import numpy as np

from audio import decode
from audiobook.render.cache import ClipCache, clip_key
from audiobook.model import Clip, VoiceSettings
from audiobook.output.mp3 import ENCODER_DELAY, Stretch, chapter_mp3, cut, encode, frame_count

RATE = 22050


def test_cuts_fall_after_pauses_that_follow_speech():
    keys = (None, "a", None, "b", "c", None, None, "d", None)
    pauses = (750, 0, 450, 0, 0, 100, 300, 0, 2000)
    segments = cut(keys, pauses, (0.0,) * len(keys))
    assert [s.keys for s in segments] == [(None, "a", None), ("b", "c", None, None), ("d", None)]
    assert [s.followed for s in segments] == [True, True, False]


def test_a_segment_has_the_whole_frames_nearest_its_length(tmp_path):
    cache = ClipCache(tmp_path)
    key = clip_key("e", VoiceSettings("v"), "x")
    cache.put(key, Clip(bytes(2 * 5000), RATE))
    for pause in (200, 333, 1000):
        segment = Stretch((key, None), (0, pause), (0.0, 0.0), False)
        planned = ENCODER_DELAY + 5000 + pause * RATE // 1000  # speech first: it comes out that much late
        assert abs(frame_count(encode(segment, 64, RATE, cache)) * 576 - planned) <= 288


def test_joined_segments_keep_speech_where_the_plan_puts_it(tmp_path):
    """Three beeps with pauses between, encoded as separate segments and joined: each beep
    decodes within a frame of its planned time, and the total length too."""
    cache = ClipCache(tmp_path / "cache")
    beep = (np.sin(np.arange(2205) * 2 * np.pi * 440 / RATE) * 8000).astype("<i2").tobytes()
    key = clip_key("e", VoiceSettings("v"), "beep")
    cache.put(key, Clip(beep, RATE))
    keys = (None, key, None, key, None, key, None)
    pauses = (750, 0, 450, 0, 250, 0, 2000)
    assert len(cut(keys, pauses, (0.0,) * 7)) == 3
    out = tmp_path / "joined.mp3"
    with open(out, "wb") as sink:
        samples = chapter_mp3(keys, pauses, (0.0,) * 7, 64, RATE, cache, sink)
    x, rate = decode(out)
    assert len(x) == samples
    planned_total = sum(pauses) * RATE // 1000 + 3 * 2205
    assert abs(samples - planned_total) <= 3 * 288
    loud = np.abs(x) > 0.05
    onsets = [i for i in range(1, len(x)) if loud[i] and not loud[max(0, i - 400):i].any()]
    planned = [0.75, 0.75 + 0.1 + 0.45, 0.75 + 0.1 + 0.45 + 0.1 + 0.25]
    assert np.allclose(np.array(onsets) / rate, planned, atol=576 / RATE), np.array(onsets) / rate
