"""The command line on Markdown, web pages and EPUB: offsets into the printed text, the formats
of ``script``, ``--encoding`` and ``render --chapters``."""
from __future__ import annotations

import json
import warnings

import pytest
from click.testing import CliRunner
from ebooklib import epub
from mutagen.id3 import ID3

from audiobook.cli import main
from audiobook.pipeline import render
from conftest import SAMPLE, VOICES

STORY_MD = """# The Glass Harbour

## Chapter 1: Lamps

"Hold it *steady*," said Mara. Okafor read [the note](https://example.com/note) aloud.

* * *

"It's late," **Okafor** said. "We should go."

## Chapter 2: River

Mara looked at the water. "There," she whispered.
"""

STORY_HTML = """<html><head><title>The Glass Harbour | Site</title><meta name="author" content="Anna Vell">
<style>p { color: red }</style></head><body><nav><a href="/">Home</a></nav>
<h2>Chapter 1: Lamps</h2><p>&ldquo;Hold it <em>steady</em>,&rdquo; said Mara.<br>Okafor read
<a href="https://example.com">the note</a>.</p><hr><p>&ldquo;It&rsquo;s late,&rdquo; Okafor said.</p>
<h2>Chapter 2: River</h2><p>Mara looked at the water. &ldquo;There,&rdquo; she whispered.</p>
<footer>Comments (3)</footer></body></html>
"""


def make_epub(path) -> None:
    book = epub.EpubBook()
    book.set_identifier("urn:test:cli")
    book.set_title("The Glass Harbour")
    book.set_language("en")
    book.add_author("Anna Vell")
    chapters = []
    for n, body in enumerate((STORY_HTML.split("<h2>")[1], STORY_HTML.split("<h2>")[2]), start=1):
        item = epub.EpubHtml(title=f"Chapter {n}", file_name=f"c{n}.xhtml")
        item.content = f"<html><body><h2>{body.split('<footer>')[0]}</body></html>"
        book.add_item(item)
        chapters.append(item)
    book.toc = tuple(epub.Link(c.file_name, t, c.file_name) for c, t in zip(chapters, ("Lamps", "River")))
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav"] + chapters
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        epub.write_epub(str(path), book)


@pytest.fixture(params=["md", "html", "epub"])
def marked_up(request, tmp_path):
    path = tmp_path / f"story.{request.param}"
    if request.param == "md":
        path.write_text(STORY_MD, encoding="utf-8")
    elif request.param == "html":
        path.write_text(STORY_HTML, encoding="utf-8")
    else:
        make_epub(path)
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_offsets_index_the_text_that_format_text_prints(marked_up):
    text = run("script", marked_up, "--format", "text").stdout
    assert run("script", marked_up, "--format", "plain").stdout == text
    script = json.loads(run("script", marked_up, "--format", "json").stdout)
    assert (script["title"], script["author"]) == ("The Glass Harbour", None if marked_up.suffix == ".md"
                                                  else "Anna Vell")
    assert len(script["chapters"]) == 2
    segments = [s for c in script["chapters"] for s in c["segments"]]
    covered = set()
    for s in segments:
        span = " ".join(text[s["start"]:s["end"]].split())
        if s["kind"] in ("dialogue", "heading"):
            assert s["text"] in span, (s, span)
        elif s["kind"] == "narration":
            assert s["text"].split()[-1] in span, (s, span)
        covered.update(range(s["start"], s["end"]))
    lost = [ch for i, ch in enumerate(text) if not ch.isspace() and i not in covered]
    assert lost == []
    assert not any(mark in text for mark in ("*steady*", "**", "https://", "<", "Home", "Comments"))
    dialogue = [(s["speaker"], s["text"]) for s in segments if s["kind"] == "dialogue"]
    assert dialogue[0] == ("Mara", "Hold it steady,")


def test_format_text_stays_the_screenplay_for_plain_text():
    screenplay = run("script", SAMPLE, "--format", "text").stdout
    assert screenplay == run("script", SAMPLE, "--format", "screenplay").stdout
    assert screenplay.startswith("# The Lamplighters\n")
    assert run("script", SAMPLE, "--format", "plain").stdout == SAMPLE.read_text(encoding="utf-8")


def test_format_screenplay_of_a_marked_up_source(marked_up):
    out = run("script", marked_up, "--format", "screenplay").stdout
    assert out.startswith("# The Glass Harbour\n")
    assert 'Mara: "Hold it steady,"' in out


def test_encoding_option_reaches_the_reader(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("\u201cWait,\u201d said Ren\u00e9e.\n".encode("cp1252"))
    result = run("script", path, "--encoding", "utf-8")
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: is not valid utf-8 at byte 0; try another --encoding\n"
    assert run("script", path, "--encoding", "cp1252", "--format", "plain").stdout == "\u201cWait,\u201d said Ren\u00e9e.\n"
    result = run("render", path, "--encoding", "no-such-codec", "-o", tmp_path / "out")
    assert result.output == f"Error: {path}: unknown encoding 'no-such-codec'; try utf-8, cp1252 or latin-1\n"


#: (--chapters value, the message after "Invalid value for '--chapters': ").
BAD_CHAPTERS = [
    ("0", "'0' is not a list of chapters; use e.g. 3, 2-4 or 1,3-5"),
    ("4-2", "'4-2' is not a list of chapters; use e.g. 3, 2-4 or 1,3-5"),
    ("two", "'two' is not a list of chapters; use e.g. 3, 2-4 or 1,3-5"),
    ("1,", "'1,' is not a list of chapters; use e.g. 3, 2-4 or 1,3-5"),
    ("2-5", "chapter 3 is out of range; the book has 2 chapters (1-2)"),
]


@pytest.mark.parametrize("value, message", BAD_CHAPTERS)
def test_bad_chapter_selections_are_usage_errors(tmp_path, value, message):
    result = run("render", SAMPLE, "--voices", VOICES, "-o", tmp_path, "--chapters", value, "-q")
    assert result.exit_code == 2
    assert result.output.endswith(f"Error: Invalid value for '--chapters': {message}\n")
    assert not (tmp_path / "the-lamplighters").exists()


@pytest.mark.engine
def test_rendering_one_chapter_keeps_the_whole_books_numbering(tmp_path, engine):
    result = render(SAMPLE, tmp_path, voices=VOICES, engine=engine, chapters={2})
    names = sorted(p.name for p in result.folder.glob("*.mp3"))
    assert names == ["02 - Chapter 2 What the River Kept.mp3"]
    tags = ID3(result.files[0].path)
    assert str(tags["TRCK"]) == "2/2"
    assert str(tags["TALB"]) == "The Lamplighters"
