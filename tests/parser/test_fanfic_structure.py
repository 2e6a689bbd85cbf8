"""Structure lines as fan fiction writes them: decorated POV headers, motif scene breaks,
day-and-clock time headers. Golden tables ``(text, expected)``, one regression per kind of bug."""
from __future__ import annotations

import pytest

from parser_helpers import parse_text, shape

BODY = "\n\nI had never seen the sea before.\n"

#: (header line, the first-person narrator it sets; "" for the narrator)
DECORATED_POV = [
    ("~Tom's POV~", "Tom"),
    ("*Tom's POV*", "Tom"),
    ("-- Nadia's POV --", "Nadia"),
    ("oOo Liz's POV oOo", "Liz"),
    ("~*~ Mags POV ~*~", "Mags"),
    ("-- Ben's POV --", "Ben"),
    ("Tom POV", "Tom"),
    ("*General POV*", ""),
    ("~Normal POV~", ""),
    ("Normal POV", ""),
]


@pytest.mark.parametrize("line,who", DECORATED_POV, ids=[l for l, _ in DECORATED_POV])
def test_regression_decorated_pov_header_was_read_as_text(line, who):
    segs = shape(line + BODY)
    assert segs[0][0] == "heading"
    assert "~" not in segs[0][2] and "*" not in segs[0][2]
    assert segs[-1] == ("narration", who or None, "I had never seen the sea before.")


#: Lines that are a scene break.
MOTIF_BREAKS = ["~*~*~", "oOoOo", "oOo", "*~*~*~*", "-x-x-", "x x x", "X X X", "* * *",
                "                * * *", "~ * ~ * ~", "o0o", "=+=+="]


@pytest.mark.parametrize("line", MOTIF_BREAKS)
def test_regression_decorated_scene_break_was_read_as_text(line):
    text = "Mara left at dawn.\n\n" + line + "\n\nShe came back at dusk.\n"
    assert [k for k, _, _ in shape(text)] == ["narration", "break", "narration"]


#: Short lines that are words, not breaks.
NOT_BREAKS = ["xoxo", "Oh", "ox", "Hello", "Ooh."]


@pytest.mark.parametrize("line", NOT_BREAKS)
def test_words_are_not_scene_breaks(line):
    text = "Mara left at dawn.\n\n" + line + "\n\nShe came back at dusk.\n"
    assert "break" not in [k for k, _, _ in shape(text)]


#: (header line, the words read out)
TIME_HEADERS = [
    ("Saturday, 3 a.m.", "Saturday, 3 a.m."),
    ("Opening night, 9:47 p.m.", "Opening night, 9:47 p.m."),
    ("Night four, 4:30 a.m.", "Night four, 4:30 a.m."),
    ("Regatta day, 2 p.m.", "Regatta day, 2 p.m."),
    ("Tuesday night", "Tuesday night"),
    ("3:00 a.m.", "3:00 a.m."),
    ("~Sunday, 6:15 a.m.~", "Sunday, 6:15 a.m."),
    ("Day two, 0300 hours", "Day two, 0300 hours"),
    ("Shore leave, 1900 hours", "Shore leave, 1900 hours"),
]


@pytest.mark.parametrize("line,words", TIME_HEADERS, ids=[l for l, _ in TIME_HEADERS])
def test_regression_day_and_clock_time_header_was_read_as_text(line, words):
    segs = shape(line + "\n\nMara left at dawn.\n")
    assert segs == [("heading", None, words), ("narration", None, "Mara left at dawn.")]


def test_regression_missed_pov_header_gave_the_section_to_a_capitalised_phrase():
    text = ("~Nadia's POV~\n\nThe Lantern Room was dark. I found the switch.\n\n"
            "\u201cWho's there?\u201d I said.\n\n\u201cOnly me,\u201d said Tom.\n")
    script = parse_text(text)
    speakers = [s.speaker for s in script.segments() if s.kind.value == "dialogue"]
    assert speakers == ["Nadia", "Tom"]


POSTED_WITH = ("Staten Island, Round Trip\n\nby shieldbrosforever\n\n"
               "Fandom: Pride and Prejudice - Jane Austen (Modern AU)\n"
               "Rating: Teen And Up Audiences\n"
               "Relationships: Steve Rogers & Sam Wilson\n"
               "Characters: Steve Rogers, Sam Wilson, Sarah Wilson, Original Characters\n"
               "Warnings: No Archive Warnings Apply. Everybody lives bc I said so.\n\n"
               "Chapter 1: St. George\n\n")


