"""Time `select`: the exact roster (CP-SAT, proven optimal) on pools of 40, 300, 2,000 and
5,000 candidates, the time to name a minimal set of conflicting rules, and the total priority
a simple greedy pick reaches on the same pools, so the gain of solving exactly is visible.

Synthetic pools with a fixed seed; the evaluation pools too, when ../shared/eval/pools-dev
is present. Run: .venv/bin/python bench/select_bench.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import copy
import functools
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from backchannel.domain.mix import MixRules, RuleKind, check_roster, rules_from_toml
from backchannel.domain.people import Candidate, Category
from backchannel.optimizer import DEFAULT_WORKERS, select_roster
from backchannel.readers.mix_rules import read_mix_rules
from backchannel.readers.pool import read_pool
from backchannel.services.selection import select_from_files

SEED = 20240917
SIZES = (40, 300, 2_000, 5_000)
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "pools-dev"
T = TypeVar("T")

CHANNELS = (
    "Gov-A Presidency",
    "Gov-A MFA",
    "Gov-A Army Staff",
    "Authority-B Council",
    "Authority-B Security Committee",
    "UN Envoy Office",
    "Host Community Shura",
)
RULES: dict[str, Any] = {
    "size": {"min": 10, "max": 16},
    "category": {
        "authoritative_proxy": {"min": 4, "max": 7},
        "technical_expert": {"min": 3},
        "community_voice": {"min": 3},
    },
    "party": {"A": {"min": 3, "max": 5}, "B": {"min": 3, "max": 5}, "C": {"min": 1}},
    "gender": {"min_share": {"F": 0.4}},
    "affiliation": {"max_per": 2},
    "channels": {"required": ["Gov-A Presidency", "Authority-B Council", "UN Envoy Office"]},
}
# Three rule sets no roster can meet, each a change of one or two tables of RULES.
INFEASIBLE: dict[str, dict[str, Any]] = {
    "size": {
        "size": {"min": 10, "max": 12},
        "category": {
            **RULES["category"],
            "technical_expert": {"min": 5},
            "community_voice": {"min": 4},
        },
    },
    "gender": {"gender": {"min_share": {"F": 0.4, "M": 0.7}}},
    "channel": {"channels": {"required": ["Gov-A Presidency", "Gov-B Cabinet"]}},
}


def synthetic_pool(n: int, seed: int = SEED) -> list[Candidate]:
    """Parties A, B, C and neutral; about four people an organisation; 12% unavailable; 5%
    with conflicts; 8% (and the first 21) with a channel to a Track I interlocutor;
    priority 0 to 10."""
    rng = random.Random(seed + n)
    orgs = max(3, n // 16)
    out = []
    for i in range(n):
        party = rng.choices(["A", "B", "C", "neutral"], [36, 36, 19, 9])[0]
        conflicts: tuple[str, ...] = ()
        if i > 0 and rng.random() < 0.05:
            conflicts = tuple(f"p{rng.randrange(n):05d}" for _ in range(rng.randint(1, 3)))
            conflicts = tuple(c for c in dict.fromkeys(conflicts) if c != f"p{i:05d}")
        out.append(
            Candidate(
                id=f"p{i:05d}",
                name=f"Person {i}",
                party=party,
                category=rng.choice(list(Category)),
                gender=rng.choices(["F", "M", "X"], [45, 53, 2])[0],
                affiliation=f"{party}-org{rng.randrange(orgs)}",
                channels=(CHANNELS[i % 7],) if i < 21 else _maybe_channel(rng),
                conflicts=conflicts,
                available=i < 21 or rng.random() >= 0.12,
                priority=rng.randint(0, 10),
            )
        )
    return out


def _maybe_channel(rng: random.Random) -> tuple[str, ...]:
    return (rng.choice(CHANNELS),) if rng.random() < 0.08 else ()


def rules_for(pool: Sequence[Candidate], changes: dict[str, Any] | None = None) -> MixRules:
    """RULES with two must-includes and three exclusions drawn from the pool, then changes."""
    rng = random.Random(SEED)
    ids = [c.id for c in pool if c.available]
    people = {"include": rng.sample(ids, 2), "exclude": rng.sample(ids, 3)}
    return rules_from_toml({**copy.deepcopy(RULES), "people": people, **(changes or {})})


def greedy(pool: Sequence[Candidate], rules: MixRules) -> list[Candidate]:
    """What a convenor does by hand: the must-includes; then, for each unmet minimum (a
    channel, a gender share of the smallest room, a category, a party), the best candidates
    who help; then the highest priorities left. Each pick only if it breaks no maximum,
    exclusion or conflict (and, in the last step, no gender share)."""
    excluded = {r.subject for r in rules.of(RuleKind.EXCLUDE)}
    caps = rules.of(RuleKind.SIZE_MAX, RuleKind.CATEGORY_MAX, RuleKind.PARTY_MAX)
    shares = rules.of(RuleKind.GENDER_MIN_SHARE)
    per = rules.get(RuleKind.AFFILIATION_MAX_PER)
    ranked = sorted(
        (c for c in pool if c.available and c.id not in excluded), key=lambda c: -c.priority
    )
    roster: list[Candidate] = []

    def fits(c: Candidate) -> bool:
        if c in roster or any(c.id in o.conflicts or o.id in c.conflicts for o in roster):
            return False
        if any(sum(r.counts(o) for o in roster) + r.counts(c) > r.limit for r in caps):
            return False
        orgs = Counter(o.affiliation for o in roster)
        return per is None or not c.affiliation or orgs[c.affiliation] < per.limit

    def keeps_shares(c: Candidate) -> bool:
        after = [*roster, c]
        n = len(after)
        return all(
            sum(r.counts(o) for o in after) * r.share.denominator >= r.share.numerator * n
            for r in shares
        )

    for rule in rules.of(RuleKind.INCLUDE):
        c = next(c for c in pool if c.id == rule.subject)
        if fits(c):
            roster.append(c)
    wanted = [(r, 1) for r in rules.of(RuleKind.CHANNEL_REQUIRED)]
    wanted += [(r, -(-r.share.numerator * rules.size_min // r.share.denominator)) for r in shares]
    wanted += [(r, r.limit) for r in rules.of(RuleKind.CATEGORY_MIN, RuleKind.PARTY_MIN)]
    for rule, need in wanted:
        for c in ranked:
            if sum(rule.counts(o) for o in roster) >= need:
                break
            if rule.counts(c) and fits(c):
                roster.append(c)
    for c in ranked:
        if len(roster) >= rules.size_max:
            break
        if fits(c) and (len(roster) < rules.size_min or keeps_shares(c)):
            roster.append(c)
    return roster


def _greedy_words(picked: Sequence[Candidate], rules: MixRules) -> str:
    broken = sorted({v.rule for v in check_roster(picked, rules)})
    verdict = "meets the rules" if not broken else f"breaks {', '.join(broken)}"
    return f"{sum(c.priority for c in picked):4d} ({verdict})"


def timed(fn: Callable[[], T], repeat: int) -> tuple[T, float, float]:
    """The result, the median and the worst of `repeat` runs, in seconds."""
    times = []
    for _ in range(max(repeat, 1)):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return result, statistics.median(times), max(times)


def feasible_row(label: str, pool: Sequence[Candidate], rules: MixRules, repeat: int) -> None:
    outcome, median, worst = timed(lambda: select_roster(pool, rules), repeat)
    picked = greedy(pool, rules)
    exact = f"{outcome.priority:4d}" if outcome.feasible else "   -"
    print(
        f"{label:22s} {len(pool):6,d}  {median:7.3f}  {worst:7.3f}  {exact}  "
        f"{'yes' if outcome.optimal else 'no ':3s}   {_greedy_words(picked, rules)}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per pool (median)")
    repeat = parser.parse_args().repeat
    print(
        f"select: median and worst of {repeat} runs in-process, "
        f"{DEFAULT_WORKERS} CP-SAT worker(s)\n"
    )
    print(
        f"{'pool':22s} {'people':>6s}  {'median':>7s}  {'worst':>7s}  {'best':>4s}  proven  greedy"
    )
    pools = {n: synthetic_pool(n) for n in SIZES}
    for n, pool in pools.items():
        feasible_row(f"synthetic-{n}", pool, rules_for(pool), repeat)
    print("\nno roster possible: time to prove it and name a minimal conflicting set")
    for name, changes in INFEASIBLE.items():
        pool = pools[5_000]
        rules = rules_for(pool, changes)
        outcome, median, worst = timed(functools.partial(select_roster, pool, rules), repeat)
        names = ", ".join(r.name for r in outcome.conflicts) or "FEASIBLE (bench bug)"
        print(f"infeasible-{name:11s} {5_000:6,d}  {median:7.3f}  {worst:7.3f}  {names}")
    if EVAL.is_dir():
        print(f"\n{EVAL} (read from the files and solved, as the command does)")
        for case in sorted(p for p in EVAL.iterdir() if (p / "rules.toml").exists()):
            files = (case / "candidates.csv", case / "rules.toml")
            result, median, worst = timed(functools.partial(select_from_files, *files), repeat)
            candidates = read_pool(files[0])
            rules = read_mix_rules(files[1], candidates)
            if result.status == "ok":
                best = f"{result.priority:4d}  {'yes' if result.optimal else 'no ':3s}   "
                best += _greedy_words(greedy(candidates, rules), rules)
            else:
                best = "   -  -     infeasible: " + ", ".join(result.conflicts)
            print(f"{case.name:22s} {result.pool_size:6,d}  {median:7.3f}  {worst:7.3f}  {best}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
