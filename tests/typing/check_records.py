"""Checked by mypy --strict (not run): the records' types hold for callers."""

from __future__ import annotations

from datetime import date

from backchannel.domain.options import Rating
from backchannel.domain.people import Candidate, Category
from backchannel.domain.scope import Scope
from backchannel.domain.scope_lint import ScopeFinding, lint_scope, scope_ok

candidate = Candidate(id="c001", name="A Person", party="A", category=Category.TECHNICAL_EXPERT)
rating = Rating(option="opt1", rater="p-0123456789abcdef", party="A", score=2)
scope = Scope(problem="Agree access triggers for the Sarn corridor within 90 days.")
end: date = scope.horizon_ends(date(2027, 1, 18))
findings: tuple[ScopeFinding, ...] = lint_scope(scope.problem, scope.horizon_days)
ok: bool = scope_ok(findings)
priority: int = candidate.priority
