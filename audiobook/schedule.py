"""Runs a render's work on every core: clip blocks first, each chapter's encoding as soon as
all its clips exist, single-file books once every clip exists; retries for failed or hung
workers."""
from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from audiobook import synth
from audiobook.cache import ClipCache
from audiobook.cover import Cover
from audiobook.errors import EngineError, OutputError
from audiobook.formats import BookFile, BookJob, ChapterAudio
from audiobook.model import ChapterFile, RenderPlan
from audiobook.output import UNKNOWN_AUTHOR, Profile, encode_job, pauses_and_gains
from audiobook.progress import Progress
from audiobook.synth import RETRIES, Block, ClipFailed, block_sequence, chapter_keys
from audiobook.workers import DEFAULT_ENGINE, EncodeTask, Supervisor, SynthTask


@dataclass(frozen=True)
class Outputs:
    """What a render writes."""

    folder: Path
    """The book's folder."""
    chapter_files: bool = True
    """One MP3 per chapter."""
    books: tuple = ()
    """Paths of single-file books to write (``.mp3`` with chapters, ``.m4b``)."""
    profile: Profile = Profile()
    """Bitrate and sample rate."""
    cover: Optional[Cover] = None
    """Front cover for every file."""


@dataclass
class Written:
    """What a render wrote."""

    chapters: list[ChapterFile]
    """Chapter files in order (empty when none were asked for)."""
    books: list[BookFile]
    """Single-file books."""


def run(plan: RenderPlan, blocks: list[Block], cache: ClipCache, outputs: Outputs, engine_id: str,
        jobs: int, progress: Progress, engine_spec: str = DEFAULT_ENGINE) -> Written:
    """Make the missing clips and write every output of ``plan``."""
    by_chapter: dict[int, list[int]] = {c.number: [] for c in plan.chapters}
    for block in blocks:
        by_chapter[block.chapter].append(block.index)
    order = [c.number for c in plan.chapters]
    keys = {c.number: chapter_keys(c, engine_id) for c in plan.chapters}
    chapter_jobs = {c.number: encode_job(outputs.folder, plan, c, keys[c.number], outputs.profile, outputs.cover)
                    for c in plan.chapters} if outputs.chapter_files else {}
    book_jobs = [book_job(path, plan, keys, outputs) for path in outputs.books]
    progress.start(sum(len(block_sequence(b, cache)) for b in blocks), len(chapter_jobs) + len(book_jobs))

    supervisor = Supervisor(jobs, cache.root, engine_spec,
                            on_event=lambda kind, run, detail: progress.clip_done() if kind == "done" else None)
    pending = deque(blocks)
    done: set[int] = set()
    ready: deque = deque()
    next_chapter = 0
    sequences: dict[int, list] = {}
    failures: Counter = Counter()
    results: dict = {}

    try:
        while pending or ready or supervisor.running or next_chapter <= len(order):
            while next_chapter < len(order) and all(i in done for i in by_chapter[order[next_chapter]]):
                if outputs.chapter_files:
                    ready.append(chapter_jobs[order[next_chapter]])
                next_chapter += 1
            if next_chapter == len(order):  # every clip exists: the single-file books can start
                ready.extend(book_jobs)
                next_chapter += 1
            while supervisor.free_slots() > 0 and (ready or pending):
                if ready:  # writing first: it frees finished output soonest
                    job = ready.popleft()
                    unchanged = job.recall(cache)
                    if unchanged is not None:
                        results[job.path] = unchanged
                        progress.chapter_done(job.path.name)
                    else:
                        supervisor.start(EncodeTask(job.path.name, job))
                    continue
                block = pending.popleft()
                sequence = block_sequence(block, cache)
                if not sequence:
                    done.add(block.index)
                    continue
                sequences[block.index] = sequence
                synth.begin(block, sequence, cache)
                supervisor.start(SynthTask(block.index, tuple(
                    (job.key, job.item.text, job.item.voice, store) for job, store in sequence)))
            if not supervisor.running:
                continue
            for run in supervisor.poll():
                if isinstance(run.task, SynthTask):
                    _synth_ended(run, sequences, failures, done, pending, blocks, cache)
                else:
                    _write_ended(run, failures, results, ready, progress)
    finally:
        supervisor.stop_all()
        progress.finish()
    return Written([results[chapter_jobs[n].path] for n in order] if outputs.chapter_files else [],
                   [results[job.path] for job in book_jobs])


def book_job(path: Path, plan: RenderPlan, keys: dict, outputs: Outputs) -> BookJob:
    """The job that writes the whole book into one file at ``path``."""
    chapters = []
    for chapter in plan.chapters:
        pauses, gains = pauses_and_gains(chapter, keys[chapter.number])
        chapters.append(ChapterAudio(chapter.title, tuple(keys[chapter.number]), pauses, gains))
    return BookJob(path, plan.title, plan.author or UNKNOWN_AUTHOR, outputs.cover, tuple(chapters), outputs.profile,
                   plan.year)


def _synth_ended(run, sequences, failures, done, pending, blocks, cache) -> None:
    index = run.task.block
    if run.finished:
        synth.end(blocks[index], cache)
        done.add(index)
        return
    sequence = sequences[index]
    job = sequence[min(run.position, len(sequence) - 1)][0]
    failures[job.key] += 1
    if failures[job.key] > RETRIES:
        raise ClipFailed(job, run.error or "unknown failure")
    pending.appendleft(blocks[index])  # again from the cache's new state: a fresh engine replays it


def _write_ended(run, failures, results, ready, progress) -> None:
    job = run.task.job
    if run.finished:
        results[job.path] = run.result
        progress.chapter_done(job.path.name)
        return
    if run.fatal:
        raise (OutputError if run.fatal == "OutputError" else EngineError)(run.error)
    failures[job.path] += 1
    if failures[job.path] > RETRIES:
        raise EngineError(f"{job.path}: could not be written: {run.error}")
    ready.appendleft(job)
