"""The clip cache: synthesized clips on disk, keyed by everything that changes their sound."""
from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import wave
from dataclasses import asdict
from pathlib import Path
from typing import Optional

from audiobook.errors import OutputError
from audiobook.model import Clip, VoiceSettings

#: Bump when the way clips are made changes, so old entries are not reused.
CACHE_VERSION = 1

#: Folder name of the cache inside the output folder.
CACHE_DIRNAME = ".audiobook-cache"


def clip_key(engine_id: str, voice: VoiceSettings, text: str) -> str:
    """The cache key of a clip: a hash of the engine, the voice settings and the text as spoken."""
    payload = json.dumps([CACHE_VERSION, engine_id, asdict(voice), text], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ClipCache:
    """Clips stored as WAV files under ``root/clips/ab/<key>.wav``, written atomically."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def check_writable(self) -> None:
        """OutputError, saying so, if the cache folder cannot be created or written."""
        probe = self.root / f".write-test.{os.getpid()}"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise OutputError(f"{self.root}: cannot write the clip cache there ({exc.strerror}); "
                              "choose another folder with --cache") from exc

    def path(self, key: str) -> Path:
        return self.root / "clips" / key[:2] / f"{key}.wav"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def get(self, key: str) -> Optional[Clip]:
        """The clip stored under ``key``, or None (missing or unreadable: it will be made again)."""
        try:
            with wave.open(str(self.path(key)), "rb") as wav:
                return Clip(pcm=wav.readframes(wav.getnframes()), sample_rate=wav.getframerate())
        except (OSError, EOFError, wave.Error):
            return None

    def put(self, key: str, clip: Clip) -> None:
        """Store ``clip``; a reader never sees a partly written file."""
        data = io.BytesIO()
        with wave.open(data, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(clip.sample_rate)
            wav.writeframes(clip.pcm)
        self._store(self.path(key), data.getvalue())

    def get_bytes(self, kind: str, key: str) -> Optional[bytes]:
        """Bytes stored under ``kind``/``key`` (e.g. encoded MP3 stretches), or None."""
        try:
            return (self.root / kind / key[:2] / key).read_bytes()
        except OSError:
            return None

    def put_bytes(self, kind: str, key: str, data: bytes) -> None:
        """Store ``data`` under ``kind``/``key``, atomically."""
        self._store(self.root / kind / key[:2] / key, data)

    def put_file(self, relative: str, data: bytes) -> None:
        """Store ``data`` at ``relative`` inside the cache, atomically (records kept beside the entries)."""
        self._store(self.root / relative, data)

    def _store(self, final: Path, data: bytes) -> None:
        """Write ``data`` to ``final`` through a temporary file and a rename."""
        tmp = final.with_name(f".{final.name}.{os.getpid()}.part")
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, final)
        except OSError as exc:
            what = "free some space or" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "check its permissions or"
            raise OutputError(f"{self.root}: cannot write the clip cache ({exc.strerror}); "
                              f"{what} choose another folder with --cache") from exc
        finally:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:  # its folder could not be made either: nothing to remove
                pass

    # ------------------------------------------------------------------ outputs
    def _record(self, job_hash: str) -> Path:
        return self.root / "outputs" / f"{job_hash}.json"

    def remember_output(self, job_hash: str, path: Path, data: dict) -> None:
        """Note that ``path`` is what the job ``job_hash`` wrote, as it is on disk now, with ``data``."""
        stat = Path(path).stat()
        record = {"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "data": data}
        self._store(self._record(job_hash), json.dumps(record).encode("utf-8"))

    def recall_output(self, job_hash: str) -> Optional[dict]:
        """The data remembered for ``job_hash`` if its file is still there untouched, else None."""
        try:
            record = json.loads(self._record(job_hash).read_text(encoding="utf-8"))
            stat = Path(record["path"]).stat()
        except (OSError, ValueError, KeyError):
            return None
        if (stat.st_size, stat.st_mtime_ns) != (record["size"], record["mtime_ns"]):
            return None
        return record["data"]

    # ------------------------------------------------------------------ blocks
    def _marker(self, fingerprint: str) -> Path:
        return self.root / "blocks" / f"{fingerprint}.json"

    def begin_block(self, fingerprint: str, sequence: list[tuple[int, bool]]) -> None:
        """Note that a block started speaking ``sequence`` ((job index, store) pairs)."""
        self._store(self._marker(fingerprint), json.dumps(sequence).encode("utf-8"))

    def end_block(self, fingerprint: str) -> None:
        """The block's sequence was spoken to the end."""
        self._marker(fingerprint).unlink(missing_ok=True)

    def interrupted_block(self, fingerprint: str) -> Optional[list[tuple[int, bool]]]:
        """The sequence a block had started and not finished, if any."""
        try:
            return [(int(i), bool(store)) for i, store in json.loads(self._marker(fingerprint).read_text("utf-8"))]
        except (OSError, ValueError, TypeError):
            return None
