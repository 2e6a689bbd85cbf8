"""Interrupted renders, with the real engine: nothing half-written, and a rerun gives the same bytes."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

NAMES = ["Ada", "Bram", "Cora"]
LINES = ["Did you see the lights on the river tonight?", "I counted eleven of them, all in a row.",
         "Nobody believes me when I tell them that.", "Then we shall have to go and look again.",
         "The fog will be down before the bells ring.", "Bring the small lantern and the matches."]


def long_story(path, chapters=6, paragraphs=60):
    rng = random.Random(7)
    out = ["The River Book", ""]
    for n in range(1, chapters + 1):
        out += [f"Chapter {n}", ""]
        for i in range(paragraphs):
            name = NAMES[(i + n) % 3]
            out += [f'"{rng.choice(LINES)} {rng.choice(LINES)}" said {name}. It was paragraph {i} of chapter {n}.', ""]
    path.write_text("\n".join(out), encoding="utf-8")


def render_cmd(story, out):
    # every format: the M4B's AAC stretches are cached and joined like the MP3's
    return [sys.executable, "-m", "audiobook", "render", str(story), "-o", str(out), "-q", "--jobs", "2",
            "--format", "all"]


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def clips_in(cache):
    return sum(1 for _ in (cache / "clips").rglob("*.clip")) if (cache / "clips").exists() else 0


# The story is long enough (some 700 clips) that a render stopped after its first 40 clips is
# nowhere near done, however busy the machine.


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_render_resumes_to_identical_files(tmp_path, sig):
    story = tmp_path / "river.txt"
    long_story(story)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    whole = subprocess.run(render_cmd(story, tmp_path / "whole"), env=env, capture_output=True, text=True, timeout=300)
    assert whole.returncode == 0, whole.stderr
    expected = files(tmp_path / "whole" / "the-river-book")

    out = tmp_path / "cut"
    # Ctrl-C as a terminal gives it: a test run started in the background (where the shell
    # ignores SIGINT for it and its children) must not make the render deaf to it.
    proc = subprocess.Popen(render_cmd(story, out), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while clips_in(out / ".audiobook-cache") < 40 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    assert proc.poll() is None, "the render finished before it could be interrupted"
    proc.send_signal(sig)
    stderr = proc.communicate(timeout=60)[1].decode()
    assert "Traceback" not in stderr
    book = out / "the-river-book"
    partial = files(book) if book.exists() else {}
    assert all(expected.get(name) == data for name, data in partial.items()), "a half-written file was left"
    assert len(partial) < len(expected)

    again = subprocess.run(render_cmd(story, out), env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert files(book) == expected


def test_a_book_rendered_after_another_into_the_same_cache_is_unchanged(tmp_path):
    """Regression: clips were shared between books, so a chapter whose sentence ("said Ada.")
    another book had stored first skipped it, and espeak-ng, whose output shifts with what it
    spoke before, gave the rest of that chapter other bytes than the book rendered alone."""
    story = tmp_path / "river.txt"
    long_story(story, chapters=2, paragraphs=12)
    other = tmp_path / "other.txt"
    other.write_text('The Other Book\n\nChapter 1\n\n"Nobody believes me when I tell them that." said Ada.\n',
                     encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    alone = tmp_path / "alone"
    assert subprocess.run(render_cmd(story, alone)[:-2], env=env, timeout=300).returncode == 0
    shared = tmp_path / "shared"
    for book in (other, story):
        assert subprocess.run(render_cmd(book, shared)[:-2], env=env, timeout=300).returncode == 0
    assert files(shared / "the-river-book") == files(alone / "the-river-book")
