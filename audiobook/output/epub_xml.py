"""The XML documents of the read-along EPUB: package, navigation, title page, chapters and
their Media Overlays (SMIL). Pure functions from the book to text, so they can be tested alone."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence
from xml.sax.saxutils import escape, quoteattr

from audiobook.model import BookInfo, ClipItem
from audiobook.output.timeline import Cue

#: The class a reading system puts on the element being read (``media:active-class``).
ACTIVE_CLASS = "-epub-media-overlay-active"

#: ``dcterms:modified`` is required; a fixed value, as the time of the render never goes into
#: the output (the same input gives the same bytes).
MODIFIED = "2000-01-01T00:00:00Z"

STYLE = f"""body {{ font-family: serif; line-height: 1.5; margin: 0 5%; }}
h1 {{ text-align: center; margin: 2em 0 1em; }}
p {{ text-indent: 1.5em; margin: 0; }}
.titlepage p {{ text-indent: 0; text-align: center; margin: 0.5em 0; }}
.titlepage img {{ display: block; max-width: 60%; max-height: 50vh; margin: 1em auto; }}
.{ACTIVE_CLASS} {{ background-color: #fff1a8; color: inherit; }}
"""

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


@dataclass(frozen=True)
class ChapterDoc:
    """One chapter as it goes into the EPUB."""

    name: str
    """File name without suffix (``c001``): the XHTML, SMIL and MP3 are named after it."""
    title: str
    """Chapter title (navigation, page title)."""
    cues: tuple[Cue, ...]
    """The chapter's clips placed in its MP3, in order."""
    duration_ms: int
    """Length of its MP3 in milliseconds."""


def clock(ms: int) -> str:
    """A SMIL full clock value, ``H:MM:SS.mmm``."""
    return f"{ms // 3_600_000}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _page(title: str, body: str, lang: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'xml:lang="{lang}" lang="{lang}">\n<head>\n<meta charset="UTF-8"/>\n<title>{escape(title)}</title>\n'
            '<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
            f'<body>\n{body}</body>\n</html>\n')


def chapter_xhtml(chapter: ChapterDoc, lang: str) -> str:
    """The chapter's text: its headings, then one paragraph per paragraph of the plan (a rule at
    each scene break), every clip a ``<span>`` with an id its overlay points at."""
    lines = [f'<section epub:type="chapter" id="{chapter.name}">']
    groups: list[tuple[int, ClipItem, list]] = []
    for n, cue in enumerate(chapter.cues, start=1):
        if not groups or groups[-1][0] != cue.item.paragraph:
            groups.append((cue.item.paragraph, cue.item, []))
        groups[-1][2].append(f'<span id="s{n}">{escape(" ".join(cue.item.display.split()))}</span>')
    if not any(first.heading for _n, first, _spans in groups):
        lines.append(f"<h1>{escape(chapter.title)}</h1>")
    for _paragraph, first, spans in groups:
        if first.after_break:
            lines.append("<hr/>")
        tag = "h1" if first.heading else "p"
        lines.append(f"<{tag}>{' '.join(spans)}</{tag}>")
    lines.append("</section>")
    return _page(chapter.title, "\n".join(lines) + "\n", lang)


def _seconds(value: float) -> str:
    return f"{max(0.0, value):.3f}s"


def chapter_smil(chapter: ChapterDoc) -> str:
    """The chapter's Media Overlay: a ``<par>`` per clip joining its span to its time in the MP3."""
    pars = [f'<par id="p{n}"><text src="{chapter.name}.xhtml#s{n}"/>'
            f'<audio src="audio/{chapter.name}.mp3" clipBegin="{_seconds(c.start)}" clipEnd="{_seconds(c.end)}"/></par>'
            for n, c in enumerate(chapter.cues, start=1)]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">\n'
            f'<body epub:textref="{chapter.name}.xhtml#{chapter.name}">\n' + "\n".join(pars) + "\n</body>\n</smil>\n")


