"""Tables of the words the parser knows people by when it has no name for them: roles and
callings, kinship, the words that give a speaker's sex. Part of ``rules``."""
from __future__ import annotations

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

#: Nouns for a person as such ("a boy", "the old woman"): someone the narration has not named.
PERSON_NOUNS = {"man", "woman", "boy", "girl", "lady", "gentleman", "lad", "lass", "fellow", "wizard", "witch"}

#: What a he or she who speaks is called when nobody of that sex has been named or described
#: ("'It must be!' he muttered" of a stranger): someone unnamed of that sex, who gets a voice of
#: that sex, rather than no speaker at all. Indefinite, so that no later "the young man" (a
#: noun character is named "the man") is taken for this one.
STRANGERS = {"male": "a man", "female": "a woman"}
