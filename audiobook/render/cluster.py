"""A render's work on a Dask cluster: ``--cluster tcp://HOST:8786``.

The same work as ``schedule.run``, in the same shape: clip blocks first, each chapter's output
as soon as its clips exist, single-file books last. Blocks go to the cluster's workers
(``remote.synth_block``: a fresh engine per block, in a child process), and so do the MP3
stretches of each output job (the ``offload`` the pipeline hands in). Everything a worker makes
comes back as bytes into the client's cache, so a rerun resumes from it; the output files are
written by the client alone, atomically, as a local render writes them. Dask itself retries a
task whose worker died, on another worker; a block spoken again gives the same bytes.

Only this module imports Dask, and only a render with ``--cluster`` imports this module.
"""
from __future__ import annotations

import logging
import warnings
from concurrent.futures import CancelledError
from typing import Callable, Optional

from audiobook.errors import ClusterError, EngineError, OutputError
from audiobook.model import Clip, RenderPlan
from audiobook.render import blocks as clip_blocks
from audiobook.render.blocks import RETRIES, ClipBlock, ClipFailed, block_sequence
from audiobook.render.cache import ClipCache
from audiobook.render.progress import Progress
from audiobook.render.remote import BlockFailed, engine_spec, synth_block
from audiobook.render.schedule import Written

try:
    import dask
    from dask.utils import parse_timedelta
    from distributed import Client, as_completed
except ImportError:  # reported when a render asks for a cluster
    Client = None

#: Seconds to wait for the scheduler (to connect, or to reconnect once lost) at the most; less
#: when Dask's own ``distributed.comm.timeouts.connect`` says so.
CONNECT_TIMEOUT = 10

#: Open clients by scheduler address: a batch of books shares one connection.
_clients: dict = {}


def connect(address: str) -> "Client":
    """A Dask client of the scheduler at ``address``; ClusterError if Dask is missing or the
    scheduler cannot be reached."""
    if Client is None:
        raise ClusterError("--cluster needs Dask on this machine: pip install 'audiobook[dask]'")
    # Dask logs a lost connection as tracebacks; the render reports it in one line of its own.
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    client = _clients.get(address)
    if client is not None and client.status == "running":
        return client
    try:
        timeout = min(CONNECT_TIMEOUT, parse_timedelta(dask.config.get("distributed.comm.timeouts.connect")))
        # Results come straight from the workers, not through the scheduler (a book is gigabytes).
        client = Client(address, timeout=timeout, set_as_default=False, direct_to_workers=True)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}; start one with `dask scheduler` "
                           "or check the address") from exc
    _clients[address] = client
    return client


def close_all() -> None:
    """Close every client this process opened."""
    while _clients:
        _address, client = _clients.popitem()
        try:
            client.close()
        except Exception:  # it may be gone already: nothing left to close
            pass


def run(address: str, plan: RenderPlan, blocks: list[ClipBlock], cache: ClipCache, chapter_jobs: dict,
        book_jobs: list, progress: Progress, spec: str, engine, offload: Callable) -> Written:
    """Make the missing clips and run the output jobs on the cluster at ``address`` (arguments
    as ``schedule.run``; ``offload(job, cache, made)`` gives a job's remote part, or None, given
    the keys of the clips made on the cluster in this run)."""
    client = connect(address)
    try:
        return _Render(client, plan, blocks, cache, chapter_jobs, book_jobs, progress,
                       engine_spec(spec, engine, {job.item.voice.voice for b in blocks for job in b.jobs}),
                       offload).run()
    except (CancelledError, OSError, TimeoutError) as exc:
        if client.status == "running":
            raise
        close_all()
        raise ClusterError(f"lost the Dask scheduler at {address}; what was made is in the cache: "
                           "run the same command again to resume") from exc


