"""Attribution on LitBank with each text's character list given as a voices.yaml (name and aliases),
beside the figure without it: how much knowing the cast helps.

    python bench/cast_given.py [--dir ../shared/attribution/litbank] [--jobs 2]
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "tools" / "score-script"


def voices_file(gold: dict, folder: Path, name: str) -> Path:
    """The gold characters as voices.yaml; an alias listed under two characters is kept by the first."""
    seen: set = set()
    lines = ["characters:"]
    for character in gold.get("characters") or []:
        aliases = [a for a in character.get("aliases", []) if a != character["name"] and a.lower() not in seen]
        if character["name"].lower() in seen:
            continue
        seen.update(a.lower() for a in [character["name"], *aliases])
        lines.append(f"  {json.dumps(character['name'])}: {{aliases: {json.dumps(aliases)}}}")
    path = folder / f"{name}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def score(gold_path: Path, voices) -> tuple[int, int]:
    run = f"{sys.executable} -m audiobook script {{input}} --format json"
    if voices is not None:
        run += f" --voices {voices}"
    else:
        run += " --voices /dev/null/none"  # not even ./voices.yaml
    done = subprocess.run([sys.executable, str(SCORE), str(gold_path), "--run", run], capture_output=True, text=True,
                          cwd=ROOT)
    m = re.search(r"attribution [\d.]+ \((\d+)/(\d+)\)", done.stdout)
    n = len(json.loads(gold_path.read_text(encoding="utf-8"))["quotes"])
    return (int(m.group(1)), int(m.group(2))) if m else (0, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT.parent / "shared" / "attribution" / "litbank")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    golds = sorted(args.dir.glob("*.gold.json"))
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        files = [voices_file(json.loads(g.read_text(encoding="utf-8")), Path(tmp), g.stem) for g in golds]
        given = list(pool.map(score, golds, files))
    for label, results in (("with the character list", given),):
        right, n = map(sum, zip(*results))
        print(f"litbank {label}: {right / n:.3f} ({right}/{n})")


if __name__ == "__main__":
    main()
