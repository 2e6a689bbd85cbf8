"""Domain errors. The CLI maps each to a one-line message; none should reach the user as a traceback."""
from __future__ import annotations


class AudiobookError(Exception):
    """Base of every error the tool reports to the user as one line."""

    exit_code = 1


class SourceError(AudiobookError):
    """The source file is missing, unreadable, or holds no story text."""


class ChapterSelectionError(AudiobookError):
    """``--chapters`` names a chapter the book does not have: a usage error."""

    exit_code = 2


class MetadataError(AudiobookError):
    """A book metadata option (``--year``, ``--series-index`` ...) has a wrong value: a usage error."""

    exit_code = 2


class ConfigError(AudiobookError):
    """voices.yaml is malformed or holds a wrong value; the message names the file and key."""


class VoiceNotFound(ConfigError):
    """A voice name the engine does not have."""


class EngineError(AudiobookError):
    """The speech engine could not be loaded or failed to synthesize."""


class ClipTimeout(EngineError):
    """The engine did not finish a clip in time."""


class OutputError(AudiobookError):
    """The output folder cannot be written."""


class ClusterError(AudiobookError):
    """The Dask scheduler named by ``--cluster`` cannot be reached, went away, or Dask is missing."""


class BatchError(AudiobookError):
    """Some books of a batch render failed (each was reported on its own line)."""
