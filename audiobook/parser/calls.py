"""Who a quotation calls by name: "James, meet your son", "Come here, Lily!", "my dear
Watson", and the common words that stand where a listener's name would ("I don't know, aunt.");
and who a tag says is spoken to ("she asked him", "he said to Oak")."""
from __future__ import annotations

import functools
import re
from typing import Callable, Iterator, Optional

from audiobook.parser import rules, subjects, tags


_NAME = r"((?:(?:Mr|Mrs|Miss|Ms|Dr)\.?\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)"
_VOCATIVE = re.compile("|".join([
    # "And Philippa--", "Now, Harry, ...": not "And Sir Ambrose?", which asks after him (first, or
    # "And Philippa" would be read as one name)
    r"^\s*(?:And|But|Now|Well|Then|So),?\s+" + _NAME + r"\s*(?=,|--|\u2014)",
    r"^\s*" + _NAME + r"\s*(?=[,!?.\u2026\u2014]|--)",              # "James, meet your son", "Watson--"
    r",\s*" + _NAME + r"\s*(?=[.!?\u2026\u2014;]|--|,?\s*$)",       # "Come here, Lily!"
    r"\b(?:[Dd]ear|[Oo]h|O)\s+" + _NAME,                              # "my dear Watson"
    # "You must be Mr. Lacey", "Are you Captain America?", "You'll be Alice": the one spoken to, named.
    r"\b(?:[Yy]ou must be|[Yy]ou are|[Aa]re you|[Aa]ren['\u2019]t you|[Yy]ou['\u2019]re|[Yy]ou['\u2019]ll be)\s+"
    r"((?:(?:Mr|Mrs|Miss|Ms|Dr)\.?\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?![\w'\u2019]|\s+[A-Z])",
]))
_VOCATIVE_MID = re.compile(r"(?:^|[,;:])([^,;:.!?]{1,80}),\s*" + _NAME + r"\s*,")  # "Pardon me, Frank, for..."
_APPOSITION = re.compile(r"^(?:his|her|my|our|their|your|the|a|an|this|that)\b", re.I)
#: "the loss of my boy, Harvey.": a name after someone's relation or companion ends an apposition,
#: it calls no one.
_RELATION_BEFORE = re.compile(r"\b(?:my|his|her|our|their|your)\s+(?:[a-z]+\s+)?(?:%s)\s*$" % "|".join(
    sorted(set(rules.KINSHIP_NOUNS) | rules.RELATIONAL_NOUNS | rules.PERSON_NOUNS, key=len, reverse=True)))
#: What one calls a listener whose name one does not use: a name right before it ("Pip, sir.")
#: is the speaker's own, or someone spoken of, not a second call.
_POLITE_CALL = re.compile(r"\s*,\s*(?:sir|ma'am|ma\u2019am|madam|miss|mum|my lord|my lady|your honou?r)\b")


def plain_titles(quote: str) -> str:
    """``quote`` with the full stop after a title dropped ("Mr. Holmes" as "Mr Holmes"), as
    ``vocatives`` gives the names it finds."""
    return re.sub(r"\b(Mr|Mrs|Ms|Dr|St)\.\s+", r"\1 ", quote)


#: Words quoted within a speech, opening it or after a colon or comma ("He said, 'As churchwarden,
#: Mrs. Fennimore, I ...'", "'NOTICE. ... By order, R. Thorold, Tenant.'"): who those words
#: call, the speaker does not. (An apostrophe between letters is no quotation mark.)
_QUOTED_WITHIN = re.compile(r"(?:^|(?<=[:,]\s))['\u2018][A-Z](?:[^'\u2018\u2019]|(?<=\w)['\u2019](?=\w))*?"
                            r"[.!?,\u2014-]['\u2019](?=\s|$)")


