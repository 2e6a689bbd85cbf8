"""Who speaks each quotation: explicit tags, pronouns by gender and recency, vocatives,
turn-taking between two people, and first-person narration."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from audiobook.parser import rules, tags
from audiobook.parser.characters import Person, Roster
from audiobook.parser.narrators import Unit, narrators_by_unit
from audiobook.parser.quotes import Piece

#: Paragraphs of narration without speech after which a conversation is taken to be over.
CONVERSATION_GAP = 3


@dataclass
class _State:
    recent: list[Person] = field(default_factory=list)
    """People by last mention or speech, most recent first."""
    conv: list[object] = field(default_factory=list)
    """Speakers of the current conversation, most recent first (Person or a noun string)."""
    quiet: int = 0
    """Narration-only paragraphs since the last quotation."""
    narrator: Optional[Person] = None
    """The "I" of the current section."""
    last_speaker: object = None
    """Speaker of the previous dialogue paragraph."""
    addressed_last: list = field(default_factory=list)
    """People the previous dialogue paragraph spoke to by name: likely to answer next."""
    gap: int = 0
    """Narration-only paragraphs between the previous dialogue paragraph and this one."""
    newcomers: list = field(default_factory=list)
    """People the narration made the subject of a sentence since the last speech, not yet talking."""
    scene: set = field(default_factory=set)
    """Ids of the people named in narration or speaking since the last scene boundary."""
    fresh: list = field(default_factory=list)
    """People named in narration since the last quotation, in order."""
    fresh_subjects: list = field(default_factory=list)
    """Those of ``fresh`` (and unnamed roles) that opened a sentence of that narration, in order."""
    fresh_at: list = field(default_factory=list)
    """(offset, person) of each name in ``fresh``."""
    scene_nouns: list = field(default_factory=list)
    """(name, gender) of the people the scene's narration calls only by a noun ("a boy")."""
    tagged_here: set = field(default_factory=set)
    """Ids of the people a tag has named as speaking since the last scene boundary."""
    para_start: int = 0
    """Where the paragraph being attributed begins."""


#: A kinship word used to call someone: at the start of the quotation or of a clause, or after
#: "Oh", and followed by punctuation ("Oh, ma, ma, ...", "Why, Father, you...").
_KIN_CALL = re.compile(r"(?:^|[,;!?.]\s*|\b[Oo]h,?\s+)(%s)(?=\s*[,.!?;\u2014])" % "|".join(
    sorted(rules.KIN_VOCATIVES, key=len, reverse=True)), re.I)


def _surname(person: Person) -> Optional[str]:
    """The family name of a person named with one (Hamilton for Mrs. Hamilton or Kitty Hamilton)."""
    parts = person.name.split()
    return parts[-1] if len(parts) > 1 and not parts[-1].islower() else None


def _narration_only(unit: Optional[Unit]) -> bool:
    return unit is not None and unit.para.kind == "prose" and bool(unit.pieces) and \
        all(p.kind == "narration" for p in unit.pieces)


#: A person noun after an article ("a girl", "the old man").
_PERSON_NOUN = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+)?(%s)\b(?!['\u2019-])" % "|".join(
    sorted(rules.PERSON_NOUNS)))

#: How the names of characters known only by a noun begin.
_NOUN_NAMED = tuple(f"{d} " for d in set(rules.NOUN_DETERMINERS.values()))


def _known_as_other(person: Person, noun: str) -> bool:
    """``person`` has been called by another person noun ("the boy" is no "old man")."""
    return any(f.split()[-1].lower() in rules.PERSON_NOUNS and f.split()[-1].lower() != noun
               for f in person.forms if len(f.split()) > 1 and f.split()[0].lower() in rules.NOUN_DETERMINERS)


def noun_name(words: str) -> str:
    """How a character known by a noun phrase is named: its head noun after "the" or the
    possessive ("the tall man" -> "the man", "his old mother" -> "his mother")."""
    parts = words.split()
    det = rules.NOUN_DETERMINERS.get(parts[0].lower())
    if det is None or len(parts) < 2:
        return words
    return f"{det} {parts[-1]}"


