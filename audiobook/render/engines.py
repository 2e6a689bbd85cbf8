"""The speech engines of a render, behind one SpeechEngine: espeak-ng voice ids go to the pyttsx3
engine, ``piper:NAME`` and ``piper:/path/to/model.onnx`` voices to Piper. Each engine, and each
Piper model, is started the first time a voice needs it, so a book read by espeak-ng alone never
loads onnxruntime and a Piper-only book never speaks through pyttsx3."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from audiobook.errors import VoiceNotFound
from audiobook.model import Clip, VoiceSettings
from audiobook.render.engine import resolvable
from audiobook.render.espeak import Pyttsx3Engine

#: How a voice in voices.yaml says it is a Piper voice.
PIPER_PREFIX = "piper:"

#: What worker processes rebuild the engines from (see ``engine.engine_spec``).
TARGET = "audiobook.render.engines:Engines"


def is_piper(voice: str) -> bool:
    """Whether ``voice`` names a Piper voice."""
    return voice.startswith(PIPER_PREFIX)


class Engines:
    """espeak-ng and Piper voices as one SpeechEngine (``render.engine.SpeechEngine``)."""

    def __init__(self, voice_dir: Optional[str] = None, threads: str = "1"):
        """``voice_dir``: where Piper voices are looked for besides installed voice packages
        (default: the user's data folder); ``threads``: onnxruntime threads per model, kept at
        one so that worker processes x threads stay within the cores."""
        self.voice_dir = Path(voice_dir) if voice_dir else None
        self.threads = int(threads)
        self._espeak: Optional[Pyttsx3Engine] = None
        self._piper: dict[str, object] = {}

    # ------------------------------------------------------------------ the engines
    @property
    def espeak(self) -> Pyttsx3Engine:
        """The pyttsx3 engine, started on first use."""
        if self._espeak is None:
            self._espeak = Pyttsx3Engine()
        return self._espeak

    def piper(self, voice: str, where: str = "voice"):
        """The loaded Piper model of ``voice`` (``piper:NAME`` or ``piper:/path.onnx``)."""
        name = voice[len(PIPER_PREFIX):].strip()
        if name not in self._piper:
            from audiobook.render import piper
            from audiobook.render.piper.errors import PiperError, VoiceModelError

            try:
                files = piper.resolve_voice(name, self.voice_dir)
            except VoiceModelError as exc:
                known = ", ".join(v.name for v in piper.installed_voices(self.voice_dir)[:5]) or "none"
                raise VoiceNotFound(f"{where}: {exc} (installed: {known})") from exc
            try:
                self._piper[name] = piper.PiperVoice.load(files.model, files.config, threads=self.threads)
            except PiperError as exc:
                raise type(exc)(f"{where}: {exc}") from exc
        return self._piper[name]

    # ------------------------------------------------------------------ SpeechEngine
    @property
    def identity(self) -> str:
        """The pyttsx3 engine's identity (Piper voices have their own: ``voice_identity``)."""
        return self.espeak.identity

    def voice_identity(self, voice: VoiceSettings) -> str:
        """For a Piper voice, its model's identity (file hash, config, runtime); else espeak-ng's."""
        return self.piper(voice.voice).identity if is_piper(voice.voice) else self.espeak.identity

    def has_voice(self, voice: str) -> bool:
        """Whether ``voice`` is to be had here (a Piper voice installed and loadable)."""
        return resolvable(self, voice)

    def voice_digest(self, voice: str) -> str:
        """For a Piper voice, its model file's hash (a cluster worker must hold the very same
        file); "" for espeak-ng voices, which the engine's identity covers."""
        return self.piper(voice).sha256 if is_piper(voice) else ""

    def resolve_voice(self, voice: str, where: str = "voice") -> str:
        """The voice as stored: ``piper:NAME`` once its model loads, else espeak-ng's own id."""
        if is_piper(voice):
            name = voice[len(PIPER_PREFIX):].strip()
            self.piper(voice, where)
            return PIPER_PREFIX + name
        return self.espeak.resolve_voice(voice, where)

    def check_voice(self, voice: str, where: str = "voice") -> None:
        """VoiceNotFound naming ``where`` if ``voice`` is neither engine's."""
        self.resolve_voice(voice, where)

    def check_variant(self, variant: str, where: str = "variant") -> None:
        """VoiceNotFound naming ``where`` if ``variant`` is not an espeak-ng variant."""
        self.espeak.check_variant(variant, where)

    def check_speaker(self, voice: str, speaker: Optional[str], where: str = "speaker") -> None:
        """VoiceNotFound naming ``where`` if ``speaker`` is wrong for ``voice``: set for a
        single-speaker model, or not one of a multi-speaker model's."""
        if not is_piper(voice):
            if speaker is not None:
                raise VoiceNotFound(f"{where}: only Piper voices have speakers; remove it or use a piper: voice")
            return
        from audiobook.render.piper.errors import SpeakerNotFound

        try:
            self.piper(voice).speaker_id(speaker)
        except SpeakerNotFound as exc:
            raise VoiceNotFound(f"{where}: {exc}") from exc

    def synthesize(self, text: str, settings: VoiceSettings, timeout: Optional[float] = None) -> Clip:
        """Speak ``text``: Piper at the length scale the rate asks for, or espeak-ng."""
        if not is_piper(settings.voice):
            return self.espeak.synthesize(text, settings, timeout)
        from audiobook.render.piper import rate_to_length_scale

        return self.piper(settings.voice).synthesize(text, speaker=settings.speaker,
                                                     length_scale=rate_to_length_scale(settings.rate),
                                                     volume=settings.volume)

    # ------------------------------------------------------------------ listing
    @property
    def voices(self):
        """espeak-ng's voices (``audiobook voices``; Piper's are listed with --engine piper)."""
        return self.espeak.voices

    @property
    def variant_genders(self):
        """espeak-ng's variants with their genders."""
        return self.espeak.variant_genders
