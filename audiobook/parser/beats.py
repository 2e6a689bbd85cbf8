"""Who acts between two lines of talk, and lines that are not in the room.

- A paragraph of narration between two speeches whose last sentence someone acts in ("She put a
  bowl in front of me and went back to her dough.") hands the next untagged speech to them.
- Text messages and the far end of a phone call, set in italics without quote marks, are voices
  outside the room: they neither end a conversation nor take a turn in it, and the one answering
  them keeps the floor.
- After the walk, lines nobody could be given (or, with the cast listed, only guessed) go to the
  one the narration right after them shows (``shown_after``), else to the other side of the talk
  named a few lines later (``named_later``).
"""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Optional

from audiobook.parser import rules, subjects
from audiobook.parser.characters import Person

if TYPE_CHECKING:  # pragma: no cover
    from audiobook.parser.attribution import Attributor

_SENTENCES = re.compile(r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<=[.!?])\s+")


_ROLE_OPENING = re.compile(r"^(?:[Tt]he|[Mm]y|[Hh]is|[Hh]er)\s+(?:[a-z]+\s+){0,2}?(?:%s)\b" % "|".join(
    sorted(set(rules.ROLE_NOUNS) | set(rules.KINSHIP_NOUNS) | set(rules.KIN_SYNONYMS), key=len, reverse=True)))


def split_sentences(text: str) -> list[str]:
    """Sentences of some narration, not cut after a title ("Mrs. Reid")."""
    return _SENTENCES.split(text)


def looks_at_narrator(text: str) -> bool:
    """The narration turns to "me" ("He looked at me", "she turned to me"): "I" answer next."""
    return bool(rules.TURNS_TO_NARRATOR.search(text))


def is_message(text: str) -> bool:
    """A paragraph wholly in italics (``*...*`` or ``_..._``): a text message or a voice on the phone."""
    return any(p.match(text.strip()) for p in rules.MESSAGE_LINE_SHAPES)


def first_actor(att: "Attributor", start: int, end: int) -> Optional[Person]:
    """The subject of the first sentence of the narration ``text[start:end]`` ("Mags came up the
    steps ..."), if it is a person the cast knows."""
    sentences = [s for s in _SENTENCES.split(att.text[start:end].strip()) if s.strip()]
    subject = subjects.sentence_subject(sentences[0]) if sentences else None
    if subject is None or subject.kind != "name":
        return None
    who = att.cast.resolve(subject.words)
    return who if who is not None and who.is_person else None


#: Most words in a paragraph's closing sentence that says what its subject is ("Victor was the
#: younger son ...") for the subject to be the one who speaks next; one showing them act may be longer.
CLOSING_ACTION_WORDS = 12

#: Looking in at a door or round it, to speak ("put his head in at the door", "put her head round
#: the edge of it").
_HEAD_IN = re.compile(r"\bput\s+(?:his|her|their)\s+(?:[a-z]+\s+)?head\s+(?:in|round|into|through|inside)\b")
#: Where a sentence joins a clause that may have a subject of its own ("..., and his sister looked",
#: "..., and in the roar of it Miss Whitten came across").
_JOINED_SUBJECT = re.compile(r"[,;]\s*and\s+(?=(?:the|his|her|their|my|[A-Z]|(?:%s)\s))"
                             % "|".join(sorted(rules.FRONTED_PREPOSITIONS)))
#: A relative clause set off by commas after a subject (", who had been waiting,"), or one
#: that ends the sentence describing a thing ("reaching for the grey ulster that hung on the peg
#: behind her desk."): what it says of someone or something is no part of the action.
_RELATIVE = re.compile(r",\s*(?:who|whose)\b[^,.;:!?]*,|\s(?:that|which)\s+[a-z]+\b[^,;:!?]*(?=[.!?]*\s*$)")