class Attributor:
    """Walks the units in order, keeping the recency and conversation state."""

    def __init__(self, text: str, cast: Roster, units: list[Unit]) -> None:
        self.text = text
        self.cast = cast
        self.units = units
        self.mention_index = 0
        self.state = _State()
        self.last_narrator: Optional[Person] = None
        """The most recent first-person narrator in this chapter."""
        self.renamed: dict[str, Person] = {}
        """Names of characters known by a noun -> the person they turned out to be."""
        self.narrators: dict[int, Person] = {}
        """Unit index -> the first-person narrator of its section (set by ``run``)."""

    # ----------------------------------------------------------------- helpers
    def _person(self, subject: tags.Subject, exclude: tuple = ()) -> object:
        """The Person a tag subject refers to (a noun string when it names nobody)."""
        st = self.state
        if subject.kind == "pronoun":
            if subject.words == "i":
                return st.narrator or self.last_narrator
            return self._by_pronoun(subject.gender, exclude)
        if subject.kind == "noun":
            last = subject.words.split()[-1].lower()
            if last in rules.ROLE_NOUNS:
                return self._role(last)
            kin = self._kin(subject.words, exclude)
            if kin is not None:
                return kin
            if last in rules.TITLES:
                titled = self._titled(last, anywhere=subject.words[:1].isupper())
                if titled is not None:
                    return titled
            known = self.cast.resolve(noun_name(subject.words))
            if known is not None and id(known) in st.scene:
                return known
            talking = [p for p in st.conv if isinstance(p, Person) and p is not st.narrator
                       and p not in exclude and not p.name.startswith(_NOUN_NAMED)]
            named_here = [p for p in talking if id(p) in st.tagged_here and p.gender == subject.gender]
            if subject.gender and subject.verb in rules.CONTINUATION_VERBS and named_here:
                # "the lady resumed": going on with a speech, so one of the talk already named,
                # after another has broken in.
                return next((p for p in named_here if p is not st.last_speaker), named_here[0])
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
            elif not subject.gender and (last in rules.RELATIONAL_NOUNS or (len(talking) >= 2 and st.gap == 0)):
                # "said my companion", "said the musician" in the middle of a talk: the other one.
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

    def _noun_character(self, words: str, gender: Optional[str]) -> Person:
        """The character known only by a noun ("the man", "my father"), made on first use."""
        name = noun_name(words)
        person = self.cast.resolve(name)
        if person is None:
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
            return {t.rstrip(".").lower() for t in p.titles}

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

    def _role(self, noun: str) -> Person:
        """The person a role noun stands for: someone on stage with that title (Inspector Rudd),
        else an unnamed character called by the role ("the detective")."""
        st = self.state
        for p in st.recent:
            if id(p) in st.scene and any(f.lower().startswith(noun) for f in p.forms):
                return p
        for p in st.addressed_last:
            # "This is too bad of you, McMurdo!" ... "Very sorry," said the porter.
            if p is not st.last_speaker and not p.name.startswith("the "):
                return p
        name = f"the {noun}"
        person = self.cast.resolve(name)
        if person is None:
            person = self.cast.add(name, rules.ROLE_NOUNS.get(noun))
        person.tagged = max(person.tagged, 1)
        return person

    def _by_pronoun(self, gender: Optional[str], exclude: tuple = ()) -> Optional[Person]:
        """The person a he/she refers to: the right gender, taking part in the talk, recent;
        never one of ``exclude`` (those the quotation speaks to)."""
        st = self.state
        pool = [p for p in st.recent if p is not st.narrator and p not in exclude and not p.is_place]
        fresh = self._fresh(gender, pool)
        if fresh is not None:
            return fresh
        # Those taking part in the conversation come before people merely mentioned; names
        # with evidence of being people before other names.
        pool.sort(key=lambda p: (p not in st.conv, id(p) not in st.scene, not p.is_person))
        matches = [p for p in pool if p.gender == gender] or \
            [p for p in pool if p.gender is None and (
                p.is_person or p in st.conv or (id(p) in st.scene and not p.place_mentions))]
        if not matches:
            noun = next((n for n, g in reversed(st.scene_nouns) if g == gender), None)
            return self._noun_character(noun, gender) if noun and gender else None
        if st.gap <= 1:
            # Whoever was just spoken to by name answers.
            for p in st.addressed_last:
                if p in pool and p.gender in (gender, None) and p is not st.last_speaker:
                    return p
        top = matches[0]
        if id(top) not in st.scene and top not in st.conv:
            # Nobody of that sex named since the scene began: the one it spoke of by a noun.
            noun = next((n for n, g in reversed(st.scene_nouns) if g == gender), None)
            if noun is not None:
                return self._noun_character(noun, gender)
        # A new paragraph right after another's speech: the other one of the pair replies.
        if st.gap == 0 and top is st.last_speaker and len(matches) > 1 and matches[1] in st.conv[:2]:
            return matches[1]
        return top

    def _fresh(self, gender: Optional[str], pool: list[Person]) -> Optional[Person]:
        """The one a he/she most likely means from the narration since the last quotation alone:
        the only person of that gender named there, else the last of them to open a sentence
        ("They went in, where Maurice poured the brandy. 'Who would have thought it?' he asked")."""
        st = self.state

        def of_gender(people: list) -> list[Person]:
            out: list[Person] = []
            for p in reversed(people):
                if p in pool and p not in out and (
                        p.gender == gender or (p.gender is None and p.name.startswith("the "))):
                    out.append(p)
            return out

        # In the quotation's own paragraph ("Holmes filled three glasses. 'One bumper,' said he").
        local = of_gender([p for at, p in st.fresh_at if at >= st.para_start])
        if len(local) == 1:
            return local[0]
        named = of_gender(st.fresh)
        if len(named) == 1:
            return named[0]
        for p in reversed(st.fresh_subjects):
            if p in named:
                return p
        return None

    def _touch(self, who: object) -> None:
        st = self.state
        if isinstance(who, Person):
            st.scene.add(id(who))
            if who in st.recent:
                st.recent.remove(who)
            st.recent.insert(0, who)

    def _mentions_until(self, offset: int) -> None:
        """Bring the recency list up to ``offset`` with the names mentioned in narration."""
        mentions = self.cast.mentions
        while self.mention_index < len(mentions) and mentions[self.mention_index][0] < offset:
            _, person, quoted = mentions[self.mention_index]
            if not quoted:
                self._touch(person)
                self.state.fresh.append(person)
                self.state.fresh_at.append((self.cast.mentions[self.mention_index][0], person))
            self.mention_index += 1

    def _spoke(self, who: object) -> None:
        st = self.state
        if who is None:
            return
        if who in st.conv:
            st.conv.remove(who)
        st.conv.insert(0, who)
        del st.conv[4:]
        self._touch(who)

    def _other(self, not_these: list[object]) -> object:
        st = self.state
        for who in st.conv:
            if who not in not_these:
                return who
        about = [p for p in st.recent if p not in not_these and p.is_person]
        if about and not any(id(p) in st.scene for p in about):
            # A new scene that names nobody yet: of the last few people about, the one the story
            # is most about.
            return max(about[:3], key=lambda p: p.count)
        if about:
            return about[0]
        if st.narrator is not None and st.narrator not in not_these:
            return st.narrator
        return None

    def _addressed(self, piece: Piece) -> list[Person]:
        out = []
        for name in tags.vocatives(self.text[piece.inner_start:piece.inner_end]):
            p = self.cast.resolve(name) or self.cast.resolve(name.split()[-1])
            if p is None and name.lower() in rules.BARE_TITLES:
                p = self._titled(name.lower(), anywhere=True)  # "Mademoiselle, I am going..."
            if p is not None:
                out.append(p)
        return out

    # ----------------------------------------------------------------- the walk
    def run(self) -> None:
        """Set ``speaker`` on every dialogue piece, and on first-person narration."""
        self._find_tags()
        narrators = self.narrators = narrators_by_unit(self.text, self.cast, self.units, self._called_by_i())
        for index, unit in enumerate(self.units):
            kind = unit.para.kind
            if kind in ("chapter", "break", "title", "author", "pov"):
                self._mentions_until(unit.para.start)
                self._new_scene(scene_break=kind == "break")
                if kind != "break":
                    self.last_narrator = None
                continue
            self.state.narrator = narrators.get(index)
            if self.state.narrator is not None:
                # An "I said" just outside a detected first-person section is still that narrator.
                self.last_narrator = self.state.narrator
            if kind in ("time", "note"):
                continue
            self._paragraph(unit)
        for unit in self.units:
            for piece in unit.pieces:
                if piece.speaker in self.renamed:
                    piece.speaker = self.renamed[piece.speaker].name

    def _find_tags(self) -> None:
        """Each quotation's own tag (after it, else before it), and who is addressed by name."""
        self.tag_subjects: dict[int, dict[int, tags.Subject]] = {}
        previous: Optional[Unit] = None
        for unit in self.units:
            before_para = previous
            previous = unit
            pieces = unit.pieces
            found: dict[int, tags.Subject] = {}
            for i, piece in enumerate(pieces):
                if piece.kind != "dialogue":
                    continue
                inner = self.text[piece.inner_start:piece.inner_end].rstrip()
                after = pieces[i + 1] if i + 1 < len(pieces) and pieces[i + 1].kind == "narration" else None
                before = pieces[i - 1] if i > 0 and pieces[i - 1].kind == "narration" else None
                subject = None
                if after is not None:
                    subject = tags.tag_after(self.text[after.start:after.end], inner[-1:] if inner else "")
                if subject is None and before is not None:
                    subject = tags.tag_before(self.text[before.start:before.end])
                if subject is None and i == 0 and _narration_only(before_para):
                    # "Then Lily said:" closing the paragraph before the speech.
                    subject = tags.tag_before(self.text[before_para.para.start:before_para.para.end])
                if subject is not None:
                    found[i] = subject
                    if subject.kind == "name":
                        person = self._person(subject)
                        if isinstance(person, Person):
                            person.tagged += 1
                for person in self._addressed(piece):
                    person.addressed += 1
            if found:
                self.tag_subjects[id(unit)] = found

    def _called_by_i(self) -> dict[int, int]:
        """Person id -> how often a quotation calls them by name right next to a speech of the
        first-person narrator ("Rose," I said / "... my dear Rudolf?" ... "Why?" said I): the
        one spoken to by name there, or answering to it, is the "I" of the talk."""
        counts: dict[int, int] = {}
        said_i = [any(s.kind == "pronoun" and s.words == "i" for s in self.tag_subjects.get(id(u), {}).values())
                  for u in self.units]
        for k, unit in enumerate(self.units):
            if said_i[k] or not any(p.kind == "dialogue" for p in unit.pieces):
                continue
            if not (k + 1 < len(said_i) and said_i[k + 1]) and not (k > 0 and said_i[k - 1]):
                continue
            for piece in unit.pieces:
                if piece.kind == "dialogue":
                    for person in self._addressed(piece):
                        counts[id(person)] = counts.get(id(person), 0) + 1
        return counts

    def _new_scene(self, scene_break: bool = False) -> None:
        st = self.state
        st.conv.clear()
        st.last_speaker = None
        st.quiet = 0
        st.narrator = None
        st.scene = set()
        st.tagged_here = set()
        st.scene_nouns = []
        if scene_break:
            # What the narration named before a scene break says nothing of who speaks after it
            # (a chapter may open mid-scene).
            st.fresh, st.fresh_subjects, st.fresh_at = [], [], []
        st.addressed_last = []

    def _paragraph(self, unit: Unit) -> None:
        st = self.state
        pieces = unit.pieces
        quotes = [p for p in pieces if p.kind == "dialogue"]
        if not quotes:
            self._mentions_until(unit.para.end)
            self._note_subjects(unit)
            self._note_nouns(unit.para.start, unit.para.end)
            st.quiet += 1
            if st.quiet >= CONVERSATION_GAP:
                st.conv.clear()
                st.last_speaker = None
            return
        st.gap, st.quiet = st.quiet, 0
        st.para_start = unit.para.start
        own: dict[int, object] = {}
        unresolved: set[str] = set()
        """Genders of he/she tags that found nobody: the fallback must not contradict them."""
        for i, subject in self.tag_subjects.get(id(unit), {}).items():
            self._mentions_until(pieces[i].start)
            who = self._person(subject, tuple(self._addressed(pieces[i])))
            if subject.kind == "pronoun" and subject.words != "i":
                # '"Yes," said Edna. Then she said, "..."': within one paragraph a he/she is
                # the one already named speaking there.
                same = [w for w in own.values() if isinstance(w, Person) and w.gender == subject.gender]
                if same:
                    who = same[-1]
            if who is None and subject.gender:
                unresolved.add(subject.gender)
            if who is not None:
                own[i] = who
                if subject.kind == "name":
                    st.tagged_here.add(id(who))
        self._mentions_until(quotes[0].start)
        speaker = None
        first_q = next(i for i, p in enumerate(pieces) if p.kind == "dialogue")
        if own:
            speaker = own[min(own)]
        elif pieces[first_q].continues and st.last_speaker is not None:
            speaker = st.last_speaker
        elif unit.para.wide_gap and st.gap == 0 and st.last_speaker is not None and first_q == 0:
            # An extra blank line straight between two lines of talk splits one speech in two
            # (a scene break would not fall mid-conversation with no word of narration).
            speaker = st.last_speaker
        else:
            speaker = self._beat(unit)
            addressed = self._addressed(pieces[first_q])
            if speaker is None:
                speaker = self._entrance(addressed)
            if speaker is None:
                speaker = self._turn(addressed)
            elif speaker in addressed:
                speaker = self._other([speaker])
            if unresolved and isinstance(speaker, Person) and speaker.gender \
                    and speaker.gender not in unresolved:
                speaker = None
        speaker = self._introduced(speaker, pieces[first_q])
        current = speaker
        for i, piece in enumerate(pieces):
            if piece.kind == "dialogue":
                if i in own:
                    current = own[i]
                piece.speaker = current.name if isinstance(current, Person) else None
        last = own[max(own)] if own else speaker
        self._spoke(speaker)
        if last is not speaker:
            self._spoke(last)
        st.last_speaker = last
        # A name called out on its own ("Victor!") summons someone who may not be there to answer.
        st.addressed_last = [p for q in quotes for p in self._addressed(q)
                             if p is not last and (p is st.narrator or (id(p) in st.scene and p.is_person))
                             and len(self.text[q.inner_start:q.inner_end].split()) > 1]
        if not st.addressed_last and isinstance(last, Person):
            st.addressed_last = [p for p in self._parents_called(quotes, last) if p is not last]
        if st.gap and not st.addressed_last:
            # Someone the narration just brought on stage is the one spoken to.
            st.addressed_last = [p for p in st.newcomers if p is not last and p is not st.narrator][:1]
        if not st.addressed_last and isinstance(last, Person):
            # '"Did you think I was afraid?" she asked him': he answers next.
            listener = self._listener(unit, last)
            if listener is not None:
                st.addressed_last = [listener]
        st.newcomers = []
        self._mentions_until(self._tag_end(unit))
        st.fresh, st.fresh_subjects, st.fresh_at = [], [], []
        self._mentions_until(unit.para.end)

    def _listener(self, unit: Unit, speaker: Person) -> Optional[Person]:
        """The one the tag after the paragraph's last quotation says is spoken to."""
        pieces = unit.pieces
        last = max(i for i, p in enumerate(pieces) if p.kind == "dialogue")
        if last + 1 >= len(pieces):
            return None
        gender = tags.tag_listener(self.text[pieces[last + 1].start:pieces[last + 1].end])
        if gender is None:
            return None
        who = self._by_pronoun(gender, (speaker,))
        return who if who is not speaker else None

    def _tag_end(self, unit: Unit) -> int:
        """Where the last quotation of ``unit`` and the sentence of its tag after it end: the
        narration after that point is what the next speech follows."""
        pieces = unit.pieces
        last = max(i for i, p in enumerate(pieces) if p.kind == "dialogue")
        end = pieces[last].end
        if last in self.tag_subjects.get(id(unit), {}) and last + 1 < len(pieces):
            after = pieces[last + 1]
            stop = re.search(r"[.!?]", self.text[after.start:after.end])
            end = after.start + stop.end() if stop else after.end
        return end

    def _introduced(self, speaker: object, piece: Piece) -> object:
        """Someone known by a noun who says their name ("Tobias. My gran says...", "My name is
        Hale") is that person from then on, and was all along."""
        if not isinstance(speaker, Person) or not speaker.name.startswith(_NOUN_NAMED):
            return speaker
        m = rules.INTRODUCTION.match(self.text, piece.inner_start, piece.inner_end)
        who = self.cast.resolve(m.group("name")) if m else None
        if who is None or who is speaker or who in self.state.conv or (speaker.gender and who.gender
                                                                        and who.gender != speaker.gender):
            return speaker
        self.renamed[speaker.name] = who
        who.forms[speaker.name] = who.forms.get(speaker.name, 0) + speaker.count
        self.cast.merge(speaker, who)
        return who

    def _note_nouns(self, start: int, end: int) -> None:
        """Remember the people the narration of this scene speaks of only by a noun ("a boy was
        waiting"), latest last."""
        for m in _PERSON_NOUN.finditer(self.text, start, end):
            noun = m.group(1).lower()
            gender = next((g for g, nouns in rules.GENDER_NOUNS.items() if noun in nouns), None)
            if gender is not None:
                self.state.scene_nouns.append((f"the {noun}", gender))

    def _note_subjects(self, unit: Unit) -> None:
        """An unnamed role opening a sentence of narration ("The detective was waiting") comes on
        stage, and is the likely listener of what is said next."""
        st = self.state
        for sentence in re.split(r"(?<=[.!?])\s+", self.text[unit.para.start:unit.para.end]):
            subject = tags.sentence_subject(sentence)
            if subject is not None and subject.kind == "name":
                who = self.cast.resolve(subject.words)
                if who is not None and who in st.fresh:
                    st.fresh_subjects.append(who)
            if subject is None or subject.kind != "noun":
                continue
            kin = self._kin(subject.words)  # "His brother looked after him."
            if kin is not None:
                self._touch(kin)
                st.fresh.append(kin)
                st.fresh_subjects.append(kin)
                continue
            head = subject.words.split()[-1].lower()
            if head not in rules.ROLE_NOUNS:
                continue
            who = self._role(head)
            self._touch(who)
            st.fresh.append(who)
            st.fresh_subjects.append(who)
            if who not in st.conv and who not in st.newcomers:
                st.newcomers.append(who)

    def _beat(self, unit: Unit) -> Optional[Person]:
        """A person who is the subject of the paragraph's narration (an action beat)."""
        seen_quote = False
        for piece in unit.pieces:
            if piece.kind != "narration":
                seen_quote = True
                continue
            body = self.text[piece.start:piece.end]
            for sentence in re.split(r"(?<=[.!?])\s+", body)[:2]:
                subject = tags.sentence_subject(sentence)
                if subject is None:
                    continue
                if subject.kind == "name":
                    who = self._person(subject)
                    # After the quotation, a sentence may be about someone new ("Montel was a
                    # gentleman who..."): only someone already on stage counts there.
                    if isinstance(who, Person) and (not seen_quote or (
                            who in self.state.recent[:4] and who is not self.state.last_speaker)):
                        return who
                if subject.kind == "noun" and subject.gender and \
                        subject.words.split()[-1].lower() in rules.PERSON_NOUNS:
                    # "The old man smiled": the one man in the talk besides the last speaker.
                    st = self.state
                    same = {id(p): p for p in st.conv if isinstance(p, Person) and p.gender == subject.gender
                            and p is not st.last_speaker and p is not st.narrator
                            and not p.name.startswith(_NOUN_NAMED)}
                    if len(same) == 1:
                        return next(iter(same.values()))
                if subject.kind == "pronoun" and subject.words == "i" and self.state.narrator:
                    return self.state.narrator
                if subject.kind == "pronoun" and subject.words != "i" and not seen_quote:
                    # "She put her hand to her throat. 'I can't.'": the one the pronoun means.
                    who = self._by_pronoun(subject.gender)
                    if who is not None:
                        return who
        return None

    def _entrance(self, addressed: list[Person]) -> Optional[Person]:
        """After narration about one person alone, someone not yet in the conversation and the
        subject of its sentences ("Mr. Martin came in late ... Mr. Martin was out of humour"), an
        untagged line is theirs."""
        st = self.state
        if not st.gap or not st.fresh_subjects:
            return None
        who = st.fresh_subjects[-1]
        if any(p is not who for p in st.fresh) or who in st.conv or who is st.narrator \
                or who in addressed or not who.is_person:
            return None
        return who

    def _turn(self, addressed: list[Person]) -> object:
        """Turn-taking: the one who spoke before the last speaker, else anyone else about."""
        st = self.state
        if st.last_speaker is None:
            for who in st.recent:
                if who not in addressed and who.is_person:
                    return who
            return st.narrator
        for p in st.addressed_last:
            if p not in addressed and p is not st.last_speaker:
                return p
        if len(st.conv) >= 2 and st.conv[1] not in addressed:
            return st.conv[1]
        if len(st.conv) >= 2 and st.last_speaker not in addressed:
            return st.last_speaker  # the other one is spoken to: the same speaker goes on
        return self._other([st.last_speaker] + addressed)
