"""EPUB: chapters in spine order titled from the table of contents; metadata, cover; front
matter skipped; corrupt files refused with one line. Books are built here with ebooklib."""
from __future__ import annotations

import warnings
import zipfile
from collections import OrderedDict

import pytest
from ebooklib import epub

from audiobook.errors import SourceError
from audiobook.parser import parse
from audiobook.readers import read_source

PNG = b"\x89PNG\r\n\x1a\n-not-really-an-image"
JPEG = b"\xff\xd8\xff\xe0-not-really-an-image"


def page(name: str, body: str, title: str = "") -> epub.EpubHtml:
    item = epub.EpubHtml(title=title or name, file_name=name, lang="en")
    item.content = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return item


def write(path, book) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        epub.write_epub(str(path), book)


def new_book(title="The Glass Harbour", authors=("Anna Vell",)) -> epub.EpubBook:
    book = epub.EpubBook()
    book.set_identifier("urn:test:glass-harbour")
    book.set_title(title)
    book.set_language("en")
    for author in authors:
        book.add_author(author)
    return book


@pytest.fixture
def full_book(tmp_path):
    """EPUB 3: cover page and image, nav and copyright pages in the spine, a title page named by
    the guide, chapters added out of order, a chapter continued in a second file."""
    book = new_book()
    book.set_cover("cover.png", PNG, create_page=True)
    title_page = page("title.xhtml", "<h1>The Glass Harbour</h1><p>Anna Vell</p>")
    rights = page("rights.xhtml", "<p>Copyright \u00a9 2024 Anna Vell. All rights reserved.</p>")
    ch2 = page("ch2.xhtml", "<h2>Chapter Two</h2><p>\u201cLook,\u201d said Okafor. See "
                            "<a href='https://example.com'>the map</a>.</p>")
    ch1 = page("ch1.xhtml", "<h1>Chapter 1</h1><p>Mara held the <em>lamp</em>.</p><hr/>"
                            "<p>\u201cSteady,\u201d she said.</p><h3>A note in the margin</h3><p>Ink.</p>")
    ch1b = page("ch1b.xhtml", "<p>The lamp went out.</p>")
    ch3 = page("ch3.xhtml", "<h2>Epilogue</h2><p>The harbour was quiet.</p>")
    for item in (ch2, rights, ch3, ch1b, title_page, ch1):
        book.add_item(item)
    book.toc = (epub.Link("ch1.xhtml", "Chapter 1: The Storm", "c1"),
                (epub.Section("Part Two"), (epub.Link("ch2.xhtml#start", "Chapter 2: Harbour", "c2"),)))
    book.guide = [{"href": "title.xhtml", "title": "Title Page", "type": "title-page"}]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["cover", "nav", title_page, rights, ch1, ch1b, ch2, ch3]
    path = tmp_path / "glass.epub"
    write(path, book)
    return path


EXPECTED = ("# Chapter 1: The Storm\n\nMara held the lamp.\n\n* * *\n\n\u201cSteady,\u201d she said.\n\n"
            "A note in the margin\n\nInk.\n\nThe lamp went out.\n\n"
            "# Chapter 2: Harbour\n\n\u201cLook,\u201d said Okafor. See the map.\n\n"
            "# Epilogue\n\nThe harbour was quiet.\n")


def test_chapters_in_spine_order_titled_from_the_toc(full_book):
    document = read_source(full_book)
    assert document.text == EXPECTED
    assert document.plain is False
    script = parse(document)
    assert [c.title for c in script.chapters] == ["Chapter 1: The Storm", "Chapter 2: Harbour", "Epilogue"]


def test_title_author_and_cover_come_from_the_package(full_book):
    document = read_source(full_book)
    assert (document.info.title, document.info.author) == ("The Glass Harbour", "Anna Vell")
    assert (document.cover, document.cover_type) == (PNG, "image/png")
    script = parse(document)
    assert (script.title, script.author) == ("The Glass Harbour", "Anna Vell")


def test_epub2_with_ncx_only_and_a_cover_meta(tmp_path):
    book = new_book(title="Two Hands", authors=("Ann Lee", "Bo Park"))
    image = epub.EpubImage(uid="cover-jpg", file_name="images/c.jpg", media_type="image/jpeg", content=JPEG)
    book.add_item(image)
    book.add_metadata(None, "meta", "", OrderedDict([("name", "cover"), ("content", "cover-jpg")]))
    ch1 = page("text/one.xhtml", "<p>First words of the book, read aloud.</p>")
    ch2 = page("text/two.xhtml", "<h1>II</h1><p>Second.</p>")
    book.add_item(ch1)
    book.add_item(ch2)
    book.toc = (epub.Link("text/one.xhtml", "One", "one"), epub.Link("text/two.xhtml", "Two", "two"))
    book.add_item(epub.EpubNcx())
    book.spine = [ch1, ch2]
    path = tmp_path / "two.epub"
    write(path, book)
    document = read_source(path)
    assert document.text == "# One\n\nFirst words of the book, read aloud.\n\n# Two\n\nSecond.\n"
    assert (document.info.title, document.info.author) == ("Two Hands", "Ann Lee and Bo Park")
    assert (document.cover, document.cover_type) == (JPEG, "image/jpeg")


def test_a_chapter_without_toc_entry_is_titled_by_its_heading(tmp_path):
    book = new_book()
    ch1 = page("a.xhtml", "<h2>The First</h2><p>Words.</p>")
    ch2 = page("b.xhtml", "<p>No heading, no entry: it goes on the chapter before.</p>")
    for item in (ch1, ch2):
        book.add_item(item)
    book.add_item(epub.EpubNcx())
    book.spine = [ch1, ch2]
    path = tmp_path / "bare.epub"
    write(path, book)
    assert read_source(path).text == "# The First\n\nWords.\n\nNo heading, no entry: it goes on the chapter before.\n"


CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles>{}</rootfiles></container>')

#: (what is in the archive, the reason given).
CORRUPT = [
    (None, "not a zip archive"),
    ({}, "no META-INF/container.xml"),
    ({"META-INF/container.xml": CONTAINER.format(
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>')},
     "no package (OPF) file"),
    ({"META-INF/container.xml": CONTAINER.format("")}, "no package (OPF) file"),
]


@pytest.mark.parametrize("files, reason", CORRUPT)
def test_a_corrupt_epub_is_one_line_naming_the_file(tmp_path, files, reason):
    path = tmp_path / "broken.epub"
    if files is None:
        path.write_bytes(b"PK but not really a zip")
    else:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("mimetype", "application/epub+zip")
            for name, data in files.items():
                z.writestr(name, data)
    with pytest.raises(SourceError) as err:
        read_source(path)
    assert str(err.value) == f"{path}: is not a readable EPUB ({reason}); check the file or convert it to .txt"


def test_a_file_holding_two_chapters_keeps_the_second_label_as_a_chapter(tmp_path):
    book = new_book()
    both = page("both.xhtml", "<h2>Chapter 1</h2><p>One.</p><h3>Aside</h3><p>Two.</p>"
                              "<h2>Chapter 2</h2><p>Three.</p>")
    book.add_item(both)
    book.toc = (epub.Link("both.xhtml", "Chapter 1: Dawn", "both"),)
    book.add_item(epub.EpubNcx())
    book.spine = [both]
    path = tmp_path / "both.epub"
    write(path, book)
    document = read_source(path)
    assert document.text == "# Chapter 1: Dawn\n\nOne.\n\nAside\n\nTwo.\n\n# Chapter 2\n\nThree.\n"
    assert [c.title for c in parse(document).chapters] == ["Chapter 1: Dawn", "Chapter 2"]


def test_regression_a_spine_naming_a_missing_ncx_says_so(tmp_path):
    book = new_book()
    chapter = page("ch1.xhtml", "<h1>Chapter 1</h1><p>The harbour was quiet.</p>")
    book.add_item(chapter)
    book.spine = [chapter]  # no NCX nor nav item, though the spine still says toc="ncx"
    path = tmp_path / "no-ncx.epub"
    write(path, book)
    with pytest.raises(SourceError) as err:
        read_source(path)
    assert str(err.value) == (f"{path}: is not a readable EPUB (its spine names a table of contents the package "
                              "does not have); check the file or convert it to .txt")


def test_an_archive_epub_reads_its_story_and_keeps_the_posting_and_notes_apart(tmp_path):
    # As the archive's EPUB lays a story out: the preface a page of its own (its tags in a
    # definition list), each chapter's notes in a blockquote under a label, class names renamed
    # by the converter, so nothing may rest on them but the preface's id and the tags' class.
    book = new_book("Lamplight", ("quietmoth",))
    preface = page("preface.xhtml",
                   '<div id="preface" class="calibre1"><h2 class="calibre2">Preface</h2>'
                   '<p class="calibre3"><b>Lamplight</b><br/>Posted originally on the Archive of Our Own at '
                   '<a href="https://archiveofourown.org/works/1">https://archiveofourown.org/works/1</a>.</p>'
                   '<div class="calibre1"><dl class="tags"><dt>Rating:</dt><dd>General Audiences</dd>'
                   '<dt>Stats:</dt><dd>Published: 2023-10-30 Words: 90 Chapters: 1/1</dd></dl>'
                   '<h1 class="calibre4">Lamplight</h1><div class="calibre5">by <a rel="author">quietmoth</a></div>'
                   '<p>Summary</p><blockquote class="calibre6"><p>Mara goes looking for the lamplighter.</p>'
                   '</blockquote></div></div>')
    chapter = page("ch1.xhtml",
                   '<div class="calibre7"><h2 class="calibre8">Chapter 1: The Dark Road</h2><p>Chapter Notes</p>'
                   '<blockquote class="calibre6"><p>I wrote this on the train.</p></blockquote>'
                   '<div class="calibre9">See the end of the chapter for <a href="#e">more notes</a></div></div>'
                   '<div class="calibre10"><p>\u201cTobias?\u201d Mara called.</p><p>\u201cHere,\u201d said Tobias.</p></div>'
                   '<div class="calibre1" id="e"><p>Chapter End Notes</p><blockquote><p>More soon!</p></blockquote></div>')
    for item in (preface, chapter):
        book.add_item(item)
    book.toc = (epub.Link("preface.xhtml", "Preface", "p"), epub.Link("ch1.xhtml", "Chapter 1: The Dark Road", "c1"))
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", preface, chapter]
    path = tmp_path / "lamplight.epub"
    write(path, book)
    script = parse(read_source(path))
    segments = [(s.kind.value, s.speaker, s.text) for s in script.segments()]
    assert [(who, text) for kind, who, text in segments if kind == "dialogue"] == [("Mara", "Tobias?"),
                                                                                  ("Tobias", "Here,")]
    narration = [text for kind, _, text in segments if kind == "narration"]
    assert narration == ["Lamplight", "by quietmoth", "Mara called.", "said Tobias."]  # under the "Preface" heading
    notes = [text for kind, _, text in segments if kind == "note"]
    for words in ("Rating: General Audiences", "Mara goes looking for the lamplighter.", "I wrote this on the train.",
                  "See the end of the chapter for more notes", "More soon!"):
        assert words in notes
    assert not any("Posted originally" in text for _, _, text in segments)
