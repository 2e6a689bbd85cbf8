"""Stage 6: clips -> chapter audio. Streams pieces into the MP3 encoder as they come.

Joining AudioSegments with ``+`` copies the whole chapter at every step (quadratic time and a
chapter's worth of memory); here each piece is encoded and written as soon as it arrives, so
memory does not grow with the chapter.
"""
from __future__ import annotations

from typing import BinaryIO, Iterable

import lameenc
from pydub import AudioSegment

from audiobook.synth import SAMPLE_RATE

#: Default MP3 bitrate in kbps for mono speech.
DEFAULT_BITRATE = 64


def encode_mp3(pieces: Iterable[AudioSegment], sink: BinaryIO, bitrate: int = DEFAULT_BITRATE) -> float:
    """Encode ``pieces`` (mono, 16-bit, SAMPLE_RATE) as one MP3 stream into ``sink``; return seconds."""
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_bit_rate(bitrate)
    encoder.set_quality(2)
    samples = 0
    for piece in pieces:
        data = piece.raw_data
        samples += len(data) // 2
        sink.write(encoder.encode(data))
    sink.write(encoder.flush())
    return samples / SAMPLE_RATE
