"""Worker processes: synthesis of clip blocks and encoding of chapters, on every core.

Each task runs in a process of its own, started from a fork server (or spawned where there is
none) before any engine exists in it: espeak-ng keeps state from clip to clip, so a block of
clips is always synthesized by a fresh engine, and a fork never copies a running engine.
The supervisor watches every worker; one that stops reporting progress is killed and its
task run again, up to a limit, and then the render fails naming the clip.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Optional, Union

from audiobook.render.engine import DEFAULT_ENGINE, load_engine

#: Seconds a worker may go without reporting before it is taken for hung: at least this...
STALL_BASE = 30.0
#: ...plus this per character of the clip being made.
STALL_PER_CHAR = 0.05


@dataclass(frozen=True)
class SynthTask:
    """Synthesize ``sequence`` in order with a fresh engine, storing the clips marked to store."""

    block: int
    """Index of the block in the book."""
    sequence: tuple
    """(key, text, VoiceSettings, store) tuples, in the order they are spoken."""


@dataclass(frozen=True)
class EncodeTask:
    """Write one output file (a chapter, or a whole single-file book) from the clip cache."""

    name: str
    """What it writes, for messages."""
    job: object
    """A job with ``write(cache_root)`` and ``partial_files(cache_root)``: an output
    ``chapters.EncodeJob`` or ``books.BookJob``."""


Task = Union[SynthTask, EncodeTask]


@dataclass
class Running:
    """A task in a worker process, as the supervisor sees it."""

    task: Task
    process: multiprocessing.Process
    conn: Connection
    last_report: float
    position: int = 0
    finished: bool = False
    result: object = None
    error: Optional[str] = None
    fatal: Optional[str] = None


def preloaded() -> list[str]:
    """What the fork server imports once, so that no worker imports it again: our modules the
    workers use (importing them loads no engine) and PyAV (some 70 ms a worker: an M4B's AAC is
    encoded in many short jobs). And the CLI when the program is the `audiobook` command: every
    worker runs the program's main script again before it starts (Python 3.11's fork server
    never preloads "__main__": it looks for the script under a key other than the one it is
    stored under), and that script imports the whole CLI, some 180 ms of CPU a worker, 15 s
    over the 83 AAC jobs of a novel's M4B. A program that does not use the CLI (a library
    caller, ``python -m audiobook``, whose workers skip the main module) does not load it."""
    names = ["audiobook.render.workers", "audiobook.output.books", "audiobook.render.engines", "av"]
    main = sys.modules.get("__main__")
    if "audiobook.cli" in sys.modules and main is not None and getattr(main, "__spec__", None) is None:
        names.insert(0, "audiobook.cli")
    return names


def context():
    """The process start method: a fork server where there is one, else spawn (never a plain fork)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(preloaded())
        return ctx
    return multiprocessing.get_context("spawn")


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker if the render process dies (even by kill -9)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _run_worker(body, args) -> None:
    """Run a worker body; if the render process is gone (its pipe broken), just stop."""
    _die_with_parent()
    try:
        body(*args)
    except (BrokenPipeError, EOFError, ConnectionError):
        os._exit(1)


def _synth_worker(conn: Connection, engine_spec: str, cache_root: str, task: SynthTask) -> None:
    """Worker body: one fresh engine, the block's clips in order, a report after each."""
    from audiobook.errors import AudiobookError
    from audiobook.render.cache import ClipCache

    try:
        engine = load_engine(engine_spec)
        cache = ClipCache(Path(cache_root))
        for index, (key, text, voice, store) in enumerate(task.sequence):
            try:
                clip = engine.synthesize(text, voice)
            except AudiobookError as exc:
                conn.send(("failed", index, str(exc)))
                return
            if not clip.pcm:
                conn.send(("failed", index, "the engine returned no audio"))
                return
            if store:
                cache.put(key, clip)
            conn.send(("done", index))
        conn.send(("finished", None))
    except Exception as exc:  # anything else: report it rather than die silently
        conn.send(("failed", -1, f"{type(exc).__name__}: {exc}"))


