"""Attribution habits of fan fiction: first-person scenes, action beats, messages in italics.
Golden tables ``(text, speakers)``; ``None`` in the expected list means "any"."""
from __future__ import annotations

import pytest

from parser_helpers import parse_text


def _check(text: str, speakers: list) -> None:
    got = [s.speaker for s in parse_text(text).segments() if s.kind.value == "dialogue"]
    assert len(got) == len(speakers), got
    assert all(want is None or g == want for g, want in zip(got, speakers)), got


FIRST_PERSON = [
    pytest.param(
        "Rosalind Marsh worked nights. Nobody on the ward talked about Margaret.\n\n"
        "\u201cMargaret,\u201d he said. \u201cMargaret, Margaret.\u201d\n\n\u201cMargaret is gone.\u201d\n\n"
        "~Ros's POV~\n\nI was tired. I sat down.\n\n* * *\n\n"
        "I went to bay four. The old man was awake.\n\n\u201cIt's late,\u201d I said.\n\n"
        "\u201cMargaret's waiting,\u201d said the old man.\n",
        [None, None, None, "Rosalind Marsh", None],
        id="pov-header-holds-over-a-scene-break"),
    pytest.param(
        "~Liz's POV~\n\nI went down to bother the night cook. Hallam House was asleep. The night cook was a broad "
        "woman with flour up to her elbows.\n\n\u201cAgain,\u201d she said.\n\n\u201cI can't sleep.\u201d\n\n"
        "\u201cSit.\u201d\n",
        ["the night cook", "Liz", "the night cook"],
        id="she-is-not-a-capitalised-place"),
]


@pytest.mark.parametrize("text,speakers", FIRST_PERSON)
def test_regression_first_person_lines_went_to_someone_mentioned_long_before(text, speakers):
    _check(text, speakers)


MESSAGES_AND_BEATS = [
    pytest.param(
        "~Marcus's POV~\n\nRos took out her phone.\n\n\u201cIt's my mum.\u201d\n\n\u201cAnswer it, then.\u201d\n\n"
        "She answered.\n\n*Are you eating?*\n\n\u201cI'm at work, Mum.\u201d\n\n*Are you eating, though?*\n\n"
        "\u201cI'm eating right now. Goodnight.\u201d\n\nShe hung up.\n\n\u201cShe worries,\u201d I said.\n",
        ["Ros", "Marcus", "Ros", "Ros", "Marcus"], id="phone-call-in-italics-keeps-the-floor"),
    pytest.param(
        "~Liz's POV~\n\nThe night cook was a broad woman. The night cook did not look up.\n\n"
        "\u201cAgain,\u201d she said.\n\n\u201cI can't sleep.\u201d\n\n\u201cSit.\u201d\n\n"
        "I sat. She put a bowl in front of me and went back to her dough.\n\n\u201cIs it exams?\u201d\n\n"
        "\u201cNo.\u201d\n\nMy notebook buzzed.\n\n_you awake?_\n\n_no. go to sleep_\n\n_can't_\n\n"
        "The night cook leaned over to look.\n\n\u201cWell?\u201d\n\n\u201cHe can't sleep either.\u201d\n",
        ["the night cook", "Liz", "the night cook", "the night cook", "Liz", "the night cook", "Liz"],
        id="texts-in-italics-and-a-beat-between-speeches"),
]


@pytest.mark.parametrize("text,speakers", MESSAGES_AND_BEATS)
def test_regression_messages_and_beats_broke_the_alternation(text, speakers):
    _check(text, speakers)


