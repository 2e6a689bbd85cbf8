"""How audio files are encoded: the profiles, and the one place the MP3 encoder is set up."""
from __future__ import annotations

from dataclasses import dataclass

import lameenc

#: Sample rate of the assembled audio (espeak-ng's own); clips at another rate are converted.
SAMPLE_RATE = 22050

#: Default MP3 bitrate in kbps for mono speech.
DEFAULT_BITRATE = 64

#: LAME's speed/quality trade-off (0 best, 9 fastest). For 64 kbps mono speech 7 is not
#: audibly worse than 2 and encodes about four times faster.
LAME_QUALITY = 7


@dataclass(frozen=True)
class Profile:
    """How audio files are encoded."""

    bitrate: int = DEFAULT_BITRATE
    """kbps, constant."""
    sample_rate: int = SAMPLE_RATE
    """Samples per second of the files."""


#: Encoding profiles by name: the default suits speech; acx is what ACX asks for.
PROFILES = {"default": Profile(), "acx": Profile(bitrate=192, sample_rate=44100)}


def lame_encoder(bitrate: int, sample_rate: int) -> lameenc.Encoder:
    """A LAME encoder for mono 16-bit PCM at ``sample_rate``, constant ``bitrate`` kbps."""
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_bit_rate(bitrate)
    encoder.set_quality(LAME_QUALITY)
    return encoder
