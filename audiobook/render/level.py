"""Loudness: every voice at the same level, peaks kept under the ceiling.

espeak-ng's voices differ in loudness by several dB (a variant, a pitch), so each voice in the
plan is measured once on a fixed sentence and given the gain that brings it to TARGET_RMS_DB; a speech verb's change (a shout, a whisper) is kept on top of that, since
clips are levelled by the speaker's own voice. A soft limiter keeps every sample under
PEAK_CEILING_DB with room for the MP3 encoder's overshoot.
"""
from __future__ import annotations

import dataclasses
import math
from typing import Optional

import numpy as np

from audiobook.model import ClipItem, RenderPlan, VoiceSettings
from audiobook.render.blocks import identity_function
from audiobook.render.cache import ClipCache, clip_key
from audiobook.render.engine import voice_identity

#: Loudness of speech (RMS of the voiced 20 ms frames, dBFS). With the pauses between lines a
#: chapter file then measures about -21 dB RMS, inside ACX's -23 to -18 dB.
TARGET_RMS_DB = -19.0
#: No sample goes above this (dBFS); ACX asks for peaks at or under -3 dB after encoding.
PEAK_CEILING_DB = -4.0
#: The limiter starts bending samples above this.
LIMITER_KNEE_DB = -9.0
#: What every voice says to be measured.
CALIBRATION_TEXT = ("The quick brown fox jumps over the lazy dog, while the evening fog rolls in "
                    "over the quiet harbour and the lamps are lit one by one.")
#: What silence measures (dBFS).
SILENT_DB = -120.0
#: Frames quieter than this, relative to the loudest, are pauses and do not count.
VOICED_BELOW_PEAK_DB = 35.0


def voiced_rms_db(pcm: bytes) -> float:
    """RMS level (dBFS) of the voiced 20 ms frames of 16-bit PCM at 22.05 kHz."""
    x = np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768.0
    frame = 441
    usable = len(x) // frame * frame
    if usable == 0:
        return SILENT_DB
    energy = np.sqrt(np.mean(x[:usable].reshape(-1, frame) ** 2, axis=1))
    voiced = energy[energy > energy.max() * 10 ** (-VOICED_BELOW_PEAK_DB / 20)]
    if voiced.size == 0:  # digital silence
        return SILENT_DB
    return 20 * math.log10(float(np.sqrt(np.mean(voiced ** 2))) + 1e-12)


def level_plan(plan: RenderPlan, engine, cache: Optional[ClipCache] = None, identity=None) -> RenderPlan:
    """The plan with each clip's ``gain_db`` set from its speaker's measured voice.

    The measuring clips are kept in ``cache`` under ``identity`` (as for ``measuring_keys``;
    default ``voice_identity``): espeak-ng's output shifts a little with what it said before,
    and a gain that moved by 0.1 dB between runs would re-encode every chapter.
    """
    gains = {voice: voice_gain(voice, engine, cache, identity) for voice in plan_voices(plan)}
    chapters = []
    for chapter in plan.chapters:
        items = [dataclasses.replace(item, gain_db=gains[item.base_voice or item.voice])
                 if isinstance(item, ClipItem) else item for item in chapter.items]
        chapters.append(dataclasses.replace(chapter, items=items))
    return dataclasses.replace(plan, chapters=chapters)


def plan_voices(plan: RenderPlan) -> list[VoiceSettings]:
    """Every voice the plan's clips are levelled by, in a fixed order."""
    return sorted({item.base_voice or item.voice for chapter in plan.chapters for item in chapter.items
                   if isinstance(item, ClipItem)}, key=repr)


def measuring_keys(plan: RenderPlan, identity) -> list[str]:
    """Cache keys of the clips that measure the plan's voices; ``identity`` is a voice's
    identity for the cache (``engine.voice_identity``), or one string for every voice."""
    identity_of = identity_function(identity)
    measured = [dataclasses.replace(voice, volume=1.0) for voice in plan_voices(plan)]  # as voice_gain measures
    return [clip_key(identity_of(voice), voice, CALIBRATION_TEXT) for voice in measured]


def voice_gain(voice: VoiceSettings, engine, cache: Optional[ClipCache] = None, identity=None) -> float:
    """The gain (dB, to 0.1) that brings ``voice`` to TARGET_RMS_DB.

    Measured at volume 1.0: the gain evens out what the voice and variant do to loudness,
    while a volume set in voices.yaml stays a deliberate difference.
    """
    voice = dataclasses.replace(voice, volume=1.0)
    identity_of = identity_function(identity) if identity is not None else (lambda v: voice_identity(engine, v))
    key = clip_key(identity_of(voice), voice, CALIBRATION_TEXT)
    clip = cache.get(key) if cache else None
    if clip is None:
        clip = engine.synthesize(CALIBRATION_TEXT, voice)
        if cache:
            cache.put(key, clip)
    level = voiced_rms_db(clip.pcm)
    if level <= SILENT_DB:
        return 0.0  # a voice that says nothing cannot be measured: left as it is
    return round(TARGET_RMS_DB - level, 1)


def apply(pcm: bytes, gain_db: float) -> bytes:
    """``pcm`` with ``gain_db`` applied and peaks softly limited under PEAK_CEILING_DB."""
    x = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
    x *= np.float32(10 ** (gain_db / 20))
    knee, ceiling = 32767.0 * 10 ** (LIMITER_KNEE_DB / 20), 32767.0 * 10 ** (PEAK_CEILING_DB / 20)
    over = np.abs(x) > knee
    if over.any():
        loud = x[over]
        x[over] = np.sign(loud) * (knee + (ceiling - knee) * np.tanh((np.abs(loud) - knee) / (ceiling - knee)))
    return np.rint(x).astype("<i2").tobytes()