BEATS = [
    pytest.param(
        "Callum Reid stood on the harbour wall. Mrs. Reid sat in her chair.\n\n"
        "\u201cSit down,\u201d said his mum.\n\n\u201cI can't.\u201d\n\n"
        "Mags came up the steps in her club vest. She nodded at Mrs. Reid and turned to Callum.\n\n"
        "\u201cPenhallow wants us in ten.\u201d\n\n\u201cRight. Ten.\u201d\n",
        ["Mrs. Reid", "Callum Reid", "Mags", "Callum Reid"], id="one-who-comes-in-and-acts-speaks-next"),
    pytest.param(
        "~Theo's POV~\n\nI found Priya in the cupboard. The stage manager stuck her head in, headset askew.\n\n"
        "\u201cPLACES, PEOPLE.\u201d She pointed at Priya. \u201cYou're first on.\u201d\n\n"
        "Priya stood up.\n\n\u201cHow do I look?\u201d\n\n\u201cFine,\u201d I told her.\n",
        [None, None, "Priya", "Theo"], id="beat-after-an-all-caps-shout"),
    pytest.param(
        "Liz Ashworth and Jon Vance sat in the tower.\n\nLiz spun round. \u201cWHAT?\u201d\n\n"
        "He scrubbed at his face. \u201cMy father's coming.\u201d\n\n"
        "\u201cI -- I'm sorry,\u201d she stammered.\n",
        ["Liz Ashworth", "Jon Vance", "Liz Ashworth"], id="action-beats-and-a-stammer"),
]


@pytest.mark.parametrize("text,speakers", BEATS)
def test_regression_action_beats_instead_of_tags(text, speakers):
    _check(text, speakers)


TURNS = [
    pytest.param(
        "~Callum's POV~\n\nMags Quinn and I carried the boat up. Mr. Quinn was waiting.\n\n"
        "\u201cThe tide was against you,\u201d Mr. Quinn said to Mags. The harbourmaster looked at me. "
        "\u201cAnd you were late.\u201d\n\n\u201cFour minutes, Mr. Quinn.\u201d\n",
        ["Mr. Quinn", "Mr. Quinn", "Callum"], id="looked-at-me-so-i-answer"),
    pytest.param(
        "~Ros's POV~\n\nMr. Whitlock sat on his bed. Marcus waited by the curtain.\n\n"
        "\u201cYou're not Margaret,\u201d said Mr. Whitlock.\n\n\u201cNo. I'm Ros. I'm one of the doctors.\u201d\n",
        ["Mr. Whitlock", "Ros"], id="im-ros-names-the-speaker-not-the-listener"),
    pytest.param(
        "~Marcus's POV~\n\nHannah Whitlock sat with her dad. Ros Castellano came back.\n\n"
        "\u201cIs he asleep?\u201d Hannah asked.\n\n"
        "\u201cMarcus.\u201d Ros was at my elbow. She looked grey. \u201cBay six. Now.\u201d\n",
        ["Hannah Whitlock", "Ros Castellano", "Ros Castellano"], id="beat-between-two-quotations"),
    pytest.param(
        "~Marcus's POV~\n\nRos Castellano and Mrs. Delaney walked out with me.\n\n"
        "\u201cGo home,\u201d said Mrs. Delaney.\n\nRos spun round on the pavement. \u201cMARCUS.\u201d\n\n"
        "\u201cWhat is it?\u201d\n",
        ["Mrs. Delaney", "Ros Castellano", "Marcus"], id="the-narrator-called-by-name-answers"),
]


@pytest.mark.parametrize("text,speakers", TURNS)
def test_regression_turns_in_first_person_scenes(text, speakers):
    _check(text, speakers)


#: (paragraph with a stray opening mark, followed by a line of speech): the paragraph stays narration.
STRAY_MARKS = [
    "Under the poster somebody had written \"wash them like you mean it on a strip of tape in green "
    "marker, and somebody else had drawn a sad face beside it.\n\n\"Marcus,\" Ros said.\n",
    "There was a faded \u201cQUIET PLEASE at the top of the sign and the rest had been torn away, so it "
    "was an instruction to nobody.\n\n\u201cTwo minutes,\u201d Theo said.\n",
]


@pytest.mark.parametrize("text", STRAY_MARKS)
def test_regression_stray_quote_mark_turned_narration_into_dialogue(text):
    segs = [(s.kind.value, s.speaker) for s in parse_text(text).segments()]
    assert segs[0] == ("narration", None)
    assert [k for k, _ in segs].count("dialogue") == 1


def test_regression_mum_called_by_the_son_of_the_mother_on_stage():
    _check("Callum Reid found Mrs. Reid on the wall. Tom Hale was with him. Tom waved.\n\n"
           "\u201cMum,\u201d he said. \u201cYou came.\u201d\n", ["Callum Reid", "Callum Reid"])


