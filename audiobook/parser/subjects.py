"""Who a stretch of narration names as its subject: a name, a pronoun or a noun phrase ("Lily
opened the door", "said the old man", "Holmes's voice broke in"), for speech tags and for the
narration around the talk."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from audiobook.model import NONBINARY
from audiobook.parser import rules

_WORD = re.compile(rules.READER_NAME + r"|[^\W\d_](?:[\w'\u2019]|-(?!-))*|--|[,;:.!?\u2014\u2026()]")
NOUN_DETERMINERS = {"the", "my", "his", "her", "our", "their", "your", "a", "an", "another", "this", "that", "its"}


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


def is_adverb(w: str) -> bool:
    return w.islower() and w.endswith("ly") and len(w) > 3


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
                and toks[j] not in rules.PHRASE_STOPS and not is_adverb(toks[j]):
            j += 1
        if j > k + 3:
            return Subject("noun", " ".join(toks[k:j])), j
    if w in ("one", "another") and (k + 1 == len(toks) or not toks[k + 1][:1].isalnum()):
        # "said one, a mulatto", "said another.": one of a group, named by nothing else
        return Subject("noun", lw), k + 1
    abbreviated = k + 2 < len(toks) and toks[k + 2] == "." and toks[k + 1].lower() in rules.ABBREVIATED_TITLES
    after_title = k + 3 if abbreviated else k + 2
    if lw == "the" and after_title < len(toks) and toks[k + 1][:1].isupper() \
            and toks[k + 1].lower() in rules.TITLE_STEMS and toks[after_title][:1].isupper():
        return subject_at(toks, k + 1, names)  # "the Reverend Amos Pettibone": the name with its title
    if lw in NOUN_DETERMINERS:
        j = k + 1
        phrase = [w]
        while j < len(toks) and j - k <= 3 and toks[j].islower() and not is_verb(toks[j]) \
                and toks[j] not in rules.PHRASE_STOPS and toks[j] not in rules.SUBJECT_PRONOUNS \
                and (not is_adverb(toks[j]) or j == k + 1) and toks[j] not in rules.NOT_NOUNS \
                and toks[j] not in NOUN_DETERMINERS and toks[j] not in rules.COMMON_PAST_VERBS \
                and not (len(phrase) > 1 and toks[j].endswith("ed")):  # "the doctor crossed the room"
            phrase.append(toks[j])
            j += 1
        if j < len(toks) and toks[j][:1].isupper() and lw in ("the", "my", "his", "her") and toks[j][1:].islower() \
                and (toks[j] not in rules.NOT_NAMES or toks[j] in rules.PEOPLE_NOUNS):
            if len(phrase) > 1 and toks[j] not in rules.PEOPLE_NOUNS:
                return subject_at(toks, j, names)  # "her brother Hugh": Hugh
            # A role written with a capital: "the Hatter", "the General", "my Lady", "the big Swede".
            phrase.append(toks[j])
            j += 1
        if len(phrase) > 1 and phrase[-1].lower() in rules.NOT_SPEAKER_NOUNS:
            if j + 1 < len(toks) and toks[j] == "of" and toks[j + 1] != "the":
                return subject_at(toks, j + 1, names)  # "cried the voice of John Reed"
            owner = next((m for m in range(len(phrase) - 2, 0, -1) if POSSESSIVE.search(phrase[m])), None)
            if owner is None:
                return None  # "said a voice": says nothing of who
            # "called a girl's voice", "interrupted his mother's voice": the one whose voice it is
            phrase = phrase[:owner] + [POSSESSIVE.sub("", phrase[owner])]
        if len(phrase) > 1:
            gender = None
            for w in phrase[1:]:
                gender = rules.NOUN_GENDER.get(w.lower(), gender)
            if phrase[-1] in rules.PEOPLE_NOUNS and phrase[-1].endswith(("man", "woman")):
                gender = "female" if phrase[-1].endswith("woman") else "male"  # the Irishman, the Englishwoman
            subject = Subject("noun", " ".join(phrase), gender)
            if lw in ("a", "an", "another", "the") and j + 1 < len(toks) and toks[j] in ("of", "in", "with", "from", "at"):
                # "a man in the crowd", "a dame of fifty": how the text calls someone new; "the
                # woman in grey", as a cast list may name her
                end = j + 1
                while end < len(toks) and end - j <= 3 and toks[end][:1].isalnum() and not is_verb(toks[end]):
                    end += 1
                subject.full = " ".join(toks[k:end])
            return subject, j
        return None
    if w[:1].isupper() and lw in rules.KIN_NAMES and not (k + 1 < len(toks) and toks[k + 1][:1].isupper()):
        return Subject("name", w, rules.KIN_NAMES[lw]), k + 1  # "Uncle said": the family's name for him
    voice = voice_after(toks, k + 1) if w[:1].isupper() and POSSESSIVE.search(w) else None
    if voice is not None and w not in rules.NOT_NAMES:
        return Subject("name", POSSESSIVE.sub("", w)), voice  # "Holmes's voice broke in."
    if w[:1].isupper() and re.search(r"['\u2019]s$", w) and k + 1 < len(toks) and toks[k + 1].islower() \
            and toks[k + 1] not in rules.PHRASE_STOPS and not is_verb(toks[k + 1]):
        # "Strether's new acquaintance pursued": someone's companion, not the one named.
        j = k + 1
        while j < len(toks) and j - k <= 3 and toks[j].islower() and not is_verb(toks[j]) \
                and not is_adverb(toks[j]) and toks[j] not in rules.PHRASE_STOPS:
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
        voice = voice_after(toks, j) if name and POSSESSIVE.search(name[-1]) else None
        if voice is not None:  # "Buck Mulligan's gay voice went on.": the voice is the one named
            return Subject("name", " ".join(name[:-1] + [POSSESSIVE.sub("", name[-1])]), gender), voice
        if name and POSSESSIVE.search(name[-1]):
            return None  # "Mrs Gildea's illuminative 'H'm!'": something of hers, not a name to add
        if name and not (len(name) == 1 and name[0].lower() in rules.TITLE_STEMS):
            return Subject("name", " ".join(name), gender), j
        if name and w[:1].isupper() and lw.rstrip(".") in rules.BARE_TITLES:
            # "exclaimed Mademoiselle", "said the Colonel" without "the": a title standing alone
            # for the one person on stage who bears it.
            return Subject("noun", w, gender), j
    return None


POSSESSIVE = re.compile(r"['\u2019]s$")
#: Verbs a voice does rather than says with: after a quotation, "came Hagrid's voice" is a tag.
VOICE_VERBS = frozenset({"came", "rang", "sounded"})


def voice_after(toks: list[str], j: int) -> Optional[int]:
    """After a name in the possessive, the index past "voice" ("gay voice"), or None."""
    for v in range(j, min(j + 3, len(toks))):
        if toks[v] in ("voice", "tones"):
            return v + 1
        if not toks[v].islower():
            return None
    return None


CLAUSE_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})


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
        if found and found[0].kind in ("name", "noun") and found[1] < len(toks) and toks[found[1]] == "who":
            return found[0]
    opened = k + 1 < len(toks) and toks[k].lower() in rules.SENTENCE_OPENERS
    if opened:
        k += 2 if toks[k + 1] == "," else 1  # "Then Holmes rose.", "Presently, the doctor came back."
    if not opened and k < len(toks) and toks[k].lower() in rules.FRONTED_PREPOSITIONS:
        return _after_phrase(toks, k, names)
    found = subject_at(toks, k, names)
    if not found or opened and found[0].kind == "pronoun":
        return None  # "Then he added:" is a tag's to read
    subject, j = found
    if subject.kind == "name" and j < len(toks) and toks[j] in CLAUSE_PRONOUNS:
        return None  # "Finally she went down on her knees": an adverb opens it, the pronoun is the subject
    if j < len(toks) and toks[j][:1].islower() and toks[j] not in NOUN_DETERMINERS:
        return subject
    if subject.kind == "noun" and j + 1 < len(toks) and toks[j] == "," and toks[j + 1].islower():
        return subject  # "A maid, alarmed at the din, entered the room."
    if j + 1 < len(toks) and toks[j] == "," and toks[j + 1] in ("who", "whose", "when", "while", "as", "though"):
        # "Dory, who had been studying his profile, took her courage in both hands.";
        # "Quarrender's voice, when he spoke, was very quiet."
        return subject
    return None


def _after_phrase(toks: list[str], k: int, names: frozenset) -> Optional[Subject]:
    """The name doing something after a phrase that opens the sentence ("At that moment Ruth
    came in"): the phrase is lowercase words, a comma may close it, and the name is followed by a
    verb. None for anything else ("In Paris ...", "At the door stood Mrs. Bolt")."""
    j = k + 1
    while j < len(toks) and j - k <= rules.FRONTED_PHRASE_WORDS and toks[j].isalpha() and toks[j].islower():
        j += 1
    if j == k + 1 or j - k > rules.FRONTED_PHRASE_WORDS:
        return None
    if j < len(toks) and toks[j] == ",":
        j += 1
    found = subject_at(toks, j, names)
    if found is None or found[0].kind != "name":
        return None
    subject, after = found
    if after < len(toks) and toks[after].islower() and toks[after] not in NOUN_DETERMINERS \
            and toks[after] not in CLAUSE_PRONOUNS:
        return subject
    return None


def clause_subject(narration: str) -> Optional[Subject]:
    """The subject of a clause opening a sentence of narration with "as", "when", "while" ...
    ("As the doctor crossed the room he paused"): often the one the he/she after it means."""
    m = re.match(r"\W*(\w+)\s+(.*)", narration[:200], re.S)
    if m is None or m.group(1).lower() not in rules.CLAUSE_OPENERS:
        return None
    subject = sentence_subject(m.group(2))
    return subject if subject is not None and subject.kind != "pronoun" else None
