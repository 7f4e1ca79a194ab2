"""Options generated in a meeting, anonymous ratings of them, and packages of options."""

from __future__ import annotations

from dataclasses import dataclass

from backchannel.domain import _validate as v
from backchannel.domain.errors import BadInputError

SCORES = (-2, -1, 0, 1, 2)


@dataclass(frozen=True, slots=True)
class Option:
    """An option the room generated, without commitment and without an author."""

    code: str
    title: str
    description: str = ""
    serves: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        v.ident(self.code, "option")
        v.text(self.title, "title", max_len=300)


@dataclass(frozen=True, slots=True)
class Rating:
    """One rating of an option: a salted pseudonym and the rater's party, never a person."""

    option: str
    rater: str
    party: str
    score: int

    def __post_init__(self) -> None:
        v.ident(self.option, "option")
        v.text(self.rater, "rater", max_len=128)
        v.text(self.party, "party", max_len=100)
        if self.score not in SCORES:
            raise BadInputError(f"{self.score} is not a score from -2 to +2", field="score")


@dataclass(frozen=True, slots=True)
class Package:
    """Options chosen together for relay to Track I, in order."""

    title: str
    options: tuple[str, ...]

    def __post_init__(self) -> None:
        v.text(self.title, "title", max_len=300)
        if not self.options:
            raise BadInputError("a package needs at least one option", field="options")
