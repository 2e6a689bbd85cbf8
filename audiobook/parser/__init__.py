"""Stage 2: Document -> Script. Structure, narration vs dialogue, and who speaks each quote.

The work is split by concern:

- ``structure``: paragraphs, chapter headings, scene breaks, POV/time headers, notes;
- ``quotes``: quotation spans inside paragraphs;
- ``characters`` and ``names``: the people of the text, their name forms, aliases and gender;
- ``tags``: speech tags next to a quotation ("said James", "she sobbed");
- ``attribution``: the walk that gives each quotation its speaker, built on ``scene`` (who is on
  stage and talking), ``resolve`` (who a tag's subject means; ``pronouns`` for he and she) and
  ``turns`` (untagged speech);
- ``narrators``: first-person sections and who their "I" is;
- ``rules``: the named tables of patterns all of them use; ``structure_rules``, those of whole
  paragraphs (headings, breaks, notes).
"""
from __future__ import annotations

import re
from typing import Optional

from audiobook.model import Chapter, Character, Document, KnownCast, Script, Segment, SegmentKind
from audiobook.parser import attribution, characters, names, quotes, rules, structure, structure_rules, tags, verbs
from audiobook.parser.narrators import Unit
from audiobook.parser.aliases import join_own_names, refine as refine_aliases
from audiobook.parser.known import apply_cast, pin_lines


def _join(text: str) -> str:
    return " ".join(text.replace("\ufeff", " ").split())


def build_units(text: str) -> tuple[list[Unit], str]:
    """Paragraphs classified and cut into narration and dialogue pieces; also the quote style."""
    paragraphs = structure.classify(text, structure.split_paragraphs(text))
    style = quotes.quote_style(text)
    units = [Unit(p) for p in paragraphs]
    dashed = quotes.dash_dialogue(text, [(p.start, p.end) for p in paragraphs if p.kind == "prose"])
    chats = [quotes.chat_line(text, p.start, p.end) if p.kind == "prose" else None for p in paragraphs]
    carried = False
    for i, unit in enumerate(units):
        p = unit.para
        if p.kind not in ("prose", "note"):
            carried = False
            continue
        nxt = units[i + 1].para if i + 1 < len(units) else None
        next_opens = nxt is not None and nxt.kind == "prose" and \
            quotes.starts_with_open_mark(text, nxt.start, nxt.end, style)
        if p.kind == "note":
            unit.pieces = [quotes.Piece("narration", p.start, p.end)]
            carried = False
            continue
        if chats[i] is not None and any(0 <= j < len(chats) and chats[j] is not None for j in (i - 1, i + 1)):
            # Two chat lines in a row at least: a chat ("Steve: you up?" / "Y/N: no").
            unit.pieces = quotes.split_chat_line(chats[i])
            carried = False
            continue
        if dashed and rules.DASH_OPENING.match(text, p.start, p.end):
            unit.pieces = quotes.split_dash_paragraph(text, p.start, p.end, tags.is_inline_tag)
            carried = False
            continue
        unit.pieces = quotes.split_paragraph(text, p.start, p.end, style, next_opens, carried, tags.is_inline_tag)
        last = unit.pieces[-1]
        carried = last.kind == "dialogue" and last.runs_on
    return units, style


def parse(document: Document, known: Optional[KnownCast] = None) -> Script:
    """Parse ``document`` into a Script: chapters of headings, narration, dialogue, breaks and notes,
    every quotation attributed to a speaker where a guess is possible. ``known`` is what the
    user's voices.yaml says of the cast (listed characters, names that are no people, pinned
    lines); ConfigError for a pinned line that matches no quote or several."""
    units, _ = build_units(document.text)
    text = unwrapped(document.text, units)
    if known is not None:
        pin_lines(text, units, known)
    spans = [(p.start, p.end) for u in units for p in u.pieces if p.kind == "dialogue"]
    story, listing = _story_only(text, units)
    # The names a "Characters:" line lists count as spoken of, not as the narration's mentions.
    tokens = characters.tokenize(story, sorted(spans + listing))
    cast = names.find_cast(story, tokens)
    cast.common = {t.text for t in tokens if t.text.islower()}
    pov = _pov_tag(text, units)
    if pov is not None and cast.resolve(pov) is None:
        cast.add(pov, None)  # before the short forms are joined: "Rosie" is the narrator Rose
    # Joining a name's forms reads the lines as written: whether a titled name and a given name
    # are two people is judged a line at a time, the window it was measured with.
    refine_aliases(document.text, tokens, cast)
    join_own_names(text, _speeches(text, units), cast)
    if known is not None:
        apply_cast(text, cast, known, spans)
    if cast.first_person is None:
        cast.first_person = pov
    attributor = attribution.Attributor(text, cast, units)
    attributor.run()
    narrators = attributor.narrators
    return _assemble(document, units, cast, narrators)