def test_regression_a_she_acting_between_two_quotations_was_not_their_speaker():
    _check("~Lizzy's POV~\n\nI did not answer. Charles went to find the coats, and Caroline found me "
           "by the door.\n\n\u201cShe's very... artisanal, isn't she?\u201d She handed me a glass. "
           "\u201cJane's little sister.\u201d\n",
           ["Caroline", "Caroline"])


def test_a_role_acting_between_two_quotations_speaks_them():
    text = ("~Theo's POV~\n\nPriya Okoro was crying. I gave her a tissue.\n\nThe door banged open behind "
           "me and the stage manager stuck her head in.\n\n\u201cPLACES, PEOPLE.\u201d She pointed at "
           "Priya. \u201cOkoro, you're first on.\u201d\n")
    said = [s.speaker for s in parse_text(text).segments() if s.kind.value == "dialogue"]
    assert said[0] == said[1] and said[0].endswith("manager"), said


def test_regression_dad_called_by_the_daughter_of_the_father_on_stage():
    _check("~Marcus's POV~\n\nHannah Whitlock sat by the bed. Her dad was asleep. Ros Castellano "
           "had hung his coat on the chair.\n\n\"Dad,\" she whispered. \"Dad, it's me.\"\n",
           ["Hannah Whitlock", "Hannah Whitlock"])


def test_regression_a_surname_called_alone_to_one_already_talking_is_answered_by_them():
    _check("Callum Reid and Mags Quinn stood on the wall. Mr. Quinn came along with a clipboard.\n\n"
           "\u201cWe'll win,\u201d said Mags.\n\n\u201cWe might,\u201d said Callum.\n\n"
           "\u201cReid,\u201d he said.\n\n\u201cMr. Quinn.\u201d\n",
           ["Mags Quinn", "Callum Reid", "Mr. Quinn", "Callum Reid"])


def test_regression_a_role_opening_the_last_sentence_acts_before_the_speech():
    _check("~Ben's POV~\n\nCaptain Imogen Hale and Dr. Farah Nazari stood by the console.\n\n"
           "\"It bites,\" said Dr. Nazari.\n\n\"Noted,\" I said.\n\n"
           "The captain straightened up. For a moment she looked tired.\n\n\"Right. Doctor, you're on vermin.\"\n",
           ["Dr. Farah Nazari", None, "Captain Imogen Hale"])


SECOND_PERSON = [
    pytest.param(
        "Chapter 1: Rain\n\n\u201cYou're late,\u201d Bucky says, not looking up from his coffee.\n\n"
        "You drop your bag on the table. \u201cThe train was late. Blame the city.\u201d\n\n"
        "\u201cI blame you.\u201d\n\n"
        "\u201cOf course you do,\u201d you say, stealing a sip of his coffee. \u201cThat's awful.\u201d\n\n"
        "He grins. \u201cThen stop drinking it, doll.\u201d\n\n"
        "\u201cMake better coffee, then, Barnes,\u201d you mutter.\n\n"
        "Steve walks in, shaking rain off his jacket. \u201cMorning, Y/N. Morning, Buck.\u201d\n\n"
        "\u201cMorning,\u201d you answer.\n",
        ["Bucky", "Y/N", "Bucky", "Y/N", "Y/N", "Bucky", "Y/N", "Steve", "Y/N"],
        id="the-you-of-a-reader-insert-is-y-n"),
    pytest.param(
        "The library is empty when you get there, except for Remus.\n\n"
        "\u201cYou're up early,\u201d he says.\n\n"
        "You shrug and sit across from him. You pull his book toward you and read the title.\n\n"
        "\u201cCouldn't sleep.\u201d\n\n"
        "\u201cNor could I,\u201d Remus admits.\n\n"
        "\u201cIs that why you're reading about werewolves?\u201d you ask.\n",
        ["Remus", "Reader", "Remus", "Reader"],
        id="a-story-told-to-you-with-no-name-for-you-calls-you-reader"),
    pytest.param(
        "\u201cGood morning,\u201d I said to Mrs. Hale.\n\n"
        "You would have laughed to see me then, I dare say, for I was all nerves.\n\n"
        "\u201cGood morning,\u201d said she. \u201cYou are early.\u201d\n\n"
        "\u201cI could not sleep.\u201d\n",
        ["the narrator", "Mrs. Hale", "Mrs. Hale", "the narrator"],
        id="a-narrator-speaking-to-the-reader-now-and-then-tells-no-story-to-you"),
]


