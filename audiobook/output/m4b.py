"""The M4B: every chapter's AAC stretches joined into one MP4 audio track, without encoding
again, with chapter marks (a QuickTime chapter track, which holds any number of chapters, and
a Nero ``chpl`` atom, which holds the first 255), muxed by PyAV's bundled FFmpeg libraries.

Packets are numbered from -PRIMING, so the muxer writes an edit list that skips the book's
first priming frame: the book decodes to exactly the sum of its stretches' frames, and a
chapter mark falls on the frame where its first stretch begins.
"""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Sequence

from audiobook.output import aac
from audiobook.output.profile import Profile
from audiobook.render.cache import ClipCache

#: (title, start seconds, end seconds) per chapter.
Marks = list


def write_m4b(path: Path, chapters: Sequence, profile: Profile, cache: ClipCache) -> Marks:
    """Join the chapters' AAC stretches (encoding any not cached yet) into ``path``; ``chapters``
    have ``title``, ``keys``, ``pauses`` and ``gains``. Returns the chapter marks."""
    import av

    rate, marks, frames = profile.sample_rate, [], 0
    time_base = Fraction(1, rate)
    with av.open(str(path), "w", format="ipod", options={"brand": "M4B "}) as container:
        # An encoder's stream, never fed: it gives the track the AudioSpecificConfig the packets need.
        stream = container.add_stream("aac", rate=rate, layout="mono", options=aac.encoder_options(profile))
        stream.bit_rate = profile.bitrate * 1000
        # A packet with no time base of its own is taken to be in its stream's: set once here,
        # not on each of the book's some 300,000 packets (a fifth of the mux's time).
        stream.time_base = time_base
        pts, mux, new_packet = -aac.PRIMING, container.mux_one, av.Packet
        for index, chapter in enumerate(chapters):
            start = frames
            for stretch, first in aac.chapter_stretches(chapter.keys, chapter.pauses, chapter.gains, index == 0):
                encoded = aac.packets(stretch, profile, cache, first)
                for data in encoded:
                    packet = new_packet(data)
                    packet.stream = stream
                    packet.pts = packet.dts = pts
                    packet.duration = aac.FRAME
                    pts += aac.FRAME
                    mux(packet)
                frames += aac.decoded_frames(len(encoded), first)
            marks.append((chapter.title, start * aac.FRAME / rate, frames * aac.FRAME / rate))
        container.set_chapters([
            {"id": i + 1, "start": round(start * rate), "end": round(end * rate), "time_base": time_base,
             "metadata": {"title": title}} for i, (title, start, end) in enumerate(marks)])
    return marks
