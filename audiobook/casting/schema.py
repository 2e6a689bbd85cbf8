"""voices.yaml: the schema, its defaults, and validation with file, line and key in every error."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Protocol

from audiobook.errors import ConfigError
from audiobook.model import NONBINARY, VOICE_RANGES, Prosody, VoiceSettings
from audiobook.parser.verbs import TAG_VERBS

from audiobook.casting.defaults import (DEFAULT_NARRATOR, DEFAULT_PAUSES, DEFAULT_POOLS,  # noqa: F401 (part of the schema)
                                        DEFAULT_PROSODY)

VOICE_KEYS = ("voice", "rate", "pitch", "volume", "speaker")
TOP_KEYS = ("narrator", "characters", "defaults", "pov_narration", "pauses", "read_notes",
            "pronunciations", "prosody", "not_characters", "lines")
CHARACTER_KEYS = VOICE_KEYS + ("aliases", "gender")
PROSODY_KEYS = ("rate", "volume", "pitch", "variant")
GENDERS = ("male", "female")
#: How a gender may be written, whatever the case: a character list may say ``Male``, ``F``,
#: ``non-binary`` or ``unknown`` (None: the parser judges).
GENDER_WORDS = {"male": "male", "m": "male", "female": "female", "f": "female",
                "nonbinary": NONBINARY, "non-binary": NONBINARY, "enby": NONBINARY, "nb": NONBINARY,
                "neutral": NONBINARY, "neither": NONBINARY, "they": NONBINARY,
                "unknown": None, "none": None, "": None, "?": None}
POV_CHOICES = ("character", "narrator")


class VoiceChecker(Protocol):
    """What validation needs of the engine: checks that raise VoiceNotFound."""

    def resolve_voice(self, voice: str, where: str = "voice") -> str: ...

    def check_variant(self, variant: str, where: str = "variant") -> None: ...


@dataclass
class CharacterEntry:
    """One character as written in voices.yaml."""

    name: str
    """The key under ``characters``."""
    settings: Optional[VoiceSettings]
    """Voice, or None when the entry gives none (automatic voice; aliases and gender still apply)."""
    aliases: list[str] = field(default_factory=list)
    """Other names the story uses for this character."""
    gender: Optional[str] = None
    """``male``/``female``: overrides what the parser guessed."""
    where: str = field(default="", compare=False)
    """``file:line: characters.Name``, for messages about the entry."""


@dataclass
class VoiceConfig:
    """voices.yaml, validated."""

    path: Optional[Path]
    """The file it came from (None: built-in defaults)."""
    narrator: VoiceSettings = DEFAULT_NARRATOR
    """The narrator's voice."""
    characters: dict[str, CharacterEntry] = field(default_factory=dict)
    """Entries by name, in file order."""
    pools: dict[str, tuple[VoiceSettings, ...]] = field(default_factory=lambda: dict(DEFAULT_POOLS))
    """Automatic voices by gender."""
    pov_narration: str = "character"
    """Who voices first-person narration: the POV ``character`` or the ``narrator``."""
    pauses: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PAUSES))
    """Pause lengths in ms."""
    read_notes: bool = False
    """Speak author's notes."""
    pronunciations: dict[str, str] = field(default_factory=dict)
    """Word -> respelling, applied to whole words before synthesis."""
    prosody: dict[str, Prosody] = field(default_factory=lambda: dict(DEFAULT_PROSODY))
    """Speech verb -> change of voice for the quote it tags."""
    not_characters: list[str] = field(default_factory=list)
    """Names the parser must never take for speakers (``Close``, ``Jezail``)."""
    lines: dict[str, str] = field(default_factory=dict)
    """Pinned lines: a stretch of a quote's words -> who says it (a character, an alias or
    ``narrator``)."""
    lines_where: dict[str, str] = field(default_factory=dict, compare=False)
    """``file:line: lines."key"`` for each pinned line, for messages about it."""


def load_config(path: Optional[Path], engine: Optional[VoiceChecker] = None) -> VoiceConfig:
    """Load and validate voices.yaml (``None``: the defaults); voices are checked against ``engine``."""
    if path is None:
        config = VoiceConfig(path=None)
        if engine is not None:
            check_voices(config, engine)
        return config
    return _from_mapping(read_yaml(Path(path)), Path(path), engine)


def read_yaml(path: Path) -> Any:
    """The file's YAML as round-trip nodes (keeping lines and comments); ConfigError if unreadable."""
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
        line = "".join(text.splitlines()[mark.line:mark.line + 1]) if mark else ""
        if "'\\t'" in str(exc.problem) or "\t" in line[:mark.column + 1 if mark else 0]:
            raise ConfigError(f"{path}{where}: a tab in the indentation; indent with spaces, as YAML requires") from exc
        raise ConfigError(f"{path}{where}: malformed YAML: {exc.problem or exc.context}") from exc
    except YAMLError as exc:
        raise ConfigError(f"{path}: malformed YAML: {exc}") from exc


