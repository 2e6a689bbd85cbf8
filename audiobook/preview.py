"""A short sample of one voice, for trying settings out before a whole render."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Optional

from audiobook.errors import AudiobookError, ConfigError
from audiobook.model import RenderPlan
from audiobook.output import atomic_path, safe_name
from audiobook.plan import Pronouncer
from audiobook.stitch import encode_mp3
from audiobook.synth import as_segment
from audiobook.voiceconfig import load_config

#: Players tried in order by --play, with the arguments that play a file and exit.
PLAYERS = (
    ("mpv", ["--no-video", "--really-quiet"]),
    ("ffplay", ["-nodisp", "-autoexit", "-loglevel", "quiet"]),
    ("mpg123", ["-q"]),
    ("afplay", []),
    ("cvlc", ["--play-and-exit"]),
)


def render_preview(character: str, voices: Optional[Path], text: Optional[str] = None,
                   out_file: Optional[Path] = None, engine=None) -> Path:
    """Speak ``text`` (default: a greeting) in ``character``'s voice to an MP3; return its path."""
    if engine is None:
        from audiobook.engine import SpeechEngine

        engine = SpeechEngine()
    config = load_config(voices, engine)
    if character.lower() == "narrator":
        settings, name = config.narrator, "narrator"
    else:
        entries = {e.name.lower(): e for e in config.characters.values()}
        for e in config.characters.values():
            entries.update({a.lower(): e for a in e.aliases})
        entry = entries.get(character.lower())
        if entry is None or entry.settings is None:
            known = ", ".join(e.name for e in config.characters.values() if e.settings) or "none"
            raise ConfigError(f"{voices or 'voices.yaml'}: no voice for {character!r} under characters; "
                              f"known: {known} (or use narrator)")
        settings, name = entry.settings, entry.name
    text = text or f"Hello, my name is {name}. This is how I sound when I speak."
    clip = engine.synthesize(Pronouncer(config.pronunciations)(text), settings)
    out_file = Path(out_file or Path("output") / f"preview-{safe_name(name, 'voice')}.mp3")
    try:
        out_file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AudiobookError(f"{out_file.parent}: cannot create the folder ({exc.strerror})") from exc
    with atomic_path(out_file) as tmp, open(tmp, "wb") as sink:
        encode_mp3([as_segment(clip)], sink)
    return out_file


def play(path: Path) -> None:
    """Play ``path`` with the first player found; AudiobookError if there is none."""
    for program, args in PLAYERS:
        exe = shutil.which(program)
        if exe:
            subprocess.run([exe, *args, str(path)], check=False)
            return
    raise AudiobookError(f"no audio player found ({', '.join(p for p, _ in PLAYERS)}); open {path} yourself")
