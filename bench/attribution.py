"""Characters found in each corpus novel, and attribution on the hand-annotated gold chapters.

    python bench/attribution.py [--top N]

Reads ../shared/corpus (next to the repository) and tests/data/gold/*.gold.json. The score is
computed as ../shared/tools/score-script does: a gold quote is found when dialogue segments cover
at least half of it, and right when the speaker covering most of it matches the gold name (the
character's name, an alias, or its first name).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from audiobook.model import Document
from audiobook.parser import parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
GOLD = ROOT / "tests" / "data" / "gold"


def same(script: dict, ours: str | None, gold: str) -> bool:
    """Whether our speaker name stands for the gold one (score-script's rule)."""
    if not ours:
        return False
    alias: dict[str, set[str]] = {}
    for c in script["characters"]:
        for a in [c["name"]] + list(c.get("aliases") or []):
            alias.setdefault(a.lower(), set()).add(c["name"].lower())
    o, g = ours.lower(), gold.lower()
    return o == g or g in alias.get(o, set()) or any(g == n.split()[0] for n in alias.get(o, {o}))


def score(script: dict, gold: dict) -> tuple[int, int, int, list[str]]:
    """(found, right, total, mistakes) of ``script`` against ``gold``."""
    segs = [s for ch in script["chapters"] for s in ch["segments"] if s["kind"] == "dialogue"]
    found = right = 0
    wrong = []
    for q in gold["quotes"]:
        over: dict = {}
        for s in segs:
            o = min(q["end"], s["end"]) - max(q["start"], s["start"])
            if o > 0:
                over[s["speaker"]] = over.get(s["speaker"], 0) + o
        if sum(over.values()) >= 0.5 * (q["end"] - q["start"] - 2):
            found += 1
            speaker = max(over, key=over.get)
            if same(script, speaker, q["speaker"]):
                right += 1
            else:
                wrong.append(f"{q['text'][:50]!r}: gold {q['speaker']}, got {speaker}")
        else:
            wrong.append(f"{q['text'][:50]!r}: not found")
    return found, right, len(gold["quotes"]), wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=12, help="characters to list per novel")
    ap.add_argument("--mistakes", action="store_true", help="list each wrong attribution")
    args = ap.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print(f"no corpus at {corpus.resolve()}: nothing to measure", file=sys.stderr)
        return 1
    scripts = {}
    for path in sorted(corpus.glob("*.txt")):
        script = parse(Document(path=path, text=path.read_text(encoding="utf-8"))).to_json()
        scripts[path.name] = script
        quotes = sum(1 for ch in script["chapters"] for s in ch["segments"] if s["kind"] == "dialogue")
        named = sum(1 for ch in script["chapters"] for s in ch["segments"] if s["kind"] == "dialogue" and s["speaker"])
        print(f"{path.name}: {len(script['chapters'])} chapters, {quotes} quotes, {named} attributed")
        for c in script["characters"][: args.top]:
            print(f"  {c['name']:<24} {c['lines']:>4}  {c['gender'] or '-':<6}  {', '.join(c['aliases'][:5])}")
    total_found = total_right = total = 0
    for gold_path in sorted(GOLD.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold["file"] not in scripts:
            continue
        found, right, n, wrong = score(scripts[gold["file"]], gold)
        total_found += found
        total_right += right
        total += n
        print(f"gold {gold_path.name}: attribution {right / n:.3f} ({right}/{n}), quotes found {found / n:.3f}")
        if args.mistakes:
            for w in wrong:
                print("   ", w)
    if total:
        print(f"all gold chapters: attribution {total_right / total:.3f} ({total_right}/{total}), "
              f"quotes found {total_found / total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
