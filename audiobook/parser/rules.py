"""Named tables of patterns the parser works from: data, not code.

Every rule the parser applies to the wording of speech and names lives here, so that a reader
can see (and a test can exercise) what counts as a speech verb, a title, a quote mark or a chat
line without reading the algorithms that use them. The shapes of whole paragraphs (chapter
headings, scene breaks, notes) are in ``structure_rules.py``.
"""
from __future__ import annotations

import re

from audiobook.parser.name_lists import (  # noqa: F401 (the long lists)
    FEMALE_NAMES, MALE_NAMES, NICKNAMES, NOT_NAMES, PEOPLE_NOUNS)

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

#: Occupations and roles that stand for an unnamed character ("said the detective"), with the
#: gender the word implies (None: either).
ROLE_NOUNS = {
    "detective": None, "officer": None, "inspector": None, "constable": None, "sergeant": None,
    "policeman": "male", "doctor": None, "surgeon": None, "nurse": "female", "servant": None, "maid": "female",
    "butler": "male", "footman": "male", "porter": None, "clerk": None, "waiter": "male",
    "waitress": "female", "landlady": "female", "landlord": "male", "proprietor": None, "stranger": None,
    "driver": None, "cabman": "male", "coachman": "male", "captain": None, "colonel": None,
    "major": None, "judge": None, "lawyer": None, "attorney": None, "priest": "male", "minister": None,
    "preacher": None, "manager": None, "conductor": None, "guard": None, "sailor": None, "soldier": None,
    "boatman": "male", "innkeeper": None, "housekeeper": "female", "governess": "female", "jailer": None,
    "warder": None, "prisoner": None, "convict": None, "messenger": None, "shopkeeper": None,
    "gardener": None, "cook": None, "secretary": None, "reporter": None, "editor": None, "agent": None,
    "keeper": None, "clergyman": "male", "parson": "male", "vicar": "male", "sheriff": None,
    "mayor": None, "professor": None, "teacher": None, "schoolmaster": "male", "barber": None,
    "bartender": None, "barkeeper": None, "foreman": "male", "operator": None, "usher": None,
    "harbourmaster": None, "harbormaster": None, "coach": None, "director": None, "headmaster": "male",
    "headmistress": "female", "paramedic": None, "receptionist": None, "caretaker": None,
    "janitor": None, "lifeguard": None, "librarian": None, "pilot": None, "vet": None,
    "engineer": None, "navigator": None, "medic": None, "technician": None, "mechanic": None,
    "scientist": None, "commander": None, "lieutenant": None, "ensign": None, "cadet": None,
    "guide": None, "undertaker": None, "prospector": None, "postman": "male", "waggoner": None,
    "wagoner": None, "gatekeeper": None, "auctioneer": None, "ferryman": "male", "fisherman": "male",
    "farmer": None, "hunter": None, "trader": None, "merchant": None, "peddler": None, "pedlar": None,
    "blacksmith": None, "miller": None, "shepherd": None, "herdsman": "male", "ostler": None,
    "hostler": None, "tailor": None, "baker": None, "butcher": None, "grocer": None, "banker": None,
    "lodger": None, "nun": "female", "monk": "male", "bishop": "male", "chaplain": None,
    "steward": None, "stewardess": "female", "boatswain": None, "watchman": "male", "sentry": None,
    "sentinel": None, "turnkey": None, "bailiff": None, "magistrate": None, "coroner": None,
    "physician": None, "apothecary": None, "chemist": None, "druggist": None, "dentist": None,
    "solicitor": None, "salesman": "male", "saleswoman": "female", "shopman": "male", "milkman": "male",
    "fireman": "male", "ploughman": "male", "labourer": None, "laborer": None, "workman": "male",
    "peasant": None, "pilgrim": None, "beggar": None, "hermit": None,
}

#: Words that may head "said the ..." without being a role the book keeps calling someone by
#: ("said the other", "said the elder"): never learned as roles (``TAG_ROLE_MIN``).
NOT_ROLE_HEADS = {"other", "others", "former", "latter", "first", "second", "third", "last", "elder",
                  "younger", "eldest", "youngest", "same", "one", "two", "three", "rest", "old", "young",
                  "little", "poor", "big", "tall", "short", "fat", "thin", "new", "newcomer", "speaker",
                  "whole", "company", "crowd", "party", "group", "pair", "couple"}

#: A noun the tables do not know ("said the drummer", "the rector said") is a role in a book whose
#: tags call someone by it this many times: a person, as a table's role would be. Once is not
#: enough: a single "ejaculated the musician" is as often a name's epithet.
TAG_ROLE_MIN = 2

#: Nouns that, after "my"/"our", stand for someone already in the conversation rather than a
#: new character ("said my companion", "asked our visitor").
RELATIONAL_NOUNS = {"companion", "friend", "visitor", "guest", "host", "hostess", "interlocutor",
                    "client", "informant", "questioner"}

