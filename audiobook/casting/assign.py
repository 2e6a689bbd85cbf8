"""Script + VoiceConfig -> Cast. Who sounds how, with distinct automatic voices for the rest."""
from __future__ import annotations

import hashlib
from typing import Iterator, Optional

from audiobook.casting.schema import VoiceConfig
from audiobook.model import NONBINARY, Cast, Script, SegmentKind, VoiceSettings

#: How far apart (espeak-ng pitch units) two uses of one timbre must be to count as different.
PITCH_STEP = 12


def cast(script: Script, config: VoiceConfig) -> Cast:
    """Give every speaking character a voice: the one in voices.yaml, else a distinct automatic one.

    Automatic voices come from the gender's pool, starting at the slot the name hashes to,
    taking characters in name order: the result depends on who is in the book and who meets
    whom, not on line counts, so editing the text does not reshuffle voices. Characters who
    speak in the same chapter never get the same timbre (voice and variant) while the pool
    allows, no two characters get the very same settings, and none gets the narrator's.
    """
    aliases: dict[str, str] = {}
    voices: dict[str, VoiceSettings] = {}
    genders: dict[str, Optional[str]] = {}
    for entry in config.characters.values():
        for alias in [entry.name, *entry.aliases]:
            aliases[alias.lower()] = entry.name
        if entry.settings:
            voices[entry.name] = entry.settings
        genders[entry.name] = entry.gender
    meets = _who_meets_whom(script, aliases)
    for character in sorted(script.characters, key=lambda c: c.name.lower()):
        name = aliases.get(character.name.lower(), character.name)
        if name in voices:
            continue
        neighbours = {voices[other] for other in meets(name) if other in voices}
        voices[name] = auto_voice(name, genders.get(name) or character.gender, neighbours,
                                  {config.narrator, *voices.values()}, config)
    return Cast(narrator=config.narrator, characters=voices, aliases=aliases,
                pauses_ms=dict(config.pauses), read_notes=config.read_notes,
                pov_narration=config.pov_narration, pronunciations=dict(config.pronunciations),
                prosody=dict(config.prosody))


def _who_meets_whom(script: Script, aliases: dict[str, str]):
    """A function from a name to the names that speak in a chapter with it. A script without
    chapters of dialogue (a cast on its own) counts everyone as meeting everyone."""
    scenes = []
    for chapter in script.chapters:
        names = {aliases.get(s.speaker.lower(), s.speaker) for s in chapter.segments
                 if s.speaker and s.kind in (SegmentKind.DIALOGUE, SegmentKind.NARRATION)}
        if names:
            scenes.append(names)
    if not scenes:
        everyone = {aliases.get(c.name.lower(), c.name) for c in script.characters}
        return lambda name: everyone - {name}
    met: dict[str, set[str]] = {}
    for names in scenes:
        for name in names:
            met.setdefault(name, set()).update(names - {name})
    return lambda name: met.get(name, set())


def pool_for(gender: Optional[str], config: VoiceConfig) -> list[tuple[VoiceSettings, ...]]:
    """The automatic voices for ``gender``. An unknown gender (a role such as "the porter", a
    name the text never gives a pronoun) draws from the male pool first, as most such speakers
    in fiction are men, then from the female one; ``gender:`` in voices.yaml decides otherwise."""
    if gender in config.pools:
        return [config.pools[gender]]
    return [pool for pool in (config.pools.get("male"), config.pools.get("female")) if pool]


def auto_voice(name: str, gender: Optional[str], neighbours: set, taken: set, config: VoiceConfig) -> VoiceSettings:
    """A pool voice for ``name``, from the slot its name hashes to onwards, not ``taken`` by
    anyone: the first whose variant none of ``neighbours`` (the voices of the characters it
    meets) has; failing that, the first whose timbre (voice and variant) none has (for an
    unknown gender, in the male pool before the female one); failing that, the first with a pitch at least PITCH_STEP from every
    neighbour of the same timbre; failing that, the first not taken."""
    digest = int(hashlib.sha1(name.lower().encode("utf-8")).hexdigest(), 16)
    pools = [[pool[(digest + i) % len(pool)] for i in range(len(pool))] for pool in pool_for(gender, config)]
    if gender == NONBINARY and len(pools) > 1 and digest % 2:
        pools.reverse()  # neither pool first: the name decides, as it decides the slot
    candidates = [voice for pool in pools for voice in pool]
    timbres = {_timbre(v) for v in neighbours}
    variants = {_variant(v) for v in neighbours}
    for pool in pools:
        for fresh in (lambda v: _variant(v) not in variants, lambda v: _timbre(v) not in timbres):
            for voice in pool:
                if fresh(voice) and voice not in taken:
                    return voice
    shifted = list(_pitch_shifts(candidates))
    for voice in shifted:
        if voice not in taken and all(abs(voice.pitch - n.pitch) >= PITCH_STEP
                                      for n in neighbours if _timbre(n) == _timbre(voice)):
            return voice
    for voice in candidates + shifted:
        if voice not in taken:
            return voice
    return candidates[0]


def _timbre(voice: VoiceSettings) -> str:
    """What makes a voice sound like itself: the voice with its variant, and its speaker."""
    return voice.voice if voice.speaker is None else f"{voice.voice}#{voice.speaker}"


def _variant(voice: VoiceSettings) -> str:
    """The espeak-ng variant of a voice (``m3``); for a speaker of a multi-speaker model, the
    speaker; else the voice itself."""
    return voice.voice.partition("+")[2] or _timbre(voice)


def _pitch_shifts(candidates: list[VoiceSettings]) -> Iterator[VoiceSettings]:
    """Each candidate again at pitches PITCH_STEP apart, nearest first, within espeak-ng's range."""
    for steps in range(1, 99 // PITCH_STEP + 1):
        for base in (c for c in candidates if not c.voice.startswith("piper:")):  # Piper voices have no pitch
            for sign in (1, -1):
                pitch = base.pitch + sign * steps * PITCH_STEP
                if 0 <= pitch <= 99:
                    yield VoiceSettings(base.voice, base.rate, pitch, base.volume, base.speaker)
