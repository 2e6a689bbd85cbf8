"""Named tables of patterns the parser works from: data, not code.

Every rule the parser applies to the wording of speech and names lives here, so that a reader
can see (and a test can exercise) what counts as a speech verb, a title, a quote mark or a chat
line without reading the algorithms that use them. The shapes of whole paragraphs (chapter
headings, scene breaks, notes) are in ``structure_rules.py``; the long lists of names are in
``name_lists.py`` and the words for people without a name in ``noun_lists.py``, both read
through this module.
"""
from __future__ import annotations

import re

from audiobook.parser.name_lists import (  # noqa: F401 (the long lists)
    FEMALE_NAMES, MALE_NAMES, NICKNAMES, NOT_NAMES, PEOPLE_NOUNS)
from audiobook.parser.noun_lists import (  # noqa: F401 (the tables of words for people)
    CALLING_GENDERS, CALLINGS, GENDER_NOUNS, KIN_NAMES, KIN_POSSESSIVES, KIN_SYNONYMS, KIN_TITLES,
    KIN_VOCATIVES, KINSHIP_NOUNS, NOT_ROLE_HEADS, NOT_SPEAKER_NOUNS, NOUN_DETERMINERS, NOUN_GENDER,
    PERSON_NOUNS, RELATIONAL_NOUNS, ROLE_ADJECTIVES, ROLE_NOUNS, STRANGERS, TAG_ROLE_MIN)

# --------------------------------------------------------------------------- lines in a story

#: A paragraph wholly in italics, as text messages and a voice on the phone are set.
MESSAGE_LINE_SHAPES = [
    re.compile(r"^\*[^*\s\"\u201c][^*\"\u201c\u201d]*\*$"),
    re.compile(r"^_[^_\s\"\u201c][^_\"\u201c\u201d]*_$"),
]

#: The blanks a reader-insert story leaves for the reader's own names ("Y/N drops her bag"),
#: in any case, and how each is read aloud unless voices.yaml's ``pronunciations`` says
#: otherwise (``y/n: Anna``): not "Y slash N".
READER_BLANKS = {"y/n": "your name", "f/n": "your first name", "l/n": "your last name",
                 "y/l/n": "your last name", "m/n": "your middle name", "n/n": "your nickname"}
#: One of those blanks, written as one word: a name.
READER_NAME = r"(?i:%s)(?![\w/])" % "|".join(sorted(READER_BLANKS, key=len, reverse=True))

#: A line of a chat printed as a paragraph: perhaps a time in brackets, a name of up to three
#: words (or the reader's blank, ``Y/N``), perhaps in bold, a colon, the message, and no quote
#: marks ("Steve: you up?", "[10:42] **Steve:** you up?").
CHAT_LINE = re.compile(r"(?:\[[^\]\n]{1,12}\] *)?(?:\*\*|__)?"
                       r"(?P<name>(?:[A-Z][\w'\u2019.-]+)(?: [A-Z][\w'\u2019.-]*){0,2}|" + READER_NAME + ")"
                       r"(?:(?:\*\*|__)?:|:(?:\*\*|__)?) +"
                       r"(?P<message>[^\n\"\u201c\u201d]*[^\s\"\u201c\u201d])\s*$")
#: Words before a colon that label something rather than name who writes ("Note: ...",
#: "Pairing: ...", "Warnings: ..."): such a paragraph is never a chat line.
CHAT_LABELS = {
    "note", "notes", "a/n", "an", "warning", "warnings", "tw", "cw", "disclaimer", "summary", "rating",
    "pairing", "pairings", "author", "words", "word", "chapter", "part", "time", "date", "location",
    "place", "setting", "edit", "update", "p.s", "ps", "fandom", "characters", "relationship",
    "relationships", "tags", "prompt", "beta", "status", "subject", "from", "to", "re", "sent",
    "attachment", "translation", "category", "genre", "series", "dedication", "epigraph", "title",
    "author's", "requested", "request", "square", "rated", "ratings", "length", "taglist", "masterlist",
}

