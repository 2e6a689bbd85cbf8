"""Playing a file on this machine, for ``preview --play``."""
from __future__ import annotations

import re
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


#: What players print when there is no sound device (some of them then exit 0 having played nothing).
NO_DEVICE = re.compile(r"ALSA lib|audio device|audio driver|audio output|no sound|cannot open|"
                       r"could not (?:open|initiali[sz]e)|failed to (?:open|initiali[sz]e)|SDL", re.IGNORECASE)


def play(path: Path) -> None:
    """Play ``path`` with the first player found; AudiobookError if there is none, or if it
    could not play (no sound device: its messages are kept back, the error says so in a line)."""
    for program, args in PLAYERS:
        exe = shutil.which(program)
        if exe:
            done = subprocess.run([exe, *args, str(path)], check=False, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
            if done.returncode != 0 or NO_DEVICE.search(done.stderr):
                raise AudiobookError(f"{program} could not play {path} (no sound device?); the sample is "
                                     f"written, open it on a machine with sound")
            return
    raise AudiobookError(f"no audio player found ({', '.join(p for p, _ in PLAYERS)}); open {path} yourself")
