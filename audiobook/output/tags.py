"""The tags audio players read: ID3 frames for MP3, iTunes atoms for M4B. Never the time of
the render, so the same input gives the same bytes."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from mutagen.id3 import APIC, COMM, MVIN, MVNM, TALB, TCOM, TCON, TIT2, TPE1, TPE2, TRCK, TXXX, TYER
from mutagen.mp4 import MP4, MP4Cover, MP4FreeForm

from audiobook.model import BookInfo
from audiobook.output.cover import Cover

GENRE = "Audiobook"
UNKNOWN_AUTHOR = "Unknown"

#: iTunes media kind for an audiobook (the ``stik`` atom).
ITUNES_AUDIOBOOK = 2


def id3_frames(title: str, album: str, artist: str, year: Optional[str], cover: Optional[Cover],
               track: Optional[str] = None) -> list:
    """The ID3v2.3 frames of a file: title, album, artist, track ``n/N`` if given, genre, year, cover."""
    frames = [TIT2(encoding=3, text=title), TALB(encoding=3, text=album), TPE1(encoding=3, text=artist)]
    if track:
        frames.append(TRCK(encoding=3, text=track))
    frames.append(TCON(encoding=3, text=GENRE))
    if year:
        frames.append(TYER(encoding=3, text=year))
    if cover:
        frames.append(front_cover(cover))
    return frames


def front_cover(cover: Cover) -> APIC:
    """An ID3 front-cover picture frame."""
    return APIC(encoding=3, mime=cover.mime, type=3, desc="Cover", data=cover.data)


def tag_m4b(path: Path, title: str, artist: str, year: Optional[str], cover: Optional[Cover]) -> None:
    """Title, album, artist, genre, the audiobook media kind, year and cover of an M4B."""
    audio = MP4(str(path))
    audio.tags = audio.tags if audio.tags is not None else audio.add_tags() or audio.tags
    audio["\xa9nam"] = [title]
    audio["\xa9alb"] = [title]
    audio["\xa9ART"] = [artist]
    audio["aART"] = [artist]
    audio["\xa9gen"] = [GENRE]
    audio["stik"] = [ITUNES_AUDIOBOOK]
    if year:
        audio["\xa9day"] = [year]
    if cover:
        kind = MP4Cover.FORMAT_PNG if cover.mime == "image/png" else MP4Cover.FORMAT_JPEG
        audio["covr"] = [MP4Cover(cover.data, imageformat=kind)]
    audio.save()


def book_id3_frames(info: BookInfo) -> list:
    """The frames audiobook players and Audiobookshelf read beyond the basic ones: album artist
    (TPE2, the author), narrator (TCOM, composer), series and part (TXXX ``series`` and
    ``series-part``, and iTunes' MVNM/MVIN), description (COMM and TXXX ``description``)."""
    frames = []
    if info.author:
        frames.append(TPE2(encoding=3, text=info.author))
    if info.narrator:
        frames.append(TCOM(encoding=3, text=info.narrator))
    if info.series:
        frames += [TXXX(encoding=3, desc="series", text=info.series), MVNM(encoding=3, text=info.series)]
        if info.series_index:
            frames += [TXXX(encoding=3, desc="series-part", text=info.series_index),
                       MVIN(encoding=3, text=info.series_index)]
    if info.description:
        frames += [COMM(encoding=3, lang="eng", desc="", text=info.description),
                   TXXX(encoding=3, desc="description", text=info.description)]
    return frames


def tag_m4b_book(path: Path, info: BookInfo) -> None:
    """Add to an M4B the atoms for narrator (``\xa9wrt``, composer), series and part
    (``\xa9mvn``/``\xa9mvi`` and iTunes freeform ``SERIES``/``SERIES-PART``) and description
    (``desc``, ``ldes`` and the ``\xa9cmt`` comment)."""
    audio = MP4(str(path))
    if audio.tags is None:
        audio.add_tags()
    if info.narrator:
        audio["\xa9wrt"] = [info.narrator]
    if info.series:
        audio["\xa9mvn"] = [info.series]
        audio["----:com.apple.iTunes:SERIES"] = [MP4FreeForm(info.series.encode("utf-8"))]
        if info.series_index:
            audio["----:com.apple.iTunes:SERIES-PART"] = [MP4FreeForm(info.series_index.encode("utf-8"))]
            if info.series_index.isdigit():
                audio["\xa9mvi"] = [int(info.series_index)]
    if info.description:
        audio["desc"] = [info.description[:255]]
        audio["ldes"] = [info.description]
        audio["\xa9cmt"] = [info.description]
    audio.save()
