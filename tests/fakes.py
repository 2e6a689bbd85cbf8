"""A fake engine for scheduling tests, loaded in worker processes as "fakes:FakeEngine".

Its clips are 0.1 s of a value derived from the text. Texts steer it: "HANG" never returns,
"FAIL" always fails, "FLAKY <path>" fails once (until <path> exists), "COUNT <path> [words]" appends
the text to <path> each time it is spoken.
"""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

from audiobook.errors import EngineError
from audiobook.model import Clip

RATE = 22050


class FakeEngine:
    identity = "fake 1"

    def synthesize(self, text, settings):
        word, _, arg = text.partition(" ")
        if word == "HANG":
            time.sleep(3600)
        if word == "FAIL":
            raise EngineError("fake failure")
        if word == "FLAKY" and not Path(arg).exists():
            Path(arg).write_text("failed once")
            raise EngineError("fake flake")
        if word == "COUNT":
            with open(arg.split()[0], "a") as log:
                log.write(text + "\n")
        value = int(hashlib.sha1(f"{text}{settings}".encode()).hexdigest()[:2], 16)
        return Clip(pcm=bytes([value, 0]) * (RATE // 10), sample_rate=RATE)

    def check_voice(self, voice, where="voice"):
        pass

    def resolve_voice(self, voice, where="voice"):
        return voice

    def check_variant(self, variant, where="variant"):
        pass
