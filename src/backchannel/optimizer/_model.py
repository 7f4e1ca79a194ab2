"""The CP-SAT model of a roster: one Boolean per available candidate, one constraint per rule.

Every rule is linear in the candidates' Booleans; a gender share `p/q` of the roster becomes
`q * count(gender) >= p * size`, exactly. With `guarded=True` each rule is enforced only
under its own literal, so the solver can name the rules that cannot all hold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from backchannel.domain.mix import MixRules, Rule, RuleKind
from backchannel.domain.people import Candidate


@dataclass(slots=True)
class RosterModel:
    """A built model: `chosen[i]` is the Boolean of `candidates[i]` (available ones only)."""

    model: cp_model.CpModel
    candidates: list[Candidate]
    chosen: list[cp_model.IntVar]
    guards: dict[str, cp_model.IntVar]  # rule name -> literal (guarded models only)


def build_model(
    pool: Sequence[Candidate],
    rules: MixRules,
    *,
    guarded: bool = False,
) -> RosterModel:
    """The model of every rule on this pool (no objective: the caller sets one)."""
    model = cp_model.CpModel()
    candidates = [c for c in pool if c.available]
    chosen = [model.new_bool_var(f"x_{i}") for i in range(len(candidates))]
    index = {c.id: i for i, c in enumerate(candidates)}
    zero = model.new_constant(0)
    _conflicts(model, candidates, chosen, index)
    guards: dict[str, cp_model.IntVar] = {}
    for rule in rules.rules:
        guard = None
        if guarded:
            guard = guards[rule.name] = model.new_bool_var(rule.name)
        for terms, low, high in _rule_rows(rule, candidates):
            variables = [zero, *(chosen[i] for i, _ in terms)]
            coefs = [0, *(k for _, k in terms)]
            expr = cp_model.LinearExpr.weighted_sum(variables, coefs)
            constraint = model.add_linear_constraint(expr, low, high)
            if guard is not None:
                constraint.only_enforce_if(guard)
    return RosterModel(model, candidates, chosen, guards)


_BIG = 1 << 40


def _conflicts(
    model: cp_model.CpModel,
    candidates: list[Candidate],
    chosen: list[cp_model.IntVar],
    index: dict[str, int],
) -> None:
    """Always in force: two candidates where one lists the other are not both chosen."""
    pairs = set()
    for i, c in enumerate(candidates):
        for other in c.conflicts:
            j = index.get(other)
            if j is not None and j != i:
                pairs.add((min(i, j), max(i, j)))
    for i, j in sorted(pairs):
        model.add_bool_or([chosen[i].Not(), chosen[j].Not()])


def _rule_rows(
    rule: Rule, candidates: list[Candidate]
) -> list[tuple[list[tuple[int, int]], int, int]]:
    """The rule as linear rows `low <= sum(coef * x_i) <= high`, terms as (i, coef)."""
    everyone = [(i, 1) for i in range(len(candidates))]
    counted = [(i, 1) for i, c in enumerate(candidates) if rule.counts(c)]
    kind = rule.kind
    if kind in (RuleKind.SIZE_MIN, RuleKind.SIZE_MAX):
        counted = everyone
    if kind in (RuleKind.SIZE_MIN, RuleKind.CATEGORY_MIN, RuleKind.PARTY_MIN):
        return [(counted, rule.limit, _BIG)]
    if kind in (RuleKind.SIZE_MAX, RuleKind.CATEGORY_MAX, RuleKind.PARTY_MAX):
        return [(counted, -_BIG, rule.limit)]
    if kind is RuleKind.GENDER_MIN_SHARE:
        p, q = rule.share.numerator, rule.share.denominator
        terms = [(i, q * rule.counts(c) - p) for i, c in enumerate(candidates)]
        return [([t for t in terms if t[1]], 0, _BIG)]
    if kind is RuleKind.AFFILIATION_MAX_PER:
        groups = affiliation_groups(candidates)
        return [([(i, 1) for i in g], -_BIG, rule.limit) for g in groups if len(g) > rule.limit]
    if kind in (RuleKind.CHANNEL_REQUIRED, RuleKind.INCLUDE):
        return [(counted, 1, _BIG)]
    return [(counted, 0, 0)]  # EXCLUDE


def affiliation_groups(candidates: list[Candidate]) -> list[list[int]]:
    """Indices of the candidates of each organisation; a blank affiliation is none."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(candidates):
        if c.affiliation:
            groups[c.affiliation].append(i)
    return list(groups.values())