def test_regression_the_facts_a_story_is_posted_with_were_read_as_its_first_words():
    segs = shape(POSTED_WITH + "Steve leaned on the rail.\n\n\"Rules, Wilson.\"\n\n\"Since when?\" said Steve.\n")
    kinds = [(k, t.split(":")[0]) for k, _, t in segs[2:7]]
    assert kinds == [("note", "Fandom"), ("note", "Rating"), ("note", "Relationships"),
                     ("note", "Characters"), ("note", "Warnings")]


def test_regression_names_in_the_posting_and_the_headings_made_characters():
    # "Jane Austen" from the fandom, "George" from the chapter's title, "Sam Wilson Characters"
    # from a name running on into the next line's label: none is anyone in the story.
    script = parse_text(POSTED_WITH + "Jane looked at the ferry. She was cold.\n\n\"Go on,\" said Jane.\n\n"
                        "\"Rules, Wilson.\"\n\n\"Since when?\" said Steve.\n")
    names = {c.name for c in script.characters}
    assert not any("Austen" in n or "George" in n or "Characters" in n for n in names), names


def test_the_characters_line_gives_the_full_names():
    # In the story Sam is only "Sam" and "Wilson": the line the story is posted with joins them.
    script = parse_text(POSTED_WITH + "Sam and Steve leaned on the rail.\n\n\"It's a boat,\" Sam said.\n\n"
                        "\"Rules, Wilson.\"\n\n\"Since when do you care?\"\n")
    [sam] = [c for c in script.characters if "Sam" in c.aliases or c.name == "Sam"]
    assert "Wilson" in sam.aliases and sam.name == "Sam Wilson"
    said = [s.speaker for s in script.segments() if s.kind.value == "dialogue"]
    assert said == ["Sam Wilson", "Steve Rogers", "Sam Wilson"]


#: A story as its archive lets it be downloaded: title, the author's user name alone, the facts,
#: then labelled sections ("Summary:", "Notes:", "Work Text:", "End Notes:").
DOWNLOADED = ("Dead Reckoning\n\norbitalflotsam\n\n"
              "Rating: Teen And Up Audiences\n\nCategory: M/M\n\n"
              "Characters: Finn (Star Wars), Poe Dameron, Rose Tico\n\n"
              "Additional Tags: Hurt/Comfort, Poe Dameron Is Bad At Self-Care, Happy Ending\n\n"
              "Language: English\n\nStats: Published: 2020-04-11 Words: 2,861 Chapters: 1/1\n\n"
              "Summary:\n\nA routine supply run. Poe is fine.\n\n"
              "Notes:\n\nWritten for an exchange!\n\n(See the end of the work for more notes.)\n\n"
              "Work Text:\n\n"
              "Poe leaned back.\n\n\u201cOh, that\u2019s not good,\u201d Poe says.\n\n"
              "\u201cTell me that was supposed to happen,\u201d said Finn.\n\n"
              "* * *\n\nEnd Notes:\n\nThank you so much for reading!!\n")


def test_regression_a_downloaded_story_read_its_facts_and_notes_as_the_story():
    # The user name alone after the title made the facts below it prose: "Additional Tags:"
    # became a chat sender with a line, and "Poe Dameron" ran on into "Characters".
    segs = shape(DOWNLOADED)
    assert [k for k, _, t in segs if t.startswith(("orbitalflotsam", "Rating", "Category", "Characters",
                                                    "Additional", "Language", "Stats", "Summary", "A routine",
                                                    "Notes", "Written", "(See", "Work Text", "End Notes",
                                                    "Thank you"))] \
        == ["heading"] + ["note"] * 14
    assert [(k, who) for k, who, _ in segs if k == "dialogue"] == [("dialogue", "Poe Dameron"), ("dialogue", "Finn")]


