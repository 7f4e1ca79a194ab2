"""The best roster: highest total priority, then most distinct affiliations, proven optimal.

Two solves, because one weighted objective (priority * BIG + distinct) leaves CP-SAT with a
weak bound on large pools:
1. maximise total priority; infeasible means no roster exists, so find the conflicting rules;
2. if the roster found does not already reach the most distinct affiliations any roster
   could have, fix the priority at its optimum and maximise distinct affiliations.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from backchannel.domain import mix
from backchannel.domain.errors import BlockingFindingError
from backchannel.domain.mix import MixRules, Rule
from backchannel.domain.people import Candidate
from backchannel.optimizer._model import RosterModel, affiliation_groups, build_model
from backchannel.optimizer.core import conflicting_rules

DEFAULT_TIME_LIMIT = mix.DEFAULT_TIME_LIMIT  # re-exported: optimizer.DEFAULT_TIME_LIMIT
# One worker: as fast as two on these models (bench/select_bench.py), and deterministic, so
# the same pool and rules always give the same roster when several tie.
DEFAULT_WORKERS = 1


@dataclass(frozen=True, slots=True)
class Outcome:
    """The chosen roster (pool order), or the rules that cannot all hold."""

    roster: tuple[Candidate, ...]
    conflicts: tuple[Rule, ...]
    optimal: bool  # a proven optimum, or a core proven minimal
    seconds: float

    @property
    def feasible(self) -> bool:
        return not self.conflicts

    @property
    def priority(self) -> int:
        return sum(c.priority for c in self.roster)

    @property
    def distinct_affiliations(self) -> int:
        return len({c.affiliation for c in self.roster if c.affiliation})


def select_roster(
    pool: Sequence[Candidate],
    rules: MixRules,
    *,
    time_limit: float = DEFAULT_TIME_LIMIT,
    workers: int = DEFAULT_WORKERS,
) -> Outcome:
    """The roster that meets every rule with the highest total priority (ties: more distinct
    affiliations), or a minimal set of rules that cannot all hold."""
    started = time.perf_counter()
    built = build_model(pool, rules)
    priority = cp_model.LinearExpr.weighted_sum(
        built.chosen, [c.priority for c in built.candidates]
    )
    built.model.maximize(priority)
    solver = _solver(workers, time_limit)
    status = solver.solve(built.model)
    if status == cp_model.INFEASIBLE:
        left = max(time_limit - (time.perf_counter() - started), 1.0)
        core = conflicting_rules(pool, rules, time_limit=left, workers=1)
        if core is None:  # cannot happen: the same rules, all enforced, were infeasible
            raise BlockingFindingError("the solver disagreed with itself; please report it")
        return Outcome((), core.rules, core.minimal, time.perf_counter() - started)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise BlockingFindingError(
            f"no roster found and none proven impossible within {time_limit:g} s; allow more time"
        )
    optimal = status == cp_model.OPTIMAL
    roster = [built.candidates[i] for i in _picked(solver, built)]
    if optimal and _distinct(roster) < _most_distinct(built.candidates, rules):
        best = int(solver.objective_value)
        roster, optimal = _tie_break(built.candidates, rules, best, roster, started, time_limit)
    return Outcome(tuple(roster), (), optimal, time.perf_counter() - started)


def _solver(workers: int, time_limit: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.max_time_in_seconds = time_limit
    return solver


def _picked(solver: cp_model.CpSolver, built: RosterModel) -> list[int]:
    return [i for i, x in enumerate(built.chosen) if solver.boolean_value(x)]


def _distinct(roster: Sequence[Candidate]) -> int:
    return len({c.affiliation for c in roster if c.affiliation})


def _most_distinct(candidates: Sequence[Candidate], rules: MixRules) -> int:
    """An upper bound on the distinct affiliations of any roster."""
    return min(rules.size_max, len(affiliation_groups(list(candidates))))


def _tie_break(
    candidates: list[Candidate],
    rules: MixRules,
    best: int,
    roster: list[Candidate],
    started: float,
    time_limit: float,
) -> tuple[list[Candidate], bool]:
    """Among rosters of total priority `best`, one with the most distinct affiliations.

    First among the highest priorities only (and the roster found): quick, and proven best
    when it reaches the upper bound. Otherwise on the whole pool."""
    bound = _most_distinct(candidates, rules)
    keep = {c.id for c in roster}
    ranked = sorted(candidates, key=lambda c: -c.priority)[: _SHORTLIST * rules.size_max]
    keep.update(c.id for c in ranked)
    shortlist = [c for c in candidates if c.id in keep]
    for pool in (shortlist, candidates):
        left = time_limit - (time.perf_counter() - started)
        found, proven = _most_distinct_at(pool, rules, best, roster, max(left, 0.1))
        if found is not None and _distinct(found) >= _distinct(roster):
            roster = found
        if _distinct(roster) >= bound or (proven and len(pool) == len(candidates)):
            return roster, True
    return roster, False


_SHORTLIST = 20  # people per seat on the shortlist of the first tie-break


def _most_distinct_at(
    pool: list[Candidate], rules: MixRules, best: int, hint: list[Candidate], time_limit: float
) -> tuple[list[Candidate] | None, bool]:
    """The most distinct affiliations among rosters from `pool` of total priority `best`."""
    built = build_model(pool, rules)
    model = built.model
    priority = [c.priority for c in built.candidates]
    model.add(cp_model.LinearExpr.weighted_sum(built.chosen, priority) >= best)
    seen = []
    for group in affiliation_groups(built.candidates):
        y = model.new_bool_var("")
        model.add(y <= sum(built.chosen[i] for i in group))
        seen.append(y)
    model.add(sum(seen) <= sum(built.chosen))  # redundant; it tightens the LP bound
    model.maximize(sum(seen))
    hinted = {c.id for c in hint}
    for c, x in zip(built.candidates, built.chosen, strict=True):
        model.add_hint(x, c.id in hinted)
    # Once the priority is fixed, presolve costs more than it saves, and one worker beats
    # two (at 5,000 people: 0.5 s, against 0.9 s with presolve and 1.4 s with two).
    solver = _solver(1, time_limit)
    solver.parameters.cp_model_presolve = False
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    picked = [built.candidates[i] for i in _picked(solver, built)]
    return picked, status == cp_model.OPTIMAL