class _Reader:
    """Typed access to one YAML file's nodes, with ``file:line: key.path`` in every error."""

    def __init__(self, path: Path, engine: Optional[VoiceChecker] = None):
        self.path = path
        self.engine = engine

    def voice_name(self, node: Any, key: Any, key_path: str) -> str:
        """A voice as the engine spells it (``en-us+f3`` -> ``gmw/en-us+f3``), checked when there
        is an engine to check it against."""
        value = self.text(node, key, key_path, "gmw/en-us+f3")
        return self.engine.resolve_voice(value, where=self.where(node, key, key_path)) if self.engine else value

    def where(self, node: Any, key: Any, key_path: str) -> str:
        try:
            return f"{self.path}:{node.lc.key(key)[0] + 1}: {key_path}"
        except (AttributeError, KeyError, TypeError):
            return f"{self.path}: {key_path}"

    def fail(self, node: Any, key: Any, key_path: str, message: str) -> ConfigError:
        return ConfigError(f"{self.where(node, key, key_path)}: {message}")

    def keys(self, node: Any, allowed: tuple[str, ...], prefix: str) -> None:
        for key in node:
            if key not in allowed:
                near = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean {near[0]!r}?" if near else f"allowed: {', '.join(allowed)}"
                raise self.fail(node, key, prefix + str(key), f"unknown key; {hint}")

    def names(self, node: Any, key: Any, key_path: str) -> list[str]:
        """A list of names (a single name is a list of one)."""
        value = node[key] if node[key] is not None else []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(node, key, key_path, "must be a list of names")
        return [v.strip() for v in value]

    def mapping(self, parent: Any, key: Any, key_path: str) -> Any:
        node = parent[key]
        if node is None:
            return {}
        if not isinstance(node, dict):
            raise self.fail(parent, key, key_path, "must be a mapping of keys to values")
        return node

    def number(self, node: Any, key: Any, key_path: str, lo, hi, kind=float):
        value = node[key]
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or (kind is int and float(value) != int(value)):
            raise self.fail(node, key, key_path, f"must be a number from {lo} to {hi}, not {value!r}")
        if not lo <= value <= hi:
            raise self.fail(node, key, key_path, f"{value} is out of range; use {lo} to {hi}")
        return kind(value)

    def text(self, node: Any, key: Any, key_path: str, example: str) -> str:
        value = node[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(node, key, key_path, f"must be text such as {example}, not {value!r}")
        return value.strip()

    def voice(self, node: Any, key_path: str, base: VoiceSettings) -> VoiceSettings:
        values = {"voice": base.voice, "rate": base.rate, "pitch": base.pitch, "volume": base.volume}
        if "voice" in node:
            values["voice"] = self.voice_name(node, "voice", key_path + ".voice")
        if "rate" in node:
            values["rate"] = self.number(node, "rate", key_path + ".rate", *VOICE_RANGES["rate"], kind=int)
        piper = values["voice"].startswith("piper:")
        if piper:
            values["pitch"] = VoiceSettings.pitch  # unused by Piper; the neutral value keeps keys alike
        if "pitch" in node:
            if piper:
                raise self.fail(node, "pitch", key_path + ".pitch", "Piper voices have no pitch setting; remove it, "
                                "or choose another speaker of the model (speaker:) or another voice")
            values["pitch"] = self.number(node, "pitch", key_path + ".pitch", *VOICE_RANGES["pitch"], kind=int)
        if "volume" in node:
            values["volume"] = self.number(node, "volume", key_path + ".volume", *VOICE_RANGES["volume"])
        if "speaker" in node:
            speaker = node["speaker"]
            if isinstance(speaker, bool) or not isinstance(speaker, (int, str)) or not str(speaker).strip():
                raise self.fail(node, "speaker", key_path + ".speaker", f"must be a speaker's id or name, not {speaker!r}")
            values["speaker"] = str(speaker).strip()
        if (piper or "speaker" in node) and self.engine is not None and hasattr(self.engine, "check_speaker"):
            self.engine.check_speaker(values["voice"], values.get("speaker"),
                                      where=self.where(node, "speaker" if "speaker" in node else "voice",
                                                       key_path + (".speaker" if "speaker" in node else ".voice")))
        return VoiceSettings(**values)

    def voice_or_string(self, parent: Any, key: Any, key_path: str) -> VoiceSettings:
        """A voice given as a mapping or as a bare voice name."""
        if isinstance(parent[key], str):
            return VoiceSettings(voice=self.voice_name(parent, key, key_path))
        node = self.mapping(parent, key, key_path)
        self.keys(node, VOICE_KEYS, key_path + ".")
        if "voice" not in node:
            raise self.fail(parent, key, key_path, "needs a voice: key")
        return self.voice(node, key_path, VoiceSettings(voice=""))


def _from_mapping(data: Any, path: Path, engine: Optional[VoiceChecker] = None) -> VoiceConfig:
    r = _Reader(path, engine)
    config = VoiceConfig(path=path)
    if data is None:
        if engine is not None:
            check_voices(config, engine)
        return config
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping (narrator:, characters:, ...)")
    r.keys(data, TOP_KEYS, "")
    if "narrator" in data:
        node = r.mapping(data, "narrator", "narrator")
        r.keys(node, VOICE_KEYS, "narrator.")
        config.narrator = r.voice(node, "narrator", DEFAULT_NARRATOR)
    if "characters" in data:
        if isinstance(data["characters"], list):
            raise r.fail(data, "characters", "characters", "must map each name to its settings, not be a list; "
                         "write `Lily: {aliases: [Lil], gender: female}` for each character")
        chars = r.mapping(data, "characters", "characters")
        for name in chars:
            config.characters[str(name)] = _character(r, chars, name)
    if "defaults" in data:
        node = r.mapping(data, "defaults", "defaults")
        r.keys(node, GENDERS + (NONBINARY,), "defaults.")
        for gender in node:
            entries = node[gender]
            if not isinstance(entries, list) or not entries:
                raise r.fail(node, gender, f"defaults.{gender}", "must be a non-empty list of voices")
            config.pools[gender] = tuple(r.voice_or_string(entries, i, f"defaults.{gender}[{i}]")
                                         for i in range(len(entries)))
    if "pov_narration" in data and data["pov_narration"] not in POV_CHOICES:
        raise r.fail(data, "pov_narration", "pov_narration", f"must be one of {', '.join(POV_CHOICES)}")
    config.pov_narration = data.get("pov_narration", config.pov_narration)
    if "pauses" in data:
        node = r.mapping(data, "pauses", "pauses")
        r.keys(node, tuple(DEFAULT_PAUSES), "pauses.")
        for key in node:
            config.pauses[key] = r.number(node, key, f"pauses.{key}", 0, 60000, kind=int)
    if "read_notes" in data:
        if not isinstance(data["read_notes"], bool):
            raise r.fail(data, "read_notes", "read_notes", "must be true or false")
        config.read_notes = data["read_notes"]
    if "pronunciations" in data:
        node = r.mapping(data, "pronunciations", "pronunciations")
        for word in node:
            config.pronunciations[str(word)] = r.text(node, word, f"pronunciations.{word}", "her-MY-oh-nee")
    if "prosody" in data:
        node = r.mapping(data, "prosody", "prosody")
        for verb in node:
            config.prosody[str(verb).lower()] = _prosody(r, node, verb)
    if "not_characters" in data:
        config.not_characters = r.names(data, "not_characters", "not_characters")
    if "lines" in data:
        node = r.mapping(data, "lines", "lines")
        for key in node:
            key_path = f"lines.{key!r}" if not isinstance(key, str) else f'lines."{key}"'
            if not isinstance(key, str) or not key.strip():
                raise r.fail(node, key, key_path, "must be words of a quote, such as \"Do you want to come inside\"")
            config.lines[key] = r.text(node, key, key_path, "a character's name or narrator")
            config.lines_where[key] = r.where(node, key, key_path)
    _check_aliases(config)
    if engine is not None:  # what the file left at the defaults
        check_voices(config, engine, skip_narrator="narrator" in data and "voice" in (data["narrator"] or {}),
                     skip_pools=set(data.get("defaults") or ()),
                     skip_prosody={str(verb).lower() for verb in data.get("prosody") or ()})
    return config


def _character(r: _Reader, chars: Any, name: Any) -> CharacterEntry:
    key_path = f"characters.{name}"
    if isinstance(chars[name], str):  # shorthand: `Lily: gmw/en-us+f3`
        return CharacterEntry(str(name), r.voice_or_string(chars, name, key_path))
    node = r.mapping(chars, name, key_path)
    r.keys(node, CHARACTER_KEYS, key_path + ".")
    settings = r.voice(node, key_path, VoiceSettings(voice="")) if "voice" in node else None
    if settings is None and any(k in node for k in ("rate", "pitch", "volume")):
        raise r.fail(chars, name, key_path, "rate, pitch or volume given without a voice; add voice:")
    aliases = r.names(node, "aliases", key_path + ".aliases") if "aliases" in node else []
    gender = node.get("gender")
    if gender is not None:
        gender = GENDER_WORDS.get(str(gender).strip().lower(), gender)
    if gender is not None and gender not in GENDERS + (NONBINARY,):
        raise r.fail(node, "gender", key_path + ".gender",
                     f"must be male, female or nonbinary (or unknown, to let the parser judge), not {gender!r}")
    return CharacterEntry(str(name), settings, aliases, gender, r.where(chars, name, key_path))


def _check_aliases(config: VoiceConfig) -> None:
    """One name (a character's or an alias) may stand for one character only."""
    owner: dict[str, CharacterEntry] = {}
    for entry in config.characters.values():
        for name in dict.fromkeys([entry.name, *entry.aliases]):
            other = owner.setdefault(name.lower(), entry)
            if other is not entry:
                raise ConfigError(f"{entry.where}: {name!r} is a name of both {other.name} and {entry.name}; "
                                  "keep it under one of them")


def _prosody(r: _Reader, parent: Any, verb: Any) -> Prosody:
    key_path = f"prosody.{verb}"
    if str(verb).lower() not in TAG_VERBS:  # it would never match: the parser records only these
        near = difflib.get_close_matches(str(verb).lower(), sorted(TAG_VERBS), n=3)
        hint = f"did you mean {', '.join(near)}?" if near else "use a verb such as shouted or whispered"
        raise r.fail(parent, verb, key_path, f"not a speech verb the parser knows; {hint}")
    node = r.mapping(parent, verb, key_path)
    r.keys(node, PROSODY_KEYS, key_path + ".")
    if "variant" in node and r.engine is not None:
        r.engine.check_variant(r.text(node, "variant", key_path + ".variant", "whisper"),
                               where=r.where(node, "variant", key_path + ".variant"))
    return Prosody(
        rate=r.number(node, "rate", key_path + ".rate", 0.25, 4.0) if "rate" in node else 1.0,
        volume=r.number(node, "volume", key_path + ".volume", 0.0, 4.0) if "volume" in node else 1.0,
        pitch=r.number(node, "pitch", key_path + ".pitch", -99, 99, kind=int) if "pitch" in node else 0,
        variant=r.text(node, "variant", key_path + ".variant", "whisper") if "variant" in node else None,
    )


def check_voices(config: VoiceConfig, engine: VoiceChecker, skip_narrator: bool = False, skip_pools: set = frozenset(),
                 skip_prosody: set = frozenset()) -> None:
    """Raise VoiceNotFound for the first built-in voice (narrator, pools) or prosody variant in
    ``config`` the engine lacks, but for those the file gave (checked as they were read)."""
    prefix = f"{config.path}: " if config.path else ""
    checks = [] if skip_narrator else [("narrator.voice", config.narrator.voice)]
    checks += [(f"defaults.{g}[{i}].voice", v.voice) for g, pool in config.pools.items() if g not in skip_pools
               for i, v in enumerate(pool)]
    for key_path, voice in checks:
        engine.resolve_voice(voice, where=prefix + key_path)
    for verb, prosody in config.prosody.items():
        if prosody.variant and verb not in skip_prosody:
            engine.check_variant(prosody.variant, where=f"{prefix}prosody.{verb}.variant")


def voice_fields(voice: VoiceSettings) -> dict:
    """How a voice is written in voices.yaml: voice, rate, then pitch (espeak-ng) or speaker (Piper)."""
    fields = {"voice": voice.voice, "rate": voice.rate}
    if not voice.voice.startswith("piper:"):
        fields["pitch"] = voice.pitch
    if voice.speaker is not None:
        fields["speaker"] = voice.speaker
    return fields


def dump_config(config: VoiceConfig) -> str:
    """``config`` as voices.yaml text, every setting written out; ``load_config`` reads it back equal."""
    import io

    from ruamel.yaml import YAML

    def voice(v: VoiceSettings) -> dict:
        return voice_fields(v) | {"volume": v.volume}

    characters = {}
    for entry in config.characters.values():
        node = voice(entry.settings) if entry.settings else {}
        if entry.aliases:
            node["aliases"] = list(entry.aliases)
        if entry.gender:
            node["gender"] = entry.gender
        characters[entry.name] = node
    data = {
        "narrator": voice(config.narrator),
        "characters": characters,
        "defaults": {gender: [voice(v) for v in pool] for gender, pool in config.pools.items()},
        "pov_narration": config.pov_narration,
        "pauses": dict(config.pauses),
        "read_notes": config.read_notes,
        "pronunciations": dict(config.pronunciations),
        "prosody": {verb: {"rate": p.rate, "volume": p.volume, "pitch": p.pitch, **({"variant": p.variant} if p.variant else {})}
                    for verb, p in config.prosody.items()},
        "not_characters": list(config.not_characters),
        "lines": dict(config.lines),
    }
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.dump(data, out)
    return out.getvalue()
