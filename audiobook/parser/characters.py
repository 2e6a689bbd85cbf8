"""Characters as the parser knows them: the words of the text, a person (a cluster of name forms
with titles, gender and counts) and the roster that resolves name forms to people. ``names``
finds them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from audiobook.model import NONBINARY
from audiobook.parser import rules

#: A word may hold one hyphen at a time ("Mary-Ann"); a double one is a dash between words
#: ("Billy--ah"), never part of a name.
_TOKEN = re.compile(rules.READER_NAME + r"|[^\W\d_](?:(?:[\w\u2019']|-(?!-))*[^\W_])?|[.!?;:\"\u201c\u201d\u2014]")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")


@dataclass(slots=True)
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


@dataclass(eq=False)
class Person:
    """A cluster of name forms that refer to one character. Two are the same only if they are
    one object (``p in people`` compares no fields)."""

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
    titles: set[str] = field(default_factory=set)
    """Titles its forms were written with (``Mr.``, ``Captain``)."""
    tagged: int = 0
    """Times it is named in a speech tag."""
    addressed: int = 0
    """Times a quotation addresses it by name."""
    place_mentions: int = 0
    """Mentions right after "in", "at", "from", "the"...: the way places and things are named."""
    listed: bool = False
    """voices.yaml lists this character."""

    @property
    def is_place(self) -> bool:
        """Mostly named the way a place or a thing is ("out of Waukesha", "the Lusitania")."""
        return not self.titles and self.place_mentions * 2 > self.narration_mentions + self.quoted_mentions

    @property
    def is_person(self) -> bool:
        """Evidence that the name is a character, not a place or a thing."""
        if self.listed or self.titles or self.tagged or self.addressed >= 2 or self.prior:
            return True
        if self.is_place:
            return False
        votes = self.votes["male"] + self.votes["female"]
        return votes >= 1 and votes * 3 >= self.narration_mentions

    @property
    def prior(self) -> Optional[str]:
        """The gender its given name usually carries, if the name is a common one."""
        for form in self.forms:
            words = form.split()
            if len(words) > 1 and words[0].lower() in rules.TITLES:
                words = words[1:]  # "Dr. Howard Archie": Howard is the given name
            first = words[0]
            if first in rules.MALE_NAMES:
                return "male"
            if first in rules.FEMALE_NAMES:
                return "female"
        return None

    @property
    def gender(self) -> Optional[str]:
        """``male``, ``female`` or None: the title's, else the pronouns' clear majority (a common
        given name counting as two votes)."""
        if self.title_gender:
            return self.title_gender
        m, f = self.votes["male"], self.votes["female"]
        prior = self.prior
        if prior:
            m, f = m + 2 * (prior == "male"), f + 2 * (prior == "female")
        if m + f >= 1 and max(m, f) >= 2 * min(m, f) + 1:
            return "male" if m > f else "female"
        return None

    @property
    def count(self) -> int:
        return sum(self.forms.values())


def tokenize(text: str, quoted_spans: list[tuple[int, int]]) -> list[Token]:
    """Words of ``text`` with sentence starts and whether each lies inside a quotation."""
    tokens: list[Token] = []
    sentence_start = True
    k, spans = -1, len(quoted_spans)  # the last quotation starting at or before the word
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word in ".!?;:\u2014" or word in "\"\u201c\u201d":
            if word in ".!?\"\u201c" and not (word == "." and _initial(tokens, text)):
                sentence_start = True
            continue
        start = m.start()
        while k + 1 < spans and quoted_spans[k + 1][0] <= start:
            k += 1
        quoted = k >= 0 and start < quoted_spans[k][1]
        if "\n\n" in text[start - 2:start]:
            sentence_start = True
        if "'" in word or "\u2019" in word:
            word = _POSSESSIVE.sub("", word)
        elif "/" in word:
            word = word.upper()  # "y/n" is as much a name as "Y/N"
        tokens.append(Token(word, start, sentence_start, quoted))
        sentence_start = False
    return tokens


def _initial(tokens: list["Token"], text: str) -> bool:
    """Whether the last token is a middle initial ("Terry O. Nicholson"): one capital letter, not
    "I", right after a capitalised word and before another; its full stop ends no sentence."""
    if len(tokens) < 2:
        return False
    before, token = tokens[-2], tokens[-1]
    after = text[token.start + 1:token.start + 4]
    return len(token.text) == 1 and token.text.isupper() and token.text != "I" \
        and _is_cap(before.text) and before.start + len(before.text) + 1 == token.start \
        and after[:2] == ". " and after[2:3].isupper()


def _is_cap(word: str) -> bool:
    """Capitalised, not all capitals (shouting); or the reader's name ("Y/N")."""
    return "/" in word or (word[:1].isupper() and not (len(word) > 1 and word.isupper()))