def _speeches(text: str, units: list[Unit]) -> list[list[tuple[int, int]]]:
    """The quotations of each paragraph grouped by speech: one that goes on in lower case after
    a tag ('"And I'm Pennington," said she, "but I'm called Sprat"') is the speech before it."""
    out: list[list[tuple[int, int]]] = []
    for unit in units:
        for i, p in enumerate(q for q in unit.pieces if q.kind == "dialogue"):
            inner = text[p.inner_start:p.inner_end].lstrip(" \u2014-.")
            if i and inner[:1].islower():
                out[-1].append((p.start, p.end))
            else:
                out.append([(p.start, p.end)])
    return out


def unwrapped(text: str, units: list[Unit]) -> str:
    """``text`` with the line breaks inside its prose paragraphs as spaces, every offset kept:
    who speaks does not depend on where a hard-wrapped line happened to break (a role phrase
    broken after its "the" went unseen). Only the division into paragraphs and quotations,
    found before, reads the breaks."""
    parts, at = [], 0
    for unit in units:
        if unit.para.kind == "prose":
            start, end = unit.para.start, unit.para.end
            parts += [text[at:start], text[start:end].replace("\n", " ")]
            at = end
    parts.append(text[at:])
    return "".join(parts)


#: Paragraphs that are not the story's own words: names in them make no character and no mention
#: ("Fandom: Pride and Prejudice - Jane Austen", "Chapter 2: St. George", an author's note).
_NOT_STORY = ("note", "chapter", "author", "time")


