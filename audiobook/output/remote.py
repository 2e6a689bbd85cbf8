"""MP3 stretches encoded on another machine, for a render on a cluster.

An output job (a chapter file, a single-file MP3) is mostly the encoding of its stretches
(``mp3.py``); joining them and writing the tags is quick. So on a cluster the stretches a job
lacks are encoded by a worker, from clip bytes the client sends along (workers do not share the
client's disk), and come back as the very bytes the cache would hold; the client stores them
and then writes the file itself, atomically, as a local render does. An M4B is one AAC stream
over the whole book and stays with the client.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from audiobook.model import Clip
from audiobook.output.books import BookJob
from audiobook.output.chapters import EncodeJob
from audiobook.output.mp3 import Stretch, cut, encoded, stretch_key
from audiobook.render.cache import ClipCache


@dataclass(frozen=True)
class RemoteWork:
    """What to run on a worker for one output job, and how to keep its result."""

    function: Callable
    """An importable function, run on the worker as ``function(*args)``."""
    args: tuple
    """Its arguments (stretches, clip bytes: everything it needs)."""
    store: Callable[[object, ClipCache], None]
    """Puts the worker's result into the client's cache."""
    needs: frozenset = frozenset()
    """Clips it needs that are not in ``args``: made on the cluster in this run, passed along
    as the (key, pcm, rate) lists of the blocks that made them, which stay on the workers."""


class MemoryCache:
    """The part of ClipCache that stretch encoding uses, in memory: clips given, stretches kept."""

    def __init__(self, clips: dict):
        self.clips = clips
        self.stored: dict = {}

    def get(self, key: str) -> Optional[Clip]:
        """The clip given under ``key``, or None."""
        found = self.clips.get(key)
        return None if found is None else Clip(pcm=found[0], sample_rate=found[1])

    def get_bytes(self, kind: str, key: str) -> Optional[bytes]:
        """Bytes kept under ``kind``/``key`` in this task, or None."""
        return self.stored.get((kind, key))

    def put_bytes(self, kind: str, key: str, data: bytes) -> None:
        """Keep ``data`` (to send back to the client)."""
        self.stored[(kind, key)] = data


def job_stretches(job) -> Optional[list[Stretch]]:
    """The stretches an output job is made of; None for one that is not made of stretches (M4B)."""
    if isinstance(job, EncodeJob):
        return cut(job.keys, job.pauses, job.gains)
    if isinstance(job, BookJob) and job.path.suffix == ".mp3":
        return [s for chapter in job.chapters for s in cut(chapter.keys, chapter.pauses, chapter.gains)]
    return None


def encode_stretches(stretches: tuple, bitrate: int, sample_rate: int, clips: dict, *made: list) -> list:
    """The worker task: encode ``stretches`` from ``clips`` (key -> (pcm, rate)) and the clips of
    the blocks in ``made`` ((key, pcm, rate) lists); return (kind, key, bytes) for the client's cache."""
    clips = dict(clips)
    for block in made:
        clips.update((key, (pcm, rate)) for key, pcm, rate in block)
    cache = MemoryCache(clips)
    for stretch in stretches:
        encoded(stretch, bitrate, sample_rate, cache)
    return [(kind, key, data) for (kind, key), data in cache.stored.items()]


def store_stretches(result: list, cache: ClipCache) -> None:
    """Keep a worker's encoded stretches in the client's cache."""
    for kind, key, data in result:
        cache.put_bytes(kind, key, data)


def offload(job, cache: ClipCache, made: frozenset = frozenset()) -> Optional[RemoteWork]:
    """The remote part of ``job``: its stretches missing from ``cache`` with the clips they need
    (but those in ``made``, which the cluster already holds: they go in ``needs``); None when
    there is nothing to send (all cached, or a job that is not made of stretches)."""
    stretches = job_stretches(job)
    if stretches is None:
        return None
    bitrate, rate = job.profile.bitrate, job.profile.sample_rate
    missing, seen = [], set()
    for stretch in stretches:
        key = stretch_key(stretch, bitrate, rate)
        if key not in seen and cache.get_bytes("stretches", key) is None:
            missing.append(stretch)
        seen.add(key)
    if not missing:
        return None
    clips, needs = {}, set()
    for stretch in missing:
        for key in stretch.keys:
            if key in made:
                needs.add(key)
            elif key is not None and key not in clips:
                clip = cache.get(key)
                if clip is not None:  # a missing clip fails on the worker with the usual message
                    clips[key] = (clip.pcm, clip.sample_rate)
    return RemoteWork(encode_stretches, (tuple(missing), bitrate, rate, clips), store_stretches, frozenset(needs))
