"""Untagged speech: action beats, someone entering, turn-taking, the one spoken to answering."""
from __future__ import annotations

import re
from typing import Optional

from audiobook.parser import beats, calls, rules, subjects, tags
from audiobook.parser.characters import Person
from audiobook.parser.narrators import Unit
from audiobook.parser.naming import NOUN_NAMED
from audiobook.parser.resolve import Resolver


#: After a sentence's first word, a word or two then a comma: an opening phrase ("Far overhead,").
_SET_OFF = re.compile(r"\s+[a-z]+(?:\s+[a-z]+)?,")


def _set_off(sentence: str, first: str) -> bool:
    """Whether ``sentence`` opens with ``first`` and a phrase set off by a comma."""
    sentence = sentence.lstrip()
    return sentence.startswith(first) and bool(_SET_OFF.match(sentence, len(first)))


_AND_CLAUSE = re.compile(r"[,;]\s*and\s+")
_LATER = re.compile(r"^(?:a\s+moment|an\s+instant|a\s+second|a\s+minute|soon|presently)(?:\s+later|\s+after)?,?\s+")


class TurnTaking(Resolver):
    """Guesses the speaker of a paragraph whose quotations carry no tag."""

    def _beat(self, unit: Unit) -> Optional[Person]:
        """A person who is the subject of the paragraph's narration (an action beat)."""
        seen_quote = False
        for k, piece in enumerate(unit.pieces):
            if piece.kind != "narration":
                seen_quote = True
                continue
            # Between two quotations ('"Marcus." Ros was at my elbow. "Bay six."') the one acting
            # is speaking, whoever they are.
            between = seen_quote and any(p.kind == "dialogue" for p in unit.pieces[k + 1:])
            body = self.text[piece.start:piece.end]
            for sentence in beats.split_sentences(body)[:2]:
                subject = subjects.sentence_subject(sentence, self.subject_words)
                if subject is None:
                    continue
                if subject.kind == "name" and self.cast.resolve(subject.words) is None \
                        and (subject.words.lower() in self.cast.common or _set_off(sentence, subject.words)):
                    # "Night after night she watched": a common word opening the sentence; "Far
                    # overhead, Sam's drone banks": a word the text never names anyone by, set
                    # off with a comma.
                    continue
                if subject.kind == "name":
                    who = self._person(subject)
                    # After the quotation, a sentence may be about someone new ("Montel was a
                    # gentleman who..."): only someone already on stage counts there.
                    if isinstance(who, Person) and (not seen_quote or between or (
                            who in self.state.recent[:4] and who is not self.state.last_speaker)):
                        return who
                if subject.kind == "noun" and (not seen_quote or between):
                    # "The nurse put the jug down.", "Her dad straightened up."
                    who = self.roles.person(self, subject.words)
                    if who is not None:
                        return who
                if subject.kind == "noun" and self._is_brought_in(subject.words):
                    # "... a thin wizard in grey robes." / "The thin wizard cleared his throat.":
                    # the one the narration brought in.
                    return self._noun_character(subject.words, subject.gender)
                if subject.kind == "noun" and subject.gender and \
                        subject.words.split()[-1].lower() in rules.PERSON_NOUNS:
                    # "The old man smiled": the one man in the talk besides the last speaker.
                    st = self.state
                    # The one just called by name is in the talk too, spoken to if not yet speaking.
                    same = {id(p): p for p in st.conv + st.addressed_last
                            if isinstance(p, Person) and p.gender == subject.gender
                            and p is not st.last_speaker and p is not st.narrator
                            and not p.name.startswith(NOUN_NAMED)}
                    if len(same) == 1:
                        return next(iter(same.values()))
                if subject.kind == "pronoun" and subject.words == "i" and self.state.narrator:
                    return self.state.narrator
                if subject.kind == "pronoun" and subject.words == "you":
                    return self._reader()  # "You drop your bag on the table."
                if subject.kind == "pronoun" and subject.words != "i" and (not seen_quote or between):
                    # "She put her hand to her throat. 'I can't.'": the one the pronoun means; also
                    # between two quotations ('"So artisanal." She handed me a glass. "Isn't it?"'),
                    # there only someone known to be of that sex, or a role ("the stage manager").
                    who = self._by_pronoun(subject.gender)
                    if who is not None and (not seen_quote or who.gender == subject.gender or (
                            who.gender is None and who.name.startswith(NOUN_NAMED))):
                        return who
        return None

    def _left(self, unit: Unit) -> None:
        """Those the paragraph sees leave ("said the landlady, and withdrew") are out of the
        talk, and no he/she, until the narration names them again."""
        st = self.state
        for who in beats.leaving(self, unit):
            if who in st.conv:
                st.conv.remove(who)
            st.gone.add(id(who))

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
            if st.narrator is None and st.scene_nouns:
                # Nobody named about: the one the narration has just spoken of ("The old woman...").
                words, gender = st.scene_nouns[-1]
                return self._noun_character(words, gender)
            return st.narrator
        for p in st.addressed_last:
            if p not in addressed and p is not st.last_speaker:
                return p
        if len(st.conv) >= 2 and st.conv[1] not in addressed:
            return st.conv[1]
        if len(st.conv) >= 2 and st.last_speaker not in addressed:
            return st.last_speaker  # the other one is spoken to: the same speaker goes on
        other = self._other([st.last_speaker] + addressed)
        if other is None and st.last_speaker not in addressed and st.gone:
            return st.last_speaker  # the other one has left: the one still here goes on
        return other

    def _other(self, not_these: list[object]) -> object:
        st = self.state
        for who in st.conv:
            if who not in not_these:
                return who
        if st.narrator is not None and st.narrator not in not_these:
            # In a first-person scene the one answering is "I" before anyone merely mentioned.
            return st.narrator
        about = [p for p in st.recent if p not in not_these and p.is_person and id(p) not in st.gone]
        if about and not any(id(p) in st.scene for p in about):
            # A new scene that names nobody yet: of the last few people about, the one the story
            # is most about.
            return max(about[:3], key=lambda p: p.count)
        if about:
            return about[0]
        if st.narrator is not None and st.narrator not in not_these:
            return st.narrator
        return None

    def _listener(self, unit: Unit, speaker: Person) -> Optional[Person]:
        """The one the tag after the paragraph's last quotation says is spoken to, by name or
        by he/she."""
        pieces = unit.pieces
        last = max(i for i, p in enumerate(pieces) if p.kind == "dialogue")
        if last + 1 >= len(pieces):
            return None
        tag = self.text[pieces[last + 1].start:pieces[last + 1].end]
        name = calls.tag_addressee(tag)
        if name is not None:
            # '"Forty-five," said Mr. Hackett to Gerald': Gerald answers
            who = self.cast.resolve(name)
            return who if isinstance(who, Person) and who.is_person and who is not speaker else None
        gender = calls.tag_listener(tag)
        if gender is None:
            return None
        who = self._by_pronoun(gender, (speaker,))
        return who if who is not speaker else None

    def _turned_to(self, unit: Unit, speaker: Person) -> Optional[Person]:
        """Someone of the talk whom the speaker turns to in the narration of the paragraph, or,
        when it has no tag, of the paragraphs since the last speech ("he turned upon the lady",
        "Crane looked at Gorringe"): the one who answers next."""
        st = self.state
        spans = []
        if st.fresh_from < unit.para.start and id(unit) not in self.tag_subjects:
            # Untagged, the speech is the one's the narration before it was about.
            spans.append((max(st.fresh_from, unit.para.start - 2000), unit.para.start))
        spans += [(p.start, p.end) for p in unit.pieces if p.kind == "narration"]
        for start, end in spans:
            for m in rules.TURNS_TO_LISTENER.finditer(self.text, start, end):
                if not self._done_by(speaker, start, m.start()):
                    continue
                who = self._turned_to_whom(m, speaker)
                if who is not None:
                    return who
        return None

    def _done_by(self, speaker: Person, start: int, at: int) -> bool:
        """Whether the subject of the clause ending at ``at`` is ``speaker`` ("he", "Crane", or,
        with no subject right there, that of the sentence)."""
        before = self.text[start:at]
        sentence = re.split(r"(?<=[.!?])\s+", before)[-1]
        toks = [t for t in subjects.words(sentence) if not subjects.is_adverb(t)]
        last = toks[-1] if toks else ""
        if last.lower() in ("he", "she"):
            return speaker.gender == rules.SUBJECT_PRONOUNS[last.lower()]
        if last[:1].isupper():
            return self.cast.resolve(last) is speaker
        subject = subjects.sentence_subject(sentence)
        if subject is None:
            return False
        if subject.kind == "pronoun":
            return subject.gender is not None and subject.gender == speaker.gender
        return subject.kind == "name" and self.cast.resolve(subject.words) is speaker

    def _turned_to_whom(self, m: re.Match, speaker: Person) -> Optional[Person]:
        """The person a TURNS_TO_LISTENER match names, other than the speaker; never a new one."""
        st = self.state
        who, noun = m.group("who"), m.group("noun")
        if who in tags.OBJECT_PRONOUNS:
            following = m.group("after").split()
            if following and following[0].islower() and following[0] not in rules.PHRASE_STOPS:
                return None  # "turned to her husband": a possessive, not the one turned to
            gender = tags.OBJECT_PRONOUNS[who]
        elif noun is not None:
            gender = rules.NOUN_GENDER.get(noun)
        else:
            person = self.cast.resolve(who)
            ok = isinstance(person, Person) and person.is_person and person is not speaker and id(person) in st.scene
            return person if ok else None
        if gender is None:
            return None
        # Of that sex, one of the talk first, else the last mentioned.
        pool = [p for p in st.recent if p.gender == gender and p is not speaker and p is not st.narrator
                and p.is_person]
        pool.sort(key=lambda p: p not in st.conv)
        return pool[0] if pool else None

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
            # '"Bloody--" Ron yelps, and his head vanishes, and a moment later Andromeda Tonks steps
            # out of the fireplace.': someone else named in a clause of their own is narration after
            # the tag, as a sentence of its own would be.
            for m in _AND_CLAUSE.finditer(self.text, after.start, end):
                subject = subjects.sentence_subject(_LATER.sub("", self.text[m.end():end]))
                if subject is not None and subject.kind == "name":
                    return m.start()
        return end
