"""audiobook: turn a story into a full-cast, chaptered audiobook."""

__version__ = "0.1.0"

import warnings as _warnings

# pydub warns at import when ffmpeg is absent; audiobook never asks pydub to run ffmpeg
# (MP3 is encoded in-process), so the warning would only mislead.
_warnings.filterwarnings("ignore", message="Couldn't find ffmpeg or avconv", category=RuntimeWarning)
