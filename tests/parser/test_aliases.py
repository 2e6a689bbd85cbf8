"""One person, many names (nicknames, initials); one surname, two people (a parent and a child).
Golden tables, each case a general pattern shown on more than one name."""
from __future__ import annotations

import pytest

from audiobook.parser.aliases import clips_end, shortens
from parser_helpers import parse_text

#: (short, full, whether short is a short or familiar form of full)
SHORT_FORMS = [
    ("Jon", "Jonathan", True), ("Jonny", "Jonathan", True), ("Theo", "Theodore", True),
    ("Ros", "Rosalind", True), ("Rosie", "Rosalind", True), ("Cal", "Callum", True),
    ("Mags", "Margaret", True), ("Joey", "Joe", True), ("Liz", "Elizabeth", True),
    ("Joe", "Joey", False), ("Jo", "Jonathan", False), ("Rosalind", "Ros", False),
    ("Mark", "Marcus", False), ("Callum", "Callum", False),
    # regression: a familiar ending in place of a final e was no form of the name ("Rosie" was
    # a character apart from the narrator Rose)
    ("Rosie", "Rose", True), ("Katie", "Kate", True), ("Janie", "Jane", True), ("Rose", "Rosie", False),
    ("Eve", "Evie", False), ("Moe", "Moses", False),
    # regression: one familiar ending in place of another was no form of the name ("Lils" for
    # Lily, "Buck" answering for Bucky), and a given name of its own cut to "Mar" shortened any
    # word that starts so (Mary was "the Marauders")
    ("Lils", "Lily", True), ("Mags", "Maggie", True), ("Mary", "Marauder", False),
    ("Tommy", "Thomas", True),
]


@pytest.mark.parametrize("short,full,expected", SHORT_FORMS, ids=[f"{s}-{f}" for s, f, _ in SHORT_FORMS])
def test_short_and_familiar_given_names(short, full, expected):
    assert shortens(short, full) is expected


#: (short, full, whether short is full with its opening cut off): Delia of Cordelia, not Anne of
#: Marianne, a name joined onto another.
CLIPPED_ENDS = [("Delia", "Cordelia", True), ("Bella", "Isabella", True), ("Bert", "Albert", True),
                ("Anne", "Marianne", False), ("Mary", "Rosemary", False), ("Anne", "Joanne", False),
                ("Tina", "Christina", False), ("Ann", "Joann", False)]


@pytest.mark.parametrize("short,full,expected", CLIPPED_ENDS, ids=[f"{s}-{f}" for s, f, _ in CLIPPED_ENDS])
def test_given_names_with_their_opening_cut_off(short, full, expected):
    assert clips_end(short, full) is expected


def _speakers(text: str) -> list:
    return [s.speaker for s in parse_text(text).segments() if s.kind.value == "dialogue"]


def _characters(text: str) -> set:
    return {c.name for c in parse_text(text).characters}