@functools.lru_cache(maxsize=8192)
def vocatives(quote: str) -> tuple[str, ...]:
    """Names the quotation addresses (``James, meet your son`` / ``Come here, Lily!``). Kept
    per quotation: every paragraph asks again of the one before."""
    found, polite = [], set()
    quote = _QUOTED_WITHIN.sub(" ", plain_titles(quote))
    for sentence in re.split(r"(?<=[.!?])\s+", quote):
        names = []
        for m in _VOCATIVE_MID.finditer(sentence):
            # "His boy, Joe, shaved me", "instructed by our client, Mr. Thorold, to say": a name in
            # apposition, not a call.
            if not _APPOSITION.match(m.group(1).strip()) and not _RELATION_BEFORE.search(m.group(1)):
                names.append(m.group(2))
        for m in _VOCATIVE.finditer(sentence):
            name = next(g for g in m.groups() if g)
            if sentence[m.start()] == "," and _RELATION_BEFORE.search(sentence, 0, m.start()):
                continue
            if _POLITE_CALL.match(sentence, m.end()):
                polite.add(name)
            elif name not in names:  # "Now, Harry, listen.": one call, found twice
                names.append(name)
        for name in names:
            first = name.split()[0]
            if first not in rules.NOT_NAMES or first.lower() in rules.TITLE_STEMS:
                found.append(name)
    return tuple(name for name in found if name not in polite)  # "Pip. Pip, sir.": the same name


def called_with_words(speech: str, names, set_off: bool = False) -> bool:
    """Whether ``speech`` calls one of ``names`` in a sentence of more than the name and a
    greeting ("Fred, if that spoon is anywhere near your pocket", not "Hullo, Wilson!"); with
    ``set_off``, only a name a comma sets off from the sentence ("Sit down, Lucretia, and ...",
    not "Neil did this?")."""
    forms = [re.escape(plain_titles(n)) for n in names]
    patterns = [rf",\s*{n}\b|\b{n}\s*," if set_off else rf"\b{n}\b" for n in forms]
    for sentence in re.split(r"(?<=[.!?])\s+", plain_titles(speech)):
        words = re.findall(r"[\w'\u2019-]+", sentence)
        if len(words) > 2 and any(re.search(pattern, sentence) for pattern in patterns):
            return True
    return False


_LOWER_CALL = re.compile(r"(?:^|,)\s*([a-z]+)\s*(?=[,!?.;\u2014]|$)")


@functools.lru_cache(maxsize=8192)
def lower_calls(quote: str) -> tuple[str, ...]:
    """Common words a quotation calls out where a listener's name would stand ("I don't know,
    aunt.", "How much, gentlemen, for this?"): a voices.yaml may list someone so."""
    return tuple(m.group(1) for sentence in re.split(r"(?<=[.!?])\s+", quote.strip(" '\"\u2018\u201c"))
                 for m in _LOWER_CALL.finditer(sentence))


def whole_speeches(quotes: list[str], tags_between: list[str], is_person: Callable[[str], bool]) -> list[str]:
    """A paragraph's quotations as the speeches they make, one per quotation: a person's name
    (``is_person``) that a tag ending in a comma (``tags_between[i]``, the narration after quotation
    i) cuts off from a new clause goes with it: '"Eleanor," said she, "I wish..."' is one speech
    to Eleanor, not a name called out alone as "Victor!" is. Not '"Gorringe," he answered, "has
    never thanked me"', where the name is the subject."""
    out = list(quotes)
    for i in range(len(out) - 2, -1, -1):
        names = vocatives(out[i])
        if out[i].rstrip().endswith(",") and tags_between[i].rstrip().endswith(",") \
                and _new_clause(out[i + 1]) and names and all(map(is_person, names)) \
                and not called_names(out[i]):
            out[i] = out[i + 1] = out[i].rstrip() + " " + out[i + 1].lstrip()
    return out


#: Lower-case words that open a clause of their own after a tag: '"Mulcahy," said the master,
#: "we are to have a guest."' goes on speaking to Mulcahy; "has never thanked me" is his predicate.
CLAUSE_OPENERS = frozenset({"we", "you", "they", "he", "she", "it", "there", "let", "please", "if", "what",
                            "how", "why", "where", "when", "come", "i"})


def _new_clause(quote: str) -> bool:
    first = quote.lstrip(" '\u2018\u201c\"")
    return first[:1].isupper() or first.split(" ", 1)[0].rstrip(",").lower() in CLAUSE_OPENERS


def called_names(quote: str) -> list[str]:
    """The names a quotation calls out where only a listener's name stands: opening it
    ("Uncle, you look ill") or closing a sentence or the quotation ("Feel pretty sick, Thea?",
    "It's time, Fergus," said I), with other words besides."""
    names = vocatives(quote)
    quote = plain_titles(quote)
    rest = quote
    for name in names:
        rest = rest.replace(name, " ")
    if not re.search(r"[^\W\d_]", rest):
        return []
    return [n for n in names if quote.lstrip(" '\u2018\u201c\"").startswith(n)
            or re.search(re.escape(n) + r"(?:\s*[?!.]|[,;:]?\W*$)", quote)]


