"""The user's seed stories, scored by ../shared/tools/score-script against their gold files."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from parser_helpers import needs_shared

#: The CLI through the running interpreter, so the test uses this checkout whatever is on PATH.
RUN = f"{sys.executable} -c 'from audiobook.cli import main; main()' script {{input}} --format json"

SEEDS = [
    # (seed, min attribution, min quotes found, min coverage)
    ("001_fa39482da39082b2", 1.0, 1.0, 1.0),
    ("000_1ac1bf46f35e5340", 1.0, 1.0, 1.0),
]


@pytest.mark.parametrize("seed,attribution,quotes,coverage", SEEDS)
def test_seed_scores(seed, attribution, quotes, coverage):
    tool = needs_shared("tools", "score-script")
    gold = needs_shared("seeds", f"{seed}.gold.json")
    proc = subprocess.run(
        [sys.executable, str(tool), str(gold), "--run", RUN, "--min-attribution", str(attribution),
         "--min-quotes", str(quotes), "--min-coverage", str(coverage)],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0, proc.stdout + proc.stderr
