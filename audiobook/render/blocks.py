"""Which clips to make, in which blocks and in which order.

espeak-ng's output for a clip depends slightly on what the same engine spoke before it, so
clips are made in blocks (a chapter, or a slice of a long one), each by a fresh engine, in a
fixed order. A key is stored by its first occurrence in the book (its owner); later
occurrences reuse it. A block speaks only its missing clips (after a voice change, only that
voice's), and notes in the cache what it started; a block that was interrupted speaks that
same sequence again from its start, so a resumed render gives the very bytes an
uninterrupted one would.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Optional, Union

from audiobook.errors import EngineError
from audiobook.model import ChapterPlan, ClipItem, RenderPlan, VoiceSettings
from audiobook.render.cache import ClipCache, clip_key

#: How often a failed clip is tried again (its block, by a fresh engine) before the render stops.
RETRIES = 2

#: Most clips in one block: bounds the work redone after an interruption.
MAX_BLOCK_CLIPS = 400


@dataclass(frozen=True)
class ClipJob:
    """One clip of the book, with its cache key."""

    key: str
    """Cache key (engine, voice, text)."""
    item: ClipItem
    """The planned clip."""
    chapter: int
    """Chapter number, for messages."""
    owner: bool
    """True for the first occurrence of the key in the book: this one stores it."""


@dataclass(frozen=True)
class ClipBlock:
    """Clips made by one fresh engine, in order."""

    index: int
    """Position in the book."""
    chapter: int
    """Chapter number."""
    jobs: tuple[ClipJob, ...]
    """Every clip of the block in speaking order (owned or not)."""


class ClipFailed(EngineError):
    """A clip failed after every retry."""

    def __init__(self, job: ClipJob, cause: str):
        super().__init__(cause)
        self.job, self.cause = job, cause


#: What identifies a voice's sound for the cache (``engine.voice_identity``), or one string
#: for every voice.
Identity = Union[str, Callable[[VoiceSettings], str]]


def identity_function(identity: Identity) -> Callable[[VoiceSettings], str]:
    """``identity`` as a function of the voice."""
    return identity if callable(identity) else (lambda _voice: identity)


def make_blocks(plan: RenderPlan, identity: Identity, max_clips: int = MAX_BLOCK_CLIPS) -> list[ClipBlock]:
    """Cut the plan's clips into blocks: chapters, sliced every ``max_clips``."""
    identity_of = identity_function(identity)
    seen: set[str] = set()
    blocks: list[ClipBlock] = []
    for chapter in plan.chapters:
        jobs = []
        for item in chapter.items:
            if isinstance(item, ClipItem):
                key = clip_key(identity_of(item.voice), item.voice, item.text)
                jobs.append(ClipJob(key, item, chapter.number, key not in seen))
                seen.add(key)
        for start in range(0, len(jobs), max_clips):
            blocks.append(ClipBlock(len(blocks), chapter.number, tuple(jobs[start:start + max_clips])))
    return blocks


def fingerprint(block: ClipBlock) -> str:
    """Identifies the block's content: its clips, in order."""
    return hashlib.sha256("".join(job.key for job in block.jobs).encode()).hexdigest()


def block_sequence(block: ClipBlock, cache: ClipCache) -> list[tuple[ClipJob, bool]]:
    """What to speak for ``block`` now, as (job, store) pairs; empty when nothing is missing.

    An interrupted block repeats the sequence it had started (storing what is still missing);
    any other speaks its own clips that are not in the cache.
    """
    started = cache.interrupted_block(fingerprint(block))
    if started is not None and all(0 <= i < len(block.jobs) for i, _ in started):
        return [(block.jobs[i], store and not cache.has(block.jobs[i].key)) for i, store in started]
    return [(job, True) for job in block.jobs if job.owner and not cache.has(job.key)]


def begin(block: ClipBlock, sequence: list[tuple[ClipJob, bool]], cache: ClipCache) -> None:
    """Record in the cache that ``block`` starts speaking ``sequence``."""
    index = {id(job): i for i, job in enumerate(block.jobs)}
    cache.begin_block(fingerprint(block), [(index[id(job)], store) for job, store in sequence])


def end(block: ClipBlock, cache: ClipCache) -> None:
    """Record that ``block`` finished its sequence."""
    cache.end_block(fingerprint(block))


def chapter_keys(chapter: ChapterPlan, identity: Identity) -> list[Optional[str]]:
    """The chapter's items as cache keys, None for pauses."""
    identity_of = identity_function(identity)
    return [clip_key(identity_of(item.voice), item.voice, item.text) if isinstance(item, ClipItem) else None
            for item in chapter.items]
