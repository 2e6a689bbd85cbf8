"""Subtitles beside the audio: SubRip (.srt) and WebVTT (.vtt), one cue per clip (a sentence
or a short paragraph), timed by where the clip is in the encoded file (``timeline.py``)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from audiobook.model import ChapterFile, ChapterPlan, RenderPlan
from audiobook.output.files import atomic_path
from audiobook.output.profile import Profile
from audiobook.output.timeline import ChapterTimeline, Cue, aac_timeline, joined, mp3_timeline
from audiobook.render.cache import ClipCache

#: How the narrator is named in WebVTT voice spans.
NARRATOR = "Narrator"


def _stamp(seconds: float, separator: str) -> str:
    ms = max(0, round(seconds * 1000))
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{separator}{ms % 1000:03d}"


def _one_line(text: str) -> str:
    # A blank line ends a cue in both formats; cue text never needs more than one line here.
    return " ".join(text.split())


def srt(cues: Sequence[Cue]) -> str:
    """The cues as SubRip text: numbered, ``HH:MM:SS,mmm`` times, the words as written."""
    blocks = [f"{n}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{_one_line(c.item.display)}\n"
              for n, c in enumerate(cues, start=1)]
    return "\n".join(blocks)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vtt(cues: Sequence[Cue]) -> str:
    """The cues as WebVTT: each in a voice span naming who speaks (``<v Lily>``), the narrator
    as ``<v Narrator>``."""
    blocks = ["WEBVTT\n"]
    for n, c in enumerate(cues, start=1):
        voice = _escape(_one_line(c.item.speaker or NARRATOR))
        blocks.append(f"{n}\n{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n"
                      f"<v {voice}>{_escape(_one_line(c.item.display))}</v>\n")
    return "\n".join(blocks)


def subtitle_paths(audio: Path, keep_suffix: bool = False) -> tuple[Path, Path]:
    """Where the .srt and .vtt of ``audio`` go: ``01 - Title.srt`` beside a chapter file; for a
    single-file book the audio's whole name is kept (``Title.m4b.srt``), as an MP3 and an M4B
    of the same book share a title."""
    stem = audio.name if keep_suffix else audio.stem
    return audio.with_name(stem + ".srt"), audio.with_name(stem + ".vtt")


def write_subtitles(audio: Path, cues: Sequence[Cue], keep_suffix: bool = False,
                    tmp_dir: Optional[Path] = None) -> list[Path]:
    """Write ``audio``'s .srt and .vtt (each appears only when complete); return their paths."""
    written = []
    for path, text in zip(subtitle_paths(audio, keep_suffix), (srt(cues), vtt(cues))):
        with atomic_path(path, tmp_dir) as tmp:
            tmp.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def write_all(plan: RenderPlan, keys: dict, profile: Profile, cache: ClipCache, chapter_files: Sequence[ChapterFile],
              books: Sequence) -> list[Path]:
    """Subtitles for every file a render wrote: each chapter MP3 (``chapter_files``) and each
    single-file book (``books``, by the suffix of their ``path``); ``keys`` are each chapter's
    items as cache keys, by chapter number. Returns the files written."""
    mp3_times: dict[int, ChapterTimeline] = {}

    def mp3_of(chapter: ChapterPlan) -> ChapterTimeline:
        if chapter.number not in mp3_times:
            mp3_times[chapter.number] = mp3_timeline(chapter, keys[chapter.number], profile, cache)
        return mp3_times[chapter.number]

    by_number = {c.number: c for c in plan.chapters}
    tmp_dir = cache.root / "tmp"
    written: list[Path] = []
    for file in chapter_files:
        written += write_subtitles(file.path, mp3_of(by_number[file.number]).cues, tmp_dir=tmp_dir)
    for book in books:
        if book.path.suffix == ".m4b":
            timelines = [aac_timeline(c, keys[c.number], profile, cache, i == 0) for i, c in enumerate(plan.chapters)]
        else:
            timelines = [mp3_of(c) for c in plan.chapters]
        written += write_subtitles(book.path, joined(timelines), keep_suffix=True, tmp_dir=tmp_dir)
    return written
