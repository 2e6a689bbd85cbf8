"""Progress of a render: a bar with an ETA on a terminal, plain log lines otherwise, or nothing."""
from __future__ import annotations

import sys
import time
from typing import Optional, TextIO


class Progress:
    """Counts clips synthesized, files written and parts of single-file books encoded (an
    M4B's AAC, chapter by chapter), and shows them."""

    def __init__(self, stream: Optional[TextIO] = None, quiet: bool = False, interval: float = 10.0):
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval
        self.clips_total = self.clips_done = 0
        self.chapters_total = self.chapters_done = 0
        self.parts_total = self.parts_done = 0
        self._start = time.monotonic()
        self._last = 0.0

    def log(self, message: str) -> None:
        """A line of its own (clears the bar first on a terminal)."""
        if self.quiet:
            return
        if self.tty:
            self.stream.write("\r\x1b[2K")
        self.stream.write(message + "\n")
        self.stream.flush()

    def start(self, clips: int, chapters: int, parts: int = 0) -> None:
        """The work ahead: clips, files and parts of single-file books."""
        self.clips_total, self.chapters_total, self.parts_total = clips, chapters, parts
        self._start = time.monotonic()
        self.log(f"{clips} clips to synthesize, {chapters} files to write"
                 + (f", {parts} parts to encode for them" if parts else ""))

    def clip_done(self) -> None:
        self.clips_done += 1
        self._show()

    def chapter_done(self, title: str) -> None:
        self.chapters_done += 1
        if not self.tty:
            self.log(f"file {self.chapters_done}/{self.chapters_total} written: {title}")
        self._show(force=True)

    def part_done(self, label: str) -> None:
        """One part of a single-file book encoded (a run of a chapter's AAC stretches)."""
        self.parts_done += 1
        if not self.tty:
            self.log(f"encoded {self.parts_done}/{self.parts_total}: {label}")
        self._show(force=True)

    def finish(self) -> None:
        if self.tty and not self.quiet:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()

    def eta(self) -> Optional[float]:
        """Seconds left, from the share of work done so far (clips, files and parts weigh alike)."""
        total = self.clips_total + self.chapters_total + self.parts_total
        done = self.clips_done + self.chapters_done + self.parts_done
        if not done or not total:
            return None
        elapsed = time.monotonic() - self._start
        return elapsed * (total - done) / done

    def _show(self, force: bool = False) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if not force and now - self._last < (0.2 if self.tty else self.interval):
            return
        self._last = now
        eta = self.eta()
        eta_text = f"ETA {int(eta // 60)}:{int(eta % 60):02d}" if eta is not None else "ETA --:--"
        clips = f"clips {self.clips_done}/{self.clips_total}"
        chapters = f"files {self.chapters_done}/{self.chapters_total}"
        if self.parts_total:
            chapters += f"  encoded {self.parts_done}/{self.parts_total}"
        if self.tty:
            total = self.clips_total + self.chapters_total + self.parts_total or 1
            filled = int(30 * (self.clips_done + self.chapters_done + self.parts_done) / total)
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {clips}  {chapters}  {eta_text}")
            self.stream.flush()
        elif not force:
            self.log(f"{clips}, {chapters}, {eta_text}")