#: A story's page on its archive copied from a browser into a text file: each fact's label on a
#: line of its own and its value on the next (indented or not, as the browser copies it), then
#: the title over the author's name with no "by", then the labelled sections.
COPIED_FACTS = [("Rating:", "General Audiences"), ("Archive Warning:", "No Archive Warnings Apply"),
                ("Fandom:", "Original Work"), ("Characters:", "Wren Halloway, Old Amos"),
                ("Language:", "English"), ("Series:", "Part 3 of River Tales"), ("Stats:", None),
                ("Published:", "2025-05-04"), ("Words:", "231"), ("Chapters:", "2/2"), ("Kudos:", "12")]


def copied_page(indent: str) -> str:
    facts = "".join(label + "\n" + (indent + value + "\n" if value else "") for label, value in COPIED_FACTS)
    return (facts + "\nThe Ferryman's Lantern\nquietmoth\nSummary:\n\n" + indent + "Wren needs to cross.\n\n"
            "Chapter 1: The Landing\nChapter Text\n\nThe landing was dark.\n\n"
            "\u201cIs anyone there?\u201d Wren called.\n\n\u201cNobody crosses,\u201d said Amos.\n")


@pytest.mark.parametrize("indent", ["    ", ""], ids=["indented", "flush"])
def test_regression_a_copied_posting_page_read_its_facts_as_headings_and_chapters(indent):
    # The values under "Rating:", "Series:", "Words:" were headings, three of them chapters ("231"),
    # "2/2" and "Kudos:" were read aloud, and title and author one line of narration.
    script = parse_text(copied_page(indent))
    assert [c.title for c in script.chapters] == ["The Ferryman's Lantern", "Chapter 1: The Landing"]
    segs = [(s.kind.value, s.speaker, s.text) for s in script.segments()]
    values = [v for _, v in COPIED_FACTS if v]
    assert [k for k, _, t in segs if t in values] == ["note"] * len(values)
    assert segs[len(COPIED_FACTS) + len(values):len(COPIED_FACTS) + len(values) + 2] == [
        ("heading", None, "The Ferryman's Lantern"), ("heading", None, "quietmoth")]
    # The names under "Characters:" give the full names, as on one line.
    assert [(s, w) for k, s, w in segs if k == "dialogue"] == [
        ("Wren Halloway", "Is anyone there?"), ("Old Amos", "Nobody crosses,")]


#: A first-person story posted with a tag naming its point of view, whose narrator's father is
#: called by name in the talk and "Dad" in the narration: the book talks to him, never about him.
POV_TAGGED = ("Gravy\n\nquillsandkettles\n\nRating: General Audiences\n\n"
              "Characters: Rose Weasley, Ron Weasley, Hermione Granger\n\n"
              "Additional Tags: Family Fluff, Rose Weasley POV\n\n"
              "Notes: For my sister, who asked for \"something soft where nobody dies.\"\n\n"
              "I was peeling potatoes when Dad came in.\n\n\"The gnomes have a union,\" he said.\n\n"
              "\"Wash your hands, Ron,\" Mum said.\n\n\"You heard her, Ron,\" I said.\n\n\"Yes, Rosie.\"\n")


def test_regression_a_pov_tag_names_the_narrator_the_talk_never_names():
    # The narrator was taken to be Ron Weasley, called by name and never named in narration, and
    # the quoted words in the notes line were a speech.
    script = parse_text(POV_TAGGED)
    said = [(s.kind.value, s.speaker, s.text) for s in script.segments() if s.kind.value != "heading"]
    assert not any(k == "dialogue" and "something soft" in t for k, _, t in said)
    assert ("dialogue", "Rose Weasley", "You heard her, Ron,") in said
    assert all(who == "Rose Weasley" for k, who, _ in said if k == "narration" and who)


@pytest.mark.parametrize("tags, narrator", [
    ("Fluff, POV Rose Weasley", "Rose Weasley"), ("Rose Weasley's POV, Angst", "Rose Weasley"),
    ("First Person POV, Fluff", None), ("Alternating POV", None)])
def test_a_pov_tag_is_a_name_only_when_it_names_someone(tags, narrator):
    # Without "Rosie" in the talk, only the tag can say who "I" is.
    script = parse_text(POV_TAGGED.replace("Family Fluff, Rose Weasley POV", tags).replace("Rosie", "love"))
    names = {s.speaker for s in script.segments() if s.kind.value == "narration" and s.speaker}
    assert (narrator in names) if narrator else "Rose Weasley" not in names


