"""The command line: thin wrappers that parse options, call the library and report errors."""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from audiobook import __version__, pipeline
from audiobook.errors import AudiobookError, BatchError, ChapterSelectionError
from audiobook.library import batch


def _warn(message: str) -> None:
    """A warning: one line on standard error; the command goes on."""
    click.echo(f"Warning: {message}", err=True)


class ChapterRange(click.ParamType):
    """``3``, ``2-4`` or ``1,3-5``: a set of 1-based chapter numbers."""

    name = "CHAPTERS"

    def convert(self, value, param, ctx):
        if isinstance(value, set):
            return value
        numbers: set[int] = set()
        for part in str(value).split(","):
            first, sep, last = part.strip().partition("-")
            try:
                lo, hi = int(first), int(last if sep else first)
            except ValueError:
                lo, hi = 0, -1
            if not 1 <= lo <= hi:
                self.fail(f"{value!r} is not a list of chapters; use e.g. 3, 2-4 or 1,3-5", param, ctx)
            numbers.update(range(lo, hi + 1))
        return numbers


def voice_dir_option(command):
    """``--voice-dir``: where Piper voices live (also AUDIOBOOK_VOICE_DIR)."""
    return click.option("--voice-dir", type=click.Path(path_type=Path), default=None, envvar="AUDIOBOOK_VOICE_DIR",
                        help="Folder of Piper voices (default: the user's data folder, "
                             "~/.local/share/audiobook/piper-voices).")(command)


#: Help of ``--encoding`` on every command that reads a book.
ENCODING_HELP = "Text encoding of SOURCE (utf-8, cp1252, latin-1 ...); default: detected."


