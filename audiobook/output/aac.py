"""AAC made of independently encoded stretches, cut at pauses and cached by their content.

The same stretches as the MP3's (``mp3.cut``: each runs from just after one pause to the end of
the next) are each encoded alone, so a chapter's AAC can be made on any core as soon as its
clips exist, and a voice change re-encodes only the stretches that hold it. The M4B is their
packets joined (``m4b.py``), with no encoding at all.

AAC frames hold 1024 samples, and FFmpeg's encoder puts one frame of priming before the audio:
n samples come out as ``ceil(n / 1024) + 1`` packets that decode to that many frames, the first
of them (near) silence. Each stretch is cut to whole frames so that it decodes to the whole
number of frames nearest its planned length, and, as for the MP3, the priming frame stands in
for the start of the pause before it (or, when a stretch opens with speech, the stretch before
it ends a frame early). Since every join falls in silence, the overlap of the last frame of
one stretch with the first of the next adds nothing audible. The book's very first priming
frame is skipped by the M4B's edit list instead, so the book starts exactly where it should.
"""
from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

from audiobook.output.mp3 import Stretch, cut
from audiobook.output.pcm import at_rate, chapter_pieces
from audiobook.output.profile import Profile
from audiobook.render.cache import CACHE_VERSION, ClipCache

#: Samples in an AAC-LC frame.
FRAME = 1024
#: Samples of priming FFmpeg's AAC encoder puts before the audio (one frame).
PRIMING = 1024
#: The AAC encoder's fast coder: several times quicker than the default, and no worse for speech.
#: Without temporal noise shaping: on ten minutes of a novel's speech it took 6 % of the
#: encoder's instructions and made the audio a little further from the clips (SNR 33.8 dB
#: against 34.4, and a larger log-spectral distance). Turning noise substitution off as well
#: changed neither figure.
AAC_OPTIONS = {"aac_coder": "fast", "aac_tns": "0"}
#: FFmpeg's lambda units per step of its quality scale (FF_QP2LAMBDA).
QP2LAMBDA = 118
#: Bump when what is stored for a stretch changes (packet count, sizes, then the packets).
AAC_FORMAT = 1
#: Most stretches one job encodes. A chapter's AAC can start only once all its clips exist, so
#: the last chapter's starts when synthesis ends; encoded as one job it ran on one core while
#: the others idled. In runs of at most this many stretches every worker takes a share. Counted
#: in stretches, not minutes, because the jobs are made before any clip exists; a stretch is a
#: sentence or a few (about 11 s of a novel's audio) and takes some 20 ms to encode, so a run
#: is some 9 minutes of audio and about a second of work. Each job is a worker process of its
#: own, and shorter runs cost more than they even out: on The Sign of the Four, cold M4B renders
#: taken in turn against one cold MP3 each (bench/render.py's pair, four rounds) had medians of
#: 1.26 x the MP3 in runs of 16, 1.21 in runs of 32 and 1.16 in runs of 48. The stretches (and
#: their cache keys) stay the same whatever this is: only how many of them a job encodes changes.
JOB_STRETCHES = 48


def codec_version() -> int:
    """libavcodec's version: another build may encode the same stretch to other bytes."""
    import av

    return av.library_versions.get("libavcodec", (0,))[0]


def encoder_options(profile: Profile) -> dict:
    """The AAC encoder's options for ``profile``: the fast coder, and its quality when variable."""
    if profile.aac_quality is None:
        return dict(AAC_OPTIONS)
    return {**AAC_OPTIONS, "flags": "+qscale", "global_quality": str(round(profile.aac_quality * QP2LAMBDA))}


def aac_key(stretch: Stretch, profile: Profile, first: bool) -> str:
    """Identifies a stretch's AAC packets: same key, same bytes."""
    payload = repr((CACHE_VERSION, AAC_FORMAT, codec_version(), sorted(encoder_options(profile).items()), stretch,
                    profile.bitrate, profile.sample_rate, first))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def packets(stretch: Stretch, profile: Profile, cache: ClipCache, first: bool = False) -> list[bytes]:
    """The stretch's AAC packets, from the cache or encoded now (and kept). ``first``: the
    book's first stretch, whose priming the edit list skips."""
    key = aac_key(stretch, profile, first)
    stored = cache.get_bytes("aac", key)
    if stored is not None:
        unpacked = _unpack(stored)
        if unpacked is not None:
            return unpacked
    encoded = encode(stretch, profile, cache, first)
    cache.put_bytes("aac", key, _pack(encoded))
    return encoded


def is_cached(stretch: Stretch, profile: Profile, cache: ClipCache, first: bool = False) -> bool:
    """Whether the stretch's packets are in the cache already."""
    return cache.has_bytes("aac", aac_key(stretch, profile, first))


def decoded_frames(count: int, first: bool) -> int:
    """Frames ``count`` packets of a stretch add to the book (the first stretch's priming is skipped)."""
    return count - 1 if first else count


