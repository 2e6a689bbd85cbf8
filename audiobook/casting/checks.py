"""What voices.yaml says that the book does not bear out: characters it never mentions (a typo,
or a file kept for a whole series), and pinned lines that match no quote or several."""
from __future__ import annotations

import difflib
import re
from typing import Optional

from audiobook.casting.schema import VoiceConfig
from audiobook.errors import ConfigError
from audiobook.model import Script, Segment, SegmentKind

#: Quote marks and dashes that a pinned line's key may have or lack.
_MARKS = re.compile(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb\u2014\u2013-]+")


def unmentioned(config: VoiceConfig, script: Script, text: str) -> list[str]:
    """A warning line for each character in ``config`` that ``text`` never mentions by any of
    its names, with the nearest name the parser found."""
    found = [name for c in script.characters for name in dict.fromkeys([c.name, *c.aliases])]
    out = []
    for entry in config.characters.values():
        names = [entry.name, *entry.aliases]
        if any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text) for n in names):
            continue
        near = difflib.get_close_matches(entry.name, found, n=1, cutoff=0.6)
        hint = f"did you mean {near[0]}?" if near else "(fine if the file serves other books too)"
        out.append(f"{entry.where or 'characters.' + entry.name}: not in this book; {hint}")
    return out


def quote_key(text: str) -> str:
    """How pinned lines are matched: lower case, quote marks and dashes dropped, spaces folded."""
    return " ".join(_MARKS.sub(" ", text).lower().split())


def pinned_segments(config: VoiceConfig, script: Script) -> dict[int, tuple[str, Optional[str]]]:
    """For each pinned line, ``id(segment)`` of the one quote it matches -> (key, speaker: a
    character's name, or None for the narrator). ConfigError, naming the key and the
    candidates with their chapter, for a key that matches no quote or several."""
    names = {}
    for entry in config.characters.values():
        for name in [entry.name, *entry.aliases]:
            names[name.lower()] = entry.name
    for character in script.characters:
        for name in [character.name, *character.aliases]:
            names.setdefault(name.lower(), character.name)
    quotes = [(number, seg, quote_key(seg.text)) for number, chapter in enumerate(script.chapters, start=1)
              for seg in chapter.segments if seg.kind is SegmentKind.DIALOGUE]
    out: dict[int, tuple[str, Optional[str]]] = {}
    for key, speaker in config.lines.items():
        where = config.lines_where.get(key, f'lines."{key}"')
        wanted = quote_key(key)
        matches = [(number, seg) for number, seg, words in quotes if wanted and wanted in words]
        if not matches:
            raise ConfigError(f"{where}: matches no quote of the book; copy a few words from the line as printed")
        if len(matches) > 1:
            shown = "; ".join(f"{_short(seg)} (chapter {number})" for number, seg in matches[:4])
            more = f" and {len(matches) - 4} more" if len(matches) > 4 else ""
            raise ConfigError(f"{where}: matches {len(matches)} quotes: {shown}{more}; add words to tell them apart")
        if speaker.lower() == "narrator":
            who = None
        elif speaker.lower() in names:
            who = names[speaker.lower()]
        else:
            near = difflib.get_close_matches(speaker, sorted({*names.values()}), n=1)
            hint = f"did you mean {near[0]}?" if near else "add them under characters"
            raise ConfigError(f"{where}: {speaker!r} is no character of the book or of the file; {hint}")
        out[id(matches[0][1])] = (key, who)
    return out


def _short(seg: Segment, limit: int = 50) -> str:
    text = " ".join(seg.text.split())
    return f"\u201c{text if len(text) <= limit else text[:limit - 1] + '\u2026'}\u201d"
