"""The one place where the stages are composed: Document -> Script -> Cast -> RenderPlan -> audio."""
from __future__ import annotations

import time
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from audiobook.casting.assign import auto_voice, cast
from audiobook.casting.castfile import updated_voices_file
from audiobook.casting.checks import known_cast, unmentioned
from audiobook.casting.schema import VoiceConfig, load_config
from audiobook.errors import (AudiobookError, ChapterSelectionError, ConfigError, EngineError, SourceError,
                              VoiceNotFound)
from audiobook.model import BookInfo, ChapterFile, Document, RenderPlan, Script, VoiceSettings
from audiobook.output import chapters as chapter_files
from audiobook.output import readalong, sidecar, subtitles as subtitle_files
from audiobook.output.books import BookFile, book_job
from audiobook.output.cover import choose_cover
from audiobook.output.files import atomic_path, book_folder, safe_name, writable_folder
from audiobook.output.player import play  # noqa: F401 (for the CLI)
from audiobook.output.pcm import as_segment, encode_mp3
from audiobook.output.profile import PROFILES
from audiobook.output.remote import offload
from audiobook.parser import parse
from audiobook.parser.views import cast_table, review, screenplay  # noqa: F401 (for the CLI)
from audiobook.readers import read_source
from audiobook.readers.script_file import read_script
from audiobook.render import schedule
from audiobook.render.acx import acx_plan, narrator_credit
from audiobook.render.blocks import ClipFailed, chapter_keys, make_blocks
from audiobook.render.bookinfo import book_info, check as check_metadata
from audiobook.render.cache import CACHE_DIRNAME, ClipCache
from audiobook.render.cache_usage import clear as clear_cache, prune as prune_cache, usage as cache_usage  # noqa: F401
from audiobook.render.cache_usage import record_book, used_entries
from audiobook.render.engine import DEFAULT_ENGINE, SpeechEngine, book_voice_identity, engine_spec, load_engine
from audiobook.render.engines import PIPER_PREFIX, TARGET as ENGINES
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
    subtitles: list[Path] = field(default_factory=list)
    """The .srt and .vtt files written beside the audio."""
    epub: Optional[Path] = None
    """The read-along EPUB, when one was asked for."""


#: Most characters of text a book may have: about four times the longest novels. Past it the
#: parse would need gigabytes of memory and the render days; a clear refusal is kinder.
MAX_TEXT_CHARS = 20_000_000


def parse_source(source: Path, encoding: Optional[str] = None, config: Optional[VoiceConfig] = None,
                 warn: Optional[Callable[[str], None]] = None) -> tuple[Script, Document]:
    """Read and parse ``source``; return the script and the document its offsets refer to.
    A ``.json`` source is a script saved by ``audiobook script --format json`` (and maybe edited):
    it is taken as it is, with the source it names. ``config`` (voices.yaml) tells the parser the
    cast, the names that are no people and the pinned lines; ``warn`` hears of characters it
    lists that the book never mentions."""
    if Path(source).suffix.lower() == ".json":
        return read_script(Path(source), encoding)
    document = read_source(Path(source), encoding=encoding)
    if len(document.text) > MAX_TEXT_CHARS:
        raise SourceError(f"{document.path}: has {len(document.text) / 1e6:.0f} million characters, more than the "
                          f"{MAX_TEXT_CHARS // 1_000_000} million a book may have; split it into parts and render each")
    script = parse(document, known_cast(config) if config is not None else None)
    if config is not None and warn is not None:
        for line in unmentioned(config, script, document.text):
            warn(line)
    return script, document


def prepare(source: Path, config: VoiceConfig, engine: SpeechEngine, *, encoding: Optional[str] = None,
            chapters: Optional[set[int]] = None, cache: Optional[ClipCache] = None,
            metadata: Optional[BookInfo] = None, acx: bool = False, level: bool = True,
            warn: Optional[Callable[[str], None]] = None) -> tuple[RenderPlan, Document]:
    """Everything before audio: parse, cast, plan and (unless not ``level``) level (``config`` is
    voices.yaml, checked).

    ``chapters`` selects 1-based chapter numbers of the whole book (default: all); a number past
    the book's last chapter raises ChapterSelectionError. ``metadata`` overrides what the
    source says about the book. ``acx``: with credits, and long chapters in parts (see
    ``render/acx.py``).
    """
    script, document = parse_source(source, encoding=encoding, config=config, warn=warn)
    if chapters is not None:
        check_chapters(chapters, len(script.chapters))
    plan = make_plan(script, cast(script, config), document.text, chapters, book_info(script, document, metadata))
    if acx:
        plan = acx_plan(plan, config.narrator, narrator_credit(config.narrator, getattr(engine, "voices", [])))
    return (level_plan(plan, engine, cache) if level else plan), document


def check_chapters(chapters: set[int], total: int) -> None:
    """Refuse chapter numbers the book does not have."""
    beyond = sorted(n for n in chapters if not 1 <= n <= total)
    if beyond:
        raise ChapterSelectionError(f"chapter {beyond[0]} is out of range; the book has {total} "
                                    f"chapter{'s' if total != 1 else ''} (1-{total})")


