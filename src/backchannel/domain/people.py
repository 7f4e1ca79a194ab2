"""Candidates in the pool and participants on the roster, with their consent."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from backchannel.domain import _validate as v
from backchannel.domain.errors import BadInputError


class Category(enum.StrEnum):
    AUTHORITATIVE_PROXY = "authoritative_proxy"
    TECHNICAL_EXPERT = "technical_expert"
    COMMUNITY_VOICE = "community_voice"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person in the pool. Names live only here (and in the encrypted store)."""

    id: str
    name: str
    party: str
    category: Category
    gender: str = ""
    affiliation: str = ""
    title: str = ""
    aliases: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    available: bool = True
    priority: int = 0

    def __post_init__(self) -> None:
        v.ident(self.id, "id")
        v.text(self.name, "name", max_len=200)
        v.text(self.party, "party", max_len=100)
        v.text(self.gender, "gender", max_len=32, required=False)
        v.text(self.affiliation, "affiliation", max_len=200, required=False)
        v.text(self.title, "title", max_len=200, required=False)
        v.choice(str(self.category), [c.value for c in Category], "category")
        v.int_range(self.priority, 0, 10, "priority")
        if self.id in self.conflicts:
            raise BadInputError("a candidate cannot conflict with themselves", field="conflicts")


@dataclass(frozen=True, slots=True)
class Consent:
    """A participant's recorded consent to one version of the charter."""

    candidate: str
    charter_version: int
    given_on: date
    how: str

    def __post_init__(self) -> None:
        v.ident(self.candidate, "candidate")
        v.positive(self.charter_version, "charter version")
        v.text(self.how, "how", max_len=200)


@dataclass(frozen=True, slots=True)
class Participant:
    """A candidate on the roster of a dialogue, with their consents (latest last)."""

    candidate: Candidate
    consents: tuple[Consent, ...] = ()

    def has_consented_to(self, charter_version: int) -> bool:
        return any(c.charter_version == charter_version for c in self.consents)
