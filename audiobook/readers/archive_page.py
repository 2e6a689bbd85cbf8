"""A work's page on the Archive of Our Own as a browser saves it ("Entire Work" or one chapter),
read as the archive's own download of it reads: the posting's facts, title and "by" line, the
summary and notes, each chapter under its heading with its notes apart, and the end notes.
The site around the work (menus, the actions bar, kudos, comments, the footer) is left out.

The page marks the work by ``#workskin`` (the preface and ``#chapters``) and its facts by
``dl.work.meta``; a chapter is ``div.chapter`` with its heading and notes in a ``preface``
(which the generic reader drops as complementary) and its text in ``div.userstuff``.
"""
from __future__ import annotations

from typing import Optional

from selectolax.lexbor import LexborHTMLParser, LexborNode

from audiobook.readers.blocks import Block, clean
from audiobook.readers.html import PUBLISHED, SERIES_PART, Page, close_note_sections, summary_of, walk_marked

#: The labels the download gives each kind of notes, by the class of the page's module and
#: where it stands: they tell the parser the notes are notes.
_WORK_LABELS = {"summary": "Summary", "notes": "Notes"}
_CHAPTER_LABELS = {"summary": "Chapter Summary", "notes": "Chapter Notes"}


def archive_work_page(tree: LexborHTMLParser) -> Optional[Page]:
    """The work on a saved page of the Archive of Our Own, else None."""
    skin, meta = tree.css_first("#workskin"), tree.css_first("dl.work.meta")
    chapters = skin.css_first("#chapters") if skin is not None else None
    if chapters is None or meta is None:
        return None
    facts = _facts(meta)
    found = [Block("para", f"{label}: {value}") for label, value in facts]
    preface = skin.css_first("div.preface")
    title, authors = "", []
    if preface is not None:
        heading = preface.css_first(".title")
        title = clean(heading.text(deep=True) or "") if heading is not None else ""
        authors = [clean(a.text(deep=True) or "") for a in preface.css('.byline a[rel="author"]')]
        if title:
            found.append(Block("para", title))
        if authors:
            found.append(Block("para", "by " + " and ".join(authors)))
        found += _modules(preface, _WORK_LABELS)
    notes = list(found)
    parts = chapters.css("div.chapter[id^='chapter-']")
    for part in parts or [chapters]:
        for piece in part.iter():
            classes = set((piece.attributes.get("class") or "").split())
            if "preface" in classes:
                heading = piece.css_first("h3.title")
                if heading is not None:
                    found.append(Block("heading", clean(heading.text(deep=True) or ""), 2))
                found += _modules(piece, _CHAPTER_LABELS, end="Chapter End Notes")
            elif "userstuff" in classes:
                found += walk_marked(piece)
    afterword = skin.css_first("div.afterword")
    if afterword is not None:
        found += _modules(afterword, {}, end="End Notes")
    said = dict(facts)
    series = SERIES_PART.match(said.get("Series", "").split(",")[0])
    published = PUBLISHED.search(said.get("Stats", ""))
    return Page(close_note_sections(found), title or None, " and ".join(a for a in authors if a) or None,
                description=summary_of(notes), series=series.group(2) if series else None,
                series_index=series.group(1) if series else None, year=published.group(1) if published else None)


def _facts(meta: LexborNode) -> list[tuple[str, str]]:
    """(label, value) per fact of the posting: "Characters", "Wren Halloway, Old Amos"."""
    out, label = [], None
    for node in meta.iter():
        if node.tag == "dt":
            label = clean(node.text(deep=True) or "").rstrip(": ")
        elif node.tag == "dd" and label:
            items = node.css("ul li")
            value = ", ".join(clean(i.text(deep=True) or "") for i in items) if items else \
                clean(node.text(deep=True, separator=" ") or "")
            out.append((label, " ".join(value.split())))
            label = None
    return out


def _modules(root: LexborNode, labels: dict, end: Optional[str] = None) -> list[Block]:
    """The summary and notes modules under ``root``, each as its label, its paragraphs and the
    end of its section. A module of end notes (class ``end``) takes the label ``end``."""
    out = []
    for module in root.css("div.module"):
        classes = set((module.attributes.get("class") or "").split())
        kind = "notes" if "notes" in classes else "summary" if "summary" in classes else None
        label = end if "end" in classes and end else labels.get(kind) if kind else None
        quote = module.css_first("blockquote")
        if label is None or quote is None:
            continue
        out += [Block("para", label), *walk_marked(quote), Block("section-end", label.lower())]
    return out
