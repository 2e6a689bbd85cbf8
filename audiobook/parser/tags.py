"""Speech tags: the few words next to a quotation that say who speaks it ("said James", "she sobbed")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from audiobook.model import NONBINARY
from audiobook.parser import rules

_WORD = re.compile(rules.READER_NAME + r"|[^\W\d_](?:[\w'\u2019]|-(?!-))*|--|[,;:.!?\u2014\u2026()]")
_NOUN_DETERMINERS = {"the", "my", "his", "her", "our", "their", "your", "a", "an", "another", "this", "that", "its"}
SENTENCE_END = {".", "!", "?"}
_PARTICLES = {"out", "up", "in", "on", "back", "forth"}
#: "was Frank's reply", "came the doctor's answer"
_REPLY_OF = re.compile(r"^(?:was|came)\s+((?:the\s+)?[\w.' ]+?)['\u2019]s?\s+(?:[a-z]+\s+)?(?:reply|answer|question|response|"
                       r"retort|rejoinder|comment|greeting|remark|cry|exclamation)\b")


@dataclass
class Subject:
    """Who a speech tag names."""

    kind: str
    """``name`` (a proper name), ``pronoun`` (he/she/I) or ``noun`` (the old man, my companion)."""
    words: str
    """The words as written: ``James``, ``Mr. Holmes``, ``he``, ``the old man``."""
    gender: Optional[str] = None
    """Gender the words imply (pronoun, title or noun), if any."""
    verb: str = ""
    """The speech verb of the tag, where known (``said``, ``resumed``)."""
    full: str = ""
    """For someone new brought in by a noun: the whole description ("a man in the crowd")."""
    alone: bool = False
    """The tag is a sentence of its own before the quotation ("whereupon Mrs. Griffin spoke."):
    someone new takes the floor, so it says nothing of the speech before it in the paragraph."""
    besides: tuple = ()
    """Capitalised words of the tag's clause besides its subject ("He beckoned Kronborg into the
    room and said:", "cried the old woman, before Eleanor was through the gate"): others the
    clause acts on or speaks of, so a he/she or a description there is none of them."""


def words(text: str) -> list[str]:
    """Words and punctuation of a short stretch of narration."""
    found = _WORD.findall(text)
    return [w.upper() if "/" in w else w for w in found] if "/" in text else found


def _is_adverb(w: str) -> bool:
    return w.islower() and w.endswith("ly") and len(w) > 3


def _is_past(w: str) -> bool:
    """A verb in the past tense, or "and" between two ("she bowed and said")."""
    return w == "and" or w in rules.COMMON_PAST_VERBS or (w.islower() and w.endswith("ed") and len(w) > 3)


def _acted_on(before: str) -> bool:
    """Whether a word right before a name makes the name an object, not a subject: a preposition
    ("turned to Holmes") or a verb in the past tense ("beckoned Kronborg")."""
    return before in rules.OBJECT_LEAD_INS or (before != "and" and before.islower() and _is_past(before))


def is_verb(w: str) -> bool:
    """Whether ``w`` is a speech verb ("said", "Whispered")."""
    return w.lower() in rules.SPEECH_VERBS


def subject_at(toks: list[str], k: int, names: frozenset = frozenset()) -> Optional[tuple[Subject, int]]:
    """The subject phrase starting at ``toks[k]`` and the index after it. ``names``: words that
    are names in this story although they are common words elsewhere (Captain Good's "Good"),
    and ``they`` when the cast has someone who is neither he nor she."""
    if k >= len(toks):
        return None
    w = toks[k]
    lw = w.lower()
    if lw in rules.SUBJECT_PRONOUNS:
        return Subject("pronoun", lw, rules.SUBJECT_PRONOUNS[lw]), k + 1
    if w in rules.ROLE_ADJECTIVES and k + 1 < len(toks) and toks[k + 1][:1].isupper() \
            and toks[k + 1] not in rules.NOT_NAMES:
        return subject_at(toks, k + 1, names)  # "said old Cotter", "added little Amy": the name
    if lw == "they" and "they" in names:
        return Subject("pronoun", lw, NONBINARY), k + 1
    if lw == "you" and "you" in names:
        return Subject("pronoun", lw), k + 1  # a story told to "you": "you say"
    if lw == "one" and k + 2 < len(toks) and toks[k + 1] == "of" and toks[k + 2] in ("the", "his", "her", "their"):
        # "said one of the colts": one of a group, named so
        j = k + 3
        while j < len(toks) and j - k <= 5 and toks[j].islower() and not is_verb(toks[j]) \
                and toks[j] not in rules.PHRASE_STOPS and not _is_adverb(toks[j]):
            j += 1
        if j > k + 3:
            return Subject("noun", " ".join(toks[k:j])), j
    if w in ("one", "another") and (k + 1 == len(toks) or not toks[k + 1][:1].isalnum()):
        # "said one, a mulatto", "said another.": one of a group, named by nothing else
        return Subject("noun", lw), k + 1
    if lw in _NOUN_DETERMINERS:
        j = k + 1
        phrase = [w]
        while j < len(toks) and j - k <= 3 and toks[j].islower() and not is_verb(toks[j]) \
                and toks[j] not in rules.PHRASE_STOPS and toks[j] not in rules.SUBJECT_PRONOUNS \
                and (not _is_adverb(toks[j]) or j == k + 1) and toks[j] not in rules.NOT_NOUNS \
                and toks[j] not in _NOUN_DETERMINERS and toks[j] not in rules.COMMON_PAST_VERBS \
                and not (len(phrase) > 1 and toks[j].endswith("ed")):  # "the doctor crossed the room"
            phrase.append(toks[j])
            j += 1
        if j < len(toks) and toks[j][:1].isupper() and toks[j] not in rules.NOT_NAMES \
                and lw in ("the", "my", "his", "her") and toks[j][1:].islower():
            if len(phrase) > 1:
                return subject_at(toks, j, names)  # "her brother Hugh": Hugh
            # A role written with a capital: "the Hatter", "the General", "my Lady".
            phrase.append(toks[j])
            j += 1
        if len(phrase) > 1 and phrase[-1].lower() in rules.NOT_SPEAKER_NOUNS:
            if j + 1 < len(toks) and toks[j] == "of" and toks[j + 1] != "the":
                return subject_at(toks, j + 1, names)  # "cried the voice of John Reed"
            owner = next((m for m in range(len(phrase) - 2, 0, -1) if _POSSESSIVE.search(phrase[m])), None)
            if owner is None:
                return None  # "said a voice": says nothing of who
            # "called a girl's voice", "interrupted his mother's voice": the one whose voice it is
            phrase = phrase[:owner] + [_POSSESSIVE.sub("", phrase[owner])]
        if len(phrase) > 1:
            gender = None
            for g, nouns in rules.GENDER_NOUNS.items():
                if any(w.lower() in nouns for w in phrase[1:]):
                    gender = g
            subject = Subject("noun", " ".join(phrase), gender)
            if lw in ("a", "an", "another") and j + 1 < len(toks) and toks[j] in ("of", "in", "with", "from", "at"):
                # "a man in the crowd", "a dame of fifty": how the text calls someone new
                end = j + 1
                while end < len(toks) and end - j <= 3 and toks[end][:1].isalnum() and not is_verb(toks[end]):
                    end += 1
                subject.full = " ".join(toks[k:end])
            return subject, j
        return None
    if w[:1].isupper() and lw in rules.KIN_NAMES and not (k + 1 < len(toks) and toks[k + 1][:1].isupper()):
        return Subject("name", w, rules.KIN_NAMES[lw]), k + 1  # "Uncle said": the family's name for him
    voice = _voice_after(toks, k + 1) if w[:1].isupper() and _POSSESSIVE.search(w) else None
    if voice is not None and w not in rules.NOT_NAMES:
        return Subject("name", _POSSESSIVE.sub("", w)), voice  # "Holmes's voice broke in."
    if w[:1].isupper() and re.search(r"['\u2019]s$", w) and k + 1 < len(toks) and toks[k + 1].islower() \
            and toks[k + 1] not in rules.PHRASE_STOPS and not is_verb(toks[k + 1]):
        # "Strether's new acquaintance pursued": someone's companion, not the one named.
        j = k + 1
        while j < len(toks) and j - k <= 3 and toks[j].islower() and not is_verb(toks[j]) \
                and not _is_adverb(toks[j]) and toks[j] not in rules.PHRASE_STOPS:
            j += 1
        return Subject("noun", " ".join(toks[k:j])), j
    if w[:1].isupper() and (w not in rules.NOT_NAMES or lw in rules.TITLE_STEMS or w in names):
        j = k
        name = []
        gender = None
        while j < len(toks) and toks[j][:1].isupper() and len(name) < 4:
            if toks[j] in rules.NOT_NAMES and toks[j].lower() not in rules.TITLE_STEMS and toks[j] not in names:
                break
            if not name and toks[j].lower() in rules.TITLE_STEMS:
                gender = rules.TITLES.get(toks[j].lower())
            name.append(toks[j])
            j += 1
            if j < len(toks) and toks[j] == "." and toks[j - 1].lower() in rules.TITLE_STEMS:
                j += 1
        voice = _voice_after(toks, j) if name and _POSSESSIVE.search(name[-1]) else None
        if voice is not None:  # "Buck Mulligan's gay voice went on.": the voice is the one named
            return Subject("name", " ".join(name[:-1] + [_POSSESSIVE.sub("", name[-1])]), gender), voice
        if name and _POSSESSIVE.search(name[-1]):
            return None  # "Mrs Gildea's illuminative 'H'm!'": something of hers, not a name to add
        if name and not (len(name) == 1 and name[0].lower() in rules.TITLE_STEMS):
            return Subject("name", " ".join(name), gender), j
        if name and w[:1].isupper() and lw.rstrip(".") in rules.BARE_TITLES:
            # "exclaimed Mademoiselle", "said the Colonel" without "the": a title standing alone
            # for the one person on stage who bears it.
            return Subject("noun", w, gender), j
    return None


_POSSESSIVE = re.compile(r"['\u2019]s$")
#: Verbs a voice does rather than says with: after a quotation, "came Hagrid's voice" is a tag.
_VOICE_VERBS = frozenset({"came", "rang", "sounded"})


def _voice_after(toks: list[str], j: int) -> Optional[int]:
    """After a name in the possessive, the index past "voice" ("gay voice"), or None."""
    for v in range(j, min(j + 3, len(toks))):
        if toks[v] in ("voice", "tones"):
            return v + 1
        if not toks[v].islower():
            return None
    return None


def tag_after(narration: str, quote_end_char: str, names: frozenset = frozenset()) -> Optional[Subject]:
    """The speaker named by narration right after a quotation (``, said James.`` / ``he winced``).

    ``quote_end_char``: the last character inside the quotation; a comma or dash there means the
    sentence goes on into a tag, so any verb after a subject counts.
    """
    toks = words(narration[:160])
    k = 0
    while k < len(toks) and toks[k] in ",;:\u2014\u2026()":
        k += 1
    if k < len(toks) and toks[k] in SENTENCE_END:
        return None
    j = k
    while j < len(toks) and _is_adverb(toks[j]):
        j += 1
    m = _REPLY_OF.match(" ".join(toks[j:j + 6]))
    if m:  # "was Frank's reply"
        found = subject_at(words(m.group(1)), 0)
        return found[0] if found else None
    if j + 2 < len(toks) and toks[j] in _VOICE_VERBS and _POSSESSIVE.search(toks[j + 1]) \
            and _voice_after(toks, j + 2) is not None:
        found = subject_at(toks, j + 1, names)  # "came Hagrid's voice from down the beach"
        return found[0] if found and found[0].kind == "name" else None
    particle = 1 if j + 2 < len(toks) and toks[j + 1] in _PARTICLES else 0
    after = toks[j + 1 + particle] if j + 1 + particle < len(toks) else ""
    inverted = quote_end_char in ",\u2014-?!\u2026" and toks[j].islower() and after \
        and (toks[j].endswith("ed") or particle or toks[j] in rules.SPEECH_VERBS) \
        and (after[:1].isupper() or after in ("he", "she", "I"))
    if j < len(toks) and (is_verb(toks[j]) or inverted) and toks[j].islower():
        verb = toks[j]
        j += 1
        if j < len(toks) and toks[j] in _PARTICLES:
            j += 1
        while j < len(toks) and _is_adverb(toks[j]):
            j += 1
        if j < len(toks) and toks[j] == ",":
            # "interposed, more softly, a young wife": a manner set off by commas, then the subject
            close = next((m for m in range(j + 1, min(j + 6, len(toks))) if toks[m] == ","), None)
            if close is not None and all(t.islower() for t in toks[j + 1:close]):
                j = close + 1
        found = subject_at(toks, j, names)
        if found:
            found[0].verb = verb
            found[0].besides = _rest_of_clause(toks, found[1])
            return found[0]
        return None
    found = subject_at(toks, k, names)
    if not found:
        return None
    subject, j = found
    if j < len(toks) and toks[j] in rules.HEARING_VERBS:
        return _heard(toks, j + 1, names)
    if subject.kind == "name" and k < len(toks) and toks[k][:1].isupper() and quote_end_char in ".":
        # "Hello." James left. -- a new sentence about James is a beat, not a tag.
        pass
    for m in range(j, min(j + 3, len(toks))):
        if is_verb(toks[m]) and toks[m].islower():
            subject.verb = toks[m]
            subject.besides = _rest_of_clause(toks, m + 1)
            return subject
        if m + 1 < len(toks) and (toks[m], toks[m + 1]) in rules.SPEECH_PHRASES:
            return subject  # "Oakley broke in impetuously"
        if not (_is_adverb(toks[m]) or toks[m] in ("then", "finally", "again", "still", "also")):
            break
    continues = quote_end_char in ",\u2014-" or (quote_end_char in "?!\u2026" and toks[k][:1].islower())
    if continues and j < len(toks) and toks[j].islower() and toks[j] not in _NOUN_DETERMINERS:
        if quote_end_char in "\u2014-" and subject.kind == "noun" and subject.words.split()[0].lower() in ("a", "an") \
                and toks[j] not in rules.SPEECH_VERBS:
            return None  # '"I'm--" A wave slapped the boat': something new breaks in, it does not speak
        return subject
    return None


#: A listener's pronoun after a tag's verb, and the gender it says ("she asked him").
OBJECT_PRONOUNS = {"him": "male", "her": "female"}


def _heard(toks: list[str], k: int, names: frozenset) -> Optional[Subject]:
    """The one heard speaking in a tag that names a listener ("he heard her tell a room full of
    women", "she heard one voice say"): her, or the one named; None when it says nobody."""
    speaking = next((i for i in range(k + 1, min(k + 5, len(toks))) if toks[i] in rules.HEARD_SPEAKING), None)
    if speaking is None:
        return None
    if toks[k] in OBJECT_PRONOUNS and speaking == k + 1:
        return Subject("pronoun", "he" if toks[k] == "him" else "she", OBJECT_PRONOUNS[toks[k]], toks[speaking])
    found = subject_at(toks, k, names)
    if found is None or found[1] != speaking:
        return None
    found[0].verb = toks[speaking]
    return found[0]


def _clause_opening(toks: list[str]) -> bool:
    """Whether a subject after ``toks`` opens its clause ("...; whereupon", "Presently,")."""
    cut = max((i for i, t in enumerate(toks) if t in (";", ",", "\u2014")), default=-1)
    return all(t.lower() in rules.SENTENCE_OPENERS or t.lower() == "whereupon" for t in toks[cut + 1:])


def tag_before(narration: str, names: frozenset = frozenset()) -> Optional[Subject]:
    """The speaker named by narration right before a quotation (``James said:`` / ``said Lily,``)."""
    tail = narration[-160:].rstrip()
    if re.search(r"\w--$", tail):  # "and said at once--": a dash typed as two hyphens
        tail = tail[:-2] + "\u2014"
    elif re.search(r"[:,;](?:--|\u2014)$", tail):  # "said sternly:--": the dash only leads the eye on
        tail = tail.rstrip("-\u2014")
    if not tail or tail[-1] not in ",:.\u2014":
        return None
    toks = words(tail)
    closed = tail[-1] == "."
    if closed:  # "whereupon Mrs. Griffin spoke." / "Ann answered.": a sentence that is a tag alone
        toks = toks[:-1]
        if not toks or not (is_verb(toks[-1]) and toks[-1].islower()):
            return None
    cut = max((i for i, t in enumerate(toks) if t in SENTENCE_END
               and not (t == "." and i and toks[i - 1].lower() in rules.TITLE_STEMS
                        and toks[i - 1][:1].isupper())), default=-1)  # "Mrs. Griffin", not "the doctor. He"
    toks = toks[cut + 1:]
    while toks and toks[-1] in (",", ":", "\u2014", "--"):
        toks.pop()
    if not toks:
        return None
    for i, t in enumerate(toks):
        if is_verb(t) and (t.islower() or i == 0) and i >= len(toks) - 4:  # "Said she:"
            if closed and i != len(toks) - 1:
                continue
            before = _subject_before(toks, i, closed, names)
            found = subject_at(toks, i + 1, names)
            if found and found[1] >= len(toks) - 1 and not closed and before is None:
                found[0].verb = t
                return found[0]
            if before is not None:  # "she told Tom,": the one after the verb is told
                before.verb, before.alone = t, closed
                return before
    late = _and_said(toks, names)
    if late is not None:
        return late
    if tail[-1] == ":" and any(is_verb(t) and t.islower() for t in toks):
        # "She lifted up her voice at an angle calculated for distance and shouted:"
        subject = sentence_subject(" ".join(toks))
        if subject is not None and subject.kind in ("name", "pronoun"):
            subject.verb = next(t for t in toks if is_verb(t) and t.islower())
            return subject
    return None


def _subject_before(toks: list[str], i: int, closed: bool, names: frozenset) -> Optional[Subject]:
    """The subject of the verb at ``i`` written before it ("Ann answered", "she told Tom")."""
    for s in range(max(0, i - 4), i):
        if closed and not _clause_opening(toks[:s]):
            continue  # "It was what he said.": no tag
        if s and (_acted_on(toks[s - 1]) or toks[s - 1].rstrip(".").lower() in rules.TITLE_STEMS
                  or (toks[s - 1] == "." and s > 1 and toks[s - 2].lower() in rules.TITLE_STEMS)):
            continue  # "He turned to Holmes and said:": Holmes is spoken to; "Mrs. Griffin" is one name
        found = subject_at(toks, s, names)
        if found and found[1] <= i and all(
                _is_adverb(x) or x in rules.AUXILIARIES or (_is_past(x) and found[0].kind != "noun")
                for x in toks[found[1]:i]):
            return found[0]
    return None


def _and_said(toks: list[str], names: frozenset = frozenset()) -> Optional[Subject]:
    """The subject of a clause that ends "... and said" right before a quotation, with other
    verbs between them ("Eliza just put her head in at the door, and said at once--")."""
    verb = next((i for i in range(len(toks) - 1, max(0, len(toks) - 5), -1)
                 if is_verb(toks[i]) and toks[i].islower() and toks[i - 1] == "and"), None)
    if verb is None or not all(t == "," or t.islower() for t in toks[verb + 1:]):
        return None
    start = max((i for i, t in enumerate(toks[:verb]) if t in (";", ":", "\u2014", "--")), default=-1) + 1
    while start < verb and toks[start].lower() in rules.SENTENCE_OPENERS:
        start += 1
    if start + 1 < verb and toks[start + 1] == "," and toks[start].endswith(("ed", "ing")):
        start += 2  # "Halted, he peered down the stairs and called out:": a participle, then the subject
    found = subject_at(toks, start, names)
    if found is None or found[0].kind not in ("name", "pronoun"):
        return None
    found[0].verb = toks[verb]
    found[0].besides = _others(toks[found[1]:verb])
    return found[0]


#: Words that may open a clause with a subject of its own ("she murmured, and then Jane said").
_CLAUSE_JOINS = frozenset({"and", "but", "then", "while", ";", ":", "\u2014", "--"})


def _rest_of_clause(toks: list[str], k: int) -> tuple:
    """Who else the rest of a tag's clause names ("cried the old woman, before Eleanor was
    through the gate", "said he, turning to Watson"): none of them is its subject."""
    end = next((i for i in range(k, len(toks)) if toks[i] in SENTENCE_END or toks[i] in _CLAUSE_JOINS), len(toks))
    return _others(toks[k:end])


def _others(toks: list[str]) -> tuple:
    """The capitalised words in the middle of a clause, bar titles: who else it names."""
    return tuple(t for t in toks if t[:1].isupper() and t != "I" and t.rstrip(".").lower() not in rules.TITLE_STEMS)


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})


