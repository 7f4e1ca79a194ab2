"""The scope record (pillar 1): one solvable problem, a place, the parties, a horizon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from backchannel.domain import _validate as v
from backchannel.domain.errors import BadInputError

DEFAULT_HORIZON_DAYS = 90
MAX_HORIZON_DAYS = 90


@dataclass(frozen=True, slots=True)
class Scope:
    """What the dialogue is for. `horizon_days` counts from the first meeting."""

    problem: str
    places: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    horizon_days: int = DEFAULT_HORIZON_DAYS
    success_test: str = ""

    def __post_init__(self) -> None:
        v.text(self.problem, "problem", max_len=2000)
        if self.horizon_days <= 0:
            raise BadInputError(
                f"{self.horizon_days} is not a horizon: give a number of days above zero",
                field="horizon_days",
            )
        if self.horizon_days > 3650:
            raise BadInputError(
                f"{self.horizon_days} days is beyond any dialogue's horizon",
                field="horizon_days",
            )

    def horizon_ends(self, first_meeting: date) -> date:
        return first_meeting + timedelta(days=self.horizon_days)
