"""Clips and pauses joined as a stream of pieces of PCM.

Joining AudioSegments with ``+`` copies the whole chapter at every step (quadratic time, and a
chapter's worth of memory); here each piece is read, levelled, handed on and dropped in turn,
so memory stays flat however long the chapter or the book (see ``mp3.py`` for the MP3).
"""
from __future__ import annotations

from typing import BinaryIO, Iterable, Iterator, Optional, Sequence

from pydub import AudioSegment

from audiobook.errors import EngineError
from audiobook.model import Clip
from audiobook.output.profile import DEFAULT_BITRATE, SAMPLE_RATE, lame_encoder
from audiobook.render import level
from audiobook.render.cache import ClipCache


def silence(ms: int) -> AudioSegment:
    """A pause as an AudioSegment."""
    return AudioSegment.silent(duration=ms, frame_rate=SAMPLE_RATE)


def as_segment(clip: Clip) -> AudioSegment:
    """A clip as a mono 16-bit AudioSegment at SAMPLE_RATE."""
    segment = AudioSegment(data=clip.pcm, sample_width=2, frame_rate=clip.sample_rate, channels=1)
    if clip.sample_rate != SAMPLE_RATE:
        segment = segment.set_frame_rate(SAMPLE_RATE)
    return segment


def chapter_pieces(keys: Sequence[Optional[str]], pauses: Sequence[int], gains: Sequence[float],
                   cache: ClipCache) -> Iterator[AudioSegment]:
    """The chapter's audio in order: each key's clip, levelled by its gain; a pause where the key is None."""
    for key, ms, gain in zip(keys, pauses, gains):
        if key is None:
            yield silence(ms)
            continue
        clip = cache.get(key)
        if clip is None:
            raise EngineError(f"clip {key[:12]} is missing from the cache; run the render again")
        yield as_segment(Clip(level.apply(clip.pcm, gain), clip.sample_rate))


def at_rate(piece: AudioSegment, sample_rate: int) -> AudioSegment:
    """``piece`` at ``sample_rate`` (pieces are made at SAMPLE_RATE)."""
    return piece if piece.frame_rate == sample_rate else piece.set_frame_rate(sample_rate)


def encode_mp3(pieces: Iterable[AudioSegment], sink: BinaryIO, bitrate: int = DEFAULT_BITRATE,
               sample_rate: int = SAMPLE_RATE) -> float:
    """Encode ``pieces`` as one MP3 stream into ``sink``, each as it comes; return its seconds."""
    encoder = lame_encoder(bitrate, sample_rate)
    samples = 0
    for piece in pieces:
        data = at_rate(piece, sample_rate).raw_data
        samples += len(data) // 2
        sink.write(encoder.encode(data))
    sink.write(encoder.flush())
    return samples / sample_rate
