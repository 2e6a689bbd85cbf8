"""The state of a scene while attribution walks it: who is on stage, who is talking, what the
narration has just named."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from audiobook.parser import aliases, calls, roles, rules, subjects
from audiobook.parser.characters import Person, Roster
from audiobook.parser.narrators import Unit
from audiobook.parser.quotes import Piece

#: Paragraphs of narration without speech after which a conversation is taken to be over.
CONVERSATION_GAP = 3

#: What unnamed strangers are called (``rules.STRANGERS``).
_STRANGERS = set(rules.STRANGERS.values())

#: A sentence of narration, not cut after a title ("Then Mrs. Pelham spoke." is one sentence).
SENTENCE = re.compile(r"(?:[^.!?]|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bMs)\.|(?<=\bDr)\.|(?<=\bSt)\.)+(?:[.!?]+|$)")
#: Where a sentence joins another clause with a subject of its own ("..., and Ms. Henderson had").
_JOINED_CLAUSE = re.compile(r"(?:[,;]\s*|\s)(?:and|but|while|whilst)\s+")
#: A person noun after an article ("a girl", "the old man").
_PERSON_NOUN = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[A-Za-z]+\s+)?(%s)\b(?!['\u2019-])" % "|".join(
    sorted(rules.PERSON_NOUNS)))

#: A person noun after "a" and up to three words that describe ("a little old man", "a thin
#: young man", "a stout, pink old gentleman"), none of them a determiner that would begin
#: another phrase ("a tin sconce, the woman").
_BROUGHT_IN = re.compile(r"\b[Aa]n?\s+(?:(?!(?:the|a|an|his|her|their|its|my|our|your|and|or)\b)[A-Za-z-]+,?\s+){0,3}?"
                         r"(%s)\b(?!['\u2019-])" % "|".join(sorted(rules.PERSON_NOUNS)))
#: What follows a person noun that describes someone coming on stage ("a thin wizard in grey
#: robes", "a man with a clipboard", "saw a man coming towards us", "a tall man standing at her
#: rail"), not one only thought of ("think of a little girl"). Not "who": that tells a kind of
#: person ("like a cigar in the mouth of a man who has been thinking too hard").
_DESCRIBED = re.compile(r"\s+(?:in|with|wearing|carrying|holding|dressed|coming|walking|riding|running|"
                       r"standing|sitting|leaning|waiting)\b")
#: The few words of such a description, to a clause's end ("with a clipboard", "in grey robes").
_DESCRIPTION = re.compile(r"\s+(?:in|with|wearing|carrying|holding)(?:\s+[\w'\u2019-]+){1,3}?"
                          r"(?=\s+(?:and|who|that|which)\b|[,.;:!?\u2014)]|\s*$)")
#: ... unless it says what someone already there is ("The night porter was a broad woman with").
_SAID_TO_BE = re.compile(r"\b(?:was|were|is|are|be|been|became|seemed|as)\s+$")
#: ... but a sentence that opens with where ("In the other corner ... was a little old man",
#: "There was a man with a lantern") brings someone in all the same.
_THERE_WAS = re.compile(r"\s*(?:In|On|At|Next|Beside|Behind|Opposite|Across|Beyond|Near|Among|Outside|Inside|"
                        r"There|Here|Before|Beneath|Under|By|Against|And)\b")


@dataclass
class SceneState:
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
    summoned: list = field(default_factory=list)
    """People the previous dialogue paragraph called by name, a bare "Norah!" too: who answers
    it unseen ("called a voice from the kitchen")."""
    gap: int = 0
    """Narration-only paragraphs between the previous dialogue paragraph and this one."""
    gone: set = field(default_factory=set)
    """Ids of those the narration saw leave ("and withdrew"), until it names them again."""
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
    fresh_from: int = 0
    """Where the narration ``fresh`` is taken from begins."""
    scene_nouns: list = field(default_factory=list)
    """(name, gender) of the people the scene's narration calls only by a noun ("a boy")."""
    brought_in: list = field(default_factory=list)
    """The words of each description the scene's narration brings someone in with ("a thin man
    in grey": ``("thin", "man")``): someone new, whom a later "the thin man" or "the man" means,
    not one already talking."""
    tagged_here: set = field(default_factory=set)
    """Ids of the people a tag has named as speaking since the last scene boundary."""
    para_start: int = 0
    """Where the paragraph being attributed begins."""
    narration_start: int = 0
    """Where the last paragraph of narration alone begins."""
    unseen: Optional[Person] = None
    """The last one heard only as a voice from somewhere ("a voice from the crowd"), whom "the
    same voice" means."""


