"""What the render stage needs of a speech engine, and how a worker process builds one.

An engine turns (text, voice settings) into a Clip. The scheduler, the cache and the levelling
know engines only through this interface, so another engine can stand beside the pyttsx3 one
(``espeak.py``) without touching them.
"""
from __future__ import annotations

import importlib
from typing import Optional, Protocol, runtime_checkable

from audiobook.model import Clip, VoiceSettings

#: How the engine is built in a worker: "module:callable" returning a SpeechEngine.
DEFAULT_ENGINE = "audiobook.render.espeak:Pyttsx3Engine"


@runtime_checkable
class SpeechEngine(Protocol):
    """A speech engine as the render stage uses it."""

    @property
    def identity(self) -> str:
        """Names the engine and its version: part of every clip's cache key, so clips made by
        another engine or version are never reused."""

    def resolve_voice(self, voice: str, where: str = "voice") -> str:
        """The engine's id for ``voice`` as a person may type it; VoiceNotFound, naming ``where``
        and the nearest voices, if the engine has no such voice."""

    def synthesize(self, text: str, settings: VoiceSettings, timeout: Optional[float] = None) -> Clip:
        """Speak ``text`` with ``settings``; the samples as a Clip. Raises EngineError on failure."""


def load_engine(spec: str = DEFAULT_ENGINE) -> SpeechEngine:
    """Build the engine named by ``spec`` (``module:callable``)."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)()