def sentence_subject(narration: str, names: frozenset = frozenset()) -> Optional[Subject]:
    """The subject opening the first sentence of some narration (``Lily opened the door.``);
    ``names`` as for ``subject_at``."""
    toks = words(narration[:200])
    k = 0
    while k < len(toks) and not toks[k][:1].isalpha():
        k += 1
    if k + 2 < len(toks) and toks[k].lower() == "it" and toks[k + 1] in ("was", "is"):
        # "It was Ron who broke the silence.", "It was their daughter who answered him."
        found = subject_at(toks, k + 2, names)
        if found and found[0].kind == "name" and found[1] < len(toks) and toks[found[1]] == "who":
            return found[0]
    opened = k + 1 < len(toks) and toks[k].lower() in rules.SENTENCE_OPENERS
    if opened:
        k += 2 if toks[k + 1] == "," else 1  # "Then Holmes rose.", "Presently, the doctor came back."
    found = subject_at(toks, k, names)
    if not found or opened and found[0].kind == "pronoun":
        return None  # "Then he added:" is a tag's to read
    subject, j = found
    if subject.kind == "name" and j < len(toks) and toks[j] in _SUBJECT_PRONOUNS:
        return None  # "Finally she went down on her knees": an adverb opens it, the pronoun is the subject
    if j < len(toks) and toks[j][:1].islower() and toks[j] not in _NOUN_DETERMINERS:
        return subject
    if subject.kind == "noun" and j + 1 < len(toks) and toks[j] == "," and toks[j + 1].islower():
        return subject  # "A maid, alarmed at the din, entered the room."
    return None


def clause_subject(narration: str) -> Optional[Subject]:
    """The subject of a clause opening a sentence of narration with "as", "when", "while" ...
    ("As the doctor crossed the room he paused"): often the one the he/she after it means."""
    m = re.match(r"\W*(\w+)\s+(.*)", narration[:200], re.S)
    if m is None or m.group(1).lower() not in rules.CLAUSE_OPENERS:
        return None
    subject = sentence_subject(m.group(2))
    return subject if subject is not None and subject.kind != "pronoun" else None


def is_inline_tag(narration: str, quote_end_char: str) -> bool:
    """Whether ``narration`` opens with a speech tag proper ("he said sternly", "cried Lily"): a
    subject and a speech verb within its first words. Stricter than ``tag_after``, for telling a
    tag from more speech where no quote mark closes the speech."""
    toks = words(narration[:80])[:5]
    if not any(is_verb(t) and t.islower() for t in toks[:4]) and not any(
            (a, b) in rules.SPEECH_PHRASES for a, b in zip(toks, toks[1:])):
        return False
    subject = tag_after(narration, quote_end_char)
    return subject is not None and subject.kind in ("pronoun", "name", "noun")
