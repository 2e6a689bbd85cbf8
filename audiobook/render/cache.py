"""The clip cache: synthesized clips on disk, keyed by everything that changes their sound."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import wave
import zlib
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
    settings = {k: v for k, v in asdict(voice).items() if v is not None}  # an unset field leaves old keys as they were
    payload = json.dumps([CACHE_VERSION, engine_id, settings, text], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


#: First bytes of a clip in the cache's own compact format.
CLIP_MAGIC = b"ABC1"
#: zlib's level for the high bytes: higher levels take several times longer for a few per cent.
CLIP_ZLIB_LEVEL = 1


def pack_clip(pcm: bytes, sample_rate: int) -> bytes:
    """A clip losslessly compressed: the first differences of its samples (speech changes
    slowly, so they are small), their high bytes (mostly 0 or 0xff) through zlib, their low
    bytes as they are. Some two thirds of a WAV's size, and several times faster to write than
    zlib over all the bytes, which saves only a tenth more (bench/cache_formats.py)."""
    import numpy as np

    samples = np.frombuffer(pcm, dtype="<i2")
    deltas = np.diff(samples, prepend=np.int16(0)).astype("<i2")  # wraps, and so does the sum back
    planes = deltas.view(np.uint8).reshape(-1, 2).T
    high = zlib.compress(planes[1].tobytes(), CLIP_ZLIB_LEVEL)
    head = CLIP_MAGIC + b"".join(n.to_bytes(4, "big") for n in (sample_rate, len(samples), len(high)))
    return head + high + planes[0].tobytes()


def unpack_clip(data: bytes) -> tuple[bytes, int]:
    """The samples and rate of a packed clip; ValueError if it is not one, or is cut short."""
    import numpy as np

    if data[:4] != CLIP_MAGIC or len(data) < 16:
        raise ValueError("not a packed clip")
    rate, count, size = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    try:
        high = zlib.decompress(data[16:16 + size])
    except zlib.error as exc:
        raise ValueError(str(exc)) from exc
    if len(high) != count or len(data) != 16 + size + count:
        raise ValueError("a packed clip cut short")
    deltas = np.empty((count, 2), dtype=np.uint8)
    deltas[:, 1] = np.frombuffer(high, np.uint8)
    deltas[:, 0] = np.frombuffer(data, np.uint8, count, 16 + size)
    return np.cumsum(deltas.view("<i2").ravel(), dtype="<i2").tobytes(), rate


class ClipCache:
    """Clips stored under ``root/clips/ab/<key>.clip`` in a compact lossless format (see
    ``pack_clip``), written atomically; entries of older versions, ``<key>.wav``, are read too."""

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
        """Where the clip ``key`` is stored."""
        return self.root / "clips" / key[:2] / f"{key}.clip"

    def wav_path(self, key: str) -> Path:
        """Where an older version stored the clip ``key``, as WAV."""
        return self.path(key).with_suffix(".wav")

    def has(self, key: str) -> bool:
        return self.path(key).is_file() or self.wav_path(key).is_file()

    def get(self, key: str) -> Optional[Clip]:
        """The clip stored under ``key``, or None (missing or unreadable: it will be made again)."""
        try:
            pcm, rate = unpack_clip(self.path(key).read_bytes())
            return Clip(pcm=pcm, sample_rate=rate)
        except (OSError, ValueError):
            pass
        try:
            with wave.open(str(self.wav_path(key)), "rb") as wav:
                return Clip(pcm=wav.readframes(wav.getnframes()), sample_rate=wav.getframerate())
        except (OSError, EOFError, wave.Error):
            return None

    def put(self, key: str, clip: Clip) -> None:
        """Store ``clip``; a reader never sees a partly written file."""
        self._store(self.path(key), pack_clip(clip.pcm, clip.sample_rate))

    def get_bytes(self, kind: str, key: str) -> Optional[bytes]:
        """Bytes stored under ``kind``/``key`` (e.g. encoded MP3 stretches), or None."""
        try:
            return (self.root / kind / key[:2] / key).read_bytes()
        except OSError:
            return None

    def has_bytes(self, kind: str, key: str) -> bool:
        """Whether bytes are stored under ``kind``/``key``."""
        return (self.root / kind / key[:2] / key).is_file()

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