def closing_actor(att: "Attributor", start: int, end: int) -> Optional[Person]:
    """The one a paragraph of narration ends on, named, in a short sentence or joined clause of
    their own ("The doctor bent down.", "Buck Mulligan's gay voice went on.", "..., and his sister
    looked at him"), or putting their head in at the door however long the sentence: None for a
    he/she, a long sentence or nobody."""
    sentences = [s for s in _SENTENCES.split(att.text[start:end].strip()) if s.strip()]
    if sentences and _HEAD_IN.search(sentences[-1]):
        # "Just then there came a knock, and the mate put his red head in at the door.": one
        # looking in to speak, however long the sentence
        return _looking_in(att, sentences[-1])
    if not sentences:
        return None
    last = sentences[-1]
    joined = list(_JOINED_SUBJECT.finditer(last))
    if joined:
        # "He said it a little too quickly, and his sister looked at him across the table": the
        # subject of the clause the sentence ends on acts last
        clause = last[joined[-1].end():]
        subject = subjects.sentence_subject(clause)
        if subject is not None and subject.kind != "pronoun":
            last = clause
    # What a relative clause says of the subject ("Dory, who had been studying his profile,
    # took ...") does not make the action longer.
    subject = subjects.sentence_subject(last)
    if len(_RELATIVE.sub(" ", last).split()) > CLOSING_ACTION_WORDS and _describes(last, subject):
        return None
    return None if subject is not None and subject.kind == "pronoun" else _actor(att, last, subject)


#: Verbs after a subject that say what someone is rather than what they do.
_BEING = re.compile(r"^\W*(?:was|were|is|are|had\s+been|has\s+been|seemed|appeared|remained|looked\s+like)\b"
                    r"(?!\s+(?:still\s+|already\s+|now\s+)?[a-z]+ing\b)")  # "was standing at the door" is doing


def _describes(sentence: str, subject: Optional[subjects.Subject]) -> bool:
    """Whether a long closing sentence says what its subject is ("Victor was the younger son
    ...") rather than shows them doing something, after which they speak ("Nurse Pell took the
    cap out of the box, shook it, and set it on the girl's head")."""
    if subject is None:
        return True
    last = subject.words.split()[-1]  # "Mr Denbury": the tokens drop a title's full stop
    at = sentence.find(last)
    return at < 0 or bool(_BEING.match(sentence[at + len(last):]))


def _looking_in(att: "Attributor", sentence: str) -> Optional[Person]:
    """Who a sentence shows putting their head in at a door: the subject ending right before
    "put" in its clause ("At that moment the hired man put his head in"); None for a he/she."""
    clause = next(c for c in reversed(_JOINED_CLAUSE.split(sentence)) if _HEAD_IN.search(c))
    toks = subjects.words(clause[:_HEAD_IN.search(clause).start()])
    found = next((f for f in (subjects.subject_at(toks, k) for k in range(max(0, len(toks) - 6), len(toks)))
                  if f and f[1] == len(toks)), None)
    if found is None or found[0].kind == "pronoun":
        return None
    who = _actor(att, clause, found[0]) or att._person(found[0])
    return who if isinstance(who, Person) and who.is_person else None


def last_actor(att: "Attributor", start: int, end: int) -> Optional[Person]:
    """The one who acts last in the narration ``text[start:end]``: the subject of its last
    sentence that has one (a name, a he/she, a role or a relative); None for nobody."""
    body = att.text[start:end].strip()
    sentences = [s for s in _SENTENCES.split(body) if s.strip()]
    # The last sentence whose subject is someone ("He opened his eyes. For a second there was
    # nobody home, and then there was." -> he; "The captain leaned in. The thing inside looked
    # back at her." -> the captain).
    for sentence in reversed(sentences[-3:]):
        subject = subjects.sentence_subject(sentence) or _clause_pronoun(sentence)
        if subject is not None and subject.kind == "pronoun":
            return att.state.narrator if subject.words == "i" else att._by_pronoun(subject.gender)
        who = _actor(att, sentence, subject)
        if who is not None:
            return who
    return None