#: (text, the characters the table shows): one per person.
ONE_PERSON_MANY_NAMES = [
    ("Jonathan Vance climbed the tower. Jon sat down.\n\n\u201cHi,\u201d Jonny said.\n\n"
     "\u201cHello,\u201d said Jon.\n\nJ's hands were cold.\n",
     {"Jonathan Vance"}),
    ("Dr. Rosalind Castellano came in. Rosalind was tired.\n\n\u201cCoffee,\u201d Ros said.\n\n"
     "\u201cNow,\u201d said Rosie.\n", {"Dr. Rosalind Castellano"}),
    ("Ms. Henderson stood on the stage.\n\n\u201cAgain,\u201d said Ms. Henderson.\n\n"
     "\u201cFrom the top,\u201d Ms. H said.\n", {"Ms. Henderson"}),
    ("Mrs. Delaney signed the book.\n\n\"Go home,\" said Mrs. Delaney.\n\n\"Now,\" Mrs. D added.\n",
     {"Mrs. Delaney"}),
    ("Lieutenant Benedict Osei took the chart.\n\n\"Four days,\" said Ben.\n\n"
     "\"Five,\" said Lieutenant Osei.\n\n\"Maybe,\" Benny said.\n", {"Lieutenant Benedict Osei"}),
    ("Dr. Farah Nazari held up a jar.\n\n\"Look,\" said Farah.\n\n\"There,\" said Dr. Nazari.\n\n"
     "\"Thirty-one hours, Captain. Give or take,\" said Farah.\n", {"Dr. Farah Nazari"}),
    # regression: a given name cut at its opening was a second person ("Delia Fennimore")
    ("Cordelia Fennimore poured the tea.\n\n\"Sugar?\" said Cordelia Fennimore.\n\n"
     "\"Two,\" said Tom Varley.\n\n\"There,\" said Delia Fennimore.\n", {"Cordelia Fennimore", "Tom Varley"}),
    ("Isabella came down late.\n\n\"Tea?\" said Isabella.\n\n\"Please,\" said Tom.\n\n"
     "\"Here,\" said Bella.\n", {"Isabella", "Tom"}),
    # regression: a kinsfolk title kept "Uncle Ron" from being Ronald ("Mr. Ron" would not be)
    ("Ron Weasley came in with the boat.\n\n\"Mind the curtains, Ronald,\" said Molly.\n\n"
     "\"I am minding them,\" said Ronald Weasley.\n\n\"Hullo, Uncle Ron,\" said Rose.\n\n"
     "\"Hullo, Rosie,\" said Ron.\n", {"Ronald Weasley", "Molly", "Rose"}),
]


@pytest.mark.parametrize("text,names", ONE_PERSON_MANY_NAMES)
def test_regression_one_person_had_a_voice_per_name(text, names):
    assert _characters(text) == names


#: (text, the speakers): a titled surname beside a given-name bearer of it is a parent.
PARENT_AND_CHILD = [
    ("Jonathan Vance waited in the hall.\n\nMr. Vance stood by the door. Jon stood in front of him.\n\n"
     "\u201cFather,\u201d said Jon.\n\n\u201cYou look tired,\u201d said Mr. Vance.\n\n"
     "\u201cBudge up, Vance,\u201d Liz said. Vance budged up.\n\n\u201cFine,\u201d said Vance.\n",
     ["Jonathan Vance", "Mr. Vance", "Liz", "Jonathan Vance"]),
    ("Callum Reid ran up the steps.\n\nShe nodded at Mrs. Reid and then turned to Callum.\n\n"
     "\u201cSit down,\u201d said Mrs. Reid.\n\n\u201cI can't,\u201d said Callum.\n",
     ["Mrs. Reid", "Callum Reid"]),
    ("Priya Okoro hid in the cupboard.\n\n\u201cMiss Okoro,\u201d Ms. Henderson said.\n\n"
     "At home Mrs. Okoro was waiting up.\n\n\u201cTea?\u201d said Mrs. Okoro.\n\n\u201cPlease,\u201d said Priya.\n",
     ["Ms. Henderson", "Mrs. Okoro", "Priya Okoro"]),
]


@pytest.mark.parametrize("text,speakers", PARENT_AND_CHILD)
def test_regression_surname_alone_took_the_fathers_lines(text, speakers):
    assert _speakers(text) == speakers


def test_a_woman_called_both_ways_in_one_paragraph_stays_one_person():
    text = ("Edna Pontellier walked on the beach. Mrs. Pontellier was tired, and Edna sat down.\n\n"
            "\u201cI am going in,\u201d said Mrs. Pontellier.\n")
    assert _characters(text) == {"Edna Pontellier"}


def test_regression_a_familiar_form_called_only_in_the_talk_is_the_one_who_answers():
    # "Lils" was nobody, so the girl who had just spoken answered her own question.
    text = ("Lily Evans sat with Marlene and Mary at the end of the table.\n\n"
            '"Honestly, Lils, just go and ask him," Marlene said.\n\n'
            '"I talk to him all the time."\n\n'
            '"Since when?" said Mary.\n')
    assert _speakers(text) == ["Marlene", "Lily Evans", "Mary"]
