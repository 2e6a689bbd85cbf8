"""Each book of a batch rendered in a process of its own, its progress shown by the batch's display.

espeak-ng starts once per process and its output depends on what it spoke before, and a render
speaks in its own process too (each voice's levelling sentence): a book rendered after another in
the same process would come out a little different from the same book rendered alone. In a
fresh process each book gives the bytes a single `audiobook render` gives, and a crash in one
book (even a segmentation fault in the engine) is that book's failure, not the batch's.
"""
from __future__ import annotations

from multiprocessing.connection import Connection
from pathlib import Path
from typing import Callable

from audiobook import errors
from audiobook.errors import AudiobookError
from audiobook.render.progress import Progress
from audiobook.render.workers import context


class _Relay(Progress):
    """The child's progress, sent to the parent's display."""

    def __init__(self, conn: Connection):
        super().__init__(quiet=True)
        self.conn = conn

    def log(self, message: str) -> None:
        self.conn.send(("log", message))

    def start(self, clips: int, chapters: int, parts: int = 0) -> None:
        self.conn.send(("start", clips, chapters, parts))

    def clip_done(self) -> None:
        self.conn.send(("clip",))

    def chapter_done(self, title: str) -> None:
        self.conn.send(("file", title))

    def part_done(self, label: str) -> None:
        self.conn.send(("part", label))


def _child(conn: Connection, render: Callable, book: Path) -> None:
    """Child body: render ``book`` and send back the result, or the error as its class and message."""
    from audiobook.render.workers import _die_with_parent

    _die_with_parent()
    try:
        conn.send(("done", render(book, progress=_Relay(conn))))
    except AudiobookError as exc:
        conn.send(("error", type(exc).__name__, str(exc)))
    except Exception as exc:  # reported as the book's failure, like any other
        conn.send(("error", "AudiobookError", f"unexpected internal error ({type(exc).__name__}: {exc})"))
    finally:
        conn.close()


def render_in_child(render: Callable, book: Path, progress: Progress):
    """``render(book, progress=...)`` in a fresh process, showing its progress on ``progress``;
    returns what it returns, or raises its domain error again here."""
    ctx = context()
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(send, render, book), daemon=False)
    process.start()
    send.close()
    outcome = None
    try:
        while True:
            try:
                kind, *detail = receive.recv()
            except EOFError:
                break
            if kind == "start":
                progress.start(*detail)
            elif kind == "clip":
                progress.clip_done()
            elif kind == "file":
                progress.chapter_done(detail[0])
            elif kind == "part":
                progress.part_done(detail[0])
            elif kind == "log":
                progress.log(detail[0])
            else:
                outcome = (kind, *detail)
    finally:
        if outcome is None and process.is_alive():  # interrupted here: the book's workers go with it
            process.kill()
        process.join()
        receive.close()
    if outcome is None:
        raise AudiobookError(f"{book}: the render stopped unexpectedly (exit code {process.exitcode})")
    if outcome[0] == "error":
        raise getattr(errors, outcome[1], AudiobookError)(outcome[2])
    return outcome[1]