class Roster:
    """The people of a story and how their name forms resolve."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_form: dict[str, Person] = {}
        self.banned: set[str] = set()
        """Names (normalised) voices.yaml says are never speakers."""
        self.common: set[str] = set()
        """Words the text also writes in lower case ("night", "finally"): capitalised at the start
        of a sentence they are no name, unless the cast has them."""
        self.mentions: list[tuple[int, Person, bool]] = []
        """(offset, person, quoted) of every name mention, in order."""
        self.phrases: dict[str, tuple[str, Optional[str]]] = {}
        """Descriptions voices.yaml lists as aliases ("her mother", "the old seaman"), normalised:
        the listed character's name and gender. A speech tag with one of them means that character."""
        self.first_person: Optional[str] = None
        """The listed character voices.yaml gives "I" as an alias: the first-person narrator."""
        self.retired: list[Person] = []
        """People merged into others or dropped: kept so that no one made later while parsing
        gets an ``id`` the attribution still holds for them (which would make who speaks depend
        on what the process parsed before)."""
        self.closed = False
        """voices.yaml lists the cast: people it does not list are not the first guess for a he or
        she or a turn in the talk."""

    def described(self, gender: Optional[str], words: str = "") -> Optional[Person]:
        """The one character voices.yaml lists by a description alone ("the individual", "his
        comrade") who has ``gender``, or None when there are none or several; not when ``words``
        describe someone by words that description has none of ("the lean man" is not "The Old Man
        in the Beaver Hat"; "the little old man" may be)."""
        if gender is None:
            return None
        fits = self._described_names(gender)
        if len(fits) != 1:
            return None
        name = fits.pop()
        said = {w.strip(",").lower() for w in words.split()[1:-1]} - {"very"}  # the words between "the" and the noun
        if said and not said & set(_norm(name).split()):
            return None
        return self.listed_phrase(name, gender)

    def _described_names(self, gender: str) -> set[str]:
        """Names of the characters of ``gender`` voices.yaml lists by a description alone."""
        return {name for phrase, (name, given) in self.phrases.items() if given == gender and _norm(name) == phrase}

    def only_listed(self, gender: str) -> Optional[Person]:
        """The one character of ``gender`` voices.yaml lists (by a name the text has, or by a
        description alone), or None when it lists none or several."""
        named = {p.name for p in self.people if p.listed and p.gender == gender}
        described = self._described_names(gender)
        if len(named | described) != 1:
            return None
        return self.person_named(named.pop()) if named else self.listed_phrase(described.pop(), gender, tag=False)

    def listed_phrase(self, words: str, gender: Optional[str] = None, tag: bool = True) -> Optional[Person]:
        """The listed character a description is an alias of, or None; ``gender``: what the words
        imply ("the man"), for a character listed without one; ``tag``: the words are a speech
        tag's (else a sentence's subject in narration)."""
        found = self.phrases.get(_norm(words))
        if found is None:
            return None
        name, given = found
        person = self.resolve(name) or self.add(name, given or gender)
        if person.title_gender is None and person.gender is None:
            person.title_gender = gender
        person.listed = True
        person.forms[words] = person.forms.get(words, 0) + 1
        if tag:
            person.tagged = max(person.tagged, 1)
        return person

    def called_kin(self, word: str) -> Optional[Person]:
        """The one listed character a kin word called out ("Uncle, you look ill") means: the only
        one voices.yaml gives as "his uncle" / "her uncle" or as "Uncle John"; for another word,
        the one listed with it as their title ("farmer", Farmer Oak); else None."""
        kin = rules.KIN_SYNONYMS.get(word.lower(), word.lower())
        if kin not in rules.KINSHIP_NOUNS:
            return self._called_title(word)
        names = {name for phrase, (name, _g) in self.phrases.items()
                 if phrase.split()[-1:] == [kin] and phrase.split()[0] in ("his", "her", "my", "their", "your")}
        names |= {p.name for p in self.people if p.listed and any(_norm(f).split()[0] == kin and len(f.split()) > 1
                                                               for f in p.forms)}
        return self.resolve(names.pop()) if len(names) == 1 else None

    def _called_title(self, word: str) -> Optional[Person]:
        """The one listed character whose name opens with the title called out ("True, farmer."
        to Farmer Oak, "Aye, captain" to Captain Ward, "Yes, miss" to the one listed Miss), not a
        word said to anyone ("sir", "ma'am"); else None."""
        title = rules.TITLE_SAME.get(word.lower(), word.lower())
        if title in rules.POLITE_WORDS:
            return None  # "Never heard it before, sir!" calls no Sir John
        names = {p.name for p in self.people if p.listed and any(
            len(f.split()) > 1 and rules.TITLE_SAME.get(_norm(f).split()[0], _norm(f).split()[0]) == title
            for f in p.forms)}
        return self.resolve(names.pop()) if len(names) == 1 else None

    def resolve(self, form: str) -> Optional[Person]:
        """The person a name form refers to, or None."""
        return self._by_form.get(_norm(form))

    def add(self, name: str, gender: Optional[str]) -> Person:
        """Register a person named only in a speech tag or a header."""
        person = Person(name=name, forms={name: 1}, words=set(name.split()), title_gender=gender)
        self.people.append(person)
        self._by_form[_norm(name)] = person
        return person

    def tag_words(self) -> frozenset:
        """Words a speech tag's subject may be in this story though not elsewhere: the words of
        titled full names that are common words ("Good" of Captain John Good), and "they" when
        someone is listed as neither he nor she."""
        words = {w for p in self.people if p.titles and len(p.words) > 1 for w in p.words if w in rules.NOT_NAMES}
        if any(p.listed and p.gender == NONBINARY for p in self.people):
            words.add("they")  # someone listed as neither he nor she: "they said" may be them
        return frozenset(words)

    def merge(self, old: Person, into: Person) -> None:
        """Every form of ``old`` names ``into`` from now on."""
        if into.gender is None and old.gender is not None:
            into.votes[old.gender] += 2
        for form, person in list(self._by_form.items()):
            if person is old:
                self._by_form[form] = into
        for i, (at, person, quoted) in enumerate(self.mentions):
            if person is old:  # in place: the attribution may be walking the list
                self.mentions[i] = (at, into, quoted)
        self.retire(old)

    def retire(self, person: Person) -> None:
        """``person`` is no one of the cast any more (merged or dropped)."""
        if any(p is person for p in self.people):
            self.people[:] = [p for p in self.people if p is not person]
            self.retired.append(person)

    def person_named(self, name: str) -> Optional[Person]:
        for p in self.people:
            if p.name == name:
                return p
        return None


def _norm(form: str) -> str:
    return " ".join(form.replace(".", "").split()).lower()
