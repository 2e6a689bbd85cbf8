"""Runs a render's work on every core: clip blocks first, the longest first, each chapter's
encoding (its file, and its part of a single-file book) as soon as all its clips exist, in
whatever order that happens, single-file books once every clip and every part exists; retries
for failed or hung workers."""
from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

from audiobook.errors import EngineError, OutputError
from audiobook.model import RenderPlan
from audiobook.render import blocks as clip_blocks
from audiobook.render.blocks import RETRIES, ClipBlock, ClipFailed, block_sequence
from audiobook.render.cache import ClipCache
from audiobook.render.engine import DEFAULT_ENGINE
from audiobook.render.progress import Progress
from audiobook.render.workers import EncodeTask, Supervisor, SynthTask


@dataclass
class Written:
    """What a render wrote."""

    chapters: list
    """What each chapter job returned, in chapter order (empty when none were asked for)."""
    books: list
    """What each single-file book job returned."""


def run(plan: RenderPlan, blocks: list[ClipBlock], cache: ClipCache, chapter_jobs: dict, book_jobs: list,
        jobs: int, progress: Progress, engine_spec: str = DEFAULT_ENGINE) -> Written:
    """Make the missing clips and run the output jobs: ``chapter_jobs`` by chapter number (each
    as soon as its chapter's clips exist), ``book_jobs`` once every clip exists and the parts
    their ``parts()`` give ((chapter number, job) pairs, run like chapter jobs) are done. A job
    has ``path``, ``write(cache_root)``, ``recall(cache)`` and ``partial_files(cache_root)``."""
    needed = needs(plan, blocks)
    order = [c.number for c in plan.chapters]
    parts: dict[int, list] = {n: [] for n in order}
    for book in book_jobs:
        for number, part in getattr(book, "parts", list)():
            parts[number].append(part)
    part_ids = {id(part) for jobs_of in parts.values() for part in jobs_of}
    progress.start(sum(len(block_sequence(b, cache)) for b in blocks), len(chapter_jobs) + len(book_jobs),
                   len(part_ids))

    supervisor = Supervisor(jobs, cache.root, engine_spec,
                            on_event=lambda kind, run, detail: progress.clip_done() if kind == "done" else None)
    pending = deque(longest_first(blocks))
    done: set[int] = set()
    ready: deque = deque()
    waiting = list(order)  # chapters whose output cannot start yet
    sequences: dict[int, list] = {}
    failures: Counter = Counter()
    results: dict = {}

    try:
        books_started = False
        while pending or ready or supervisor.running or not books_started:
            for number in [n for n in waiting if needed[n] <= done]:  # every clip it uses exists
                waiting.remove(number)
                if chapter_jobs:
                    ready.append(chapter_jobs[number])
                ready.extend(parts[number])
            if not waiting and not part_ids and not books_started:  # every clip and part exists
                ready.extend(book_jobs)
                books_started = True
            while supervisor.free_slots() > 0 and (ready or pending):
                if ready:  # writing first: it frees finished output soonest
                    job = ready.popleft()
                    unchanged = job.recall(cache)
                    if unchanged is not None:
                        _job_done(job, unchanged, results, part_ids, progress)
                    else:
                        supervisor.start(EncodeTask(getattr(job, "label", job.path.name), job))
                    continue
                block = pending.popleft()
                sequence = block_sequence(block, cache)
                if not sequence:
                    done.add(block.index)
                    continue
                sequences[block.index] = sequence
                clip_blocks.begin(block, sequence, cache)
                supervisor.start(SynthTask(block.index, tuple(
                    (job.key, job.item.text, job.item.voice, store) for job, store in sequence)))
            if not supervisor.running:
                continue
            for run in supervisor.poll():
                if isinstance(run.task, SynthTask):
                    _synth_ended(run, sequences, failures, done, pending, blocks, cache)
                else:
                    _write_ended(run, failures, results, part_ids, ready, progress)
    finally:
        supervisor.stop_all()
        progress.finish()
    return Written([results[chapter_jobs[n].path] for n in order] if chapter_jobs else [],
                   [results[job.path] for job in book_jobs])


def longest_first(blocks: list[ClipBlock]) -> list[ClipBlock]:
    """The blocks in the order to speak them: the most text first, so that a render does not end
    on one core speaking a long chapter while the others wait. Each block is spoken by a fresh
    engine, so the order changes no byte of any clip."""
    return sorted(blocks, key=lambda b: (-sum(len(job.item.text) for job in b.jobs), b.index))


def needs(plan: RenderPlan, blocks: list[ClipBlock]) -> dict[int, set[int]]:
    """Chapter number -> the blocks whose clips its output uses: its own, and those that store a
    clip it shares with an earlier chapter (each clip is stored by its first block only)."""
    owner = {job.key: block.index for block in blocks for job in block.jobs if job.owner}
    out: dict[int, set[int]] = {c.number: set() for c in plan.chapters}
    for block in blocks:
        out[block.chapter].add(block.index)
        out[block.chapter].update(owner[job.key] for job in block.jobs if job.key in owner)
    return out


def _synth_ended(run, sequences, failures, done, pending, blocks, cache) -> None:
    index = run.task.block
    if run.finished:
        clip_blocks.end(blocks[index], cache)
        done.add(index)
        return
    sequence = sequences[index]
    job = sequence[min(run.position, len(sequence) - 1)][0]
    failures[job.key] += 1
    if failures[job.key] > RETRIES:
        raise ClipFailed(job, run.error or "unknown failure")
    pending.appendleft(blocks[index])  # again from the cache's new state: a fresh engine replays it


def _job_done(job, result, results, part_ids, progress) -> None:
    if id(job) in part_ids:  # a part of a book: its work is in the cache
        part_ids.discard(id(job))
        progress.part_done(job.label)
        return
    results[job.path] = result
    progress.chapter_done(job.path.name)


def _write_ended(run, failures, results, part_ids, ready, progress) -> None:
    job = run.task.job
    if run.finished:
        _job_done(job, run.result, results, part_ids, progress)
        return
    if run.fatal:
        raise (OutputError if run.fatal == "OutputError" else EngineError)(run.error)
    failures[id(job)] += 1
    if failures[id(job)] > RETRIES:
        raise EngineError(f"{job.path}: could not be written: {run.error}")
    ready.appendleft(job)
