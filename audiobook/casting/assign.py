"""Script + VoiceConfig -> Cast. Who sounds how, with distinct automatic voices for the rest."""
from __future__ import annotations

import hashlib
from typing import Optional

from audiobook.model import Cast, Script, VoiceSettings
from audiobook.casting.schema import VoiceConfig


def cast(script: Script, config: VoiceConfig) -> Cast:
    """Give every speaking character a voice: the one in voices.yaml, else a distinct automatic one.

    Automatic voices come from the gender's pool, at the slot the name hashes to (else the next
    free one), taking characters in name order: the result depends on who is in the book, not
    on line counts, so editing the text does not reshuffle voices. No two characters share a
    voice while the pool allows it, and none gets the narrator's.
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
    taken = {config.narrator, *voices.values()}
    for character in sorted(script.characters, key=lambda c: c.name.lower()):
        name = aliases.get(character.name.lower(), character.name)
        if name in voices:
            continue
        voices[name] = auto_voice(name, genders.get(name) or character.gender, taken, config)
        taken.add(voices[name])
    return Cast(narrator=config.narrator, characters=voices, aliases=aliases,
                pauses_ms=dict(config.pauses), read_notes=config.read_notes,
                pov_narration=config.pov_narration, pronunciations=dict(config.pronunciations),
                prosody=dict(config.prosody))


def pool_for(gender: Optional[str], config: VoiceConfig) -> tuple[VoiceSettings, ...]:
    """The automatic voices for ``gender``; unknown gender draws from both pools in turn."""
    if gender in config.pools:
        return config.pools[gender]
    male, female = config.pools.get("male", ()), config.pools.get("female", ())
    mixed = [v for pair in zip(male, female) for v in pair]
    longer = male if len(male) > len(female) else female
    return tuple(mixed + list(longer[min(len(male), len(female)):]))


def auto_voice(name: str, gender: Optional[str], taken: set, config: VoiceConfig) -> VoiceSettings:
    """A pool voice for ``name``: the slot its name hashes to, else the next free one."""
    pool = pool_for(gender, config)
    digest = int(hashlib.sha1(name.lower().encode("utf-8")).hexdigest(), 16)
    start = digest % len(pool)
    candidates = [pool[(start + i) % len(pool)] for i in range(len(pool))]
    for voice in candidates:
        if voice not in taken:
            return voice
    # Pool used up: shift pitch so a reused timbre still differs from its other users.
    for shift in range(6, 60, 6):
        for base in candidates:
            for sign in (1, -1):
                pitch = base.pitch + sign * shift
                voice = VoiceSettings(base.voice, base.rate, pitch, base.volume)
                if 0 <= pitch <= 99 and voice not in taken:
                    return voice
    return candidates[0]