#: Output formats: one MP3 per chapter, one MP3 with chapter marks, one M4B audiobook.
FORMATS = ("mp3", "mp3-single", "m4b")
#: Every format ``render`` can write: the audio ones and the read-along EPUB.
ALL_FORMATS = FORMATS + ("epub",)


def render(source: Path, out_dir: Path, voices: Optional[Path] = None, *, jobs: Optional[int] = None,
           cache_dir: Optional[Path] = None, engine: Optional[SpeechEngine] = None,
           engine_spec: str = DEFAULT_ENGINE, progress: Optional[Progress] = None, encoding: Optional[str] = None,
           chapters: Optional[set[int]] = None, formats: Iterable[str] = ("mp3",),
           cover: Optional[Path] = None, make_cover: bool = True, profile: str = "default",
           metadata: Optional[BookInfo] = None, subtitles: bool = False,
           voice_dir: Optional[Path] = None, cluster: Optional[str] = None,
           warn: Optional[Callable[[str], None]] = None) -> RenderResult:
    """Render ``source`` into its folder under ``out_dir`` (``out_dir/<book-slug>/`` unless another
    book with that title has it: see ``files.book_folder``) in the given ``formats`` (see ALL_FORMATS),
    with .srt and .vtt subtitles beside each audio file if ``subtitles``; Piper voices are looked
    for in ``voice_dir`` too.

    The voices file is checked before any audio is made. Clips are kept in the cache
    (``out_dir/.audiobook-cache`` unless given), so a second render makes only what changed.
    The cover is ``cover``, else the book's own, else a generated one unless ``make_cover`` is off.
    ``cluster`` is the address of a Dask scheduler to run synthesis and encoding on (default: here).
    """
    began = time.perf_counter()
    check_metadata(metadata or BookInfo())  # a wrong option stops the render before anything is made
    if cluster:  # Dask is imported only when asked for; a scheduler out of reach is said before any work
        from audiobook.render import cluster as dask_cluster

        dask_cluster.connect(cluster)
    formats = set(formats)
    progress = progress or Progress(quiet=True)
    if voice_dir is not None and engine_spec == DEFAULT_ENGINE:
        engine_spec = engines_spec(voice_dir)
    engine = engine or load_engine(engine_spec)
    config = load_config(voices, engine)  # a bad voices file stops the render before it touches the disk
    writable_folder(Path(out_dir))
    cache = ClipCache(cache_root(out_dir, cache_dir))
    cache.check_writable()
    plan, document = prepare(source, config, engine, encoding=encoding, chapters=chapters, level=False,
                             metadata=metadata, acx=profile == "acx", warn=warn)
    art = choose_cover(cover, document.cover, plan.title, plan.author, make_cover)
    folder = book_folder(out_dir, plan.title, document.path)
    name = safe_name(plan.title, "book")
    encoding_profile = PROFILES[profile]
    identity = partial(book_voice_identity, engine, folder.name)
    plan = level_plan(plan, engine, cache, identity)
    keys = {c.number: chapter_keys(c, identity) for c in plan.chapters}
    chapter_jobs = {c.number: chapter_files.encode_job(folder, plan, c, keys[c.number], encoding_profile, art)
                    for c in plan.chapters} if "mp3" in formats else {}
    book_jobs = [book_job(folder / f"{name}.{suffix}", plan, keys, encoding_profile, art)
                 for fmt, suffix in (("mp3-single", "mp3"), ("m4b", "m4b")) if fmt in formats]
    epub_path = folder / f"{name}.epub"
    if "epub" in formats and not chapter_jobs:  # the EPUB's audio is encoded on the workers all the same
        audio_jobs = readalong.audio_jobs(epub_path, plan, keys, encoding_profile)
    else:
        audio_jobs = chapter_jobs
    blocks = make_blocks(plan, identity)
    prepared = time.perf_counter()
    try:
        if cluster:
            written = dask_cluster.run(cluster, plan, blocks, cache, audio_jobs, book_jobs, progress, engine_spec,
                                       engine, offload)
        else:
            written = schedule.run(plan, blocks, cache, audio_jobs, book_jobs, jobs or cpu_count(), progress,
                                   engine_spec)
    except ClipFailed as exc:
        line = document.text.count("\n", 0, exc.job.item.source_offset) + 1
        raise EngineError(f"{document.path}:{line}: the engine failed on this line (chapter {exc.job.chapter}) "
                          f"after several tries: {exc.cause}") from exc
    files = written.chapters if chapter_jobs else []
    clips = [*measuring_keys(plan, identity), *(k for ks in keys.values() for k in ks)]
    record_book(cache, folder.name, plan.title, folder, used_entries(clips, [*audio_jobs.values(), *book_jobs]),
                partial=bool(chapters))
    playlist = chapter_files.write_playlist(folder, files, plan.title) if files else None
    if files:
        sidecar.write_sidecars(folder, plan.info, art)
    subs = subtitle_files.write_all(plan, keys, encoding_profile, cache, files, written.books) if subtitles else []
    epub = readalong.write_epub(epub_path, plan, keys, encoding_profile, cache, art) if "epub" in formats else None
    done = time.perf_counter()
    return RenderResult(folder, files, playlist, {"prepare": prepared - began, "audio": done - prepared},
                        written.books, subs, epub)


