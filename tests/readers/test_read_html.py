"""Saved web pages: the story's paragraphs, headings and breaks; the site around it dropped."""
from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.parser import parse
from audiobook.readers import read_source
from audiobook.readers.blocks import to_text
from audiobook.readers.html import parse_page


def text_of(html: str) -> str:
    return to_text(parse_page(html).blocks)


#: (HTML, the normalised plain text).
GOLDEN = [
    ("<p>One\n   two.</p><p>Three <em>four</em> <a href='x'>five</a>.</p>", "One two.\n\nThree four five.\n"),
    ("<p>Before.</p><hr><p>After.</p>", "Before.\n\n* * *\n\nAfter.\n"),
    ("<h2>Chapter 1</h2><p>A.</p><h2>Chapter 2</h2><p>B.</p>", "# Chapter 1\n\nA.\n\n# Chapter 2\n\nB.\n"),
    ("<h1>My Story</h1><h2>Chapter 1</h2><p>A.</p><h2>Chapter 2</h2><p>B.</p>",
     "My Story\n\n# Chapter 1\n\nA.\n\n# Chapter 2\n\nB.\n"),
    ("<div>Line one<br>line two<br><br>New paragraph.</div>", "Line one\nline two\n\nNew paragraph.\n"),
    ("<script>var x = 1;</script><style>p {}</style><!-- a comment --><p>Kept.</p><noscript>No</noscript>",
     "Kept.\n"),
    ("<nav>Home | Next</nav><header>Site</header><p>Story.</p><aside>Ads</aside><footer>(c) site</footer>"
     "<form><label>Review</label></form>", "Story.\n"),
    ("<div class='navbar top'>Menu</div><div id='comments'>Nice!</div><ul class='breadcrumbs'><li>x</li></ul>"
     "<div class='storytext'><p>Story.</p></div><div role='navigation'>Prev</div>", "Story.\n"),
    ("<p>A.</p><hr><hr><h2>Next</h2><p>B.</p><hr>", "A.\n\n# Next\n\nB.\n"),
    ("<h4>Small heading</h4><p>Body &amp; soul &mdash; &ldquo;hi&rdquo;.</p>",
     "Small heading\n\nBody & soul \u2014 \u201chi\u201d.\n"),
    ("<pre>  keep\n  these lines</pre>", "keep\nthese lines\n"),
    ("<p>Unclosed <b>bold<p>Next para", "Unclosed bold\n\nNext para\n"),
    # regression: a term and its definition were two paragraphs, "Rating:" apart from its value
    ("<dl><dt>Rating:</dt><dd>Teen</dd><dt>Words:</dt><dd>312</dd></dl>", "Rating: Teen\n\nWords: 312\n"),
    # regression: notes under a label ran on into the story after them, which was then a note
    ("<h2>One</h2><p>Chapter Notes</p><blockquote><p>Typos, sorry.</p></blockquote><p>Mara left.</p>",
     "# One\n\nChapter Notes\n\nTypos, sorry.\n\nChapter Text:\n\nMara left.\n"),
    ("<p>Summary</p><blockquote><p>A.</p></blockquote><p>Notes</p><blockquote><p>B.</p></blockquote><p>Story.</p>",
     "Summary\n\nA.\n\nNotes\n\nB.\n\nWork Text:\n\nStory.\n"),
    ("<p>End Notes</p><blockquote><p>Thanks!</p></blockquote>", "End Notes\n\nThanks!\n"),
    ("<blockquote><p>A quoted letter.</p></blockquote><p>Story.</p>", "A quoted letter.\n\nStory.\n"),
    ("<p>Notes</p><blockquote><blockquote><p>x</p></blockquote></blockquote><p>Story.</p>",
     "Notes\n\nx\n\nWork Text:\n\nStory.\n"),
]


@pytest.mark.parametrize("html, expected", GOLDEN)
def test_html_becomes_normalised_plain_text(html, expected):
    assert text_of(html) == expected


