"""Finding the characters in a text: name forms (capitalised words that are not common words,
with their titles), merged into people by shared names, titles and familiar forms, with a gender
from titles, common given names and the pronouns that follow a name."""
from __future__ import annotations

import bisect
from typing import Optional

from audiobook.parser import rules
from audiobook.parser.characters import Person, Roster, Token, _is_cap, _norm


def find_cast(text: str, tokens: list[Token]) -> Roster:
    """Find name forms (capitalised mid-sentence, not common words), merge aliases, count gender."""
    cap_mid: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    lower: dict[str, int] = {}
    opens_with_verb: set[str] = set()
    for k, t in enumerate(tokens):
        w = t.text
        if _is_cap(w):
            if not t.sentence_start:
                cap_mid[w] = cap_mid.get(w, 0) + 1
                if k + 1 < len(tokens) and _is_cap(tokens[k + 1].text):
                    pairs[(w, tokens[k + 1].text)] = pairs.get((w, tokens[k + 1].text), 0) + 1
            elif k + 1 < len(tokens) and not w.endswith("ly"):
                nxt = tokens[k + 1].text
                if nxt in rules.COMMON_PAST_VERBS or nxt in rules.SPEECH_VERBS or \
                        (nxt.islower() and nxt.endswith("ed") and len(nxt) > 4):
                    opens_with_verb.add(w)
        elif w.islower():
            lower[w] = lower.get(w, 0) + 1
    title_words = {k.capitalize() for k in rules.TITLE_STEMS}
    groups = _family_plurals(tokens)

    def name_word(w: str) -> bool:
        if not _is_cap(w) or w in rules.NOT_NAMES or w in title_words or w[:2] in ("I'", "I\u2019") \
                or w in groups:
            return False
        c = cap_mid.get(w, 0)
        if lower.get(w.lower(), 0) * 2 >= max(c, 1):
            return False
        # A common given name counts even when it only ever opens sentences.
        return c >= 1 or w in rules.MALE_NAMES or w in rules.FEMALE_NAMES or w in opens_with_verb

    given_names = rules.MALE_NAMES | rules.FEMALE_NAMES | {w for w, c in cap_mid.items() if c >= 3}
    forms: list[tuple[str, Optional[str], tuple[str, ...], int, bool]] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        title = None
        j = i
        if t.text in title_words and t.text.lower() in rules.TITLES and i + 1 < n \
                and _is_cap(tokens[i + 1].text) and tokens[i + 1].text not in rules.NOT_NAMES \
                and tokens[i + 1].start - (t.start + len(t.text)) <= 2 \
                and (text[t.start + len(t.text)] != "." or t.text.lower() in rules.ABBREVIATED_TITLES):
            title = t.text
            j = i + 1
        words = []
        k = j
        def continues_name(k: int) -> bool:
            # After a given name, a capitalised word is a surname even if it is also a common
            # word elsewhere (Jonathan Small, Mary Brown).
            w = tokens[k].text
            # With a title before them (Captain John Good) even a common word is the surname.
            return bool(words) and words[-1] in given_names and _is_cap(w) and not tokens[k].sentence_start \
                and (w not in rules.NOT_NAMES or (title is not None and len(words) == 1)) and w not in title_words

        def leads_name(k: int) -> bool:
            # A common word that, capitalised mid-sentence, always comes before the same name
            # (Big Medicine, Old Billy) is part of it.
            if words or k + 1 >= n or tokens[k].sentence_start and not title:
                return False
            w, nxt = tokens[k].text, tokens[k + 1].text
            return _is_cap(w) and w not in rules.NOT_NAMES and w not in title_words \
                and pairs.get((w, nxt), 0) >= 2 and pairs[(w, nxt)] == cap_mid.get(w, 0) and name_word(nxt)

        while k < n and (name_word(tokens[k].text) or continues_name(k) or leads_name(k)) \
                or (title and k == j and k < n):
            if words and tokens[k].start - (tokens[k - 1].start + len(tokens[k - 1].text)) > 2:
                break
            gap = text[tokens[k - 1].start + len(tokens[k - 1].text):tokens[k].start] if words else " "
            if gap == ". " and len(words[-1]) == 1 and not tokens[k].sentence_start:
                gap = " "  # after a middle initial
            if not gap.isspace() or "\n\n" in gap:  # a name never spans a paragraph break
                break
            words.append(tokens[k].text)
            k += 1
            if len(words) == 3 or tokens[k - 1].text != text[tokens[k - 1].start:tokens[k - 1].start + len(tokens[k - 1].text)]:
                break
        if words and not (len(words) == 1 and len(words[0]) < 3 and not title):
            shown = title + "." if title and text[t.start + len(title):t.start + len(title) + 1] == "." else title
            written = [w + "." if len(w) == 1 and w.isupper() and m + 1 < len(words) else w for m, w in enumerate(words)]
            forms.append((" ".join(([shown] if title else []) + written), title, tuple(words), t.start, t.quoted))
            i = k
        else:
            i += 1
    return _cluster(text, tokens, forms)


