"""Cluster benchmark: the same book rendered by the built-in worker pool and through a local
Dask cluster with as many workers, in the same run, each from an empty cache.

Prints both wall times and their ratio (the cost of going through Dask: task transfer, a child
process per block on the worker, clip and stretch bytes sent back), checks the two renders are
byte-identical, and gives the figures the README's estimate for a library is built on: core
seconds per hour of audio, the client's own share (parsing, levelling, writing the files), and
the scheduler's round trip per task.

    python bench/cluster.py [--book ../shared/corpus/TheSportOfTheGods.txt] [--chapters 1-6] [--workers 2]
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def checksums(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def timed_render(book: Path, out: Path, chapters, **kwargs):
    from audiobook import pipeline
    from audiobook.render.progress import Progress

    progress = Progress(quiet=True)
    began = time.perf_counter()
    result = pipeline.render(book, out, ROOT / "voices.yaml", chapters=chapters, progress=progress, **kwargs)
    return time.perf_counter() - began, result, progress


def round_trip(client, tasks: int = 200) -> float:
    """Seconds per trivial task submitted one by one and awaited: the scheduler's own cost."""
    began = time.perf_counter()
    for i in range(tasks):
        client.submit(abs, -i, pure=False).result()
    return (time.perf_counter() - began) / tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, default=ROOT.parent / "shared" / "corpus" / "TheSportOfTheGods.txt")
    parser.add_argument("--chapters", default="1-6", help="chapters to render (all: the whole book)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes, in the pool and on the cluster")
    args = parser.parse_args()
    from audiobook.cli import ChapterRange

    chapters = None if args.chapters == "all" else ChapterRange().convert(args.chapters, None, None)
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pool_time, pool, progress = timed_render(args.book, tmp / "pool", chapters, jobs=args.workers)
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            dask_time, on_dask, _ = timed_render(args.book, tmp / "dask", chapters, cluster=cluster.scheduler_address)
            per_task = round_trip(client)
        same = checksums(pool.folder) == checksums(on_dask.folder)
        from audiobook.render import cluster as dask_cluster

        dask_cluster.close_all()

    audio_hours = sum(f.duration for f in pool.files) / 3600
    prepare = pool.timings["prepare"]
    print(f"book: {args.book.name}, chapters {args.chapters}: {progress.clips_total} clips, "
          f"{len(pool.files)} files, {audio_hours * 60:.1f} min of audio")
    print(f"built-in pool (-j {args.workers}):        {pool_time:6.1f} s (parse and plan {prepare:.1f} s)")
    print(f"local Dask cluster ({args.workers} workers): {dask_time:6.1f} s = {dask_time / pool_time:.2f} x the "
          f"built-in pool (target <= 1.15 x)")
    print(f"byte-identical: {'yes' if same else 'NO'}")
    print(f"work per audio hour: {args.workers * pool.timings['audio'] / audio_hours:.0f} core-seconds "
          f"(synthesis and encoding); parse and plan on the client: {prepare / audio_hours:.0f} s per audio hour")
    print(f"scheduler round trip per task: {per_task * 1000:.1f} ms")


if __name__ == "__main__":
    main()
