"""Stage 5: RenderPlan -> clips. Drives the engine over a chapter's items, in order."""
from __future__ import annotations

from typing import Iterator, Protocol

from pydub import AudioSegment

from audiobook.errors import EngineError, VoiceNotFound
from audiobook.model import ChapterPlan, ClipItem, Clip, VoiceSettings

#: Sample rate of the assembled audio; clips at another rate are converted.
SAMPLE_RATE = 22050

#: How often a failed clip is tried again before the render stops.
RETRIES = 2


class Engine(Protocol):
    """What synthesis needs of an engine (SpeechEngine, or a fake in unit tests)."""

    def synthesize(self, text: str, settings: VoiceSettings) -> Clip: ...


class ClipFailed(EngineError):
    """A clip failed after every retry; carries the clip for the error message."""

    def __init__(self, item: ClipItem, chapter: ChapterPlan, cause: Exception):
        super().__init__(str(cause))
        self.item, self.chapter, self.cause = item, chapter, cause


def chapter_audio(chapter: ChapterPlan, engine: Engine) -> Iterator[AudioSegment]:
    """Yield the chapter's audio piece by piece: one AudioSegment per clip or pause."""
    for item in chapter.items:
        if isinstance(item, ClipItem):
            yield as_segment(synthesize_clip(item, chapter, engine))
        else:
            yield AudioSegment.silent(duration=item.ms, frame_rate=SAMPLE_RATE)


def synthesize_clip(item: ClipItem, chapter: ChapterPlan, engine: Engine) -> Clip:
    """Synthesize one clip, retrying engine failures; an empty result counts as a failure."""
    error: Exception = EngineError("no attempt made")
    for _ in range(1 + RETRIES):
        try:
            clip = engine.synthesize(item.text, item.voice)
        except VoiceNotFound:
            raise
        except EngineError as exc:
            error = exc
            continue
        if clip.pcm:
            return clip
        error = EngineError("the engine returned no audio")
    raise ClipFailed(item, chapter, error)


def as_segment(clip: Clip) -> AudioSegment:
    """A clip as a mono 16-bit AudioSegment at SAMPLE_RATE."""
    segment = AudioSegment(data=clip.pcm, sample_width=2, frame_rate=clip.sample_rate, channels=1)
    if clip.sample_rate != SAMPLE_RATE:
        segment = segment.set_frame_rate(SAMPLE_RATE)
    return segment
