"""Structure: title, chapter headings, scene breaks, POV/time headers, notes, paragraphs."""
from __future__ import annotations

import pytest

from parser_helpers import parse_text, shape

CHAPTER_HEADINGS = [
    ("Chapter 1\n\nThe fog came early.\n", "Chapter 1"),
    ("CHAPTER ONE\n\nThe fog came early.\n", "CHAPTER ONE"),
    ("Chapter IV. The Lantern Room\n\nThe fog came early.\n", "Chapter IV. The Lantern Room"),
    ("Chapter 7\nThe Lantern Room\n\nThe fog came early.\n", "Chapter 7. The Lantern Room"),
    ("Chapter 7\n\nThe Lantern Room\n\nThe fog came early.\n", "Chapter 7. The Lantern Room"),
    ("Prologue\n\nThe fog came early.\n", "Prologue"),
    ("Epilogue\n\nThe fog came early.\n", "Epilogue"),
    ("Part Two\n\nThe fog came early.\n", "Part Two"),
    ("# The Lantern Room\n\nThe fog came early.\n", "The Lantern Room"),
    ("XII\n\nTHE LANTERN ROOM\n\nThe fog came early.\n", "XII. THE LANTERN ROOM"),
    # regression: a numeral between dashes was a line of talk (dash-led dialogue)
    ("\u2014 I \u2014\n\nThe fog came early.\n", "\u2014 I \u2014"),
]


@pytest.mark.parametrize("text,title", CHAPTER_HEADINGS)
def test_chapter_headings(text, title):
    script = parse_text(text)
    assert [c.title for c in script.chapters] == [title]
    assert shape(text)[0] == ("heading", None, title)
    assert shape(text)[-1] == ("narration", None, "The fog came early.")


def test_chapters_split_the_book_and_the_title_comes_first():
    text = ("The Salt Road\n\nChapter 1\n\nMara left at dawn.\n\nChapter 2\n\nShe came back at dusk.\n")
    script = parse_text(text)
    assert script.title == "The Salt Road"
    assert [c.title for c in script.chapters] == ["Chapter 1", "Chapter 2"]
    assert [(s.kind.value, s.text) for s in script.chapters[0].segments] == [
        ("heading", "The Salt Road"), ("heading", "Chapter 1"), ("narration", "Mara left at dawn.")]


@pytest.mark.parametrize("line", ["---", "***", "* * *", "~~~", "#", "=====", "-----------------", "+++"])
def test_scene_breaks(line):
    text = f"Mara slept.\n\n{line}\n\nMorning came.\n"
    assert shape(text) == [("narration", None, "Mara slept."), ("break", None, ""),
                           ("narration", None, "Morning came.")]


def test_regression_roman_numeral_xxx_is_a_chapter_not_a_break():
    text = "XXIX\n\nShe walked.\n\nXXX\n\nShe ran.\n"
    assert [c.title for c in parse_text(text).chapters] == ["XXIX", "XXX"]


POV = [
    ("TOM POV\n\nI waited by the gate.\n", "Tom"),
    ("Mara's POV\n\nI waited by the gate.\n", "Mara"),
    ("MARA'S POV\n\nI waited by the gate.\n", "Mara"),
    ("Tom\n\nI waited by the gate. My hands were cold and I was late.\n", "Tom"),
]


@pytest.mark.parametrize("text,who", POV)
def test_pov_headers_set_the_first_person_narrator(text, who):
    first, second = shape(text)
    assert first[0] == "heading"
    assert second == ("narration", who, "I waited by the gate." + second[2][len("I waited by the gate."):])


def test_general_pov_returns_to_the_narrator():
    text = "TOM POV\n\nI waited.\n\nGENERAL POV\n\nTom waited. Mara did not come.\n"
    assert shape(text) == [("heading", None, "Tom's point of view"), ("narration", "Tom", "I waited."),
                           ("heading", None, "General point of view"),
                           ("narration", None, "Tom waited. Mara did not come.")]


@pytest.mark.parametrize("header", ["3 MONTHS LATER", "Two weeks later", "The next morning", "Meanwhile"])
def test_time_headers(header):
    text = f"Tom left.\n\n{header}\n\nTom came back.\n"
    assert shape(text)[1] == ("heading", None, header)


NOTES = [
    "A/N: Thanks for all the lovely reviews!",
    "Author's Note: this chapter was hard to write.",
    "Disclaimer: I own nothing but the plot.",
]


@pytest.mark.parametrize("note", NOTES)
def test_marked_notes(note):
    text = f"{note}\n\nTom left the harbour.\n"
    assert shape(text)[0] == ("note", None, note)


def test_closing_thanks_to_a_beta_reader_is_a_note():
    text = ("Tom left the harbour.\n\nMara watched him go.\n\n* * *\n\n"
            "Huge thanks to my beta reader, who caught every typo. You are the best.\n")
    assert shape(text)[-1][0] == "note"