@pytest.mark.parametrize("text,speakers", SECOND_PERSON)
def test_regression_a_story_told_to_you_gave_your_lines_to_others(text, speakers):
    _check(text, speakers)


SHOP = ("Mrs. Hale kept the shop on the corner of the square for thirty years, and in all that time "
        "she never once shut it early. The townspeople said you could set a clock by her shutters, "
        "and her nephew Tom, who helped on market days, said the same with less admiration. If you "
        "had asked either of them why, they could not have told you. The shop smelled of coffee and "
        "string and the dust of old ledgers, and the bell over the door was cracked.\n\n"
        "At five the door opened. You may imagine how she looked.\n\n"
        "\u201cWe're closing,\u201d she said.\n\n\u201cIt's only five,\u201d said Tom.\n")


@pytest.mark.parametrize("text,told_to_you", [
    pytest.param(SECOND_PERSON[0].values[0], True, id="reader-insert"),
    pytest.param(SECOND_PERSON[1].values[0], True, id="you-with-no-name"),
    pytest.param(SECOND_PERSON[2].values[0], False, id="first-person-speaking-to-the-reader"),
    pytest.param(SHOP, False, id="third-person-speaking-to-the-reader-four-times-in-a-hundred-words"),
])
def test_a_story_is_told_to_you_only_when_its_narration_says_you_throughout(text, told_to_you):
    from audiobook.parser import build_units
    from audiobook.parser.narrators import second_person

    units, _ = build_units(text)
    assert second_person(text, units) is told_to_you


CHATS = [
    pytest.param(
        "Your phone buzzes on the nightstand.\n\nSteve: you up?\n\nY/N: no\n\nSteve: liar\n\n"
        "You roll your eyes and type back.\n\ny/n: what do you want, Rogers\n\nSteve: breakfast. Bucky's buying\n\n"
        "\u201cHe is not,\u201d Bucky calls from the hallway.\n",
        ["Steve", "Y/N", "Steve", "Y/N", "Steve", "Bucky"], id="a-chat-of-text-messages-is-its-senders-speech"),
    pytest.param(
        "Your phone buzzes.\n\n**Steve:** you up?\n\n**Y/N**: no\n\n[10:42] Steve: liar\n\n"
        "\u201cWho is it?\u201d Bucky asks.\n",
        ["Steve", "Y/N", "Steve", "Bucky"], id="a-chat-with-names-in-bold-and-times"),
    pytest.param(
        "Pairing: Bucky x Reader\n\nWarnings: fluff, swearing\n\nWord Count: 1.2k\n\n"
        "Bucky sat on the step. Steve: he had forgotten Steve.\n\n\u201cYou're late,\u201d said Bucky.\n",
        ["Bucky"], id="a-fics-header-of-labels-is-no-chat-nor-is-one-line-alone"),
    pytest.param(
        "The email came at noon.\n\nFrom: Mum\n\nSubject: Dinner\n\nCome home for dinner, love.\n\n"
        "\u201cMum again?\u201d asked Tom.\n",
        ["Tom"], id="an-emails-headers-are-no-chat"),
]


@pytest.mark.parametrize("text,speakers", CHATS)
def test_regression_a_chat_was_read_as_narration(text, speakers):
    _check(text, speakers)


def test_a_chat_line_keeps_every_character_of_its_paragraph():
    from parser_helpers import parse_text

    text = CHATS[0].values[0]
    segments = list(parse_text(text).segments())
    chat = [s for s in segments if s.kind.value == "dialogue"][:2]
    assert [(s.text, text[s.start:s.end]) for s in chat] == [("you up?", "you up?"), ("no", "no")]
    names = [s.text for s in segments if s.kind.value == "narration" and s.text.endswith(":")]
    assert names == ["Steve:", "Y/N:", "Steve:", "y/n:", "Steve:"]
