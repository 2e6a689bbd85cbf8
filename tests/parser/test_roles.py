"""Roles that are people: relatives ("my mum", "her dad") and jobs ("the stage manager"), linked
to the named person when the text says who they are. Golden tables ``(text, speakers)``."""
from __future__ import annotations

import pytest

from audiobook.parser import roles
from parser_helpers import parse_text

ROLES = [
    pytest.param(
        "Priya Okoro was the understudy.\n\n~Priya's POV~\n\nPriya came home late. Mrs. Okoro had left the light on.\n\n"
        "\u201cYou're late,\u201d my mum said.\n\n\u201cSorry.\u201d\n\n\u201cSit down,\u201d she said.\n",
        ["Mrs. Okoro", "Priya Okoro", "Mrs. Okoro"], id="my-mum-is-mrs-surname"),
    pytest.param(
        "Callum Reid ran up the steps. Mrs. Reid was in her chair.\n\n"
        "\u201cSit down,\u201d said his mum.\n\n\u201cI can't,\u201d said Callum.\n",
        ["Mrs. Reid", "Callum Reid"], id="his-mum-is-mrs-surname"),
    pytest.param(
        "The stage manager was talking into her headset. Ms. Henderson waited.\n\n"
        "\u201cBell's not working,\u201d the stage manager said.\n\n\u201cThen clap,\u201d said Ms. Henderson.\n\n"
        "\u201cStanding by,\u201d said the stage manager.\n",
        ["the stage manager", "Ms. Henderson", "the stage manager"], id="compound-role-kept-whole"),
    pytest.param(
        "I went down to the kitchen. The night cook was kneading dough.\n\n"
        "\u201cAgain?\u201d said the night cook.\n\n\u201cI can't sleep.\u201d\n\n\u201cSit,\u201d the night cook said.\n",
        ["the night cook", None, "the night cook"], id="night-cook"),  # None: the narrator, unnamed
    pytest.param(
        "Margaret Quinn rowed in. Mr. Quinn was on the slipway. Her dad was the harbourmaster.\n\n"
        "\u201cSlow,\u201d said the harbourmaster.\n\n\u201cThe tide,\u201d said Margaret.\n",
        ["Mr. Quinn", "Margaret Quinn"], id="role-said-to-be-a-relative"),
    pytest.param(
        "Dev Rao was late for assembly. Mrs. Rao was at the front. His mum was the headmistress.\n\n"
        "\"Sit down,\" said the headmistress.\n\n\"Sorry,\" said Dev.\n",
        ["Mrs. Rao", "Dev Rao"], id="headmistress-said-to-be-his-mum"),
    pytest.param(
        "Dr. Farah Nazari and Lieutenant Ben Osei stood on the bridge.\n\n"
        "\"Careful with those,\" the doctor said.\n\n\"Sorry,\" said Ben.\n",
        ["Dr. Farah Nazari", "Lieutenant Ben Osei"], id="the-doctor-is-dr-surname-on-stage"),
    pytest.param(
        "Captain Imogen Hale ran the ship.\n\n-x-x-\n\n~Ben's POV~\n\nI was awake. The door opened.\n\n"
        "\"You need to sleep.\" The captain put a mug down. \"Drink that.\"\n",
        ["Captain Imogen Hale", "Captain Imogen Hale"], id="the-captain-is-the-only-captain"),
    pytest.param(
        "Jeff Margrave and I came to the river. The guide stood serenely on the bank, pleased.\n\n"
        "\u201cOne day blue, one day red,\u201d he told us.\n",
        ["the guide"], id="regression-a-trade-opening-the-narration-is-a-role"),
    pytest.param(
        "The slaves stood in a row, and Isabella looked at Virginia. The auctioneer raised his hammer.\n\n"
        "\"Only five hundred for such a girl as this?\" he cried.\n",
        ["the auctioneer"], id="regression-the-auctioneer-is-a-role"),
    # A noun the role table lacks is one this book's tags call someone by: "said the drummer" twice
    # makes "The drummer opened fire" a role's act,
    # whom the "said he" after it means.
    pytest.param(
        "Opposite me sat a stout drummer. In the corner was a little old man in a beaver hat.\n\n"
        "The drummer opened fire before we were clear of the town.\n\n"
        "\"Going through to Red Butte, friend?\" said he.\n\n\"As far as that,\" said I.\n\n"
        "\"Same here,\" said the drummer.\n\n"
        "\"The time passes of itself,\" observed the little old man.\n\n"
        "\"That's so, uncle,\" said the drummer cheerfully.\n",
        ["the drummer", None, "the drummer", None, "the drummer"], id="regression-a-noun-the-tags-use-is-a-role"),
    pytest.param(
        "The rain stopped. Mr. Lacey walked up from the gate.\n\n"
        "\"Fine weather after all,\" said the curate.\n\n\"Very fine,\" said Mr. Lacey.\n\n"
        "The curate lifted his hat and looked at the sky.\n\n\"We shall have a harvest,\" he said.\n\n"
        "\"If God wills,\" the curate said.\n",
        ["the curate", "Mr. Lacey", "the curate", "the curate"], id="regression-a-role-twice-in-tags"),
]


@pytest.mark.parametrize("text,speakers", ROLES)
def test_regression_roles_that_are_people(text, speakers):
    got = [s.speaker for s in parse_text(text).segments() if s.kind.value == "dialogue"]
    assert len(got) == len(speakers)
    assert all(want is None or g == want for g, want in zip(got, speakers)), got


LEARNED = [
    ("\"Yes,\" said the drummer. \"No,\" said the drummer cheerfully.", {"drummer"}),
    ("\"Yes,\" the rector said. \"No,\" the rector said.", {"rector"}),
    # regression: once in a tag is not enough, even with someone brought in by it (an epithet of
    # a name as often: "ejaculated the musician")
    ("\"Yes,\" said the drummer.", set()),
    ("She was more of a musician than you.\n\n\"Ah!\" ejaculated the musician.", set()),
    # regression: words that head a tag without being a role
    ("\"Yes,\" said the other. \"No,\" said the other. \"So,\" said the elder. \"So,\" said the elder.", set()),
    ("\"Yes!\" cried the girls. \"Yes!\" cried the girls.", set()),
    ("\"Yes,\" said the doctor. \"No,\" said the doctor.", set()),  # the table's already
]


@pytest.mark.parametrize("text,nouns", LEARNED)
def test_nouns_the_tags_call_someone_by(text, nouns, monkeypatch):
    # The roles learn from the tags the parser finds: catch what it hands them.
    told: list = []
    learn = roles.Roles.learn
    monkeypatch.setattr(roles.Roles, "learn", lambda self, tag_nouns: (told.extend(tag_nouns), learn(self, tag_nouns)))
    parse_text(text)
    assert set(roles.learned_roles(told)) == nouns


def test_regression_the_one_a_role_acts_on_gave_the_role_their_sex():
    """"the purser corrected her gently": her is the one corrected, not the purser, who is a he."""
    text = ('The purser did not turn his head.\n\n"One, miss," the purser corrected her gently.\n\n'
            'Lucy looked at the purser, and laughed.\n')
    from audiobook.parser.characters import Roster
    assert roles.Roles(text, Roster()).gender_of("purser") == "male"
