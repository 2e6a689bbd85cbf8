"""The one place where the stages are composed: Document -> Script -> Cast -> RenderPlan -> audio."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from audiobook import output, synth
from audiobook.errors import EngineError
from audiobook.model import ChapterFile, Document, Script
from audiobook.parser import parse
from audiobook.plan import make_plan
from audiobook.reader import read_source
from audiobook.voiceconfig import load_config
from audiobook.voices import cast


@dataclass
class RenderResult:
    """What a render wrote."""

    folder: Path
    """The book's folder."""
    files: list[ChapterFile]
    """One file per chapter rendered, in order."""
    playlist: Path
    """The playlist beside them."""


def parse_source(source: Path, encoding: Optional[str] = None) -> tuple[Script, Document]:
    """Read and parse ``source``; return the script and the document its offsets refer to."""
    document = read_source(Path(source), encoding=encoding)
    return parse(document), document


def render(source: Path, out_dir: Path, voices: Optional[Path] = None, engine=None,
           log: Callable[[str], None] = lambda _msg: None) -> RenderResult:
    """Render ``source`` into ``out_dir/<book-slug>/``: one tagged MP3 per chapter and a playlist.

    The voices file is validated against the engine before any audio is made.
    """
    if engine is None:
        from audiobook.engine import SpeechEngine

        engine = SpeechEngine()
    config = load_config(voices, engine)
    script, document = parse_source(source)
    plan = make_plan(script, cast(script, config), document.text)
    folder = output.book_folder(out_dir, plan)
    files = []
    for chapter in plan.chapters:
        log(f"chapter {chapter.number}/{plan.total_chapters}: {chapter.title}")
        try:
            files.append(output.write_chapter(folder, plan, chapter, synth.chapter_audio(chapter, engine)))
        except synth.ClipFailed as exc:
            line = document.text.count("\n", 0, exc.item.source_offset) + 1
            raise EngineError(
                f"{document.path}:{line}: the engine failed on this line of chapter {chapter.number} "
                f"({chapter.title}) after {1 + synth.RETRIES} tries: {exc.cause}"
            ) from exc
    playlist = output.write_playlist(folder, files, plan.title)
    return RenderResult(folder=folder, files=files, playlist=playlist)
