"""What the user's voices.yaml tells the parser: the cast as listed (names and aliases are one
character each, with the gender given), names that are never speakers, and pinned lines."""
from __future__ import annotations

import bisect
import re
from typing import Sequence

from audiobook.errors import ConfigError
from audiobook.model import KnownCast
from audiobook.parser import rules
from audiobook.parser.characters import Roster, _norm
from audiobook.parser.narrators import Unit

#: Quote marks and dashes a pinned line's words may have or lack.
_MARKS = re.compile(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb\u2014\u2013-]+")


def quote_key(text: str) -> str:
    """How pinned lines are matched: lower case, quote marks and dashes dropped, spaces folded."""
    return " ".join(_MARKS.sub(" ", text).lower().split())


#: Words a list of aliases may hold that are no names: a form of one would stand for everyone.
_NOT_NAME_WORDS = {"i", "me", "my", "he", "him", "his", "she", "her", "we", "us", "you", "they", "them", "sir",
                   "madam", "ma'am", "narrator"}


def is_name(form: str) -> bool:
    """Whether a listed name or alias can be a name form: it has a capitalised word and is not a
    pronoun or a bare form of address ("I", "Sir"), nor a description in capitals ("The Woman in
    Grey", as a book's list of characters prints her)."""
    return any(w[:1].isupper() for w in form.split()) and form.lower() not in _NOT_NAME_WORDS \
        and form.split()[0].lower() not in ("the", "a", "an")


def mentioned(text: str, names, ignore_case: bool = False) -> bool:
    """Whether ``text`` has any of ``names`` as whole words (a line may break between them)."""
    flags = re.I if ignore_case else 0
    return any(re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, n.split())) + r"(?!\w)", text, flags)
               for n in names)


def apply_cast(text: str, roster: Roster, known: KnownCast, quoted: Sequence[tuple[int, int]] = ()) -> None:
    """Make the listed characters the roster's: every form that is a listed name or alias names
    that character (so mentions, pronoun gender and turn-taking use it), whatever the parser had
    merged or split; a given gender holds; names never to be speakers leave the roster. A listed
    character the text never names is left out (one voices.yaml may serve a whole series).
    ``quoted``: (start, end) of every quotation, to tell a mention in speech from one in narration."""
    described = False  # the list gives a character by a description the text uses ("the auctioneer")
    given = _given_names(known)
    for character in known.characters:
        if any(a.lower() in ("i", "me", "myself") for a in character.aliases) and roster.first_person is None:
            roster.first_person = character.name
        for phrase in (character.name, *character.aliases):
            if not is_name(phrase) and phrase.lower() not in _NOT_NAME_WORDS:
                roster.phrases.setdefault(_norm(phrase), (character.name, character.gender))
        names = [n for n in (character.name, *character.aliases) if is_name(n)]
        listed = {_norm(n) for n in names}
        names += [g for g in given.get(character.name, ()) if _norm(g) not in listed]
        if not names or not mentioned(text, names):
            # Only pronouns and common nouns ("I", "her mother"): known by a speech tag's words.
            words = [p for p in (character.name, *character.aliases) if p.lower() not in _NOT_NAME_WORDS]
            descriptions = [p for p in words if p.split()[-1].lower() not in _NOT_NAME_WORDS]
            found = mentioned(text, descriptions, ignore_case=True)  # "the auctioneer", not "the narrator"
            described |= found
            roster.closed |= found or mentioned(text, [p for p in words if p not in descriptions], ignore_case=True)
            continue
        roster.closed = True  # a cast for this book, not (only) for another of the series
        found = [roster.resolve(n) for n in names]
        # One the list already gave another name is that character: this one is someone else
        # (discovery may have taken "Eleanor Pelham" for "Mrs. Pelham", mother and daughter).
        person = next((p for p in found if p is not None and p.name == character.name), None) \
            or next((p for p in found if p is not None and not p.listed), None)
        if person is None:
            person = roster.add(character.name, character.gender)
        others = {id(p): p for p in found if p is not None and p is not person}
        for other in others.values():  # forms of other listed names stay with their own character
            if not any(_norm(f) in {_norm(n) for n in names} for f in other.forms):
                continue
            moved = [form for form in other.forms if _norm(form) in {_norm(n) for n in names}]
            for form in moved:
                person.forms[form] = person.forms.get(form, 0) + other.forms.pop(form)
            if not other.forms:
                roster.merge(other, person)
                continue
            # The mentions written with a moved form are the listed character's now.
            roster.mentions = [(at, person if who is other and any(text.startswith(f, at) for f in moved) else who,
                                quoted) for at, who, quoted in roster.mentions]
            if other.name in moved:
                other.name = max(other.forms, key=other.forms.get)
        person.name = character.name
        for name in names:
            person.forms.setdefault(name, 0)
            person.words.update(w for w in name.split() if w[:1].isupper())
            roster._by_form[_norm(name)] = person
        if character.gender:
            person.title_gender = character.gender
        person.listed = True
    _full_name_mentions(text, roster, known)
    _described_mentions(text, roster, quoted)
    if roster.closed and not described and _listed_share(roster) < CLOSED_SHARE:
        roster.closed = False  # a few voices set, not the cast: everyone else is still found
    roster.banned = {_norm(n) for n in known.not_characters}
    for person in list(roster.people):
        if _norm(person.name) in roster.banned or any(_norm(f) in roster.banned for f in person.forms):
            roster.retire(person)
            for form, owner in list(roster._by_form.items()):
                if owner is person:
                    del roster._by_form[form]
            roster.mentions = [m for m in roster.mentions if m[1] is not person]