class _Commands(click.Group):
    """Turns every error into one line, here and nowhere else: domain errors as they are (a
    chapter selection the book lacks as a usage error), anything else as an internal error
    (with the traceback only when AUDIOBOOK_DEBUG=1)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ChapterSelectionError as exc:
            raise click.BadParameter(str(exc), param_hint="'--chapters'") from exc
        except AudiobookError as exc:
            err = click.ClickException(str(exc))
            err.exit_code = exc.exit_code
            raise err from exc
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # `audiobook script ... | head`: the reader left, nothing to say
            os._exit(1)
        except Exception as exc:
            if os.environ.get("AUDIOBOOK_DEBUG") == "1":
                raise
            raise click.ClickException(
                f"unexpected internal error ({type(exc).__name__}: {exc}); "
                "run again with AUDIOBOOK_DEBUG=1 to see where, and please report it") from exc


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audiobook")
def main() -> None:
    """Turn a story into a full-cast, chaptered audiobook.

    Example: audiobook render input/the-lamplighters.txt
    """


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "text", "plain", "screenplay", "table", "review"]),
              default="json", show_default=True,
              help="json: the script contract; text: for .md, .html and .epub the plain text the offsets "
                   "refer to, for .txt a screenplay view; plain: that text for any source; "
                   "screenplay: who says what as a screenplay; table: the cast; review: the least "
                   "certain lines first, each with the lines: key that would pin it.")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@click.option("--voices", type=click.Path(path_type=Path), default=None,
              help=f"voices.yaml whose cast, not_characters and lines the parser takes (default: "
                   f"./{pipeline.DEFAULT_VOICES} if present).")
def script(source: Path, fmt: str, encoding, voices) -> None:
    """Parse SOURCE and print who says what.

    SOURCE may be .txt, .md, .html/.htm or .epub; JSON offsets index the decoded text of a .txt
    and, for the other formats, the extracted text that --format text prints.

    Example: audiobook script input/the-lamplighters.txt --format text
    """
    voices = pipeline.voices_path(voices)
    config = pipeline.load_config(voices) if voices is not None else None
    parsed, document = pipeline.parse_source(source, encoding=encoding, config=config, warn=_warn)
    if fmt == "review":
        click.echo(pipeline.review(parsed), nl=False)
        return
    if fmt == "json":
        json.dump(parsed.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif fmt == "plain" or (fmt == "text" and not document.plain):
        click.echo(document.text, nl=False)
    elif fmt in ("text", "screenplay"):
        click.echo(pipeline.screenplay(parsed, document), nl=False)
    else:
        click.echo(pipeline.cast_table(parsed), nl=False)


@main.command()
@click.argument("source", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Folder to write the book's folder into.")
@click.option("--voices", type=click.Path(path_type=Path), default=None,
              help=f"voices.yaml with the narrator's and characters' voices (default: ./{pipeline.DEFAULT_VOICES} "
                   "if present).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: one per core).")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=None,
              help="Clip cache folder (default: OUTPUT/.audiobook-cache).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("--chapters", type=ChapterRange(), default=None,
              help="Render only these chapters (3, 2-4, 1,3-5); numbers and tags stay the whole book's.")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@click.option("--format", "fmt", type=click.Choice(["mp3", "m4b", "mp3-single", "epub", "all"]), default="mp3",
              show_default=True,
              help="mp3: one file per chapter and a playlist; m4b: one audiobook file with chapters; "
                   "mp3-single: one MP3 with chapter marks; epub: the text with its audio, highlighted as it "
                   "plays (EPUB 3 Media Overlays); all: every one of them, with subtitles.")
@click.option("--subtitles", is_flag=True, help="Write .srt and .vtt subtitles beside each audio file.")
@click.option("--title", default=None, help="Book title (default: the book's own, else its title line, else the "
                                            "file name).")
@click.option("--author", default=None, help="Author (default: the book's own, else its \"by\" line).")
@click.option("--narrator", default=None, help="Narrator, for the tags and reader.txt.")
@click.option("--series", default=None, help="Series the book belongs to.")
@click.option("--series-index", default=None, help="The book's place in its series (2, 2.5); needs --series.")
@click.option("--year", default=None, help="Year of publication (default: the EPUB's own).")
@click.option("--description", default=None, help="A summary of the book, for the tags and desc.txt.")
@click.option("--cover", type=click.Path(path_type=Path), default=None,
              help="Cover image (PNG or JPEG); default: the book's own, else a generated one.")
@click.option("--no-cover", is_flag=True, help="Embed no cover at all.")
@click.option("--profile", type=click.Choice(["default", "acx"]), default="default", show_default=True,
              help="default: 64 kbps mono at 22.05 kHz; acx: 192 kbps CBR mono at 44.1 kHz, with opening and "
                   "closing credits, and chapters over 100 minutes in parts.")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Run synthesis and encoding on the Dask scheduler at ADDRESS (tcp://HOST:8786); "
                   "needs pip install 'audiobook[dask]' here and on every worker.")
@click.option("--books-at-once", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Of several books, how many to render side by side (to keep a large --cluster busy).")
@voice_dir_option
def render(source: tuple, out_dir: Path, voices, jobs, cache_dir, quiet: bool, chapters, encoding, fmt, subtitles,
           title, author, narrator, series, series_index, year, description, cover, no_cover, profile, cluster,
           books_at_once, voice_dir) -> None:
    """Render SOURCE as an audiobook, one voice per character; several books, or a folder of
    books, each into its own folder under OUTPUT.

    Clips are cached: after a change to one voice or one paragraph only those clips are made
    again, and an interrupted render picks up where it stopped. Of several books, those whose
    files are up to date are skipped, and one that fails does not stop the others.

    \b
    Example: audiobook render input/the-lamplighters.txt -o output --voices voices.yaml --format all
    --narrator "Ann Reed" --series "Quay Street" --series-index 1
             audiobook render library/ -o output --cluster tcp://10.0.0.5:8786
    """
    metadata = pipeline.BookInfo(title or "", author, narrator, series, series_index, year, description)
    render_book = functools.partial(
        pipeline.render, out_dir=out_dir, voices=pipeline.voices_path(voices), jobs=jobs, cache_dir=cache_dir,
        encoding=encoding, chapters=chapters, formats=pipeline.ALL_FORMATS if fmt == "all" else (fmt,), cover=cover,
        make_cover=not no_cover, profile=profile, metadata=metadata, subtitles=subtitles or fmt == "all",
        voice_dir=voice_dir, cluster=cluster, warn=_warn)
    if batch.is_batch(source):
        return _render_batch(batch.find_books(source), render_book, quiet, books_at_once)
    result = render_book(source[0], progress=pipeline.Progress(quiet=quiet))
    if not quiet:
        wrote = []
        if result.files:
            total = sum(f.duration for f in result.files)
            wrote.append(f"{len(result.files)} chapter files ({total / 60:.1f} min) and {result.playlist.name}")
        wrote += [f"{book.path.name} ({len(book.marks)} chapters) and {book.cue.name}" for book in result.books]
        if result.epub:
            wrote.append(result.epub.name)
        if result.subtitles:
            wrote.append(f"{len(result.subtitles)} subtitle files")
        click.echo(f"wrote {', '.join(wrote)} to {result.folder}")


def _render_batch(books: list, render_book, quiet: bool, at_once: int) -> None:
    """Render each of ``books``; a summary at the end, exit status 1 if any failed."""
    result = batch.render_library(books, render_book, batch.BatchProgress(len(books), quiet=quiet), at_once)
    if not quiet:
        click.echo(result.summary())
    if result.failed:
        raise BatchError(f"{len(result.failed)} of {len(books)} books failed")


@main.command("cast")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--voices", type=click.Path(path_type=Path), default=pipeline.DEFAULT_VOICES, show_default=True,
              help="The voices file to create or update.")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@click.option("--engine", type=click.Choice(["espeak", "piper"]), default="espeak", show_default=True,
              help="espeak: espeak-ng voices; piper: the speakers of a multi-speaker Piper voice, by gender.")
@click.option("--model", default=None, help="With --engine piper: the multi-speaker Piper voice (default: the first "
                                            "one installed), e.g. en_US-libritts_r-medium.")
@voice_dir_option
def cast_command(source: Path, voices: Path, encoding, engine, model, voice_dir) -> None:
    """Add the characters found in SOURCE to a voices file, keeping your edits.

    New characters get their automatic voice, most-speaking first, with line counts as
    comments; entries and comments already in the file are kept as they are.

    Example: audiobook cast input/the-lamplighters.txt --voices voices.yaml   (--engine piper for Piper speakers)
    """
    if model is not None and engine != "piper":
        raise click.UsageError("--model goes with --engine piper")
    script, added = pipeline.update_cast(source, voices, encoding=encoding, voice_dir=voice_dir,
                                         piper_model=(model or "") if engine == "piper" else None, warn=_warn)
    click.echo(f"{voices}: {len(script.characters)} speaking characters, {len(added)} added"
               + (f" ({', '.join(added)})" if added else ""))


@main.command("voices")
@click.option("--lang", default=None, help="Only voices whose language or id starts with this (en, fr, de-ch ...).")
@click.option("--engine", type=click.Choice(["espeak", "piper"]), default="espeak", show_default=True,
              help="espeak: espeak-ng's voices and variants; piper: the Piper voices installed.")
@click.option("--download", "download", default=None, metavar="NAME",
              help="Download the Piper voice NAME (en_US-lessac-medium) into the voices folder.")
@click.option("--url", "base_url", default=None, envvar="AUDIOBOOK_PIPER_URL",
              help="Where Piper voices are downloaded from (default: the Piper voices repository).")
@voice_dir_option
def voices_command(lang, engine, download, base_url, voice_dir) -> None:
    """List the engine's voices (id, gender, language, name), and the espeak-ng variants to add
    with + by gender. A voice may be written in voices.yaml as its id, the last part of the id
    (en-us), its name or a language code (fr); a Piper voice as piper:NAME.

    Example: audiobook voices --lang en   (or --engine piper, or --download en_US-lessac-medium)
    """
    if download:
        bar = _DownloadBar()
        voice = pipeline.download_piper_voice(download, voice_dir, base_url, progress=bar)
        bar.done()
        click.echo(f"installed piper:{voice.name} in {voice.model.parent}")
        return
    if engine == "piper":
        for v in pipeline.piper_voices(voice_dir, lang):
            click.echo(f"piper:{v.name:<30}  {v.source}  {v.model}")
        return
    voices, variants = pipeline.engine_voices(lang)
    width = max([len(v.id) for v in voices] + [5])
    lang_width = max([len(",".join(v.languages)) for v in voices] + [8])
    for v in voices:
        click.echo(f"{v.id:<{width}}  {v.gender or '-':<6}  {','.join(v.languages):<{lang_width}}  {v.name}")
    example = voices[0].id if voices else "gmw/en-us"
    for gender in ("female", "male", None):
        names = [v.name for v in variants if v.gender == gender]
        if names:
            label = f"{gender} variants" if gender else "other variants"
            classic = next((n for n in names if n[:1] in ("f", "m") and n[1:].isdigit()), names[0])
            click.echo(f"\n{label} (voice+variant, e.g. {example}+{classic}): " + " ".join(names))


class _DownloadBar:
    """A download's progress on standard error: a bar on a terminal, nothing otherwise."""

    def __init__(self):
        self.tty = sys.stderr.isatty()
        self.shown = ""

    def __call__(self, name: str, done: int, total) -> None:
        if not self.tty:
            return
        line = f"{name}: {done / 1e6:.1f} MB" + (f" of {total / 1e6:.1f} MB ({100 * done // total}%)" if total else "")
        if line != self.shown:
            click.echo("\r" + line.ljust(len(self.shown)), nl=False, err=True)
            self.shown = line

    def done(self) -> None:
        if self.shown:
            click.echo("", err=True)


