"""Clip blocks made on another machine: the task a cluster worker runs, with no Dask in it.

A worker does not share the client's disk, so a block's clips come back as bytes for the
client to store. espeak-ng can be started once per process and its output depends on what the
same engine spoke before, so each block is spoken by a fresh engine in a child process of its
own, exactly as on the local worker pool: the same block gives the same bytes on any machine
with the same engine and voices. The child also keeps an engine crash from taking the
cluster's worker down with it.
"""
from __future__ import annotations

import os
import pickle
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Optional

from audiobook.render.workers import STALL_BASE, STALL_PER_CHAR


@dataclass(frozen=True)
class EngineSpec:
    """Which engine a worker must build, and what it must match to give the client's bytes."""

    spec: str
    """``module:callable`` building the engine (as for the local workers)."""
    identity: str
    """The client engine's identity (name and version): a worker whose engine differs refuses."""
    voice_digests: dict = field(default_factory=dict)
    """Voice name -> content hash, for engines whose voices are files (``voice_digest(name)``);
    empty for engines whose identity covers their voices, as espeak-ng's version does."""


class BlockFailed(Exception):
    """A block's clip failed on a worker: ``args`` are (position in the sequence, message)."""

    @property
    def position(self) -> int:
        """Index in the block's sequence of the clip that failed; -1 for the block as a whole."""
        return self.args[0]

    @property
    def message(self) -> str:
        """Why, in one line."""
        return self.args[1]

    def __str__(self) -> str:
        return self.message


def engine_spec(spec: str, engine, voices) -> EngineSpec:
    """The EngineSpec of the client's ``engine`` (built from ``spec``) for the ``voices`` used."""
    digest = getattr(engine, "voice_digest", None)
    digests = {voice: digest(voice) for voice in sorted(voices)} if callable(digest) else {}
    return EngineSpec(spec, engine.identity, digests)


def check_engine(engine, spec: EngineSpec, host: str) -> None:
    """Raise BlockFailed(-1, ...) unless ``engine`` is the one ``spec`` names, with its voices."""
    if engine.identity != spec.identity:
        raise BlockFailed(-1, f"worker {host} has {engine.identity}, the client {spec.identity}; "
                              "install the same engine version on every worker")
    has_voice = getattr(engine, "has_voice", None)
    digest = getattr(engine, "voice_digest", None)
    for voice, wanted in spec.voice_digests.items():
        if callable(has_voice) and not has_voice(voice):
            raise BlockFailed(-1, f"worker {host} has no voice {voice!r}; install the same voices on every worker")
        got = digest(voice) if callable(digest) else None
        if got is None:
            raise BlockFailed(-1, f"worker {host} cannot check the voice {voice!r} by its hash; install the same "
                                  "engine and voices on every worker")
        if got != wanted:
            raise BlockFailed(-1, f"worker {host} has another voice {voice!r} (sha256 {got[:12]}, the client "
                                  f"{wanted[:12]}); install the same voice files on every worker")


def speak(spec: EngineSpec, sequence: tuple, host: Optional[str] = None) -> list:
    """Speak ``sequence`` ((key, text, VoiceSettings, store) tuples) in order with a fresh engine
    in this process; return (key, pcm, sample_rate) for the clips marked to store. Raises
    BlockFailed with the position of the clip that failed."""
    from audiobook.errors import AudiobookError
    from audiobook.render.engine import load_engine

    host = host or socket.gethostname()
    try:
        engine = load_engine(spec.spec)
    except AudiobookError as exc:
        raise BlockFailed(-1, f"worker {host}: {exc}") from exc
    check_engine(engine, spec, host)
    made = []
    for index, (key, text, voice, store) in enumerate(sequence):
        try:
            clip = engine.synthesize(text, voice)
        except AudiobookError as exc:
            raise BlockFailed(index, str(exc)) from exc
        if not clip.pcm:
            raise BlockFailed(index, "the engine returned no audio")
        if store:
            made.append((key, clip.pcm, clip.sample_rate))
    return made


def synth_block(spec: EngineSpec, sequence: tuple) -> list:
    """The cluster task: speak ``sequence`` in a fresh child process (see ``speak``) and return
    its clips. Raises BlockFailed (the clip's position and why) when it fails or stalls."""
    host = socket.gethostname()
    allowance = STALL_BASE + sum(STALL_PER_CHAR * len(text) for _key, text, _voice, _store in sequence)
    child = subprocess.Popen([sys.executable, "-m", "audiobook.render.remote"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = child.communicate(pickle.dumps((spec, sequence, host)), timeout=allowance * 2)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise BlockFailed(-1, f"worker {host}: the block made no progress for {allowance * 2:.0f} s and was stopped")
    finally:
        if child.poll() is None:  # the task was cancelled or the worker is closing
            child.kill()
    try:
        outcome = pickle.loads(out)
    except Exception:
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {child.returncode}"]
        raise BlockFailed(-1, f"worker {host}: the engine process stopped unexpectedly ({last[0]})") from None
    if outcome[0] == "failed":
        raise BlockFailed(outcome[1], outcome[2])
    return outcome[1]


def main() -> None:
    """Child process entry: a pickled (spec, sequence, host) on stdin, the outcome pickled on stdout."""
    from audiobook.render.workers import _die_with_parent

    _die_with_parent()
    spec, sequence, host = pickle.loads(sys.stdin.buffer.read())
    result = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever the engine prints must not end up in the pickled outcome
    sys.stdout = sys.stderr
    try:
        outcome = ("ok", speak(spec, sequence, host))
    except BlockFailed as exc:
        outcome = ("failed", exc.position, exc.message)
    except Exception as exc:  # anything else: report it rather than die silently
        outcome = ("failed", -1, f"worker {host}: {type(exc).__name__}: {exc}")
    result.write(pickle.dumps(outcome))
    result.close()


if __name__ == "__main__":
    main()