def test_a_familiar_form_of_the_tagged_narrators_name_is_the_narrator():
    script = parse_text(POV_TAGGED)
    [rose] = [c for c in script.characters if c.name == "Rose Weasley"]
    assert "Rosie" in rose.aliases and not any(c.name == "Rosie" for c in script.characters)


#: A posting copied as text with its title and the author's user name on two lines of one
#: paragraph, and the facts on lines of their own below.
TITLE_OVER_HANDLE = ("Something Knocking\nquillsandmarmalade\n\n"
                     "Rating: Teen And Up Audiences\n"
                     "Characters: Neville Longbottom, Minerva McGonagall\n"
                     "Additional Tags: Post-War, Headmistress Minerva McGonagall, Professor Neville Longbottom\n"
                     "Summary: The cupboard knocks.\n\n"
                     "Neville stood in front of the cupboard.\n\n"
                     "\u2018It has been doing that since Tuesday,\u2019 said Professor McGonagall.\n\n"
                     "\u2018Have you tried asking it to stop?\u2019\n")


def test_regression_a_title_over_its_authors_name_made_the_posting_facts_the_story():
    # The two lines were read as the story's first paragraph, so every fact after them was
    # prose: "Headmistress Minerva McGonagall" in the tags became a character of her own.
    segs = shape(TITLE_OVER_HANDLE)
    assert segs[:2] == [("heading", None, "Something Knocking"), ("heading", None, "quillsandmarmalade")]
    assert [k for k, _, t in segs if t.startswith(("Rating", "Characters", "Additional", "Summary"))] == ["note"] * 4
    said = [(who, t) for k, who, t in segs if k == "dialogue"]
    assert said == [("Minerva McGonagall", "It has been doing that since Tuesday,"),
                    ("Neville Longbottom", "Have you tried asking it to stop?")]


#: A story downloaded from its archive as text with no "Work Text:" label: the title again
#: after the notes, then the story.
DOWNLOADED_TITLE_AGAIN = ("Eggs and Other Disasters\nby moonyandmarmalade\n\n"
                          "Rating: Teen And Up Audiences\n\nCharacters: James Potter, Sirius Black\n\n"
                          "Summary\n\nThe last week of August.\n\n"
                          "Notes\n\nWritten for the \"Something Dropped\" prompt.\n\n"
                          "Eggs and Other Disasters\n\n"
                          "The fireplace coughed out James Potter first.\n\n"
                          "\"Ow. Get off,\" said James.\n\n\"You were standing in the ash,\" said Sirius.\n\n"
                          "End Notes\n\nThank you so much for reading!\n")


def test_regression_a_download_without_a_work_text_label_was_all_notes():
    # "Notes" opened a note that ran to "End Notes": the whole story was a note, and notes are
    # not read aloud, so the book was its title.
    segs = shape(DOWNLOADED_TITLE_AGAIN)
    assert ("heading", None, "Eggs and Other Disasters") in segs[3:]
    assert ("narration", None, "The fireplace coughed out James Potter first.") in segs
    assert [(who, t) for k, who, t in segs if k == "dialogue"] == [
        ("James Potter", "Ow. Get off,"), ("Sirius Black", "You were standing in the ash,")]
    assert [k for k, _, t in segs if t.startswith(("Written", "The last week", "Thank you"))] == ["note"] * 3


def test_a_labelled_note_that_holds_the_talk_is_the_story_after_its_first_paragraph():
    # No title said again, no label after the note: the lines of talk show where the story is.
    text = DOWNLOADED_TITLE_AGAIN.replace("Eggs and Other Disasters\n\nThe fireplace", "The fireplace")
    text = text.replace("\"You were standing in the ash,\" said Sirius.\n\n",
                        "\"You were standing in the ash,\" said Sirius.\n\n\"Was not.\"\n\n\"Were too.\"\n\n")
    segs = shape(text)
    assert ("narration", None, "The fireplace coughed out James Potter first.") in segs
    assert [who for k, who, _ in segs if k == "dialogue"] == ["James Potter", "Sirius Black", "James Potter",
                                                              "Sirius Black"]
    assert [k for k, _, t in segs if t.startswith("Written")] == ["note"]