class Stage:
    """The walk's memory: recency, the conversation, the scene; and what updates them."""

    def __init__(self, text: str, cast: Roster, units: list[Unit]) -> None:
        self.text = text
        self.cast = cast
        self.units = units
        self.mention_index = 0
        self.state = SceneState()
        self.last_narrator: Optional[Person] = None
        """The most recent first-person narrator in this chapter."""
        self.last_dialogue: Optional[Unit] = None
        """The last paragraph with speech in this scene."""
        self.last_guessed = False
        """Whether no tag and nobody acting in that paragraph gave its speaker."""
        self.short_calls: dict[str, Optional[Person]] = {}
        """Familiar forms called in the talk ("Lils") -> the one person each is a form of."""
        self.scene_start = 0
        """Index of the unit that opened the current scene."""
        self.unit_index = 0
        """Index of the unit being attributed."""
        self.narrators: dict[int, Person] = {}
        """Unit index -> the first-person narrator of its section (set by ``run``)."""
        self.roles = roles.Roles(text, cast)
        """Relatives ("my mum") and roles ("the stage manager") and who they are."""
        self.apposed = roles.appositions(text, cast, [(p.start, p.end) for u in units for p in u.pieces
                                                      if p.kind == "narration"])
        """Noun phrase -> the person the narration names beside it ("my friend Sebastian Crane")."""
        self.actor: Optional[Person] = None
        """Who acts in the last sentence of the narration since the last speech."""
        self.after_message = False
        """A text message or phone line in italics came right after the last speech."""
        self.by_cast: dict[int, object] = {}
        """The tag subjects voices.yaml resolved (a listed description), by id: ``how`` is ``cast``."""
        self.entrant: Optional[Person] = None
        """Who opens the narration since the last speech, named."""
        self.heard: Optional[Person] = None
        """Who the last line, said by a voice only, turned out to be: until the narration shows
        them, they have not come in."""
        self.closing: Optional[Person] = None
        """Who the narration paragraph right before ends on, named, in a short sentence."""
        self.name_answers: dict[int, str] = {}
        self.who_answers: dict[int, str] = {}
        """Ids of the speeches that answer a question asking a name, and the name they open with
        (set by ``run``)."""
        self.subject_words: frozenset = frozenset()
        """Words a subject may be in this story only (``Roster.tag_words``, and "you" in a story
        told to "you"): set by ``run``."""

    def _touch(self, who: object) -> None:
        st = self.state
        if isinstance(who, Person):
            st.gone.discard(id(who))
            st.scene.add(id(who))
            if who in st.recent:
                st.recent.remove(who)
            st.recent.insert(0, who)

    def _mentions_until(self, offset: int) -> None:
        """Bring the recency list up to ``offset`` with the names mentioned in narration (when
        voices.yaml lists the cast, only those it lists: the others can still speak by a tag)."""
        mentions = self.cast.mentions
        while self.mention_index < len(mentions) and mentions[self.mention_index][0] < offset:
            _, person, quoted = mentions[self.mention_index]
            if not quoted and (person.listed or not self.cast.closed):
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

    def _addressed(self, piece: Piece) -> list[Person]:
        quote = self.text[piece.inner_start:piece.inner_end]
        answer = self.name_answers.get(id(piece))
        about = self.who_answers.get(id(piece))  # "Who is judging?" / "Mr. Quarles."
        called = [self._called(name) for name in calls.vocatives(quote) if name not in (answer, about)]
        if answer is not None:
            # "Hale, madam. Tom Hale.": the name that answers "your name?" calls nobody, in
            # any of its forms.
            own = self.cast.resolve(answer)
            called = [p for p in called if p is not own]
        if self.cast.closed:  # "I don't know, aunt.": a relation or a description the list gives
            called += [self.cast.called_kin(word) or self.cast.listed_phrase(word, tag=False)
                       for word in calls.lower_calls(quote)]
        return [p for p in called if p is not None]

    def _is_brought_in(self, words: str) -> bool:
        """Whether a description ("The thin wizard", "the wizard") calls someone the narration
        of the scene brought in with it: the same noun, and no word the description lacks."""
        return bool(self._brought_in_fits(words))

    def _brought_in_as(self, words: str) -> Optional[str]:
        """The description ("the little old man") the narration brought in the one ``words``
        ("the old man") calls, when it fits only one; None for none or several."""
        fits = set(self._brought_in_fits(words))
        return "the " + " ".join(fits.pop()) if len(fits) == 1 else None

    def _brought_in_fits(self, words: str) -> list[tuple]:
        """The descriptions brought in with that ``words`` fits: the same noun, no other word."""
        said = [w.lower().rstrip(",") for w in words.split()[1:]]
        return [phrase for phrase in self.state.brought_in
                if said and said[-1] == phrase[-1] and set(said) <= set(phrase)]

    def _called(self, name: str) -> Optional[Person]:
        """The person a name called out in a quotation means, or None."""
        p = self.cast.resolve(name) or self.cast.resolve(name.split()[-1])
        if p is None and name.lower() in rules.BARE_TITLES:
            p = self._titled(name.lower(), anywhere=True)  # "Mademoiselle, I am going..."
        if p is None and self.cast.closed:
            p = self.cast.called_kin(name)
        if p is None and " " not in name:
            p = self._called_short(name)
        return p

    def _called_short(self, name: str) -> Optional[Person]:
        """The one person whose given name ``name`` is a familiar form of, called so only in the
        talk ("Honestly, Lils, just ask him" to Lily), or None."""
        if name not in self.short_calls:
            fits = [p for p in self.cast.people if p.is_person
                    and any(aliases.shortens(name, g) for g in aliases.given_names(p))]
            self.short_calls[name] = fits[0] if len(fits) == 1 else None
        return self.short_calls[name]

    def _new_scene(self, scene_break: bool = False) -> None:
        st = self.state
        self.last_dialogue = None
        st.conv.clear()
        st.last_speaker = None
        st.quiet = 0
        st.narrator = None
        st.scene = set()
        st.tagged_here = set()
        st.scene_nouns = []
        st.brought_in = []
        # An unnamed stranger ("a man") is someone of one scene: the next one's is another.
        st.recent = [p for p in st.recent if p.name not in _STRANGERS]
        if scene_break:
            # What the narration named before a scene break says nothing of who speaks after it
            # (a chapter may open mid-scene).
            st.fresh, st.fresh_subjects, st.fresh_at = [], [], []
        st.addressed_last = []
        st.summoned = []
        st.gone = set()

    def _note_nouns(self, start: int, end: int) -> None:
        """Remember the people the narration of this scene speaks of only by a noun ("a boy was
        waiting"), latest last."""
        for m in _PERSON_NOUN.finditer(self.text, start, end):
            noun = m.group(1).lower()
            gender = rules.NOUN_GENDER.get(noun)
            if gender is not None:
                words = m.group(0).split()
                self.state.scene_nouns.append((" ".join(["the"] + words[1:]), gender))
        for m in _BROUGHT_IN.finditer(self.text, start, end):
            noun = m.group(1).lower()
            gender = rules.NOUN_GENDER.get(noun)
            if gender is not None and _DESCRIBED.match(self.text, m.end()) \
                    and not self._said_to_be(start, m.start()):
                phrase = _DESCRIPTION.match(self.text, m.end())
                self._bring_in(m.start(), m.end(), m.group(0).split(), phrase.end() if phrase else None, gender)

    def _said_to_be(self, start: int, at: int) -> bool:
        """Whether the description at ``at`` says what someone already there is ("The night porter
        was a broad woman with a lamp"), not who is there ("Next him was a woman in grey")."""
        if not _SAID_TO_BE.search(self.text, max(start, at - 12), at):
            return False
        opening = max(start, *(self.text.rfind(c, start, at) + 1 for c in ".!?"))
        return not _THERE_WAS.match(self.text, opening, at)

    def _bring_in(self, at: int, end: int, words: list[str], described: Optional[int], gender: str) -> None:
        """Someone new the narration brings on stage by a description ("a thin wizard", from
        ``at`` to ``end``; ``described``, where the words after it end, "in grey robes", if
        short): a later "the thin wizard" is them, and so is a he/she right after, as it would
        be after a name."""
        st = self.state
        st.brought_in.append(tuple(w.lower().rstrip(",") for w in words[1:]))  # "a stout, rosy woman"
        # With a listed cast too: a published list leaves out the rider who speaks before his
        # name is known, and his "he said" is not the listed man last named.
        who = self._noun_character(" ".join(["the"] + words[1:]), gender)
        if described is not None:  # as the text first calls them
            full = " ".join(self.text[at:described].split())
            who.forms[full] = who.forms.get(full, 0)
        if not any(p_at >= end and p.is_person for p_at, p in st.fresh_at):
            self._touch(who)  # the last one named: whom the talk turns to
        st.fresh_at.append((at, who))
        st.fresh_at.sort(key=lambda f: f[0])
        st.fresh = [p for _, p in st.fresh_at]

    def _note_subjects(self, unit: Unit, end: Optional[int] = None) -> None:
        """An unnamed role opening a sentence of narration ("The detective was waiting") comes on
        stage, and is the likely listener of what is said next; with ``end``, only the narration
        of the paragraph before that offset (what comes before its first quotation)."""
        st = self.state
        stop = unit.para.end if end is None else end
        for m in SENTENCE.finditer(self.text[unit.para.start:stop]):
            sentence = m.group()
            subject = subjects.sentence_subject(sentence) or subjects.clause_subject(sentence)
            if subject is not None and subject.kind == "name":
                who = self.cast.resolve(subject.words)
                if who is not None and who in st.fresh:
                    st.fresh_subjects.append(who)
            for joined in _JOINED_CLAUSE.finditer(sentence):
                # "..., and Ms. Henderson had taken her glasses off": the subject of a later clause
                # acts after the first one.
                later = subjects.sentence_subject(sentence[joined.end():])
                who = self.cast.resolve(later.words) if later is not None and later.kind == "name" else None
                if who is not None and who in st.fresh:
                    st.fresh_subjects.append(who)
            if subject is None or subject.kind != "noun":
                continue
            if self.cast.closed:  # "As the doctor crossed the room he paused": a listed description
                described = self.cast.listed_phrase(subject.words, subject.gender, tag=False)
            elif self._is_brought_in(subject.words):
                # "... a thin woman in a wet raincoat behind her." / "The woman in the raincoat
                # looked from me to Sherlock.": the one brought in acts, as a name would.
                described = self._noun_character(subject.words, subject.gender)
            else:
                described = None
            if described is not None:
                st.fresh.append(described)
                st.fresh_subjects.append(described)
                st.fresh_at.append((unit.para.start + m.start(), described))
                if end is None:
                    self._touch(described)
                continue
            kin = self._kin(subject.words)  # "His brother looked after him."
            if kin is not None:
                self._touch(kin)
                st.fresh.append(kin)
                st.fresh_subjects.append(kin)
                continue
            head = subject.words.split()[-1].lower()
            if head not in self.roles.nouns:
                continue
            who = self._role(head)
            st.fresh.append(who)
            st.fresh_subjects.append(who)
            st.fresh_at.append((unit.para.start + m.start(), who))
            if end is not None:
                continue  # before a quotation of the same paragraph: only at hand for its tag
            self._touch(who)
            if who not in st.conv and who not in st.newcomers:
                st.newcomers.append(who)