def _story_only(text: str, units: list[Unit]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with the paragraphs of ``_NOT_STORY`` blanked out, every offset kept, but for the
    names of a line that lists the cast ("Characters: Steve Rogers, Sam Wilson"); and the spans
    of those lines."""
    parts, at, listing = [], 0, []
    values = False  # the lines after a label alone ("Characters:"), copied from a posting's page
    for unit in units:
        if unit.para.kind in _NOT_STORY:
            start, end = unit.para.start, unit.para.end
            parts.append(text[at:start])
            note = text[start:end] if unit.para.kind == "note" else ""
            label = structure_rules.CAST_LINE.match(note)
            names_from = None  # where the names of a cast line begin, if this is one
            if label is not None:
                names_from = label.end()
                values = not note[names_from:].strip()  # a label alone: the names follow, a line each
            elif values and note and not structure_rules.METADATA_LINE.match(note):
                names_from = 0  # one of those lines: names only
            else:
                values = False
            if names_from is not None:
                parts.append(" " * names_from + text[start + names_from:end])
                listing.append((start + names_from, end))
            else:
                parts.append(re.sub(r"\S", " ", text[start:end]))
            at = end
        else:
            values = False
    parts.append(text[at:])
    return "".join(parts), listing


#: A tag naming the point of view first, as the archive's own tags do ("POV Rose Weasley").
_POV_FIRST = re.compile(r"^POV\s+([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2})$")


def _pov_tag(text: str, units: list[Unit]) -> Optional[str]:
    """The person a tag of the posting names as the point of view ("Additional Tags: Fluff, Rose
    Weasley POV"), before the story begins: who "I" is where no POV header says."""
    for unit in units:
        p = unit.para
        if p.kind == "prose":
            return None
        m = structure_rules.TAGS_LINE.match(text[p.start:p.end]) if p.kind == "note" else None
        for item in text[p.start + m.end():p.end].split(",") if m else ():
            item = item.strip()
            tagged = _POV_FIRST.match(item)
            who = tagged.group(1) if tagged else structure.pov_name(item)
            if who and who.lower() not in structure_rules.NEUTRAL_POV_WORDS:
                return who
    return None


def _pov_words(p, text: str) -> str:
    """How a point-of-view header is read: "James's point of view", "General point of view"."""
    if p.pov:
        return f"{p.pov}'s point of view"
    words = re.sub(r"(?i)\b(?:pov|p\.o\.v\.?|point of view)\b", " ",
                   structure.undecorated(text[p.start:p.end])).strip(" :-'\u2019")
    return f"{words.capitalize()} point of view" if words else "Point of view"


def _book_title(document: Document, units: list[Unit]) -> str:
    if document.info.title:
        return document.info.title
    for u in units:
        if u.para.kind == "title":
            return u.para.title
        if u.para.kind not in ("break", "note"):
            break
    return document.path.stem


def _assemble(document: Document, units: list[Unit], cast: characters.Roster,
              narrators: dict[int, characters.Person]) -> Script:
    text = document.text
    title = _book_title(document, units)
    chapters: list[Chapter] = []
    front: list[Segment] = []
    current: Optional[Chapter] = None
    for index, unit in enumerate(units):
        p = unit.para
        segs: list[Segment] = []
        if p.kind == "chapter":
            current = Chapter(title=_join(p.title) or _join(text[p.start:p.end]))
            chapters.append(current)
            segs.append(Segment(SegmentKind.HEADING, None, current.title, p.start, p.end))
        elif p.kind == "pov":
            segs.append(Segment(SegmentKind.HEADING, None, _pov_words(p, text), p.start, p.end))
        elif p.kind in ("title", "author", "time"):
            words = structure.undecorated(text[p.start:p.end]) if p.kind == "time" else text[p.start:p.end]
            segs.append(Segment(SegmentKind.HEADING, None, _join(words), p.start, p.end))
        elif p.kind == "break":
            segs.append(Segment(SegmentKind.BREAK, None, "", p.start, p.end))
        elif p.kind == "note":
            segs.append(Segment(SegmentKind.NOTE, None, _join(text[p.start:p.end]), p.start, p.end))
        else:
            narrator = narrators.get(index)
            for piece in unit.pieces:
                if piece.kind == "dialogue":
                    segs.append(Segment(SegmentKind.DIALOGUE, piece.speaker,
                                        _join(text[piece.inner_start:piece.inner_end]), piece.start, piece.end,
                                        how=piece.how))
                else:
                    segs.append(Segment(SegmentKind.NARRATION, narrator.name if narrator else None,
                                        _join(text[piece.start:piece.end]).lstrip(",;:.) ").strip(),
                                        piece.start, piece.end))
        target = current.segments if current is not None else front
        if p.kind == "chapter":
            target = current.segments
        target.extend(segs)
    if not chapters:
        chapters.append(Chapter(title=title, segments=front))
    elif front:
        if any(s.kind in (SegmentKind.NARRATION, SegmentKind.DIALOGUE, SegmentKind.NOTE) for s in front):
            chapters.insert(0, Chapter(title=title, segments=front))
        else:
            chapters[0].segments[:0] = front
    for chapter in chapters:
        verbs.mark_verbs(chapter.segments, text)
    author = document.info.author or next((" ".join(u.para.title.split()) for u in units if u.para.kind == "author"), None)
    return Script(source=document.path.name, title=title, author=author,
                  chapters=chapters, characters=_characters(chapters, cast))


def _characters(chapters: list[Chapter], cast: characters.Roster) -> list[Character]:
    lines: dict[str, int] = {}
    for chapter in chapters:
        for seg in chapter.segments:
            if seg.speaker:
                lines.setdefault(seg.speaker, 0)
                if seg.kind is SegmentKind.DIALOGUE:
                    lines[seg.speaker] += 1
    out, speakers = [], {name.lower() for name in lines}
    for name, n in lines.items():
        person = cast.person_named(name)
        aliases = sorted(person.forms, key=lambda f: (-person.forms[f], f)) if person else [name]
        # A noun character who turns out to be someone is renamed within its scene only ("the
        # clerk" of another scene may be another clerk), so the noun can still speak as itself:
        # then it is that speaker's name, and not also an alias of the one it turned out to be.
        aliases = [a for a in aliases if a == name or a.lower() not in speakers]
        if name not in aliases:
            aliases.insert(0, name)
        out.append(Character(name=name, aliases=aliases, gender=person.gender if person else None, lines=n))
    out.sort(key=lambda c: (-c.lines, c.name))
    return out