#: Narration turning to the first-person narrator, who is then the one spoken to.
TURNS_TO_NARRATOR = re.compile(
    r"\b(?:looked|turned|glanced|stared|smiled|nodded|winked|grinned|frowned|pointed|leaned)"
    r"(?:\s+\w+ly)?\s+(?:at|to|towards|round to|over at)\s+me\b")

#: Narration turning to someone else, who is then the one spoken to ("he turned upon the lady",
#: "looking at her", "Crane turned to Gorringe"): the one turned to, as a pronoun, a noun that
#: gives a sex, or a capitalised name (with its title).
TURNS_TO_LISTENER = re.compile(
    r"\b(?:turned|turning|looked|looking|glanced|glancing|addressed|addressing)(?:\s+\w+ly)?"
    r"\s+(?:(?:up)?on|to|towards?|at|round (?:to|on))\s+"
    r"(?P<who>him|her|the (?:\w+\s+)?(?P<noun>[a-z]+)|(?:(?:Mr|Mrs|Miss|Dr)\.?\s+)?[A-Z][\w'\u2019-]+)"
    r"(?P<after>\W*\w*)")

#: A first-person word in narration ("I", "me", "my"...): a word of its own, not part of "A.I".
FIRST_PERSON = re.compile(r"(?<![\w'\u2019.-])(?:I|I'm|I've|I'd|I'll|I\u2019m|I\u2019ve|I\u2019d|I\u2019ll|me|my|myself)\b")

#: A first-person narrator saying their own name ("I called myself Pip", "my name is Ishmael").
SELF_NAMING = re.compile(r"\b(?:I (?:called|named) myself|[Mm]y name (?:is|was)|I am called|I was called|"
                         r"(?:they|people|everyone|everybody) called me|[Cc]all me)\s+"
                         r"(?P<name>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?)")

#: A speech asking its listener's name: the next speech opening with a name gives its speaker's
#: ("What name?" / "Greyson, office on second floor."), it does not call anyone.
NAME_QUESTION = re.compile(r"\b(?:(?:your|yer|thy) name|[Ww]hat name|[Ww]ho are (?:you|ye)|"
                           r"[Ww]ho(?:'s|\u2019s| is| goes) there|call (?:you|ye)\b[^.!]*\?)")

#: A question after someone else ("Who is judging the cakes this year?", "Which young man?"): a
#: name answering it is theirs, and calls nobody.
WHO_QUESTION = re.compile(r"\W*(?:[Ww]ho|[Ww]hich|[Ww]hom)\b(?!\s+are\s+(?:you|ye)\b)[^?]*\?")

#: The name opening such an answer.
NAME_ANSWER = re.compile(r"\s*(?P<name>(?:(?:Mr|Mrs|Miss|Dr)\.?\s+)?[A-Z][a-z][\w'\u2019-]*"
                         r"(?:\s+[A-Z][a-z][\w'\u2019-]*)?)\s*(?=[,.!;\u2014-]|$)")

#: Most words of narration per first-person word for a section to count as told by an "I".
FIRST_PERSON_WORDS_PER_HIT = 150

# --------------------------------------------------------------------------- quotes
#: Opening and closing double quote marks (the straight one serves as both).
DOUBLE_OPEN = "\"\u201c\u201e\u00ab"
DOUBLE_CLOSE = "\"\u201d\u00bb"
#: Every double mark, either way round.
DOUBLE_MARKS = "".join(sorted(set(DOUBLE_OPEN + DOUBLE_CLOSE)))
#: Opening and closing single quote marks (the straight apostrophe serves as both).
SINGLE_OPEN = "'\u2018"
SINGLE_CLOSE = "'\u2019"

#: Words that start with an apostrophe: an elision, never an opening quote mark.
ELISIONS_LEADING = {
    "em", "tis", "twas", "twere", "twill", "til", "till", "cause", "cos", "coz", "bout", "round",
    "n", "im", "er", "ow", "ave", "ere", "e", "ad", "alf", "ome", "ouse", "appen", "un", "uns",
    "spect", "fraid", "member", "nother", "nuff", "scuse", "s", "d", "ll", "m", "re", "ve", "t",
    "ee", "ud", "specially", "cept", "less", "fore", "long", "mongst", "neath", "gainst",
}