#: Prepositions before a name in a tag's clause: the name is acted on, not the subject ("He turned
#: to Holmes and said:").
OBJECT_LEAD_INS = {"to", "at", "with", "from", "for", "of", "on", "upon", "toward", "towards", "by", "into",
                   "about", "behind", "beside", "like", "than", "past", "under", "over", "near", "in"}

#: Words that end a noun phrase in a tag before its verb ("the man was", "his voice had").
NOT_NOUNS = {"was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should",
             "did", "does", "then", "now", "again", "also", "only", "just", "still", "too", "not"}

#: Nouns that may head a tag without naming anyone ("said a voice", "came the answer").
NOT_SPEAKER_NOUNS = {"voice", "voices", "tone", "tones", "answer", "reply", "cry", "cries", "words",
                     "word", "question", "response", "whisper", "shout", "call", "sound", "echo",
                     "face", "head", "lips", "mouth", "eyes", "hand", "door", "letter", "note", "paper",
                     "telegram", "message", "sign", "notice", "figure", "shadow", "silence", "laugh",
                     # what is read out ("read the last entry:--")
                     "entry", "inscription", "advertisement", "verse", "verses", "lines", "passage",
                     "card", "label", "headline"}

#: Determiners a character known only by a noun is named with: "the" for the articles and
#: demonstratives ("a tall man" is "the man"), a possessive or "another" kept as written ("my
#: father", "another private").
NOUN_DETERMINERS = {"the": "the", "a": "the", "an": "the", "another": "another", "this": "the", "that": "the",
                    "my": "my", "his": "his", "her": "her", "our": "our", "their": "their", "your": "your"}

#: Family relations that, after "his"/"her", name a relative of someone in the story ("her mother
#: went on"), with the relative's sex.
KINSHIP_NOUNS = {
    "mother": "female", "father": "male", "wife": "female", "husband": "male", "brother": "male",
    "sister": "female", "son": "male", "daughter": "female", "aunt": "female", "uncle": "male",
    "grandmother": "female", "grandfather": "male", "niece": "female", "nephew": "male",
    "cousin": None, "mum": "female", "mom": "female", "dad": "male",
}

#: Everyday words for a relation, with the relation they name ("my mum", "her dad").
KIN_SYNONYMS = {
    "mum": "mother", "mom": "mother", "mam": "mother", "mummy": "mother", "mommy": "mother",
    "dad": "father", "daddy": "father", "pa": "father", "papa": "father", "nan": "grandmother",
    "gran": "grandmother", "granny": "grandmother", "grandma": "grandmother", "grandad": "grandfather",
    "grandpa": "grandfather", "ma": "mother", "mama": "mother", "mamma": "mother", "auntie": "aunt",
    "nana": "grandmother",
}

#: Words before a role noun that describe the person rather than name the role ("the old nurse").
ROLE_ADJECTIVES = {
    "old", "young", "little", "big", "tall", "short", "fat", "thin", "new", "other", "same", "first",
    "second", "last", "poor", "kind", "angry", "tired", "pretty", "grumpy", "nice", "sleepy",
}

#: Titles that fit a relation and titles that do not (a mother or wife is Mrs., not Miss), to
#: tell which of a family is meant.
KIN_TITLES = {
    "mother": ({"mrs", "madame", "mme", "missus"}, {"miss", "mademoiselle", "mlle"}),
    "wife": ({"mrs", "madame", "mme", "missus"}, {"miss", "mademoiselle", "mlle"}),
    "grandmother": ({"mrs", "madame", "mme", "missus"}, {"miss", "mademoiselle", "mlle"}),
    "father": ({"mr", "monsieur", "mistah"}, {"master"}),
    "husband": ({"mr", "monsieur", "mistah"}, {"master"}),
    "grandfather": ({"mr", "monsieur", "mistah"}, {"master"}),
    # A woman of the family's own name who is Mrs. married into it: a mother or a wife, not a
    # sister or a daughter (who, married, would bear another name).
    "sister": ({"miss", "mademoiselle", "mlle"}, {"mrs", "madame", "mme", "missus"}),
    "daughter": ({"miss", "mademoiselle", "mlle"}, {"mrs", "madame", "mme", "missus"}),
}
for _kin, _same in (("mum", "mother"), ("mom", "mother"), ("dad", "father")):
    KIN_TITLES[_kin] = KIN_TITLES[_same]

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

#: Words by which a child calls a parent, with the relation they name.
KIN_VOCATIVES = {
    "ma": "mother", "mama": "mother", "mamma": "mother", "mammy": "mother", "mother": "mother",
    "mum": "mother", "mom": "mother", "mommy": "mother", "mummy": "mother",
    "pa": "father", "papa": "father", "pappy": "father", "father": "father", "dad": "father",
    "daddy": "father",
}

#: Possessives before a kinship noun, with the sex of the one they stand for.
KIN_POSSESSIVES = {"his": "male", "her": "female"}

