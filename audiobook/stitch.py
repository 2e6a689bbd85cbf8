"""Stage 6: clips -> chapter audio. Streams cached clips and pauses into the MP3 encoder.

Joining AudioSegments with ``+`` copies the whole chapter at every step (quadratic time, and a
chapter's worth of memory); here each piece is read, encoded and dropped in turn, so memory
stays flat however long the chapter or the book.
"""
from __future__ import annotations

from typing import BinaryIO, Iterable, Iterator, Optional, Sequence

import lameenc
from pydub import AudioSegment

from audiobook.cache import ClipCache
from audiobook.errors import EngineError
from audiobook.synth import SAMPLE_RATE, as_segment, silence

#: Default MP3 bitrate in kbps for mono speech.
DEFAULT_BITRATE = 64

#: LAME's speed/quality trade-off (0 best, 9 fastest). For 64 kbps mono speech 7 is not
#: audibly worse than 2 and encodes about four times faster.
LAME_QUALITY = 7


def chapter_pieces(keys: Sequence[Optional[str]], pauses: Sequence[int], cache: ClipCache) -> Iterator[AudioSegment]:
    """The chapter's audio in order: the clip for each key, a pause where the key is None."""
    for key, ms in zip(keys, pauses):
        if key is None:
            yield silence(ms)
            continue
        clip = cache.get(key)
        if clip is None:
            raise EngineError(f"clip {key[:12]} is missing from the cache; run the render again")
        yield as_segment(clip)


def encode_mp3(pieces: Iterable[AudioSegment], sink: BinaryIO, bitrate: int = DEFAULT_BITRATE) -> float:
    """Encode ``pieces`` (mono, 16-bit, SAMPLE_RATE) as one MP3 stream into ``sink``; return seconds."""
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_bit_rate(bitrate)
    encoder.set_quality(LAME_QUALITY)
    samples = 0
    for piece in pieces:
        data = piece.raw_data
        samples += len(data) // 2
        sink.write(encoder.encode(data))
    sink.write(encoder.flush())
    return samples / SAMPLE_RATE