#: "When he came down again he planted himself ...": a clause opening with a he/she whose own
#: sentence goes on with the same he/she, its subject.
_CLAUSE_PRONOUN = re.compile(r"\W*(?:%s)\s+(he|she)\b[^.;:!?]*?\b\1\s+[a-z]" % "|".join(rules.CLAUSE_OPENERS), re.I)


def _clause_pronoun(sentence: str) -> Optional[subjects.Subject]:
    """The he/she of ``_CLAUSE_PRONOUN``, as a subject; None if the sentence is not so shaped."""
    m = _CLAUSE_PRONOUN.match(sentence)
    if m is None:
        return None
    word = m.group(1).lower()
    return subjects.Subject("pronoun", word, "male" if word == "he" else "female")


def _actor(att: "Attributor", sentence: str, subject: Optional[subjects.Subject]) -> Optional[Person]:
    """The person a sentence's subject (not a pronoun) names: a name the cast knows as a person,
    a description voices.yaml lists, a role or a relative ("The captain straightened up.")."""
    if subject is not None and subject.kind == "name":
        found = att._person(subject)
        return found if isinstance(found, Person) and found.is_person else None
    if subject is None:
        m = _ROLE_OPENING.match(sentence.strip())
        if m is None:
            return None
        words, gender = m.group(0), None
    else:
        words, gender = subject.words, subject.gender
    # A description voices.yaml lists ("my uncle") is its character, not a new role.
    return att.cast.listed_phrase(words, gender, tag=False) or att.roles.person(att, words)


_KIN_CALL = re.compile(r"^\W*(%s)\b\s*[,.!?\u2014]" % "|".join(sorted(rules.KIN_VOCATIVES, key=len, reverse=True)),
                       re.I)


def kin_caller(att: "Attributor", quote: str, gender: Optional[str]) -> Optional[Person]:
    """Who says a line opening with "Dad," or "Mum,": the one person of ``gender`` on stage whose
    father or mother (by surname) is on stage too."""
    m = _KIN_CALL.match(quote)
    if m is None:
        return None
    relation = rules.KIN_VOCATIVES[m.group(1).lower()]
    st = att.state
    present = [p for p in st.recent if id(p) in st.scene]
    callers = [p for p in present if p.gender == gender and p is not st.narrator
               and att._relative(p, relation) in present]
    return callers[0] if len(callers) == 1 else None


#: A tag that names only a voice ("said a voice from the back of the shop", "cried a gruff
#: voice"): who it is, the narration right after shows.
_VOICE_TAG = re.compile(r"^\W*(?:[a-z]+ly\s+)?(?:%s)\s+(?:a|an|another|one)\s+(?:[\w-]+\s+){0,2}?voice\b"
                        % "|".join(sorted(rules.SPEECH_VERBS | {"came"} | {" ".join(p) for p in rules.SPEECH_PHRASES},
                                          key=len, reverse=True)))
#: What one who hears a voice does: turns to look ("Ginny turns.", "James turned round").
_LOOKS_ROUND = re.compile(r"\s+(?:turn|turns|turned|look|looks|looked|glance|glances|glanced|spin|spins|spun|"
                          r"whirl|whirls|whirled)\b")
#: Paragraphs after a voice's line in which to look for the one it turns out to be.
REVEAL_PARAGRAPHS = 2


#: "That was Seamus.", "That was Lily, then Al, then Lily again": who said the lines just before.
_SAID_BY = re.compile(r"^\W*(?:That|This) was ((?:%s)(?:,?\s+(?:and\s+)?then\s+(?:%s)(?:\s+again)?)*)[,.;]"
                      % ((r"(?:(?:Aunt|Uncle|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'\u2019-]+",) * 2))


def said_by(narration: str) -> list[str]:
    """The names a paragraph opening "That was X, then Y" gives, in order; none for any other."""
    m = _SAID_BY.match(narration)
    if m is None:
        return []
    return [re.sub(r"\s+again$", "", part.strip()) for part in re.split(r",?\s+(?:and\s+)?then\s+", m.group(1))]


