"""One person, many names; one name, two people: a pass over the cast after it is found.

- A parent called "Mr. Vance" or "Mrs. Okoro" is not the child called "Jon" or "Priya" who
  shares the surname, when the text shows them as two people (both acting in one paragraph of
  narration, or the child also called "Miss Okoro").
- Short and familiar forms of a given name (Jon, Jonny, Ros, Rosie, Mags, Cal) and initials
  (J, Ms. H) join the person whose full name they shorten, when only one person fits.
- A surname alone belongs to a person who bears it, not to a thing named after them
  ("the Vance Shipping Vances").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from audiobook.parser import rules
from audiobook.parser.characters import Person, Roster, Token, _norm
from audiobook.parser.names import _form_votes

_SENTENCE = re.compile(r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<=[.!?])\s+")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d\n]*[\"\u201d]")


def refine(text: str, tokens: list[Token], cast: Roster) -> None:
    """Split relatives out of one another and merge short forms and initials, in place."""
    def state() -> list:
        return [(id(p), dict(p.forms)) for p in cast.people]

    before = state()
    _drop_broken_titles(cast)
    _split_relatives(text, cast)
    if before != state():
        _recount(text, tokens, cast)  # the votes of a split-off parent leave the child
    middle = state()
    _merge_short_forms(text, cast)
    _merge_initials(text, cast)
    _claim_surnames(text, cast)
    if middle != state():
        _recount(text, tokens, cast)


# ----------------------------------------------------------------------------- helpers
def _title(form: str) -> Optional[str]:
    first = form.split()[0].rstrip(".").lower()
    return rules.TITLE_SAME.get(first, first) if first in rules.TITLES or first + "." in rules.TITLES else None


_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)?$")


def given_names(p: Person) -> set[str]:
    """The given names a person is called by: the first word of untitled forms (surname
    excluded), and the word after the title in a titled full name ("Lieutenant Benedict Osei")."""
    surnames = {f.split()[-1] for f in p.forms if len(f.split()) > 1}
    out = set()
    for f in p.forms:
        words = f.split()
        if _title(f) is not None:
            words = words[1:] if len(words) > 2 else []
        if words and _NAME_WORD.match(words[0]) and (len(words) > 1 or words[0] not in surnames):
            out.add(words[0])
    return out


def _surname(p: Person) -> Optional[str]:
    """The family name: the last word of its most frequent form of two words or more."""
    multi = sorted((f for f in p.forms if len(f.split()) > 1), key=lambda f: -p.forms[f])
    return multi[0].split()[-1] if multi else None


def _form_at(text: str, p: Person, start: int) -> Optional[str]:
    fits = [f for f in p.forms if text.startswith(f, start)]
    return max(fits, key=len) if fits else None


def _move(cast: Roster, text: str, form: str, src: Person, dst: Person) -> None:
    dst.forms[form] = dst.forms.get(form, 0) + src.forms.pop(form)
    dst.words |= set(w for w in form.split() if _title(w) is None)
    cast._by_form[_norm(form)] = dst
    title = _title(form)
    if title:
        raw = form.split()[0].rstrip(".")
        dst.titles.add(raw)
        dst.title_gender = dst.title_gender or rules.TITLES.get(raw.lower())
    for i, (at, who, quoted) in enumerate(cast.mentions):
        if who is src and text.startswith(form, at):
            cast.mentions[i] = (at, dst, quoted)


def _merge(cast: Roster, text: str, src: Person, dst: Person) -> None:
    for form in list(src.forms):
        _move(cast, text, form, src, dst)
    dst.tagged += src.tagged
    dst.addressed += src.addressed
    for key, who in cast._by_form.items():
        if who is src:
            cast._by_form[key] = dst
    cast.retire(src)


def _drop_broken_titles(cast: Roster) -> None:
    """A title word ending a sentence and the next sentence's first word ("Thirty-one hours,
    Captain. Give or take") are no name."""
    def broken(form: str) -> bool:
        first = form.split()[0]
        return first.endswith(".") and len(first) > 4 and first[:-1].lower() in rules.TITLES

    for p in [p for p in cast.people if p.forms and all(broken(f) for f in p.forms)]:
        cast.retire(p)
        for key in [k for k, who in cast._by_form.items() if who is p]:
            del cast._by_form[key]
        cast.mentions[:] = [m for m in cast.mentions if m[1] is not p]