def test_hard_wrapped_paragraphs_are_joined_and_offsets_stay_true():
    line = "The boat rocked against the pier while the gulls argued over scraps of"
    text = (f"{line}\nbread and the tide came in.\n\n{line}\nfish, and nobody noticed.\n") * 3
    script = parse_text(text)
    segs = list(script.segments())
    assert len(segs) == 6
    assert segs[0].text == line + " bread and the tide came in."
    for s in segs:
        assert " ".join(text[s.start:s.end].split()) == s.text


def test_one_paragraph_per_line_without_blank_lines():
    text = ("Tom came in from the rain and shook his coat out over the mat by the door, grumbling about it.\n"
            "\"You're late,\" said Mara, not looking up from the stove where the soup was slowly burning.\n"
            "\"The ferry was late,\" he said, and sat down heavily at the kitchen table to take off his boots.\n")
    assert shape(text) == [
        ("narration", None, "Tom came in from the rain and shook his coat out over the mat by the door, grumbling about it."),
        ("dialogue", "Mara", "You're late,"),
        ("narration", None, "said Mara, not looking up from the stove where the soup was slowly burning."),
        ("dialogue", "Tom", "The ferry was late,"),
        ("narration", None, "he said, and sat down heavily at the kitchen table to take off his boots."),
    ]


def test_author_line_under_the_title():
    text = "THE SALT ROAD\n\nby\n\nANNA VELL\n\nI\n\nMara left at dawn.\n"
    script = parse_text(text)
    assert script.title == "THE SALT ROAD"
    assert [s.kind.value for s in script.segments()] == ["heading", "heading", "heading", "heading", "narration"]


def test_regression_title_and_byline_with_no_blank_line_between():
    # "Tidewater\nby saltwater_and_sokka" was one paragraph of prose, read as the story's first
    # words, and the posting facts under it then counted as the story too.
    text = "Tidewater\nby saltwater_and_sokka\n\nRating: Teen\n\nSokka was in the bait shed.\n"
    script = parse_text(text)
    assert script.title == "Tidewater"
    assert [(k, t) for k, _, t in shape(text)] == [("heading", "Tidewater"), ("heading", "by saltwater_and_sokka"),
                                                   ("note", "Rating: Teen"), ("narration", "Sokka was in the bait shed.")]


def test_a_title_in_lower_case_above_a_byline_of_two_authors():
    text = "what if we kissed (in the rain)\n\nby quietmoth, saltwater_and_sokka\n\nRating: Teen\n\nMara left.\n"
    script = parse_text(text)
    assert (script.title, script.author) == ("what if we kissed (in the rain)", "quietmoth, saltwater_and_sokka")
    assert [k for k, _, _ in shape(text)] == ["heading", "heading", "note", "narration"]


def test_regression_an_authors_note_saying_my_makes_no_first_person_narrator():
    text = "Notes:\n\nFor my sister, who asked for my trains.\n\nWork Text:\n\n" \
           "The platform was empty.\n\n\u201cWe walk,\u201d Ron said.\n"
    assert [who for kind, who, _ in shape(text) if kind == "narration"] == [None, None]


@pytest.mark.parametrize("line, kind", [
    ("Three days later.", "heading"),
    ("Later that night", "heading"),
    ("Meanwhile, in the harbour...", "heading"),
    ("Later, the lamps were lit.", "narration"),  # regression: a sentence read as a time header
    ("Two weeks later, Mara came home.", "narration"),
])
def test_a_time_header_is_no_sentence(line, kind):
    text = f"Mara left.\n\n* * *\n\n{line}\n\nThe lamps burned.\n"
    assert [k for k, _, t in shape(text) if t == line] == [kind]


def test_regression_pov_header_after_a_chapter_heading_is_not_its_title():
    text = "Chapter 1\n\nTOM POV\n\nI waited at the pier.\n"
    assert shape(text) == [("heading", None, "Chapter 1"), ("heading", None, "Tom's point of view"),
                           ("narration", "Tom", "I waited at the pier.")]


def test_regression_byte_order_mark_before_the_title():
    text = "\ufeffThe Salt Road\n\nChapter 1\n\nMara left at dawn.\n"
    script = parse_text(text)
    assert script.title == "The Salt Road"
    assert next(script.segments()).start == 0


def test_regression_quoted_capitals_under_a_chapter_number_are_its_title():
    text = 'XII\n\n"THE LANTERN ROOM"\n\nThe fog came early.\n\n"Is it late?" asked Mara.\n'
    script = parse_text(text)
    assert [c.title for c in script.chapters] == ['XII. "THE LANTERN ROOM"']
    assert [k for k, _, _ in shape(text)].count("dialogue") == 1


def test_a_stammer_between_dashes_stays_a_line_of_talk():
    text = "The fog came early.\n\n\u2014Tell me.\n\n\u2014I\u2014\n\n\u2014Tell me, I said.\n"
    assert [kind for kind, _, _ in shape(text)].count("heading") == 0
