"""Runs a render's work on every core: clip blocks first, each chapter's encoding as soon as
all its clips exist, retries for failed or hung workers."""
from __future__ import annotations

from collections import Counter, deque
from pathlib import Path

from audiobook import synth
from audiobook.cache import ClipCache
from audiobook.errors import EngineError, OutputError
from audiobook.model import ChapterFile, RenderPlan
from audiobook.output import encode_job, job_hash
from audiobook.progress import Progress
from audiobook.synth import RETRIES, Block, ClipFailed, block_sequence, chapter_keys
from audiobook.workers import DEFAULT_ENGINE, EncodeTask, Supervisor, SynthTask


def run(plan: RenderPlan, blocks: list[Block], cache: ClipCache, folder: Path, engine_id: str,
        jobs: int, progress: Progress, engine_spec: str = DEFAULT_ENGINE) -> list[ChapterFile]:
    """Make the missing clips and write every chapter of ``plan``; return the files in order."""
    by_chapter: dict[int, list[int]] = {c.number: [] for c in plan.chapters}
    for block in blocks:
        by_chapter[block.chapter].append(block.index)
    chapters = {c.number: c for c in plan.chapters}
    order = [c.number for c in plan.chapters]
    progress.start(sum(len(block_sequence(b, cache)) for b in blocks), len(order))

    supervisor = Supervisor(jobs, cache.root, engine_spec,
                            on_event=lambda kind, run, detail: progress.clip_done() if kind == "done" else None)
    pending = deque(blocks)
    done: set[int] = set()
    ready: deque[int] = deque()
    next_chapter = 0
    sequences: dict[int, list] = {}
    failures: Counter = Counter()
    files: dict[int, ChapterFile] = {}

    try:
        while pending or ready or supervisor.running or next_chapter < len(order):
            while next_chapter < len(order) and all(i in done for i in by_chapter[order[next_chapter]]):
                ready.append(order[next_chapter])
                next_chapter += 1
            while supervisor.free_slots() > 0 and (ready or pending):
                if ready:  # encoding first: it frees the chapter's output soonest
                    number = ready.popleft()
                    job = encode_job(folder, plan, chapters[number], chapter_keys(chapters[number], engine_id))
                    unchanged = cache.recall_chapter(job_hash(job))
                    if unchanged is not None:
                        files[number] = unchanged
                        progress.chapter_done(unchanged.title)
                    else:
                        supervisor.start(EncodeTask(number, job))
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
                    _encode_ended(run, failures, files, ready, progress)
    finally:
        supervisor.stop_all()
        progress.finish()
    return [files[n] for n in order]


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


def _encode_ended(run, failures, files, ready, progress) -> None:
    number = run.task.chapter
    if run.finished:
        files[number] = run.result
        progress.chapter_done(run.result.title)
        return
    if run.fatal:
        raise (OutputError if run.fatal == "OutputError" else EngineError)(run.error)
    failures[("chapter", number)] += 1
    if failures[("chapter", number)] > RETRIES:
        raise EngineError(f"{run.task.job.path}: chapter {number} could not be encoded: {run.error}")
    ready.appendleft(number)
