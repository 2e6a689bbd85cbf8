"""The one place where the stages are composed: Document -> Script -> Cast -> RenderPlan -> audio."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from audiobook import output, schedule
from audiobook.cache import CACHE_DIRNAME, ClipCache
from audiobook.cover import choose_cover
from audiobook.errors import ChapterSelectionError, EngineError, SourceError
from audiobook.model import ChapterFile, Document, RenderPlan, Script
from audiobook.formats import BookFile
from audiobook.level import level_plan
from audiobook.parser import parse
from audiobook.plan import make_plan
from audiobook.progress import Progress
from audiobook.reader import read_source
from audiobook.synth import ClipFailed, make_blocks
from audiobook.voiceconfig import VoiceConfig, load_config
from audiobook.voices import cast
from audiobook.workers import DEFAULT_ENGINE, cpu_count


@dataclass
class RenderResult:
    """What a render wrote, and how long its parts took."""

    folder: Path
    """The book's folder."""
    files: list[ChapterFile]
    """One file per chapter rendered, in order."""
    playlist: Optional[Path]
    """The playlist beside the chapter files (None without them)."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent: ``prepare`` (read, parse, cast, plan) and ``audio`` (synthesis and encoding)."""
    books: list[BookFile] = field(default_factory=list)
    """Single-file books (MP3 with chapters, M4B), each with a cue sheet."""


#: Most characters of text a book may have: about four times the longest novels. Past it the
#: parse would need gigabytes of memory and the render days; a clear refusal is kinder.
MAX_TEXT_CHARS = 20_000_000


def parse_source(source: Path, encoding: Optional[str] = None) -> tuple[Script, Document]:
    """Read and parse ``source``; return the script and the document its offsets refer to."""
    document = read_source(Path(source), encoding=encoding)
    if len(document.text) > MAX_TEXT_CHARS:
        raise SourceError(f"{document.path}: has {len(document.text) / 1e6:.0f} million characters, more than the "
                          f"{MAX_TEXT_CHARS // 1_000_000} million a book may have; split it into parts and render each")
    return parse(document), document


def prepare(source: Path, config: VoiceConfig, engine, *, encoding: Optional[str] = None,
            chapters: Optional[set[int]] = None, cache: Optional[ClipCache] = None) -> tuple[RenderPlan, Document]:
    """Everything before audio: parse, cast, plan and level (``config`` is voices.yaml, checked).

    ``chapters`` selects 1-based chapter numbers of the whole book (default: all); a number past
    the book's last chapter raises ChapterSelectionError.
    """
    script, document = parse_source(source, encoding=encoding)
    if chapters is not None:
        check_chapters(chapters, len(script.chapters))
    plan = make_plan(script, cast(script, config), document.text, chapters)
    plan.year = document.year
    return level_plan(plan, engine, cache), document


def check_chapters(chapters: set[int], total: int) -> None:
    """Refuse chapter numbers the book does not have."""
    beyond = sorted(n for n in chapters if not 1 <= n <= total)
    if beyond:
        raise ChapterSelectionError(f"chapter {beyond[0]} is out of range; the book has {total} "
                                    f"chapter{'s' if total != 1 else ''} (1-{total})")


#: Output formats: one MP3 per chapter, one MP3 with chapter marks, one M4B audiobook.
FORMATS = ("mp3", "mp3-single", "m4b")


def render(source: Path, out_dir: Path, voices: Optional[Path] = None, *, jobs: Optional[int] = None,
           cache_dir: Optional[Path] = None, engine=None, engine_spec: str = DEFAULT_ENGINE,
           progress: Optional[Progress] = None, encoding: Optional[str] = None,
           chapters: Optional[set[int]] = None, formats: Iterable[str] = ("mp3",),
           cover: Optional[Path] = None, make_cover: bool = True, profile: str = "default") -> RenderResult:
    """Render ``source`` into ``out_dir/<book-slug>/`` in the given ``formats`` (see FORMATS).

    The voices file is checked before any audio is made. Clips are kept in the cache
    (``out_dir/.audiobook-cache`` unless given), so a second render makes only what changed.
    The cover is ``cover``, else the book's own, else a generated one unless ``make_cover`` is off.
    """
    began = time.perf_counter()
    formats = set(formats)
    progress = progress or Progress(quiet=True)
    if engine is None:
        from audiobook.engine import SpeechEngine

        engine = SpeechEngine()
    config = load_config(voices, engine)  # a bad voices file stops the render before it touches the disk
    output.writable_folder(Path(out_dir))
    cache = ClipCache(Path(cache_dir) if cache_dir else Path(out_dir) / CACHE_DIRNAME)
    plan, document = prepare(source, config, engine, encoding=encoding, chapters=chapters, cache=cache)
    art = choose_cover(cover, document.cover, plan.title, plan.author, make_cover)
    folder = output.book_folder(out_dir, plan)
    name = output.safe_name(plan.title, "book")
    outputs = schedule.Outputs(folder, "mp3" in formats,
                               tuple(folder / f"{name}.{suffix}" for fmt, suffix in (("mp3-single", "mp3"), ("m4b", "m4b"))
                                     if fmt in formats),
                               output.PROFILES[profile], art)
    blocks = make_blocks(plan, engine.identity)
    prepared = time.perf_counter()
    try:
        written = schedule.run(plan, blocks, cache, outputs, engine.identity, jobs or cpu_count(), progress, engine_spec)
    except ClipFailed as exc:
        line = document.text.count("\n", 0, exc.job.item.source_offset) + 1
        raise EngineError(f"{document.path}:{line}: the engine failed on this line (chapter {exc.job.chapter}) "
                          f"after several tries: {exc.cause}") from exc
    playlist = output.write_playlist(folder, written.chapters, plan.title) if written.chapters else None
    done = time.perf_counter()
    return RenderResult(folder, written.chapters, playlist, {"prepare": prepared - began, "audio": done - prepared},
                        written.books)
