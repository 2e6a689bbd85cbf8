"""A script saved as JSON (``audiobook script BOOK --format json > book.json``), edited by hand
and read back: rendered exactly as it says, speakers as edited. Its offsets refer to the source
it names, which must lie beside it."""
from __future__ import annotations

import json
from pathlib import Path

from audiobook.errors import SourceError
from audiobook.model import Chapter, Character, Document, Script, Segment, SegmentKind
from audiobook.readers import read_source

KINDS = {kind.value: kind for kind in SegmentKind}


def read_script(path: Path, encoding=None) -> tuple[Script, Document]:
    """The script in ``path`` and the document of the source it names; SourceError, in one line
    naming the file and what is wrong, for anything that is not such a script."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot be read ({exc}); check the path") from exc
    except ValueError as exc:
        raise SourceError(f"{path}: is not valid JSON ({exc}); fix it or render the story itself") from exc
    if not isinstance(data, dict) or data.get("format") != Script.FORMAT_VERSION or not isinstance(
            data.get("chapters"), list) or not isinstance(data.get("source"), str):
        raise SourceError(f"{path}: is JSON but not an audiobook script (format {Script.FORMAT_VERSION}, from "
                          "`audiobook script BOOK --format json`); render the story itself")
    source = Path(path).parent / Path(data["source"]).name
    if not source.is_file():
        raise SourceError(f"{path}: its source {source.name} is not beside it; put the script next to the story "
                          "its offsets refer to")
    document = read_source(source, encoding=encoding)
    chapters = []
    for c, chapter in enumerate(data["chapters"], start=1):
        segments = []
        for s, seg in enumerate(chapter.get("segments", []) if isinstance(chapter, dict) else [None], start=1):
            segments.append(_segment(seg, len(document.text), f"{path}: chapter {c}, segment {s}"))
        chapters.append(Chapter(str(chapter.get("title") or f"Chapter {c}"), segments))
    return Script(source=source.name, title=str(data.get("title") or source.stem), author=data.get("author"),
                  chapters=chapters, characters=_characters(data.get("characters"), chapters)), document


def _segment(seg, length: int, where: str) -> Segment:
    if not isinstance(seg, dict) or seg.get("kind") not in KINDS:
        raise SourceError(f"{where}: needs a kind, one of {', '.join(KINDS)}")
    start, end = seg.get("start"), seg.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= length):
        raise SourceError(f"{where}: start and end must be offsets into the source (0 to {length})")
    speaker = seg.get("speaker")
    if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
        raise SourceError(f"{where}: speaker must be a name or null, not {speaker!r}")
    text = seg.get("text")
    if not isinstance(text, str):
        raise SourceError(f"{where}: text must be the words to speak")
    verb = seg.get("verb") if isinstance(seg.get("verb"), str) else None
    return Segment(KINDS[seg["kind"]], speaker.strip() if speaker else None, text, start, end, verb=verb)


def _characters(listed, chapters: list[Chapter]) -> list[Character]:
    """The script's characters as listed, with line counts from the segments, and every speaker
    an edit brought in that the list lacks."""
    lines: dict[str, int] = {}
    for chapter in chapters:
        for seg in chapter.segments:
            if seg.speaker and seg.kind is SegmentKind.DIALOGUE:
                lines[seg.speaker] = lines.get(seg.speaker, 0) + 1
    out, known = [], set()
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            gender = item.get("gender") if item.get("gender") in ("male", "female") else None
            aliases = [a for a in item.get("aliases") or [] if isinstance(a, str)]
            out.append(Character(item["name"], aliases, gender, lines.get(item["name"], 0)))
            known.add(item["name"])
    out += [Character(name, [name], None, n) for name, n in lines.items() if name not in known]
    return out
