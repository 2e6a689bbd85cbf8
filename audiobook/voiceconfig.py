"""Stage 3: Script + voices.yaml -> Cast. Who sounds how, with automatic voices for the rest."""
from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Protocol

from audiobook.errors import ConfigError
from audiobook.model import Cast, Script, VoiceSettings

DEFAULT_NARRATOR = VoiceSettings(voice="gmw/en-gb-x-rp", rate=165, pitch=40, volume=1.0)

#: Pause lengths in milliseconds by occasion.
DEFAULT_PAUSES = {"paragraph": 450, "speaker": 250, "break": 1500, "chapter": 2000}

#: Automatic voices by gender, in the order they are handed out. Base voice and espeak-ng
#: variant change the timbre, pitch and rate separate two uses of one timbre.
AUTO_POOLS: dict[str, tuple[VoiceSettings, ...]] = {
    "male": (
        VoiceSettings("gmw/en-us+m3", 175, 45),
        VoiceSettings("gmw/en+m1", 170, 35),
        VoiceSettings("gmw/en-gb-scotland+m2", 172, 50),
        VoiceSettings("gmw/en-us-nyc+m7", 180, 40),
        VoiceSettings("gmw/en-029+m4", 168, 55),
        VoiceSettings("gmw/en-gb-x-gbclan+m6", 176, 30),
        VoiceSettings("gmw/en-us+m5", 160, 60),
        VoiceSettings("gmw/en-gb-x-gbcwmd+m1", 182, 45),
    ),
    "female": (
        VoiceSettings("gmw/en-us+f3", 175, 55),
        VoiceSettings("gmw/en+f2", 170, 60),
        VoiceSettings("gmw/en-gb-scotland+f1", 172, 50),
        VoiceSettings("gmw/en-us-nyc+f4", 180, 65),
        VoiceSettings("gmw/en-029+f5", 168, 55),
        VoiceSettings("gmw/en-gb-x-gbclan+f3", 176, 70),
        VoiceSettings("gmw/en-us+f1", 160, 45),
        VoiceSettings("gmw/en-gb-x-gbcwmd+f2", 182, 62),
    ),
}

VOICE_KEYS = ("voice", "rate", "pitch", "volume")
TOP_KEYS = ("narrator", "characters", "pauses", "read_notes", "pov_narration")
CHARACTER_KEYS = VOICE_KEYS + ("aliases", "gender")
GENDERS = ("male", "female")
POV_CHOICES = ("character", "narrator")


class VoiceChecker(Protocol):
    """What the mapper needs of the engine: a voice check that raises VoiceNotFound."""

    def check_voice(self, voice: str, where: str = "voice") -> None: ...


@dataclass
class CharacterEntry:
    """One character as written in voices.yaml."""

    name: str
    """The key under ``characters``."""
    settings: Optional[VoiceSettings]
    """Voice, or None when the entry gives no voice (automatic voice, but aliases/gender apply)."""
    aliases: list[str] = field(default_factory=list)
    """Other names the story uses for this character."""
    gender: Optional[str] = None
    """``male``/``female``: overrides what the parser guessed."""


@dataclass
class VoiceConfig:
    """voices.yaml, validated."""

    path: Optional[Path]
    """The file it came from (None: built-in defaults)."""
    narrator: VoiceSettings = DEFAULT_NARRATOR
    """The narrator's voice."""
    characters: dict[str, CharacterEntry] = field(default_factory=dict)
    """Entries by name, in file order."""
    pauses: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PAUSES))
    """Pause lengths in ms."""
    read_notes: bool = False
    """Speak author's notes."""
    pov_narration: str = "character"
    """Who voices first-person narration: the POV ``character`` or the ``narrator``."""


# ---------------------------------------------------------------------------- loading
def load_config(path: Optional[Path], engine: Optional[VoiceChecker] = None) -> VoiceConfig:
    """Load and validate voices.yaml; ``None`` gives the defaults. Voices are checked against ``engine``."""
    if path is None:
        config = VoiceConfig(path=None)
    else:
        path = Path(path)
        config = _from_mapping(_read_yaml(path), path)
    if engine is not None:
        _check_voices(config, engine)
    return config


