"""Cluster benchmark: the same book rendered by the built-in worker pool and through a local
Dask cluster with as many workers, in the same run, each from an empty cache.

Prints both wall times and their ratio (the cost of going through Dask: task transfer, a child
process per block on the worker, clip and stretch bytes sent back), checks the two renders are
byte-identical, and gives the figures the README's estimate for a library is built on: core
seconds per hour of audio, the client's own share (parsing, levelling, writing the files), and
the scheduler's round trip per task.

    python bench/cluster.py [--book ../shared/corpus/TheSportOfTheGods.txt] [--chapters all] [--workers 2] [--repeat 2]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def checksums(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def timed_render(book: Path, out: Path, chapters: str, *options: str) -> float:
    """Wall seconds of ``audiobook render`` in a process of its own, as a user runs it (the
    engine's first words in a process shape its levelling, so renders never share one)."""
    command = [sys.executable, "-m", "audiobook", "render", str(book), "-o", str(out), "--voices",
               str(ROOT / "voices.yaml"), "-q", *options]
    if chapters != "all":
        command += ["--chapters", chapters]
    began = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return time.perf_counter() - began


def book_figures(book: Path, out: Path, chapters: str, workers: int) -> dict:
    """Clips, audio length and the client's own time (parse, plan, levelling) of the book, from a
    render in this process against the pool's cache (so no audio is made again)."""
    from audiobook import pipeline
    from audiobook.cli import ChapterRange
    from audiobook.render.progress import Progress

    progress = Progress(quiet=True)
    numbers = None if chapters == "all" else ChapterRange().convert(chapters, None, None)
    result = pipeline.render(book, out, ROOT / "voices.yaml", chapters=numbers, progress=progress, jobs=workers)
    return {"files": len(result.files), "prepare": result.timings["prepare"],
            "audio_hours": sum(f.duration for f in result.files) / 3600}


def round_trip(client, tasks: int = 200) -> float:
    """Seconds per trivial task submitted one by one and awaited: the scheduler's own cost."""
    began = time.perf_counter()
    for i in range(tasks):
        client.submit(abs, -i, pure=False).result()
    return (time.perf_counter() - began) / tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, default=ROOT.parent / "shared" / "corpus" / "TheSportOfTheGods.txt")
    parser.add_argument("--chapters", default="all", help="chapters to render (3, 2-4, 1,3-5; all: the whole book)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes, in the pool and on the cluster")
    parser.add_argument("--repeat", type=int, default=2, help="renders of each kind, taken in turns; the best counts")
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    pool_times, dask_times = [], []
    with tempfile.TemporaryDirectory() as tmp, LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                                            processes=True, dashboard_address=None) as cluster:
        tmp = Path(tmp)
        for turn in range(args.repeat):  # in turns, so a busy spell on the machine hits both alike
            pool_times.append(timed_render(args.book, tmp / f"pool{turn}", args.chapters, "-j", str(args.workers)))
            dask_times.append(timed_render(args.book, tmp / f"dask{turn}", args.chapters,
                                           "--cluster", cluster.scheduler_address))
        with Client(cluster) as client:
            per_task = round_trip(client)
        folders = [next(p for p in (tmp / run).iterdir() if not p.name.startswith(".")) for run in ("pool0", "dask0")]
        same = checksums(folders[0]) == checksums(folders[1])
        figures = book_figures(args.book, tmp / "pool0", args.chapters, args.workers)

    pool_time, dask_time, hours = min(pool_times), min(dask_times), figures["audio_hours"]
    print(f"book: {args.book.name}, chapters {args.chapters}: {figures['files']} files, {hours * 60:.1f} min of audio")
    print(f"built-in pool (-j {args.workers}):          {pool_time:6.1f} s (runs: {', '.join(f'{t:.1f}' for t in pool_times)})")
    print(f"local Dask cluster ({args.workers} workers): {dask_time:6.1f} s (runs: {', '.join(f'{t:.1f}' for t in dask_times)})"
          f" = {dask_time / pool_time:.2f} x the built-in pool (target <= 1.15 x)")
    print(f"byte-identical: {'yes' if same else 'NO'}")
    print(f"work per audio hour: {args.workers * (pool_time - figures['prepare']) / hours:.0f} core-seconds "
          f"(synthesis and encoding); on the client alone: {figures['prepare'] / hours:.1f} s per audio hour "
          "(parse, plan, levelling)")
    print(f"scheduler round trip per task: {per_task * 1000:.1f} ms")


if __name__ == "__main__":
    main()
