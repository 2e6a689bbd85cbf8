"""MP3 made of independently encoded stretches, cut at pauses and cached by their content.

A chapter's MP3 is the concatenation of its stretches' MP3 frames. A stretch runs from just
after one pause to the end of the next, so every join falls inside a pause, where the
encoder's start-up and flush are inaudible. Because each stretch is encoded alone, a render
after one voice changed re-encodes only the stretches holding that voice's clips, and a
single-file book is the chapters' stretches joined again, with no encoding at all.

Each stretch is sized to a whole number of frames that matches its planned length: LAME's
output has ``ceil((n + 576) / 576) + 1`` frames of 576 samples at 22.05 kHz (``ceil((n +
1152) / 1152)`` of 1152 at 44.1 kHz), that is n + FRAME_OVERHEAD samples rounded up, so the
pause at its end is shortened or lengthened by a few milliseconds to land on a frame; the
encoder's delay (ENCODER_DELAY samples before the audio starts once decoded) stands in for
as much of a stretch's opening pause. A stretch that starts with speech comes out delayed by
as much, so the stretch before it ends that much early: every pause keeps its length.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Sequence

from audiobook.output.pcm import at_rate, chapter_pieces
from audiobook.output.profile import LAME_QUALITY, lame_encoder
from audiobook.render.cache import CACHE_VERSION, ClipCache

#: Only pauses at least this long are cut at: shorter ones leave too little room to adjust.
MIN_CUT_PAUSE_MS = 200
#: Samples LAME adds to n input samples before rounding up to whole frames.
FRAME_OVERHEAD = 1152
#: Samples by which LAME's audio lags its input once decoded (encoder plus decoder delay).
ENCODER_DELAY = 1105
#: Bump when what is stored for a stretch changes (it is its frame count, then its frames).
STRETCH_FORMAT = 2


@dataclass(frozen=True)
class Stretch:
    """A run of a chapter's items ending with a pause."""

    keys: tuple
    """Clip cache key per item, None for a pause."""
    pauses: tuple
    """Pause length in ms per item (0 for clips)."""
    gains: tuple
    """Gain in dB per item (0 for pauses)."""
    followed: bool
    """Another stretch follows in the chapter: this one ends ENCODER_DELAY samples early,
    since the next one's decoded audio starts with that much of the encoder's delay."""


def cut(keys: Sequence, pauses: Sequence, gains: Sequence) -> list[Stretch]:
    """The chapter's items in stretches, each ending with a pause of MIN_CUT_PAUSE_MS or more
    that follows a clip (so every stretch but the first starts with speech)."""
    bounds, start, spoken = [], 0, False
    for i, (key, ms) in enumerate(zip(keys, pauses)):
        spoken = spoken or key is not None
        if key is None and ms >= MIN_CUT_PAUSE_MS and spoken and i + 1 < len(keys):
            bounds.append((start, i + 1))
            start, spoken = i + 1, False
    bounds.append((start, len(keys)))
    return [Stretch(tuple(keys[a:b]), tuple(pauses[a:b]), tuple(gains[a:b]), b < len(keys))
            for a, b in bounds if b > a]


def samples_per_frame(sample_rate: int) -> int:
    """MPEG-1 Layer III frames hold 1152 samples; MPEG-2 (under 32 kHz) 576."""
    return 1152 if sample_rate >= 32000 else 576


def frame_count(data: bytes) -> int:
    """How many MPEG audio frames ``data`` holds (it starts at a frame)."""
    rates = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
    kbps = {3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
            2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}
    pos = frames = 0
    while pos + 4 <= len(data) and data[pos] == 0xFF and data[pos + 1] & 0xE0 == 0xE0:
        version = (data[pos + 1] >> 3) & 3
        bitrate = kbps[3 if version == 3 else 2][data[pos + 2] >> 4]
        rate = rates[version][(data[pos + 2] >> 2) & 3]
        if not bitrate:
            break
        pos += (144 if version == 3 else 72) * bitrate * 1000 // rate + ((data[pos + 2] >> 1) & 1)
        frames += 1
    return frames