#: Longest quotation (in words) that, set inside a sentence after an ordinary word, is a
#: scare quote or a title (the narrow "bridges") rather than speech.
SCARE_QUOTE_MAX_WORDS = 4

#: Characters that end a sentence or a spoken phrase just before a closing single quote.
CLOSING_PUNCT = ".,!?;:\u2026\u2014-"

#: A paragraph whose speech opens with a dash instead of a quote mark ("—Where are you going?",
#: "-- Yes, sir"), as some editions print dialogue.
DASH_OPENING = re.compile(r"(?:\u2014|\u2015|--)\s?(?=[^\W\d_]|[\"'\u2018\u201c(_.])")

#: Fewest dash-opened paragraphs before a text is taken to print its dialogue that way (and more
#: of them than paragraphs opened by a quote mark).
DASH_DIALOGUE_MIN = 2

# --------------------------------------------------------------------------- attribution

#: The reader as a story's "you" ("You drop your bag on the table."), in its narration.
SECOND_PERSON = re.compile(r"(?<![\w'\u2019.-])(?:[Yy]ou|[Yy]our|[Yy]ourself|[Yy]ou're|[Yy]ou\u2019re)\b")
#: A story told to "you" says it in narration at least once every this many words (a novel's
#: narrator speaking to the reader now and then does so once in 40 or more).
SECOND_PERSON_WORDS_PER_HIT = 20
#: What the "you" of a story told in the second person is called when it never says "Y/N".
READER = "Reader"

#: Verbs that introduce or tag speech ("said James", "she sobbed").
SPEECH_VERBS = set("""
said says say asked asks ask replied replies reply answered answers answer cried cries shouted
shouts yelled yells screamed screams whispered whispers murmured murmurs muttered mutters mumbled
sobbed sighed snapped snarled growled hissed barked called exclaimed remarked observed added
continued began begun resumed repeated insisted interrupted interposed protested objected
argued agreed admitted confessed explained suggested declared announced stated demanded
inquired enquired queried questioned responded retorted returned rejoined laughed giggled
chuckled grinned smiled groaned moaned gasped breathed stammered stuttered sniffed sniffled
winced pleaded begged urged warned whimpered wailed roared bellowed thundered shrieked squealed
purred drawled teased joked mocked scoffed sneered grumbled grunted huffed panted blurted
ventured offered corrected conceded countered concluded commented noted mused wondered
thought cooed lied promised reminded assured informed told ordered commanded called chimed
piped spoke uttered recited read echoed persisted pursued proceeded assented acquiesced
volunteered prompted hazarded faltered gasped blustered bawled boomed chattered stormed raged
ejaculated vociferated expostulated remonstrated interjected explained observed soothed
""".split())

#: Verbs that say how a line sounds but are not relied on to attribute it ("she wept"): recorded
#: as a quote's verb (for prosody) beside the speech verbs.
MANNER_VERBS = {"wept", "sang", "hummed", "crooned", "rasped", "croaked", "whined", "lisped", "screeched"}

#: Words that may stand between a tag's subject and its verb ("Then Lily had said:").
AUXILIARIES = {"had", "has", "have", "would", "will", "could", "then", "now", "also", "only", "just"}

#: Speech verbs that say the speaker has spoken before in the same talk ("the lady resumed").
CONTINUATION_VERBS = {"resumed", "continued", "pursued", "repeated", "went", "added", "proceeded"}

#: Verbs of hearing: in a tag ("she heard one voice say") their subject is the listener, and the
#: speaker is the one heard.
HEARING_VERBS = {"heard", "hears", "overheard", "overhears"}
#: A speech verb's plain form and its -ing, after the one heard ("heard her tell", "heard him saying").
HEARD_SPEAKING = set("""
say saying tell telling call calling cry crying ask asking answer answering whisper whispering
mutter muttering murmur murmuring shout shouting exclaim exclaiming speak speaking reply replying
""".split())

