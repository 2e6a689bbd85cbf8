"""Who a speech tag's subject means: a name, a pronoun (``pronouns.py``), a kinship word, a title,
a role, or a noun that is a character of its own ("the man", "my father")."""
from __future__ import annotations

import re
from typing import Optional

from audiobook.parser import roles, rules, subjects
from audiobook.parser.characters import Person
from audiobook.parser.naming import NOUN_NAMED, Naming
from audiobook.parser.quotes import Piece
from audiobook.parser.scene import SENTENCE

#: A kinship word used to call someone: at the start of the quotation or of a clause, or after
#: "Oh", and followed by punctuation ("Oh, ma, ma, ...", "Why, Father, you...").
_KIN_CALL = re.compile(r"(?:^|[,;!?.]\s*|\b[Oo]h,?\s+)(%s)(?=\s*[,.!?;\u2014])" % "|".join(
    sorted(rules.KIN_VOCATIVES, key=len, reverse=True)), re.I)


def _surname(person: Person) -> Optional[str]:
    """The family name of a person named with one (Hamilton for Mrs. Hamilton or Kitty Hamilton)."""
    parts = person.name.split()
    return parts[-1] if len(parts) > 1 and not parts[-1].islower() else None


def _known_as_other(person: Person, noun: str) -> bool:
    """``person`` has been called by another person noun ("the boy" is no "old man")."""
    return any(f.split()[-1].lower() in rules.PERSON_NOUNS and f.split()[-1].lower() != noun
               for f in person.forms if len(f.split()) > 1 and f.split()[0].lower() in rules.NOUN_DETERMINERS)


def _fits(noun: Person, words: str) -> bool:
    """Whether a description ("the hired man") may call one known by a noun ("the young man"):
    each of its words is in one of the descriptions that one was given."""
    if not noun.name.startswith("the "):
        return True
    said = {w.lower() for w in words.split()[1:]}
    return any(said <= {w.lower() for w in form.split()[1:]} for form in noun.forms)


#: How many paragraphs back a description ("a little old man") still says who "the little old man"
#: of a tag is.
DESCRIBED_WITHIN = 4


def noun_name(words: str) -> str:
    """How a character known by a noun phrase is named: its head noun after "the" or the
    possessive ("the tall man" -> "the man", "his old mother" -> "his mother")."""
    parts = words.split()
    det = rules.NOUN_DETERMINERS.get(parts[0].lower())
    if det is None or len(parts) < 2:
        return words
    return f"{det} {parts[-1]}"


