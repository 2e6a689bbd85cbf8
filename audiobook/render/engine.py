"""What the render stage needs of a speech engine, and how a worker process builds one.

An engine turns (text, voice settings) into a Clip. The scheduler, the cache and the levelling
know engines only through this interface, so another engine can stand beside the pyttsx3 one
(``espeak.py``) without touching them.
"""
from __future__ import annotations

import importlib
from urllib.parse import quote, unquote
from typing import Optional, Protocol, runtime_checkable

from audiobook.model import Clip, VoiceSettings

#: How the engine is built in a worker: "module:callable" returning a SpeechEngine.
DEFAULT_ENGINE = "audiobook.render.engines:Engines"


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
    """Build the engine named by ``spec``: ``module:callable``, optionally with keyword
    arguments as ``?key=value&key=value`` (strings), so a worker process can rebuild it."""
    target, _, query = spec.partition("?")
    module, _, name = target.partition(":")
    options = dict(part.split("=", 1) for part in query.split("&") if "=" in part)
    return getattr(importlib.import_module(module), name)(**{k: unquote(v) for k, v in options.items()})


def engine_spec(target: str, **options: str) -> str:
    """The spec ``load_engine`` rebuilds ``target(**options)`` from."""
    query = "&".join(f"{key}={quote(str(value), safe='')}" for key, value in options.items() if value is not None)
    return f"{target}?{query}" if query else target


def voice_identity(engine: SpeechEngine, voice: VoiceSettings) -> str:
    """What identifies the sound of ``voice`` on ``engine`` for the cache: the engine's own
    identity, or, for an engine with voices of its own (a neural voice's model file), the one
    it gives that voice."""
    per_voice = getattr(engine, "voice_identity", None)
    return per_voice(voice) if per_voice is not None else engine.identity


def book_voice_identity(engine: SpeechEngine, book: str, voice: VoiceSettings) -> str:
    """``voice_identity`` within the book ``book``: clips are never shared between books.

    espeak-ng's output for a clip shifts with what it spoke before, and a block speaks only the
    clips missing from the cache: were a sentence ("said Mara.") shared with another book, one
    book's bytes would depend on which books went into the same cache before it, or beside it.
    """
    return f"{voice_identity(engine, voice)}; book {book}"


def resolvable(engine: SpeechEngine, voice: str) -> bool:
    """Whether ``engine`` has the voice ``voice`` (as a person may type it), in working order."""
    from audiobook.errors import AudiobookError

    try:
        engine.resolve_voice(voice)
    except AudiobookError:
        return False
    return True