#: Verbs that tag speech only with the particle after them ("Oakley broke in", "she struck in").
SPEECH_PHRASES = {
    ("broke", "in"), ("breaks", "in"), ("cut", "in"), ("cuts", "in"), ("struck", "in"), ("put", "in"),
    ("chimed", "in"), ("spoke", "up"), ("speaks", "up"), ("piped", "up"), ("went", "on"), ("goes", "on"),
    ("burst", "out"), ("bursts", "out"), ("broke", "out"), ("called", "out"), ("cried", "out"),
    ("sang", "out"), ("rang", "out"), ("blurted", "out"), ("shot", "back"), ("fired", "back"),
}

#: Irregular past-tense verbs: after a capitalised word opening a sentence ("Mara held the
#: baby") they show the word is someone's name even though it never appears mid-sentence.
COMMON_PAST_VERBS = set("""
was had held stood sat came went took made felt knew thought saw gave ran put let got kept left
met paid read rode rose sang sank slept spoke spun stole struck swam swore threw told took tore
wept woke wore won wrote began bent bit blew broke brought built bought caught chose clung crept
dealt drew drank drove ate fell fed fought found fled flew forgot froze grew hid hung heard knelt
laid led leapt lay lit lost meant shook shot shut slid smiled nodded turned looked walked waited
""".split())

#: Pronouns that may head a speech tag, with the gender they imply (None: the first-person narrator).
SUBJECT_PRONOUNS = {"he": "male", "she": "female", "i": None}

#: Words after which a capitalised word is a title, with the gender it implies (None: either).
TITLE_WORDS = {
    "male": """
mr mr. mister sir lord master monsieur herr senor father brother mistah mista marse massa
mas'r uncle king prince duke count baron
""".split(),
    "female": """
mrs mrs. miss ms ms. madame mme mademoiselle mlle lady dame mistress aunt sister queen
princess duchess countess mother senora
""".split(),
    None: """
dr dr. doctor professor prof captain major colonel general lieutenant sergeant inspector
detective judge reverend rev
""".split(),
}
TITLES = {word: gender for gender, words in TITLE_WORDS.items() for word in words}
#: The titles without a full stop ("mr", "dr"), as a tokenizer gives them before the "." it splits off.
TITLE_STEMS = {word.rstrip(".") for word in TITLES}
#: Those written short, with a full stop after them ("Mr. Hale"); after any other title a full
#: stop ends the sentence ("... said the Countess. Frederick rose.").
ABBREVIATED_TITLES = {"mr", "mrs", "ms", "dr", "prof", "rev", "mme", "mlle"}

#: A name in full: a title and a name, or two names ("Mrs. Ada Rathbone", "Mary Lennox"), a line
#: break between them as a space.
_NAME = r"[A-Z][a-z][\w'\u2019-]*"
_FULL_NAME = (r"(?:(?:" + "|".join(sorted((re.escape(t.capitalize()) for t in TITLE_STEMS), key=len, reverse=True))
              + r")\.?\s" + _NAME + r"(?:\s" + _NAME + r")?|" + _NAME + r"\s" + _NAME + ")")

#: A speaker giving their own name anywhere in a line ("No. I'm Ros. I'm one of the doctors.",
#: "Ashdown? Come in. I am Mr. Pendrell."), in full or by one name.
SELF_INTRODUCTION = re.compile(r"(?:\bI'm|\bI\u2019m|\bI am|\b[Mm]y name(?:'s|\u2019s| is)) "
                               r"(?P<name>" + _FULL_NAME + "|" + _NAME + r")(?![\w'\u2019-])")

#: The same with the name first ("Amos Tull is my name", "Ashdown is the name").
NAME_THEN_OWN = re.compile(r"(?<![\w'\u2019-])(?P<name>" + _FULL_NAME + "|" + _NAME + r")"
                           r"\s+(?:is|be)\s+(?:my|the)\s+name\b")

#: A name others call the speaker by, in the speaker's words ("Everybody calls me Bunty", "I'm
#: called Sprat", "Don't call me Nymphadora", "I'm better known as Sadness"): a name of theirs too.
#: (Not "known as" alone: "the place known as Liberty Point" is no one's.)
CALLED_ME = re.compile(r"(?:\b[Cc]all(?:s|ed)? me|\bI(?:'m|\u2019m| am) (?:called|(?:better |best )?known as)) "
                       r"(?P<name>" + _FULL_NAME + "|" + _NAME + r")(?![\w'\u2019-])")

