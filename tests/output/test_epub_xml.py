"""The read-along EPUB's pages, exactly."""
from __future__ import annotations

from audiobook.model import ClipItem, VoiceSettings
from audiobook.output.epub_xml import ChapterDoc, chapter_xhtml, clock
from audiobook.output.timeline import Cue

V = VoiceSettings("gmw/en")


def test_read_along_chapter_page_has_headings_paragraphs_and_scene_breaks():
    items = [ClipItem("One", V, None, 0, paragraph=1, heading=True), ClipItem("A b.", V, None, 5, paragraph=2),
             ClipItem("C & d.", V, "Lily", 9, shown='"C & d."', paragraph=2),
             ClipItem("E.", V, None, 20, paragraph=3, after_break=True)]
    page = chapter_xhtml(ChapterDoc("c001", "One", tuple(Cue(i, i + 0.5, item, 1) for i, item in enumerate(items)),
                                    2000), "en")
    assert ('<section epub:type="chapter" id="c001">\n<h1><span id="s1">One</span></h1>\n'
            '<p><span id="s2">A b.</span> <span id="s3">"C &amp; d."</span></p>\n<hr/>\n'
            '<p><span id="s4">E.</span></p>\n</section>\n') in page


def test_clock_values():
    assert clock(0) == "0:00:00.000" and clock(3_725_004) == "1:02:05.004"
