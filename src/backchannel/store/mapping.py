"""Rows <-> domain records. Lists are stored as `;`-joined text, as in the CSV formats."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from backchannel.domain.dialogue import Interlocutor, Meeting, Party
from backchannel.domain.people import Candidate, Category
from backchannel.domain.ripeness import Confidence, Element, ElementScore, PartyAssessment
from backchannel.domain.scope import Scope


def join(items: Sequence[str]) -> str:
    return ";".join(items)


def split(value: str | None) -> tuple[str, ...]:
    return tuple(i for i in (value or "").split(";") if i)


def candidate_row(c: Candidate) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "aliases": join(c.aliases),
        "party": c.party,
        "category": c.category.value,
        "gender": c.gender,
        "affiliation": c.affiliation,
        "title": c.title,
        "channels": join(c.channels),
        "available": c.available,
        "conflicts": join(c.conflicts),
        "priority": c.priority,
    }


def candidate_record(row: Mapping[Any, Any]) -> Candidate:
    return Candidate(
        id=row["id"],
        name=row["name"],
        aliases=split(row["aliases"]),
        party=row["party"],
        category=Category(row["category"]),
        gender=row["gender"],
        affiliation=row["affiliation"],
        title=row["title"],
        channels=split(row["channels"]),
        available=bool(row["available"]),
        conflicts=split(row["conflicts"]),
        priority=int(row["priority"]),
    )


def party_record(row: Mapping[Any, Any]) -> Party:
    return Party(code=row["code"], name=row["name"])


def interlocutor_record(row: Mapping[Any, Any]) -> Interlocutor:
    return Interlocutor(code=row["code"], name=row["name"], party=row["party"])


def meeting_record(row: Mapping[Any, Any]) -> Meeting:
    return Meeting(number=row["number"], starts=row["starts"], days=row["days"], venue=row["venue"])


def scope_row(s: Scope) -> dict[str, Any]:
    return {
        "problem": s.problem,
        "places": join(s.places),
        "parties": join(s.parties),
        "horizon_days": s.horizon_days,
        "success_test": s.success_test,
    }


def scope_record(row: Mapping[Any, Any]) -> Scope:
    return Scope(
        problem=row["problem"],
        places=split(row["places"]),
        parties=split(row["parties"]),
        horizon_days=row["horizon_days"],
        success_test=row["success_test"],
    )


def assessment_record(
    row: Mapping[Any, Any], scores: Sequence[Mapping[Any, Any]]
) -> PartyAssessment:
    return PartyAssessment(
        party=row["party"],
        assessed_on=row["assessed_on"],
        indicators_seen=split(row["indicators_seen"]),
        scores=tuple(
            ElementScore(
                element=Element(s["element"]),
                score=s["score"],
                evidence=s["evidence"],
                confidence=Confidence(s["confidence"]),
            )
            for s in scores
        ),
    )