def _read_yaml(path: Path) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if path.is_dir():
        raise ConfigError(f"{path}: is a folder; give a voices.yaml file")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file; run `audiobook cast SOURCE` to create one") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read as UTF-8 text ({exc})") from exc
    try:
        # The round-trip loader builds only maps, lists and scalars (no object tags) and keeps lines.
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: malformed YAML: {exc.problem or exc.context}") from exc
    except YAMLError as exc:
        raise ConfigError(f"{path}: malformed YAML: {exc}") from exc


def _where(path: Path, node: Any, key: Any, key_path: str) -> str:
    try:
        line = node.lc.key(key)[0] + 1
        return f"{path}:{line}: {key_path}"
    except (AttributeError, KeyError, TypeError):
        return f"{path}: {key_path}"


def _check_keys(path: Path, node: Any, allowed: tuple[str, ...], prefix: str) -> None:
    for key in node:
        if key not in allowed:
            near = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean {near[0]!r}?" if near else f"allowed: {', '.join(allowed)}"
            raise ConfigError(f"{_where(path, node, key, prefix + str(key))}: unknown key; {hint}")


def _number(path, node, key, key_path, lo, hi, kind=float):
    value = node[key]
    ok_type = isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int and ok_type and float(value) != int(value):
        ok_type = False
    if not ok_type:
        raise ConfigError(f"{_where(path, node, key, key_path)}: must be a number from {lo} to {hi}, not {value!r}")
    if not lo <= value <= hi:
        raise ConfigError(f"{_where(path, node, key, key_path)}: {value} is out of range; use {lo} to {hi}")
    return kind(value)


def _voice_settings(path: Path, node: Any, key_path: str, base: VoiceSettings) -> VoiceSettings:
    from audiobook.engine import PITCH_RANGE, RATE_RANGE, VOLUME_RANGE

    values = {"voice": base.voice, "rate": base.rate, "pitch": base.pitch, "volume": base.volume}
    if "voice" in node:
        if not isinstance(node["voice"], str) or not node["voice"].strip():
            raise ConfigError(f"{_where(path, node, 'voice', key_path + '.voice')}: must be a voice name such as gmw/en-us+f3")
        values["voice"] = node["voice"].strip()
    if "rate" in node:
        values["rate"] = _number(path, node, "rate", key_path + ".rate", *RATE_RANGE, kind=int)
    if "pitch" in node:
        values["pitch"] = _number(path, node, "pitch", key_path + ".pitch", *PITCH_RANGE, kind=int)
    if "volume" in node:
        values["volume"] = _number(path, node, "volume", key_path + ".volume", *VOLUME_RANGE)
    return VoiceSettings(**values)


def _mapping(path: Path, parent: Any, key: Any, key_path: str) -> Any:
    node = parent[key]
    if node is None:
        return {}
    if not isinstance(node, dict):
        raise ConfigError(f"{_where(path, parent, key, key_path)}: must be a mapping of keys to values")
    return node


def _from_mapping(data: Any, path: Path) -> VoiceConfig:
    config = VoiceConfig(path=path)
    if data is None:
        return config
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping (narrator:, characters:, ...)")
    _check_keys(path, data, TOP_KEYS, "")
    if "narrator" in data:
        node = _mapping(path, data, "narrator", "narrator")
        _check_keys(path, node, VOICE_KEYS, "narrator.")
        config.narrator = _voice_settings(path, node, "narrator", DEFAULT_NARRATOR)
    if "characters" in data:
        chars = _mapping(path, data, "characters", "characters")
        for name in chars:
            config.characters[str(name)] = _character(path, chars, name)
    if "pauses" in data:
        node = _mapping(path, data, "pauses", "pauses")
        _check_keys(path, node, tuple(DEFAULT_PAUSES), "pauses.")
        for key in node:
            config.pauses[key] = _number(path, node, key, f"pauses.{key}", 0, 60000, kind=int)
    if "read_notes" in data:
        if not isinstance(data["read_notes"], bool):
            raise ConfigError(f"{_where(path, data, 'read_notes', 'read_notes')}: must be true or false")
        config.read_notes = data["read_notes"]
    if "pov_narration" in data:
        if data["pov_narration"] not in POV_CHOICES:
            raise ConfigError(f"{_where(path, data, 'pov_narration', 'pov_narration')}: must be one of {', '.join(POV_CHOICES)}")
        config.pov_narration = data["pov_narration"]
    return config