def encode(stretch: Stretch, profile: Profile, cache: ClipCache, first: bool = False) -> list[bytes]:
    """Encode one stretch alone, cut to the whole number of frames nearest its planned length."""
    pcm = b"".join(at_rate(piece, profile.sample_rate).raw_data
                   for piece in chapter_pieces(stretch.keys, stretch.pauses, stretch.gains, cache))
    planned = len(pcm) // 2
    delay = 0 if first else PRIMING
    if delay and stretch.keys[0] is None and stretch.pauses[0] * profile.sample_rate // 1000 >= delay:
        pcm = pcm[2 * delay:]  # the priming frame stands in for this much of the opening pause
    else:
        planned += delay  # speech from the start comes out a frame late: keep the pause at the end whole
    if stretch.followed:
        planned -= PRIMING  # and the next stretch's priming stands in for the end of this one's pause
    frames = max(2, round(planned / FRAME))
    body = (frames - 1 if delay else frames) * FRAME
    pcm = pcm[:2 * body] if 2 * body <= len(pcm) else pcm + bytes(2 * body - len(pcm))
    out = encode_pcm(pcm, profile)
    if len(out) != body // FRAME + 1:
        raise RuntimeError(f"the AAC encoder gave {len(out)} packets for {body // FRAME} frames")
    return out


def encode_pcm(pcm: bytes, profile: Profile) -> list[bytes]:
    """Mono 16-bit PCM as AAC-LC packets from a fresh encoder (priming first, flushed at the end)."""
    import av
    import numpy as np

    context = new_encoder(profile)
    frame = av.AudioFrame.from_ndarray(np.frombuffer(pcm, dtype="<i2").reshape(1, -1), format="s16",
                                       layout="mono")
    frame.rate, frame.pts = profile.sample_rate, 0
    return [bytes(packet) for packet in [*context.encode(frame), *context.encode(None)]]


def new_encoder(profile: Profile):
    """An open AAC encoder for mono audio at the profile's rate, bitrate or quality."""
    import av

    context = av.CodecContext.create("aac", "w")
    context.sample_rate, context.layout, context.format = profile.sample_rate, "mono", "fltp"
    context.bit_rate = profile.bitrate * 1000
    context.options = encoder_options(profile)
    context.open()
    return context


def _pack(encoded: list[bytes]) -> bytes:
    head = struct.pack(f">I{len(encoded)}H", len(encoded), *map(len, encoded))
    return head + b"".join(encoded)


def _unpack(stored: bytes) -> Optional[list[bytes]]:
    if len(stored) < 4:
        return None
    count = int.from_bytes(stored[:4], "big")
    if len(stored) < 4 + 2 * count:
        return None
    pos, out = 4 + 2 * count, []
    for size in struct.unpack_from(f">{count}H", stored, 4):
        out.append(stored[pos:pos + size])
        pos += size
    return out if pos == len(stored) else None


def chapter_stretches(keys: Sequence, pauses: Sequence, gains: Sequence, first: bool) -> Iterator[tuple]:
    """(stretch, first) for each stretch of a chapter; ``first``: the chapter opens the book."""
    for index, stretch in enumerate(cut(keys, pauses, gains)):
        yield stretch, first and index == 0


def chapter_runs(keys: Sequence, pauses: Sequence, gains: Sequence, first: bool) -> list[tuple]:
    """A chapter's (stretch, first) pairs in runs of consecutive stretches, as even as can be and
    none longer than JOB_STRETCHES: one AacPartJob each."""
    stretches = list(chapter_stretches(keys, pauses, gains, first))
    count = max(1, -(-len(stretches) // JOB_STRETCHES))
    bounds = [len(stretches) * i // count for i in range(count + 1)]
    return [tuple(stretches[a:b]) for a, b in zip(bounds, bounds[1:])]


@dataclass(frozen=True)
class AacPartJob:
    """Encodes a run of one chapter's AAC stretches into the cache, for a single-file book to join."""

    path: Path
    """The book the stretches are for (for messages)."""
    number: int
    """Chapter number in the whole book."""
    stretches: tuple
    """(stretch, first) per stretch of the run, in order (``first``: the book's first stretch,
    whose priming is skipped)."""
    part: int = 1
    """Which run of the chapter this is, from 1."""
    parts: int = 1
    """How many runs the chapter is cut into."""
    profile: Profile = Profile()
    """Bitrate and sample rate."""

    @property
    def label(self) -> str:
        """What the job makes, for messages and progress."""
        of = f", part {self.part} of {self.parts}" if self.parts > 1 else ""
        return f"{self.path.name}: AAC of chapter {self.number}{of}"

    def write(self, cache_root: Path) -> int:
        """Encode the stretches not in the cache yet; worker entry point. Returns how many."""
        cache, made = ClipCache(cache_root), 0
        for stretch, first in self.stretches:
            if not is_cached(stretch, self.profile, cache, first):
                packets(stretch, self.profile, cache, first)
                made += 1
        return made

    def recall(self, cache: ClipCache) -> Optional[int]:
        """0 when every stretch is in the cache already (nothing to do), else None."""
        done = all(is_cached(stretch, self.profile, cache, first) for stretch, first in self.stretches)
        return 0 if done else None

    def outputs(self) -> list[Path]:
        """No output file: the stretches go to the cache."""
        return []

    def partial_files(self, cache_root: Path) -> list[Path]:
        """Cache entries are written atomically: nothing to clean up."""
        return []


def part_jobs(path: Path, number: int, keys: Sequence, pauses: Sequence, gains: Sequence, first: bool,
              profile: Profile) -> list[AacPartJob]:
    """The jobs that encode chapter ``number``'s stretches (``first``: it opens the book)."""
    runs = chapter_runs(keys, pauses, gains, first)
    return [AacPartJob(path, number, run, i, len(runs), profile) for i, run in enumerate(runs, start=1)]
