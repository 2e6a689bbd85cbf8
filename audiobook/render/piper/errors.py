"""Errors of the Piper engine: each is one line that names the file or voice and what to do."""
from __future__ import annotations

from audiobook.errors import EngineError, VoiceNotFound

#: What to run when onnxruntime is missing.
INSTALL_HINT = "pip install 'audiobook[piper]'"


class PiperError(EngineError):
    """The Piper engine failed."""


class PiperUnavailable(PiperError):
    """onnxruntime, which runs Piper voices, is not installed."""


class VoiceModelError(PiperError):
    """A voice's model or config file is missing, unreadable or not a Piper voice."""


class VoiceDownloadError(PiperError):
    """A voice could not be downloaded: offline, unknown name, or a corrupt transfer."""


class SpeakerNotFound(VoiceNotFound):
    """A speaker name or id the multi-speaker model does not have."""


def one_line(text: object, limit: int = 160) -> str:
    """The first line of ``text``, shortened: library messages can run to pages."""
    line = str(text).strip().splitlines()[0] if str(text).strip() else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."