#: Kin words a family says as a name, with a capital and nothing after ("Uncle said", "said
#: Mother", "Gran laughed"): the one so called in the family the story is told from.
KIN_NAMES = {word: KINSHIP_NOUNS[KIN_SYNONYMS.get(word, word)]
             for word in ("mother", "father", "uncle", "aunt", "grandmother", "grandfather", *KIN_SYNONYMS)}

#: Words that end a noun phrase in a tag ("the pretty woman at his side").
PHRASE_STOPS = {"at", "in", "on", "with", "of", "from", "to", "and", "who", "which", "as", "by", "for",
                "near", "beside", "behind", "that", "whose", "but", "or", "into", "upon", "outside", "inside",
                "beyond", "across", "under", "above", "below", "among", "against", "opposite", "without",
                "through", "after", "before", "over", "like", "than", "until", "around", "toward", "towards",
                "within", "between", "beneath", "past"}

#: Nouns that give the gender of a speaker ("my wife", "the old woman").
GENDER_NOUNS = {
    "male": {"man", "boy", "husband", "father", "son", "brother", "uncle", "gentleman", "lad", "fellow", "king",
             "sir", "mister", "monsieur", "nephew", "grandfather", "groom", "lord", "prince", "waiter",
             "wizard", "sorcerer", "widower", "duke", "master"},
    "female": {"woman", "girl", "wife", "mother", "daughter", "sister", "aunt", "lady", "lass", "queen",
               "madam", "madame", "niece", "grandmother", "bride", "princess", "maid", "mistress",
               "witch", "sorceress", "widow", "duchess", "countess"},
}
#: Callings that in the fiction read here nearly always name a man or a woman ("the porter set
#: down the lantern. He ..."): a he/she after one of them may mean them. Not those often held by
#: either (doctor, cook, clerk, driver, teacher).
CALLING_GENDERS = {
    "male": {"porter", "butler", "footman", "carter", "carrier", "constable", "sergeant", "corporal",
             "soldier", "sailor", "captain", "skipper", "bosun", "boatswain", "landlord", "blacksmith",
             "smith", "ostler", "hostler", "curate", "vicar", "parson", "rector", "priest", "bishop",
             "monk", "friar", "abbot", "squire", "shepherd", "waggoner", "wagoner", "lamplighter",
             "pedlar", "peddler", "tinker", "valet", "bailiff", "sheriff", "cowboy", "miner", "foreman",
             "steward", "colonel", "lieutenant", "admiral", "emperor", "baron", "baronet", "earl",
             "marquis", "viscount", "knight", "laird", "gamekeeper", "keeper", "verger", "sexton",
             "beadle", "tailor", "cobbler", "pilot", "mate", "deacon", "chaplain"},
    "female": {"landlady", "housekeeper", "governess", "nurse", "laundress", "seamstress", "milliner",
               "barmaid", "hostess", "matron", "abbess", "nun", "actress", "waitress", "stewardess",
               "heiress", "empress", "baroness", "marchioness", "viscountess", "wardress", "spinster",
               "dowager", "housemaid", "nursemaid", "parlourmaid", "kitchenmaid", "dairymaid",
               "midwife", "fishwife", "housewife", "schoolmistress", "headmistress", "postmistress"},
}
#: The callings of that table, either sex.
CALLINGS = frozenset(noun for nouns in CALLING_GENDERS.values() for noun in nouns)
#: The sex each of those nouns gives.
NOUN_GENDER = {noun: gender for table in (GENDER_NOUNS, CALLING_GENDERS)
               for gender, nouns in table.items() for noun in nouns}

#: Words before a capitalised name that show it names a place or a thing ("in Wisconsin",
#: "out of Waukesha", "the Lusitania"), not a person.
PLACE_CONTEXT = re.compile(r"\b(?:[Tt]he|in|at|from|into|near|towards?|across|through|out of|"
                           r"inside|outside|beyond|round|around|[A-Z]\w+ of|"
                           # one goes to a place and takes a train for it; to a person one speaks
                           r"(?:visit|journey|trip|way|train|ticket|road|return|go|goes|going|went|gone|come|came|"
                           r"got|get|arrived|returned|travelled|traveled|moved|sailed|drove|flew|bound|headed)"
                           r" (?:to|for))\s+[_*]?$")

#: Nouns for a person as such ("a boy", "the old woman"): someone the narration has not named.
PERSON_NOUNS = {"man", "woman", "boy", "girl", "lady", "gentleman", "lad", "lass", "fellow", "wizard", "witch"}

#: What a he or she who speaks is called when nobody of that sex has been named or described
#: ("'It must be!' he muttered" of a stranger): someone unnamed of that sex, who gets a voice of
#: that sex, rather than no speaker at all. Indefinite, so that no later "the young man" (a
#: noun character is named "the man") is taken for this one.
STRANGERS = {"male": "a man", "female": "a woman"}
