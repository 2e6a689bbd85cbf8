"""Saved web pages (.html, .htm): the story's paragraphs, headings and scene breaks.

Also the text extractor of EPUB chapters (``blocks``), so both read markup the same way.
Parsing is selectolax's (lexbor): nothing in the page is run or fetched.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Optional

from selectolax.lexbor import LexborHTMLParser, LexborNode

from audiobook.parser.structure_rules import ARCHIVE_MESSAGE, NOTE_SECTION_LABEL
from audiobook.readers.blocks import Block, clean

#: Elements dropped with everything inside them: not part of the story.
DROPPED_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "textarea", "input", "iframe", "object", "embed", "svg", "canvas", "audio",
    "video", "map", "menu", "dialog", "-comment", "_comment",
})

#: Class names and ids (whole, case-insensitive) of site furniture: menus, footers, share
#: buttons, comment threads, review boxes.
DROPPED_NAMES = frozenset({
    "nav", "navbar", "navigation", "nav-bar", "menu", "main-menu", "breadcrumb", "breadcrumbs",
    "pagination", "pager", "sidebar", "side-bar", "footer", "site-footer", "page-footer",
    "header", "site-header", "masthead", "topbar", "toolbar", "comments", "comment-list",
    "comment-respond", "respond", "share", "sharing", "sharedaddy", "social", "social-links",
    "related", "related-posts", "advert", "advertisement", "ads", "ad", "banner", "cookie",
    "cookie-banner", "cookie-notice", "skip-link", "screen-reader-text", "widget", "widget-area",
    "post-navigation", "nav-links", "review", "reviews", "subscribe", "newsletter", "landmark",
})

#: Headings: the level of each.
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

#: Elements that end the paragraph before them and start a new one after them.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "body", "blockquote", "li", "ul", "ol", "dl", "dt",
    "dd", "pre", "table", "tr", "td", "th", "tbody", "thead", "figure", "figcaption", "center",
    "address", "details", "summary", "hgroup", "caption",
})

#: Separators between a story's title and the site's name in ``<title>``.
TITLE_SEPARATORS = re.compile(r"\s+(?:\||::)\s+")

_WHITE = re.compile(r"\s+")

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass
class Page:
    """What a web page holds for the book."""

    blocks: list[Block]
    """Headings, paragraphs and scene breaks in reading order."""
    title: Optional[str]
    """From ``<title>`` (without a site name after ``|``), else None."""
    author: Optional[str]
    """From ``<meta name="author">``, else None."""
    description: Optional[str] = None
    """A summary the page gives of the story (an archive download's "Summary"), else None."""
    series: Optional[str] = None
    """The series the page says the story is part of, else None."""
    series_index: Optional[str] = None
    """Its place in that series ("2"), else None."""
    year: Optional[str] = None
    """The year the page says it was published, else None."""


def declared_charset(data: bytes) -> Optional[str]:
    """The encoding a page declares in a ``<meta>`` near its start, if any."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def _dropped(node: LexborNode) -> bool:
    if node.tag in DROPPED_TAGS:
        return True
    attrs = node.attributes
    names = (attrs.get("class") or "").lower().split() + (attrs.get("id") or "").lower().split()
    role = (attrs.get("role") or "").lower()
    return role in ("navigation", "banner", "contentinfo", "complementary") or \
        any(name in DROPPED_NAMES for name in names) or attrs.get("hidden") is not None or \
        (attrs.get("aria-hidden") or "").lower() == "true"


class _Collector:
    """Walks the tree, gathering inline text into paragraphs."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.pending_br = 0
        self.in_pre = 0
        """Depth of ``<pre>`` elements the walk is in: there, line ends are kept."""

    def flush(self) -> None:
        text = "".join(self.parts)
        self.parts = []
        self.pending_br = 0
        if text.strip():
            self.blocks.append(Block("para", text))

    def text(self, value: str) -> None:
        if not value:
            return
        if not self.in_pre:
            value = _WHITE.sub(" ", value)
        if value.strip():
            self.pending_br = 0
        self.parts.append(value)

    def br(self) -> None:
        self.pending_br += 1
        if self.pending_br >= 2:
            self.flush()
        else:
            self.parts.append("\n")



#: The label a section of notes in a blockquote is closed with, so that the story after it is
#: read as story: the archive's own words for it.
_STORY_LABEL = {"summary": "Work Text:", "notes": "Work Text:", "chapter summary": "Chapter Text:",
                "chapter notes": "Chapter Text:"}


def _walk(root: LexborNode, skip=None) -> list[Block]:
    """The blocks under ``root``; ``skip(node)`` true leaves a node out with all it holds."""
    return close_note_sections(walk_marked(root, skip))


def walk_marked(root: LexborNode, skip=None) -> list[Block]:
    """``_walk``'s blocks with a ``section-end`` block where a blockquote of notes ends."""
    out = _Collector()
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    sections: dict[int, str] = {}  # blockquotes of notes under a label, by node: the label
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            out.in_pre -= tag == "pre"
            if tag == "blockquote" and id(node) in sections:
                out.flush()
                out.blocks.append(Block("section-end", sections.pop(id(node))))
            elif tag == "dt":
                out.text(" ")  # "Rating:" and its <dd> are one line: "Rating: Teen And Up Audiences"
            elif tag in BLOCK_TAGS:
                out.flush()
            continue
        if tag == "-text":
            out.text(node.text(deep=False) or "")
            continue
        if _dropped(node) or (skip is not None and skip(node)):
            continue
        if tag in HEADING_TAGS:
            out.flush()
            out.blocks.append(Block("heading", clean(node.text(deep=True) or ""), HEADING_TAGS[tag]))
            continue
        if tag == "hr":
            out.flush()
            out.blocks.append(Block("break"))
            continue
        if tag == "br":
            out.br()
            continue
        if tag in ("img", "-doctype"):
            continue
        if tag in BLOCK_TAGS and not (tag == "dd" and out.parts):
            out.flush()
        if tag == "blockquote" and out.blocks and out.blocks[-1].kind == "para" \
                and NOTE_SECTION_LABEL.match(out.blocks[-1].text.strip()):
            sections[id(node)] = " ".join(out.blocks[-1].text.rstrip(" :").lower().split())
        out.in_pre += tag == "pre"
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    out.flush()
    return out.blocks


def close_note_sections(found: list[Block]) -> list[Block]:
    """"Summary" or "Notes" with the author's words in a blockquote: a note that would run on into
    the story after it, so the blockquote's end gets the label that opens the story ("Work
    Text:"), unless another label, a heading or nothing comes next."""
    kept = [b for b in found if b.kind != "section-end" or b.text in _STORY_LABEL]
    out = []
    for i, block in enumerate(kept):
        if block.kind != "section-end":
            out.append(block)
            continue
        nxt = next((b for b in kept[i + 1:] if b.kind != "section-end"), None)
        label = Block("para", _STORY_LABEL[block.text])
        if nxt is not None and nxt.kind == "para" and not NOTE_SECTION_LABEL.match(nxt.text.strip()) \
                and not (out and out[-1] == label):  # a blockquote in a blockquote: one label
            out.append(label)
    return out


def blocks(html: str) -> list[Block]:
    """The story's blocks in a page's (or an XHTML chapter's) body."""
    return parse_page(html).blocks


def parse_page(html: str) -> Page:
    """A web page's blocks and its title and author."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = clean(title_node.text(deep=True) or "") if title_node is not None else ""
    title = TITLE_SEPARATORS.split(title)[0].strip() if title else ""
    author = None
    for meta in tree.css("meta"):
        attrs = meta.attributes
        if (attrs.get("name") or "").lower() == "author" and (attrs.get("content") or "").strip():
            author = clean(attrs["content"])
            break
    from audiobook.readers.archive_page import archive_work_page  # it reads with this module's walker

    download = archive_download(tree) or archive_work_page(tree) or fanfiction_net_page(tree)
    if download is not None:
        return download
    body = tree.body or tree.root
    return Page(_walk(body) if body is not None else [], title or None, author)


# ----------------------------------------------------------------------------- archive downloads
#: Class names of an archive download's own words around the story, not the author's: "Posted
#: originally on the Archive of Our Own at ...", "Please drop by the Archive and comment",
#: "See the end of the chapter for more notes", the "Preface" and "Afterword" headings.
ARCHIVE_FURNITURE = frozenset({"message", "endnote-link", "toc-heading"})

#: A posting's series fact: "Part 2 of Trains and Other Disasters" (its place, then the series).
SERIES_PART = re.compile(r"^Part\s+(\d{1,4})\s+of\s+(.+?)\s*$", re.I)
#: The date in a posting's stats: "Published: 2024-03-02" (the year is the book's).
PUBLISHED = re.compile(r"\bPublished:\s*(\d{4})-\d\d-\d\d")


def _furniture(node: LexborNode) -> bool:
    """The archive's words, by class name, or by their words where a converter renamed it."""
    classes = set((node.attributes.get("class") or "").lower().split())
    if classes & ARCHIVE_FURNITURE:
        return True
    leaf = node.tag == "p" or (node.tag == "div" and not any(c.tag in BLOCK_TAGS for c in node.iter()))
    return leaf and bool(ARCHIVE_MESSAGE.search(clean(node.text(deep=True) or "")))


def archive_download(tree: LexborHTMLParser) -> Optional[Page]:
    """A story as the Archive of Our Own lets it be downloaded (``#preface`` with the posting's
    tags, then ``#chapters`` and ``#afterword``; an EPUB has the preface as a page of its own),
    else None. Read as the parser reads such a story copied as text: title, "by" line, one line
    per tag ("Rating: ..."), the "Summary" and "Notes" sections, the story; the archive's own
    messages left out. The page's title, authors, summary, series and year of publication are
    the book's metadata."""
    preface = tree.css_first("#preface")
    tags = preface.css_first("dl.tags") if preface is not None else None
    if tags is None:
        return None
    heading = preface.css_first("h1") or preface.css_first(".message b")
    title = clean(heading.text(deep=True) or "") if heading is not None else ""
    # The "by" line by its author links: a converter may have renamed its class.
    author_link = preface.css_first('a[rel="author"]')
    byline = author_link.parent if author_link is not None else None
    if byline is not None and byline.mem_id == preface.mem_id:
        byline = None  # no "by" line of its own around the link
    authors = [clean(a.text(deep=True) or "") for a in byline.css('a[rel="author"]')] if byline is not None else []
    facts = walk_marked(tags)
    found = facts + ([Block("para", title)] if title else [])
    if byline is not None:
        found.append(Block("para", clean(byline.text(deep=True) or "")))
    mine = byline.mem_id if byline is not None else None
    notes = walk_marked(preface, skip=lambda n: n.tag in ("h1", "h2", "dl") or _furniture(n) or n.mem_id == mine)
    found += notes
    for part in (tree.css_first("#chapters"), tree.css_first("#afterword")):
        if part is not None:
            found += walk_marked(part, skip=_furniture)
    said = {b.text.split(":", 1)[0].strip().lower(): b.text.split(":", 1)[1].strip()
            for b in facts if b.kind == "para" and ":" in b.text}
    series = SERIES_PART.match(said.get("series", "").split(",")[0])
    published = PUBLISHED.search(said.get("stats", ""))
    return Page(close_note_sections(found), title or None, " and ".join(a for a in authors if a) or None,
                description=summary_of(notes), series=series.group(2) if series else None,
                series_index=series.group(1) if series else None, year=published.group(1) if published else None)


def summary_of(notes: list[Block]) -> Optional[str]:
    """The paragraphs after the "Summary" label, to the end of its section, blank lines between."""
    at = next((i for i, b in enumerate(notes) if b.kind == "para" and b.text.strip().lower() == "summary"), None)
    if at is None:
        return None
    said = []
    for block in notes[at + 1:]:
        if block.kind != "para" or NOTE_SECTION_LABEL.match(block.text.strip()):
            break
        said.append(block.text.strip())
    return "\n\n".join(said) or None


# ----------------------------------------------------------------------------- FanFiction.Net pages
_CHAPTER_OPTION = re.compile(r"^\d+\.\s*")


def fanfiction_net_page(tree: LexborHTMLParser) -> Optional[Page]:
    """A chapter of a story saved from FanFiction.Net (or FictionPress), else None: the story is
    ``#storytext``; the page around it (menus, the chapter list, reviews) is the site's. The
    header ``#profile_top`` gives title, author and summary, and its line of facts ("Rated: T -
    English - ... - Published: ...") is read as the posting facts are; the chapter chosen in the
    chapter list is the chapter's heading."""
    story = tree.css_first("#storytext")
    top = tree.css_first("#profile_top")
    if story is None or top is None:
        return None

    def text_of(selector: str) -> str:
        node = top.css_first(selector)
        return clean(node.text(deep=True) or "") if node is not None else ""

    title, author, summary = text_of("b.xcontrast_txt") or text_of("b"), text_of('a[href^="/u/"]'), \
        text_of("div.xcontrast_txt")
    facts = top.css_first("span.xgray")
    found = [Block("para", title)] if title else []
    if author:
        found.append(Block("para", f"by {author}"))
    if facts is not None:
        found.append(Block("para", clean(facts.text(deep=True) or "")))
    if summary:
        found += [Block("para", "Summary:"), Block("para", summary), Block("section-end", "summary")]
    chosen = tree.css_first("#chap_select option[selected]")
    if chosen is not None:
        found.append(Block("heading", _CHAPTER_OPTION.sub("", clean(chosen.text(deep=True) or "")), 2))
    found += walk_marked(story)
    times = [t.attributes.get("data-xutime") for t in facts.css("span[data-xutime]")] if facts is not None else []
    year = time.strftime("%Y", time.gmtime(int(times[-1]))) if times and (times[-1] or "").isdigit() else None
    return Page(close_note_sections(found), title or None, author or None, description=summary or None, year=year)
