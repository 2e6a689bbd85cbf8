"""The read-along EPUB: the book's text with its audio inside, and EPUB 3 Media Overlays that
point every clip's words at its time in its chapter's MP3, so a reading system highlights the
text as it plays. Written with zipfile alone: ``mimetype`` first and stored, every entry dated
the same, so the same book gives the same bytes."""
from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from audiobook.model import RenderPlan
from audiobook.output import epub_xml
from audiobook.output.chapters import pauses_and_gains
from audiobook.output.cover import Cover
from audiobook.output.files import atomic_path
from audiobook.output.mp3 import chapter_mp3, cut, encoded, mp3_entries
from audiobook.output.profile import Profile
from audiobook.output.timeline import mp3_timeline
from audiobook.render.cache import ClipCache

@dataclass(frozen=True)
class ChapterAudioJob:
    """Encodes one chapter's MP3 stretches into the cache, on a worker as soon as the chapter's
    clips exist, for an EPUB rendered without chapter files (with them, theirs are used)."""

    path: Path
    """Names the job in progress lines and results (no file is written there)."""
    keys: tuple
    """Cache key per item, None for a pause."""
    pauses: tuple
    """Pause length in ms per item."""
    gains: tuple
    """Gain in dB per item."""
    profile: Profile
    """Bitrate and sample rate."""

    def write(self, cache_root: Path) -> Path:
        """Encode the stretches not in the cache yet; worker entry point."""
        cache = ClipCache(cache_root)
        for stretch in cut(self.keys, self.pauses, self.gains):
            encoded(stretch, self.profile.bitrate, self.profile.sample_rate, cache)
        return self.path

    def outputs(self) -> list[Path]:
        """The files this job writes: none but cache entries."""
        return []

    def partial_files(self, cache_root: Path) -> list[Path]:
        """Cache entries are written atomically: nothing to clean up."""
        return []

    def cache_entries(self) -> list[tuple[str, str]]:
        """(kind, key) of every cache entry this job uses besides the clips."""
        return mp3_entries(self.keys, self.pauses, self.gains, self.profile)

    def recall(self, cache: ClipCache) -> None:
        """Always run: a stretch already in the cache costs only a look-up."""
        return None


def audio_jobs(epub: Path, plan: RenderPlan, keys: dict, profile: Profile) -> dict[int, ChapterAudioJob]:
    """A ChapterAudioJob per chapter of ``plan``, by chapter number."""
    jobs = {}
    for chapter in plan.chapters:
        pauses, gains = pauses_and_gains(chapter, keys[chapter.number])
        jobs[chapter.number] = ChapterAudioJob(epub.with_name(f"chapter {chapter.number} audio for {epub.name}"),
                                               tuple(keys[chapter.number]), pauses, gains, profile)
    return jobs


#: The date of every entry (the earliest a zip can hold): no time of the render in the file.
ENTRY_DATE = (1980, 1, 1, 0, 0, 0)


def book_identifier(plan: RenderPlan) -> str:
    """A ``urn:uuid`` derived from the title and author: the same book keeps its identifier."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"audiobook:{plan.title}\n{plan.author or ''}").urn


def _add(book: zipfile.ZipFile, name: str, data, compress: bool = True) -> None:
    info = zipfile.ZipInfo(name, date_time=ENTRY_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    book.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def write_epub(path: Path, plan: RenderPlan, keys: dict, profile: Profile, cache: ClipCache,
               cover: Optional[Cover]) -> Path:
    """Write the read-along EPUB of ``plan`` to ``path`` (it appears only when complete); ``keys``
    are each chapter's items as cache keys, by chapter number. MP3 stretches not yet in the
    cache are encoded and kept."""
    width = max(3, len(str(plan.total_chapters)))
    docs, audio = [], {}
    for chapter in plan.chapters:
        name = f"c{chapter.number:0{width}d}"
        chapter_keys = keys[chapter.number]
        timeline = mp3_timeline(chapter, chapter_keys, profile, cache)
        if timeline.cues:
            pauses, gains = pauses_and_gains(chapter, chapter_keys)
            sink = io.BytesIO()
            chapter_mp3(chapter_keys, pauses, gains, profile.bitrate, profile.sample_rate, cache, sink)
            audio[name] = sink.getvalue()
        docs.append(epub_xml.ChapterDoc(name, chapter.title, timeline.cues, round(timeline.duration * 1000)))
    cover_entry = None
    if cover:
        cover_entry = ("cover.png" if cover.mime == "image/png" else "cover.jpg", cover.mime)
    info = plan.info
    with atomic_path(path, cache.root / "tmp") as tmp:
        with zipfile.ZipFile(tmp, "w") as book:
            _add(book, "mimetype", "application/epub+zip", compress=False)
            _add(book, "META-INF/container.xml", epub_xml.CONTAINER)
            _add(book, "OEBPS/content.opf", epub_xml.package_opf(info, book_identifier(plan), docs, cover_entry))
            _add(book, "OEBPS/nav.xhtml", epub_xml.nav_xhtml(info, docs))
            _add(book, "OEBPS/style.css", epub_xml.STYLE)
            _add(book, "OEBPS/title.xhtml", epub_xml.title_xhtml(info, cover_entry[0] if cover_entry else None))
            if cover_entry:
                _add(book, f"OEBPS/{cover_entry[0]}", cover.data, compress=False)
            for doc in docs:
                _add(book, f"OEBPS/{doc.name}.xhtml", epub_xml.chapter_xhtml(doc, info.language))
                if doc.cues:
                    _add(book, f"OEBPS/{doc.name}.smil", epub_xml.chapter_smil(doc))
                    _add(book, f"OEBPS/audio/{doc.name}.mp3", audio[doc.name], compress=False)
    return path
