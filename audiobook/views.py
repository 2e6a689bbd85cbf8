"""Readable views of a Script: a screenplay and a cast table."""
from __future__ import annotations

from audiobook.model import Document, Script, SegmentKind


def screenplay(script: Script, document: Document) -> str:
    """The script as a screenplay: ``Lily: "..."`` for dialogue, narration indented."""
    out = [f"# {script.title}\n"]
    for chapter in script.chapters:
        out.append(f"\n## {chapter.title}\n\n")
        for seg in chapter.segments:
            if seg.kind is SegmentKind.DIALOGUE:
                out.append(f"{seg.speaker or '?'}: \"{seg.text}\"\n")
            elif seg.kind is SegmentKind.BREAK:
                out.append("    * * *\n")
            else:
                who = f"[{seg.speaker}] " if seg.speaker else ""
                out.append(f"    {who}{seg.text}\n")
    return "".join(out)


def cast_table(script: Script) -> str:
    """The characters with line counts, gender and aliases, most lines first."""
    rows = sorted(script.characters, key=lambda c: (-c.lines, c.name))
    width = max([len(c.name) for c in rows] + [9])
    out = [f"{'character':<{width}}  lines  gender  aliases\n"]
    for c in rows:
        out.append(f"{c.name:<{width}}  {c.lines:>5}  {c.gender or '-':<6}  {', '.join(c.aliases)}\n")
    return "".join(out)
