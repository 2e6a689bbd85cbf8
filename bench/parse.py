"""Parse the whole ../shared/corpus and print how long it took (target: 3 s on one core).

    python bench/parse.py [--repeat N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from audiobook.model import Document
from audiobook.parser import parse

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
BUDGET_SECONDS = 3.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="runs to make; the best is reported")
    args = ap.parse_args()
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        print(f"no corpus at {CORPUS.resolve()}: nothing to measure", file=sys.stderr)
        return 1
    texts = [(p, p.read_text(encoding="utf-8")) for p in paths]
    size = sum(len(t.encode("utf-8")) for _, t in texts)
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        began = time.process_time()
        segments = 0
        for path, text in texts:
            script = parse(Document(path=path, text=text))
            segments += sum(1 for _ in script.segments())
        best = min(best, time.process_time() - began)
    verdict = "ok" if best <= BUDGET_SECONDS else "over budget"
    print(f"parsed {len(texts)} files, {size / 1e6:.2f} MB, {segments} segments in {best:.2f} s CPU "
          f"({size / 1e6 / best:.2f} MB/s; budget {BUDGET_SECONDS:.0f} s: {verdict})")
    return 0 if best <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
