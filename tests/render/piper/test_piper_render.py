"""A book read by a Piper narrator and espeak-ng characters, rendered on worker processes."""
from __future__ import annotations

import hashlib
import subprocess
import sys

import numpy as np
import pytest

from audio import decode, rms_db
from conftest import SAMPLE
from piper_fixtures import joe_paths

VOICES = """\
narrator: {voice: piper:en_US-joe-medium, rate: 170}
characters:
  Mara Quill: {voice: en-us+f3, aliases: [Mara, Miss Quill]}
  Mr. Okafor: en-gb-scotland+m3
"""


def render(tmp_path, name):
    """A render as a person runs it: a process of its own (espeak-ng's output depends slightly on
    what the same process spoke before, so two renders in one process may level a hair apart)."""
    voices = tmp_path / "voices.yaml"
    voices.write_text(VOICES, encoding="utf-8")
    out = tmp_path / name
    done = subprocess.run([sys.executable, "-m", "audiobook", "render", str(SAMPLE), "-o", str(out), "--voices",
                           str(voices), "--chapters", "1", "-j", "2", "-q"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    [mp3] = sorted((out / "the-lamplighters").glob("01 - *.mp3"))
    return mp3


@pytest.mark.engine
def test_a_piper_narrated_chapter_renders_the_same_bytes_twice(tmp_path):
    joe_paths()
    first, second = render(tmp_path, "a"), render(tmp_path, "b")  # each with a cache of its own
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()
    x, rate = decode(first)
    assert len(x) / rate > 60  # the chapter's ~800 words at 170 words a minute, and pauses
    frames = x[: len(x) // rate * rate].reshape(-1, rate)
    loud = np.array([rms_db(f) for f in frames])
    assert (loud > -35).mean() > 0.6  # speech most of the time, not silence or noise
    assert -23 <= rms_db(x) <= -17
