"""A Piper voice: its config, an onnxruntime session on CPU, and text -> Clip.

The model is VITS exported to ONNX. Its inputs are the phoneme ids ``input`` (int64 [1, n]),
``input_lengths`` (int64 [1]), ``scales`` (float32 [noise_scale, length_scale, noise_w]) and,
for multi-speaker models, ``sid`` (int64 [1]); its output is float32 audio in [-1, 1].

Determinism: the graph draws its noise with ``RandomNormalLike`` nodes that take no seed, so
with the config's noise_scale/noise_w two runs of the same text differ in samples and even in
length (noise_w drives the durations). ``onnxruntime.set_seed`` only makes the sequence of runs
of one session repeatable, so a clip would still depend on what the process spoke before it,
which breaks the clip cache and resumable renders. ``deterministic=True`` (the default) therefore
runs with both noise scales at 0: the same text gives the same bytes in any process and order.
``deterministic=False`` keeps the config's values (more varied prosody, different every run).
With noise off the output is byte-identical across runs, sessions, and 1 or 2 intra-op threads.
"""
from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

import numpy as np

from audiobook.model import Clip
from audiobook.render.piper.errors import (
    INSTALL_HINT,
    PiperError,
    PiperUnavailable,
    SpeakerNotFound,
    VoiceModelError,
    one_line,
)
from audiobook.render.piper.phonemes import espeak_version, phoneme_ids, phonemize

#: Silence between the sentences of one clip (Piper's own default).
SENTENCE_SILENCE = 0.2

#: The pace of en_US-joe-medium at length_scale 1 (noise off) in voices.yaml ``rate`` units, i.e.
#: the espeak-ng rate that reads as fast, so one rate gives one pace with either engine. Measured
#: by ``bench/piper.py --wpm`` on the first 12 paragraphs of The Sign of the Four, chapter 1,
#: sentence pauses included: joe 187 words per minute, espeak-ng at rate 175 reads 180, so
#: 175 * 187 / 180 = 181. Other voices differ: measure them with words_per_minute().
NATURAL_WPM = 181.0

#: length_scale outside this range turns the voice into a drawl or a blur.
LENGTH_SCALE_RANGE = (0.4, 2.5)


