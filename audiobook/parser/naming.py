"""Names a speaker gives or is given: a line that says its speaker's own name ("I'm Ros",
"Marchant. Hugh Marchant."), a nameless "I" who gives one, and one known only by a noun ("the
drummer", "the young woman") who turns out to be a named character: they say their name, answer
to it, or the narration names them."""
from __future__ import annotations

import re
from typing import Optional

from audiobook.parser import rules
from audiobook.parser.characters import Person
from audiobook.parser.narrators import NAMELESS, Unit
from audiobook.parser.pronouns import Pronouns
from audiobook.parser.quotes import Piece

#: How the names of characters known only by a noun begin.
NOUN_NAMED = tuple(f"{d} " for d in set(rules.NOUN_DETERMINERS.values())) + tuple(
    {name.split()[0] + " " for name in rules.STRANGERS.values()})

#: "... she was Caroline Bingley", not "she was Mary's sister".
_SHE_WAS = re.compile(r"\b([Hh]e|[Ss]he) was ((?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][a-z][\w'\u2019-]*"
                      r"(?: [A-Z][a-z][\w-]*)?)(?![\w'\u2019-])")


def _other_title(noun: Person, who: Person) -> bool:
    """``noun`` is called by a title ("the inspector") that ``who``, called by titles of their own
    ("Mr. Stanier"), never bears: two people, not one under two names."""
    head = noun.name.split()[-1].lower()
    # Kinship words said as titles ("Uncle Abel") tell nothing of an office; nor is "the master"
    # of a house the title "Master" of a boy's name.
    titles = [t for t in who.titles if t.lower() not in rules.KINSHIP_NOUNS]
    if head not in rules.TITLES or head in rules.FAMILY_TITLES or not titles:
        return False
    same = rules.TITLE_SAME.get(head, head)
    return all(rules.TITLE_SAME.get(t.lower(), t.lower().rstrip(".")) != same for t in titles)


