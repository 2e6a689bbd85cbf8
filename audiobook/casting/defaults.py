"""What voices.yaml means where it says nothing: the narrator, the pauses, the pools of
automatic voices, and the prosody of speech verbs."""
from __future__ import annotations

from audiobook.model import Prosody, VoiceSettings

DEFAULT_NARRATOR = VoiceSettings(voice="gmw/en-gb-x-rp", rate=165, pitch=40, volume=1.0)

#: Pause lengths in milliseconds by occasion.
DEFAULT_PAUSES = {"paragraph": 450, "speaker": 250, "break": 1500, "chapter": 2000}

#: Automatic voices by gender, in the order they are handed out. The espeak-ng variant
#: (``m3``, ``f2``) changes the timbre most, the accent next; pitch and rate vary around each
#: gender's middle. Accents and variants cycle at coprime lengths, so every slot of a pool is a
#: different pair and neighbouring slots differ in both. The narrator's accent is left out.
POOL_ACCENTS = ("gmw/en-us", "gmw/en", "gmw/en-gb-scotland", "gmw/en-us-nyc", "gmw/en-029", "gmw/en-gb-x-gbclan",
                "gmw/en-gb-x-gbcwmd")
POOL_VARIANTS = {"male": ("m3", "m1", "m2", "m7", "m4", "m6", "m5", "m8"), "female": ("f3", "f2", "f1", "f4", "f5")}
#: The middle pitch of each gender's voices; slots spread 15 either side of it.
POOL_PITCH = {"male": 45, "female": 60}


def _pool(gender: str) -> tuple[VoiceSettings, ...]:
    variants = POOL_VARIANTS[gender]
    size = len(POOL_ACCENTS) * len(variants)
    return tuple(VoiceSettings(f"{POOL_ACCENTS[i % len(POOL_ACCENTS)]}+{variants[i % len(variants)]}",
                               160 + i * 7 % 26, POOL_PITCH[gender] - 15 + i * 11 % 31) for i in range(size))


DEFAULT_POOLS: dict[str, tuple[VoiceSettings, ...]] = {gender: _pool(gender) for gender in POOL_VARIANTS}


#: Speech verbs that change how a quote is spoken. Users extend or override it under
#: ``prosody:`` in voices.yaml.
DEFAULT_PROSODY: dict[str, Prosody] = {
    "shouted": Prosody(rate=1.1, volume=1.4, pitch=10),
    "yelled": Prosody(rate=1.1, volume=1.4, pitch=10),
    "screamed": Prosody(rate=1.15, volume=1.5, pitch=15),
    "bellowed": Prosody(rate=1.0, volume=1.5, pitch=5),
    "roared": Prosody(rate=1.0, volume=1.5, pitch=5),
    "exclaimed": Prosody(rate=1.1, volume=1.2, pitch=8),
    "snapped": Prosody(rate=1.15, volume=1.2),
    "barked": Prosody(rate=1.15, volume=1.3),
    "whispered": Prosody(rate=0.9, volume=0.7, variant="whisper"),
    "murmured": Prosody(rate=0.9, volume=0.6),
    "muttered": Prosody(rate=0.95, volume=0.6, pitch=-5),
    "breathed": Prosody(rate=0.85, volume=0.6, variant="whisper"),
    "sobbed": Prosody(rate=0.8, volume=0.8, pitch=-5),
    "wept": Prosody(rate=0.8, volume=0.8, pitch=-5),
    "whimpered": Prosody(rate=0.85, volume=0.7, pitch=5),
    "drawled": Prosody(rate=0.75),
    "stammered": Prosody(rate=0.8),
}
