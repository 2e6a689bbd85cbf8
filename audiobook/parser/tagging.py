"""Before the walk over the paragraphs: each quotation's own speech tag, who each calls by name,
and whom the first-person narrator's speeches call, for telling who "I" is."""
from __future__ import annotations

from typing import Optional

from audiobook.parser import calls, rules, subjects, tags
from audiobook.parser.characters import Person, _norm
from audiobook.parser.narrators import CALLED_BY_THE_NARRATOR, Unit, narration_only, opens_speech
from audiobook.parser.quotes import Piece
from audiobook.parser.turns import TurnTaking


class TagFinding(TurnTaking):
    """Finds the speech tags of every quotation, for the Attributor built on it."""

    def _find_tags(self) -> None:
        """Each quotation's own tag (after it, else before it), and who is addressed by name."""
        self.tag_subjects: dict[int, dict[int, subjects.Subject]] = {}
        names = self.subject_words
        previous: Optional[Unit] = None
        for unit in self.units:
            before_para = previous
            previous = unit
            pieces = unit.pieces
            found: dict[int, subjects.Subject] = {}
            for i, piece in enumerate(pieces):
                if piece.kind != "dialogue":
                    continue
                inner = self.text[piece.inner_start:piece.inner_end].rstrip()
                after = pieces[i + 1] if i + 1 < len(pieces) and pieces[i + 1].kind == "narration" else None
                before = pieces[i - 1] if i > 0 and pieces[i - 1].kind == "narration" else None
                subject = None
                if after is not None:
                    subject = tags.tag_after(self.text[after.start:after.end], inner[-1:] if inner else "", names)
                if before is not None and (subject is None or (
                        inner[-1:] == "." and self.text[after.start:after.end].lstrip()[:1].isupper())):
                    # '"Yes," I said, "Jonathan Harker." She smiled.': a new sentence after a
                    # full stop is a beat; the tag before the quotation wins.
                    subject = tags.tag_before(self.text[before.start:before.end], names) or subject
                if subject is None and i == 0 and narration_only(before_para):
                    # "Then Lily said:" closing the paragraph before the speech.
                    subject = tags.tag_before(self.text[before_para.para.start:before_para.para.end], names)
                elif subject is None and i == 0 and opens_speech(before_para, self.text):
                    # '"Where is she?" he cried; but Eliza put her head in, and said at once--'
                    last = before_para.pieces[-1]
                    subject = tags.tag_before(self.text[last.start:last.end], names)
                if subject is not None and subject.kind == "name" and _norm(subject.words) in self.cast.banned:
                    subject = None  # voices.yaml: never a speaker; the line is as if untagged
                if piece.sender is not None:  # a chat line: its sender's name opens it
                    subject = subjects.Subject("name", piece.sender)
                if piece.pinned is not None:  # voices.yaml pins it: an explicit tag, whatever the text says
                    subject = subjects.Subject("name", piece.pinned) if piece.pinned else subjects.Subject("pronoun", "i")
                if subject is not None:
                    found[i] = subject
                    if subject.kind == "name":
                        person = self._person(subject)
                        if isinstance(person, Person):
                            person.tagged += 1
                            if subject.words not in person.forms and subject.words in names:
                                person.forms[subject.words] = 1  # "said Good": Captain John Good
                for person in self._addressed(piece):
                    person.addressed += 1
            if found:
                self.tag_subjects[id(unit)] = found
        self.roles.learn([s.words for found in self.tag_subjects.values() for s in found.values()
                          if s.kind == "noun"])

    def _tagged_other(self, unit: Unit, quote: Piece) -> bool:
        """Whether a speech tag in ``unit`` gives its line to someone, not the one ``quote`` calls."""
        called = {id(p) for p in self._addressed(quote)}
        for i, subject in self.tag_subjects.get(id(unit), {}).items():
            who = self._person(subject, tuple(self._addressed(unit.pieces[i])))
            if isinstance(who, Person) and id(who) not in called:
                return True
        return False

    def _told(self, pieces: list, i: int) -> tuple:
        """The one the tag after quotation ``i`` names as spoken to ("he said to Oak"): not the speaker."""
        after = pieces[i + 1] if i + 1 < len(pieces) and pieces[i + 1].kind == "narration" else None
        name = calls.tag_addressee(self.text[after.start:after.end]) if after is not None else None
        who = self.cast.resolve(name) if name else None
        return (who,) if who is not None else ()

    def _called_by_i(self) -> dict[int, int]:
        """Person id -> how often a quotation calls them by name right next to a speech of the
        first-person narrator ("Rose," I said / "... my dear Rudolf?" ... "Why?" said I): the
        one spoken to by name there, or answering to it, is the "I" of the talk."""
        counts: dict[int, int] = {}
        said_i = [any(s.kind == "pronoun" and s.words == "i" for s in self.tag_subjects.get(id(u), {}).values())
                  for u in self.units]
        for k, unit in enumerate(self.units):
            if said_i[k]:
                # Whom the narrator calls by name is someone else: never the "I".
                for i, subject in self.tag_subjects.get(id(unit), {}).items():
                    if subject.kind == "pronoun" and subject.words == "i":
                        # ... but not a name the narrator gives as their own ('"Nat Hollis, from
                        # Liverpool," said I').
                        quote = self.text[unit.pieces[i].inner_start:unit.pieces[i].inner_end]
                        own = {self.cast.resolve(m.group("name")) for pattern in rules.OWN_NAME
                               for m in pattern.finditer(quote)}
                        for person in self._addressed(unit.pieces[i]):
                            if person not in own:
                                counts[id(person)] = CALLED_BY_THE_NARRATOR
                continue
            if not any(p.kind == "dialogue" for p in unit.pieces):
                continue
            if not (k + 1 < len(said_i) and said_i[k + 1]) and not (k > 0 and said_i[k - 1]):
                continue
            for piece in unit.pieces:
                if piece.kind == "dialogue":
                    for person in self._addressed(piece):
                        if counts.get(id(person), 0) != CALLED_BY_THE_NARRATOR:
                            counts[id(person)] = counts.get(id(person), 0) + 1
        return counts
