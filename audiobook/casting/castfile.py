"""Writing the cast into voices.yaml: new characters added, the user's edits and comments kept."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Optional

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from audiobook.errors import ConfigError
from audiobook.model import Cast, Script, VoiceSettings
from audiobook.casting.schema import DEFAULT_NARRATOR, read_yaml, voice_fields

NEW_FILE_HEADER = """\
# voices.yaml: who sounds how. Every voice is one line to change.
#
# voice:  an engine voice id (see `audiobook voices`), optionally with an espeak-ng
#         variant after a plus sign: gmw/en-us+f3, gmw/en-gb-x-rp+m2 ...
# rate:   words per minute, 80 to 450
# pitch:  0 to 99 (50 is the voice's own pitch)
# volume: 0.0 to 2.0 (1.0 is the engine's normal level)
#
# Characters are listed most-speaking first, with their line counts as comments.
# Other keys: defaults, pov_narration, pauses, read_notes, pronunciations, prosody (see README).
"""


def updated_voices_file(path: Path, script: Script, cast: Cast,
                        narrator: Optional[VoiceSettings] = None) -> tuple[str, list[str]]:
    """``path`` (or a new file if it is absent) with every speaking character of ``script`` it
    lacks added, in the voice ``cast`` gave it, and the line-count comments refreshed; returns
    the new text and the names added."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    if path.exists():
        data = read_yaml(path)
        if data is None:
            data = CommentedMap()
        if not isinstance(data, CommentedMap):
            raise ConfigError(f"{path}: the top level must be a mapping (narrator:, characters:, ...)")
    else:
        data = yaml.load(NEW_FILE_HEADER + "\nnarrator:\n" + _voice_yaml(narrator or DEFAULT_NARRATOR))
    characters = data.get("characters")
    if not isinstance(characters, CommentedMap):
        characters = CommentedMap()
        data["characters"] = characters
    known = {}
    for key, entry in characters.items():
        known[str(key).lower()] = key
        if isinstance(entry, dict):
            for alias in entry.get("aliases") or []:
                known[str(alias).lower()] = key
    trailing = _detach_trailing_comment(characters)
    added: list = []
    lines: dict = {}
    for character in sorted(script.characters, key=lambda c: (-c.lines, c.name)):
        key = known.get(character.name.lower())
        if key is None:
            entry = CommentedMap()
            voice = cast.voice_for(character.name)
            entry.update(voice_fields(voice))
            # A name is one character's only: the file is read back as the parser's cast, and
            # a name under two characters is an error there. A form the parser gave to someone
            # who speaks more stays theirs.
            aliases = CommentedSeq(a for a in dict.fromkeys(character.aliases)
                                   if a.lower() != character.name.lower() and a.lower() not in known)
            if aliases:
                aliases.fa.set_flow_style()
                entry["aliases"] = aliases
            if character.gender:
                entry["gender"] = character.gender
            characters[character.name] = entry
            key = character.name
            for name in (key, *aliases):
                known[name.lower()] = key
            added.append(key)
        lines[key] = lines.get(key, 0) + character.lines
    for key, count in lines.items():  # one comment per entry, with the lines of every name under it
        _set_line_comment(characters, key, f"{count} line{'s' * (count != 1)}")
    if trailing:
        _attach_trailing_comment(characters, trailing)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue(), added


def _voice_yaml(voice: VoiceSettings) -> str:
    return "".join(f"  {key}: {value}\n" for key, value in voice_fields(voice).items())


def _set_line_comment(mapping: CommentedMap, key: Any, text: str) -> None:
    tokens = mapping.ca.items.get(key)
    if tokens and len(tokens) > 2 and tokens[2] is not None and not isinstance(mapping[key], dict):
        return  # a scalar entry with the user's own comment: leave it
    mapping.yaml_add_eol_comment(text, key, column=0)


def _last_leaf(node: Any) -> Optional[tuple[Any, Any]]:
    """The mapping or list, and key or index, holding the last scalar of ``node``: where the
    comment lines that follow it in the file are kept."""
    leaf = None
    while isinstance(node, (CommentedMap, CommentedSeq)) and node and not node.fa.flow_style():
        last = list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1
        leaf = (node, last)
        node = node[last]
    return leaf


def _detach_trailing_comment(node: Any) -> Optional[str]:
    """Take the comment lines that follow the mapping's last entry (they introduce whatever
    comes after it in the file), so that new entries can go before them."""
    leaf = _last_leaf(node)
    if leaf is None:
        return None
    tokens = leaf[0].ca.items.get(leaf[1])
    if not tokens or len(tokens) < 3 or tokens[2] is None:
        return None
    eol, _, rest = tokens[2].value.partition("\n")
    if not rest.strip():
        return None
    tokens[2].value = eol + "\n"
    return rest


def _attach_trailing_comment(node: Any, text: str) -> None:
    leaf = _last_leaf(node)
    if leaf is None:
        return
    mapping, key = leaf
    tokens = mapping.ca.items.setdefault(key, [None, None, None, None])
    while len(tokens) < 4:
        tokens.append(None)
    if tokens[2] is None:
        tokens[2] = CommentToken("\n" + text, CommentMark(0), None)
    else:
        tokens[2].value = tokens[2].value.rstrip("\n") + "\n" + text
