"""AAC in an M4B container with chapter marks: by ffmpeg where it is on PATH, else by PyAV's
bundled FFmpeg libraries, so nothing beyond ``pip install`` is needed."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Optional

from pydub import AudioSegment

from audiobook.errors import EngineError
from audiobook.output.profile import Profile

#: The AAC encoder's fast coder: several times quicker than the default, and no worse for speech.
AAC_OPTIONS = {"aac_coder": "fast"}

#: (title, start seconds, end seconds) per chapter.
Marks = list


def ffmpeg_path() -> Optional[str]:
    """The ffmpeg program if it is on PATH (and not turned off with AUDIOBOOK_FFMPEG=0), else None."""
    return None if os.environ.get("AUDIOBOOK_FFMPEG") == "0" else shutil.which("ffmpeg")


def write_m4b(path: Path, pieces: Iterable[AudioSegment], profile: Profile, marks: Callable[[], Marks],
              name: Path) -> None:
    """Encode ``pieces`` (at the profile's rate) into ``path`` with the chapters ``marks()``
    gives once they are all consumed; ``name`` is the final file, for messages."""
    if ffmpeg_path():
        _with_ffmpeg(path, pieces, profile, name)
        _add_chapters_with_ffmpeg(path, marks())
    else:
        _with_pyav(path, pieces, profile, marks)


def _with_pyav(path: Path, pieces: Iterable[AudioSegment], profile: Profile, marks: Callable[[], Marks]) -> None:
    import av
    import numpy as np
    from fractions import Fraction

    rate = profile.sample_rate
    with av.open(str(path), "w", format="ipod", options={"brand": "M4B "}) as container:
        stream = container.add_stream("aac", rate=rate, layout="mono", options=dict(AAC_OPTIONS))
        stream.bit_rate = profile.bitrate * 1000
        pts = 0
        for piece in pieces:
            samples = np.frombuffer(piece.raw_data, dtype="<i2").reshape(1, -1)
            if not samples.size:
                continue
            frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
            frame.rate, frame.pts = rate, pts
            pts += frame.samples
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
        container.set_chapters([
            {"id": i + 1, "start": round(start * 1000), "end": round(end * 1000), "time_base": Fraction(1, 1000),
             "metadata": {"title": title}} for i, (title, start, end) in enumerate(marks())])


def _with_ffmpeg(path: Path, pieces: Iterable[AudioSegment], profile: Profile, name: Path) -> None:
    rate = profile.sample_rate
    command = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "s16le", "-ar", str(rate), "-ac", "1",
               "-i", "pipe:0", "-c:a", "aac", "-aac_coder", AAC_OPTIONS["aac_coder"],
               "-b:a", f"{profile.bitrate}k", "-f", "ipod", str(path)]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for piece in pieces:
            process.stdin.write(piece.raw_data)
        process.stdin.close()
    except BrokenPipeError:
        pass
    error = process.stderr.read().decode(errors="replace").strip()
    if process.wait() != 0:
        raise EngineError(f"{name}: ffmpeg could not encode the book: {error.splitlines()[-1] if error else '?'}")


def _add_chapters_with_ffmpeg(path: Path, marks: Marks) -> None:
    """Remux ``path`` with chapters (ffmpeg writes both a QuickTime chapter track and a Nero chpl)."""
    def escape(text: str) -> str:
        return "".join("\\" + ch if ch in "=;#\\\n" else ch for ch in text)

    lines = [";FFMETADATA1"]
    for title, start, end in marks:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round(start * 1000)}", f"END={round(end * 1000)}",
                  f"title={escape(title)}"]
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        meta, out = Path(work) / "chapters.txt", Path(work) / "book.m4b"
        meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
        done = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(path), "-f", "ffmetadata",
                               "-i", str(meta), "-map", "0:a", "-map_chapters", "1", "-c", "copy", "-brand", "M4B ",
                               "-f", "ipod", str(out)], capture_output=True, text=True)
        if done.returncode != 0:
            raise EngineError(f"{path}: ffmpeg could not add the chapters: {done.stderr.strip()[-200:]}")
        os.replace(out, path)
