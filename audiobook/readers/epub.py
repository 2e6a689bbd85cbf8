"""EPUB (.epub): chapters in spine order, titled from the table of contents; title, author,
cover, year, description, series and language from the package metadata.

ebooklib reads the archive; its XML parser neither resolves entities nor fetches anything.
Chapter bodies go through the HTML reader (``html.blocks``), so an EPUB chapter reads exactly
as the same XHTML saved as a web page would.
"""
from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path
from posixpath import normpath
from typing import Optional

from audiobook.errors import SourceError
from audiobook.model import BookInfo, Document
from audiobook.readers import html
from audiobook.parser.structure_rules import CHAPTER_HEADING_PATTERNS
from audiobook.readers.blocks import CHAPTER_LEVELS, Block, clean, to_text

#: Guide (EPUB 2) and landmark (EPUB 3) types of pages that are not part of the story.
SKIPPED_PAGE_TYPES = frozenset({
    "cover", "title-page", "titlepage", "copyright-page", "copyright", "toc", "landmarks", "loi",
    "lot", "colophon", "imprint", "imprimatur", "other.ms-coverimage-standard", "other.ms-titlepage",
})

#: Words in a page's file name or id that mark front matter; such a page is skipped when it is
#: short (``FRONT_MATTER_MAX_WORDS``), so a chapter that happens to be called "cover" is kept.
FRONT_MATTER_NAMES = re.compile(r"(?i)(?:cover|copyright|title[-_]?page|^title|toc|contents|nav|colophon)")

#: Sentences that mark a short page as a copyright or rights page.
RIGHTS_WORDS = re.compile(r"(?i)(?:\bcopyright\b|\u00a9|all rights reserved|\bISBN\b)")

#: Most words a front-matter page may have; a longer page is story.
FRONT_MATTER_MAX_WORDS = 150

#: Why ebooklib could not read a file, by the start of its message, in the user's words.
EPUB_FAULTS = {
    "Bad Zip file": "not a zip archive",
    "Large Zip file": "a zip archive too large to read",
    "Can not find container file": "no package (OPF) file",
    "Can not find ncx file": "its table of contents (NCX) is missing",
}


def _load(path: Path):
    from ebooklib import epub

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return epub.read_epub(str(path), options={"ignore_ncx": False})
    except AttributeError as exc:
        # ebooklib follows the spine's toc= reference even when the package lacks that item.
        reason = "its spine names a table of contents the package does not have" if "get_name" in str(exc) else str(exc)
    except epub.EpubException as exc:
        msg = str(getattr(exc, "msg", exc))
        reason = next((v for k, v in EPUB_FAULTS.items() if msg.startswith(k)), msg)
    except KeyError as exc:  # a file the container or the package points to is not in the archive
        m = re.search(r"named '([^']*)'", str(exc.args[0] if exc.args else ""))
        name = m.group(1) if m else ""
        reason = f"no {name}" if name not in ("", ".") else "no package (OPF) file"
    except (zipfile.BadZipFile, OSError, ValueError, AttributeError, TypeError) as exc:
        reason = str(exc) or type(exc).__name__
    raise SourceError(f"{path}: is not a readable EPUB ({reason}); check the file or convert it to .txt")


def _metadata(book, name: str) -> list[str]:
    return [clean(value) for value, _attrs in book.get_metadata("DC", name) if value and value.strip()]


def _toc_titles(toc) -> dict[str, str]:
    """File name -> title of the first table-of-contents entry that points into it; an entry
    (a chapter) wins over a section holding entries (a part) that points to the same file."""
    entries: dict[str, str] = {}
    sections: dict[str, str] = {}
    stack = [(entry, entries) for entry in reversed(toc if isinstance(toc, (list, tuple)) else [toc])]
    while stack:
        entry, into = stack.pop()
        if isinstance(entry, tuple) and len(entry) == 2:
            entry, children = entry
            stack.extend((child, entries) for child in reversed(list(children)))
            into = sections
        href = getattr(entry, "href", None)
        title = clean(getattr(entry, "title", "") or "")
        if href and title:
            into.setdefault(normpath(href.split("#", 1)[0]), title)
    return {**sections, **entries}


def _skipped_files(book) -> set[str]:
    """Files the guide or the nav's landmarks name as cover, title page, copyright or contents."""
    out = set()
    for ref in getattr(book, "guide", None) or []:
        if (ref.get("type") or "").lower() in SKIPPED_PAGE_TYPES and ref.get("href"):
            out.add(normpath(ref["href"].split("#", 1)[0]))
    for item in book.get_items():
        if type(item).__name__ == "EpubNav":
            content = item.get_content().decode("utf-8", "replace")
            for m in re.finditer(r"""<a\b[^>]*>""", content):
                tag = m.group(0)
                kind = re.search(r"""epub:type\s*=\s*["']([^"']+)""", tag)
                href = re.search(r"""href\s*=\s*["']([^"'#]+)""", tag)
                if kind and href and any(k.lower() in SKIPPED_PAGE_TYPES for k in kind.group(1).split()):
                    out.add(normpath(href.group(1)))
    return out


def _cover(book) -> tuple[Optional[bytes], Optional[str]]:
    """The cover image: the EPUB 3 ``cover-image`` item, else the one the ``cover`` meta names."""
    from ebooklib import epub

    for item in book.get_items():
        if isinstance(item, epub.EpubCover) and item.get_content():
            return item.get_content(), item.media_type
    for _value, attrs in book.get_metadata("OPF", "meta"):
        if (attrs or {}).get("name") != "cover":
            continue
        item = book.get_item_with_id(attrs.get("content", ""))
        if item is not None and (item.media_type or "").startswith("image/"):
            return item.get_content(), item.media_type
    return None, None


