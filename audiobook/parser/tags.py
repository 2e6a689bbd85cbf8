"""Speech tags: the few words next to a quotation that say who speaks it ("said James", "she sobbed")."""
from __future__ import annotations

import re
from typing import Optional

from audiobook.parser import rules
from audiobook.parser.subjects import (NOUN_DETERMINERS, POSSESSIVE, VOICE_VERBS, Subject, is_adverb,
                                       is_verb, sentence_subject, subject_at, voice_after, words)

SENTENCE_END = {".", "!", "?"}
_PARTICLES = {"out", "up", "in", "on", "back", "forth"}
#: "was Frank's reply", "came the doctor's answer"
_REPLY_OF = re.compile(r"^(?:was|came)\s+((?:the\s+)?[\w.' ]+?)['\u2019]s?\s+(?:[a-z]+\s+)?(?:reply|answer|question|response|"
                       r"retort|rejoinder|comment|greeting|remark|cry|exclamation)\b")


def _is_past(w: str) -> bool:
    """A verb in the past tense, or "and" between two ("she bowed and said")."""
    return w == "and" or w in rules.COMMON_PAST_VERBS or (w.islower() and w.endswith("ed") and len(w) > 3)


def _acted_on(before: str) -> bool:
    """Whether a word right before a name makes the name an object, not a subject: a preposition
    ("turned to Holmes") or a verb in the past tense ("beckoned Kronborg")."""
    return before in rules.OBJECT_LEAD_INS or (before != "and" and before.islower() and _is_past(before))


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
    while j < len(toks) and is_adverb(toks[j]):
        j += 1
    m = _REPLY_OF.match(" ".join(toks[j:j + 6]))
    if m:  # "was Frank's reply"
        found = subject_at(words(m.group(1)), 0)
        return found[0] if found else None
    if j + 2 < len(toks) and toks[j] in VOICE_VERBS:
        # "came Hagrid's voice from down the beach", "came Hank Morrow's slow voice", "came the
        # slow voice of Hank Morrow": the owner of the voice speaks
        owner = next((m for m in range(j + 1, min(j + 4, len(toks)))
                      if not toks[m][:1].isupper() or POSSESSIVE.search(toks[m])), None)
        if owner is not None and POSSESSIVE.search(toks[owner]) and voice_after(toks, owner + 1) is not None \
                or toks[j + 1].lower() in ("the", "a") and "voice" in toks[j + 2:j + 5] and "of" in toks[j + 3:j + 6]:
            found = subject_at(toks, j + 1, names)
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
        while j < len(toks) and is_adverb(toks[j]):
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
        if not (is_adverb(toks[m]) or toks[m] in ("then", "finally", "again", "still", "also")):
            break
    continues = quote_end_char in ",\u2014-" or (quote_end_char in "?!\u2026" and toks[k][:1].islower())
    if continues and j < len(toks) and toks[j].islower() and toks[j] not in NOUN_DETERMINERS:
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
    found = _tag_in(toks, tail, closed, names)
    shorter = _without_manner(toks)
    if found is None and shorter != toks:
        # '... Then the widow said, in the voice she kept for bad news,': the tag without its
        # manner; a he/she there is the sentence's own ("Then he added, with a yawn:")
        found = _tag_in(shorter, tail, closed, names)
        if found is not None and found.kind == "pronoun":
            found = None
    return found


def _tag_in(toks: list[str], tail: str, closed: bool, names: frozenset) -> Optional[Subject]:
    """``tag_before`` on the words of the tag's sentence."""
    hearing = next((h for h in range(max(0, len(toks) - 6), len(toks)) if toks[h] in rules.HEARING_VERBS), None)
    if hearing is not None and not closed:
        # "And Kitty ... heard her grandfather say at her elbow in a low voice:": the one heard
        heard = _heard(toks, hearing + 1, names)
        if heard is not None:
            return heard
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
    if tail[-1] == ":":
        # "She lifted up her voice at an angle calculated for distance and shouted:"; "The preacher
        # bent over the board, and read it out in the voice he kept for Scripture:": the one who
        # reads out a letter or a sign, a noun too, is the one the next quotation is spoken by.
        said = next((t for t in toks if is_verb(t) and t.islower()), None)
        read = next((t for t in toks if t in rules.READING_VERBS), None)
        subject = sentence_subject(" ".join(toks)) if said or read else None
        if subject is not None and (subject.kind in ("name", "pronoun") or read and subject.kind == "noun"):
            subject.verb = said or read
            return subject
    return None


#: Words that open how something is said, after the verb of a tag ("said, in the voice she kept
#: for bad news,", "said at her elbow in a low voice:").
_MANNER_OPENERS = frozenset({"in", "with", "at", "under", "without", "half", "very", "quite", "rather", "through"})
_MANNER_MAX = 12


def _without_manner(toks: list[str]) -> list[str]:
    """A tag's words without how it says its line, when that runs past the verb's last few
    words: '... Then the widow said, in the voice she kept for bad news,' ends at "said"."""
    verbs = [i for i, t in enumerate(toks) if is_verb(t) and t.islower()]
    if not verbs or verbs[-1] >= len(toks) - 4:
        return toks
    v = verbs[-1]
    k = v + 1 + (toks[v + 1] == "," if v + 1 < len(toks) else 0)
    if k < len(toks) and toks[k] in _MANNER_OPENERS and len(toks) - k <= _MANNER_MAX \
            and not any(t in SENTENCE_END or t[:1].isupper() for t in toks[k:]):
        return toks[:v + 1]
    return toks


def _subject_before(toks: list[str], i: int, closed: bool, names: frozenset) -> Optional[Subject]:
    """The subject of the verb at ``i`` written before it ("Ann answered", "she told Tom")."""
    for s in range(max(0, i - 4), i):
        if closed and not _clause_opening(toks[:s]):
            continue  # "It was what he said.": no tag
        if s and (_acted_on(toks[s - 1]) or toks[s - 1].rstrip(".").lower() in rules.TITLE_STEMS
                  or (toks[s - 1] == "." and s > 1 and toks[s - 2].lower() in rules.TITLE_STEMS)):
            continue  # "He turned to Holmes and said:": Holmes is spoken to; "Mrs. Griffin" is one name
        if s and toks[s - 1].lower() in ("as", "like") and toks[s].lower() in ("a", "an", "one", "any"):
            continue  # "half under her breath, as a child says over a lesson:": a likeness, no speaker
        found = subject_at(toks, s, names)
        if found and found[1] <= i and all(
                is_adverb(x) or x in rules.AUXILIARIES or (_is_past(x) and found[0].kind != "noun")
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