PAGE = """<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>The Glass Harbour | FicSite</title>
<meta name="author" content="Anna  Vell"><script src="https://example.com/x.js"></script></head>
<body><div id="header"><a href="/">FicSite</a></div>
<div class="storytext">
<h2>Chapter 1: Lamps</h2>
<p>\x93Hold it steady,\x94 said Ren\xe9e.</p>
<p>Mara nodded.</p>
<hr>
<p>Later, by the river.</p>
<h2>Chapter 2: River</h2>
<p>\x93Look,\x94 said Mara.</p>
</div>
<div class="footer">Copyright FicSite</div></body></html>
"""


def test_a_saved_page_keeps_the_story_with_title_and_author(tmp_path):
    path = tmp_path / "story.htm"
    path.write_bytes(PAGE.encode("latin-1"))
    document = read_source(path)
    assert document.plain is False
    assert (document.info.title, document.info.author) == ("The Glass Harbour", "Anna Vell")
    assert document.text == ("# Chapter 1: Lamps\n\n\u201cHold it steady,\u201d said Ren\u00e9e.\n\nMara nodded.\n\n"
                             "* * *\n\nLater, by the river.\n\n# Chapter 2: River\n\n\u201cLook,\u201d said Mara.\n")
    script = parse(document)
    assert (script.title, script.author) == ("The Glass Harbour", "Anna Vell")
    assert [c.title for c in script.chapters] == ["Chapter 1: Lamps", "Chapter 2: River"]
    assert [s.speaker for s in script.segments() if s.kind.value == "dialogue"] == ["Ren\u00e9e", "Mara"]


def test_deeply_nested_markup_is_read_without_recursion(tmp_path):
    html = "<div>" * 5000 + "<p>Deep words.</p>" + "</div>" * 5000
    assert text_of(html) == "Deep words.\n"


ARCHIVE = Path(__file__).resolve().parents[1] / "data" / "archive"


def shape(script) -> list[tuple[str, str | None, str]]:
    return [(s.kind.value, s.speaker, s.text) for s in script.segments()]


def test_an_archive_download_is_its_story_with_the_posting_apart():
    # Regression: the "Notes" of the preface ran on into the story, so the whole story was a
    # note and nothing was read; the title was the page's "<title> - author - fandom [site]".
    document = read_source(ARCHIVE / "one_chapter.html")
    info = document.info
    assert (info.title, info.author, info.series, info.series_index, info.year, info.description) == (
        "The Long Way Home", "lanternfish_writes", "Trains and Other Disasters", "2", "2024",
        "Ron and Hermione miss the last train.\n\nFluff, mostly.")
    for furniture in ("Posted originally", "drop by the Archive", "See the end of the work", "Preface", "Afterword"):
        assert furniture not in document.text
    script = parse(document)
    said = [(kind, who, text) for kind, who, text in shape(script) if kind in ("dialogue", "narration")]
    assert said == [
        ("narration", None, "The platform was empty by the time they reached it."),
        ("dialogue", "Ronald", "We\u2019ve missed it,"), ("narration", None, "Ron said."),
        ("dialogue", "Ronald", "We\u2019ve actually missed it."),
        ("dialogue", "Hermione Granger", "I can see that, Ronald."),
        ("narration", None, "Hermione set down her bag."),
        ("dialogue", "Hermione Granger", "Well, what do we do now?"),
        ("dialogue", "Ronald", "We walk.")]
    notes = [text for kind, _, text in shape(script) if kind == "note"]
    assert notes[0] == "Rating: Teen And Up Audiences" and "Work Text:" in notes
    assert notes[-2:] == ["End Notes", "Thanks for reading! Kudos and comments make my day."]


def test_an_archive_download_of_chapters_keeps_each_chapters_notes_apart():
    document = read_source(ARCHIVE / "chapters.html")
    assert (document.info.title, document.info.author, document.info.year) == (
        "Lamplight", "quietmoth and saltwater_and_sokka", "2023")
    script = parse(document)
    assert [c.title for c in script.chapters] == ["Lamplight", "Chapter 1: The Dark Road", "Chapter 2: The Lamplighter"]
    first = [(s.kind.value, s.speaker, s.text) for s in script.chapters[1].segments]
    assert ("note", None, "I wrote this on the train, sorry for any typos.") in first
    assert ("note", None, "Next chapter on Sunday!") in first
    assert [(who, text) for kind, who, text in first if kind == "dialogue"][:2] == [
        ("Mara Vell", "Tobias?"), ("Mara Vell", "Tobias, are you there?")]
    assert sum(1 for s in script.segments() if s.kind.value == "dialogue") == 7


