"""The five rounds of a meeting and what is captured in them, without attribution."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from backchannel.domain import _validate as v


class RoundName(enum.StrEnum):
    FRAMING = "framing"
    INTERESTS = "interests"
    OPTIONS = "options"
    CONSEQUENCES = "consequences"
    PACKAGING = "packaging"


ROUND_ORDER: tuple[RoundName, ...] = tuple(RoundName)


class ContributionKind(enum.StrEnum):
    REFRAMING = "reframing"
    INTEREST = "interest"
    CONSTRAINT = "constraint"
    OPTION = "option"
    CONSEQUENCE = "consequence"
    RISK = "risk"


@dataclass(frozen=True, slots=True)
class Round:
    """One round of a meeting with its timebox in minutes."""

    name: RoundName
    minutes: int

    def __post_init__(self) -> None:
        v.int_range(self.minutes, 5, 24 * 60, "minutes")


@dataclass(frozen=True, slots=True)
class Contribution:
    """A captured point in a round. Tied at most to a party, never to a person."""

    round: RoundName
    kind: ContributionKind
    text: str
    party: str | None = None

    def __post_init__(self) -> None:
        v.text(self.text, "text")
