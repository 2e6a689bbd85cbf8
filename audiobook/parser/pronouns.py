"""Who a he/she in a speech tag means: the one of that sex the narration since the last speech
names (or opens a sentence with), else the most recent one taking part in the talk."""
from __future__ import annotations

import functools
import re
from typing import Optional

from audiobook.parser import rules, subjects
from audiobook.parser.characters import Person
from audiobook.parser.scene import Stage


#: The subject pronoun of each gender.
_PRONOUN = {"male": "he", "female": "she"}


@functools.lru_cache(maxsize=4)
def _opening(word: str, at_start: bool = True) -> re.Pattern:
    """A sentence (or, with ``at_start``, the text) opening with ``word``, perhaps after "as",
    "when", "then" ... ("He skipped off", "As he entered")."""
    start = r"(?:^|[.!?;]\s+|\n)" if at_start else r"(?:[.!?;]\s+|\n)"
    return re.compile(start + r"\W*(?:(?:" + "|".join(rules.PRONOUN_LEAD_INS) + r")\s+)?" + word + r"\b", re.I)


class Pronouns(Stage):
    """Resolves he and she, for the Resolver built on it."""

    def _noun_character(self, words: str, gender: Optional[str]) -> Person:
        """The character known by a noun ("the man"): the Resolver's."""
        raise NotImplementedError

    def _by_pronoun(self, gender: Optional[str], exclude: tuple = ()) -> Optional[Person]:
        """The person a he/she refers to: the right gender, taking part in the talk, recent;
        never one of ``exclude`` (those the quotation speaks to)."""
        st = self.state
        pool = [p for p in st.recent if p is not st.narrator and p not in exclude and not p.is_place
                and id(p) not in st.gone]
        fresh = self._fresh(gender, pool)
        if fresh is not None:
            return fresh
        # A he/she opening the sentence of the narration that names someone is not them ("He
        # turned his eyes from the sea to Stephen's face. 'The aunt thinks ...' he said."): when
        # one of the talk is so named, the he/she is another of it.
        rest = [p for p in pool if not (p.gender == gender and self._opens_naming_sentence(gender, p))]
        if any(p.gender == gender and p in st.conv for p in rest):
            pool = rest
        # Those taking part in the conversation come before people merely mentioned; names
        # with evidence of being people before other names.
        pool.sort(key=lambda p: (p not in st.conv, id(p) not in st.scene, not p.is_person))
        matches = [p for p in pool if p.gender == gender] or \
            [p for p in pool if p.gender is None and (
                p.is_person or p in st.conv or (id(p) in st.scene and not p.place_mentions
                                                and len(p.name.split()) == 1))]  # not "Ward Nine", "Hallam House"
        if not matches:
            noun = self._scene_noun(gender, exclude) if gender else None
            return noun or self._only_listed(gender, exclude)
        if st.gap <= 1:
            # Whoever was just spoken to by name answers.
            for p in st.addressed_last:
                if p in pool and p.gender in (gender, None) and p is not st.last_speaker:
                    return p
        top = matches[0]
        if id(top) not in st.scene and top not in st.conv:
            # Nobody of that sex named since the scene began: one of unknown sex already talking
            # ("the night cook"), else the one the narration spoke of by a noun.
            talking = [p for p in st.conv if isinstance(p, Person) and p.gender is None
                       and p is not st.narrator and p not in exclude]
            if talking:
                return talking[0]
            # Else a person of unknown sex the scene has named, before one of that sex who is
            # not in it (a chapter on, "Philip was sitting on the floor", not the last chapter's
            # doctor); not one who may be that very person under another name (Fitzwilliam
            # Darcy, when the he may be Mr. Darcy).
            here = [p for p in pool if p.gender is None and id(p) in st.scene and p.is_person
                    and not p.name.startswith("the ") and not any(p.words & q.words for q in matches)]
            if here:
                return here[0]
            noun = self._scene_noun(gender, exclude)
            if noun is not None:
                return noun
        # A new paragraph right after another's speech: the other one of the pair replies.
        if st.gap == 0 and top is st.last_speaker and len(matches) > 1 and matches[1] in st.conv[:2]:
            return matches[1]
        return top

    def _scene_noun(self, gender: Optional[str], exclude: tuple = ()) -> Optional[Person]:
        """The one the scene's narration last spoke of by a noun of that sex ("a boy"), unless the
        noun stands for one of ``exclude`` ("she said, as Ruth came in", Ruth having been "the
        woman" before her name was known)."""
        noun = next((n for n, g in reversed(self.state.scene_nouns) if g == gender), None)
        who = self._noun_character(noun, gender) if noun is not None else None
        return who if who is not None and who not in exclude else None

    def _only_listed(self, gender: Optional[str], exclude: tuple = ()) -> Optional[Person]:
        """A he/she that finds nobody of that sex about: the one character of that sex
        voices.yaml lists, if it lists only one ("When I came close she said," of "a cheery-looking
        elderly woman" the list gives as "his wife")."""
        if gender is None or not self.cast.closed:
            return None
        who = self.cast.only_listed(gender)
        return who if who is not None and who is not self.state.narrator and who not in exclude else None

    def _fresh(self, gender: Optional[str], pool: list[Person]) -> Optional[Person]:
        """The one a he/she most likely means from the narration since the last quotation alone:
        the only person of that gender named there, else the last of them to open a sentence
        ("They went in, where Maurice poured the brandy. 'Who would have thought it?' he asked")."""
        st = self.state
        noun = self._noun_subject(gender, pool)
        if noun is not None and (noun in pool or noun not in st.recent):  # not one the line speaks to
            return noun

        def of_gender(people: list) -> list[Person]:
            out: list[Person] = []
            for p in reversed(people):
                if p in pool and p not in out and (
                        p.gender == gender or (p.gender is None and p.name.startswith("the "))):
                    out.append(p)
            return out

        # In the quotation's own paragraph ("Holmes filled three glasses. 'One bumper,' said he").
        local = of_gender([p for at, p in st.fresh_at if at >= st.para_start])
        if len(local) == 1 and not self._pronoun_first(gender, local[0]):
            return local[0]
        if len(local) > 1:
            anchor = self._chain_anchor(gender, local)
            if anchor is not None:
                return anchor
        if st.gap > 1 and st.narration_start >= st.fresh_from:
            # In the last paragraph of narration before it, after a longer stretch of narration
            # ("I engaged Thomas on the spot. The old man gave me his reasons.").
            last = of_gender([p for at, p in st.fresh_at if at >= st.narration_start])
            if len(last) == 1:
                return last[0]
        named = of_gender(st.fresh)
        if len(named) == 1 and not self._pronoun_first(gender, named[0]):
            return named[0]
        for p in reversed(st.fresh_subjects):
            if p in named:
                return p
        return None

    def _noun_subject(self, gender: Optional[str], pool: list[Person]) -> Optional[Person]:
        """The one a "the" and a noun of that sex open the last sentence of the narration before
        the quotation with, or the last before the he/she sentences that go on about them ("The
        old man arose from his seat and shook Blakeney by the hand. / 'This is a strange place,'
        said he"): the sentence is about them, whoever else it names; unless the noun may be one
        of that sex in the talk the sentence does not name ("But the girl turned around", the
        girl being Kitty)."""
        st = self.state
        quote = next((p.start for p in self.units[self.unit_index].pieces if p.kind == "dialogue"), None)
        if gender is None or quote is None:
            return None
        start = max(st.fresh_from, st.narration_start if st.gap else st.para_start)
        sentences = [x for x in re.split(r"(?<=[.!?])\s+", self.text[start:quote].strip()) if x.strip()]
        subject = None
        while sentences:
            # "The old man arose ... He was a lean old fellow ...": back over the sentences the
            # he/she goes on in, to the one that says who.
            subject = subjects.sentence_subject(sentences[-1])
            if subject is None or subject.kind != "pronoun" or subject.gender != gender:
                break
            sentences.pop()
        if subject is None or subject.kind != "noun" or subject.gender != gender \
                or subject.words.split()[0].lower() != "the":
            return None
        words = subject.words.split()
        head = next((k for k, w in enumerate(words) if k and rules.NOUN_GENDER.get(w.lower()) == gender), None)
        if head is None:
            return None  # "the arose" of "The old man arose": the phrase runs on into its verb
        if any(p in pool and p.gender == gender
               and not any(re.search(r"\b%s\b" % re.escape(f), sentences[-1]) for f in p.forms)
               for p in st.conv[:2]):
            return None
        return self._noun_character(" ".join(words[:head + 1]), gender)

    def _chain_anchor(self, gender: Optional[str], people: list[Person]) -> Optional[Person]:
        """Of ``people`` named in the quotation's paragraph, the last named before its first
        sentence that opens with a he/she of ``gender`` ("The appearance of our visitor was a
        surprise to me. He was a very tall, thin man ... his eyes fell upon the stick in Holmes's
        hand"): the one that he/she, and the one in the tag, goes on about."""
        word = _PRONOUN.get(gender or "")
        st = self.state
        quote = next((p.start for p in self.units[self.unit_index].pieces if p.kind == "dialogue"), None)
        if word is None or quote is None:
            return None
        m = _opening(word, at_start=False).search(self.text, st.para_start, quote)
        if m is None:
            return None
        before = [p for at, p in st.fresh_at if st.para_start <= at < m.start() and p in people]
        return before[-1] if before else None

    def _opens_naming_sentence(self, gender: Optional[str], who: Person) -> bool:
        """Whether a sentence of the narration since the last speech that names ``who`` opens
        with a he/she of ``gender``."""
        word = _PRONOUN.get(gender or "")
        if word is None:
            return False
        for at in (at for at, p in self.state.fresh_at if p is who):
            start = max(self.state.fresh_from, *(self.text.rfind(c, 0, at) for c in ".!?\n"))
            if _opening(word).search(self.text[start:at]) is not None:
                return True
        return False

    def _pronoun_first(self, gender: Optional[str], who: Person) -> bool:
        """Whether the narration since the last speech opens a sentence with a he/she of
        ``gender`` before it first names ``who`` ("He skipped off the gunrest and looked gravely
        at his watcher.", "As he entered his eyes fell upon the stick in Holmes's hand"): that
        he/she, and the one after, is someone already in view."""
        word = _PRONOUN.get(gender or "")
        first = next((at for at, p in self.state.fresh_at if p is who), None)
        if word is None or first is None:
            return False
        return _opening(word).search(self.text[self.state.fresh_from:first]) is not None