#: The same before the line it tags ("and a deep, slow voice says,").
_VOICE_BEFORE = re.compile(r"\b(?:a|an|another)\s+(?:[\w-]+,?\s+){0,3}?voice\s+(?:%s)\s*[,:]?\s*$"
                           % "|".join(sorted(rules.SPEECH_VERBS, key=len, reverse=True)))


def voice_tag(after: str, before: str = "") -> bool:
    """Whether the tag of a quotation names only a voice, after it ("said a voice behind me")
    or before it ("and a deep, slow voice says,")."""
    return bool(_VOICE_TAG.match(after) or _VOICE_BEFORE.search(before))


#: A voice tag that says where the voice came from ("cried a voice from the crowd", "said a
#: voice from the lower end of the other table") or that it was the one heard before ("cried the
#: same voice"): group 1 is the voice as the text calls it.
_PLACED_VOICE = re.compile(r"^\W*(?:[a-z]+ly\s+)?(?:%s)\s+((?:a|an|another|the)\s+(?:[\w-]+\s+){0,2}?voice\s+"
                           r"(?:from|among)\s+(?:the|a)\s+[a-z-]+(?:\s+(?!and\b|as\b|but\b|with\b)[a-z-]+){0,5}"
                           r"|the\s+same\s+voice)\b"
                           % "|".join(sorted(rules.SPEECH_VERBS | {"came"} | {" ".join(p) for p in rules.SPEECH_PHRASES},
                                             key=len, reverse=True)))


#: A paragraph of narration ending on a voice heard ("... when a clear voice spoke from the stairs
#: above him."): the line after it is that voice's. Group 1: where it came from, if it says.
_VOICE_ENDING = re.compile(
    r"\b(?:a|an|another)\s+(?:[\w-]+,?\s+){0,3}?voice\s+(?:%s|spoke|came|sounded|rang\s+out)\b"
    r"(?:\s+(?:from|out\s+of|over|behind)\s+((?:the|a)\s+[a-z-]+"
    r"(?:\s+(?!above|below|into|in|at|on|of|to|and|with|beside|behind|as)[a-z-]+)?))?"
    r"[^.!?\"\u201c\u201d]{0,80}[.:]\s*$" % "|".join(sorted(rules.SPEECH_VERBS, key=len, reverse=True)))


def voice_ending(narration: str) -> Optional[str]:
    """The voice a paragraph of narration ends by hearing ("a voice from the stairs"; "a voice"
    when it says not where), or None."""
    m = _VOICE_ENDING.search(narration)
    if m is None:
        return None
    return "a voice from " + " ".join(m.group(1).split()) if m.group(1) else "a voice"


def voice_before(att: "Attributor", index: int) -> Optional[str]:
    """The voice the paragraph before unit ``index``, narration only, ends by hearing."""
    if index < 1:
        return None
    unit = att.units[index - 1]
    if unit.para.kind != "prose" or not unit.pieces or any(p.kind == "dialogue" for p in unit.pieces):
        return None
    return voice_ending(att.text[unit.para.start:unit.para.end])


def placed_voice(after: str) -> Optional[str]:
    """The voice a tag after a quotation names by where it came from ("a voice from the crowd"),
    or "the same voice"; None for any other tag."""
    m = _PLACED_VOICE.match(after)
    return " ".join(m.group(1).split()) if m else None


#: Narration that opens by speaking of the voice just heard ('"Gervase!" / The voice came
#: sharply from the landing, and Lady Cressing swept down the stairs'): the line before was a
#: voice's, as if tagged "said a voice".
_THE_VOICE = re.compile(r"^\W*(?:The|That|This)\s+(?:[\w-]+\s+){0,2}?voice\s+(?:came|was|rose|sounded|belonged|"
                        r"had\s+come)\b")