#: Below this share of the narration's mentions of people, a voices.yaml is voice settings for a
#: few characters, not the book's cast: the people it leaves out still count as without a list.
#: Listing one minor character (a voice tweak) took LitBank from 0.802 to 0.718 of quotes right
#: when every list closed the cast, and to 0.765 with this (``bench/cast_given.py``); the full
#: character lists keep well above this share.
CLOSED_SHARE = 0.5


def _listed_share(roster: Roster) -> float:
    """The share of the mentions of people in narration that are of listed characters."""
    people = [who for _, who, quoted in roster.mentions if not quoted and (who.listed or who.is_person)]
    return sum(1 for who in people if who.listed) / len(people) if people else 1.0


def _given_names(known: KnownCast) -> dict[str, list[str]]:
    """Listed name -> the given names of its full names ("Theodore" of "Theodore Pym", "Ralph" of
    "Captain Ralph Dering"), where no other listed character has that word in a name: the list
    a reader copies from a book gives full names, and the text calls them by the first."""
    owners: dict[str, set[str]] = {}
    for character in known.characters:
        for name in (character.name, *character.aliases):
            if not is_name(name):
                continue
            for word in name.replace(".", " ").split():
                owners.setdefault(word, set()).add(character.name)
    out: dict[str, list[str]] = {}
    for character in known.characters:
        for name in (character.name, *character.aliases):
            words = [w for w in name.split() if w.rstrip(".").lower() not in rules.TITLE_STEMS]
            if is_name(name) and len(words) > 1 and words[0][:1].isupper() \
                    and owners.get(words[0]) == {character.name}:
                out.setdefault(character.name, []).append(words[0])
    return out


def _full_name_mentions(text: str, roster: Roster, known: KnownCast) -> None:
    """A listed name of two words or more, wherever the text writes it, is a mention of that
    character, even where the parser read a part of it as someone else's ("Dicky Harlow was
    sprawling in a chair" opening a sentence, read as Mr. Harlow's "Harlow")."""
    spans = []
    for character in known.characters:
        person = roster.resolve(character.name)
        if person is None or not person.listed:
            continue
        for name in (character.name, *character.aliases):
            if is_name(name) and len(name.split()) > 1:
                pattern = r"(?<![\w'\u2019])" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?![\w\u2019-])"
                spans += [(m.start(), m.end(), person) for m in re.finditer(pattern, text)]
    if not spans:
        return
    spans.sort(key=lambda s: (s[0], -s[1]))
    starts = [s for s, _, _ in spans]
    out = []
    for at, who, quoted in roster.mentions:
        i = bisect.bisect_right(starts, at) - 1
        while i >= 0 and spans[i][1] <= at:
            i -= 1
        if i >= 0 and spans[i][0] <= at < spans[i][1]:
            who = spans[i][2]
        out.append((at, who, quoted))
    roster.mentions = out


def _described_mentions(text: str, roster: Roster, quoted: Sequence[tuple[int, int]]) -> None:
    """Mentions of the characters voices.yaml lists by a description ("the auctioneer", "a man"),
    wherever the text writes it (one listed as "the man" also where it is brought in as "a man"),
    as of a name: the character comes on stage there."""
    found = []
    starts = [a for a, _ in quoted]
    for phrase in roster.phrases:
        if not _DESCRIPTION.match(phrase):
            continue
        words = [re.escape(w) for w in phrase.split()]
        if words[0] == "the" and not any(_norm(f"{a} {' '.join(phrase.split()[1:])}") in roster.phrases
                                         for a in ("a", "an")):
            words[0] = "(?:the|an?)"  # "a man started up from among the graves": the man, brought in
        pattern = r"(?<![\w'\u2019])" + r"\s+".join(words) + r"(?![\w'\u2019])"
        person = None
        for m in re.finditer(pattern, text, re.I):
            person = person or roster.listed_phrase(phrase, None, tag=False)
            i = bisect.bisect_right(starts, m.start()) - 1
            found.append((m.start(), person, i >= 0 and m.start() < quoted[i][1]))
    if found:
        roster.mentions = sorted(roster.mentions + found, key=lambda m: m[0])


#: A listed alias that describes rather than names: "the auctioneer", "a man", "her mother".
_DESCRIPTION = re.compile(r"(?:the|a|an|his|her|my|their|our|your|one)\s+\S", re.I)


def pin_lines(text: str, units: list[Unit], known: KnownCast) -> None:
    """Mark the one quote each pinned line matches; ConfigError, naming the key and the candidates
    with their chapter, for a key that matches no quote or several."""
    quotes, chapter = [], 1
    for unit in units:
        if unit.para.kind == "chapter":
            chapter += 1 if quotes or chapter > 1 else 0
        for piece in unit.pieces:
            if piece.kind == "dialogue":
                quotes.append((chapter, piece, quote_key(text[piece.inner_start:piece.inner_end])))
    for pin in known.pins:
        wanted = quote_key(pin.words)
        matches = [(c, p) for c, p, words in quotes if wanted and wanted in words]
        if not matches:
            raise ConfigError(f"{pin.where}: matches no quote of the book; copy a few words of the line as printed")
        if len(matches) > 1:
            shown = "; ".join(f"{_short(text, p)} (chapter {c})" for c, p in matches[:4])
            more = f" and {len(matches) - 4} more" if len(matches) > 4 else ""
            raise ConfigError(f"{pin.where}: matches {len(matches)} quotes: {shown}{more}; add words to tell them apart")
        matches[0][1].pinned = pin.speaker or ""


def _short(text: str, piece, limit: int = 50) -> str:
    words = " ".join(text[piece.inner_start:piece.inner_end].split())
    return "\u201c" + (words if len(words) <= limit else words[:limit - 1] + "\u2026") + "\u201d"
