"""Render benchmark: the three corpus novels joined as one book (~12 h of speech), against the
pipeline a user would otherwise run by hand, in the same run:

    espeak-ng -f BOOK -w tmp.wav && ffmpeg -i tmp.wav -b:a 64k tmp.mp3

Prints wall times, the ratio to that baseline, audio hours per wall minute, peak memory (of
this process, and of it with all its workers together), the share of parsing and planning,
and the warm ratio after one character's voice changes. Then, on one novel (The Sign of the
Four), a cold M4B render against a cold MP3 render of the same book, each with a cache of its
own, and a warm M4B render after one voice changes, with how many AAC stretches it encoded.

    python bench/render.py [--corpus ../shared/corpus] [--skip-baseline] [--jobs N] [--only m4b] [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# audiobook is imported inside the functions: worker processes import this script as their
# main module, and should not pay for the whole package each time.


class TreeMemory:
    """Samples the resident memory of this process and of all its descendants, and counts the
    CPU seconds they spend meanwhile (``cpu``)."""

    def __init__(self, interval: float = 0.05):
        self.interval, self.peak_self, self.peak_tree = interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._cpu_began = tree_cpu()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.cpu = tree_cpu() - self._cpu_began

    def _run(self):
        me = os.getpid()
        while not self._stop.is_set():
            rss = _rss_by_pid()
            tree = _descendants(me, rss)
            self.peak_self = max(self.peak_self, rss.get(me, (0, 0))[0])
            self.peak_tree = max(self.peak_tree, sum(rss[p][0] for p in tree if p in rss))
            self._stop.wait(self.interval)


def _rss_by_pid() -> dict[int, tuple[int, int]]:
    """pid -> (resident bytes, parent pid) for every process we can read."""
    page = os.sysconf("SC_PAGE_SIZE")
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[int(entry)] = (int(fields[21]) * page, int(fields[1]))
        except (OSError, IndexError, ValueError):
            continue
    return out


def tree_cpu() -> float:
    """CPU seconds spent so far by this process, its reaped descendants (which the kernel adds to
    whoever waited for them: the fork server waits for the workers) and its live descendants."""
    own = os.times()
    total = own.user + own.system + own.children_user + own.children_system
    tick = os.sysconf("SC_CLK_TCK")
    for pid in _descendants(os.getpid(), _rss_by_pid()) - {os.getpid()}:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(fields[i]) for i in (11, 12, 13, 14)) / tick
    return total


def _descendants(root: int, procs: dict[int, tuple[int, int]]) -> set[int]:
    # The fork server is our child, and the workers are its children: walk the whole tree.
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (_, ppid) in procs.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return tree


def baseline(book: Path, work: Path) -> float | None:
    if not (shutil.which("espeak-ng") and shutil.which("ffmpeg")):
        print("baseline: skipped (needs espeak-ng and ffmpeg on PATH)")
        return None
    began = time.perf_counter()
    subprocess.run(["espeak-ng", "-f", str(book), "-w", str(work / "tmp.wav")], check=True)
    speech = time.perf_counter()
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(work / "tmp.wav"), "-b:a", "64k",
                    str(work / "tmp.mp3")], check=True)
    done = time.perf_counter()
    print(f"baseline: {done - began:.1f} s (espeak-ng {speech - began:.1f} s, ffmpeg {done - speech:.1f} s)")
    (work / "tmp.wav").unlink()
    return done - began


def timed_render(book: Path, out: Path, voices: Path | None, jobs: int | None, engine, fmt: str = "mp3"):
    from audiobook import pipeline
    from audiobook.render.progress import Progress

    with TreeMemory() as memory:
        began = time.perf_counter()
        result = pipeline.render(book, out, voices, jobs=jobs, engine=engine, progress=Progress(quiet=True),
                                 formats=(fmt,))
        wall = time.perf_counter() - began
    return result, wall, memory


def top_speaker(book: Path) -> str:
    from audiobook import pipeline

    script, _ = pipeline.parse_source(book)
    return max(script.characters, key=lambda c: c.lines).name


def cache_entries(out: Path, kind: str) -> set[str]:
    return {p.name for p in (out / ".audiobook-cache" / kind).rglob("*") if p.is_file()}


def m4b_versus_mp3(book: Path, work: Path, jobs: int | None, engine, repeat: int = 1) -> None:
    """Cold M4B against cold MP3 on the same book (separate caches), ``repeat`` pairs in turn
    (on a shared machine one pair can be off by 15 % either way; the median is the figure), then
    a warm M4B after a voice change."""
    ratios, cpu_ratios = [], []
    for run in range(1, repeat + 1):
        for fmt in ("mp3", "m4b"):
            shutil.rmtree(work / fmt, ignore_errors=True)
        _, mp3_cold, mp3_use = timed_render(book, work / "mp3", None, jobs, engine)
        result, m4b_cold, m4b_use = timed_render(book, work / "m4b", None, jobs, engine, "m4b")
        hours = result.books[0].marks[-1][2] / 3600
        ratios.append(m4b_cold / mp3_cold)
        cpu_ratios.append(m4b_use.cpu / mp3_use.cpu)
        print(f"{book.name} ({hours:.2f} h){f' run {run}' if repeat > 1 else ''}: cold mp3 {mp3_cold:.1f} s, "
              f"cold m4b {m4b_cold:.1f} s = {m4b_cold / mp3_cold:.2f} x mp3 (target <= 1.3); "
              f"CPU {mp3_use.cpu:.0f} s and {m4b_use.cpu:.0f} s = {cpu_ratios[-1]:.2f} x")
    if repeat > 1:
        print(f"  median of {repeat} runs: {statistics.median(ratios):.2f} x mp3 (target <= 1.3); "
              f"CPU {statistics.median(cpu_ratios):.2f} x")
    # The whole cast pinned in a voices file first, so that changing one voice moves no other
    # (automatic voices keep clear of each other, and would shift with it).
    from audiobook import pipeline

    voices = work / "m4b-voices.yaml"
    pipeline.update_cast(book, voices)
    _, pinned, _ = timed_render(book, work / "m4b", voices, jobs, engine, "m4b")
    before, clips = cache_entries(work / "m4b", "aac"), cache_entries(work / "m4b", "clips")
    name = top_speaker(book)
    change_voice(voices, name)
    _, warm, _ = timed_render(book, work / "m4b", voices, jobs, engine, "m4b")
    made = len(cache_entries(work / "m4b", "aac") - before)
    spoken = len(cache_entries(work / "m4b", "clips") - clips)
    print(f"  warm m4b with the whole cast pinned in voices.yaml: {pinned:.1f} s; then after changing {name}'s "
          f"voice: {warm:.1f} s = {warm / m4b_cold:.2f} x cold; {spoken} of {len(clips)} clips made again, "
          f"{made} of {len(before)} AAC stretches encoded again ({100 * made / max(1, len(before)):.0f} %)")


def change_voice(voices: Path, name: str) -> None:
    """Give ``name`` another voice in the voices file ``voices``."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    data = yaml.load(voices.read_text(encoding="utf-8"))
    entry = next(v for k, v in data["characters"].items() if k == name or name in v.get("aliases", []))
    entry["voice"], entry["pitch"] = "gmw/en-us+m7", 20
    with open(voices, "w", encoding="utf-8") as out:
        yaml.dump(data, out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--only", choices=["all", "m4b"], default="all", help="m4b: only the M4B against MP3 part")
    ap.add_argument("--repeat", type=int, default=1, help="cold MP3 and M4B renders this many times in turn")
    ap.add_argument("--m4b-book", default="TheSignOfTheFour.txt", help="the novel of the corpus for the M4B part")
    args = ap.parse_args()
    novels = sorted(args.corpus.glob("*.txt"))
    if not novels:
        sys.exit(f"bench/render.py: no .txt files in {args.corpus}; give --corpus")
    with tempfile.TemporaryDirectory(prefix="audiobook-bench-") as tmp:
        work = Path(tmp)
        from audiobook.render.espeak import Pyttsx3Engine

        engine = Pyttsx3Engine()
        if args.only == "m4b":
            m4b_versus_mp3(args.corpus / args.m4b_book, work, args.jobs, engine, args.repeat)
            return
        book = work / "corpus-book.txt"
        book.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in novels), encoding="utf-8")
        print(f"book: {', '.join(p.name for p in novels)} joined, {book.stat().st_size / 1e3:.0f} KB")
        base = None if args.skip_baseline else baseline(book, work)

        from audiobook import pipeline

        result, cold, memory = timed_render(book, work / "out", None, args.jobs, engine)
        hours = sum(f.duration for f in result.files) / 3600
        prepare = result.timings["prepare"]
        print(f"cold render: {cold:.1f} s for {hours:.2f} h of audio in {len(result.files)} chapters "
              f"= {hours / (cold / 60):.2f} audio hours per wall minute")
        print(f"  parse + plan: {prepare:.2f} s = {100 * prepare / cold:.1f} % of the cold total (target <= 5 %)")
        print(f"  peak RSS: {memory.peak_self / 2**20:.0f} MB this process, "
              f"{memory.peak_tree / 2**20:.0f} MB with all workers (target <= 300 MB)")

        # A voices.yaml is the parser's cast: one that lists a single character attributes the
        # book anew. So the whole cast is pinned first, as `audiobook cast` writes it, and only
        # then is one voice changed.
        voices = work / "voices.yaml"
        pipeline.update_cast(book, voices)
        _, pinned, _ = timed_render(book, work / "out", voices, args.jobs, engine)
        name = top_speaker(book)
        change_voice(voices, name)
        result, warm, _ = timed_render(book, work / "out", voices, args.jobs, engine)
        print(f"warm render with the whole cast pinned in voices.yaml: {pinned:.1f} s; then after changing "
              f"{name}'s voice (the most lines): {warm:.1f} s")
        if base:
            print(f"ratio to baseline: cold {cold / base:.2f} (target <= 0.4), warm {warm / base:.3f} (target <= 0.1)")
        m4b_versus_mp3(args.corpus / args.m4b_book, work, args.jobs, engine, args.repeat)


if __name__ == "__main__":
    main()
