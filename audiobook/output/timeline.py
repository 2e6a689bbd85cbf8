"""Where each clip is in the files as written: the times subtitles and read-along books point at.

A chapter MP3 is its stretches' frames joined (see ``mp3.py``), so a clip's place is not its
place in the plan: each stretch lasts its whole number of frames, and the audio of a stretch
that opens with speech lies ENCODER_DELAY samples later than its PCM, while one that opens with
a pause had as much of that pause taken out. Times here are counted the way the file was
made: the stretches' real frame counts and every clip's length in the cache. A cue spans the
clip's speech, without the engine's silence before and after it (up to 55 ms and 400 ms).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

import numpy as np

from audiobook.errors import EngineError
from audiobook.model import ChapterPlan, ClipItem
from audiobook.output import aac
from audiobook.output.chapters import pauses_and_gains
from audiobook.output.mp3 import ENCODER_DELAY, Stretch, cut, delay_taken_out, encoded, samples_per_frame
from audiobook.output.profile import SAMPLE_RATE, Profile
from audiobook.render.cache import ClipCache

#: A sample above this (about -54 dBFS) is speech; the engine's silence is far below it.
SPEECH_LEVEL = 0.002


@dataclass(frozen=True)
class Cue:
    """One clip's span in an audio file."""

    start: float
    """Seconds from the start of the file to the start of the clip."""
    end: float
    """Seconds from the start of the file to the end of the clip."""
    item: ClipItem
    """The clip: its text and speaker."""
    chapter: int
    """Number of the chapter it belongs to."""


@dataclass(frozen=True)
class ChapterTimeline:
    """A chapter's clips placed in its audio."""

    number: int
    """Chapter number."""
    cues: tuple
    """Cue per clip, in order."""
    duration: float
    """Length of the chapter's audio in seconds."""

    def shifted(self, seconds: float) -> list[Cue]:
        """The cues moved ``seconds`` later (the chapter's place in a single-file book)."""
        return [Cue(c.start + seconds, c.end + seconds, c.item, c.chapter) for c in self.cues]


def clip_span(cache: ClipCache, key: str, rate: int) -> tuple[int, int, int]:
    """A cached clip's length in samples at ``rate``, and where its speech starts and ends.
    Measured once and kept in the cache beside the clip."""
    stored = cache.get_bytes("spans", key)
    if stored is None or len(stored) != 16:
        clip = cache.get(key)
        if clip is None:
            raise EngineError(f"clip {key[:12]} is missing from the cache; run the render again")
        clip_rate = clip.sample_rate
        x = np.abs(np.frombuffer(clip.pcm, dtype="<i2").astype(np.float32)) / 32768.0
        loud = np.nonzero(x > SPEECH_LEVEL)[0]
        first, last = (int(loud[0]), int(loud[-1]) + 1) if loud.size else (0, len(x))
        stored = b"".join(v.to_bytes(4, "big") for v in (clip_rate, len(x), first, last))
        cache.put_bytes("spans", key, stored)
    clip_rate, n, first, last = (int.from_bytes(stored[i:i + 4], "big") for i in range(0, 16, 4))
    return tuple(round(v * rate / clip_rate) for v in (n, first, last))


def pause_samples(ms: int, rate: int) -> int:
    """A pause's length in samples at ``rate``, as ``pcm.silence`` makes it."""
    return round(int(ms * SAMPLE_RATE / 1000) * rate / SAMPLE_RATE)


def _spans(keys: Sequence, pauses: Sequence, rate: int, cache: ClipCache) -> list[tuple[int, int, int]]:
    """(length, speech start, speech end) in samples per item; a pause has no speech."""
    spans = []
    for key, ms in zip(keys, pauses):
        if key is None:
            n = pause_samples(ms, rate)
            spans.append((n, n, n))
        else:
            spans.append(clip_span(cache, key, rate))
    return spans


def _timeline(chapter: ChapterPlan, keys: Sequence[Optional[str]], rate: int, cache: ClipCache,
              stretches: Iterable[tuple[Stretch, int, int]]) -> ChapterTimeline:
    """Cues from ``stretches``: (stretch, where its first item's audio starts past the
    stretch's own start, samples the stretch adds to the file), in order."""
    cues: list[Cue] = []
    index = base = 0
    for stretch, lead, length_in_file in stretches:
        position = base + lead
        for length, start, end in _spans(stretch.keys, stretch.pauses, rate, cache):
            item = chapter.items[index]
            if isinstance(item, ClipItem):
                cues.append(Cue((position + start) / rate, (position + end) / rate, item, chapter.number))
            position += length
            index += 1
        base += length_in_file
    return ChapterTimeline(chapter.number, tuple(cues), base / rate)


def mp3_timeline(chapter: ChapterPlan, keys: Sequence[Optional[str]], profile: Profile,
                 cache: ClipCache) -> ChapterTimeline:
    """The chapter's cues in its MP3 (a chapter file, or its part of the single MP3); stretches
    not yet in the cache are encoded and kept."""
    rate = profile.sample_rate
    pauses, gains = pauses_and_gains(chapter, list(keys))

    def placed():
        for stretch in cut(keys, pauses, gains):
            _data, frames = encoded(stretch, profile.bitrate, rate, cache)
            yield (stretch, 0 if delay_taken_out(stretch, rate) else ENCODER_DELAY,
                   frames * samples_per_frame(rate))

    return _timeline(chapter, keys, rate, cache, placed())


def aac_timeline(chapter: ChapterPlan, keys: Sequence[Optional[str]], profile: Profile, cache: ClipCache,
                 opens_book: bool) -> ChapterTimeline:
    """The chapter's cues in the M4B, which joins AAC stretches cut as the MP3's are (see
    ``aac.encode``): a stretch opening with a pause keeps its samples where its PCM has them
    (the priming frame stands in for the start of the pause), one opening with speech comes out
    a frame later; the book's very first stretch has its priming skipped. ``opens_book``: the
    chapter is the book's first."""
    rate = profile.sample_rate
    pauses, gains = pauses_and_gains(chapter, list(keys))

    def placed():
        for stretch, first in aac.chapter_stretches(keys, pauses, gains, opens_book):
            count = len(aac.packets(stretch, profile, cache, first))
            taken = not first and stretch.keys[0] is None and stretch.pauses[0] * rate // 1000 >= aac.PRIMING
            yield stretch, 0 if first or taken else aac.PRIMING, aac.decoded_frames(count, first) * aac.FRAME

    return _timeline(chapter, keys, rate, cache, placed())


def joined(timelines: Iterable[ChapterTimeline]) -> list[Cue]:
    """The chapters' cues one after another, as in a single-file book."""
    cues: list[Cue] = []
    offset = 0.0
    for timeline in timelines:
        cues += timeline.shifted(offset)
        offset += timeline.duration
    return cues