@dataclass(frozen=True)
class PiperConfig:
    """The parts of a voice's ``.onnx.json`` that synthesis needs."""

    sample_rate: int
    espeak_voice: str
    phoneme_type: str
    phoneme_id_map: dict[str, list[int]]
    noise_scale: float = 0.667
    length_scale: float = 1.0
    noise_w: float = 0.8
    num_speakers: int = 1
    speaker_id_map: dict[str, int] = field(default_factory=dict)
    language: Optional[str] = None

    @classmethod
    def read(cls, path: Path) -> "PiperConfig":
        """Parse a Piper ``.onnx.json``. Raises VoiceModelError naming ``path``."""
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise VoiceModelError(f"{path}: Piper voice config not found; put it beside the .onnx model or download the voice again") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise VoiceModelError(f"{path}: not a readable Piper voice config ({one_line(exc)}); download the voice again") from None
        try:
            inference = raw.get("inference", {})
            config = cls(
                sample_rate=int(raw["audio"]["sample_rate"]),
                espeak_voice=str(raw.get("espeak", {}).get("voice", "en-us")),
                phoneme_type=str(raw.get("phoneme_type", "espeak")),
                phoneme_id_map={str(k): [int(i) for i in v] for k, v in raw["phoneme_id_map"].items()},
                noise_scale=float(inference.get("noise_scale", 0.667)),
                length_scale=float(inference.get("length_scale", 1.0)),
                noise_w=float(inference.get("noise_w", 0.8)),
                num_speakers=int(raw.get("num_speakers", 1)),
                speaker_id_map={str(k): int(v) for k, v in (raw.get("speaker_id_map") or {}).items()},
                language=(raw.get("language") or {}).get("code"),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise VoiceModelError(f"{path}: not a Piper voice config (missing or wrong {one_line(exc)}); download the voice again") from None
        if config.phoneme_type != "espeak":
            raise VoiceModelError(f"{path}: phoneme_type {config.phoneme_type!r} is not supported; use a voice with espeak phonemes")
        for key in ("_", "^", "$"):
            if key not in config.phoneme_id_map:
                raise VoiceModelError(f"{path}: phoneme_id_map lacks {key!r}; download the voice again")
        return config


def _onnxruntime():
    try:
        import onnxruntime
    except ImportError:
        raise PiperUnavailable(f"Piper voices need onnxruntime, which is not installed; {INSTALL_HINT}") from None
    return onnxruntime


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def rate_to_length_scale(wpm: float, base_wpm: float = NATURAL_WPM) -> float:
    """The length_scale that makes a voice whose pace at scale 1 is ``base_wpm`` speak at ``wpm``.

    Both are in voices.yaml ``rate`` units (espeak-ng's words per minute; see NATURAL_WPM).
    Length scales durations, so it is the inverse ratio of the rates; clamped to
    LENGTH_SCALE_RANGE.
    """
    if wpm <= 0 or base_wpm <= 0:
        raise ValueError(f"words per minute must be positive, not {wpm}")
    low, high = LENGTH_SCALE_RANGE
    return min(high, max(low, base_wpm / wpm))


def words_per_minute(voice: "PiperVoice", text: str, length_scale: Optional[float] = None) -> float:
    """How fast ``voice`` reads ``text`` (words per minute, sentence pauses included): measure a
    voice once to give rate_to_length_scale its ``base_wpm``."""
    words = len(text.split())
    seconds = voice.synthesize(text, length_scale=length_scale).duration
    if not words or seconds <= 0:
        raise ValueError("words per minute needs a text with words in it")
    return words / seconds * 60


class PiperVoice:
    """One Piper voice loaded for synthesis. Safe to share between threads (runs are serialised)."""

    def __init__(self, model_path: Path, config_path: Path, config: PiperConfig, session: Any, deterministic: bool):
        self.model_path = model_path
        self.config_path = config_path
        self.config = config
        self.deterministic = deterministic
        self._session = session
        self._inputs = {i.name for i in session.get_inputs()}
        self._sha256: Optional[str] = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls, model_path: Union[str, Path], config_path: Union[str, Path, None] = None,
             threads: int = 1, deterministic: bool = True) -> "PiperVoice":
        """Load ``model_path`` (``NAME.onnx``) with its config (default ``NAME.onnx.json``).

        ``threads`` is onnxruntime's intra-op thread count: keep workers x threads within the
        cores. Raises PiperUnavailable without onnxruntime, VoiceModelError for a missing or
        corrupt file.
        """
        model_path = Path(model_path)
        config_path = Path(config_path) if config_path else model_path.with_name(model_path.name + ".json")
        ort = _onnxruntime()
        if not model_path.is_file():
            raise VoiceModelError(f"{model_path}: Piper voice model not found; download the voice or give the path to its .onnx file")
        config = PiperConfig.read(config_path)
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, int(threads))
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3
        # Idle intra-op threads spin by default, burning CPU that other render workers need:
        # on two shared cores two threads then speak fewer seconds per CPU second than one.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own untyped Fail/InvalidProtobuf
            raise VoiceModelError(f"{model_path}: not a loadable ONNX model ({one_line(exc, 100)}); download the voice again") from None
        names = {i.name for i in session.get_inputs()}
        if not {"input", "input_lengths", "scales"} <= names:
            raise VoiceModelError(f"{model_path}: not a Piper voice (inputs {sorted(names)}); use a Piper .onnx model")
        return cls(model_path, config_path, config, session, deterministic)

    # ------------------------------------------------------------------ properties
    @property
    def name(self) -> str:
        """The voice's name: the model's file name without ``.onnx``."""
        return self.model_path.name[: -len(".onnx")] if self.model_path.name.endswith(".onnx") else self.model_path.stem

    @property
    def sample_rate(self) -> int:
        return self.config.sample_rate

    @property
    def num_speakers(self) -> int:
        return self.config.num_speakers

    @property
    def speakers(self) -> dict[str, int]:
        """Speaker name -> id; empty for a single-speaker model."""
        return dict(self.config.speaker_id_map)

    @property
    def espeak_voice(self) -> str:
        return self.config.espeak_voice

    @property
    def sha256(self) -> str:
        """SHA-256 of the model file (computed once), for cache keys."""
        if self._sha256 is None:
            self._sha256 = file_sha256(self.model_path)
        return self._sha256

    @property
    def identity(self) -> str:
        """Everything a clip's bytes depend on besides its text and settings, for cache keys:
        model and config contents, noise mode, and the onnxruntime and espeak-ng versions."""
        config = hashlib.sha256(self.config_path.read_bytes()).hexdigest()[:16]
        mode = "deterministic" if self.deterministic else "noisy"
        return (f"piper {self.name} model={self.sha256[:16]} config={config} {mode} "
                f"onnxruntime {_onnxruntime().__version__} espeak-ng {espeak_version()}")

    # ------------------------------------------------------------------ synthesis
    def speaker_id(self, speaker: Union[str, int, None]) -> Optional[int]:
        """The model's id for ``speaker`` (a name or an id); None for a single-speaker model."""
        if self.num_speakers <= 1:
            if speaker in (None, 0, "0"):
                return None
            raise SpeakerNotFound(f"Piper voice {self.name} has a single speaker; remove speaker {speaker!r}")
        if speaker is None:
            return 0
        if isinstance(speaker, str) and speaker in self.config.speaker_id_map:
            return self.config.speaker_id_map[speaker]
        if isinstance(speaker, int) or (isinstance(speaker, str) and speaker.isdigit()):
            number = int(speaker)
            if 0 <= number < self.num_speakers:
                return number
        names = ", ".join(list(self.config.speaker_id_map)[:5])
        raise SpeakerNotFound(f"Piper voice {self.name} has no speaker {speaker!r}; use 0-{self.num_speakers - 1} or a name such as {names}")

    def phonemes(self, text: str) -> list[str]:
        """``text`` as this voice's phonemes, one string per sentence."""
        return phonemize(text, self.config.espeak_voice)

    def scales(self, length_scale: Optional[float] = None) -> np.ndarray:
        """The ``scales`` input: [noise_scale, length_scale, noise_w] as this voice runs them."""
        noise, noise_w = (0.0, 0.0) if self.deterministic else (self.config.noise_scale, self.config.noise_w)
        length = self.config.length_scale if length_scale is None else float(length_scale)
        return np.array([noise, length, noise_w], dtype=np.float32)

    def infer(self, ids: list[int], speaker_id: Optional[int] = None, length_scale: Optional[float] = None) -> np.ndarray:
        """Float32 audio for one sentence's phoneme ids."""
        feed = {
            "input": np.array([ids], dtype=np.int64),
            "input_lengths": np.array([len(ids)], dtype=np.int64),
            "scales": self.scales(length_scale),
        }
        if "sid" in self._inputs:
            feed["sid"] = np.array([speaker_id or 0], dtype=np.int64)
        try:
            with self._lock:
                audio = self._session.run(None, feed)[0]
        except Exception as exc:  # onnxruntime's errors are untyped
            raise PiperError(f"Piper voice {self.name} failed on a sentence ({one_line(exc, 100)})") from None
        return np.asarray(audio, dtype=np.float32).reshape(-1)

    def synthesize(self, text: str, speaker: Union[str, int, None] = None, length_scale: Optional[float] = None,
                   volume: float = 1.0, sentence_silence: float = SENTENCE_SILENCE) -> Clip:
        """Speak ``text`` sentence by sentence, joined by ``sentence_silence`` seconds of silence.

        ``length_scale`` > 1 is slower (default: the config's); ``volume`` multiplies the
        samples, which are clipped to 16 bits. Returns 16-bit mono PCM at ``sample_rate``.
        """
        speaker_id = self.speaker_id(speaker)
        gap = np.zeros(int(round(sentence_silence * self.sample_rate)), dtype=np.float32)
        pieces: list[np.ndarray] = []
        for sentence in self.phonemes(text):
            ids, _missing = phoneme_ids(sentence, self.config.phoneme_id_map)
            if len(ids) <= 3:
                continue  # nothing the model can say
            if pieces:
                pieces.append(gap)
            pieces.append(self.infer(ids, speaker_id, length_scale))
        audio = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
        return Clip(pcm=to_pcm16(audio, volume), sample_rate=self.sample_rate)


def to_pcm16(audio: np.ndarray, volume: float = 1.0) -> bytes:
    """Float audio in [-1, 1] as 16-bit signed little-endian PCM, scaled by ``volume`` and clipped."""
    scaled = np.clip(np.rint(audio * (32767.0 * volume)), -32768, 32767)
    return scaled.astype("<i2").tobytes()
