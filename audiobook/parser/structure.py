"""Blocks of the source: paragraphs, chapter headings, scene breaks, POV and time headers, notes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from audiobook.parser import rules, structure_rules


@dataclass
class Paragraph:
    """One paragraph of the source, or one structural line (heading, break, note)."""

    start: int
    """Offset of its first non-space character."""
    end: int
    """Offset one past its last non-space character."""
    kind: str = "prose"
    """``prose``, ``chapter``, ``title``, ``author``, ``pov``, ``time``, ``break`` or ``note``."""
    title: str = ""
    """For ``chapter``/``title``/``pov``/``time``: the words to read as the heading."""
    pov: Optional[str] = None
    """For ``pov``: the character named by the header, ``""`` for a neutral (narrator) header."""
    lines: list[tuple[int, int]] = field(default_factory=list)
    """Spans of the source lines it is made of (without the newline)."""
    wide_gap: bool = False
    """Two or more blank lines come before it: a silent scene change, even without a break line."""


@dataclass
class Layout:
    """How the source lays out its paragraphs."""

    hard_wrapped: bool
    """Lines are folded at a fixed width (Gutenberg style) and must be joined."""
    wrap_width: int
    """Typical length of a full folded line (0 when not hard-wrapped)."""


_SENTENCE_END = re.compile(r"[.!?:\u2026\"\u201d'\u2019)\]_*]$")


def split_lines(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of every line of ``text`` without the newline."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def detect_layout(text: str, lines: list[tuple[int, int]]) -> Layout:
    """Decide whether the source is hard-wrapped from its distribution of line lengths."""
    lengths = sorted(e - s for s, e in lines if text[s:e].strip())
    if len(lengths) < 4:
        return Layout(False, 0)
    long_share = sum(1 for n in lengths if n > 100) / len(lengths)
    width = lengths[int(len(lengths) * 0.9)]
    # A folded text has almost no long lines and many lines close to one width.
    near = sum(1 for n in lengths if width - 12 <= n <= width) / len(lengths)
    if long_share < 0.02 and 40 <= width <= 100 and near > 0.3:
        return Layout(True, width)
    return Layout(False, 0)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[Paragraph]:
    """Cut ``text`` into paragraphs: blank-line separated, or one per line when not folded."""
    lines = split_lines(text)
    layout = detect_layout(text, lines)
    paragraphs: list[Paragraph] = []
    current: list[tuple[int, int]] = []
    blanks = 0

    def flush() -> None:
        nonlocal blanks
        if current:
            s, e = _trim(text, current[0][0], current[-1][1])
            paragraphs.append(Paragraph(s, e, lines=[_trim(text, a, b) for a, b in current],
                                        wide_gap=blanks >= 2 and bool(paragraphs)))
            current.clear()
            blanks = 0

    for s, e in lines:
        line = text[s:e]
        stripped = line.strip()
        if not stripped:
            flush()
            blanks += 1
            continue
        if current:
            prev = text[current[-1][0]:current[-1][1]].rstrip()
            if _is_structural(stripped) or _is_structural(prev.strip()):
                flush()
            elif not layout.hard_wrapped:
                # Unfolded text: each line is a paragraph, unless the line plainly runs on.
                if _SENTENCE_END.search(prev) or not stripped[0].islower():
                    flush()
            elif len(prev) < layout.wrap_width - 20 and _SENTENCE_END.search(prev):
                # A short line that ends a sentence ends its paragraph in folded text.
                flush()
        current.append((s, e))
    flush()
    return paragraphs


def _is_structural(line: str) -> bool:
    """A line that stands alone whatever the layout: a scene break or a chapter heading."""
    if len(line) > structure_rules.HEADING_MAX_CHARS:
        return False
    if any(p.match(line) for p in structure_rules.SCENE_BREAK_SHAPES):
        return True
    return bool(re.match(r"^(?:chapter|prologue|epilogue|part)\b", line, re.I)) and _chapter_title(line) is not None


def _chapter_title(line: str) -> Optional[str]:
    for pattern in structure_rules.CHAPTER_HEADING_PATTERNS:
        m = pattern.match(line)
        if m:
            return (m.groupdict().get("title") or "").strip()
    return None


def _looks_like_title_line(line: str) -> bool:
    """A short line with no sentence ending: a chapter's or book's title."""
    if not line or len(line) > 70 or line[0] in "\"\u201c'\u2018(-":
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if line.endswith((".", ",", ";", ":", "?", "!", "\"", "\u201d")) and not line.endswith("..."):
        return False
    return len(line.split()) <= 10


def _quoted_caps_title(line: str) -> bool:
    """A title set in quotation marks and capitals under a chapter number ("ALL THE WORLD'S A
    STAGE" in quotes): a heading, not speech, since nobody talks in capitals alone, short of
    shouting ("TOM!")."""
    inner = line.strip().strip("\"\u201c\u201d")
    return len(line) <= 70 and line.strip()[:1] in "\"\u201c" and any(c.isalpha() for c in inner) \
        and not any(c.islower() for c in inner) and len(inner.split()) <= 10 \
        and not inner.rstrip().endswith(("!", "?", "!--", "\u2014"))  # "TOM!" is a shout


def undecorated(line: str) -> str:
    """A header line without the symbols around it ("~Tom's POV~" -> "Tom's POV")."""
    return structure_rules.HEADER_DECORATION.sub("", line) or line


def pov_name(line: str) -> Optional[str]:
    """The person a POV header names ("~Tom's POV~": Tom), "" for the narrator ("Normal POV"),
    None when the line is no POV header."""
    for pattern in structure_rules.POV_HEADER_PATTERNS:
        m = pattern.match(line)
        if m:
            who = m.group("who").strip().rstrip("'\u2019").strip()
            if who.lower().endswith(("'s", "\u2019s")):
                who = who[:-2]
            if who.lower() in structure_rules.NEUTRAL_POV_WORDS:
                return ""
            return " ".join(w.capitalize() if w.isupper() else w for w in who.split())
    return None


def classify(text: str, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Mark each paragraph's kind: chapter headings (with a title on the next line), breaks,
    POV and time headers, notes, and the book title before the first chapter."""
    out: list[Paragraph] = []
    i = 0
    n = len(paragraphs)
    seen_prose = False
    while i < n:
        p = paragraphs[i]
        line = text[p.start:p.end].lstrip("\ufeff")
        single = len(p.lines) == 1
        if not seen_prose and len(p.lines) == 2 and not _has_chapter(out):
            first, second = (text[a:b].strip() for a, b in p.lines)
            byline = structure_rules.BYLINE.match(second)
            if byline and byline.group("author") and len(first) <= structure_rules.HEADING_MAX_CHARS \
                    and not first.endswith((".", ",", ";")):
                # "Crossing / by lanternfish_writes" with no blank line between: title, then author
                (a, b), (c, d) = p.lines
                out.append(Paragraph(a, b, "title", first, lines=[(a, b)], wide_gap=p.wide_gap))
                out.append(Paragraph(c, d, "author", byline.group("author"), lines=[(c, d)]))
                i += 1
                continue
        if not seen_prose and not out and len(p.lines) == 2 and i + 1 < n \
                and structure_rules.METADATA_LINE.match(text[paragraphs[i + 1].start:paragraphs[i + 1].end]):
            first, second = (text[a:b].strip() for a, b in p.lines)
            if structure_rules.AUTHOR_HANDLE.match(second) and len(first) <= structure_rules.HEADING_MAX_CHARS \
                    and not first.endswith((".", ",", ";", ":")):
                # "Gravy / quillsandkettles" with no blank line between, then the posting facts:
                # title, then the author's user name.
                (a, b), (c, d) = p.lines
                out.append(Paragraph(a, b, "title", first, lines=[(a, b)], wide_gap=p.wide_gap))
                out.append(Paragraph(c, d, "author", second, lines=[(c, d)]))
                i += 1
                continue
        if not seen_prose and structure_rules.METADATA_LINE.match(line):
            p.kind = "note"  # "Rating: Teen And Up Audiences": how the story is posted, not the story
            out.append(p)
            i += 1
            if single and not line.split(":", 1)[1].strip():
                i = _label_values(text, paragraphs, i, out)
            continue
        if not seen_prose and len(p.lines) == 2 and out and out[-1].kind == "note" and not _has_chapter(out):
            first, second = (text[a:b].strip() for a, b in p.lines)
            nxt = paragraphs[i + 1] if i + 1 < n else None
            if structure_rules.AUTHOR_HANDLE.match(second) and len(first) <= structure_rules.HEADING_MAX_CHARS \
                    and nxt is not None and structure_rules.NOTE_SECTION_LABEL.match(text[nxt.start:nxt.end]):
                # A posting copied from its page: the facts, then the title over its author's name,
                # then "Summary:".
                (a, b), (c, d) = p.lines
                out.append(Paragraph(a, b, "title", first, lines=[(a, b)], wide_gap=p.wide_gap))
                out.append(Paragraph(c, d, "author", second, lines=[(c, d)]))
                i += 1
                continue
        if single and len(line) <= structure_rules.HEADING_MAX_CHARS:
            if any(pat.match(line) for pat in structure_rules.SCENE_BREAK_SHAPES):
                p.kind = "break"
                out.append(p)
                i += 1
                continue
            title = _chapter_title(line)
            if title is not None and not (line.startswith("#") and len(line) > 1 and line[1] not in "# "):
                p.kind = "chapter"
                p.title = line.lstrip("#").strip()
                nxt = paragraphs[i + 1] if i + 1 < n else None
                if not title and nxt is not None and len(nxt.lines) == 1:
                    nline = text[nxt.start:nxt.end]
                    titled = _looks_like_title_line(nline) or _quoted_caps_title(nline)
                    if titled and _chapter_title(nline) is None and pov_name(nline) is None \
                            and not any(pat.match(nline) for pat in structure_rules.TIME_HEADER_PATTERNS):
                        p.title = f"{p.title}. {nline}" if p.title else nline
                        p.end = nxt.end
                        p.lines = p.lines + nxt.lines
                        i += 1
                out.append(p)
                i += 1
                continue
            bare = undecorated(line)
            who = pov_name(bare)
            if who is not None:
                p.kind, p.pov, p.title = "pov", who, line
                out.append(p)
                i += 1
                continue
            # "Later, the lamps were lit." is a sentence, "Three days later." a header.
            sentence = bare.endswith((".", "!", "?")) and not bare.endswith("...") and len(bare.split()) > 4
            if len(bare) <= 60 and any(pat.match(bare) for pat in structure_rules.TIME_HEADER_PATTERNS) \
                    and not re.search(r"[\"\u201c\u201d]", line) and not sentence:
                p.kind, p.title = "time", line
                out.append(p)
                i += 1
                continue
            byline = structure_rules.BYLINE.match(line)
            if not seen_prose and byline and not _has_chapter(out):
                p.kind, p.title = ("author", byline.group("author")) if byline.group("author") else ("title", line)
                out.append(p)
                i += 1
                if not byline.group("author") and i < n and len(paragraphs[i].lines) == 1:
                    q = paragraphs[i]
                    q.kind, q.title = "author", text[q.start:q.end]
                    out.append(q)
                    i += 1
                continue
            nxt = paragraphs[i + 1] if i + 1 < n else None
            bylined = nxt is not None and len(nxt.lines) == 1 and bool(
                (m := structure_rules.BYLINE.match(text[nxt.start:nxt.end])) and m.group("author"))
            if not seen_prose and (_looks_like_title_line(line) or bylined) and not _has_chapter(out):
                # "what if we kissed (in the rain)" above "by quietmoth": a title in any case
                p.kind, p.title = "title", line
                out.append(p)
                i += 1
                continue
            if not seen_prose and nxt is not None and structure_rules.AUTHOR_HANDLE.match(line) \
                    and structure_rules.METADATA_LINE.match(text[nxt.start:nxt.end]):
                p.kind, p.title = "author", line  # a story as posted: its title, its author's name, its tags
                out.append(p)
                i += 1
                continue
        if any(pat.match(line) for pat in structure_rules.NOTE_MARKERS) or (
                structure_rules.ARCHIVE_MESSAGE.search(text, p.start, p.end)):
            p.kind = "note"
        seen_prose = True
        out.append(p)
        i += 1
    _mark_posting_sections(text, out)
    _mark_edge_notes(text, out)
    _mark_bare_name_pov(text, out)
    return out


def _label_values(text: str, paragraphs: list[Paragraph], i: int, out: list[Paragraph]) -> int:
    """A posting fact copied from its page puts its label on a line of its own ("Rating:") and
    its value on the next, often indented ("    General Audiences"), a list one item a line: those
    lines are notes too. Returns the index of the first paragraph after them."""
    first = True
    while i < len(paragraphs):
        q = paragraphs[i]
        line = text[q.start:q.end]
        indented = q.start > text.rfind("\n", 0, q.start) + 1  # a paragraph starts at its first letter
        if len(q.lines) != 1 or structure_rules.METADATA_LINE.match(line) or not (first or indented):
            break
        q.kind = "note"
        out.append(q)
        i, first = i + 1, False
    return i


def _mark_posting_sections(text: str, paragraphs: list[Paragraph]) -> None:
    """A story as its archive lets it be downloaded: "Summary:", "Notes:" and "End Notes:" each
    open a note that runs to the next label, heading or scene break, and "Work Text:" opens the
    story. The title said again after the notes opens it too, as the archive's own download puts
    it; and a section that turns out to hold the talk of the story was its first paragraph only."""
    titles = {text[p.start:p.end].strip() for p in paragraphs if p.kind == "title"}
    section: list[Paragraph] = []
    for p in paragraphs:
        line = text[p.start:p.end]
        if len(p.lines) == 1 and structure_rules.NOTE_SECTION_LABEL.match(line):
            _close_section(text, section)
            p.kind, section = "note", [p]
        elif len(p.lines) == 1 and structure_rules.STORY_SECTION_LABEL.match(line):
            _close_section(text, section)
            p.kind, section = "note", []
        elif section and line.strip() in titles and len(p.lines) == 1:
            _close_section(text, section)
            p.kind, p.title, section = "title", line.strip(), []
        elif p.kind in ("chapter", "title", "break"):
            _close_section(text, section)
            section = []
        elif section and p.kind == "prose":
            p.kind = "note"
            section.append(p)
    _close_section(text, section)


def _close_section(text: str, section: list[Paragraph]) -> None:
    """A labelled note section (label first) that holds several paragraphs opening with speech
    is the story run on after a one-paragraph note: all but that paragraph are the story's."""
    talk = [p for p in section[2:] if structure_rules.OPENS_SPEECH.match(text, p.start, p.end)]
    if len(talk) >= structure_rules.NOTE_SECTION_MAX_SPEECHES:
        for p in section[2:]:
            p.kind = "prose"


def _has_chapter(out: list[Paragraph]) -> bool:
    return any(p.kind == "chapter" for p in out)


def _mark_edge_notes(text: str, paragraphs: list[Paragraph]) -> None:
    """Thanks and pleas to readers at either end of the story, without a marker, are notes."""
    prose = [p for p in paragraphs if p.kind == "prose"]
    edge = prose[: structure_rules.NOTE_EDGE_PARAGRAPHS] + prose[-structure_rules.NOTE_EDGE_PARAGRAPHS:]
    for p in edge:
        body = text[p.start:p.end]
        if len(body) < 600 and structure_rules.NOTE_WORDS.search(body) and not re.search(r"[\"\u201c]", body):
            p.kind = "note"


_BARE_NAME = re.compile(r"^[A-Z][A-Za-z'\u2019-]+(?: [A-Z][A-Za-z'\u2019-]+)?$")


def _mark_bare_name_pov(text: str, paragraphs: list[Paragraph]) -> None:
    """A name alone on its line right before first-person prose is a point-of-view header."""
    for i, p in enumerate(paragraphs[:-1]):
        if p.kind not in ("prose", "title") or len(p.lines) != 1:
            continue
        line = text[p.start:p.end]
        if not _BARE_NAME.match(line) or line.split()[0].capitalize() in rules.NOT_NAMES:
            continue
        nxt = paragraphs[i + 1]
        if nxt.kind != "prose":
            continue
        body = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", text[nxt.start:nxt.end])
        if len(rules.FIRST_PERSON.findall(body)) >= 2:
            p.kind, p.title = "pov", line
            p.pov = " ".join(w.capitalize() if w.isupper() else w for w in line.split())
