"""The command line: thin wrappers that parse options, call the library and report errors."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from audiobook import __version__
from audiobook.errors import AudiobookError


def _fail(exc: AudiobookError) -> click.ClickException:
    err = click.ClickException(str(exc))
    err.exit_code = exc.exit_code
    return err


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audiobook")
def main() -> None:
    """Turn a story into a full-cast, chaptered audiobook.

    Example: audiobook render input/the-lamplighters.txt
    """


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "text", "table"]), default="json",
              show_default=True, help="json: the script contract; text: a screenplay view; table: the cast.")
def script(source: Path, fmt: str) -> None:
    """Parse SOURCE and print who says what.

    Example: audiobook script input/the-lamplighters.txt --format text
    """
    from audiobook import pipeline, views

    try:
        parsed, document = pipeline.parse_source(source)
    except AudiobookError as exc:
        raise _fail(exc)
    if fmt == "json":
        json.dump(parsed.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif fmt == "text":
        click.echo(views.screenplay(parsed, document), nl=False)
    else:
        click.echo(views.cast_table(parsed), nl=False)


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Folder to write the book's folder into.")
@click.option("--voices", type=click.Path(path_type=Path), default=None,
              help="voices.yaml with the narrator's and characters' voices (default: ./voices.yaml if present).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def render(source: Path, out_dir: Path, voices, quiet: bool) -> None:
    """Render SOURCE as chaptered MP3 files, one voice per character.

    Example: audiobook render input/the-lamplighters.txt -o output --voices voices.yaml
    """
    from audiobook import pipeline

    if voices is None and Path("voices.yaml").is_file():
        voices = Path("voices.yaml")
    log = (lambda _msg: None) if quiet else (lambda msg: click.echo(msg, err=True))
    try:
        result = pipeline.render(source, out_dir, voices=voices, log=log)
    except AudiobookError as exc:
        raise _fail(exc)
    if not quiet:
        total = sum(f.duration for f in result.files)
        click.echo(f"wrote {len(result.files)} chapter files ({total / 60:.1f} min) and "
                   f"{result.playlist.name} to {result.folder}")