def title_xhtml(info: BookInfo, cover_href: Optional[str]) -> str:
    """The title page: cover, title, author, narrator, series and description."""
    lines = ['<section epub:type="titlepage" class="titlepage">']
    if cover_href:
        lines.append(f'<img src="{cover_href}" alt="Cover"/>')
    lines.append(f"<h1>{escape(info.title)}</h1>")
    if info.author:
        lines.append(f"<p>by {escape(info.author)}</p>")
    if info.series:
        part = f", book {escape(info.series_index)}" if info.series_index else ""
        lines.append(f"<p>{escape(info.series)}{part}</p>")
    if info.narrator:
        lines.append(f"<p>Read by {escape(info.narrator)}</p>")
    for paragraph in (info.description or "").split("\n\n"):
        if paragraph.strip():
            lines.append(f"<p>{escape(paragraph)}</p>")
    lines.append("</section>")
    return _page(info.title, "\n".join(lines) + "\n", info.language)


def nav_xhtml(info: BookInfo, chapters: Sequence[ChapterDoc]) -> str:
    """The navigation document: the table of contents."""
    items = "\n".join(f'<li><a href="{c.name}.xhtml">{escape(c.title)}</a></li>' for c in chapters)
    body = f'<nav epub:type="toc" id="toc">\n<h1>Contents</h1>\n<ol>\n{items}\n</ol>\n</nav>\n'
    return _page(info.title, body, info.language)


def package_opf(info: BookInfo, identifier: str, chapters: Sequence[ChapterDoc],
                cover: Optional[tuple[str, str]]) -> str:
    """The package document: metadata (with each overlay's ``media:duration`` and the total,
    and ``media:active-class``), manifest and spine. ``cover`` is (href, media type)."""
    meta = [f'<dc:identifier id="book-id">{escape(identifier)}</dc:identifier>',
            f"<dc:title>{escape(info.title)}</dc:title>", f"<dc:language>{escape(info.language)}</dc:language>"]
    if info.author:
        meta += [f'<dc:creator id="author">{escape(info.author)}</dc:creator>',
                 '<meta refines="#author" property="role" scheme="marc:relators">aut</meta>']
    if info.narrator:
        meta += [f'<dc:contributor id="narrator">{escape(info.narrator)}</dc:contributor>',
                 '<meta refines="#narrator" property="role" scheme="marc:relators">nrt</meta>',
                 f'<meta property="media:narrator">{escape(info.narrator)}</meta>']
    if info.year:
        meta.append(f"<dc:date>{escape(info.year)}</dc:date>")
    if info.description:
        meta.append(f"<dc:description>{escape(info.description)}</dc:description>")
    if info.series:
        meta += [f'<meta property="belongs-to-collection" id="series">{escape(info.series)}</meta>',
                 '<meta refines="#series" property="collection-type">series</meta>']
        if info.series_index:
            meta.append(f'<meta refines="#series" property="group-position">{escape(info.series_index)}</meta>')
    meta += [f'<meta property="dcterms:modified">{MODIFIED}</meta>',
             f'<meta property="media:active-class">{ACTIVE_CLASS}</meta>']
    overlays = [c for c in chapters if c.cues]
    meta += [f'<meta property="media:duration" refines="#mo-{c.name}">{clock(c.duration_ms)}</meta>' for c in overlays]
    meta.append(f'<meta property="media:duration">{clock(sum(c.duration_ms for c in overlays))}</meta>')

    items = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
             '<item id="css" href="style.css" media-type="text/css"/>',
             '<item id="titlepage" href="title.xhtml" media-type="application/xhtml+xml"/>']
    if cover:
        items.append(f'<item id="cover-image" href={quoteattr(cover[0])} media-type="{cover[1]}" '
                     'properties="cover-image"/>')
    for c in chapters:
        overlay = f' media-overlay="mo-{c.name}"' if c.cues else ""
        items.append(f'<item id="{c.name}" href="{c.name}.xhtml" media-type="application/xhtml+xml"{overlay}/>')
        if c.cues:
            items += [f'<item id="mo-{c.name}" href="{c.name}.smil" media-type="application/smil+xml"/>',
                      f'<item id="audio-{c.name}" href="audio/{c.name}.mp3" media-type="audio/mpeg"/>']
    spine = ['<itemref idref="titlepage"/>'] + [f'<itemref idref="{c.name}"/>' for c in chapters]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" '
            f'xml:lang="{info.language}">\n'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n' + "\n".join(meta) + "\n</metadata>\n"
            "<manifest>\n" + "\n".join(items) + "\n</manifest>\n"
            "<spine>\n" + "\n".join(spine) + "\n</spine>\n</package>\n")

