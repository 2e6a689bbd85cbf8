"""Attribution on LitBank with each text's character list given as a voices.yaml (name and aliases,
and gender where bench/data/litbank_genders.json gives it), beside the figure without it: how
much knowing the cast helps. Also split by even and odd files, as a check that no half carries it.
And with a list of one character only, the one who speaks least (as a user setting one minor
character's voice would write it): that should leave the figure near the one without a list.
And as a published character list would give it: names and genders, with only the aliases that
are names ("Mrs. Carey", "Carey"), not the text's own descriptions ("his mother", "the woman"),
which LitBank's lists hold and a reader's list would not.

    python bench/cast_given.py [--dir ../shared/attribution/litbank] [--jobs 2]

LitBank (CC BY 4.0) is the work of its authors; the genders file is this project's own reading.
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
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "tools" / "score-script"


GENDERS = ROOT / "bench" / "data" / "litbank_genders.json"


def voices_file(gold: dict, folder: Path, name: str, genders: Optional[dict] = None) -> Path:
    """The gold characters as voices.yaml; an alias listed under two characters is kept by the first.
    ``genders``: character name -> male/female/None."""
    seen: set = set()
    lines = ["characters:"]
    for character in gold.get("characters") or []:
        aliases = [a for a in character.get("aliases", []) if a != character["name"] and a.lower() not in seen]
        if character["name"].lower() in seen:
            continue
        seen.update(a.lower() for a in [character["name"], *aliases])
        gender = (genders or {}).get(character["name"])
        extra = f", gender: {gender}" if gender else ""
        lines.append(f"  {json.dumps(character['name'])}: {{aliases: {json.dumps(aliases)}{extra}}}")
    path = folder / f"{name}{'.g' if genders else ''}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def least_speaking(gold: dict) -> dict:
    """``gold`` with its character list cut to the one who speaks least (at least once)."""
    lines: dict = {}
    for quote in gold.get("quotes", []):
        lines[quote["speaker"]] = lines.get(quote["speaker"], 0) + 1
    listed = [c for c in gold.get("characters") or [] if lines.get(c["name"])]
    return {**gold, "characters": sorted(listed, key=lambda c: lines[c["name"]])[:1]}


#: An alias that is a name: a capitalised word, and not a description opening with an article
#: or a possessive ("the Old Sea-dog" is kept, "the honest people" and "his mother" are not).
_DESCRIPTION = re.compile(r"(?:the|a|an|our|my|his|her|this|that) [a-z][^A-Z]*", re.I)


def names_only(gold: dict) -> dict:
    """``gold`` with each character's aliases cut to those that are names."""
    def is_name(alias: str) -> bool:
        return bool(re.search(r"\b[A-Z][a-z]", alias)) and not _DESCRIPTION.fullmatch(alias)

    return {**gold, "characters": [{**c, "aliases": [a for a in c.get("aliases", []) if is_name(a)]}
                                   for c in gold.get("characters") or []]}


def score(gold_path: Path, voices) -> tuple[int, int]:
    run = f"{sys.executable} -m audiobook script {{input}} --format json"
    if voices is not None:
        run += f" --voices {voices}"
    with tempfile.TemporaryDirectory() as empty:  # no ./voices.yaml to find
        done = subprocess.run([sys.executable, str(SCORE), str(gold_path), "--run", run], capture_output=True,
                              text=True, cwd=empty)
    m = re.search(r"attribution [\d.]+ \((\d+)/(\d+)\)", done.stdout)
    n = len(json.loads(gold_path.read_text(encoding="utf-8"))["quotes"])
    return (int(m.group(1)), int(m.group(2))) if m else (0, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT.parent / "shared" / "attribution" / "litbank")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    golds = sorted(args.dir.glob("*.gold.json"))
    genders = json.loads(GENDERS.read_text(encoding="utf-8")) if GENDERS.exists() else None
    runs = {}
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        runs["without the list"] = list(pool.map(score, golds, [None] * len(golds)))
        files = [voices_file(json.loads(g.read_text(encoding="utf-8")), Path(tmp), g.stem) for g in golds]
        runs["with the list (names, aliases)"] = list(pool.map(score, golds, files))
        if genders is not None:
            files = [voices_file(json.loads(g.read_text(encoding="utf-8")), Path(tmp), g.stem,
                                 genders.get(g.name[:-len(".gold.json")], {})) for g in golds]
            runs["with the list and genders"] = list(pool.map(score, golds, files))
            files = [voices_file(names_only(json.loads(g.read_text(encoding="utf-8"))), Path(tmp), g.stem + ".names",
                                 genders.get(g.name[:-len(".gold.json")], {})) for g in golds]
            runs["as a published list (names, name aliases, genders)"] = list(pool.map(score, golds, files))
        files = [voices_file(least_speaking(json.loads(g.read_text(encoding="utf-8"))), Path(tmp), g.stem + ".one")
                 for g in golds]
        runs["with one minor character listed"] = list(pool.map(score, golds, files))
    for label, results in runs.items():
        right, n = map(sum, zip(*results))
        halves = []
        for parity in (0, 1):
            r, m = map(sum, zip(*results[parity::2]))
            halves.append(f"{r / m:.3f}")
        print(f"litbank {label}: {right / n:.3f} ({right}/{n}); even/odd files {halves[0]}/{halves[1]}")


if __name__ == "__main__":
    main()
