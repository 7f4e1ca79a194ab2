"""The checkers on briefs, step lists and scope statements written in each room language.

    .venv/bin/python bench/checkers_bench.py [--set dev|heldout|fresh|blind|all] [--lang fr]
                                             [--show]

Reads bench/checkers/data/LANG/{brief,steps,scope}-SET.* (written for this by native-style
writers, with an answer key; the "blind" set was written last, by writers who saw neither
the code nor the other sets, and its figures are reported as first run) and prints, per
language and set: loaded terms found (and attributed uses found as attributed), false
flags, step defects found, clean steps flagged, scope findings right. Each line is a figure
the issue is judged on.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from datetime import date
from pathlib import Path

from backchannel.domain.neutrality import ATTRIBUTED, LOADED, NeutralityLinter
from backchannel.domain.scope_lint import lint_scope
from backchannel.domain.step_check import StepDraft, check_steps
from backchannel.evidence.lexicon import shipped_lexicon

DATA = Path(__file__).parent / "checkers" / "data"


def _occurrences(text: str, items: list[str], claimed: set[int]) -> list[tuple[str, int]]:
    """Where each item of a key list stands: the lists are in order of appearance, and one
    spot of the text belongs to one list only (loaded, then attributed, then innocent)."""
    out = []
    floor = 0
    folded = text.casefold()
    for item in items:
        pos = -1
        for start in (floor, 0):
            pos = _find(text, folded, item, start, claimed)
            if pos >= 0:
                break
        if pos >= 0:
            claimed.add(pos)
            floor = pos + 1
        out.append((item, pos))
    return out


def _find(text: str, folded: str, item: str, start: int, claimed: set[int]) -> int:
    for haystack, needle in ((text, item), (folded, item.casefold())):
        pos = haystack.find(needle, start)
        while pos >= 0 and pos in claimed:
            pos = haystack.find(needle, pos + 1)
        if pos >= 0:
            return pos
    return -1


def brief(folder: Path, which: str, show: bool) -> dict[str, object]:
    text = (folder / f"brief-{which}.md").read_text(encoding="utf-8")
    key = json.loads((folder / f"brief-{which}.expect.json").read_text(encoding="utf-8"))
    started = time.process_time()
    found = [
        f for f in NeutralityLinter(shipped_lexicon()).lint(text) if f.kind in (LOADED, ATTRIBUTED)
    ]
    cpu = time.process_time() - started

    def hit(pos: int, item: str, kinds: tuple[str, ...]) -> bool:
        return any(f.start < pos + len(item) and pos < f.end and f.kind in kinds for f in found)

    claimed: set[int] = set()
    loaded = _occurrences(text, key["loaded"], claimed)
    attributed = _occurrences(text, key["attributed"], claimed)
    innocent = _occurrences(text, key["innocent"], claimed)
    got_loaded = [i for i, p in loaded if p >= 0 and hit(p, i, (LOADED, ATTRIBUTED))]
    got_attr = [i for i, p in attributed if p >= 0 and hit(p, i, (LOADED, ATTRIBUTED))]
    as_attr = [i for i, p in attributed if p >= 0 and hit(p, i, (ATTRIBUTED,))]
    expected = [(p, i) for i, p in loaded + attributed if p >= 0]
    false = [f for f in found if not any(f.start < p + len(i) and p < f.end for p, i in expected)]
    false_innocent = [
        f for f in false if any(f.start < p + len(i) and p < f.end for i, p in innocent)
    ]
    if show:
        for i, p in loaded:
            if i not in got_loaded or p < 0:
                print(f"    missed loaded: {i}")
        for i, p in attributed:
            if not hit(p, i, (ATTRIBUTED,)):
                print(f"    attributed not as attributed: {i}")
        for f in false:
            print(f"    false {f.kind}: {f.text!r} @{f.start}")
    total = len(loaded) + len(attributed)
    return {
        "found": len(got_loaded) + len(got_attr),
        "of": total,
        "attributed_as_attributed": f"{len(as_attr)}/{len(attributed)}",
        "false": len(false),
        "false_on_innocent": len(false_innocent),
        "cpu_ms": round(cpu * 1000, 1),
    }


def steps(folder: Path, which: str, show: bool) -> dict[str, object]:
    key = json.loads((folder / f"steps-{which}.expect.json").read_text(encoding="utf-8"))
    with (folder / f"steps-{which}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    drafts = [StepDraft(r["id"], r["what"], r["who"], r["when"], r["how"], r["test"]) for r in rows]
    findings = check_steps(drafts, date.fromisoformat(key["start"]), key["horizon_days"])
    flagged: dict[str, set[str]] = {}
    for f in findings:
        flagged.setdefault(f.step, set()).add(f.field)
    defects = sum(len(v) for v in key["defects"].values())
    found = sum(len(set(v) & flagged.get(k, set())) for k, v in key["defects"].items())
    defective_steps = [k for k, v in key["defects"].items() if v]
    caught_steps = [k for k in defective_steps if flagged.get(k)]
    clean = [k for k, v in key["defects"].items() if not v]
    clean_flagged = [k for k in clean if flagged.get(k)]
    extra = sum(len(flagged.get(k, set()) - set(v)) for k, v in key["defects"].items())
    if show:
        for k, v in key["defects"].items():
            got = flagged.get(k, set())
            if set(v) != got:
                msgs = [f"{f.field}: {f.message[:90]}" for f in findings if f.step == k]
                print(f"    step {k}: expected {sorted(v)} got {sorted(got)} {msgs}")
    return {
        "defects_found": f"{found}/{defects}",
        "defective_steps_flagged": f"{len(caught_steps)}/{len(defective_steps)}",
        "clean_flagged": f"{len(clean_flagged)}/{len(clean)}",
        "extra_fields": extra,
    }


def scope(folder: Path, which: str, show: bool) -> dict[str, object]:
    with (folder / f"scope-{which}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    right = expected = found = extra = clean_ok = clean = 0
    for row in rows:
        want = set(row["expect"].split())
        got = {f.kind for f in lint_scope(row["text"], today=date(2027, 1, 10))}
        expected += len(want)
        found += len(want & got)
        extra += len(got - want)
        right += want == got
        if not want:
            clean += 1
            clean_ok += not got
        if show and want != got:
            print(f"    scope: expected {sorted(want)} got {sorted(got)}: {row['text'][:80]}")
    return {
        "rows_right": f"{right}/{len(rows)}",
        "findings_found": f"{found}/{expected}",
        "extra": extra,
        "clean_clear": f"{clean_ok}/{clean}",
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="all", choices=("dev", "heldout", "fresh", "blind", "all"))
    parser.add_argument("--lang", default="")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    sets = ("dev", "heldout", "fresh", "blind") if args.set == "all" else (args.set,)
    for folder in sorted(p for p in DATA.iterdir() if p.is_dir()):
        if args.lang and folder.name != args.lang:
            continue
        for which in sets:
            if not (folder / f"brief-{which}.md").exists():
                continue
            print(f"{folder.name} {which}")
            print(f"  brief  {brief(folder, which, args.show)}")
            print(f"  steps  {steps(folder, which, args.show)}")
            print(f"  scope  {scope(folder, which, args.show)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
