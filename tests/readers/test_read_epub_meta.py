"""An EPUB's description, series and language become the book's metadata defaults."""
from __future__ import annotations

import warnings
from collections import OrderedDict

from ebooklib import epub

from audiobook.parser import parse
from audiobook.readers import read_source
from audiobook.render.bookinfo import book_info


def build(path, metas, description=None, language="fr"):
    book = epub.EpubBook()
    book.set_identifier("urn:test:tides")
    book.set_title("Les Marées")
    book.set_language(language)
    book.add_author("Anna Vell")
    if description:
        book.add_metadata("DC", "description", description)
    for value, attrs in metas:
        book.add_metadata(None, "meta", value, OrderedDict(attrs))
    chapter = epub.EpubHtml(title="Un", file_name="c1.xhtml", lang=language)
    chapter.content = "<html><body><h1>Chapitre 1</h1><p>La mer monte.</p></body></html>"
    book.add_item(chapter)
    book.toc = (epub.Link("c1.xhtml", "Chapitre 1", "c1"),)
    book.spine = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        epub.write_epub(str(path), book)
    return path


def info_of(path):
    document = read_source(path)
    return book_info(parse(document), document)


def test_epub3_collection_description_and_language(tmp_path):
    path = build(tmp_path / "b.epub", [("Tides", [("property", "belongs-to-collection"), ("id", "s")]),
                                       ("3", [("refines", "#s"), ("property", "group-position")])],
                 description="<p>The sea <em>rises</em>.</p><p>And falls.</p>")
    info = info_of(path)
    assert (info.title, info.author, info.series, info.series_index) == ("Les Marées", "Anna Vell", "Tides", "3")
    assert info.description == "The sea rises.\n\nAnd falls." and info.language == "fr"


def test_calibre_series_with_a_decimal_index(tmp_path):
    path = build(tmp_path / "b.epub", [(None, [("name", "calibre:series"), ("content", "Tides")]),
                                       (None, [("name", "calibre:series_index"), ("content", "2.50")])])
    info = info_of(path)
    assert (info.series, info.series_index, info.description) == ("Tides", "2.5", None)
