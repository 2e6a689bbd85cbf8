"""Stage 6: clips -> chapter audio. Cached clips and pauses as a stream of pieces.

Joining AudioSegments with ``+`` copies the whole chapter at every step (quadratic time, and a
chapter's worth of memory); here each piece is read, levelled, handed on and dropped in turn,
so memory stays flat however long the chapter or the book (see segments.py for the MP3).
"""
from __future__ import annotations

from typing import BinaryIO, Iterable, Iterator, Optional, Sequence

import lameenc
from pydub import AudioSegment

from audiobook import level
from audiobook.cache import ClipCache
from audiobook.errors import EngineError
from audiobook.model import Clip
from audiobook.synth import SAMPLE_RATE, as_segment, silence

#: Default MP3 bitrate in kbps for mono speech.
DEFAULT_BITRATE = 64

#: LAME's speed/quality trade-off (0 best, 9 fastest). For 64 kbps mono speech 7 is not
#: audibly worse than 2 and encodes about four times faster.
LAME_QUALITY = 7


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
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_bit_rate(bitrate)
    encoder.set_quality(LAME_QUALITY)
    samples = 0
    for piece in pieces:
        data = at_rate(piece, sample_rate).raw_data
        samples += len(data) // 2
        sink.write(encoder.encode(data))
    sink.write(encoder.flush())
    return samples / sample_rate