def _answers(text: str, units, asks: Callable[[list], bool]) -> Iterator[tuple[list, Optional[str]]]:
    """Each paragraph's quotations, with the name its first opens with when the paragraph of
    talk before asked something ``asks`` (a function of that paragraph's quotations) says."""
    asked = False
    for unit in units:
        if unit.para.kind in ("chapter", "break"):
            asked = False
        quotes = [p for p in unit.pieces if p.kind == "dialogue"]
        if not quotes:
            continue
        m = rules.NAME_ANSWER.match(text, quotes[0].inner_start, quotes[0].inner_end) if asked else None
        yield quotes, plain_titles(m.group("name")) if m and not rules.FIRST_PERSON.match(m.group("name")) else None
        asked = asks(quotes)


def name_answers(text: str, units) -> dict[int, str]:
    """Ids of the speeches (``Piece``) opening with a name right after a speech that asks one
    ("What name?" / "Greyson, office on second floor."), or given alone and then in full, and
    that name: the speaker's own, which calls nobody."""
    found: dict[int, str] = {}

    def asks(quotes: list) -> bool:
        return any(rules.NAME_QUESTION.search(text, q.inner_start, q.inner_end) for q in quotes)

    for quotes, name in _answers(text, units, asks):
        if name is not None:
            found[id(quotes[0])] = name
        if len(quotes) > 1 and id(quotes[0]) not in found:
            # '"Mrs. Ure," she said. "Janet Ure. Ye'll hae the port cabin"': a name alone, then in
            # full, is the speaker giving it, as after "What name?".
            alone = text[quotes[0].inner_start:quotes[0].inner_end].strip(" ,.")
            full = rules.INTRODUCTION_IN_FULL.match(text, quotes[1].inner_start, quotes[1].inner_end)
            if full and _NAME_ALONE.fullmatch(alone) and alone.split()[-1] == full.group("name").split()[-1] \
                    and alone != full.group("name"):
                found[id(quotes[0])] = plain_titles(alone)
                found[id(quotes[1])] = plain_titles(full.group("name"))  # no call either
    return found


def who_answers(text: str, units) -> dict[int, str]:
    """Ids of the speeches opening with a name right after a speech that asks after someone
    ("Who is judging the cakes?" / "Mr. Quarles."), and that name: one talked about, not called."""
    def asks(quotes: list) -> bool:
        return bool(rules.WHO_QUESTION.match(text, quotes[-1].inner_start, quotes[-1].inner_end))

    return {id(quotes[0]): name for quotes, name in _answers(text, units, asks) if name is not None}


#: A quotation that is a name and nothing else ("Mrs. Ure", "Ferrier").
_NAME_ALONE = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][a-z][\w'\u2019-]*")


def tag_listener(narration: str) -> Optional[str]:
    """The gender of the one a tag says is spoken to (``she asked him``, ``he said to her``)."""
    toks = subjects.words(narration[:80])
    for i, t in enumerate(toks[:5]):
        if t in tags.SENTENCE_END or (t in ",;:" and i):
            return None
        if subjects.is_verb(t) and t.islower():
            rest = toks[i + 1:i + 3]
            if rest[:1] == ["to"]:
                rest = rest[1:]
            if rest and rest[0] in tags.OBJECT_PRONOUNS and (
                    len(rest) < 2 or not rest[1].islower() or rest[1] in rules.PHRASE_STOPS):
                return tags.OBJECT_PRONOUNS[rest[0]]
            return None
    return None


#: A tag naming the one spoken to: "he said to Oak", "said Mr. Hackett to Gerald".
_ADDRESSEE = re.compile(r"^\W*(?:[a-z]+\s+){1,3}?(?:(?:(?:Mr|Mrs|Miss|Ms|Dr)\.?\s+)?[A-Z][\w'\u2019-]+\s+){0,2}?"
                        r"to\s+((?:(?:Mr|Mrs|Miss|Ms|Dr)\.?\s+)?[A-Z][\w'\u2019-]+)")


def tag_addressee(narration: str) -> Optional[str]:
    """The name a tag after a quotation says is spoken to (``he said to Oak``), if any."""
    m = _ADDRESSEE.match(narration[:80])
    if m is None or not any(subjects.is_verb(w) for w in m.group(0).split()[:-2]):
        return None
    return m.group(1)
