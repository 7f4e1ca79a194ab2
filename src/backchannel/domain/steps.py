"""Steps of a non-paper: discrete, testable actions with who, when, how and a test."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from backchannel.domain import _validate as v


class StepStatus(enum.StrEnum):
    PLANNED = "planned"
    UNDER_WAY = "under_way"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    what: str
    who: str
    when: date
    how: str
    test: str
    status: StepStatus = StepStatus.PLANNED

    def __post_init__(self) -> None:
        v.ident(self.id, "id")
        for name in ("what", "who", "how", "test"):
            v.text(getattr(self, name), name)
