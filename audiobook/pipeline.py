"""The one place where the stages are composed: Document -> Script -> Cast -> RenderPlan -> audio."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from audiobook.casting.assign import cast
from audiobook.casting.castfile import updated_voices_file
from audiobook.casting.schema import VoiceConfig, load_config
from audiobook.errors import (AudiobookError, ChapterSelectionError, ConfigError, EngineError, SourceError,
                              VoiceNotFound)
from audiobook.model import ChapterFile, Document, RenderPlan, Script, VoiceSettings
from audiobook.output import chapters as chapter_files
from audiobook.output.books import BookFile, book_job
from audiobook.output.cover import choose_cover
from audiobook.output.files import atomic_path, book_folder, safe_name, writable_folder
from audiobook.output.player import play  # noqa: F401 (for the CLI)
from audiobook.output.pcm import as_segment, encode_mp3
from audiobook.output.profile import PROFILES
from audiobook.parser import parse
from audiobook.parser.views import cast_table, screenplay  # noqa: F401 (for the CLI)
from audiobook.readers import read_source
from audiobook.render import schedule
from audiobook.render.acx import acx_plan, narrator_credit
from audiobook.render.blocks import ClipFailed, chapter_keys, make_blocks
from audiobook.render.cache import CACHE_DIRNAME, ClipCache
from audiobook.render.cache_usage import clear as clear_cache, prune as prune_cache, usage as cache_usage  # noqa: F401
from audiobook.render.cache_usage import record_book, used_entries
from audiobook.render.engine import DEFAULT_ENGINE, SpeechEngine, load_engine
from audiobook.render.level import level_plan, measuring_keys
from audiobook.render.plan import Pronouncer, make_plan
from audiobook.render.progress import Progress
from audiobook.render.voice_names import in_language
from audiobook.render.workers import cpu_count

#: The voices file used when none is named and it exists in the working folder.
DEFAULT_VOICES = Path("voices.yaml")


def voices_path(voices: Optional[Path]) -> Optional[Path]:
    """``voices`` if given, else DEFAULT_VOICES if it exists, else None (built-in defaults)."""
    if voices is not None:
        return Path(voices)
    return DEFAULT_VOICES if DEFAULT_VOICES.is_file() else None


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


def prepare(source: Path, config: VoiceConfig, engine: SpeechEngine, *, encoding: Optional[str] = None,
            chapters: Optional[set[int]] = None, cache: Optional[ClipCache] = None,
            acx: bool = False) -> tuple[RenderPlan, Document]:
    """Everything before audio: parse, cast, plan and level (``config`` is voices.yaml, checked).

    ``chapters`` selects 1-based chapter numbers of the whole book (default: all); a number past
    the book's last chapter raises ChapterSelectionError. ``acx``: with credits, and long
    chapters in parts (see ``render/acx.py``).
    """
    script, document = parse_source(source, encoding=encoding)
    if chapters is not None:
        check_chapters(chapters, len(script.chapters))
    plan = make_plan(script, cast(script, config), document.text, chapters, year=document.year)
    if acx:
        plan = acx_plan(plan, config.narrator, narrator_credit(config.narrator, getattr(engine, "voices", [])))
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
           cache_dir: Optional[Path] = None, engine: Optional[SpeechEngine] = None,
           engine_spec: str = DEFAULT_ENGINE, progress: Optional[Progress] = None, encoding: Optional[str] = None,
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
    engine = engine or load_engine(engine_spec)
    config = load_config(voices, engine)  # a bad voices file stops the render before it touches the disk
    writable_folder(Path(out_dir))
    cache = ClipCache(cache_root(out_dir, cache_dir))
    cache.check_writable()
    plan, document = prepare(source, config, engine, encoding=encoding, chapters=chapters, cache=cache,
                             acx=profile == "acx")
    art = choose_cover(cover, document.cover, plan.title, plan.author, make_cover)
    folder = book_folder(out_dir, plan.title)
    name = safe_name(plan.title, "book")
    encoding_profile = PROFILES[profile]
    keys = {c.number: chapter_keys(c, engine.identity) for c in plan.chapters}
    chapter_jobs = {c.number: chapter_files.encode_job(folder, plan, c, keys[c.number], encoding_profile, art)
                    for c in plan.chapters} if "mp3" in formats else {}
    book_jobs = [book_job(folder / f"{name}.{suffix}", plan, keys, encoding_profile, art)
                 for fmt, suffix in (("mp3-single", "mp3"), ("m4b", "m4b")) if fmt in formats]
    blocks = make_blocks(plan, engine.identity)
    prepared = time.perf_counter()
    try:
        written = schedule.run(plan, blocks, cache, chapter_jobs, book_jobs, jobs or cpu_count(), progress,
                               engine_spec)
    except ClipFailed as exc:
        line = document.text.count("\n", 0, exc.job.item.source_offset) + 1
        raise EngineError(f"{document.path}:{line}: the engine failed on this line (chapter {exc.job.chapter}) "
                          f"after several tries: {exc.cause}") from exc
    clips = [*measuring_keys(plan, engine.identity), *(k for ks in keys.values() for k in ks)]
    record_book(cache, folder.name, plan.title, folder, used_entries(clips, [*chapter_jobs.values(), *book_jobs]))
    playlist = chapter_files.write_playlist(folder, written.chapters, plan.title) if written.chapters else None
    done = time.perf_counter()
    return RenderResult(folder, written.chapters, playlist, {"prepare": prepared - began, "audio": done - prepared},
                        written.books)


def cache_root(out_dir: Path, cache_dir: Optional[Path] = None) -> Path:
    """The clip cache of renders into ``out_dir`` (``cache_dir`` if given)."""
    return Path(cache_dir) if cache_dir else Path(out_dir) / CACHE_DIRNAME


def update_cast(source: Path, voices: Path, *, encoding: Optional[str] = None,
                engine: Optional[SpeechEngine] = None) -> tuple[Script, list[str]]:
    """Add the characters of ``source`` missing from the voices file ``voices`` (created if
    absent), keeping what is there; returns the script and the names added."""
    config = load_config(voices if voices.exists() else None, engine or load_engine())
    script, _document = parse_source(source, encoding=encoding)
    text, added = updated_voices_file(voices, script, cast(script, config))
    with atomic_path(voices) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return script, added


def engine_voices(lang: Optional[str] = None, engine: Optional[SpeechEngine] = None) -> tuple[list, list]:
    """The engine's voices (those of language ``lang`` if given), sorted by id, and its variants.
    VoiceNotFound when no voice has that language."""
    engine = engine or load_engine()
    voices = in_language(lang or "", engine.voices)
    if lang and not voices:
        raise VoiceNotFound(f"no voice for the language {lang!r}; `audiobook voices` lists every voice")
    return voices, list(getattr(engine, "variant_genders", ()))


def render_preview(character: Optional[str], voices: Optional[Path], text: Optional[str] = None,
                   out_file: Optional[Path] = None, engine: Optional[SpeechEngine] = None,
                   voice: Optional[str] = None) -> Path:
    """Speak ``text`` (default: a greeting) in ``character``'s voice, or in ``voice`` (any voice
    as voices.yaml takes it), to an MP3; return its path."""
    engine = engine or load_engine()
    config = load_config(voices, engine)
    if voice is not None:
        name = engine.resolve_voice(voice, where="--voice")
        settings = VoiceSettings(name)
    elif character.lower() == "narrator":
        settings, name = config.narrator, "narrator"
    else:
        entries = {e.name.lower(): e for e in config.characters.values()}
        for e in config.characters.values():
            entries.update({a.lower(): e for a in e.aliases})
        entry = entries.get(character.lower())
        if entry is None or entry.settings is None:
            known = ", ".join(e.name for e in config.characters.values() if e.settings) or "none"
            raise ConfigError(f"{voices or DEFAULT_VOICES}: no voice for {character!r} under characters; "
                              f"known: {known} (or use narrator)")
        settings, name = entry.settings, entry.name
    text = text or f"Hello, my name is {name}. This is how I sound when I speak."
    clip = engine.synthesize(Pronouncer(config.pronunciations)(text), settings)
    out_file = Path(out_file or Path("output") / f"preview-{safe_name(name.replace('/', '-'), 'voice')}.mp3")
    try:
        out_file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AudiobookError(f"{out_file.parent}: cannot create the folder ({exc.strerror})") from exc
    with atomic_path(out_file) as tmp, open(tmp, "wb") as sink:
        encode_mp3([as_segment(clip)], sink)
    return out_file
