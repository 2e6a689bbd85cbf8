"""How audio files are encoded: the profiles, and the one place the MP3 encoder is set up."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import lameenc

#: Sample rate of the assembled audio (espeak-ng's own); clips at another rate are converted.
SAMPLE_RATE = 22050

#: Default MP3 bitrate in kbps for mono speech.
DEFAULT_BITRATE = 64

#: Quality of the M4B's variable-bitrate AAC. FFmpeg's AAC encoder at a fixed quality takes less
#: than half the work it does at a constant bitrate (1.1 against 2.5 billion instructions for a
#: minute of speech, counted by callgrind), and the M4B's time is mostly this encoder. On ten
#: minutes of clips of The Sign of the Four 1.4 averages 73 kbps, what the constant "64 kbps"
#: gave in fact, with less error against the clips (SNR 32.5 dB against 29.9). The curve from
#: quality to bitrate was measured at 22.05 kHz only (at 44.1 kHz the same quality gives nearly
#: three times the bits), so a profile at another rate keeps a constant bitrate.
DEFAULT_AAC_QUALITY = 1.4

#: LAME's speed/quality trade-off (0 best, 9 fastest). For 64 kbps mono speech 7 is not
#: audibly worse than 2 and encodes about four times faster.
LAME_QUALITY = 7


@dataclass(frozen=True)
class Profile:
    """How audio files are encoded."""

    bitrate: int = DEFAULT_BITRATE
    """kbps, constant: the MP3's, and the M4B's when ``aac_quality`` is None."""
    sample_rate: int = SAMPLE_RATE
    """Samples per second of the files."""
    aac_quality: Optional[float] = DEFAULT_AAC_QUALITY
    """The M4B's AAC as variable bitrate at this quality (FFmpeg's ``-q:a`` scale), or None for
    constant ``bitrate``."""


#: Encoding profiles by name: the default suits speech; acx is what ACX asks for.
PROFILES = {"default": Profile(), "acx": Profile(bitrate=192, sample_rate=44100, aac_quality=None)}


def lame_encoder(bitrate: int, sample_rate: int) -> lameenc.Encoder:
    """A LAME encoder for mono 16-bit PCM at ``sample_rate``, constant ``bitrate`` kbps."""
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_bit_rate(bitrate)
    encoder.set_quality(LAME_QUALITY)
    return encoder