def _words(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)


def _is_front_matter(name: str, item_id: str, blocks: list[Block]) -> bool:
    """A short page named like a cover, contents or title page, or a short rights page."""
    if _words(blocks) > FRONT_MATTER_MAX_WORDS:
        return False
    if FRONT_MATTER_NAMES.search(Path(name).stem) or FRONT_MATTER_NAMES.search(item_id or ""):
        return True
    return any(RIGHTS_WORDS.search(b.text) for b in blocks)


def _same(a: str, b: str) -> bool:
    """Whether a heading repeats a title: one's words hold the other's ("1" and "Chapter 1")."""
    a, b = (" " + " ".join(re.findall(r"\w+", x.casefold())) + " " for x in (a, b))
    return a.strip() != "" and b.strip() != "" and (a in b or b in a)


def _looks_like_chapter(text: str) -> bool:
    """Whether the parser would take this line as a chapter heading ("Chapter Two", "IV")."""
    return any(pattern.match(text) for pattern in CHAPTER_HEADING_PATTERNS)


def _chapter(body: list[Block], toc_title: Optional[str]) -> tuple[Optional[str], list[Block]]:
    """A chapter file's title (its table-of-contents entry, else its first heading) and blocks.

    Headings above the prose that repeat the title, or that are a bare chapter label when the
    table of contents gives the title, are not read twice. Other headings are read as lines,
    except those that label a chapter of their own (a file holding two chapters).
    """
    lead = next((i for i, b in enumerate(body) if b.kind != "heading"), len(body))
    first = next((b for b in body if b.kind == "heading" and b.level in CHAPTER_LEVELS), None)
    title = toc_title or (first.text if first else None)
    out = []
    for i, b in enumerate(body):
        if b.kind == "heading":
            if i < lead and title and (_same(b.text, title) or (toc_title and _looks_like_chapter(b.text))):
                continue
            chapter = b.level in CHAPTER_LEVELS and _looks_like_chapter(b.text)
            b = Block("heading", b.text, 1) if chapter else Block("para", b.text)  # all chapters one level
        out.append(b)
    return title, out


def read_epub(path: Path) -> Document:
    """Read an EPUB: its story text as normalised plain text, and its metadata."""
    from ebooklib import epub

    book = _load(path)
    titles = _toc_titles(book.toc)
    skipped = _skipped_files(book)
    blocks: list[Block] = []
    for idref, linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or (linear or "yes").lower() == "no" or not isinstance(item, epub.EpubHtml) \
                or isinstance(item, (epub.EpubNav, epub.EpubCoverHtml)):
            continue
        name = normpath(item.get_name())
        if name in skipped:
            continue
        body = html.blocks(item.get_content().decode("utf-8", "replace"))
        if _is_front_matter(name, item.id, body):
            continue
        title, body = _chapter(body, titles.get(name))
        if title:
            blocks.append(Block("heading", title, 1))
        blocks.extend(body)
    cover, cover_type = _cover(book)
    authors = _metadata(book, "creator")
    years = [m.group(0) for m in (re.search(r"\b\d{4}\b", d) for d in _metadata(book, "date")) if m]
    series, series_index = _series(book)
    info = BookInfo(title=next(iter(_metadata(book, "title")), ""), author=" and ".join(authors) if authors else None,
                    series=series, series_index=series_index if series else None, year=years[0] if years else None,
                    description=_description(book),
                    language=next(iter(_metadata(book, "language")), None) or BookInfo.language)
    return Document(path=path, text=to_text(blocks), info=info, cover=cover, cover_type=cover_type, plain=False)


def _description(book) -> Optional[str]:
    """``dc:description`` as plain paragraphs (it is often HTML)."""
    for value, _attrs in book.get_metadata("DC", "description"):
        paragraphs = [b.text for b in html.blocks(f"<body>{value}</body>") if b.text.strip()] if value else []
        if paragraphs:
            return "\n\n".join(paragraphs)
    return None


def _series(book) -> tuple[Optional[str], Optional[str]]:
    """The series and place in it: EPUB 3 ``belongs-to-collection`` with ``group-position``, else
    calibre's ``calibre:series`` and ``calibre:series_index``."""
    metas = book.get_metadata("OPF", "meta")
    refines = {(a.get("refines"), a.get("property")): clean(v or "") for v, a in metas if a.get("refines")}
    for value, attrs in metas:
        if attrs.get("property") == "belongs-to-collection" and value and value.strip():
            position = refines.get((f"#{attrs.get('id')}", "group-position"))
            return clean(value), _index(position)
    named = {a.get("name"): a.get("content") for _v, a in metas if a.get("name")}
    if (named.get("calibre:series") or "").strip():
        return clean(named["calibre:series"]), _index(named.get("calibre:series_index"))
    return None, None


def _index(value: Optional[str]) -> Optional[str]:
    """A series position as written by people: ``2.0`` is ``2``; anything but a number is None."""
    match = re.fullmatch(r"\s*(\d{1,4})(?:\.(\d{1,3}))?\s*", value or "")
    if not match:
        return None
    whole, part = match.group(1), (match.group(2) or "").rstrip("0")
    return f"{int(whole)}.{part}" if part else str(int(whole))
