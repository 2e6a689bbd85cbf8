"""Text to Piper phonemes with the espeak-ng library the project already loads, and phonemes to ids.

Piper voices are trained on espeak-ng IPA, one sentence per utterance, with the clause's
punctuation kept as a phoneme (``,`` ``.`` ``?`` ``!`` ``:`` ``;``) and the text decomposed
to Unicode NFD. Piper gets the punctuation from a patched espeak-ng call that reports each
clause's terminator; the espeak-ng 1.52 that ships in espeakng-loader has only
``espeak_TextToPhonemes``, so the terminator is read back from the source text instead:
``espeak_TextToPhonemes`` advances the text pointer past the clause it returns, and the
punctuation at the end of the consumed span is the clause's terminator.

espeak-ng is one global state per process and is shared with pyttsx3 (see ``SpeechEngine``).
Phonemization needs the library initialised but no audio output; when nobody has initialised
it yet, it has pyttsx3 do it as for its own first clip, so that espeak-ng is initialised once
in the process, the way pyttsx3 speaks through (espeak-ng 1.51 initialised twice never calls
pyttsx3 back again). Every call holds the lock espeak-ng synthesis holds too
(``audiobook.render.espeak.espeak_lock``), and sets the espeak voice it needs; SpeechEngine sets
its voice and parameters before every clip, so neither sees the other's voice, and the two never
run at once in one process.
"""
from __future__ import annotations

import ctypes
import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from audiobook.errors import EngineError

ESPEAK_CHARS_UTF8 = 1
PHONEMES_IPA = 0x02

PAD, BOS, EOS = "_", "^", "$"

#: Punctuation ending a sentence; each sentence is one inference.
SENTENCE_END = ".?!"
#: Punctuation ending a clause inside a sentence; Piper puts a space after it.
CLAUSE_END = ",:;"
#: Closing marks that may follow a terminator in the source (``"Why?" he asked``).
_CLOSERS = "\"'”’»)]}"
_LANGUAGE_FLAG = re.compile(r"\([^()]*\)")

#: English abbreviations after which espeak-ng ends a clause but a reader does not stop:
#: "Mr. Holmes" must not become a sentence "Mister." and another "Holmes".
ENGLISH_ABBREVIATIONS = frozenset(
    "mr mrs ms messrs mme mlle dr st mt jr sr prof capt col gen lt sgt cpl rev hon gov sen rep "
    "fr vol fig vs esq".split()
)

_library: Optional[ctypes.CDLL] = None


@dataclass(frozen=True)
class Clause:
    """One clause as espeak-ng returned it, with the terminator read from the source."""

    phonemes: str
    """IPA, NFD-decomposed, language-switch flags removed."""
    terminator: str
    """One of ``. ? ! , : ;``, ``…`` for an ellipsis, or "" when none was found."""
    source: str
    """The source text espeak-ng consumed for this clause (without its look-ahead character)."""


def _espeak_lock():
    from audiobook.render.espeak import espeak_lock

    return espeak_lock()


def _espeak() -> ctypes.CDLL:
    """The libespeak-ng pyttsx3 uses, initialised, with the prototypes this module calls."""
    global _library
    if _library is not None:
        return _library
    from audiobook.render.espeak import prepare_espeak

    prepare_espeak()
    try:
        # The very handle pyttsx3 speaks through, so both share one espeak-ng state.
        from pyttsx3.drivers import _espeak as pyttsx3_espeak
    except Exception as exc:  # pyttsx3 raises a bare exception when no library loads
        raise EngineError(
            f"cannot load espeak-ng for Piper phonemes ({exc}); install espeak-ng or pip install espeakng-loader"
        ) from exc
    lib = pyttsx3_espeak.dll
    lib.espeak_Info.argtypes = [ctypes.POINTER(ctypes.c_char_p)]
    lib.espeak_Info.restype = ctypes.c_char_p
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetVoiceByName.restype = ctypes.c_int
    lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
    lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
    if not espeak_initialized(lib):
        # pyttsx3 initialises espeak-ng, as it would for its own first clip: espeak-ng 1.51 (Debian
        # 12's) initialised a second time never calls pyttsx3's callback again, and every later
        # clip of the process hung.
        from audiobook.render.espeak import Pyttsx3Engine

        Pyttsx3Engine()
        if not espeak_initialized(lib):
            raise EngineError("espeak-ng failed to initialise for Piper phonemes; check ESPEAK_DATA_PATH")
    _library = lib
    return lib


