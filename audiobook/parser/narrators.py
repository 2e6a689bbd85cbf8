"""Who tells the story: the sections that say "I" and who that "I" is, whether the story is
told to "you", and the shape of a paragraph's narration around the talk."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from audiobook.parser import rules
from audiobook.parser.characters import Person, Roster
from audiobook.parser.quotes import Piece
from audiobook.parser.structure import Paragraph



#: In ``called_by_i``: someone the narrator calls by name, so not the narrator.
CALLED_BY_THE_NARRATOR = -1

#: What a first-person narrator nobody names is called.
NAMELESS = "the narrator"


@dataclass
class Unit:
    """A paragraph and its pieces (a structural paragraph has none)."""

    para: Paragraph
    """The paragraph."""
    pieces: list[Piece] = field(default_factory=list)
    """Narration and dialogue pieces covering a prose paragraph."""



def pov_person(cast: Roster, name: Optional[str]) -> Optional[Person]:
    """The person a POV header names (registered if the text never names them otherwise)."""
    if not name:
        return None
    return cast.resolve(name) or cast.resolve(name.split()[0]) or cast.add(name, None)


def narrators_by_unit(text: str, cast: Roster, units: list[Unit],
                      called_by_i: Optional[dict[int, int]] = None) -> dict[int, Person]:
    """Unit index -> the "I" of its section: the POV header's person, else a guess: the person
    the book talks to but never about (the narrator named elsewhere), else a nameless narrator."""
    out: dict[int, Person] = {}
    people = [p for p in cast.people if p.count >= 2]
    called = called_by_i or {}
    # Called by name in the talk next to the narrator's own speeches and never named in a speech
    # tag (one says "I said" of oneself), or called by name but seldom named in narration.
    book = [p for p in people if called.get(id(p), 0) != CALLED_BY_THE_NARRATOR and not _described(p) and (
            (called.get(id(p), 0) >= 2 and not p.tagged) or (
            p.addressed >= 1 and p.narration_mentions * 2 <= p.quoted_mentions) or (
            # Called by name and never in a tag, and named in narration once at most (a narrator
            # may name themself: "you will get a fair idea of Allan Quatermain").
            p.addressed >= 1 and not p.tagged and p.narration_mentions <= 1))]
    # One a tag names ("said Bobs") is someone the "I" hears, after those no tag names.
    book.sort(key=lambda p: (p.tagged > 0, -called.get(id(p), 0), -p.addressed, -p.quoted_mentions))
    self_named = _self_named(text, cast, units)
    for start, stop, pov in first_person_sections(text, units):
        who = pov_person(cast, pov) if pov is not None else None
        if pov is None:
            lo, hi = units[start].para.start, units[stop - 1].para.end
            said = [p for at, p in self_named if lo <= at < hi]
            named = set()
            for offset, person, quoted in cast.mentions:
                if lo <= offset < hi and not quoted:
                    named.add(id(person))
            if cast.first_person is not None:
                # voices.yaml says who "I" is: above any guess.
                said = [cast.resolve(cast.first_person) or cast.add(cast.first_person, None)]
                said[0].listed = True
            pool = said or [p for p in book if (p.is_person or p.addressed and _full_name(p)) and (
                id(p) not in named or called.get(id(p), 0) >= 2 or p.narration_mentions <= 1)]
            if not pool and start > 0 and units[start - 1].para.kind in ("prose", "break") \
                    and (units[start].para.wide_gap or units[start - 1].para.kind == "break"):
                # A switch to "I" in the middle of a chapter: the story's other main character,
                # whom this stretch never names.
                pool = sorted((p for p in people if id(p) not in named and p.is_person and not p.is_place
                               and not _described(p)),
                              key=lambda p: -p.count)[:1]
            if not pool and cast.closed and NAMELESS not in cast.phrases:
                # voices.yaml lists the cast, so the "I" is one of them: the one the talk calls by
                # name most that this stretch's narration never names, or names once (a narrator
                # may name themself: "you will get a fair idea of Allan Quatermain").
                pool = sorted((p for p in cast.people if p.listed and called.get(id(p), 0) != CALLED_BY_THE_NARRATOR
                               and not _described(p)
                               and (p.addressed or p.quoted_mentions)
                               and (id(p) not in named or p.narration_mentions <= 1)),
                              key=lambda p: (id(p) in named, -called.get(id(p), 0), -p.addressed,
                                             -p.quoted_mentions))[:1]
            # Nobody the book talks to but never about: a narrator without a name.
            who = pool[0] if pool else (cast.resolve(NAMELESS) or cast.add(NAMELESS, None))
        if who is not None:
            for i in range(start, stop):
                out[i] = who
    return out


def _described(person: Person) -> bool:
    """Whether a listed character's name is a description ("his wife", "the old lady"): someone
    the "I" tells of, never the "I"."""
    return person.name.split()[0].lower() in rules.NOUN_DETERMINERS


def _full_name(person: Person) -> bool:
    """Whether the person is written somewhere with a given name and a surname: a person's name,
    whatever the word lists say of it (not a cry such as "Yo-ho-ho" that a quotation opens with)."""
    return any(len(form.split()) > 1 for form in person.forms)


def _self_named(text: str, cast: Roster, units: list[Unit]) -> list[tuple[int, Person]]:
    """Where the narration says who "I" is ("I called myself Pip", "my name is Hale"). Not in a
    quotation: there the "I" is whoever speaks ("My name is Rathbone," said she)."""
    spoken = [(p.start, p.end) for u in units for p in u.pieces if p.kind == "dialogue"]
    out = []
    for m in rules.SELF_NAMING.finditer(text):
        if any(a <= m.start() < b for a, b in spoken):
            continue
        who = cast.resolve(m.group("name")) or cast.resolve(m.group("name").split()[0])
        if who is not None:
            out.append((m.start(), who))
    return out


def first_person_sections(text: str, units: list[Unit]) -> list[tuple[int, int, Optional[str]]]:
    """Sections ``(first unit, last unit + 1, POV name)`` whose narration says "I"."""
    sections = []
    start = 0
    pov: Optional[str] = None
    carried: Optional[str] = None  # a POV header's person holds over a scene break, until another header
    for i, unit in enumerate(units + [None]):
        boundary = unit is None or unit.para.kind in ("chapter", "break", "pov", "title", "author") \
            or unit.para.wide_gap
        if boundary:
            if i > start:
                # An author's note ("For my sister, who asked for trains") is not the story's "I".
                narration = " ".join(narration_text(text, u) for u in units[start:i] if u.para.kind != "note")
                n_words = max(1, len(narration.split()))
                hits = len(rules.FIRST_PERSON.findall(narration))
                # A first-person story says "I" often; a few in a long stretch are stray speech.
                if (hits >= 3 and hits * rules.FIRST_PERSON_WORDS_PER_HIT >= n_words) \
                        or (hits >= 2 and n_words < 200) or (pov and hits):
                    sections.append((start, i, pov if pov is not None else carried))
            if unit is not None and unit.para.kind not in ("prose", "note", "time"):
                if unit.para.kind == "pov":
                    carried = unit.para.pov or None
                elif unit.para.kind != "break":
                    carried = None
                pov = unit.para.pov if unit.para.kind == "pov" else None
                start = i + 1
            else:
                start = i  # a wide gap: the paragraph after it opens the new section
    return sections


def second_person(text: str, units: list[Unit]) -> bool:
    """Whether the story is told to "you" ("You drop your bag. 'The train was late.'"), as
    reader-insert stories are, rather than by an "I"."""
    narration = " ".join(narration_text(text, u) for u in units if u.pieces)
    hits = len(rules.SECOND_PERSON.findall(narration))
    return hits >= 3 and hits * rules.SECOND_PERSON_WORDS_PER_HIT >= len(narration.split()) \
        and hits > len(rules.FIRST_PERSON.findall(narration))


def narration_text(text: str, unit: Unit) -> str:
    """The narration words of a unit (quotations left out)."""
    return " ".join(text[p.start:p.end] for p in unit.pieces if p.kind == "narration")


def narration_only(unit: Optional[Unit]) -> bool:
    """Whether a paragraph of prose is narration alone, no talk in it."""
    return unit is not None and unit.para.kind == "prose" and bool(unit.pieces) and \
        all(p.kind == "narration" for p in unit.pieces)


def opens_speech(unit: Optional[Unit], text: str) -> bool:
    """Whether a paragraph with talk in it ends in narration that leads into a quotation with a
    colon or a dash ("..., and said at once--"), as a tag before the next paragraph's speech."""
    if unit is None or unit.para.kind != "prose" or not unit.pieces or unit.pieces[-1].kind != "narration":
        return False
    tail = text[unit.pieces[-1].start:unit.pieces[-1].end].rstrip()
    return tail.endswith((":", "\u2014")) or re.search(r"[\w:,;]--$", tail) is not None  # "said sternly:--"
