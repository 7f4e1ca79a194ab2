"""The exact roster optimizer (OR-Tools CP-SAT) and the conflicting rules when none exists."""

from backchannel.optimizer.core import Core, conflicting_rules
from backchannel.optimizer.solve import DEFAULT_TIME_LIMIT, DEFAULT_WORKERS, Outcome, select_roster

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "DEFAULT_WORKERS",
    "Core",
    "Outcome",
    "conflicting_rules",
    "select_roster",
]