def espeak_initialized(lib: ctypes.CDLL) -> bool:
    """Whether espeak-ng was initialised in this process (by anyone): its data path is set then."""
    path = ctypes.c_char_p()
    lib.espeak_Info(ctypes.byref(path))
    return bool(path.value)


def espeak_version() -> str:
    """The version of the espeak-ng that makes the phonemes (part of a clip's cache key)."""
    with _espeak_lock():
        return (_espeak().espeak_Info(None) or b"?").decode()


def _terminator(consumed: str, last: bool) -> tuple[str, str]:
    """(terminator, source) of a clause from the text espeak-ng consumed for it."""
    if not last and len(consumed) >= 2 and consumed[-2].isspace() and not consumed[-1].isspace():
        consumed = consumed[:-1]  # espeak-ng reads one character of the next clause
    tail = consumed.rstrip().rstrip(_CLOSERS).rstrip()
    if tail.endswith(("...", "…")):
        return "…", consumed
    mark = tail[-1:] if tail[-1:] and tail[-1] in SENTENCE_END + CLAUSE_END else ""
    return mark, consumed


def espeak_clauses(text: str, voice: str) -> list[Clause]:
    """Phonemize ``text`` with espeak-ng ``voice`` into clauses, in order. Raises EngineError."""
    data = text.encode("utf-8")
    clauses: list[Clause] = []
    with _espeak_lock():
        lib = _espeak()
        if lib.espeak_SetVoiceByName(voice.encode("utf-8")) != 0:
            raise EngineError(f"espeak-ng has no voice {voice!r} for Piper phonemes")
        buffer = ctypes.create_string_buffer(data)
        base = ctypes.addressof(buffer)
        pointer = ctypes.c_void_p(base)
        start = 0
        while pointer.value:
            result = lib.espeak_TextToPhonemes(ctypes.byref(pointer), ESPEAK_CHARS_UTF8, PHONEMES_IPA)
            end = pointer.value - base if pointer.value else len(data)
            consumed = data[start:end].decode("utf-8", errors="ignore")
            mark, source = _terminator(consumed, last=not pointer.value)
            # The look-ahead character belongs to the next clause's source.
            start += len(source.encode("utf-8"))
            phonemes = unicodedata.normalize("NFD", (result or b"").decode("utf-8", errors="replace"))
            phonemes = _LANGUAGE_FLAG.sub("", phonemes).strip()
            clauses.append(Clause(phonemes, mark, source))
    return clauses


def _is_abbreviation(source: str, voice: str) -> bool:
    """Whether a clause ending in '.' ends on an abbreviation rather than a sentence."""
    words = source.rstrip().rstrip(_CLOSERS).rstrip(".").split()
    if not words or not voice.lower().startswith("en"):
        return False
    word = words[-1].lstrip("\"'“‘(")
    if len(word) == 1 and word.isupper() and word != "I":
        return True  # an initial: "A. Conan Doyle"
    return word.lower() in ENGLISH_ABBREVIATIONS


def phonemize(text: str, voice: str) -> list[str]:
    """``text`` as Piper phoneme strings, one per sentence, with clause punctuation kept.

    Clauses ending in ``,`` ``:`` ``;`` keep the mark and a space; ``.`` ``?`` ``!`` end the
    sentence with the mark. An ellipsis, like a clause espeak-ng split without punctuation,
    joins the next clause with a space (Piper's own phonemizer adds no mark for it either).
    """
    sentences: list[str] = []
    current = ""
    for clause in espeak_clauses(text, voice):
        mark = clause.terminator
        if mark == "." and _is_abbreviation(clause.source, voice):
            mark = ""
        if clause.phonemes:
            if current and not current.endswith(" "):
                current += " "
            current += clause.phonemes
        if not current:
            continue
        if mark and mark in SENTENCE_END:
            sentences.append(current + mark)
            current = ""
        elif mark and mark in CLAUSE_END:
            current += mark + " "
        else:
            current += " "
    if current.strip():
        sentences.append(current.rstrip())
    return sentences


def phoneme_ids(phonemes: str, id_map: Mapping[str, Sequence[int]]) -> tuple[list[int], set[str]]:
    """Piper model input for one sentence, and the phonemes the model does not know (dropped).

    BOS, then every phoneme's ids each followed by the pad id, then EOS; the pad also follows
    BOS, as in the ids Piper voices were trained on.
    """
    pad = list(id_map[PAD])
    ids = list(id_map[BOS]) + pad
    missing: set[str] = set()
    for phoneme in phonemes:
        known = id_map.get(phoneme)
        if known is None:
            missing.add(phoneme)
            continue
        ids.extend(known)
        ids.extend(pad)
    ids.extend(id_map[EOS])
    return ids, missing
