"""Progress: a bar with an ETA on a terminal, plain lines otherwise, silence with -q."""
from __future__ import annotations

import io

from audiobook.render.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def drive(progress):
    progress.start(4, 2)
    for _ in range(4):
        progress.clip_done()
    progress.chapter_done("One")
    progress.chapter_done("Two")
    progress.finish()


def test_terminal_gets_a_bar_with_eta():
    stream = Terminal()
    drive(Progress(stream))
    text = stream.getvalue()
    assert "\r[" in text and "clips 4/4" in text and "files 2/2" in text and "ETA 0:00" in text


def test_a_pipe_gets_plain_lines():
    stream = io.StringIO()
    drive(Progress(stream))
    lines = stream.getvalue().splitlines()
    assert lines[0] == "4 clips to synthesize, 2 files to write"
    assert "file 1/2 written: One" in lines and "file 2/2 written: Two" in lines
    assert "\r" not in stream.getvalue()


def test_quiet_prints_nothing():
    stream = Terminal()
    drive(Progress(stream, quiet=True))
    assert stream.getvalue() == ""


def test_eta_from_the_share_done():
    progress = Progress(io.StringIO())
    progress.start(10, 0)
    assert progress.eta() is None
    progress._start -= 10  # ten seconds ago
    for _ in range(5):
        progress.clip_done()
    assert 9 < progress.eta() < 11


def test_parts_of_a_single_file_book_are_counted_and_shown():
    stream = io.StringIO()
    progress = Progress(stream)
    progress.start(2, 1, 3)
    progress.part_done("b.m4b: AAC of chapter 1")
    lines = stream.getvalue().splitlines()
    assert lines == ["2 clips to synthesize, 1 files to write, 3 parts to encode for them",
                     "encoded 1/3: b.m4b: AAC of chapter 1"]
    terminal = Terminal()
    bar = Progress(terminal)
    bar.start(2, 1, 3)
    bar.part_done("b.m4b: AAC of chapter 1")
    assert "files 0/1  encoded 1/3" in terminal.getvalue() and "[#####....." in terminal.getvalue()