def _family_plurals(tokens: list[Token]) -> set[str]:
    """Capitalised plurals after "the" whose singular the text also has ("the Weasleys" beside
    "Ron Weasley", "the Marauders" beside "a Marauder prank"): a family or a band, never one
    speaker."""
    capitalised = {t.text for t in tokens if _is_cap(t.text)}
    return {t.text for k, t in enumerate(tokens[1:], 1)
            if tokens[k - 1].text.lower() == "the" and len(t.text) > 3 and t.text.endswith("s")
            and t.text[:-1] in capitalised}


def _form_votes(tokens: list[Token], forms) -> list[Optional[str]]:
    """For each form occurrence: the gender of the "he"/"she" that next refers back to it, if any."""
    starts = [t.start for t in tokens]
    name_words = {w for _, _, words, _, _ in forms for w in words} - rules.NOT_NAMES
    out: list[Optional[str]] = []
    for _, title, words, start, quoted in forms:
        vote = None
        k = bisect.bisect_right(starts, start)
        head = tokens[k - 1] if k >= 1 else None
        k += len(words) - (0 if title else 1)  # the words after the whole name
        # Only a name heading its sentence (or a tag) is what the next "he"/"she" refers back to.
        if not quoted and head is not None and head.sentence_start:
            sentences = 0
            window = tokens[k:k + 30]
            for i, t in enumerate(window):
                if t.quoted:
                    break
                if t.sentence_start:
                    sentences += 1
                    if sentences > 1 or (t.text in name_words and t.text not in words):
                        break  # "Harry stepped in after her ... he thought": the he is Harry
                w = t.text.lower()
                if w in ("he", "she"):
                    vote = "male" if w == "he" else "female"
                    if sentences == 0 and i >= 1 and (window[i - 1].text == ";" or window[i - 1].text in _CONTRAST):
                        # "Emma had gone down, and he waited for her": a new subject, and the one
                        # of the other sex the clause goes on to speak of is the name.
                        other = _OTHER_SEX[vote]
                        for u in window[i + 1:]:
                            if u.sentence_start or u.quoted:
                                break
                            if u.text.lower() in other:
                                vote = "female" if vote == "male" else "male"
                                break
                    break
                # In its own sentence, "shouldered her ladder" / "his hat" belong to the subject.
                nxt = window[i + 1].text if i + 1 < len(window) else ""
                if sentences == 0 and (w == "his" or (w == "her" and nxt.islower() and nxt not in _NOT_NOUNS)):
                    vote = "male" if w == "his" else "female"
                    break
                if sentences == 0 and w in ("her", "him"):
                    break  # "Carl had to tear her from her hold": the sentence's her is someone else
                if _is_cap(t.text) and t.text not in rules.NOT_NAMES and not t.sentence_start:
                    break
        out.append(vote)
    return out


_NOT_NOUNS = rules.PHRASE_STOPS | {"the", "a", "an", "that", "this", "to", "again", "up", "down", "out", "off",
                                  "away", "back", "so", "too", "very", "well", "now", "then"}


