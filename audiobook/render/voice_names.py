"""Voice names as people type them: an engine id (``gmw/en-us``), its last part (``en-us``), the
voice's name (``English (America)``) or a language code (``en``, ``fr-fr``), each optionally
with an espeak-ng variant after a plus sign (``en-us+f3``); and, for a name that is none of these,
the nearest voices by name and language rather than by spelling of ids."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from audiobook.errors import VoiceNotFound


@dataclass(frozen=True)
class EngineVoice:
    """A voice the engine reports."""

    id: str
    """Identifier to put in voices.yaml (``gmw/en-us`` on espeak-ng)."""
    name: str
    """Human name (``English (America)``)."""
    gender: Optional[str]
    """``male``/``female`` where the engine says."""
    languages: tuple[str, ...]
    """Language codes."""


@dataclass(frozen=True)
class Variant:
    """An espeak-ng voice variant, added to a voice with ``+`` (``gmw/en-us+f3``)."""

    name: str
    """As written after the plus sign."""
    gender: Optional[str]
    """``male``/``female`` where the variant's file says, else None."""


def resolve(text: str, voices: Sequence[EngineVoice], variants: Sequence[Variant], where: str) -> str:
    """The engine's own spelling of the voice ``text`` means; VoiceNotFound naming ``where``
    and the nearest voices (or variants) when it means none."""
    base, plus, variant = text.strip().partition("+")
    voice = find_voice(base, voices)
    if voice is None:
        hint = ", ".join(f"{v.id} ({v.name})" for v in nearest(base, voices)) or "gmw/en-us"
        raise VoiceNotFound(f"{where}: unknown voice {text!r}; did you mean {hint}? (audiobook voices lists them)")
    if not plus:
        return voice.id
    known = {v.name.lower(): v.name for v in variants}
    if variant.lower() not in known:
        near = difflib.get_close_matches(variant.lower(), list(known), n=3, cutoff=0.3)
        hint = ", ".join(f"{voice.id}+{known[n]}" for n in near) or f"{voice.id}+f3"
        raise VoiceNotFound(f"{where}: unknown voice variant {variant!r} in {text!r}; did you mean {hint}?")
    return f"{voice.id}+{known[variant.lower()]}"


def find_voice(text: str, voices: Sequence[EngineVoice]) -> Optional[EngineVoice]:
    """The voice ``text`` names by id, last part of the id, name, or language code; else None."""
    key = text.strip().lower()
    for match in (lambda v: v.id.lower() == key, lambda v: v.id.lower().rpartition("/")[2] == key,
                  lambda v: v.name.lower() == key, lambda v: key in (code.lower() for code in v.languages),
                  lambda v: any(code.lower().split("-")[0] == key for code in v.languages)):
        found = [v for v in voices if match(v)]
        if found:
            return min(found, key=lambda v: (len(v.id), v.id))  # "en" is gmw/en before gmw/en-us
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def nearest(text: str, voices: Sequence[EngineVoice], n: int = 3) -> list[EngineVoice]:
    """The voices most like ``text``: an id spelt nearly right (``gmw/en-uss``), or the words of
    their names and their language codes ("english" finds the English voices)."""
    query = text.strip().lower()
    words = [w for w in _words(query) if len(w) >= 3]  # "en", "gmw" are in too many ids to tell
    if not query:
        return []

    def score(v: EngineVoice) -> float:
        whole = max(difflib.SequenceMatcher(None, query, form).ratio()
                    for form in (v.id.lower(), v.id.lower().rpartition("/")[2], v.name.lower()))
        names = _words(v.name) + [c.lower() for c in v.languages]
        by_word = 0.0
        for w in words:
            for name in names:
                by_word = max(by_word, 1.0 if name.startswith(w) else difflib.SequenceMatcher(None, w, name).ratio())
        first = _words(v.name)[:1]
        return max(whole, by_word) + (0.1 if first and first[0] in words else 0.0)  # English (...) first

    scored = sorted(((score(v), len(v.id), v.id, v) for v in voices), key=lambda t: (-t[0], t[1], t[2]))
    return [v for s, _, _, v in scored[:n] if s >= 0.6]


def in_language(lang: str, voices: Sequence[EngineVoice]) -> list[EngineVoice]:
    """Voices whose language or id starts with ``lang`` (``en``, ``de-ch``), sorted by id."""
    prefix = lang.lower()
    return sorted((v for v in voices if any(code.lower().startswith(prefix) for code in v.languages)
                   or v.id.lower().rpartition("/")[2].startswith(prefix)), key=lambda v: v.id)
