"""Quote spans inside prose paragraphs: double or single marks, apostrophes told apart,
quotations running over several paragraphs, and unbalanced marks kept from spreading."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from audiobook.parser import rules


@dataclass
class Piece:
    """A run of one paragraph: the words inside a pair of quote marks, or the prose around them."""

    kind: str
    """``dialogue`` or ``narration``."""
    start: int
    """Offset of the first character (a dialogue piece starts at its opening mark)."""
    end: int
    """Offset one past the last character (a dialogue piece ends after its closing mark)."""
    inner_start: int = 0
    """For dialogue: offset just inside the opening mark."""
    inner_end: int = 0
    """For dialogue: offset of the closing mark (or the paragraph end when the quote runs on)."""
    runs_on: bool = False
    """For dialogue: no closing mark in this paragraph; the quotation goes on in the next one."""
    continues: bool = False
    """For dialogue: this quotation carries on from the previous paragraph."""
    speaker: Optional[str] = None
    """Who says it (dialogue) or whose first-person narration it is (narration); None: narrator."""
    how: Optional[str] = None
    """For dialogue: how its speaker was found (``model.HOW``)."""
    pinned: Optional[str] = None
    """For dialogue: the speaker a pinned line in voices.yaml gives it ("" for the narrator)."""
    sender: Optional[str] = None
    """For dialogue: the name a line of a chat opens with ("Steve: you up?"; a reader's blank
    in capitals, "Y/N", as the parser's words have it)."""


def quote_style(text: str) -> str:
    """``double`` when the story quotes speech with double marks, ``single`` for British single marks."""
    doubles = sum(text.count(c) for c in '"\u201c\u201d')
    singles = 0
    for i, c in enumerate(text):
        if c in rules.SINGLE_OPEN and _single_opens(text, i, 0, len(text)):
            singles += 1
    return "single" if singles > 2 * doubles else "double"


def _word_after(text: str, i: int, end: int) -> str:
    j = i + 1
    while j < end and text[j].isalpha():
        j += 1
    return text[i + 1:j].lower()


def _single_opens(text: str, i: int, start: int, end: int) -> bool:
    """A single mark at ``i`` opens a quotation (not an apostrophe or elision like 'em)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if not (before.isspace() or before in "([{\u2014\u2013-\"\u201c"):
        return False
    if after.isspace():
        return False
    if after.isalpha() and _word_after(text, i, end) in rules.ELISIONS_LEADING:
        return False
    if after.isdigit() and text[i + 1:i + 3].isdigit():  # '99
        return False
    return True


def _single_close_strength(text: str, i: int, start: int, end: int) -> int:
    """2: surely closes a quotation; 1: may close it (or be a plural possessive); 0: does not."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before.isspace() or after.isalnum():
        return 0
    if before in rules.CLOSING_PUNCT:
        return 2
    return 1


def _double_role(text: str, i: int, start: int, end: int) -> str:
    """``open``, ``close`` or ``either`` for a double mark, from the mark and its neighbours."""
    c = text[i]
    if c in rules.DOUBLE_OPEN and c != '"':
        return "open"
    if c in rules.DOUBLE_CLOSE and c != '"':
        return "close"
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if (before.isspace() or before in "([{\u2014\u2013") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "either"


def find_quotes(text: str, start: int, end: int, style: str) -> list[tuple[int, int, bool]]:
    """Quote spans ``(open, close, closed)`` in ``text[start:end]``; ``close`` is the offset of the
    closing mark, or ``end`` when the paragraph ends inside the quotation."""
    spans: list[tuple[int, int, bool]] = []
    if style == "double":
        marks = [i for i in range(start, end) if text[i] in rules.DOUBLE_MARKS]
        open_at: Optional[int] = None
        for i in marks:
            role = _double_role(text, i, start, end)
            if open_at is None:
                if role == "close" and text[i] != '"':
                    continue  # a stray curly closing mark
                if role == "close":
                    continue
                open_at = i
            else:
                if role == "open" and text[i] != '"':
                    continue
                spans.append((open_at, i, True))
                open_at = None
        if open_at is not None:
            spans.append((open_at, end, False))
        return spans
    i = start
    while i < end:
        c = text[i]
        if c in rules.SINGLE_OPEN and _single_opens(text, i, start, end):
            weak = None
            close = None
            j = i + 1
            while j < end:
                if text[j] in rules.SINGLE_CLOSE:
                    strength = _single_close_strength(text, j, start, end)
                    if strength == 2:
                        close = j
                        break
                    if strength == 1:
                        weak = j
                        # A weak close followed by a new opening mark ends this quotation.
                        nxt = text.find("'", j + 1, end), text.find("\u2018", j + 1, end)
                        k = min([x for x in nxt if x >= 0], default=-1)
                        if k >= 0 and _single_opens(text, k, start, end) and \
                                not any(text[m] in rules.SINGLE_CLOSE and _single_close_strength(text, m, start, end)
                                        for m in range(j + 1, k)):
                            close = j
                            break
                j += 1
            if close is None:
                close = weak
            if close is None:
                spans.append((i, end, False))
                return spans
            spans.append((i, close, True))
            i = close + 1
            continue
        i += 1
    return spans


def starts_with_open_mark(text: str, start: int, end: int, style: str) -> bool:
    """The paragraph opens with a quote mark (as each paragraph of a long quotation does)."""
    if start >= end:
        return False
    c = text[start]
    if style == "double":
        return c in rules.DOUBLE_OPEN
    return c in rules.SINGLE_OPEN and _single_opens(text, start, start, end)


def split_paragraph(text: str, start: int, end: int, style: str, next_opens: bool,
                    carried: bool, is_tag: Callable[[str, str], bool]) -> list[Piece]:
    """Cut one prose paragraph into narration and dialogue pieces that cover it exactly.

    ``next_opens``: the next paragraph starts with an opening mark, so a quotation left open here
    runs on into it. An unclosed mark that does not start the paragraph and does not run on is
    treated as a typo: it never turns the rest of the text into dialogue, unless it follows a
    quotation's tag ('"Mr. Lacey," said he, "you are...'). ``is_tag(narration, quote_end_char)``
    tells a speech tag, as for ``split_dash_paragraph``.
    """
    spans = find_quotes(text, start, end, style)
    pieces: list[Piece] = []
    pos = start
    for k, (qs, qe, closed) in enumerate(spans):
        if not closed:
            leading = qs == start
            after_tag = bool(pieces) and pieces[-1].kind == "dialogue" and qs > pos \
                and is_tag(text[pos:qs], text[pieces[-1].inner_end - 1:pieces[-1].inner_end])
            if not (leading or next_opens) or (
                    not leading and not _quote_ends_paragraph_ok(text, qs, end, after_tag)):
                break
        if closed and _is_scare_quote(text, start, qs, qe):
            continue
        if qs > pos:
            pieces.append(Piece("narration", pos, qs))
        stop = qe + 1 if closed else end
        pieces.append(Piece("dialogue", qs, stop, qs + 1, qe if closed else end,
                            runs_on=not closed and next_opens, continues=carried and qs == start))
        pos = stop
    if pos < end:
        pieces.append(Piece("narration", pos, end))
    return _absorb_crumbs(text, pieces)


_WORD_BEFORE = re.compile(r"([A-Za-z\u00c0-\u024f'-]+)\s+(?:([A-Za-z\u00c0-\u024f'-]+)\s+)?$")


def _is_scare_quote(text: str, start: int, qs: int, qe: int) -> bool:
    """A few words quoted in the middle of a sentence (the narrow "bridges"), not speech:
    right after a lowercase word that is no speech verb."""
    inner = text[qs + 1:qe]
    if len(inner.split()) > rules.SCARE_QUOTE_MAX_WORDS:
        return False
    m = _WORD_BEFORE.search(text[max(start, qs - 40):qs])
    if not m or text[qs - 1] not in " \n":
        return False
    words = [w for w in (m.group(2), m.group(1)) if w]
    last = words[-1]
    if not last[0].islower() or last.lower() in rules.SPEECH_VERBS:
        return False
    if len(words) > 1 and (words[0].lower() in rules.SPEECH_VERBS):
        return False
    return True


def _quote_ends_paragraph_ok(text: str, qs: int, end: int, after_tag: bool) -> bool:
    """An opening mark late in a paragraph may run on only if little text follows it (or it
    follows a quotation's tag: a speech of any length), and not when it follows an ordinary
    lowercase word ('somebody had written "wash them like...'): speech that runs on opens a
    paragraph or follows a speech verb or punctuation."""
    if end - qs >= 400 and not after_tag:
        return False
    m = _WORD_BEFORE.search(text[max(0, qs - 40):qs])
    if m and text[qs - 1] in " \n":
        last = m.group(1)
        if last[0].islower() and last.lower() not in rules.SPEECH_VERBS:
            return False
    return True


def _absorb_crumbs(text: str, pieces: list[Piece]) -> list[Piece]:
    """Narration with no letters or digits (a stray comma or full stop) joins its neighbour."""
    out: list[Piece] = []
    for p in pieces:
        if p.kind == "narration" and not any(ch.isalnum() for ch in text[p.start:p.end]):
            if out:
                out[-1].end = p.end
                continue
            p.kind = "crumb"
        if out and out[-1].kind == "crumb":
            p.start = out[-1].start
            out.pop()
        out.append(p)
    for p in out:
        if p.kind == "crumb":
            p.kind = "narration"
    return out


def dash_dialogue(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """The text prints speech as paragraphs opened by a dash, without quote marks."""
    dashed = sum(1 for s, e in paragraphs if rules.DASH_OPENING.match(text, s, e))
    quoted = sum(1 for s, e in paragraphs if s < e and text[s] in rules.DOUBLE_OPEN + rules.SINGLE_OPEN)
    return dashed >= rules.DASH_DIALOGUE_MIN and dashed > quoted


_DASH_TAG = re.compile(r"(?<=[,.!?;:\u2026])\s+(?=[a-zA-Z])|(?<=[\u2014-])\s*(?=[a-z])")


_TAG_STOP = re.compile(r"[,.!?:;](?=\s|$)")


def chat_line(text: str, start: int, end: int) -> Optional[re.Match]:
    """A paragraph that is one line of a chat or of text messages as a story prints them,
    ``Name: message`` ("Steve: you up?", "Y/N: no"), with no quote marks: the match, with the
    groups ``name`` and ``message``."""
    m = rules.CHAT_LINE.match(text, start, end)
    if m is None or m.group("name").split()[0].lower() in rules.CHAT_LABELS:
        return None
    return m


def split_chat_line(m: re.Match) -> list[Piece]:
    """The name and colon, as narration; the message, as the sender's speech."""
    at, name = m.start("message"), m.group("name")
    sender = name.upper() if "/" in name else name
    return [Piece("narration", m.start(), at), Piece("dialogue", at, m.end(), at, m.end(), sender=sender)]


def split_dash_paragraph(text: str, start: int, end: int, is_tag) -> list[Piece]:
    """Cut a paragraph of dash-opened speech into dialogue and the tags inside it
    ("\u2014Thanks, old chap, he cried briskly. That will do nicely."): the speech runs to the first
    place where ``is_tag(narration, last character of the speech)`` finds a speech tag; the tag runs
    to the end of its sentence; what follows it is speech again."""
    m = rules.DASH_OPENING.match(text, start, end)
    if not m:
        return [Piece("narration", start, end)]
    pieces: list[Piece] = []
    pos, inner = start, m.end()
    while pos < end:
        cut = None
        for b in _DASH_TAG.finditer(text, inner, end):
            speech = text[inner:b.start()].rstrip()
            if speech and is_tag(text[b.end():end], speech[-1]):
                cut = b
                break
        if cut is None:
            close = end
            while close > inner and text[close - 1] in "\u2014-" and text[close - 2:close] != " -":
                close -= 1  # a speech broken off with a dash: the dash is not a word
            pieces.append(Piece("dialogue", pos, end, inner, close))
            break
        pieces.append(Piece("dialogue", pos, cut.start(), inner, cut.start()))
        # The tag ends with its clause: "he said, you dreadful bard!" goes back to speech.
        tag_end = end
        for stop in _TAG_STOP.finditer(text, cut.end(), end):
            word = re.search(r"(\w+)$", text[cut.end():stop.start()])
            if stop.group() == "." and word and word.group(1).lower() in rules.TITLES:
                continue  # "said Mr. Pell": the stop of a title
            tag_end = stop.end()
            break
        pieces.append(Piece("narration", cut.start(), tag_end))
        rest = tag_end
        while rest < end and text[rest].isspace():
            rest += 1
        pos = inner = rest
    return _absorb_crumbs(text, pieces)