def engines_spec(voice_dir: Optional[Path] = None) -> str:
    """The spec of the espeak-ng and Piper engines, Piper voices looked for in ``voice_dir``."""
    return engine_spec(ENGINES, voice_dir=str(voice_dir) if voice_dir else None)


def cache_root(out_dir: Path, cache_dir: Optional[Path] = None) -> Path:
    """The clip cache of renders into ``out_dir`` (``cache_dir`` if given)."""
    return Path(cache_dir) if cache_dir else Path(out_dir) / CACHE_DIRNAME


def update_cast(source: Path, voices: Path, *, encoding: Optional[str] = None,
                engine: Optional[SpeechEngine] = None, voice_dir: Optional[Path] = None,
                piper_model: Optional[str] = None,
                warn: Optional[Callable[[str], None]] = None) -> tuple[Script, list[str]]:
    """Add the characters of ``source`` missing from the voices file ``voices`` (created if
    absent), keeping what is there; returns the script and the names added. With
    ``piper_model`` (a multi-speaker Piper voice, or "" for the first installed), characters
    get that model's speakers, of their gender, instead of espeak-ng voices."""
    engine = engine or load_engine(engines_spec(voice_dir))
    config = load_config(voices if voices.exists() else None, engine)
    narrator = None
    if piper_model is not None:
        config.pools = speaker_pools(engine, piper_model, voice_dir)
        if not voices.exists():
            narrator = config.narrator = auto_voice("narrator", "male", set(), set(), config)
    script, _document = parse_source(source, encoding=encoding, config=config, warn=warn)
    text, added = updated_voices_file(voices, script, cast(script, config), narrator)
    with atomic_path(voices) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return script, added


def engine_voices(lang: Optional[str] = None, engine: Optional[SpeechEngine] = None) -> tuple[list, list]:
    """espeak-ng's voices (those of language ``lang`` if given), sorted by id, and its variants.
    VoiceNotFound when no voice has that language."""
    engine = engine or load_engine()
    voices = in_language(lang or "", engine.voices)
    if lang and not voices:
        raise VoiceNotFound(f"no voice for the language {lang!r}; `audiobook voices` lists every voice")
    return voices, list(getattr(engine, "variant_genders", ()))


def speaker_pools(engine, model: str, voice_dir: Optional[Path] = None) -> dict:
    """The speakers of the multi-speaker Piper voice ``model`` (or of the first one installed,
    for "") as pools of voices by gender, each speaker's gender judged by the pitch of a sample
    once and remembered by the model's hash."""
    from audiobook.render import piper

    if not model:
        model = next((v.name for v in piper.installed_voices(voice_dir) if piper.PiperConfig.read(v.config).num_speakers > 1),
                     "")
        if not model:
            raise VoiceNotFound("no multi-speaker Piper voice is installed; download one, such as "
                                "`audiobook voices --download en_US-libritts_r-medium`")
    name = model.removeprefix(PIPER_PREFIX)
    voice = engine.piper(PIPER_PREFIX + name, where="--model")
    if voice.num_speakers < 2:
        raise VoiceNotFound(f"--model: Piper voice {name} has a single speaker; choose a multi-speaker voice")
    genders = piper.remembered_genders(voice)
    return {gender: tuple(VoiceSettings(f"piper:{name}", 175, speaker=str(i)) for i, g in sorted(genders.items())
                          if g == gender) for gender in ("male", "female")}


def piper_voices(voice_dir: Optional[Path] = None, lang: Optional[str] = None) -> list:
    """The Piper voices installed, in ``voice_dir`` (default: the user's data folder) and in
    voice packages; those of language ``lang`` (``en``, ``en_GB``) if given, else VoiceNotFound."""
    from audiobook.render import piper

    voices = [v for v in piper.installed_voices(voice_dir) if not lang or v.name.lower().startswith(lang.lower())]
    if lang and not voices:
        raise VoiceNotFound(f"no Piper voice for the language {lang!r} is installed; download one with "
                            "`audiobook voices --download NAME`")
    return voices


def download_piper_voice(name: str, voice_dir: Optional[Path] = None, base_url: Optional[str] = None,
                         progress=None):
    """Download the Piper voice ``name`` (model and config, checked) into ``voice_dir``."""
    from audiobook.render import piper

    return piper.download_voice(name, voice_dir, base_url or piper.DEFAULT_BASE_URL, progress=progress)


def render_preview(character: Optional[str], voices: Optional[Path], text: Optional[str] = None,
                   out_file: Optional[Path] = None, engine: Optional[SpeechEngine] = None,
                   voice: Optional[str] = None, voice_dir: Optional[Path] = None) -> Path:
    """Speak ``text`` (default: a greeting) in ``character``'s voice, or in ``voice`` (any voice
    as voices.yaml takes it), to an MP3; return its path."""
    engine = engine or load_engine(engines_spec(voice_dir))
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