# ----------------------------------------------------------------------------- relatives
def _acting(text: str, form: str, para: str) -> tuple[bool, set[int]]:
    """Whether ``form`` opens a sentence of the narration ``para`` (is its subject), and the
    numbers of the sentences that name it."""
    subject, where = False, set()
    for k, sentence in enumerate(_SENTENCE.split(para)):
        s = sentence.strip()
        m = re.search(r"(?<![\w.])" + re.escape(form) + r"\b", s)
        if m:
            where.add(k)
            if m.start() == 0 and re.match(r"\s+[a-z]", s[m.end():]):
                subject = True
    return subject, where


def _two_people(text: str, titled: str, given: set[str]) -> bool:
    """Some paragraph of narration has ``titled`` and a given name both opening sentences, or
    both in one sentence: an author does not switch names for one person that closely."""
    for para in re.split(r"\n", text):
        if titled not in para:
            continue
        narration = _QUOTED.sub(" ", para)
        t_subject, t_where = _acting(text, titled, narration)
        if not t_where:
            continue
        for g in given:
            g_subject, g_where = _acting(text, g, narration)
            if (t_subject and g_subject) or (t_where & g_where and not re.search(
                    re.escape(g) + r"\s+" + re.escape(titled.split()[-1]), narration)):
                return True
    return False


def _split_relatives(text: str, cast: Roster) -> None:
    for p in list(cast.people):
        given = given_names(p)
        if not given:
            continue
        family = _surname(p)
        for form in [f for f in p.forms if _title(f) in rules.FAMILY_TITLES and len(f.split()) == 2
                     and f.split()[-1] == family and family not in given]:
            title = _title(form)
            sex = rules.TITLES.get(title)
            # The same surname under another title of the same sex (Miss Okoro beside Mrs. Okoro).
            other = [q for q in cast.people if q is not p and any(
                _title(f) in rules.FAMILY_TITLES and _title(f) != title and rules.TITLES.get(_title(f)) == sex
                and f.split()[-1] == form.split()[-1] for f in q.forms)
                and len(q.forms) == sum(1 for f in q.forms if _title(f))]
            if not (_two_people(text, form, given) or other):
                continue
            relative = Person(name=form)
            cast.people.append(relative)
            _move(cast, text, form, p, relative)
            p.titles = {t for t in p.titles if any(f.split()[0].rstrip(".") == t for f in p.forms)}
            p.title_gender = next((rules.TITLES.get(t.lower()) for t in p.titles), None)
            for q in other:  # "Miss Okoro" is then the child, not a third person
                if not any(_title(f) == title for f in q.forms):
                    _merge(cast, text, q, p)


# ----------------------------------------------------------------------------- short forms
#: The common given names of either sex (a name of its own, not a familiar form of another).
_COMMON_GIVEN = frozenset(rules.MALE_NAMES | rules.FEMALE_NAMES)


@lru_cache(maxsize=None)
def _stems(word: str) -> frozenset[str]:
    """``word`` and what it is without a familiar ending (Jonny -> Jon, Rosie -> Ros, Mags -> Mag)."""
    out = {word}
    for end in rules.FAMILIAR_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= rules.SHORT_NAME_MIN:
            stem = word[: -len(end)]
            out.add(stem)
            if len(stem) > rules.SHORT_NAME_MIN and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # Jonny -> Jonn -> Jon
    return frozenset(out)


@lru_cache(maxsize=None)
def shortens(short: str, full: str) -> bool:
    """Whether given name ``short`` is a short or familiar form of ``full`` (Jonny: Jonathan)."""
    if short == full or short in _stems(full):  # Joe does not shorten Joey: Joey is Joe made familiar
        return False
    if rules.NICKNAMES.get(short) == full or full in _stems(short):
        return True
    if short in _COMMON_GIVEN and full not in _COMMON_GIVEN:
        return False  # Mary is a name of its own, not a short "Mar-" of any word (the Marauders)
    if short not in _COMMON_GIVEN and any(s != short and len(s) >= rules.SHORT_NAME_MIN and s in _stems(full)
                                  for s in _stems(short)):
        return True  # Lils of Lily: one familiar ending in place of another
    if full.endswith("e") and len(full) > rules.SHORT_NAME_MIN and full[:-1] in _stems(short):
        return True  # Rosie of Rose, Janie of Jane, Katie of Kate: the ending takes the place of the e
    return len(short) < len(full) and any(
        len(s) >= rules.SHORT_NAME_MIN and full.startswith(s) for s in _stems(short))