class Resolver(Naming):
    """Resolves tag subjects against the roster and the scene."""

    def _person(self, subject: subjects.Subject, exclude: tuple = ()) -> object:
        """The Person a tag subject refers to (a noun string when it names nobody)."""
        st = self.state
        if subject.kind == "pronoun":
            if subject.words == "i":
                return st.narrator or self.last_narrator
            if subject.words == "you":
                return self._reader()
            last = st.last_speaker
            if subject.verb in rules.CONTINUATION_VERBS and isinstance(last, Person) \
                    and last.gender in (subject.gender, None) and last not in exclude and st.gap <= 1 \
                    and last is not st.narrator:
                return last  # "he added": the one who spoke last goes on
            acted_on = tuple(p for p in map(self.cast.resolve, subject.besides) if p is not None)
            who = self._by_pronoun(subject.gender, tuple(exclude) + acted_on)
            if who is None and subject.gender in rules.STRANGERS and not self.cast.closed:
                who = self._stranger(subject.gender)
            return who
        if subject.kind == "noun":
            named = self._that_one(subject)
            if named is not None:
                return named
            listed = self.cast.listed_phrase(subject.full or subject.words, subject.gender) \
                or self.cast.listed_phrase(subject.words, subject.gender)
            if listed is not None:
                self.by_cast[id(subject)] = subject  # held, so its id is no later subject's
                return listed
            apposed = self.apposed.get(subject.words.lower())
            if apposed is not None:
                return apposed  # "said my friend", the narration having said "my friend Sebastian Crane"
            known = self.roles.person(self, subject.words, create=False)  # a relative or role the text links
            if known is not None:
                if known.name.startswith(NOUN_NAMED) and subject.words.lower() != known.name:
                    known.forms[subject.words] = known.forms.get(subject.words, 0) + 1  # "the old nurse"
                return known
            last = subject.words.split()[-1].lower()
            if last in self.roles.nouns:
                who = self._role(last, tuple(exclude))
                if who.name.startswith(NOUN_NAMED) and subject.words.lower() != who.name:
                    who.forms[subject.words] = who.forms.get(subject.words, 0) + 1  # "the child's nurse"
                return who
            kin = self._kin(subject.words, exclude)
            if kin is not None:
                return kin
            if last in rules.TITLES:
                titled = self._titled(last, anywhere=subject.words[:1].isupper())
                if titled is not None:
                    return titled
            if subject.words.split()[0].lower() in ("a", "an", "another"):
                # "said a young wife": an indefinite article brings in someone new.
                who = self._noun_character(subject.words, subject.gender)
                if subject.full:
                    who.forms[subject.full] = who.forms.get(subject.full, 0) + 1
                return who
            known = self.cast.resolve(noun_name(subject.words))
            if known is not None and id(known) in st.scene and _fits(known, subject.words):
                return known
            if self._is_brought_in(subject.words):
                return self._noun_character(subject.words, subject.gender)  # someone the narration brought in
            exclude = tuple(exclude) + tuple(p for p in map(self.cast.resolve, subject.besides) if p is not None)
            talking = [p for p in st.conv if isinstance(p, Person) and p is not st.narrator
                       and p not in exclude and not p.name.startswith(NOUN_NAMED)]
            named_here = [p for p in talking if id(p) in st.tagged_here and p.gender == subject.gender]
            if subject.gender and subject.verb in rules.CONTINUATION_VERBS and named_here:
                # "the lady resumed": going on with a speech, so one of the talk already named,
                # after another has broken in.
                return next((p for p in named_here if p is not st.last_speaker), named_here[0])
            if subject.gender and len(subject.words.split()) > 2 and self._described_before(subject.words):
                # "In the corner sat a little old man, reading." / '"..." said the little old man':
                # the one the scene's narration described so.
                return self._noun_character(subject.words, subject.gender)
            if subject.gender and len(subject.words.split()) > 2:
                # "said the pretty woman at his side": described, not named: someone of that sex
                # taking part in the talk.
                same = [p for p in talking if p.gender == subject.gender and not _known_as_other(p, last)]
                if same:
                    others = tuple(p for p in st.recent if _known_as_other(p, last))
                    return self._by_pronoun(subject.gender, tuple(exclude) + others) or same[0]
                # Else the one person of that sex the narration has just named.
                named = {id(p): p for p in st.fresh if p.gender in (subject.gender, None)
                         and p is not st.narrator and p not in exclude}
                if len(named) == 1:
                    return next(iter(named.values()))
                pool = [p for p in st.recent if p is not st.narrator and p not in exclude]
                who = self._fresh(subject.gender, pool)
                if who is not None:
                    return who
            owner = rules.KIN_POSSESSIVES.get(subject.words.split()[0].lower())
            if owner and len(talking) >= 2 and st.gap == 0 and isinstance(st.last_speaker, Person) \
                    and st.last_speaker.gender == owner:
                # "said his step-son" answering a man: the other one in the talk, called so; of
                # the relation's sex ("said his sister" is no man).
                kin = next(filter(None, map(roles.relation, subject.words.split()[1:3])), None)
                sex = rules.KINSHIP_NOUNS.get(kin) if kin else None
                others = [p for p in talking if p is not st.last_speaker and (sex is None or p.gender in (sex, None))]
                other = others[0] if len(others) == 1 or sex is None and others else None
                if other is not None:  # two men in the talk: which is her father the text does not say
                    other.forms[subject.words] = other.forms.get(subject.words, 0) + 1
                    return other
            if not subject.gender and (last in rules.RELATIONAL_NOUNS or (
                    len(talking) == 2 and st.gap == 0 and subject.words.split()[0].lower() in ("the", "this"))):
                # "said my companion", "said the musician" in the middle of a talk of two: the other
                # one (of three or more, the musician is no one of them the text has said).
                for who in talking:
                    if who is not st.last_speaker:
                        return who
            return known or self._noun_character(subject.words, subject.gender)
        person = self.cast.resolve(subject.words)
        if person is None:
            parts = subject.words.split()
            for cut in (parts[1:], parts[-1:], parts[:1]):
                person = self.cast.resolve(" ".join(cut)) if cut else None
                if person:
                    break
        if person is None:
            person = self.cast.add(subject.words, subject.gender)
        return person

    def _that_one(self, subject: subjects.Subject) -> Optional[Person]:
        """'"And Harriet's throat is sore for a week after," added that young lady': "that" points
        back to the one named last before the paragraph, in the talk or the narration ("Harriet
        has only to shout at him"), if of that sex."""
        if subject.words.split()[0].lower() != "that" or subject.gender is None:
            return None
        before = [p for at, p, _ in self.cast.mentions if at < self.state.para_start]
        for who in reversed(before):
            if who.is_person and who is not self.state.narrator:
                return who if who.gender == subject.gender else None
        return None

    def _described_before(self, words: str) -> bool:
        """Whether the narration of the last few paragraphs of the scene described someone with
        a/an and the same words ("a little old man" for "the little old man")."""
        pattern = re.compile(r"\b[Aa]n?\s+%s\b" % r",?\s+".join(re.escape(w) for w in words.split()[1:]))
        recent = self.units[max(self.scene_start, self.unit_index - DESCRIBED_WITHIN):self.unit_index]
        return any(pattern.search(self.text, piece.start, piece.end)
                   for unit in recent for piece in unit.pieces if piece.kind == "narration")

    def _reader(self) -> Person:
        """The "you" of a story told in the second person: its blank for the reader's name
        (Y/N) if it has one, else "Reader"."""
        return self.cast.resolve("Y/N") or self.cast.resolve(rules.READER) or self.cast.add(rules.READER, None)

    def _stranger(self, gender: str) -> Person:
        """The unnamed person of ``gender`` a he/she means when nobody of that sex is about."""
        name = rules.STRANGERS[gender]
        person = self.cast.resolve(name) or self.cast.add(name, gender)
        person.tagged = max(person.tagged, 1)
        return person

    def _unseen(self, voice: Optional[str], by_place: bool = True) -> Optional[Person]:
        """Someone heard only as ``voice`` ("a voice from the crowd", from ``beats.placed_voice``),
        made on first use and called as the text first calls them; "the same voice" is the last
        such one. None for no voice. With ``by_place``, one the scene put where the voice came from."""
        st = self.state
        if voice is None or voice == "the same voice" and st.unseen is None:
            return None
        if voice != "the same voice":
            placed = self._placed_at(voice.split()[-1]) if by_place else None
            if placed is not None:  # "Mary was in the house." / "Come in!" called a voice from the house.
                return placed
            name = "the " + voice.split(None, 1)[1]
            person = self.cast.resolve(name) or self.cast.add(name, None)
            person.forms[voice] = person.forms.get(voice, 0)
            person.tagged = max(person.tagged, 1)
            st.unseen = person
        return st.unseen

    def _placed_at(self, place: str) -> Optional[Person]:
        """The one person the scene's narration so far names in a sentence with ``place`` in it
        ("Norah ruled the kitchen", for a voice from the kitchen), if just one."""
        found: dict[int, Person] = {}
        for unit in self.units[self.scene_start:self.unit_index]:
            for piece in unit.pieces:
                if piece.kind != "narration":
                    continue
                for m in SENTENCE.finditer(self.text, piece.start, piece.end):
                    if re.search(r"\b%s\b" % re.escape(place), m.group(), re.IGNORECASE):
                        found.update((id(p), p) for at, p, quoted in self.cast.mentions
                                     if m.start() <= at < m.end() and not quoted and p.is_person)
        return next(iter(found.values())) if len(found) == 1 else None

    def _noun_character(self, words: str, gender: Optional[str]) -> Person:
        """The character known only by a noun ("the man", "my father"), made on first use."""
        listed = self.cast.listed_phrase(words, gender, tag=False) if self.cast.closed else None
        if listed is not None:  # "The old lady pulled her spectacles down", listed as Aunt Polly's
            return listed
        name = noun_name(words)
        person = self.cast.resolve(name)
        brought = self._brought_in_as(words)
        if person is not None and brought is not None and not _fits(person, brought):
            # Two brought in by the same noun ("a lean man with a sandy beard", "a little old man
            # in a beaver hat"): the second is called by its whole description.
            name = brought
            person = self.cast.resolve(name)
        if person is None and self.cast.closed:
            # Someone known by a description, in a listed cast: the one listed so, if one alone fits.
            person = self.cast.described(gender, words)
        if person is None:
            parts = words.split()
            if gender is None and len(parts) == 2 and parts[0].lower() == "the":
                gender = self.roles.gender_of(parts[1].lower())
            person = self.cast.add(name, gender)
        person.forms[words] = person.forms.get(words, 0) + 1
        person.tagged = max(person.tagged, 1)
        return person

    def _kin(self, words: str, addressed: tuple = ()) -> Optional[Person]:
        """The relative a "her mother" / "his brother" means: someone of the relation's sex who
        shares the surname of the person the his/her stands for (Mrs. Hamilton for Kitty
        Hamilton's mother). The possessor is sought only where it is clear: the one the quotation
        speaks to ('"How could you, Frank?" gasped his brother'), those named in the narration
        since the last quote, the last speaker."""
        parts = words.lower().split()
        # "her mother", "his old father" (a noun phrase may run on into its verb: take the kin word)
        relation = next((w for w in parts[1:3] if w in rules.KINSHIP_NOUNS), None)
        if len(parts) < 2 or parts[0] not in rules.KIN_POSSESSIVES or relation is None:
            return None
        st = self.state
        owners = list(addressed) + list(reversed(st.fresh)) + [st.last_speaker]
        gender = rules.KIN_POSSESSIVES[parts[0]]
        seen: list[Person] = []
        for owner in owners:
            if not isinstance(owner, Person) or owner in seen or owner.gender != gender:
                continue
            seen.append(owner)
            relative = self._relative(owner, relation)
            if relative is not None:
                return relative
        return None

    def _relative(self, owner: Person, relation: str) -> Optional[Person]:
        """Someone of the ``relation``'s sex who shares ``owner``'s surname: one whose titles
        fit the relation (a mother is Mrs., not Miss), then the one about most likely."""
        family = _surname(owner)
        if family is None:
            return None
        gender = rules.KINSHIP_NOUNS[relation]
        fits, unfit = rules.KIN_TITLES.get(relation, (set(), set()))
        relatives = [p for p in self.cast.people if p is not owner and p.gender == gender
                     and _surname(p) == family and p.is_person]

        def titles(p: Person) -> set[str]:
            # The titles the text gives them, and those of the names voices.yaml lists for them
            # ("Mr. Thwaite" for Abel Thwaite: the husband of Mrs. Thwaite, not their son).
            return {t.rstrip(".").lower() for t in p.titles} | {
                f.split()[0].rstrip(".").lower() for f in p.forms if len(f.split()) > 1}

        relatives.sort(key=lambda p: (bool(titles(p) & unfit) and not titles(p) & fits,
                                      not titles(p) & fits, p not in self.state.recent, -p.count))
        return relatives[0] if relatives else None

    def _parents_called(self, quotes: list[Piece], speaker: Person) -> list[Person]:
        """The speaker's mother or father when a quotation calls them so ("Oh, ma, Miss Hattie
        thinks...", "Why, Father, ..."): the one spoken to."""
        out = []
        for q in quotes:
            for word in _KIN_CALL.findall(self.text[q.inner_start:q.inner_end]):
                who = self._relative(speaker, rules.KIN_VOCATIVES[word.lower()])
                if who is not None and who not in out:
                    out.append(who)
        return out

    def _titled(self, title: str, anywhere: bool = False) -> Optional[Person]:
        """The person on stage whose name is written with ``title`` (Mademoiselle Reisz for
        "Mademoiselle"); with ``anywhere``, else the one last seen bearing it."""
        st = self.state
        titled = [p for p in st.recent if any(f.lower().startswith(title) for f in p.forms)]
        for p in titled:
            if id(p) in st.scene:
                return p
        return titled[0] if anywhere and titled else None

    def _role(self, noun: str, exclude: tuple = ()) -> Person:
        """The person a role noun stands for: someone on stage with that title (Inspector Rudd),
        else an unnamed character called by the role ("the detective"); never one of ``exclude``
        (those the line speaks to)."""
        st = self.state
        known = self.roles.person(self, "the " + noun)  # linked, titled or already on stage
        if known is not None:
            return known
        same = rules.TITLE_SAME.get(noun, noun)
        titled = [p for p in st.recent if any(
            rules.TITLE_SAME.get(f.split()[0].lower(), f.split()[0].lower().rstrip(".")) == same for f in p.forms)]
        for p in sorted(titled, key=lambda p: id(p) not in st.scene):
            if p not in exclude:
                return p
        name = self.roles.name(noun)
        # The sex the word gives ("the pier-master"), not the role's pronouns: "The weaver looked
        # at her" is no vote.
        sex = self.roles.nouns.get(noun) or rules.NOUN_GENDER.get(noun.split("-")[-1])
        for p in st.addressed_last:
            # "This is too bad of you, McMurdo!" ... "Very sorry," said the porter. (Not one of the
            # other sex: '"My dear Catherine," said her father.' / '"...," said the overlooker'.)
            if p is not st.last_speaker and not p.name.startswith("the ") and p not in exclude:
                if sex and p.gender and p.gender != sex:
                    break
                return p
        person = self.cast.resolve(name)
        if person is None:
            person = self.cast.add(name, self.roles.nouns.get(noun) or self.roles.genders.get(name) or sex)
        person.tagged = max(person.tagged, 1)
        return person
