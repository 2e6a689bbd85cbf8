"""Shared fixtures: the real speech engine (one per test process), paths to the sample and shared data."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "input" / "the-lamplighters.txt"
VOICES = ROOT / "voices.yaml"
SHARED = ROOT.parent / "shared"

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def engine():
    """The real pyttsx3 engine; espeak-ng can be started only once per process."""
    from audiobook.render.espeak import Pyttsx3Engine

    return Pyttsx3Engine()