def clips_end(short: str, full: str) -> bool:
    """Whether given name ``short`` is the end of ``full`` cut off (Delia: Cordelia, Bella:
    Isabella), not a name joined onto another (Anne: Marianne, Mary: Rosemary)."""
    head = full[: len(full) - len(short)]
    return len(short) >= 4 and len(head) >= 2 and full[len(head):].lower() == short.lower() \
        and head.lower() not in _NAME_HEADS


#: What may open a name made of two ("Rose-" of Rosemary, "Mari-" of Marianne): a name of its own.
_NAME_HEADS = frozenset(n.lower() for n in _COMMON_GIVEN | set(rules.NICKNAMES)) | rules.JOINED_NAME_HEADS


def _merge_short_forms(text: str, cast: Roster) -> None:
    merged = True
    while merged:  # "Rosie" joining "Rosalind" leaves "Ros" one person to join
        merged = _merge_short_forms_once(text, cast)


def _merge_short_forms_once(text: str, cast: Roster) -> bool:
    merged = False
    givens = {id(p): given_names(p) for p in cast.people}
    by_initial: dict[str, list[Person]] = {}
    for p in cast.people:
        for initial in {g[0] for g in givens[id(p)]}:
            by_initial.setdefault(initial, []).append(p)
    gone: set[int] = set()
    for q in list(cast.people):
        q_given = givens[id(q)]
        # "Uncle Ron" is Ron to his nephew, as "Ronald" is to his mother: a kinsfolk title
        # names no other person; "Mr. Ron" would.
        if len(q_given) != 1 or id(q) in gone \
                or any(_title(f) not in (None, *rules.KINSFOLK_TITLES) for f in q.forms):
            continue
        short = next(iter(q_given))
        q_sur = _surname(q)
        # The same given name alone is the same person too, when pronoun counts kept them apart.
        fits = [p for p in by_initial.get(short[0], []) if p is not q and id(p) not in gone and any(
            shortens(short, g) or (short == g and q_sur is None) for g in givens[id(p)])
                and (q_sur is None or _surname(p) in (None, q_sur))
                and not _sexes_differ(p, q)]
        if not fits:
            # "Delia Fennimore" of "Cordelia Fennimore": the end of the given name cut off
            fits = [p for p in cast.people if p is not q and id(p) not in gone and _surname(p) in (None, q_sur)
                    and any(clips_end(short, g) for g in givens[id(p)]) and not _sexes_differ(p, q)]
        if len(fits) == 1:
            _merge(cast, text, q, fits[0])
            gone.add(id(q))
            givens[id(fits[0])] = given_names(fits[0])
            merged = True
    return merged


def _sexes_differ(p: Person, q: Person) -> bool:
    """Sure signs (a title, a common given name) that two people are of different sexes; pronoun
    counts alone are too noisy to keep a nickname from its name."""
    a, b = p.title_gender or p.prior, q.title_gender or q.prior
    return bool(a and b and a != b)


def _merge_initials(text: str, cast: Roster) -> None:
    """"Ms. H" joins the one Ms. whose surname begins with H; a capital letter alone used as a
    name ("J's handwriting", "Come on, M.") stands for the one person whose given name begins so."""
    for q in list(cast.people):
        forms = list(q.forms)
        if len(forms) != 1 or len(forms[0].split()) != 2 or _title(forms[0]) is None:
            continue
        title, initial = _title(forms[0]), forms[0].split()[1]
        if len(initial) != 1:
            continue
        fits = [p for p in cast.people if p is not q and any(
            _title(f) == title and f.split()[-1][0] == initial and len(f.split()[-1]) > 1 for f in p.forms)]
        if len(fits) == 1:
            _merge(cast, text, q, fits[0])
    for letter in set(re.findall(r"(?<![\w.'\u2019])([B-HJ-Z])(?=['\u2019]s\b|[,.!?]|\s+[a-z])", text)):
        if cast.resolve(letter) is not None:
            continue
        fits = [p for p in cast.people if p.is_person and any(g.startswith(letter) for g in given_names(p))]
        if len(fits) == 1:
            cast._by_form[_norm(letter)] = fits[0]