def _character(path: Path, chars: Any, name: Any) -> CharacterEntry:
    key_path = f"characters.{name}"
    node = chars[name]
    if isinstance(node, str):  # shorthand: `Lily: gmw/en-us+f3`
        return CharacterEntry(str(name), VoiceSettings(voice=node.strip()))
    node = _mapping(path, chars, name, key_path)
    _check_keys(path, node, CHARACTER_KEYS, key_path + ".")
    settings = _voice_settings(path, node, key_path, VoiceSettings(voice="")) if "voice" in node else None
    if settings is None and any(k in node for k in ("rate", "pitch", "volume")):
        raise ConfigError(f"{_where(path, chars, name, key_path)}: rate, pitch or volume given without a voice; add voice:")
    aliases = node.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{_where(path, node, 'aliases', key_path + '.aliases')}: must be a list of names")
    gender = node.get("gender")
    if gender is not None and gender not in GENDERS:
        raise ConfigError(f"{_where(path, node, 'gender', key_path + '.gender')}: must be male or female, not {gender!r}")
    return CharacterEntry(str(name), settings, [str(a) for a in aliases], gender)


def _check_voices(config: VoiceConfig, engine: VoiceChecker) -> None:
    prefix = f"{config.path}: " if config.path else ""
    checks = [("narrator.voice", config.narrator.voice)]
    checks += [(f"characters.{e.name}.voice", e.settings.voice) for e in config.characters.values() if e.settings]
    for where, voice in checks:
        engine.check_voice(voice, where=prefix + where)


# ---------------------------------------------------------------------------- casting
def cast(script: Script, config: VoiceConfig) -> Cast:
    """Give every speaking character a voice: the file's, else a distinct automatic one."""
    aliases: dict[str, str] = {}
    voices: dict[str, VoiceSettings] = {}
    for entry in config.characters.values():
        for alias in [entry.name, *entry.aliases]:
            aliases[alias.lower()] = entry.name
        if entry.settings:
            voices[entry.name] = entry.settings
    taken = {config.narrator, *voices.values()}
    genders = {c.name: c.gender for c in script.characters}
    for entry in config.characters.values():
        if entry.gender:
            genders[entry.name] = entry.gender
    speakers = sorted(script.characters, key=lambda c: (-c.lines, c.name))
    for character in speakers:
        name = aliases.get(character.name.lower(), character.name)
        if name in voices:
            continue
        voices[name] = _auto_voice(name, genders.get(name) or character.gender, taken, config.narrator)
        taken.add(voices[name])
    return Cast(narrator=config.narrator, characters=voices, aliases=aliases,
                pauses_ms=dict(config.pauses), read_notes=config.read_notes,
                pov_narration=config.pov_narration)


def _auto_voice(name: str, gender: Optional[str], taken: set, narrator: VoiceSettings) -> VoiceSettings:
    """A pool voice for ``name``: the slot its name hashes to, else the next free one."""
    digest = int(hashlib.sha1(name.lower().encode("utf-8")).hexdigest(), 16)
    if gender in AUTO_POOLS:
        pool = AUTO_POOLS[gender]
    else:  # unknown gender: interleave both pools
        pool = tuple(v for pair in zip(AUTO_POOLS["male"], AUTO_POOLS["female"]) for v in pair)
    start = digest % len(pool)
    candidates = [pool[(start + i) % len(pool)] for i in range(len(pool))]
    for voice in candidates:
        if voice not in taken and voice != narrator:
            return voice
    # Pool exhausted: shift pitch so the reused timbre still differs from its other users.
    base = candidates[0]
    for shift in range(5, 50, 5):
        for sign in (1, -1):
            voice = VoiceSettings(base.voice, base.rate, max(0, min(99, base.pitch + sign * shift)), base.volume)
            if voice not in taken:
                return voice
    return base
