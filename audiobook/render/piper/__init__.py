"""Piper neural voices: espeak-ng phonemes, VITS inference on onnxruntime, the voices folder.

    voice = PiperVoice.load(resolve_voice("en_US-joe-medium").model)
    clip = voice.synthesize("Hello there.", length_scale=rate_to_length_scale(180))

onnxruntime is optional (``pip install 'audiobook[piper]'``): it is imported only when a voice
is loaded, so importing this package never fails for want of it.
"""
from __future__ import annotations

from audiobook.render.piper.errors import (
    PiperError,
    PiperUnavailable,
    SpeakerNotFound,
    VoiceDownloadError,
    VoiceModelError,
)
from audiobook.render.piper.gender import (GenderEstimate, estimate_speaker_gender, gender_from_pitch, remembered_genders,
                                           speaker_genders)
from audiobook.render.piper.phonemes import phoneme_ids, phonemize
from audiobook.render.piper.store import (
    DEFAULT_BASE_URL,
    VoiceFiles,
    default_voice_dir,
    download_voice,
    installed_voices,
    resolve_voice,
)
from audiobook.render.piper.voice import (
    NATURAL_WPM,
    SENTENCE_SILENCE,
    PiperConfig,
    PiperVoice,
    rate_to_length_scale,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "GenderEstimate",
    "NATURAL_WPM",
    "SENTENCE_SILENCE",
    "PiperConfig",
    "PiperError",
    "PiperUnavailable",
    "PiperVoice",
    "SpeakerNotFound",
    "VoiceDownloadError",
    "VoiceFiles",
    "VoiceModelError",
    "default_voice_dir",
    "download_voice",
    "estimate_speaker_gender",
    "gender_from_pitch",
    "installed_voices",
    "phoneme_ids",
    "phonemize",
    "rate_to_length_scale",
    "remembered_genders",
    "resolve_voice",
    "speaker_genders",
]
