"""Speech synthesis through pyttsx3, made dependable.

pyttsx3 picks the platform's engine (espeak-ng on Linux, SAPI5 on Windows, NSSpeech on macOS).
Its 2.99 espeak driver cannot be used as it is for a book: after the first ``runAndWait`` it
cancels espeak's command queue, which drops the property changes queued for the next clip;
``runAndWait`` returns before the WAV is written; only the last of several ``save_to_file``
calls survives; a failed WAV write hangs the loop; unknown voices are accepted silently; it
prints "Audio saved to ..." on stdout; and it grows its sample buffer by ``bytes +=``.

So on espeak-ng the wrapper lets pyttsx3 load and initialise the driver, then takes over the
synthesis callback: each clip sets voice and parameters immediately before its own ``Synth``
call, collects the samples in a list (linear in length), and waits on an event with a timeout
instead of a polling loop. Nothing is cancelled between clips, nothing is written to disk and
nothing is printed. Other drivers go through ``save_to_file`` with a deadline on the file.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import difflib
import os
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path
from typing import Optional

import pyttsx3

from audiobook.errors import ClipTimeout, EngineError, VoiceNotFound
from audiobook.render import voice_names
from audiobook.render.voice_names import EngineVoice, Variant
from audiobook.model import Clip, VoiceSettings

#: Environment variable: "1" forces the espeak-ng bundled in the espeakng-loader wheel even
#: where the system has its own.
FORCE_BUNDLED_ENV = "AUDIOBOOK_BUNDLED_ESPEAK"

#: Seed for espeak-ng's random numbers, set before every clip (espeak-ng 1.52 draws them for
#: some voice variants, seeded differently in every process unless told).
CLIP_RANDOM_SEED = 1

#: Seconds a clip may take at least, and per character of text on top.
CLIP_TIMEOUT_BASE = 20.0
CLIP_TIMEOUT_PER_CHAR = 0.05

_bundled_library: Optional[str] = None


def _variant_gender(path: Path) -> Optional[str]:
    """The gender a variant file states (``gender female``), if any."""
    try:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] == "gender" and words[1].lower() in ("male", "female"):
                return words[1].lower()
    except OSError:
        pass
    return None


def prepare_espeak(force_bundled: Optional[bool] = None) -> Optional[str]:
    """Make libespeak-ng loadable by pyttsx3; return the path of the bundled copy if it is used.

    Where the system has no libespeak-ng (or ``AUDIOBOOK_BUNDLED_ESPEAK=1``), the copy in the
    espeakng-loader wheel is loaded with RTLD_GLOBAL, so pyttsx3's later load by soname finds it,
    and ESPEAK_DATA_PATH points at its data. Must run before pyttsx3 loads its driver.
    """
    global _bundled_library
    if _bundled_library is not None or not sys.platform.startswith("linux"):
        return _bundled_library
    if force_bundled is None:
        force_bundled = os.environ.get(FORCE_BUNDLED_ENV) == "1"
    if not force_bundled and ctypes.util.find_library("espeak-ng"):
        return None
    try:
        import espeakng_loader
    except ImportError:
        if force_bundled:
            raise EngineError("the bundled espeak-ng (espeakng-loader) is not installed; pip install espeakng-loader")
        return None
    library = espeakng_loader.get_library_path()
    ctypes.CDLL(library, mode=ctypes.RTLD_GLOBAL)
    os.environ["ESPEAK_DATA_PATH"] = espeakng_loader.get_data_path()
    _bundled_library = library
    return library


def loaded_espeak_library() -> Optional[str]:
    """Path of the libespeak-ng mapped into this process (Linux), or None."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            for line in maps:
                if "libespeak-ng" in line:
                    return line.split()[-1]
    except OSError:
        pass
    return None


#: Every pyttsx3 engine this process made. pyttsx3 keeps them only weakly, and when one is
#: collected its driver's destructor sets espeak-ng's callback to nothing; were that to happen
#: inside another engine's synthesis, espeak-ng would call a null callback. Kept alive, none is.
_KEEP_ALIVE: list = []
#: espeak-ng has one state per process (voice, parameters, callback): every engine object in a
#: process speaks through it one clip at a time, whatever thread it is called from.
_ESPEAK_LOCK = threading.RLock()


def _new_lock_in_child() -> None:
    # A process forked while another thread held the lock must not inherit it held.
    global _ESPEAK_LOCK
    _ESPEAK_LOCK = threading.RLock()