#: Conjunctions after which a he/she may open a clause of the name's sentence about someone else.
_CONTRAST = {"and", "but", "while", "whereas", "yet", "so"}
#: The pronouns of the other sex than a vote's.
_OTHER_SEX = {"male": {"her", "hers", "herself"}, "female": {"him", "his", "himself"}}


def _majority(votes: dict[str, int]) -> Optional[str]:
    m, f = votes["male"], votes["female"]
    if m + f >= 1 and max(m, f) >= 2 * min(m, f) + 1:
        return "male" if m > f else "female"
    return None


def _cluster(text: str, tokens: list[Token], forms) -> Roster:
    cast = Roster()
    counts: dict[str, int] = {}
    info: dict[str, tuple[Optional[str], tuple[str, ...]]] = {}
    form_votes: dict[str, dict[str, int]] = {}
    for (form, title, words, _, _), vote in zip(forms, _form_votes(tokens, forms)):
        counts[form] = counts.get(form, 0) + 1
        info[form] = (title, words)
        votes = form_votes.setdefault(form, {"male": 0, "female": 0})
        if vote:
            votes[vote] += 1
    # Titled and longer forms first, so a bare surname joins the most frequent person bearing it.
    order = sorted(counts, key=lambda f: (-len(info[f][1]), info[f][0] is None, -counts[f]))
    # What a bare first name is referred to as also tells the gender of the full name it begins.
    bare = {info[f][1][0]: form_votes[f] for f in counts if info[f][0] is None and len(info[f][1]) == 1}

    def hinted(p: Person) -> Optional[str]:
        if p.gender:
            return p.gender
        first = p.name.split()[0]
        return _majority(bare[first]) if first in bare and first in p.words else None

    def compatible(p: Person, title: Optional[str], gender: Optional[str]) -> bool:
        known = hinted(p)
        if gender and known and gender != known:
            return False
        # A titled surname joins a full name only when the full name's gender is known to agree
        # (Mrs. Pontellier is Edna Pontellier; Mrs. Oakley is not Maurice Oakley).
        if title and gender and len(p.words) > 1 and not p.titles and known != gender:
            return False
        return True

    given_cache: dict = {}
    for form in order:
        title, words = info[form]
        gender = (rules.TITLES.get(title.lower()) if title else None) or _majority(form_votes[form])
        best = None
        for p in cast.people:
            if not _covers(p, info, words, title, given_cache):
                continue
            if not compatible(p, title, gender):
                continue
            # Different titles on one surname are different people (Miss Morstan, Captain Morstan);
            # a kin title is none ("Aunt Hester" is "Miss Hester").
            offices = {_same_title(t) for t in p.titles if t.lower() not in rules.KINSFOLK_TITLES}
            if title and offices and title.lower() not in rules.KINSFOLK_TITLES \
                    and _same_title(title) not in offices:
                continue
            if best is None or _rank(p, title, words) > _rank(best, title, words):
                best = p
        if best is None:
            best = Person(name=form)
            cast.people.append(best)
        best.forms[form] = counts[form]
        best.words |= set(words)
        for g in ("male", "female"):
            best.votes[g] += form_votes[form][g]
        tg = rules.TITLES.get(title.lower()) if title else None
        if tg and not best.title_gender:
            best.title_gender = tg
        if title:
            best.titles.add(title)
        cast._by_form[_norm(form)] = best
        cast._by_form.setdefault(_norm(" ".join(words)), best)
    for person in cast.people:
        # A surname never seen alone ("said Small") still names the one person who bears it.
        for form in person.forms:
            if len(info[form][1]) > 1:
                cast._by_form.setdefault(_norm(info[form][1][-1]), person)
    for person in cast.people:
        person.name = _canonical(person, info)
    for form, _, _, start, quoted in forms:
        person = cast.resolve(form)
        if person is None:
            continue
        cast.mentions.append((start, person, quoted))
        if rules.PLACE_CONTEXT.search(text, max(0, start - 16), start):
            person.place_mentions += 1
        if quoted:
            person.quoted_mentions += 1
        else:
            person.narration_mentions += 1
    return cast