@main.command()
@click.option("--character", "-c", default=None, help="A character in the voices file, or 'narrator'.")
@click.option("--voice", default=None, help="Any voice instead of a character's (gmw/en-us+f3, en-us, fr ...).")
@click.option("--voices", type=click.Path(path_type=Path), default=None,
              help=f"voices.yaml (default: ./{pipeline.DEFAULT_VOICES} if present).")
@click.option("-o", "--output", "out_file", type=click.Path(path_type=Path), default=None,
              help="Where to write the sample (default: output/preview-<character>.mp3).")
@click.option("--play", is_flag=True, help="Play the sample with an audio player found on this system.")
@click.argument("text", required=False)
@voice_dir_option
def preview(character, voice, voices, out_file, play: bool, text, voice_dir) -> None:
    """Render a short sample of one character's voice, or of any voice, to a file.

    Example: audiobook preview --character Mara "Hold it steady."   (or --voice en-us+f3)
    """
    if (character is None) == (voice is None):
        raise click.UsageError("give --character NAME or --voice VOICE (one of them)")
    path = pipeline.render_preview(character, pipeline.voices_path(voices), text, out_file, voice=voice,
                                   voice_dir=voice_dir)
    click.echo(f"wrote {path}")
    if play:
        pipeline.play(path)


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


@main.command("cache")
@click.argument("output", type=click.Path(path_type=Path), default=Path("output"), required=False)
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=None,
              help="Clip cache folder (default: OUTPUT/.audiobook-cache).")
@click.option("--prune", is_flag=True, help="Remove what the last render of each book did not use.")
@click.option("--clear", is_flag=True, help="Remove the whole cache.")
def cache_command(output: Path, cache_dir, prune: bool, clear: bool) -> None:
    """Show the clip cache of renders into OUTPUT (default: output), by book; or prune or clear it.

    Example: audiobook cache output --prune
    """
    root = pipeline.cache_root(output, cache_dir)
    if clear:
        click.echo(f"{root}: removed {_size(pipeline.clear_cache(root))}")
        return
    if prune:
        files, size = pipeline.prune_cache(root)
        click.echo(f"{root}: removed {files} entries ({_size(size)}) that no book's last render used")
    report = pipeline.cache_usage(root)
    click.echo(f"{root}: {_size(report.total)} in {report.files} files")
    for book in report.books:
        click.echo(f"  {book.title} ({book.folder}): {_size(book.size)} in {book.files} entries")
    click.echo(f"  not used by the last render of any book: {_size(report.unused)} in {report.unused_files} entries")
