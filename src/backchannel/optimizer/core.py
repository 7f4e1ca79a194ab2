"""Which rules cannot all hold: a minimal infeasible subset of the mix rules.

Each rule is enforced only under its own literal; CP-SAT, solving under all of them as
assumptions, returns a sufficient set of literals for infeasibility. Deletion filtering then
shrinks that set to a minimal one: drop one rule, and if the rest still cannot hold, keep
it dropped (and take the solver's smaller core); otherwise the rule is needed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from backchannel.domain.mix import MixRules, Rule, RuleKind
from backchannel.domain.people import Candidate
from backchannel.optimizer._model import build_model

# Rules tried for removal last are the ones a minimal core keeps when it has a choice.
_KEEP_LAST = (RuleKind.SIZE_MAX, RuleKind.SIZE_MIN)
QUICK = 1.0  # seconds for a proof without presolve before presolve is tried


@dataclass(frozen=True, slots=True)
class Core:
    """Rules that cannot all hold; `minimal` when every one of them was shown necessary."""

    rules: tuple[Rule, ...]
    minimal: bool
    seconds: float


def conflicting_rules(
    pool: Sequence[Candidate],
    rules: MixRules,
    *,
    time_limit: float = 10.0,
    workers: int = 1,
) -> Core | None:
    """A minimal set of rules that cannot all hold on this pool, or None if all can."""
    started = time.perf_counter()
    built = build_model(pool, rules, guarded=True)
    names = {built.guards[r.name].Index(): r.name for r in rules.rules}
    by_name = rules.by_name()

    def solve(subset: Sequence[str]) -> tuple[bool | None, list[str]]:
        """Whether `subset` can hold (None: undecided in time), and a core if it cannot."""
        model = built.model
        model.clear_assumptions()
        model.add_assumptions([built.guards[n] for n in subset])
        # Without presolve most proofs take a tenth of the time (0.03 s instead of 0.4 s at
        # 5,000 people); when one does not come quickly, presolve gets the remaining time.
        for presolve, budget in ((False, QUICK), (True, None)):
            remaining = time_limit - (time.perf_counter() - started)
            solver = cp_model.CpSolver()
            solver.parameters.num_workers = workers
            # Guarded linear rules are proven infeasible quickly only with the full LP.
            solver.parameters.linearization_level = 2
            solver.parameters.cp_model_presolve = presolve
            limit = remaining if budget is None else min(budget, remaining)
            solver.parameters.max_time_in_seconds = max(limit, 0.05)
            status = solver.solve(model)
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                return True, []
            if status == cp_model.INFEASIBLE:
                # Indices of the guard variables in the model, not positions in `subset`.
                found = {names[i] for i in solver.sufficient_assumptions_for_infeasibility()}
                return False, [n for n in subset if n in found]
        return None, []

    can_hold, core = solve([r.name for r in rules.rules])
    if can_hold is not False:
        return None
    # The size bounds join the set and are tried last, so that the core keeps them when
    # it can: "a roster of at least 10" explains more than "a technical expert".
    core += [r.name for r in rules.of(*_KEEP_LAST) if r.name not in core]
    core = sorted(core, key=lambda n: by_name[n].kind in _KEEP_LAST)
    minimal = True
    position = 0
    while position < len(core):
        trial = core[:position] + core[position + 1 :]
        can_hold, smaller = solve(trial)
        if can_hold is False:
            # Keep the order of `core`; `smaller` may also drop rules not yet tried.
            kept = set(smaller) if smaller else set(trial)
            position = sum(1 for n in core[:position] if n in kept)
            core = [n for n in core if n in kept]
        else:
            minimal = minimal and can_hold is True
            position += 1
    ordered = tuple(r for r in rules.rules if r.name in set(core))
    return Core(ordered, minimal, time.perf_counter() - started)
