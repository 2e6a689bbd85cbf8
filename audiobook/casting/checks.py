"""What voices.yaml says that the book does not bear out: characters it never mentions (a typo,
or a file kept for a whole series). Pinned lines are checked by the parser, which finds the quotes."""
from __future__ import annotations

import difflib

from audiobook.casting.schema import VoiceConfig
from audiobook.model import KnownCast, KnownCharacter, Pin, Script
from audiobook.parser.known import is_name, mentioned


def unmentioned(config: VoiceConfig, script: Script, text: str) -> list[str]:
    """A warning line for each character in ``config`` that ``text`` never mentions by any of
    its names, with the nearest name the parser found; none when the file names nobody of the
    book at all."""
    found = [name for c in script.characters for name in dict.fromkeys([c.name, *c.aliases])]
    if not any(mentioned(text, [e.name, *e.aliases]) for e in config.characters.values()):
        return []  # a file for other books altogether (./voices.yaml of another story): nothing to say
    out = []
    for entry in config.characters.values():
        names = [entry.name, *entry.aliases]
        # A description the parser wrote in lower case ("the colonel") stands for "the Colonel".
        if mentioned(text, names) or mentioned(text, [n for n in names if not is_name(n)], ignore_case=True):
            continue
        near = difflib.get_close_matches(entry.name, found, n=1, cutoff=0.6)
        hint = f"did you mean {near[0]}?" if near else "(fine if the file serves other books too)"
        out.append(f"{entry.where or 'characters.' + entry.name}: not in this book; {hint}")
    return out


def known_cast(config: VoiceConfig) -> KnownCast:
    """What the parser is to take from ``config``: the characters listed, with aliases and
    gender; the names that are never speakers; the pinned lines (``narrator`` pins to None)."""
    characters = tuple(KnownCharacter(e.name, tuple(e.aliases), e.gender) for e in config.characters.values())
    pins = tuple(Pin(words, None if speaker.lower() == "narrator" else speaker, config.lines_where.get(words, ""))
                 for words, speaker in config.lines.items())
    return KnownCast(characters, tuple(config.not_characters), pins)