def voice_heard(att: "Attributor", index: int) -> bool:
    """Whether the paragraph after unit ``index`` is narration opening on the voice just heard."""
    if index + 1 >= len(att.units):
        return False
    unit = att.units[index + 1]
    if unit.para.kind != "prose" or not unit.pieces or unit.pieces[0].kind != "narration":
        return False
    return bool(_THE_VOICE.match(att.text[unit.pieces[0].start:unit.pieces[0].end]))


def revealed(att: "Attributor", index: int, after: int) -> Optional[Person]:
    """The one a voice's line turns out to be: the first person named opening a sentence of the
    narration after offset ``after`` in unit ``index`` and the paragraphs right after it (before
    any speech of theirs), who is not already talking ("... said a voice from the back of the
    shop." / "James turned round." / "Lily Evans was standing at the far end of the shop")."""
    st = att.state
    stretches = [(p.start, p.end) for p in att.units[index].pieces if p.kind == "narration" and p.start >= after]
    for unit in att.units[index + 1:index + 1 + REVEAL_PARAGRAPHS]:
        if unit.para.kind != "prose" or not unit.pieces or unit.pieces[0].kind != "narration":
            break
        stretches.append((unit.pieces[0].start, unit.pieces[0].end))
    for start, end in stretches:
        for whole in split_sentences(att.text[start:end]):
            # and the clauses joined to it: "The voice came from the landing, and Lady Cressing
            # swept down the stairs"
            for sentence in [whole] + [whole[m.end():] for m in _JOINED_CLAUSE.finditer(whole)]:
                subject = subjects.sentence_subject(sentence)
                if subject is not None and _LOOKS_ROUND.match(sentence.strip()[len(subject.words):]):
                    continue  # "Ginny turns.": the one who looks, not the one seen
                who = att.cast.resolve(subject.words) if subject is not None and subject.kind == "name" else None
                if subject is not None and subject.kind == "noun" and _TITLE_ROLE.match(subject.words):
                    who = att._titled(subject.words.split(None, 1)[1].lower() + " ", anywhere=True)  # "the Count"
                if who is not None and who.is_person and who is not st.narrator and who not in st.conv:
                    return who
    return None


#: A title written with a capital after "the", standing for the one who holds it ("the Count").
_TITLE_ROLE = re.compile(r"^the\s+[A-Z][a-z]+$")
#: Where a sentence joins another clause with a subject of its own ("..., and Lady Cressing swept").
_JOINED_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while|whilst)\s+")


#: Paragraphs after a line nobody could be given in which to look for the one who said it.
LOOK_AFTER = 6


def shown_after(att: "Attributor") -> None:
    """With the cast listed, a line nobody could be given, or only guessed (no tag, nobody in the
    talk, nobody acting before it), is said by the first listed person the narration right after
    it shows, unless it calls them ('"TOM!" / No answer. / "TOM!" / No answer. / The old lady
    pulled her spectacles down'; 'Then a voice spoke. / "Hello, pop!" / Ogden Ford was sprawling
    in a deep chair in the shadows.')."""
    mentions = [(at, p) for at, p, quoted in att.cast.mentions if not quoted and p.listed and p.is_person]
    offsets = [at for at, _ in mentions]
    for index, unit in enumerate(att.units):
        lines = [p for p in unit.pieces if p.kind == "dialogue"]
        if not lines or any((p.speaker and p.how != "guess") or p.pinned is not None for p in lines) \
                or att.tag_subjects.get(id(unit)):
            continue  # (a he/she that found nobody says more than what follows; a pin holds)
        stop = unit.para.end
        for later in att.units[index + 1:index + 1 + LOOK_AFTER]:
            said = [p for p in later.pieces if p.kind == "dialogue"]
            if later.para.kind in ("chapter", "break", "title", "author", "pov") or any(p.speaker for p in said):
                break
            stop = later.para.end
        called = {id(p) for q in lines for p in att._addressed(q)}
        first = bisect.bisect_left(offsets, lines[0].end)
        who = next((p for at, p in mentions[first:] if at < stop), None)
        if who is not None and id(who) not in called:
            for piece in lines:
                piece.speaker, piece.how = who.name, "guess"


