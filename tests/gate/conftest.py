"""A roster of invented participants from many naming traditions, and a gate built on it.

tests/gate/fixtures/roster.csv holds sixteen invented people: Arabic names with articles
and Abd- compounds, Vietnamese, Korean and Chinese family-first names, Zulu, Yoruba,
Swahili, Pashto, Polish, Ukrainian, Spanish with particles, Burmese without a surname,
Uzbek with a Slavic ending, and English given names that are ordinary words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from backchannel.domain.people import Candidate
from backchannel.gate import Finding, Gate
from backchannel.readers.candidates import read_candidates

FIXTURES = Path(__file__).parent / "fixtures"
ROSTER = FIXTURES / "roster.csv"


@cache
def roster() -> tuple[Candidate, ...]:
    return read_candidates(ROSTER)


@cache
def gate_for(k: int = 2) -> Gate:
    return Gate(roster(), k=k)


@dataclass(frozen=True)
class Found:
    """The findings in one text, with questions about a part of that text."""

    text: str
    findings: list[Finding]

    def _over(self, part: str) -> list[Finding]:
        i = self.text.index(part)
        j = i + len(part)
        return [f for f in self.findings if f.start < j and i < f.end]

    def covers(self, part: str) -> bool:
        return bool(self._over(part))

    def who(self, part: str) -> str | None:
        over = self._over(part)
        return over[0].participant if over else None

    def kind(self, part: str) -> str | None:
        over = self._over(part)
        return over[0].kind if over else None

    def texts(self) -> list[str]:
        return [f.text for f in self.findings]


@pytest.fixture
def gate() -> Gate:
    return gate_for()


@pytest.fixture
def find(gate: Gate) -> Callable[[str], Found]:
    return lambda text: Found(text, gate.scan(text))