#: A full name opening a speech, then where its bearer is from: a handshake's introduction ("Nat
#: Hollis, from Liverpool.", "Lars Haugen. From Tonsberg."), not a call.
NAME_FROM_PLACE = re.compile(r"^\W*(?P<name>" + _FULL_NAME + r")[,.]\s+(?:[Ff]rom|[Oo]f)\s+[A-Z]")

#: A surname opening a speech, then said again in full ("Marsh. Ellen Marsh.", "Marchant. Hugh
#: Marchant. I was told someone would meet me."): one giving their name, not calling anyone,
#: unless the speech goes on about him or her.
NAME_REPEATED = re.compile(r"^\W*(?P<short>" + _NAME + r")\.\s+(?P<name>(?:" + _NAME + r"|(?:"
                           + "|".join(sorted((re.escape(t.capitalize()) for t in TITLE_STEMS), key=len, reverse=True))
                           + r")\.?)\s+(?P=short))(?![\w'\u2019-])"
                           # not one answering "Which young man?" ("Royle. Daniel Royle. A weaver,
                           # and a good one, when he's at his loom.")
                           r"(?!.{0,80}?\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b)", re.S)

#: Each way a speaker says a name is their own.
OWN_NAME = (SELF_INTRODUCTION, NAME_THEN_OWN, CALLED_ME, NAME_FROM_PLACE, NAME_REPEATED)

#: A speaker giving their own name at the start of a speech: one name alone ("Tobias. My gran
#: says...", "Hale, sir"), or after words that say it is their own ("My name is Hale", "I'm
#: Kit"), then in full too ('"I am Miss Morstan," ...', '"My name is Rathbone," said she').
INTRODUCTION = re.compile(
    r"\s*(?:(?P<own>[Mm]y\sname(?:'s|\u2019s|\sis)\s|I'm\s|I\sam\s|I\u2019m\s|[Tt]hey\scall\sme\s)|[Ii]t's\s|[Ii]t\sis\s)?"
    r"(?P<name>(?(own)" + _FULL_NAME + "|(?!))|" + _NAME + r")"
    r"(?:\.|,\s*(?:sir|ma'am|miss|madam)\b|(?(own)(?:[,;!]|\s*$)|(?!)))")

#: The rest of an introduction, after its tag, giving the name in full: '"My name is Rathbone,"
#: said she, "Mrs. Ada Rathbone. My husband..."'.
INTRODUCTION_IN_FULL = re.compile(r"\s*(?P<name>" + _FULL_NAME + r")[.,!]")

#: Words said to anyone of a sex or rank, called out as a title is ("Yes, sir", "Thank you,
#: ma'am"): no sign of which one bearing that title is spoken to ("sir" is no call to Sir John).
#: Not "miss": the one young woman a cast list gives as Miss is the one so called, as a listed
#: Captain Ward is the one called "captain".
POLITE_WORDS = {"sir", "madam", "ma'am", "mister", "master", "mistress", "lady", "lord", "dame", "mr", "mrs",
                "ms", "mum", "missus", "madame", "monsieur"}

#: Titles that, capitalised and alone, may stand for a person as a name does ("said Mademoiselle",
#: "Madame smiled", "answered Doctor"): forms of address, not kinship words ("Mother" is a role).
BARE_TITLES = {
    "mademoiselle", "madame", "monsieur", "mme", "mlle", "madam", "sir", "signor", "signora", "senor",
    "senora", "herr", "frau", "fraulein", "doctor", "professor", "captain", "major", "colonel", "general",
    "lieutenant", "sergeant", "inspector", "judge", "reverend", "squire", "parson", "sister", "matron", "nurse",
}

#: Spellings of one title that mean the same (dialect and abbreviations), for telling people apart.
TITLE_SAME = {"mistah": "mr", "mista": "mr", "mister": "mr", "mr.": "mr", "mrs.": "mrs", "missus": "mrs",
              "ms.": "ms", "dr.": "dr", "doctor": "dr", "massa": "master", "marse": "master", "mas'r": "master"}

