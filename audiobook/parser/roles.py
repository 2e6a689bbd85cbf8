"""People called by what they are to someone ("my mum", "her dad") or by their work ("the stage
manager", "the night cook"), and the named person the text says they are.

- A relative is the person of the relation's sex who shares the surname of the one whose
  relative they are (``my`` is the first-person narrator): "my mum" is Mrs. Okoro when the
  narrator is Priya Okoro.
- A role is called by the fullest phrase the text keeps using for it ("the stage manager", not
  "the manager"), with the sex of the pronouns that follow it.
- "Her dad was the harbourmaster": a role said to be someone is that someone.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from audiobook.parser import rules
from audiobook.parser.characters import Person, Roster
from audiobook.parser.narrators import NAMELESS

if TYPE_CHECKING:  # pragma: no cover
    from audiobook.parser.attribution import Attributor

#: Words the role table's nouns must not be learned from: the other tables' and the words that
#: head a tag without being a role.
_KNOWN_NOUNS = (set(rules.ROLE_NOUNS) | rules.PERSON_NOUNS | set(rules.KINSHIP_NOUNS) | set(rules.KIN_SYNONYMS)
                | rules.RELATIONAL_NOUNS | rules.NOT_SPEAKER_NOUNS | rules.NOT_ROLE_HEADS | rules.NOT_NOUNS
                | set(rules.TITLES) | rules.TITLE_STEMS)


def learned_roles(tag_nouns: list[str]) -> dict[str, None]:
    """Nouns a book's speech tags call someone by ("the drummer", from the tags the parser found)
    that the role table lacks: each a role, of no sex until the pronouns after it give one
    (``rules.TAG_ROLE_MIN``)."""
    counts = Counter(words.lower().split()[-1] for words in tag_nouns if words.lower().startswith("the "))
    found = {}
    for noun, n in counts.items():
        if not noun.isalpha() or len(noun) < 3 or noun in _KNOWN_NOUNS or noun.endswith("ly") \
                or noun.endswith("s") and not noun.endswith(("ss", "us")):
            continue  # a table's word, an adverb, or several people ("said the girls")
        if n >= rules.TAG_ROLE_MIN:
            found[noun] = None
    return found


_KIN_WORDS = "|".join(sorted(set(rules.KIN_SYNONYMS) | set(rules.KINSHIP_NOUNS), key=len, reverse=True))
_KIN_PHRASE = re.compile(r"\b([Mm]y|[Hh]is|[Hh]er|[A-Z][a-z]+['\u2019]s) (%s)\b" % _KIN_WORDS)
_VERB_AFTER = re.compile(r"\s+(?:was|were|had|is|has|came|went|stood|sat|looked|[a-z]+ed)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")
#: A name right before a role phrase ("Pete the driver", "Buck Sayre, the foreman").
_AFTER_NAME = re.compile(r"\b[A-Z][a-z][\w'\u2019-]*,?\s+$")
_CLAUSE_START = re.compile(r"(?:^|[.!?]\s+|,?\s+and\s+|;\s+)$")
_PRONOUN_AFTER = re.compile(r"[^.!?;\"\u201c\u201d]{0,60}?\b(he|she|his|her|him)\b")
#: A verb and its object right after the noun ("the purser corrected her").
_OBJECT_AFTER = re.compile(r"\s+[a-z]+(?:ed|s)\s+(?:her|him)\b")


@lru_cache(maxsize=8)
def _role_patterns(learned: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """The role phrase ("the stage manager") and the link ("Her dad was the harbourmaster") for
    the table's role nouns and those a book has ``learned`` (compiled once for most books,
    which learn none)."""
    words = "|".join(sorted({*rules.ROLE_NOUNS, *learned}, key=len, reverse=True))
    phrase = re.compile(r"\b[Tt]he ((?:[a-z]+ )?(?:%s))\b" % words)
    link = re.compile(r"\b((?:[Mm]y|[Hh]is|[Hh]er) (?:%s)|[A-Z][a-z]+\.? [A-Z][a-z]+) (?:was|is) the ((?:[a-z]+ )?(?:%s))\b"
                      % (_KIN_WORDS, words))
    return phrase, link


def _vote(text: str, at: int, votes: Counter) -> None:
    """Count the sex of the first he/she/his/her/him in the sentence after ``at``, if any."""
    if _OBJECT_AFTER.match(text, at):
        return  # "the purser corrected her": the one acted on, someone else
    p = _PRONOUN_AFTER.match(text, at)
    if p:
        votes["male" if p.group(1) in ("he", "his", "him") else "female"] += 1


def _sex(votes: Counter) -> Optional[str]:
    """The sex most votes give, when they give it at least twice as often as the other."""
    ranked = votes.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def relation(word: str) -> Optional[str]:
    """The kinship a word names ("mum" -> "mother"), if any."""
    rel = rules.KIN_SYNONYMS.get(word.lower(), word.lower())
    return rel if rel in rules.KINSHIP_NOUNS else None

#: A noun phrase beside a name in narration, either order: "my friend Sebastian Crane", "the
#: rector, Mr. Pelham", "Buck Sayre, the foreman," "Ole Swenson, the hired man,".
_NAME_WORDS = r"(?:(?:Mr|Mrs|Miss|Ms|Dr)\.? )?[A-Z][a-z][\w'\u2019-]*(?: [A-Z][a-z][\w'\u2019-]*)?"
_APPOSED = [
    re.compile(r"\b(?P<noun>(?:[Tt]he|[Mm]y|[Oo]ur) (?:[a-z]+ )?[a-z]+),? (?P<name>" + _NAME_WORDS + r")\b"),
    re.compile(r"\b(?P<name>" + _NAME_WORDS + r"), (?P<noun>(?:the|my|our) (?:[a-z]+ )?[a-z]+),"),
]
#: Someone brought in with their name: "a butler named Pounce", "an old man called Abel"; or
#: said to be one: "Tobias Pennefather had been a sub-editor when Mr. Crake was a boy".
_NAMED = re.compile(r"\b[Aa]n? (?P<noun>(?:[a-z]+ )?[a-z]+) (?:named|called) (?P<name>" + _NAME_WORDS + r")\b")
_BEING = re.compile(r"\b(?P<name>" + _NAME_WORDS + r") (?:was|had been|has been|is) (?:a|an) "
                    r"(?P<noun>(?:[a-z]+ )?[a-z][a-z-]*[a-z])\b")
#: A role of the table after a full name with no comma or no article: "sat Simeon Crouch the
#: miller", "Mr. Nathaniel Spratling, clerk to a house of wine-merchants". The role is itself the
#: evidence that the name is a person's.
_ROLE_APPOSED = re.compile(r"\b(?P<name>" + _NAME_WORDS + r")(?: the|,(?: the)?) (?P<noun>(?:[a-z]+ )?(?:%s))\b"
                           r"(?!['\u2019-])(?=\s+(?:to|of|at|in|and|who|with)\b|[,.;:]|\s+[a-z]+ed\b)"
                           % "|".join(sorted(rules.ROLE_NOUNS, key=len, reverse=True)))


def appositions(text: str, cast: Roster, narration: list[tuple[int, int]]) -> dict[str, Person]:
    """Noun phrase -> the one person the narration puts a name of beside it ("my friend
    Sebastian Crane", "Buck Sayre, the foreman,", "a butler named Pounce", "Tobias Pennefather had
    been a sub-editor"): who a tag calling them so means. A phrase put beside two people is
    nobody's."""
    found: dict[str, set] = {}
    people: dict[int, Person] = {}

    def put(noun: str, who: Person) -> None:
        found.setdefault(noun, set()).add(id(who))
        if noun.startswith("the ") and noun.split()[-1] in rules.ROLE_NOUNS:
            found.setdefault("the " + noun.split()[-1], set()).add(id(who))  # the parish clerk
        people[id(who)] = who

    for start, end in narration:
        for pattern in _APPOSED:
            for m in pattern.finditer(text, start, end):
                who = cast.resolve(m.group("name"))
                if who is not None and who.is_person:
                    put(m.group("noun").lower(), who)
        for m in (*_NAMED.finditer(text, start, end), *_BEING.finditer(text, start, end)):
            who = cast.resolve(m.group("name"))
            if who is not None and who.is_person:
                put("the " + m.group("noun").lower(), who)
        for m in _ROLE_APPOSED.finditer(text, start, end):
            who = cast.resolve(m.group("name"))
            if who is not None and (who.is_person or not who.is_place and len(m.group("name").split()) > 1):
                put("the " + m.group("noun").lower(), who)
    return {noun: people[next(iter(ids))] for noun, ids in found.items() if len(ids) == 1}


class Roles:
    """Role phrases of one text and the people they stand for."""

    def __init__(self, text: str, cast: Roster) -> None:
        self.text = text
        self.cast = cast
        self.nouns: dict[str, Optional[str]] = dict(rules.ROLE_NOUNS)
        """The role nouns of this book, with the sex each implies: the table's, and those its tags
        call someone by once ``learn`` has been told them."""
        self.phrases: dict[str, str] = {}
        """Head noun -> the phrase the text keeps using ("manager" -> "stage manager")."""
        self.genders: dict[str, str] = {}
        """Role name -> the sex of the pronouns that follow it."""
        self._index()
        self.links: dict[str, Person] = {}
        """Role name -> the person the text says fills it."""

    def learn(self, tag_nouns: list[str]) -> None:
        """Take as roles too the nouns the book's speech tags call someone by often enough
        (``learned_roles``)."""
        learned = learned_roles(tag_nouns)
        if learned:
            self.nouns.update(learned)
            self._index()

    def _index(self) -> None:
        """The role patterns for the book's role nouns, and the phrases and sexes they find."""
        text = self.text
        self._phrase, self._link = _role_patterns(tuple(sorted(set(self.nouns) - set(rules.ROLE_NOUNS))))
        counts = Counter(m.group(1) for m in self._phrase.finditer(text))
        self.phrases = {}
        for phrase, n in counts.items():
            head = phrase.split()[-1]
            if " " in phrase and n >= 2 and phrase.split()[0] not in rules.ROLE_ADJECTIVES \
                    and n > counts.get(self.phrases.get(head, head), 0) // 2:
                self.phrases[head] = phrase
        votes: dict[str, Counter] = {}
        for m in self._phrase.finditer(text):
            _vote(text, m.end(), votes.setdefault(self.name(m.group(1)), Counter()))
        self.genders = {name: sex for name, c in votes.items() if (sex := _sex(c))}

    def gender_of(self, noun: str) -> Optional[str]:
        """The sex of the pronouns that follow "the <noun>" wherever the text writes it, as for a
        role: for someone a tag calls by a noun the tables do not know ("repeated the curate"), so
        that no name of the other sex is taken to be theirs."""
        votes: Counter = Counter()
        for m in re.finditer(r"\b[Tt]he %s\b" % re.escape(noun), self.text):
            _vote(self.text, m.end(), votes)
        return _sex(votes)

    def name(self, phrase: str) -> str:
        """What a role is called: "the stage manager" for "the manager" when the text says so."""
        head = phrase.lower().split()[-1]
        return "the " + self.phrases.get(head, head)

    def person(self, att: "Attributor", words: str, create: bool = True) -> Optional[Person]:
        """The person a noun phrase stands for, when it is a relative or a role already known;
        with ``create``, a relative the text never names is made a person of their own."""
        parts = words.split()
        low = [w.lower() for w in parts]
        rel = next((relation(w) for w in low[1:3] if relation(w)), None)
        if rel and (low[0] in ("my", "his", "her") or re.match(r"^[A-Z]\w*['\u2019]s$", parts[0])):
            word = parts[low.index(next(w for w in low[1:3] if relation(w)))]
            return self.relative(att, parts[0], rel, word, create)
        head = next((k for k, w in enumerate(low) if w in self.nouns), None)
        if head is not None and low[0] in ("the", "a", "an"):
            low = low[: head + 1]  # "the night cook leaned": the phrase may run on into its verb
            name = self.name(" ".join(low[1:]))
            if name in self.links:
                return self.links[name]
            apposed = att.apposed.get(name) or att.apposed.get("the " + low[-1])
            if apposed is not None:
                return apposed  # "Simeon Crouch the miller": "The miller laughed" is him
            titled = self._titled(att, low[-1]) if name == "the " + low[-1] else None
            if titled is not None:
                return titled  # "the doctor" when Dr. Nazari is on stage
            known = self.cast.resolve(name)
            if known is not None or name != "the " + low[-1]:
                person = known or self.cast.add(name, self.genders.get(name))
                person.tagged = max(person.tagged, 1)
                return person
        return None

    def relative(self, att: "Attributor", whose: str, rel: str, word: str,
                 create: bool = True) -> Optional[Person]:
        """The ``rel`` of the one ``whose`` stands for; a new person named by the relation if the
        text gives no name for them ("Priya's mum")."""
        st = att.state
        low = whose.lower()
        if low == "my":
            owners = [st.narrator or att.last_narrator]
        elif low in rules.KIN_POSSESSIVES:
            sex = rules.KIN_POSSESSIVES[low]
            owners = [p for p in list(reversed(st.fresh)) + [st.last_speaker] + st.recent
                      if isinstance(p, Person) and p.gender == sex and p is not st.narrator]
        else:
            owners = [self.cast.resolve(re.sub(r"['\u2019]s$", "", whose))]
        owners = [o for o in owners if isinstance(o, Person)]
        found = [r for r in (att._relative(owner, rel) for owner in owners) if r is not None]
        fits = rules.KIN_TITLES.get(rel, (set(), set()))[0]
        for relative in found:  # "her mum" is the Okoro called Mrs., whoever "her" is
            if {t.rstrip(".").lower() for t in relative.titles} & fits:
                return relative
        if found:
            return found[0]
        if not owners or not create:
            return None
        owner = owners[0]
        first = owner.name.split()[0]
        if low == "my" and owner.name == NAMELESS:
            name = f"my {word.lower()}"  # a narrator with no name: "my uncle", as the book says
        elif first in rules.NOUN_DETERMINERS or first.rstrip(".").lower() in rules.TITLE_STEMS:
            name = f"{owner.name}'s {word.lower()}"  # "the butler's aunt", "Mrs. Penn's niece", not "the's aunt"
        else:
            name = f"{first}'s {word.lower()}"
        person = self.cast.resolve(name) or self.cast.add(name, rules.KINSHIP_NOUNS[rel])
        person.tagged = max(person.tagged, 1)
        return person

    def on_stage(self, att: "Attributor", start: int, end: int) -> None:
        """Relatives and known roles named anywhere in the narration ``text[start:end]`` come on
        stage, as named people do; a sentence saying a relative is a role links the two."""
        chunk = self.text[start:end]
        found: list[tuple[int, Person]] = []
        for m in self._link.finditer(chunk):
            who = self._named(att, m.group(1))
            if who is not None:
                self.links[self.name(m.group(2))] = who
        for m in _KIN_PHRASE.finditer(chunk):
            # The narrator's own ("my mum was waiting up") or one who acts ("her dad was waiting");
            # "poured brandy for his brother" brings nobody on.
            if m.group(1).lower() != "my" and (not _VERB_AFTER.match(chunk, m.end())
                                                 or _SENTENCE_START.search(chunk[:m.start()])):
                continue  # a sentence opening "His brother ..." is the sentence-subject rule's
            who = self.person(att, m.group(0), create=False)  # "his mother had not written": not on stage
            if who is not None:
                found.append((start + m.start(), who))
        for m in self._phrase.finditer(chunk):
            if _AFTER_NAME.search(chunk, 0, m.start()):
                continue  # "Pete the driver": the name's own mention, already counted
            name = self.name(m.group(1))
            who = self.links.get(name) or self.cast.resolve(name) or self.person(att, "the " + m.group(1))
            if who is None and _CLAUSE_START.search(chunk[:m.start()]):
                # "... and the agency nurse hovered behind him": someone new on stage.
                who = self.cast.add(name, self.nouns.get(name.split()[-1]) or self.genders.get(name))
            if who is not None:
                found.append((start + m.start(), who))
        st = att.state
        no_subject: set[int] = set()
        for who in st.conv:
            # One of the talk spoken of again by a noun they are known by ("the boy", "the
            # master"; "the Count", as voices.yaml lists him): on stage, as a name would be.
            forms = {f.lower() for f in getattr(who, "forms", ()) if f.lower().startswith("the ")}
            if forms and who is not st.narrator:
                pattern = r"\b(?:%s)\b" % "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                for m in re.finditer(pattern, chunk, re.I):
                    found.append((start + m.start(), who))
                    if not _VERB_AFTER.match(chunk, m.end()):
                        no_subject.add(start + m.start())  # "the boy on the top rail"
        for at, who in sorted(found, key=lambda f: f[0]):
            att._touch(who)
            st.fresh.append(who)
            st.fresh_at.append((at, who))
            if _CLAUSE_START.search(self.text[start:at]) and at not in no_subject:
                # "My dad straightened up."; "... and the driver climbed down from the box"
                st.fresh_subjects.append(who)

    def _titled(self, att: "Attributor", noun: str) -> Optional[Person]:
        """The one person on stage whose name carries ``noun`` as a title (doctor: Dr. Nazari)."""
        if noun not in rules.TITLES:
            return None
        title = rules.TITLE_SAME.get(noun, noun)

        def bears(p: Person) -> bool:
            return any(rules.TITLE_SAME.get(f.split()[0].lower(), f.split()[0].lower().rstrip(".")) == title
                       for f in p.forms if len(f.split()) > 1)

        st = att.state
        on_stage = [p for p in st.recent if id(p) in st.scene and bears(p)]
        # else the only one in the whole story ("The captain put a mug down" after a break)
        bearers = on_stage or [p for p in self.cast.people if p.is_person and bears(p)]
        return bearers[0] if len(bearers) == 1 else None

    def _named(self, att: "Attributor", words: str) -> Optional[Person]:
        if words.split()[0].lower() in ("my", "his", "her"):
            return self.person(att, words)
        return self.cast.resolve(words)
