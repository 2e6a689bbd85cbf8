"""Playing a file on this machine, for ``preview --play``."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from audiobook.errors import AudiobookError

#: Players tried in order by --play, with the arguments that play a file and exit.
PLAYERS = (
    ("mpv", ["--no-video", "--really-quiet"]),
    ("ffplay", ["-nodisp", "-autoexit", "-loglevel", "quiet"]),
    ("mpg123", ["-q"]),
    ("afplay", []),
    ("cvlc", ["--play-and-exit"]),
)


def play(path: Path) -> None:
    """Play ``path`` with the first player found; AudiobookError if there is none."""
    for program, args in PLAYERS:
        exe = shutil.which(program)
        if exe:
            subprocess.run([exe, *args, str(path)], check=False)
            return
    raise AudiobookError(f"no audio player found ({', '.join(p for p, _ in PLAYERS)}); open {path} yourself")