def _encode_worker(conn: Connection, cache_root: str, task: EncodeTask) -> None:
    """Worker body: stream the cached audio of one output file into it."""
    from audiobook.errors import AudiobookError

    try:
        conn.send(("finished", task.job.write(Path(cache_root))))
    except AudiobookError as exc:  # not worth a retry (a full disk, a folder that went away)
        conn.send(("fatal", type(exc).__name__, str(exc)))
    except Exception as exc:
        conn.send(("failed", -1, f"{type(exc).__name__}: {exc}"))


def synth_worker(*args) -> None:
    """Worker entry for a SynthTask."""
    _run_worker(_synth_worker, args)


def encode_worker(*args) -> None:
    """Worker entry for an EncodeTask."""
    _run_worker(_encode_worker, args)


@dataclass
class Supervisor:
    """Runs tasks on ``jobs`` worker processes and reports what happens to ``on_event``."""

    jobs: int
    cache_root: Path
    engine_spec: str = DEFAULT_ENGINE
    on_event: Callable[[str, Running, object], None] = lambda kind, run, detail: None
    running: list[Running] = field(default_factory=list)

    def __post_init__(self):
        self._ctx = context()

    def start(self, task: Task) -> Running:
        parent, child = self._ctx.Pipe(duplex=False)
        if isinstance(task, SynthTask):
            target, args = synth_worker, (child, self.engine_spec, str(self.cache_root), task)
        else:
            target, args = encode_worker, (child, str(self.cache_root), task)
        process = self._ctx.Process(target=target, args=args, daemon=True)
        process.start()
        child.close()
        run = Running(task, process, parent, time.monotonic())
        self.running.append(run)
        return run

    def free_slots(self) -> int:
        return self.jobs - len(self.running)

    def poll(self, timeout: float = 0.5) -> list[Running]:
        """Wait for reports; return the tasks that ended (finished, or ``error`` set)."""
        ended = []
        ready = wait([r.conn for r in self.running], timeout=timeout) if self.running else []
        for run in list(self.running):
            if run.conn in ready:
                self._read(run)
            elif self._stalled(run):
                run.error = f"the worker made no progress for {self._allowance(run):.0f} s and was stopped"
            if run.finished or run.error:
                self._end(run)
                ended.append(run)
        return ended

    def _read(self, run: Running) -> None:
        try:
            while run.conn.poll():
                kind, *detail = run.conn.recv()
                run.last_report = time.monotonic()
                if kind == "done":
                    run.position = detail[0] + 1
                    self.on_event("done", run, detail[0])
                elif kind == "finished":
                    run.finished, run.result = True, detail[0]
                elif kind == "failed":
                    if detail[0] >= 0:
                        run.position = detail[0]
                    run.error = detail[1]
                elif kind == "fatal":
                    run.fatal, run.error = detail
        except (EOFError, OSError):
            if not run.finished and not run.error:
                run.process.join(1)
                run.error = f"the worker stopped unexpectedly (exit code {run.process.exitcode})"

    def _allowance(self, run: Running) -> float:
        if isinstance(run.task, SynthTask) and run.position < len(run.task.sequence):
            return STALL_BASE + STALL_PER_CHAR * len(run.task.sequence[run.position][1])
        return STALL_BASE * 10

    def _stalled(self, run: Running) -> bool:
        return time.monotonic() - run.last_report > self._allowance(run)

    def _end(self, run: Running) -> None:
        if run.process.is_alive():
            run.process.kill()
            run.process.join(5)
            if isinstance(run.task, EncodeTask):  # it may have died half-way through a file
                for tmp in run.task.job.partial_files(self.cache_root):
                    tmp.unlink(missing_ok=True)
        run.process.join(5)
        run.conn.close()
        self.running.remove(run)

    def stop_all(self) -> None:
        """Kill every worker (on an error or an interrupt)."""
        for run in list(self.running):
            self._end(run)


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