#: Lines after a line nobody could be given in which to look for who else talks.
TALK_AFTER = 12


def named_later(att: "Attributor") -> None:
    """A line still nobody's after every other pass goes to the first speaker of the next few
    lines (same scene) who is neither the last one to speak before it nor someone it calls:
    the other side of a talk whose name the narration gives only later ('"Uncle, you are not
    looking well." / "I'm not well, Florence." / … / John Linden paused sadly, then resumed:')."""
    flow: list[list] = [[]]
    for unit in att.units:
        if unit.para.kind in ("chapter", "break", "title", "author", "pov"):
            flow.append([])
        flow[-1].extend(p for p in unit.pieces if p.kind == "dialogue")
    for lines in flow:
        for index, piece in enumerate(lines):
            if piece.speaker or piece.pinned is not None:
                continue
            before = next((p.speaker for p in reversed(lines[:index]) if p.speaker), None)
            called = {p.name for p in att._addressed(piece)}
            piece.speaker = next((p.speaker for p in lines[index + 1:index + 1 + TALK_AFTER]
                                  if p.speaker and p.speaker != before and p.speaker not in called), None)
            if piece.speaker:
                piece.how = "guess"


#: Leaving the scene, joined to what someone just did or said ("said the landlady with feeling,
#: and withdrew", "Porlock took it ... and withdrew", "said he, and was gone").
_EXIT = re.compile(r"(?:,\s*|\s)and\s+(?:withdrew|went out|left the room|retired|departed|was gone)\b")
#: A clause that looks back on someone's going ("When he was gone, Durbeyfield walked ...", "When
#: she had gone, Sister set the lamp down"): the one of the talk the he/she means has left.
_GONE_CLAUSE = re.compile(r"\b(?:When|After|As soon as|Once|Now that) (he|she) (?:was|had) (?:gone|left|departed)\b")


def leaving(att: "Attributor", unit) -> list[Person]:
    """Who the paragraph's narration sees leave: the speaker of the quotation a tag ending in
    "and withdrew" follows, or the named subject of a sentence that ends so."""
    out: list[Person] = []
    pieces = unit.pieces
    for i, piece in enumerate(pieces):
        if piece.kind != "narration":
            continue
        body = att.text[piece.start:piece.end]
        first = _SENTENCES.split(body.strip())[0] if body.strip() else ""
        if i > 0 and pieces[i - 1].kind == "dialogue" and _EXIT.search(first):
            who = att.cast.resolve(pieces[i - 1].speaker) if pieces[i - 1].speaker else None
        else:
            sentence = next((x for x in _SENTENCES.split(body.strip()) if _EXIT.search(x)), None)
            subject = subjects.sentence_subject(sentence) if sentence else None
            who = att.cast.resolve(subject.words) if subject is not None and subject.kind == "name" else None
        if isinstance(who, Person) and who.is_person and who not in out:
            out.append(who)
        gone = _GONE_CLAUSE.search(body)
        if gone:
            gender = rules.SUBJECT_PRONOUNS[gone.group(1)]
            st = att.state
            talk = ([st.last_speaker] if isinstance(st.last_speaker, Person) else []) + list(st.conv)
            # "When he was gone, Durbeyfield walked a few steps": not the one the sentence goes on about
            rest = body[gone.end():gone.end() + 120]
            stays = {id(att.cast.resolve(w)) for w in re.findall(r"\b[A-Z][\w'\u2019-]+", rest)}
            left = [p for p in talk if isinstance(p, Person) and p is not st.narrator and id(p) not in stays]
            who = next((p for p in left if p.gender == gender), None) \
                or next((p for p in left if p.gender is None), None)
            if who is not None and who not in out:
                out.append(who)
    return out