def stretch_key(stretch: Stretch, bitrate: int, sample_rate: int) -> str:
    """Identifies a stretch's MP3 bytes: same key, same bytes."""
    payload = repr((CACHE_VERSION, STRETCH_FORMAT, LAME_QUALITY, FRAME_OVERHEAD, stretch, bitrate, sample_rate))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def encoded(stretch: Stretch, bitrate: int, sample_rate: int, cache: ClipCache) -> tuple[bytes, int]:
    """The stretch's MP3 frames and their count, from the cache or encoded now (and kept)."""
    key = stretch_key(stretch, bitrate, sample_rate)
    stored = cache.get_bytes("stretches", key)
    if stored is not None and len(stored) >= 4:
        return stored[4:], int.from_bytes(stored[:4], "big")
    data = encode(stretch, bitrate, sample_rate, cache)
    frames = frame_count(data)
    cache.put_bytes("stretches", key, frames.to_bytes(4, "big") + data)  # the count saves a walk over the frames
    return data, frames


def delay_taken_out(stretch: Stretch, sample_rate: int) -> bool:
    """Whether the stretch opens with a pause long enough for the encoder's delay to stand in
    for its start (its audio then lies where its PCM does; otherwise ENCODER_DELAY later)."""
    return stretch.keys[0] is None and stretch.pauses[0] * sample_rate // 1000 >= ENCODER_DELAY


def mp3_entries(keys: Sequence, pauses: Sequence, gains: Sequence, profile) -> list[tuple[str, str]]:
    """(kind, key) of the cached MP3 stretches of a chapter at ``profile``."""
    return [("stretches", stretch_key(s, profile.bitrate, profile.sample_rate)) for s in cut(keys, pauses, gains)]


def encode(stretch: Stretch, bitrate: int, sample_rate: int, cache: ClipCache) -> bytes:
    """Encode one stretch alone, sized to the whole number of frames nearest its planned length."""
    pcm = b"".join(at_rate(piece, sample_rate).raw_data
                   for piece in chapter_pieces(stretch.keys, stretch.pauses, stretch.gains, cache))
    planned = len(pcm) // 2
    if delay_taken_out(stretch, sample_rate):
        pcm = pcm[2 * ENCODER_DELAY:]  # the encoder's delay stands in for this much of the opening pause
    else:
        planned += ENCODER_DELAY  # speech from the start comes out delayed: keep the pause at the end whole
    if stretch.followed:
        planned -= ENCODER_DELAY  # and the next stretch's delay stands in for the end of this one's pause
    spf = samples_per_frame(sample_rate)
    goal = max(2, round(planned / spf))
    wanted = goal * spf - FRAME_OVERHEAD
    for _ in range(2):
        body = pcm[:2 * wanted] if wanted * 2 <= len(pcm) else pcm + bytes(2 * wanted - len(pcm))
        data = _lame(body, bitrate, sample_rate)
        got = frame_count(data)
        if got == goal:
            break
        wanted += (goal - got) * spf  # the formula missed (another LAME build): correct once
    return data


def _lame(pcm: bytes, bitrate: int, sample_rate: int) -> bytes:
    encoder = lame_encoder(bitrate, sample_rate)
    return encoder.encode(pcm) + encoder.flush()


def chapter_mp3(keys: Sequence, pauses: Sequence, gains: Sequence, bitrate: int, sample_rate: int,
                cache: ClipCache, sink) -> int:
    """Write a chapter's MP3 frames to ``sink``; return how many samples they decode to."""
    total = 0
    for stretch in cut(keys, pauses, gains):
        data, frames = encoded(stretch, bitrate, sample_rate, cache)
        sink.write(data)
        total += frames
    return total * samples_per_frame(sample_rate)

