"""Who speaks each quotation: explicit tags, pronouns by gender and recency, vocatives,
turn-taking, and first-person narration. The walk over the paragraphs lives here; what a tag
means is in ``resolve``, untagged speech in ``turns``, names a line gives its speaker in
``naming``, the state of the scene in ``scene``, and finding each quotation's tag before the walk
in ``tagging``."""
from __future__ import annotations

from audiobook.parser import beats, calls, rules, subjects
from audiobook.parser.characters import Person
from audiobook.parser.narrators import Unit, narrators_by_unit, second_person
from audiobook.parser.naming import NOUN_NAMED
from audiobook.parser.scene import CONVERSATION_GAP
from audiobook.parser.tagging import TagFinding


def _how(subject: subjects.Subject, piece) -> str:
    """How a tagged quotation's speaker was found (``model.HOW``)."""
    if piece.pinned is not None:
        return "pinned"
    if subject.kind == "pronoun":
        return "narrator" if subject.words == "i" else "pronoun"
    return "tag"


class Attributor(TagFinding):
    """Walks the units in order, keeping the recency and conversation state."""

    def run(self) -> None:
        """Set ``speaker`` on every dialogue piece, and on first-person narration."""
        self.subject_words = self.cast.tag_words() | ({"you"} if second_person(self.text, self.units) else set())
        self.name_answers = calls.name_answers(self.text, self.units)
        self.who_answers = calls.who_answers(self.text, self.units)
        self._find_tags()
        narrators = self.narrators = narrators_by_unit(self.text, self.cast, self.units, self._called_by_i())
        for index, unit in enumerate(self.units):
            kind = unit.para.kind
            if kind in ("chapter", "break", "title", "author", "pov"):
                self.scene_start = index
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
            self.unit_index = index
            chat = unit.pieces[-1] if unit.pieces and unit.pieces[-1].sender is not None else None
            if chat is not None and chat.pinned is None:
                self._chat_line(unit, chat)
                continue
            self._paragraph(unit)
        if self.cast.closed:
            beats.shown_after(self)
        beats.named_later(self)

    def _chat_line(self, unit: Unit, piece) -> None:
        """A line of a chat ("Steve: you up?") is its sender's, and like a text message in
        italics it takes no turn in the talk in the room: the one reading it keeps the floor."""
        subject = self.tag_subjects.get(id(unit), {}).get(len(unit.pieces) - 1)
        who = self._person(subject) if subject is not None else None  # None: a sender voices.yaml bans
        piece.speaker = who.name if isinstance(who, Person) else who
        piece.how = "tag"
        self._mentions_until(unit.para.end)
        self.after_message = self.state.quiet == 0

    def _on_stage_called(self, quotes: list, speaker: object) -> None:
        """Whom a speech calls by name, opening it or closing a sentence of it, is there to hear
        it ('"Feel pretty sick, Thea?" he asked'): on stage for the he/she that follows, even if
        the narration has not named them yet. Not a name between commas mid-sentence ("my
        employer, Mrs. Forrester, ..."), nor a name alone ("Victor!" may call someone away).
        The speaker stays the one most recently about."""
        st = self.state
        called = []
        for quote in self._speeches(quotes):
            for name in calls.called_names(quote):
                person = self._called(name)
                if person is not None and person is not speaker and person.is_person and person is not st.narrator:
                    called.append(person)
        for person in called:
            self._touch(person)
        if called and isinstance(speaker, Person):
            self._touch(speaker)

    def _said_just_now(self, unit: Unit) -> None:
        """'"WEASLEY! Your owl's eaten my quill!" / That was Seamus.': narration right after
        untagged talk that says who it was gives them those lines, the last one, or the last
        several in order ("That was Lily, then Al, then Lily again")."""
        names = beats.said_by(self.text[unit.para.start:unit.para.end])
        people = [self.cast.resolve(name) for name in names]
        if not people or any(p is None or not p.is_person for p in people):
            return
        before = []
        for k in range(self.unit_index - 1, self.scene_start - 1, -1):
            lines = [p for p in self.units[k].pieces if p.kind == "dialogue"]
            if not lines or len(before) == len(people):
                break
            before.insert(0, lines)
        if len(before) < len(people) or any(p.how not in ("turn", "guess", None) for lines in before for p in lines):
            return
        for lines, who in zip(before, people):
            for piece in lines:
                piece.speaker, piece.how = who.name, "turn"

    def _speeches(self, quotes: list) -> list[str]:
        """The text of each of a paragraph's quotations as the whole speech it is part of."""
        between = [self.text[a.end:b.start] for a, b in zip(quotes, quotes[1:])] + [""]
        return calls.whole_speeches([self.text[q.inner_start:q.inner_end] for q in quotes], between,
                                    lambda name: getattr(self._called(name), "is_person", False))

    def _paragraph(self, unit: Unit) -> None:
        st = self.state
        pieces = unit.pieces
        quotes = [p for p in pieces if p.kind == "dialogue"]
        if not quotes:
            st.narration_start = unit.para.start
            entrant = beats.first_actor(self, unit.para.start, unit.para.end)
            if entrant is not None and id(entrant) in st.scene and entrant is not self.heard:
                entrant = None  # only one not yet seen in the scene comes in (or only heard)
            if entrant is None and self.heard is not None and any(
                    who is self.heard and unit.para.start <= at < unit.para.end and not quoted
                    for at, who, quoted in self.cast.mentions):
                # "The voice came sharply from the landing, and Lady Cressing swept down the
                # stairs": the one heard, shown coming, though not first in the paragraph
                entrant = self.heard
            self._mentions_until(unit.para.end)
            if beats.is_message(self.text[unit.para.start:unit.para.end]):
                self.after_message = st.quiet == 0
                return  # a voice outside the room: no pause in the talk
            self.after_message = False
            if st.quiet == 0:
                self._said_just_now(unit)
            self._note_subjects(unit)
            self._named_after(unit.para.start, unit.para.end)
            self._note_nouns(unit.para.start, unit.para.end)
            self.roles.on_stage(self, unit.para.start, unit.para.end)
            # Who acts last matters in a first-person scene or after someone comes in.
            self.actor = beats.last_actor(self, unit.para.start, unit.para.end) \
                if st.narrator is not None or entrant is not None else None
            self.closing = beats.closing_actor(self, unit.para.start, unit.para.end)
            self.entrant = entrant
            self._left(unit)
            st.quiet += 1
            if st.quiet >= CONVERSATION_GAP:
                st.conv.clear()
                st.last_speaker = None
            return
        st.gap, st.quiet = st.quiet, 0
        st.para_start = unit.para.start
        self.roles.on_stage(self, unit.para.start, quotes[0].start)
        if st.gap == 0 and self.last_dialogue is not None and (
                st.last_speaker is None or self.cast.closed and self.last_guessed
                and self._tagged_other(unit, quotes[0])):
            # '"Uncle, you look ill." / "I am not well, Florence."': the one this reply calls by
            # name said the line before it, which had no speaker; or, the cast listed, a line
            # only guessed (no tag, no one acting) before a tagged reply ('"Hulloa, Emma!" he said').
            called = list({id(p): p for p in self._addressed(quotes[0])}.values())
            before = {id(p) for q in self.last_dialogue.pieces if q.kind == "dialogue" for p in self._addressed(q)}
            if len(called) == 1 and called[0].is_person and called[0] is not st.narrator \
                    and called[0] is not st.last_speaker and id(called[0]) not in before:
                for piece in self.last_dialogue.pieces:
                    if piece.kind == "dialogue":
                        piece.speaker, piece.how = called[0].name, "vocative"
                self._spoke(called[0])
                st.last_speaker = called[0]
                # ... and the one that line called by name ("TOMMY, old thing!") answers now.
                st.addressed_last = [p for q in self.last_dialogue.pieces if q.kind == "dialogue"
                                     for p in self._addressed(q) if p is not called[0] and p.is_person][:1]
        if quotes[0].start > unit.para.start:
            # "The doctor came back. 'All ready,' he announced": the role it names is at hand.
            self._mentions_until(quotes[0].start)
            self._note_subjects(unit, quotes[0].start)
        own: dict[int, object] = {}
        unresolved: set[str] = set()
        """Genders of he/she tags that found nobody: the fallback must not contradict them."""
        for i, subject in self.tag_subjects.get(id(unit), {}).items():
            self._mentions_until(pieces[i].start)
            spoken_to = tuple(self._addressed(pieces[i])) + self._told(pieces, i)
            who = self._person(subject, spoken_to)
            if subject.kind == "pronoun" and subject.words not in ("i", "you"):
                # '"Dad," she whispered': the daughter of the father on stage.
                who = beats.kin_caller(self, self.text[pieces[i].inner_start:pieces[i].inner_end],
                                       subject.gender) or who
                # '"Yes," said Edna. Then she said, "..."': within one paragraph a he/she is
                # the one already named speaking there.
                same = [w for w in own.values() if isinstance(w, Person) and w.gender == subject.gender
                        and w not in spoken_to]
                if same:
                    who = same[-1]
            if subject.kind == "noun" or (subject.kind == "pronoun" and subject.words not in ("i", "you")):
                # '"You're the cousin," he said ... "Delia wrote. I'm Teddy Blakeslee."', '"I am
                # Kitty," said the little one': a he/she or a noun who says their name in the
                # speech is that person, not the one the tag's words found; one known only by a
                # noun ("the young woman") turns out to be them.
                me = self._introduces_self(pieces, i, self.tag_subjects[id(unit)])
                if me is not None and (me.gender == subject.gender or None in (me.gender, subject.gender)):
                    noun = isinstance(who, Person) and who.name.startswith(NOUN_NAMED)
                    who = self._turns_out(who, me) if noun else me
            if who is None and subject.gender:
                unresolved.add(subject.gender)
            if who is not None:
                own[i] = who
                if subject.kind == "name":
                    st.tagged_here.add(id(who))
        self._mentions_until(quotes[0].start)
        speaker = None
        first_q = next(i for i, p in enumerate(pieces) if p.kind == "dialogue")
        how = "turn"
        guessed = False  # no tag and nobody acting in the paragraph gave the speaker
        heard = None  # who a line said by a voice only turned out to be
        subjects = self.tag_subjects.get(id(unit), {})
        # '"Yes--tomorrow." He left us; whereupon Mrs. Griffin spoke. "Well, ..."': a tag that is
        # a sentence of its own gives the floor to someone new, not the speech before it.
        lead = {i: who for i, who in own.items() if not (subjects[i].alone and i > first_q)}
        if lead:
            speaker = lead[min(lead)]
        elif pieces[first_q].continues and st.last_speaker is not None:
            speaker = st.last_speaker
        elif unit.para.wide_gap and st.gap == 0 and st.last_speaker is not None and first_q == 0:
            # An extra blank line straight between two lines of talk splits one speech in two
            # (a scene break would not fall mid-conversation with no word of narration).
            speaker = st.last_speaker
        else:
            speaker = self._beat(unit)
            after = pieces[first_q + 1] if first_q + 1 < len(pieces) else None
            before = pieces[first_q - 1] if first_q > 0 else None
            announced = beats.voice_before(self, self.unit_index) if first_q == 0 and st.gap >= 1 else None
            if speaker is None and (beats.voice_tag(self.text[after.start:after.end] if after else "",
                                                    self.text[before.start:before.end] if before else "")
                                    or after is None and beats.voice_heard(self, self.unit_index) or announced):
                speaker = heard = beats.revealed(self, self.unit_index, pieces[first_q].end)
                if speaker is None and st.gap == 0 and len(st.summoned) == 1:
                    # '... Norah!' / '"Yes, ma'am," called a voice from the kitchen.': the one
                    # called answers, unseen.
                    speaker = st.summoned[0]
                if speaker is None:
                    # '"Abandoned!" cried a voice from the crowd.': someone unseen, never shown,
                    # and not one of the talk; "cried the same voice" is them again.
                    tagged = beats.placed_voice(self.text[after.start:after.end] if after else "")
                    # A voice the narration hears coming from somewhere: where the scene went
                    # before ("Mulcahy climbed the back stairs") is no sign of who is there now.
                    speaker = self._unseen(tagged) if tagged else \
                        self._unseen(announced if announced and " from " in announced else None, by_place=False)
            guessed = speaker is None
            addressed = self._addressed(pieces[first_q])
            how = "turn" if speaker is not None else "guess"
            if speaker is None and self.after_message and st.gap == 0:
                speaker = st.last_speaker  # answering the phone or the message keeps the floor
            # In a first-person scene the other one acting just before speaks (in third person a
            # "she was going to tell him" is as often a thought of the listener's).
            if speaker is None and 1 <= st.gap <= 2 and self.actor is not None and st.narrator is not None \
                    and self.actor is not st.narrator and self.actor not in addressed \
                    and (self.actor in st.conv or id(self.actor) in st.scene):
                speaker = self.actor
            if speaker is None and 1 <= st.gap <= 2 and self.entrant is not None and self.entrant is self.heard \
                    and self.entrant not in addressed:
                # '"I was told," said a cool voice from the hearth. / Draco Malfoy stepped out of the
                # fireplace ... / "Longbottom."': the one heard, now come in, goes on.
                speaker = self.entrant
            if speaker is None and 1 <= st.gap <= 2 and self.entrant is not None and self.entrant not in st.conv \
                    and self.entrant is self.actor and self.entrant not in addressed:
                # One who comes in, opening the paragraph and acting at its end, speaks next.
                speaker = self.entrant
            if speaker is None and 1 <= st.gap <= 2 and self.closing is not None and self.closing is not st.narrator \
                    and self.closing not in addressed:
                # "The doctor bent down." / "Let me take him.": the talk resumes with the one the
                # narration between has just shown acting.
                speaker = self.closing
            if speaker is not None:
                how = "turn"  # someone the narration shows acting: as sure as a beat
            if speaker is None:
                speaker = self._entrance(addressed)
            if speaker is None:
                speaker = self._turn(addressed)
                how = "vocative" if speaker in st.addressed_last else "turn" if speaker in st.conv else "guess"
            elif speaker in addressed:
                speaker = self._other([speaker])
            if unresolved and isinstance(speaker, Person) and speaker.gender \
                    and speaker.gender not in unresolved:
                speaker = None
        if not lead:
            # An untagged line that says who is speaking ("No. I'm Ros.") is theirs, and so is the
            # paragraph's speech when a later line of it does ('"Lindsay." He turned it over. "Well,
            # Lindsay, I'm Dan Fogarty."'); one known by a noun who was talking is then that person.
            me = next(filter(None, (self._gives_own_name(p) for p in pieces if p.kind == "dialogue")), None)
            if me is not None:
                if isinstance(speaker, Person) and speaker.name.startswith(NOUN_NAMED) and speaker is not me \
                        and speaker is not st.narrator and st.gap == 0 and speaker in st.conv[1:2]:
                    self._turns_out(speaker, me)
                speaker, how, guessed = me, "tag", False
        self.actor, self.entrant, self.after_message, self.closing = None, None, False, None
        self.heard = heard
        turned = self._introduced(speaker, pieces[first_q])
        opening = rules.INTRODUCTION.match(self.text, pieces[first_q].inner_start, pieces[first_q].inner_end)
        if turned is speaker and opening is not None and opening.group("own"):
            # '"My name is Rathbone," said she, "Mrs. Ada Rathbone."': the name in full after the tag.
            for piece in pieces[first_q + 1:first_q + 3]:
                if piece.kind == "dialogue":
                    turned = self._introduced(speaker, piece, rules.INTRODUCTION_IN_FULL)
                    break
        if turned is speaker and opening is None:
            # '"I'm sorry to just turn up like this," she said. "My name is Imogen Strand."': the
            # name given in a later quotation of the speech.
            for i, piece in enumerate(pieces[first_q + 1:], first_q + 1):
                if piece.kind == "dialogue" and own.get(i, speaker) is speaker:
                    turned = self._introduced(speaker, piece)
                    if turned is not speaker:
                        break
        if turned is not speaker:
            own = {k: turned if w is speaker else w for k, w in own.items()}
            speaker = turned
        for i, who in list(own.items()):
            named = self._narrator_introduced(pieces[i]) if who is st.narrator else None
            if named is not None:
                own = {k: named if w is who else w for k, w in own.items()}
                speaker = named if speaker is who else speaker
        if st.gap == 0 and self.last_dialogue is not None and lead:
            turned = self._answers_call(speaker)
            own = {k: turned if w is speaker else w for k, w in own.items()}
            speaker = turned
        if st.gap <= 2:
            self._named_in_reply(speaker, self._addressed(pieces[first_q]))
        current = speaker
        for i, piece in enumerate(pieces):
            if piece.kind == "dialogue":
                if i in own:
                    current, how = own[i], _how(subjects[i], piece)
                    if how == "tag" and id(subjects[i]) in self.by_cast:
                        how = "cast"
                elif how == "pinned":
                    how = "tag"  # the rest of a pinned speech: as sure as a tag
                elif i > first_q and isinstance(current, Person) and current in self._addressed(piece) \
                        and piece.pinned is None \
                        and current not in (self._gives_own_name(pieces[first_q]), self._gives_own_name(piece)):
                    # '"...a witch," observed Fergus. "Nonsense, Fergus!"': one does not call
                    # oneself by name; the one before them in the talk answers. (But one who says
                    # it is their name may say it again: '"Pennyfeather," said the stout lady.
                    # "Mrs. Pennyfeather, of Grove Lane."', '"Ashdown is the name. Ruth Ashdown."')
                    other = self._other([current])
                    if other is not None:
                        current, how = other, "vocative"
                piece.speaker = current.name if isinstance(current, Person) else None
                piece.how = how if piece.speaker is not None else None
                if piece.pinned is not None:
                    piece.how = "pinned"
                    if piece.pinned == "":
                        piece.speaker = None  # pinned to the narrator
        last = own[max(own)] if own else speaker
        self._spoke(speaker)
        if last is not speaker:
            self._spoke(last)
        st.last_speaker = last
        self.last_dialogue = unit
        self.last_guessed = guessed
        # A name called out on its own ("Victor!") summons someone who may not be there to answer;
        # said flatly ('"Malfoy."', '"Ms. Bennet."', '"Nibs," said the clerk') it greets someone
        # here, who answers.
        speeches = self._speeches(quotes)
        called = [(speech, p) for q, speech in zip(quotes, speeches) for p in self._addressed(q)]
        st.summoned = [p for _, p in called if p is not last and p is not st.narrator and p.is_person]
        # One called in a sentence ("Sit down, Lucretia, and don't talk nonsense.") is here, though
        # the narration never named them, unless the name is said back or one known only by a
        # noun ("the parson") is talking, whose name it may be; so is one called by a name and a
        # tag that open the talk, if the list or a tag knows them as someone.
        noun_partner = any(p is not last and p.name.startswith(NOUN_NAMED) for p in st.conv[:2])

        def here(speech: str, p: Person) -> bool:
            return p.is_person and (id(p) in st.scene or calls.called_with_words(speech, p.forms, set_off=True)
                                    and not noun_partner and not self._echoes(p, unit)
                                    or bool(st.gap) and speech.rstrip().endswith(",") and (p.listed or p.tagged > 0))

        st.addressed_last = [p for speech, p in called
                             if p is not last and (p is st.narrator or here(speech, p))
                             and (len(speech.split()) > 1 or p is st.narrator
                                  or p in st.conv  # '"Reid," he said.' to one already talking
                                  or speech.rstrip().endswith((".", ",")))]
        if len(st.addressed_last) > 1:
            # "Harry, dear, sit down. Ron, glasses. Fred, if that spoon is anywhere near your
            # pocket--": the one called last with more than a greeting answers.
            said = " ".join(speeches)
            told = [p for p in st.addressed_last if calls.called_with_words(said, p.forms)]
            if told:
                st.addressed_last.remove(told[-1])
                st.addressed_last.insert(0, told[-1])
        if not st.addressed_last and isinstance(last, Person):
            st.addressed_last = [p for p in self._parents_called(quotes, last) if p is not last]
        if st.gap and not st.addressed_last:
            # Someone the narration just brought on stage is the one spoken to.
            st.addressed_last = [p for p in st.newcomers if p is not last and p is not st.narrator][:1]
        if not st.addressed_last and st.narrator is not None and last is not st.narrator \
                and beats.looks_at_narrator(self.text[unit.para.start:unit.para.end]):
            st.addressed_last = [st.narrator]  # '"And you." The harbourmaster looked at me.'
        if not st.addressed_last and isinstance(last, Person):
            # '"Did you think I was afraid?" she asked him' or '"What became of him?" He turned
            # upon the lady.': the one asked, or turned to, answers next.
            listener = self._listener(unit, last) or self._turned_to(unit, last)
            if listener is not None:
                st.addressed_last = [listener]
        self._on_stage_called(quotes, last)
        st.newcomers = []
        st.fresh_from = self._tag_end(unit)
        self._mentions_until(st.fresh_from)
        st.fresh, st.fresh_subjects, st.fresh_at = [], [], []
        self._mentions_until(unit.para.end)
        self._left(unit)
