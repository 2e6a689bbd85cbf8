"""How clips are best stored in the cache: size, write and read speed of each way, on real clips.

Takes the WAV clips of a cache (a render's OUTPUT/.audiobook-cache; by default the sample story
is rendered into a temporary folder first) and stores each of them every way, printing the
size against WAV and the speed against WAV's, measured in the same run:

- wav: the old format (header and raw samples);
- flac: FLAC through PyAV's bundled libraries;
- packed: the cache's own format (first differences; the high bytes through zlib, the low as they are).

    python bench/cache_formats.py [--cache DIR] [--limit N]
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def wav_bytes(pcm: bytes, rate: int) -> bytes:
    data = io.BytesIO()
    with wave.open(data, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)
    return data.getvalue()


def wav_read(data: bytes) -> bytes:
    with wave.open(io.BytesIO(data), "rb") as wav:
        return wav.readframes(wav.getnframes())


def flac_bytes(pcm: bytes, rate: int) -> bytes:
    import av
    import numpy as np

    out = io.BytesIO()
    with av.open(out, "w", format="flac") as container:
        stream = container.add_stream("flac", rate=rate, layout="mono")
        stream.format = "s16"
        frame = av.AudioFrame.from_ndarray(np.frombuffer(pcm, "<i2").reshape(1, -1), format="s16", layout="mono")
        frame.rate = rate
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    return out.getvalue()


def flac_read(data: bytes) -> bytes:
    import av

    with av.open(io.BytesIO(data)) as container:
        return b"".join(bytes(f.planes[0])[:f.samples * 2] for f in container.decode(audio=0))


def timed(fn, items):
    began = time.perf_counter()
    out = [fn(*item) for item in items]
    return out, time.perf_counter() - began


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=3000)
    args = ap.parse_args()
    from audiobook.render.cache import pack_clip, unpack_clip

    with tempfile.TemporaryDirectory(prefix="audiobook-cache-bench-") as tmp:
        cache = args.cache
        if cache is None:
            from audiobook import pipeline

            pipeline.render(ROOT / "input" / "the-lamplighters.txt", Path(tmp), ROOT / "voices.yaml")
            cache = Path(tmp) / ".audiobook-cache"
        clips = []
        for path in sorted((cache / "clips").rglob("*"))[:args.limit]:
            if path.suffix == ".wav":
                with wave.open(str(path), "rb") as wav:
                    clips.append((wav.readframes(wav.getnframes()), wav.getframerate()))
            elif path.is_file():
                clips.append(unpack_clip(path.read_bytes()))
        raw = sum(len(pcm) for pcm, _ in clips)
        print(f"{len(clips)} clips, {raw / 1e6:.1f} MB of samples, {raw / 2 / 22050 / 60:.1f} minutes")
        formats = {"wav": (wav_bytes, wav_read), "flac": (flac_bytes, flac_read),
                   "packed": (lambda pcm, rate: pack_clip(pcm, rate), lambda data: unpack_clip(data)[0])}
        base = None
        for name, (write, read) in formats.items():
            stored, wrote = timed(write, clips)
            back, took = timed(read, [(data,) for data in stored])
            assert back == [pcm for pcm, _ in clips], f"{name} is not lossless"
            size = sum(len(d) for d in stored)
            base = base or (size, wrote, took)
            print(f"{name:>10}: {size / 1e6:7.1f} MB = {size / base[0]:.2f} x wav; write {raw / wrote / 1e6:6.0f} MB/s "
                  f"({wrote / base[1]:.1f} x wav's time), read {raw / took / 1e6:6.0f} MB/s ({took / base[2]:.1f} x)")


if __name__ == "__main__":
    main()