class _Render:
    """One render's futures, and what to do as each completes."""

    def __init__(self, client, plan, blocks, cache, chapter_jobs, book_jobs, progress, spec, offload):
        self.client, self.blocks, self.cache, self.progress = client, blocks, cache, progress
        self.chapter_jobs, self.book_jobs, self.spec, self.offload = chapter_jobs, book_jobs, spec, offload
        self.order = [c.number for c in plan.chapters]
        self.by_chapter: dict[int, list[int]] = {n: [] for n in self.order}
        for block in blocks:
            self.by_chapter[block.chapter].append(block.index)
        self.done: set[int] = set()
        self.next_chapter = 0
        self.results: dict = {}
        self.pending = as_completed(loop=client.loop)
        self.what: dict = {}
        self.made: dict = {}  # block index -> its future, kept so encoding tasks take its clips on the workers
        self.made_by: dict = {}  # clip key -> index of the block that makes it in this run

    def run(self) -> Written:
        sequences = {b.index: block_sequence(b, self.cache) for b in self.blocks}
        self.progress.start(sum(len(s) for s in sequences.values()), len(self.chapter_jobs) + len(self.book_jobs))
        try:
            for block in self.blocks:
                sequence = sequences[block.index]
                if not sequence:
                    self.done.add(block.index)
                    continue
                clip_blocks.begin(block, sequence, self.cache)
                task = tuple((job.key, job.item.text, job.item.voice, store) for job, store in sequence)
                self.made[block.index] = self._submit(("synth", block, sequence), synth_block, self.spec, task)
                self.made_by.update((job.key, block.index) for job, store in sequence if store)
            self._release()
            for future in self.pending:
                kind, *detail = self.what.pop(future)
                if kind == "synth":
                    self._synth_ended(future, *detail)
                else:
                    self._encode_ended(future, *detail)
                self._release()
        finally:
            for future in [*self.what, *self.made.values()]:
                future.cancel()
            self.progress.finish()
        return Written([self.results[self.chapter_jobs[n].path] for n in self.order] if self.chapter_jobs else [],
                       [self.results[job.path] for job in self.book_jobs])

    def _submit(self, what: tuple, function, *args):
        with warnings.catch_warnings():
            # An output job carries its clips to the worker (workers do not share the client's
            # disk), which Dask takes for a mistake in building a graph; here it is the point.
            warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
            future = self.client.submit(function, *args, pure=False, retries=RETRIES)
        self.what[future] = what
        self.pending.add(future)
        return future

    def _synth_ended(self, future, block: ClipBlock, sequence: list) -> None:
        error = _error(future)
        if error is not None:
            if isinstance(error, BlockFailed) and error.position >= 0:
                raise ClipFailed(sequence[error.position][0], error.message)
            raise EngineError(f"chapter {block.chapter}: a worker failed: {error}")
        for key, pcm, rate in future.result():
            self.cache.put(key, Clip(pcm=pcm, sample_rate=rate))
        clip_blocks.end(block, self.cache)
        self.done.add(block.index)
        for _ in sequence:
            self.progress.clip_done()

    def _release(self) -> None:
        """Start the output jobs whose clips all exist, in chapter order."""
        while self.next_chapter < len(self.order) and all(
                i in self.done for i in self.by_chapter[self.order[self.next_chapter]]):
            if self.chapter_jobs:
                self._start(self.chapter_jobs[self.order[self.next_chapter]])
            self.next_chapter += 1
        if self.next_chapter == len(self.order):  # every clip exists: the single-file books can start
            self.next_chapter += 1
            for job in self.book_jobs:
                self._start(job)

    def _start(self, job) -> None:
        unchanged = job.recall(self.cache)
        if unchanged is not None:
            self._written(job, unchanged)
            return
        work: Optional[object] = self.offload(job, self.cache, frozenset(self.made_by))
        if work is None:  # nothing to encode remotely: the client writes it now
            self._written(job, job.write(self.cache.root))
        else:  # clips made in this run go from worker to worker, not through the client again
            blocks = sorted({self.made_by[key] for key in work.needs})
            self._submit(("encode", job, work), work.function, *work.args, *(self.made[i] for i in blocks))

    def _encode_ended(self, future, job, work) -> None:
        error = _error(future)
        if error is not None:
            raise OutputError(f"{job.path}: could not be encoded on the cluster: {error}")
        work.store(future.result(), self.cache)
        self._written(job, job.write(self.cache.root))

    def _written(self, job, result) -> None:
        self.results[job.path] = result
        self.progress.chapter_done(job.path.name)


def _error(future) -> Optional[BaseException]:
    """The exception a finished future holds, or None; a lost scheduler raises."""
    if future.status == "error":
        return future.exception()
    if future.status == "cancelled":
        raise CancelledError(future.key)
    return None

