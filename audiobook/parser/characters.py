"""Characters found in the text without any list given: proper names, titles, aliases, gender."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from audiobook.parser import rules

_TOKEN = re.compile(r"[^\W\d_](?:[\w\u2019'-]*[^\W_])?|[.!?;:\"\u201c\u201d\u2014]")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")


@dataclass
class Token:
    """A word (or sentence punctuation) of the text."""

    text: str
    """The word as written (possessive ending removed)."""
    start: int
    """Offset in the source."""
    sentence_start: bool
    """First word of a sentence (so its capital says nothing about being a name)."""
    quoted: bool
    """Inside a quotation."""


@dataclass
class Person:
    """A cluster of name forms that refer to one character."""

    name: str
    """Canonical name: the fullest form without a title, or the titled form when only that exists."""
    forms: dict[str, int] = field(default_factory=dict)
    """Every form merged in, with how often it occurs."""
    words: set[str] = field(default_factory=set)
    """The name words (no titles) of all its forms."""
    title_gender: Optional[str] = None
    """Gender given by a title (Mr., Mrs., Miss...), which no pronoun count overrides."""
    votes: dict[str, int] = field(default_factory=lambda: {"male": 0, "female": 0})
    """Gendered pronouns seen soon after a mention in narration."""
    narration_mentions: int = 0
    """Mentions outside quotations."""
    quoted_mentions: int = 0
    """Mentions inside quotations (being talked to or about)."""

    @property
    def gender(self) -> Optional[str]:
        """``male``, ``female`` or None: the title's, else the pronouns' clear majority."""
        if self.title_gender:
            return self.title_gender
        m, f = self.votes["male"], self.votes["female"]
        if m + f >= 1 and max(m, f) >= 2 * min(m, f) + 1:
            return "male" if m > f else "female"
        return None

    @property
    def count(self) -> int:
        return sum(self.forms.values())


def tokenize(text: str, quoted_spans: list[tuple[int, int]]) -> list[Token]:
    """Words of ``text`` with sentence starts and whether each lies inside a quotation."""
    starts = [s for s, _ in quoted_spans]
    tokens: list[Token] = []
    sentence_start = True
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word in ".!?;:\u2014" or word in "\"\u201c\u201d":
            if word in ".!?\"\u201c":
                sentence_start = True
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        quoted = k >= 0 and m.start() < quoted_spans[k][1]
        prev = text[m.start() - 2:m.start()]
        if "\n\n" in prev:
            sentence_start = True
        tokens.append(Token(_POSSESSIVE.sub("", word), m.start(), sentence_start, quoted))
        sentence_start = False
    return tokens


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


class Cast:
    """The people of a story and how their name forms resolve."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_form: dict[str, Person] = {}
        self.mentions: list[tuple[int, Person, bool]] = []
        """(offset, person, quoted) of every name mention, in order."""

    def resolve(self, form: str) -> Optional[Person]:
        """The person a name form refers to, or None."""
        return self._by_form.get(_norm(form))

    def add(self, name: str, gender: Optional[str]) -> Person:
        """Register a person named only in a speech tag or a header."""
        person = Person(name=name, forms={name: 1}, words=set(name.split()), title_gender=gender)
        self.people.append(person)
        self._by_form[_norm(name)] = person
        return person

    def person_named(self, name: str) -> Optional[Person]:
        for p in self.people:
            if p.name == name:
                return p
        return None


def _norm(form: str) -> str:
    return " ".join(form.replace(".", "").split()).lower()


def find_cast(text: str, tokens: list[Token]) -> Cast:
    """Find name forms (capitalised mid-sentence, not common words), merge aliases, count gender."""
    cap_mid: dict[str, int] = {}
    lower: dict[str, int] = {}
    for t in tokens:
        w = t.text
        if _is_cap(w):
            if not t.sentence_start:
                cap_mid[w] = cap_mid.get(w, 0) + 1
        elif w.islower():
            lower[w] = lower.get(w, 0) + 1
    title_words = {k.rstrip(".").capitalize() for k in rules.TITLES}

    def name_word(w: str) -> bool:
        if not _is_cap(w) or w in rules.NOT_NAMES or w in title_words:
            return False
        c = cap_mid.get(w, 0)
        return c >= 1 and lower.get(w.lower(), 0) * 2 < c

    forms: list[tuple[str, Optional[str], tuple[str, ...], int, bool]] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        title = None
        j = i
        if t.text in title_words and t.text.lower() in rules.TITLES and i + 1 < n \
                and _is_cap(tokens[i + 1].text) and tokens[i + 1].text not in rules.NOT_NAMES \
                and tokens[i + 1].start - (t.start + len(t.text)) <= 2:
            title = t.text
            j = i + 1
        words = []
        k = j
        while k < n and name_word(tokens[k].text) or (title and k == j and k < n):
            if words and tokens[k].start - (tokens[k - 1].start + len(tokens[k - 1].text)) > 2:
                break
            if words and not text[tokens[k - 1].start + len(tokens[k - 1].text):tokens[k].start].isspace():
                break
            words.append(tokens[k].text)
            k += 1
            if len(words) == 3 or tokens[k - 1].text != text[tokens[k - 1].start:tokens[k - 1].start + len(tokens[k - 1].text)]:
                break
        if words:
            forms.append((" ".join(([title] if title else []) + words), title, tuple(words), t.start, t.quoted))
            i = k
        else:
            i += 1
    return _cluster(text, tokens, forms)


def _cluster(text: str, tokens: list[Token], forms) -> Cast:
    cast = Cast()
    counts: dict[str, int] = {}
    info: dict[str, tuple[Optional[str], tuple[str, ...]]] = {}
    for form, title, words, _, _ in forms:
        counts[form] = counts.get(form, 0) + 1
        info[form] = (title, words)
    order = sorted(counts, key=lambda f: (-len(info[f][1]), info[f][0] is not None, -counts[f]))
    for form in order:
        title, words = info[form]
        tg = rules.TITLES.get(title.lower()) if title else None
        best = None
        for p in cast.people:
            if not set(words) <= p.words:
                continue
            if tg and p.title_gender and tg != p.title_gender:
                continue
            if len(words) == 1 and len(p.words) > 1 and title and tg is None and p.title_gender is None:
                pass
            if best is None or p.count > best.count:
                best = p
        if best is None:
            best = Person(name=form if title and len(words) == 1 else " ".join(words))
            cast.people.append(best)
        best.forms[form] = counts[form]
        best.words |= set(words)
        if tg and not best.title_gender:
            best.title_gender = tg
        cast._by_form[_norm(form)] = best
        cast._by_form.setdefault(_norm(" ".join(words)), best)
    _count_mentions(text, tokens, forms, cast)
    return cast


def _count_mentions(text: str, tokens: list[Token], forms, cast: Cast) -> None:
    """Mentions in and out of quotes, and the pronoun that follows each narration mention."""
    starts = [t.start for t in tokens]
    for form, _, _, start, quoted in forms:
        person = cast.resolve(form)
        if person is None:
            continue
        cast.mentions.append((start, person, quoted))
        if quoted:
            person.quoted_mentions += 1
            continue
        person.narration_mentions += 1
        k = bisect.bisect_right(starts, start)
        for t in tokens[k:k + 12]:
            if t.quoted:
                break
            w = t.text.lower()
            if w in rules.GENDER_PRONOUNS["male"]:
                person.votes["male"] += 1
                break
            if w in rules.GENDER_PRONOUNS["female"]:
                person.votes["female"] += 1
                break
            if _is_cap(t.text) and t.text not in rules.NOT_NAMES:
                break
