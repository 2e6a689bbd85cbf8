"""Readable views of a Script: a screenplay and a cast table."""
from __future__ import annotations

import textwrap

from audiobook.model import HOW, Document, Script, SegmentKind
from audiobook.parser.known import quote_key

#: Width the screenplay's narration is folded to.
WIDTH = 100


def screenplay(script: Script, document: Document) -> str:
    """The script as a screenplay: ``Lily: "..."`` for dialogue, narration indented.

    First-person narration is marked with its narrator (``[James]``), author's notes with
    ``[note]``; headings stand on their own lines and scene breaks show as ``* * *``.
    """
    out = [f"# {script.title}\n"]
    if script.author:
        out.append(f"by {script.author}\n")
    for chapter in script.chapters:
        out.append(f"\n## {chapter.title}\n\n")
        for seg in chapter.segments:
            if seg.kind is SegmentKind.DIALOGUE:
                out.append(f"{seg.speaker or '?'}: \"{seg.text}\"\n")
            elif seg.kind is SegmentKind.BREAK:
                out.append("\n    * * *\n\n")
            elif seg.kind is SegmentKind.HEADING:
                if seg.text != chapter.title:
                    out.append(f"    == {seg.text} ==\n")
            else:
                tag = "[note] " if seg.kind is SegmentKind.NOTE else f"[{seg.speaker}] " if seg.speaker else ""
                body = textwrap.fill(tag + seg.text, width=WIDTH, initial_indent="    ",
                                     subsequent_indent="    ", break_long_words=False, break_on_hyphens=False)
                out.append(body + "\n")
    return "".join(out)


def cast_table(script: Script) -> str:
    """The characters with line counts, gender and aliases, most lines first."""
    rows = sorted(script.characters, key=lambda c: (-c.lines, c.name))
    width = max([len(c.name) for c in rows] + [9])
    out = [f"{'character':<{width}}  lines  gender  aliases\n"]
    for c in rows:
        out.append(f"{c.name:<{width}}  {c.lines:>5}  {c.gender or '-':<6}  {', '.join(c.aliases)}\n")
    return "".join(out)


#: Review order: least certain first (no speaker at all before any guess).
_CERTAINTY = {None: -1, **{how: i for i, how in enumerate(reversed(HOW))}}


def review(script: Script) -> str:
    """Every line of dialogue, least certain first, each with the ``lines:`` entry for
    voices.yaml that would pin it to the speaker shown (change the name to correct it)."""
    quotes = [(number, seg) for number, chapter in enumerate(script.chapters, start=1)
              for seg in chapter.segments if seg.kind is SegmentKind.DIALOGUE]
    keys = [quote_key(seg.text) for _n, seg in quotes]
    rows = sorted(range(len(quotes)), key=lambda i: (_CERTAINTY.get(quotes[i][1].how, -1), i))
    out = []
    for i in rows:
        number, seg = quotes[i]
        words = seg.text.split()
        key = seg.text
        for n in range(min(4, len(words)), len(words) + 1):
            key = " ".join(words[:n]).rstrip(",;:")
            if sum(quote_key(key) in other for other in keys) == 1:
                break
        speaker = seg.speaker or "narrator"
        key = key.replace("\\", "\\\\").replace('"', '\\"')
        out.append(f"[{seg.how or 'none'}] chapter {number}: {speaker}: \u201c{seg.text}\u201d\n"
                   f"    lines: {{\"{key}\": {speaker}}}\n")
    return "".join(out)
