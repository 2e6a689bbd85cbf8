"""The project's sample story, input/the-lamplighters.txt, against its hand-annotated gold file
(tests/data/the-lamplighters.gold.json: every quotation and its true speaker)."""
from __future__ import annotations

import os
import subprocess
import sys

from parser_helpers import REPO, needs_shared
from test_seeds import RUN

GOLD = REPO / "tests" / "data" / "the-lamplighters.gold.json"
STORY = REPO / "input" / "the-lamplighters.txt"


def test_sample_story_is_attributed_right(tmp_path):
    tool = needs_shared("tools", "score-script")
    os.symlink(STORY, tmp_path / STORY.name)
    (tmp_path / GOLD.name).write_text(GOLD.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(tool), str(tmp_path / GOLD.name), "--run", RUN,
         "--min-attribution", "1.0", "--min-quotes", "1.0", "--min-coverage", "1.0"],
        capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
