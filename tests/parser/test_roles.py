"""Roles that are people: relatives ("my mum", "her dad") and jobs ("the stage manager"), linked
to the named person when the text says who they are. Golden tables ``(text, speakers)``."""
from __future__ import annotations

import pytest

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
]


@pytest.mark.parametrize("text,speakers", ROLES)
def test_regression_roles_that_are_people(text, speakers):
    got = [s.speaker for s in parse_text(text).segments() if s.kind.value == "dialogue"]
    assert len(got) == len(speakers)
    assert all(want is None or g == want for g, want in zip(got, speakers)), got