def _claim_surnames(text: str, cast: Roster) -> None:
    children: dict[str, list[Person]] = {}
    for p in cast.people:
        if _surname(p) and given_names(p):
            children.setdefault(_surname(p).lower(), []).append(p)
    for key, holder in list(cast._by_form.items()):
        # "Reid" alone meant Mrs. Reid, "Vance" Mr. Vance: at school it is the child's name.
        if key not in children or not all(_title(f) for f in holder.forms):
            continue
        bearers = [p for p in children[key] if p is not holder]
        if len(bearers) == 1:
            cast._by_form[key] = bearers[0]
    for thing in list(cast.people):
        if thing.is_person:
            continue
        for form in [f for f in thing.forms if len(f.split()) == 1]:
            bearers = [p for p in cast.people if p.is_person and _surname(p) == form]
            if len(bearers) > 1:
                # A parent and a child: the surname alone is what the child is called by at school.
                bearers = [p for p in bearers if given_names(p)]
            if len(bearers) == 1:
                _move(cast, text, form, thing, bearers[0])
        if not thing.forms:
            cast.retire(thing)


def _recount(text: str, tokens: list[Token], cast: Roster) -> None:
    """Gender votes and mention counts again, now that forms have moved between people."""
    forms = []
    owners = []
    for at, person, quoted in cast.mentions:
        form = _form_at(text, person, at)
        if form is None:
            continue
        title = form.split()[0] if _title(form) else None
        words = tuple(w for w in form.split() if _title(w) is None) if title else tuple(form.split())
        forms.append((form, title and title.rstrip("."), words, at, quoted))
        owners.append(person)
    votes = _form_votes(tokens, forms)
    for k, (form, _, _, at, _) in enumerate(forms):
        if text.startswith(("'s", "\u2019s"), at + len(form)):
            votes[k] = None  # "Callum's mum ... she": the pronoun is the mum's
    touched = {id(p) for p in owners}
    for p in cast.people:
        if id(p) in touched:
            p.votes = {"male": 0, "female": 0}
            p.narration_mentions = p.quoted_mentions = 0
    for p in cast.people:
        # A common given name known only under a title ("Captain Imogen Hale") still tells the
        # sex, as the given name alone would (two votes, as Person.prior counts it).
        if p.prior is None and p.title_gender is None:
            sexes = {"male" if g in rules.MALE_NAMES else "female" for g in given_names(p)
                     if g in rules.MALE_NAMES or g in rules.FEMALE_NAMES}
            if len(sexes) == 1:
                p.votes[sexes.pop()] += 2
    for person, vote, (_, _, _, _, quoted) in zip(owners, votes, forms):
        if vote:
            person.votes[vote] += 1
        if quoted:
            person.quoted_mentions += 1
        else:
            person.narration_mentions += 1


def join_own_names(text: str, speeches: list[list[tuple[int, int]]], cast: Roster) -> None:
    """Two names one speech (its quotations) gives as the speaker's own ("I'm Carstairs.
    Everybody calls me Bunty"; "And I'm Pennington," said she, "but I'm called Sprat") are one
    person: the less known joins the better known. (Said as one's own, a name is a person's.)"""
    for speech in speeches:
        people: list[Person] = []
        for start, end in speech:
            for pattern in rules.OWN_NAME:
                for m in pattern.finditer(text, start, end):
                    who = cast.resolve(m.group("name"))
                    if who is not None and not who.is_place and all(who is not p for p in people):
                        people.append(who)
        if len(people) == 2 and not _sexes_differ(*people):
            src, dst = sorted(people, key=lambda p: p.count)
            _merge(cast, text, src, dst)