#: Reading aloud, which a colon after it makes a tag before the words read ("and read aloud:").
READING_VERBS = {"read", "reads", "recited", "recites"}

#: Titles a family shares with its surname: "Mr. Vance" may be the father of "Jon Vance".
FAMILY_TITLES = {"mr", "mrs", "ms", "miss", "master"}

#: Kin titles said before a given name ("Aunt Hester", "Uncle Abel", "Cousin Jack"): no office, so
#: the same one may be "Miss Hester" or "Mr. Abel" too.
KINSFOLK_TITLES = {"aunt", "auntie", "uncle", "cousin"}

#: Familiar endings of a given name, taken off to find the name it shortens (Jonny, Rosie, Mags).
FAMILIAR_ENDINGS = ("sie", "sy", "ie", "ey", "y", "s", "o")

#: Fewest letters a given name cut short may keep and still stand for the full one (Kit: Kitty).
SHORT_NAME_MIN = 3
#: Openings of given names made of two that are not names in the lists: "Mari-anne", "Jo-anne".
JOINED_NAME_HEADS = frozenset({"mari", "jo", "lou", "ann", "rose", "mary", "lee"})

#: Prepositions before a name in a tag's clause: the name is acted on, not the subject ("He turned
#: to Holmes and said:").
OBJECT_LEAD_INS = {"to", "at", "with", "from", "for", "of", "on", "upon", "toward", "towards", "by", "into",
                   "about", "behind", "beside", "like", "than", "past", "under", "over", "near", "in"}

#: Words that end a noun phrase in a tag before its verb ("the man was", "his voice had").
NOT_NOUNS = {"was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should",
             "did", "does", "then", "now", "again", "also", "only", "just", "still", "too", "not"}

#: Words that may open a sentence of narration before its subject ("Then Holmes rose.").
SENTENCE_OPENERS = {
    "then", "presently", "suddenly", "now", "but", "and", "so", "still", "meanwhile", "instantly",
    "immediately", "slowly", "quickly", "soon", "again", "yet", "afterwards", "here", "finally",
}

#: Prepositions that open a phrase before a sentence's named subject ("At that moment Ruth came
#: in", "In the roar of it Miss Whitten came across the floor").
FRONTED_PREPOSITIONS = {"at", "in", "on", "with", "from", "across", "through", "behind", "beside", "by",
                        "under", "over", "amid", "amidst", "among", "during", "upon"}

#: Most words in such a phrase.
FRONTED_PHRASE_WORDS = 6

#: Words that open a clause before the sentence's own subject ("As the doctor crossed the room he paused").
CLAUSE_OPENERS = {"as", "when", "while", "after", "before", "once", "until", "till", "whilst"}

#: Words that may come before a he/she that opens a sentence ("As he entered", "Then she rose").
PRONOUN_LEAD_INS = ("as", "when", "while", "then", "and", "but", "so", "now")

#: Words that end a noun phrase in a tag ("the pretty woman at his side").
PHRASE_STOPS = {"at", "in", "on", "with", "of", "from", "to", "and", "who", "which", "as", "by", "for",
                "near", "beside", "behind", "that", "whose", "but", "or", "into", "upon", "outside", "inside",
                "beyond", "across", "under", "above", "below", "among", "against", "opposite", "without",
                "through", "after", "before", "over", "like", "than", "until", "around", "toward", "towards",
                "within", "between", "beneath", "past"}

#: Words before a capitalised name that show it names a place or a thing ("in Wisconsin",
#: "out of Waukesha", "the Lusitania"), not a person.
PLACE_CONTEXT = re.compile(r"\b(?:[Tt]he|in|at|from|into|near|towards?|across|through|out of|"
                           r"inside|outside|beyond|round|around|[A-Z]\w+ of|"
                           # one goes to a place and takes a train for it; to a person one speaks
                           r"(?:visit|journey|trip|way|train|ticket|road|return|go|goes|going|went|gone|come|came|"
                           r"got|get|arrived|returned|travelled|traveled|moved|sailed|drove|flew|bound|headed)"
                           r" (?:to|for))\s+[_*]?$")
