"""Attribution figures: LitBank, the hand-annotated corpus chapters, and the characters found.

    python bench/attribution.py [--top N] [--mistakes] [--worst N]

LitBank (Bamman et al.), CC BY 4.0: ../shared/attribution/litbank, 72 openings of novels with
every quotation attributed. Printed overall, for each half by Gutenberg id parity (for a
method fitted on one half and measured on the other; the hand rules were written looking at
both, so neither half is held out for them), per kind of quotation (tagged by a name or noun,
tagged by a pronoun, untagged: as ``tags`` classifies the words around the gold quotation) and
for the worst texts. Scored as ../shared/tools/score-script scores them, aliases
included.

Also reads ../shared/corpus (next to the repository) and tests/data/gold/*.gold.json. That score
is computed as score-script does for gold files without a character list: a gold quote is found
when dialogue segments cover at least half of it, and right when the speaker covering most of it
matches the gold name (the character's name, an alias, or its first name).
"""
from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

from audiobook.model import Document
from audiobook.parser import parse, tags

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
GOLD = ROOT / "tests" / "data" / "gold"
LITBANK = SHARED / "attribution" / "litbank"
KINDS = ("named", "pronoun", "untagged")


def _score_script():
    """../shared/tools/score-script as a module, so LitBank is scored exactly as it scores."""
    path = SHARED / "tools" / "score-script"
    loader = importlib.machinery.SourceFileLoader("score_script", str(path))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("score_script", loader))
    loader.exec_module(module)
    return module


def quote_kind(text: str, start: int, end: int) -> str:
    """``named`` (a tag names the speaker or calls them by a noun), ``pronoun`` (he/she/I) or
    ``untagged``, from the words next to the quotation in its paragraph."""
    inner = text[start:end].strip("\"'\u201c\u201d\u2018\u2019\u2014- \n")
    stop = text.find("\n\n", end)
    after = text[end:min(len(text) if stop < 0 else stop, end + 160)]
    subject = tags.tag_after(after, inner[-1:]) if after.strip() else None
    if subject is None:
        begin = text.rfind("\n\n", 0, start)
        before = text[max(0 if begin < 0 else begin, start - 160):start]
        subject = tags.tag_before(before) if before.strip() else None
    if subject is None:
        return "untagged"
    return "pronoun" if subject.kind == "pronoun" else "named"


def speaker_at(script: dict, start: int, end: int) -> str | None:
    """Our speaker of most of the quotation ``start``..``end``."""
    over: dict = {}
    for ch in script["chapters"]:
        for s in ch["segments"]:
            o = min(end, s["end"]) - max(start, s["start"])
            if s["kind"] == "dialogue" and o > 0:
                over[s["speaker"]] = over.get(s["speaker"], 0) + o
    return max(over, key=over.get) if over else None


def one_voice_right(matched: list) -> int:
    """Of the quotes scored right, as (our speaker, gold speaker), those whose speaker stands for
    the gold speaker it matches most often. score-script counts a merged character right for
    every gold name among its aliases (mother and daughter as one "Mrs. Pelham"); a listener
    hears one voice for both, so this counts only one of them."""
    best: dict = {}
    for (ours, theirs), _n in Counter(matched).most_common():
        best.setdefault(ours, theirs)
    return sum(1 for ours, theirs in matched if best[ours] == theirs)


def litbank(worst: int) -> None:
    """Print the LitBank figures."""
    tool = _score_script()
    total: Counter = Counter()
    per_text = []
    for path in sorted(LITBANK.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (LITBANK / gold["file"]).read_text(encoding="utf-8")
        script = parse(Document(path=Path(gold["file"]), text=text)).to_json()
        half = "odd" if int(gold["file"].split("_")[0]) % 2 else "even"
        _, fig = tool.score(gold, text, script)
        right = fig["right"]
        for key, value in (("n", fig["n"]), ("right", right), ("found", fig["found"])):
            total[key] += value
            total[f"{half} {key}"] += value
        per_text.append((right / fig["n"], fig["n"] - right, gold["file"], right, fig["n"]))
        matched = []  # (our speaker, gold speaker) of each quote counted right
        for q in gold["quotes"]:
            kind = quote_kind(text, q["start"], q["end"])
            _, one = tool.score(dict(gold, quotes=[q]), text, script)
            total[f"{kind} n"] += 1
            total[f"{kind} right"] += one["right"]
            if one["right"]:
                matched.append((speaker_at(script, q["start"], q["end"]), q["speaker"]))
        total["one voice right"] += one_voice_right(matched)
    if not total["n"]:
        return
    print(f"litbank: attribution {total['right'] / total['n']:.3f} ({total['right']}/{total['n']}) over "
          f"{len(per_text)} texts, quotes found {total['found'] / total['n']:.3f}")
    print(f"  with each of our characters standing for one gold speaker only: "
          f"{total['one voice right'] / total['n']:.3f} ({total['one voice right']}/{total['n']})")
    for half, label in (("even", "even ids"), ("odd", "odd ids")):
        n = total[f"{half} n"]
        print(f"  {label}: {total[f'{half} right'] / max(1, n):.3f} ({total[f'{half} right']}/{n})")
    for kind in KINDS:
        n = total[f"{kind} n"]
        print(f"  {kind}: {total[f'{kind} right'] / max(1, n):.3f} ({total[f'{kind} right']}/{n})")
    print("  worst texts (by quotes wrong):")
    for share, wrong, name, right, n in sorted(per_text, key=lambda t: (-t[1], t[0]))[:worst]:
        print(f"    {name}: {share:.3f} ({right}/{n})")


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
    ap.add_argument("--worst", type=int, default=8, help="LitBank texts with most quotes wrong to list")
    args = ap.parse_args()
    if LITBANK.is_dir() and (SHARED / "tools" / "score-script").is_file():
        litbank(args.worst)
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