def _covers(p: Person, info, words: tuple[str, ...], title: Optional[str], given_cache: dict) -> bool:
    """Whether name ``words`` can be a shorter or familiar form of person ``p``'s name.
    ``given_cache``: ``_given_names`` per person, kept across calls."""
    if set(words) <= p.words:
        return True
    if title:
        return False
    raw_given, given = _given_names(p, info, given_cache)
    # A familiar given name (Frank) stands for the formal one (Francis) in the given-name slot only.
    # Frank with Francis, or Francis with Frank; but Bessie and Eliza (two familiar forms of
    # Elizabeth) may well be two people.
    familiar = rules.NICKNAMES.get(words[0]) in raw_given or any(rules.NICKNAMES.get(g) == words[0]
                                                                   for g in raw_given)
    if rules.NICKNAMES.get(words[0], words[0]) in given and familiar and set(words[1:]) <= p.words:
        return True
    # A given name cut short (Kit for Kitty, Sam for Samuel) is the same person.
    return len(words) == 1 and len(words[0]) >= rules.SHORT_NAME_MIN and any(
        g.startswith(words[0]) and len(g) > len(words[0]) for g in raw_given)


def _given_names(p: Person, info, cache: dict) -> tuple[set, set]:
    """The given names ``p``'s untitled forms open with (not a surname of theirs standing alone),
    as written and as their formal names; worked out again only when ``p`` has gained forms
    (every form is looked at against every person, and this was a tenth of the parse)."""
    held = cache.get(id(p))
    if held is not None and held[0] is p and held[1] == len(p.forms):
        return held[2], held[3]
    surnames = {info[f][1][-1] for f in p.forms if len(info[f][1]) > 1}
    raw = {info[f][1][0] for f in p.forms
           if info[f][0] is None and (len(info[f][1]) > 1 or info[f][1][0] not in surnames)}
    given = {rules.NICKNAMES.get(g, g) for g in raw}
    cache[id(p)] = (p, len(p.forms), raw, given)  # ``p`` held: its id is no one else's
    return raw, given


def _same_title(title: str) -> str:
    low = title.lower()
    return rules.TITLE_SAME.get(low, low)


def _rank(p: Person, title: Optional[str], words: tuple[str, ...]) -> tuple[bool, bool, int, int]:
    """Which person a shorter form most likely means: for a bare surname, one called by it with a
    title (Mr. Oakley) before one who merely shares it; then the most frequent."""
    called = [n for f, n in p.forms.items()
              if f.split()[0].rstrip(".").lower() in rules.TITLES and f.split()[-1] == words[0]]
    titled = not title and len(words) == 1 and bool(called)
    # Among several so called (Mr. Hamilton, Mrs. Hamilton, Miss Hamilton): a surname alone names
    # a man far more often than a woman; then the one most often called so.
    male = titled and p.title_gender == "male"
    # A man's full name before a woman called Mrs. or Miss with it: "said Pettibone" is the cook,
    # Amos Pettibone, not his wife, Mrs. Pettibone.
    man = not title and len(words) == 1 and not p.titles and p.prior == "male" and len(p.words) > 1
    return male or man, titled, sum(called) if titled else 0, p.count


def _canonical(person: Person, info) -> str:
    """The fullest untitled form when the text uses one, else the most frequent titled form."""
    untitled = [f for f in person.forms if info[f][0] is None]
    full = max((len(info[f][1]) for f in person.forms), default=0)
    best_untitled = [f for f in untitled if len(info[f][1]) == full]
    if best_untitled and (full > 1 or not person.titles):
        # The formal given name over a familiar one (Francis Oakley, not Frank Oakley).
        return max(best_untitled, key=lambda f: (f.split()[0] not in rules.NICKNAMES, person.forms[f]))
    return max(person.forms, key=lambda f: (len(info[f][1]) == full, person.forms[f]))