def test_a_work_page_saved_from_the_archive_reads_as_its_download_does():
    # Regression: the page was read with the site around it (kudos, a comment, "Main Content"),
    # the chapter headings and notes were dropped with the chapters' prefaces, and the title was
    # the page's "<title> - Chapter 1 - author - fandom [site]" with no author.
    document = read_source(ARCHIVE / "work_page.html")
    info = document.info
    assert (info.title, info.author, info.series, info.series_index, info.year, info.description) == (
        "The Ferryman's Lantern", "quietmoth", "River Tales", "3", "2025",
        "Wren needs to cross the river after dark.")
    for site in ("Main Content", "Entire Work", "Kudos \u2665", "left kudos", "cry on the bus", "Reply",
                 "Organization for Transformative Works", "See the end of the work", "Log In", "Skip header"):
        assert site not in document.text
    script = parse(document)
    assert [c.title for c in script.chapters] == [
        "The Ferryman's Lantern", "Chapter 1: The Landing", "Chapter 2: The Crossing"]
    said = shape(script)
    assert said[3] == ("note", None, "Characters: Wren Halloway, Old Amos")
    notes = [text for kind, _, text in said if kind == "note"]
    for note in ("For my sister, who asked for ghosts.", "Short one, sorry!", "Next part on Friday.",
                 "Thanks for reading!"):
        assert note in notes
    assert [(who, text) for kind, who, text in said if kind == "dialogue"] == [
        ("Wren Halloway", "Is anyone there?"), ("Wren Halloway", "I need to cross."),
        ("Old Amos", "Nobody crosses after sundown,"), ("Old Amos", "Just this once,"), ("Old Amos", "Sit still."),
        ("Wren Halloway", "Thank you,")]


def test_a_one_chapter_work_page_is_its_work_text(tmp_path):
    page = (ARCHIVE / "work_page.html").read_text(encoding="utf-8")
    start, end = page.index('<div class="chapter" id="chapter-1">'), page.index('<div class="afterword')
    one = page[:start] + ('<h3 class="landmark heading" id="work">Work Text:</h3><div class="userstuff">'
                          '<p>\u201cHello,\u201d said Wren.</p></div></div>') + page[end:]
    (tmp_path / "work.html").write_text(one, encoding="utf-8")
    script = parse(read_source(tmp_path / "work.html"))
    assert [c.title for c in script.chapters] == ["The Ferryman's Lantern"]
    assert [(s.kind.value, s.speaker, s.text) for s in script.segments()][-5:] == [
        ("note", None, "Work Text:"), ("dialogue", "Wren Halloway", "Hello,"), ("narration", None, "said Wren."),
        ("note", None, "End Notes"), ("note", None, "Thanks for reading!")]


def test_a_chapter_saved_from_fanfiction_net_is_its_story_without_the_site():
    document = read_source(ARCHIVE / "fanfiction_net.html")
    info = document.info
    assert (info.title, info.author, info.year, info.description) == (
        "The Lamplighter", "quietmoth", "2023", "Mara goes looking for the man who lights the harbour lamps.")
    for site in ("Follow/Fav", "Review this chapter", "Privacy", "Next", "Books", "Just In", "1. The Dark Road"):
        assert site not in document.text
    script = parse(document)
    assert [c.title for c in script.chapters] == ["The Lamplighter", "The Harbour Road"]
    said = shape(script)
    assert ("note", None, "A/N: Thank you for the reviews! Here is chapter two.") in said
    assert said[1] == ("heading", None, "by quietmoth") and said[2][0] == "note"  # "Rated: ..." is a posting fact
    assert [(who, text) for kind, who, text in said if kind == "dialogue"] == [
        ("Mara", "Tobias?"), ("Mara", "Is that you?"), ("Tobias", "Who else would it be?")]
    assert said[-1] == ("narration", None, "Later, the lamps were lit.")
