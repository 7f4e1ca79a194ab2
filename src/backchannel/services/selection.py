"""Pillar 2, without a workspace: choose the roster from a candidate pool and mix rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from backchannel.domain.mix import (
    DEFAULT_TIME_LIMIT,
    MixRules,
    RuleKind,
    check_rules_against_pool,
    editorial_warnings,
    explain_conflict,
)
from backchannel.domain.people import Candidate
from backchannel.readers.mix_rules import read_mix_rules
from backchannel.readers.pool import read_pool


@dataclass(frozen=True, slots=True)
class SelectionResult:
    """The roster chosen, or the rules that cannot all hold, in plain words."""

    status: Literal["ok", "infeasible"]
    roster: tuple[Candidate, ...]
    priority: int
    conflicts: tuple[str, ...]  # dotted rule names of a minimal conflicting set
    explanation: str
    warnings: tuple[str, ...]
    optimal: bool  # the roster is a proven optimum / the conflicting set proven minimal
    pool_size: int
    seconds: float


def select_from_files(
    pool: Path, rules: Path, *, time_limit: float = DEFAULT_TIME_LIMIT
) -> SelectionResult:
    """Read the pool and MIX.toml, then choose the roster (or explain why none exists)."""
    candidates = read_pool(pool)
    return select(candidates, read_mix_rules(rules, candidates), time_limit=time_limit)


def select(
    pool: Sequence[Candidate], rules: MixRules, *, time_limit: float = DEFAULT_TIME_LIMIT
) -> SelectionResult:
    """The roster with the highest total priority that meets every rule, proven optimal;
    ties go to the roster with more distinct affiliations."""
    check_rules_against_pool(rules, pool)
    notes = pool_warnings(pool, rules)
    from backchannel.optimizer import select_roster  # OR-Tools, loaded when a roster is chosen

    outcome = select_roster(pool, rules, time_limit=time_limit)
    if not outcome.feasible:
        return SelectionResult(
            status="infeasible",
            roster=(),
            priority=0,
            conflicts=tuple(r.name for r in outcome.conflicts),
            explanation=explain_conflict(outcome.conflicts, pool),
            warnings=notes,
            optimal=outcome.optimal,
            pool_size=len(pool),
            seconds=outcome.seconds,
        )
    available = sum(c.available for c in pool)
    proof = (
        "proven the best roster under these rules"
        if outcome.optimal
        else "the best found in the time allowed, not proven best"
    )
    explanation = (
        f"Chose {len(outcome.roster)} of {available} available candidates: total priority "
        f"{outcome.priority}, {outcome.distinct_affiliations} distinct affiliations; {proof}."
    )
    return SelectionResult(
        status="ok",
        roster=outcome.roster,
        priority=outcome.priority,
        conflicts=(),
        explanation=explanation,
        warnings=notes + editorial_warnings(outcome.roster, rules),
        optimal=outcome.optimal,
        pool_size=len(pool),
        seconds=outcome.seconds,
    )


def pool_warnings(pool: Sequence[Candidate], rules: MixRules) -> tuple[str, ...]:
    """Likely slips: a rule naming a party or gender nobody has, a conflict with nobody."""
    out = []
    ids = {c.id for c in pool}
    for c in pool:
        for other in c.conflicts:
            if other not in ids:
                out.append(f"{c.id} lists '{other}' in conflicts, who is not in the pool")
    values = {
        RuleKind.PARTY_MIN: {c.party for c in pool},
        RuleKind.PARTY_MAX: {c.party for c in pool},
        RuleKind.GENDER_MIN_SHARE: {c.gender for c in pool},
    }
    for rule in rules.rules:
        known = values.get(rule.kind)
        if known is not None and rule.subject not in known:
            what = "party" if rule.kind is not RuleKind.GENDER_MIN_SHARE else "gender"
            out.append(f"{rule.name}: no candidate in the pool has {what} '{rule.subject}'")
    return tuple(out)