class Naming(Pronouns):
    """Renames one known by a noun when the text shows who they are, for the Resolver built on it."""

    def _introduced(self, speaker: object, piece: Piece, pattern: re.Pattern = rules.INTRODUCTION) -> object:
        """Someone known by a noun who says their name ("Tobias. My gran says...", "My name is
        Hale") is that person from then on, and was all along. ``pattern`` finds the name."""
        if not isinstance(speaker, Person) or not speaker.name.startswith(NOUN_NAMED) \
                or speaker is self.state.narrator:
            return speaker
        m = pattern.match(self.text, piece.inner_start, piece.inner_end)
        who = self.cast.resolve(m.group("name")) if m else None
        return self._turns_out(speaker, who)

    def _turns_out(self, noun: Person, who: Optional[Person]) -> object:
        """The character known by a noun turns out to be ``who``: so named from now on, and in
        what the scene has given them so far."""
        if who is None or who is noun or who in self.state.conv or (noun.gender and who.gender
                                                                     and who.gender != noun.gender):
            return noun
        who.forms[noun.name] = who.forms.get(noun.name, 0) + noun.count
        self.cast.merge(noun, who)
        for unit in self.units[self.scene_start:self.unit_index + 1]:
            for piece in unit.pieces:
                if piece.speaker == noun.name:
                    piece.speaker = who.name
        st = self.state
        for group in (st.conv, st.recent):
            if noun in group:
                group[group.index(noun)] = who
        if st.last_speaker is noun:
            st.last_speaker = who
        return who

    def _gives_own_name(self, piece) -> Optional[Person]:
        """The person a line names as its speaker, if the cast knows them as a person: one it
        gives as its own ("I'm Ros", "my name is Hale", "Ashdown is the name": said again in
        full, no call), or a name answering "What name?" that the line does not call."""
        quote = self.text[piece.inner_start:piece.inner_end]
        names = [(m.group("name"), True) for pattern in rules.OWN_NAME
                 for m in pattern.finditer(quote)]
        if id(piece) in self.name_answers:
            names.insert(0, (self.name_answers[id(piece)], False))
        for name, own in names:
            who = self.cast.resolve(name)
            if isinstance(who, Person) and who.is_person and (own or who not in self._addressed(piece)):
                return who
        return None

    def _introduces_self(self, pieces, tagged: int, tags: dict) -> Optional[Person]:
        """Who the speech a tag belongs to says they are: its first line (``tagged``) and the
        lines that follow it in the paragraph untagged or tagged by the same pronoun (``tags``:
        the subject of each tagged line)."""
        for j in range(tagged, len(pieces)):
            if j > tagged and j in tags and tags[j].words != tags[tagged].words:
                break
            if pieces[j].kind == "dialogue":
                me = self._gives_own_name(pieces[j])
                if me is not None:
                    return me
        return None

    def _narrator_introduced(self, piece) -> Optional[Person]:
        """A nameless "I" who gives their name ('"Yes," I said, "Jonathan Harker."') is that
        person, in the whole book."""
        nameless = self.state.narrator
        if nameless is None or nameless.name != NAMELESS:
            return None
        m = rules.INTRODUCTION.match(self.text, piece.inner_start, piece.inner_end)
        who = self.cast.resolve(m.group("name")) if m else None
        if who is None and re.fullmatch(r"\s*[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)+[.!]?\s*",
                                               self.text[piece.inner_start:piece.inner_end]):
            who = self.cast.resolve(self.text[piece.inner_start:piece.inner_end].strip(" .!"))
        if who is None or who is nameless:
            return None
        for index, person in self.narrators.items():
            if person is nameless:
                self.narrators[index] = who
        for unit in self.units:
            for p in unit.pieces:
                if p.speaker == nameless.name:
                    p.speaker = who.name
        self.cast.merge(nameless, who)
        self.state.narrator = who
        self.last_narrator = who
        return who

    def _named_after(self, start: int, end: int) -> None:
        """"That was how I learned she was Caroline Bingley": the narration after the talk names
        the one of that sex who has spoken in it known only by a noun ("the woman")."""
        for m in _SHE_WAS.finditer(self.text, start, end):
            gender = "male" if m.group(1).lower() == "he" else "female"
            who = self.cast.resolve(m.group(2))
            # Only one known by what they are ("the woman"), not by a calling ("the porter", who
            # is seldom the one a "he was Dick Pennefather" introducing a newcomer means).
            nouns = [p for p in self.state.conv if isinstance(p, Person) and p.name.startswith(NOUN_NAMED)
                     and p.gender == gender and p is not self.state.narrator
                     and p.name.split()[-1] not in rules.CALLINGS]
            if who is not None and who.is_person and who.gender in (gender, None) and len(nouns) == 1:
                self._turns_out(nouns[0], who)

    def _named_in_reply(self, speaker: object, addressed: list[Person]) -> None:
        """'"Good night, Sir John," said the parson' right after the man spoke: the man is Sir John."""
        st = self.state
        last = st.last_speaker
        called = list({id(p): p for p in addressed}.values())
        if not isinstance(last, Person) or not last.name.startswith(NOUN_NAMED) or last is st.narrator \
                or last is speaker or len(called) != 1:
            return
        # Only a name known as someone's ("Sir John", a given name, one the narration uses), not a
        # capitalised word heard only in the talk ('"State, mister," said Pete').
        if called[0] is not speaker and self._may_be(last, called[0]) \
                and not self._echoes(called[0], self.units[self.unit_index]):
            self._turns_out(last, called[0])

    def _echoes(self, who: Person, calling: Unit) -> bool:
        """Whether the line before the one ``calling`` a name already said it ('"It is signed 'I.
        Karolyi.'" / "Karolyi!" repeated Miss Tibbits'): a name said back, nobody's answer."""
        talk = [u for u in self.units[self.scene_start:self.unit_index + 1]
                if u.para.start < calling.para.start and any(p.kind == "dialogue" for p in u.pieces)]
        if not talk:
            return False
        said = " ".join(self.text[q.inner_start:q.inner_end] for q in talk[-1].pieces if q.kind == "dialogue")
        return any(re.search(r"\b%s\b" % re.escape(form), said) for form in who.forms)

    def _answers_call(self, speaker: object) -> object:
        """'"Silas, you old sinner!" / "Not them, Hank," said the drummer': one known by a noun
        who answers the line that called one person by name is that person."""
        st = self.state
        if not isinstance(speaker, Person) or not speaker.name.startswith(NOUN_NAMED) or speaker is st.narrator:
            return speaker
        called = list({id(p): p for q in self.last_dialogue.pieces if q.kind == "dialogue"
                       for p in self._addressed(q)}.values())
        who = called[0] if len(called) == 1 else None
        if who is not None and who is not st.last_speaker and self._may_be(speaker, who) \
                and not self._echoes(who, self.last_dialogue):
            return self._turns_out(speaker, who)
        return speaker

    def _may_be(self, noun: Person, who: Person) -> bool:
        """Whether a name called in the talk may be the one known by a noun: a name known as
        someone's (a title, given name, narration), not on stage beside them, no other title."""
        known = who.titles or who.prior or who.narration_mentions or who.listed
        return bool(who.is_person and known and who is not noun and not who.name.startswith(NOUN_NAMED)
                    and not self._on_stage_beside(who, noun) and not _other_title(noun, who))

    def _on_stage_beside(self, who: Person, noun: Person) -> bool:
        """Whether the narration has named ``who`` since the one it calls by a noun ("the stranger")
        came on in this scene: two people on stage together ("The stranger swung down ... Davy
        watched Buck Sayre" before "Davy, run tell your ma"), not one under two names."""
        start, here = self.units[self.scene_start].para.start, self.units[self.unit_index].para.start
        seen = [start + m.start() for form in noun.forms
                for m in re.finditer(r"\b%s\b" % re.escape(form), self.text[start:here], re.I)]
        seen += [p.start for u in self.units[self.scene_start:self.unit_index] for p in u.pieces
                 if p.speaker == noun.name]  # at the latest, when they first spoke
        if not seen:
            return False
        since = min(seen)
        return any(since <= at < here and person is who and not quoted for at, person, quoted in self.cast.mentions)