os.register_at_fork(after_in_child=_new_lock_in_child)


def espeak_lock() -> threading.RLock:
    """The lock every use of espeak-ng in this process holds (synthesis, Piper's phonemes)."""
    return _ESPEAK_LOCK


class Pyttsx3Engine:
    """One pyttsx3 engine in this process, turning (text, voice settings) into a Clip.

    Implements ``audiobook.render.engine.SpeechEngine``.
    """

    def __init__(self, driver: Optional[str] = None):
        prepare_espeak()
        with _ESPEAK_LOCK:
            self._start(driver)

    def _start(self, driver: Optional[str]) -> None:
        try:
            self._engine = pyttsx3.init(driver)
        except Exception as exc:  # pyttsx3 raises bare RuntimeError/ImportError/OSError
            raise EngineError(
                f"cannot start the speech engine ({exc}); on Linux install espeak-ng or pip install espeakng-loader"
            ) from exc
        _KEEP_ALIVE.append(self._engine)
        self.driver = str(self._engine)
        self._voices = self._read_voices()
        self._variants = self._read_variants() if self.driver == "espeak" else ()
        if self.driver == "espeak":
            from pyttsx3.drivers import _espeak

            self._espeak = _espeak
            self._chunks: list[bytes] = []
            self._done = threading.Event()
            _espeak.SetSynthCallback(self._on_synth)
            self._callback = _espeak.SynthCallback
            self._seed = getattr(_espeak.dll, "espeak_ng_SetRandSeed", None)  # espeak-ng 1.52 and later
            if self._seed is not None:
                self._seed.argtypes, self._seed.restype = [ctypes.c_long], None
            self.sample_rate = 22050

    # ------------------------------------------------------------------ voices
    def _read_voices(self) -> list[EngineVoice]:
        voices = []
        for v in self._engine.getProperty("voices"):
            gender = (v.gender or "").lower() or None
            voices.append(EngineVoice(v.id, v.name, gender if gender in ("male", "female") else None,
                                      tuple(str(x) for x in (v.languages or ()))))
        return voices

    def _read_variants(self) -> tuple[Variant, ...]:
        data = os.environ.get("ESPEAK_DATA_PATH")
        if not data:
            path = ctypes.c_char_p()
            info = self._espeak_dll().espeak_Info
            info.restype = ctypes.c_char_p
            info(ctypes.byref(path))
            data = path.value.decode() if path.value else ""
        folder = Path(data) / "voices" / "!v"
        if not folder.is_dir():
            folder = Path(data) / "espeak-ng-data" / "voices" / "!v"
        if not folder.is_dir():
            return ()
        return tuple(Variant(p.name, _variant_gender(p)) for p in sorted(folder.iterdir()) if p.is_file())

    def _espeak_dll(self):
        from pyttsx3.drivers import _espeak

        return _espeak.dll

    @property
    def identity(self) -> str:
        """Names the engine and its version: part of every clip's cache key."""
        if self.driver == "espeak":
            info = self._espeak_dll().espeak_Info
            info.restype = ctypes.c_char_p
            version = (info(None) or b"?").decode()
            return f"espeak-ng {version}"
        return f"pyttsx3 {getattr(pyttsx3, '__version__', '?')} {self.driver}"

    @property
    def voices(self) -> list[EngineVoice]:
        """The voices the engine reports."""
        return list(self._voices)

    @property
    def variants(self) -> tuple[str, ...]:
        """espeak-ng voice variants (``f3``, ``m2``, ``klatt`` ...) usable as ``voice+variant``."""
        return tuple(v.name for v in self._variants)

    @property
    def variant_genders(self) -> tuple[Variant, ...]:
        """The variants with the gender their files give (None where they give none)."""
        return self._variants

    def resolve_voice(self, voice: str, where: str = "voice") -> str:
        """The engine's id for ``voice`` as a person may type it (``en-us+f3``, ``English
        (America)``, ``fr``); VoiceNotFound naming ``where`` and the nearest voices if none."""
        return voice_names.resolve(voice, self._voices, self._variants, where)

    def has_voice(self, voice: str) -> bool:
        """Whether ``voice`` (an id or name, with an optional ``+variant``) exists."""
        from audiobook.render.engine import resolvable

        return resolvable(self, voice)

    def check_voice(self, voice: str, where: str = "voice") -> None:
        """Raise VoiceNotFound naming ``where`` and the nearest valid voices if ``voice`` is unknown."""
        self.resolve_voice(voice, where)

    def check_variant(self, variant: str, where: str = "variant") -> None:
        """Raise VoiceNotFound naming ``where`` if ``variant`` is not an espeak-ng variant."""
        if variant in self.variants:
            return
        near = difflib.get_close_matches(variant, self.variants, n=3, cutoff=0.3)
        raise VoiceNotFound(f"{where}: unknown voice variant {variant!r}; did you mean {', '.join(near) or 'whisper'}?")

    # ------------------------------------------------------------------ synthesis
    def synthesize(self, text: str, settings: VoiceSettings, timeout: Optional[float] = None) -> Clip:
        """Speak ``text`` with ``settings`` and return its samples. Raises ClipTimeout, EngineError."""
        self.check_voice(settings.voice)
        if timeout is None:
            timeout = CLIP_TIMEOUT_BASE + CLIP_TIMEOUT_PER_CHAR * len(text)
        with _ESPEAK_LOCK:  # the module's, looked up now: a forked child has a fresh one
            if self.driver == "espeak":
                return self._synthesize_espeak(text, settings, timeout)
            return self._synthesize_file(text, settings, timeout)

    def _synthesize_espeak(self, text: str, settings: VoiceSettings, timeout: float) -> Clip:
        es = self._espeak
        if es.SynthCallback is not self._callback:
            # espeak has one callback per process; another engine object (or pyttsx3 itself,
            # on a later pyttsx3.init) may have replaced ours.
            es.SynthCallback = self._callback
            es.cSetSynthCallback(self._callback)
        if es.SetVoiceByName(settings.voice.encode("utf-8")) != 0:
            raise EngineError(f"espeak-ng refused voice {settings.voice!r}")
        es.SetParameter(es.RATE, int(settings.rate), 0)
        es.SetParameter(es.PITCH, int(settings.pitch), 0)
        es.SetParameter(es.VOLUME, int(round(settings.volume * 100)), 0)
        if self._seed is not None:
            self._seed(CLIP_RANDOM_SEED)
        self._chunks = []
        self._done.clear()
        self._start_synth(text)
        if not self._done.wait(timeout):
            es.Cancel()
            raise ClipTimeout(f"the engine did not finish within {timeout:.0f} s: {text[:60]!r}")
        return Clip(pcm=b"".join(self._chunks), sample_rate=self.sample_rate)

    def _start_synth(self, text: str) -> None:
        es = self._espeak
        es.Synth(text.encode("utf-8"), flags=es.ENDPAUSE | es.CHARS_UTF8)

    def _on_synth(self, wav, numsamples, events) -> int:
        if numsamples > 0:
            self._chunks.append(ctypes.string_at(wav, numsamples * 2))
        i = 0
        while True:
            kind = events[i].type
            if kind == self._espeak.EVENT_LIST_TERMINATED:
                break
            if kind == self._espeak.EVENT_MSG_TERMINATED:
                self._done.set()
            i += 1
        return 0

    def _synthesize_file(self, text: str, settings: VoiceSettings, timeout: float) -> Clip:
        """SAPI5 / NSSpeech: one save_to_file per runAndWait, then wait for a complete WAV."""
        engine = self._engine
        engine.setProperty("voice", settings.voice)
        engine.setProperty("rate", int(settings.rate))
        engine.setProperty("volume", min(1.0, settings.volume))
        with tempfile.TemporaryDirectory(prefix="audiobook-") as tmp:
            target = Path(tmp) / "clip.wav"
            engine.save_to_file(text, str(target))
            engine.runAndWait()
            deadline = time.monotonic() + timeout
            while True:
                try:
                    return _read_wav_mono16(target)
                except (OSError, EOFError, wave.Error):
                    if time.monotonic() > deadline:
                        raise ClipTimeout(f"the engine wrote no audio within {timeout:.0f} s: {text[:60]!r}")
                    time.sleep(0.05)


def _read_wav_mono16(path: Path) -> Clip:
    """Read a complete WAV as 16-bit mono (channels after the first are dropped)."""
    with wave.open(str(path), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
        if wav.getnframes() == 0 or wav.getsampwidth() != 2:
            raise wave.Error("incomplete or not 16-bit")
        channels, rate = wav.getnchannels(), wav.getframerate()
    if channels > 1:
        import audioop

        frames = audioop.tomono(frames, 2, 1, 0) if channels == 2 else frames
    return Clip(pcm=frames, sample_rate=rate)
