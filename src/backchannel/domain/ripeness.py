"""Ripeness (Zartman): per party, how far each element of a ripe moment holds.

Elements are scored 0 (absent) to 3 (strongly present), each with evidence and the
assessor's confidence. `read_ripeness` turns the assessments into a reading with reasons
and what would change it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from backchannel.domain import _validate as v
from backchannel.domain.errors import BadInputError


class Element(enum.StrEnum):
    HURTING = "hurting"
    STALEMATE = "stalemate"
    PRECIPICE = "precipice"
    WAY_OUT = "way_out"
    SPOKESPERSONS = "spokespersons"


class Confidence(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Reading(enum.StrEnum):
    RIPE = "ripe"
    RIPENING = "ripening"
    NOT_RIPE = "not_ripe"


@dataclass(frozen=True, slots=True)
class ElementScore:
    element: Element
    score: int
    evidence: str
    confidence: Confidence = Confidence.MEDIUM

    def __post_init__(self) -> None:
        v.int_range(self.score, 0, 3, f"{self.element}.score")
        v.text(self.evidence, f"{self.element}.evidence", required=self.score > 0)


@dataclass(frozen=True, slots=True)
class PartyAssessment:
    """One assessor's reading of one party on a given day."""

    party: str
    assessed_on: date
    scores: tuple[ElementScore, ...]
    indicators_seen: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        v.text(self.party, "party", max_len=100)
        seen = [s.element for s in self.scores]
        if len(set(seen)) != len(seen):
            raise BadInputError("an element is scored twice", field="scores")
        missing = [e.value for e in Element if e not in seen]
        if missing:
            raise BadInputError(f"missing element(s): {', '.join(missing)}", field="scores")

    def score(self, element: Element) -> ElementScore:
        return next(s for s in self.scores if s.element == element)


# --- the reading ------------------------------------------------------------------------------
# The rule (Zartman), per party, on scores 0 absent, 1 weak, 2 present, 3 strong:
# - a mutually hurting stalemate (MHS) holds when min(hurting, stalemate) >= 2; a precipice
#   (recent or impending catastrophe) of 2 or more makes up for one missing point, never for an
#   element that is absent (0);
# - a way out holds when way_out >= 2; valid spokespersons when spokespersons >= 2.
# A party is ripe when all three hold, ripening when the MHS holds but something else falls
# short (or rests on a low-confidence score), not ripe without an MHS. The dialogue is ripe
# when every party is ripe; ripening when at least two parties perceive an MHS; not ripe when
# fewer than two do (one party's pain is not a mutual stalemate).
THRESHOLD = 2
_LEVEL = ("absent", "weak", "present", "strong")
_NAME = {
    Element.HURTING: "hurting",
    Element.STALEMATE: "stalemate",
    Element.PRECIPICE: "precipice",
    Element.WAY_OUT: "way out",
    Element.SPOKESPERSONS: "spokespersons",
}


@dataclass(frozen=True, slots=True)
class PartyReading:
    """One party's reading; `low_confidence` names the low-confidence scores it rests on."""

    party: str
    reading: Reading
    mhs: bool
    way_out: bool
    spokespersons: bool
    low_confidence: tuple[Element, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RipenessReading:
    reading: Reading
    reasons: tuple[str, ...]
    would_change: tuple[str, ...]
    by_party: tuple[PartyReading, ...]


def _said(element: Element, score: int) -> str:
    return f"{_NAME[element]} {score}/3, {_LEVEL[score]}"


def _scores_for(elements: Sequence[Element]) -> str:
    names = _and([_NAME[e] for e in elements])
    return f"score for {names}" if len(elements) == 1 else f"scores for {names}"


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _latest(assessments: Sequence[PartyAssessment]) -> tuple[list[PartyAssessment], list[str]]:
    """Each party's most recent assessment, in order of first appearance. Two assessments of
    one party on the same day are merged element by element, keeping the lower score."""
    latest: dict[str, PartyAssessment] = {}
    notes: list[str] = []
    for a in assessments:
        held = latest.get(a.party)
        if held is None or a.assessed_on > held.assessed_on:
            latest[a.party] = a
        elif a.assessed_on == held.assessed_on:
            merged = []
            for element in Element:
                mine, theirs = held.score(element), a.score(element)
                if mine.score != theirs.score:
                    notes.append(
                        f"Two assessments of Party {a.party} on {a.assessed_on.isoformat()} "
                        f"differ on {_NAME[element]} ({mine.score} and {theirs.score}); "
                        "the lower is used."
                    )
                merged.append(min(mine, theirs, key=lambda s: (s.score, s.confidence != "low")))
            seen = held.indicators_seen + a.indicators_seen
            latest[a.party] = PartyAssessment(a.party, a.assessed_on, tuple(merged), seen)
    return list(latest.values()), notes


def _read_party(a: PartyAssessment) -> PartyReading:
    h, s, p, w, k = (a.score(e).score for e in Element)
    base = min(h, s)
    propped = base == THRESHOLD - 1 and p >= THRESHOLD
    mhs = base >= THRESHOLD or propped
    way_out, spokes = w >= THRESHOLD, k >= THRESHOLD
    used = [Element.HURTING, Element.STALEMATE, Element.WAY_OUT, Element.SPOKESPERSONS]
    if propped:
        used.append(Element.PRECIPICE)
    low = tuple(e for e in Element if e in used and a.score(e).confidence == Confidence.LOW)
    who = f"Party {a.party}"
    pain = f"{_said(Element.HURTING, h)}, {_said(Element.STALEMATE, s)}"
    if propped:
        reasons = [
            f"{who} perceives a mutually hurting stalemate ({pain}) because the precipice "
            f"({p}/3) makes up for the missing point."
        ]
    elif mhs:
        reasons = [f"{who} perceives a mutually hurting stalemate ({pain})."]
    else:
        why = f"{who} does not perceive a mutually hurting stalemate ({pain}"
        if base == 0 and p >= THRESHOLD:
            why += f"; a precipice ({p}/3) cannot make up for an element that is absent"
        reasons = [why + ")."]
    reasons.append(
        f"{who} sees a way out ({_said(Element.WAY_OUT, w)})."
        if way_out
        else f"{who} sees no way out ({_said(Element.WAY_OUT, w)})."
    )
    reasons.append(
        f"{who} has valid spokespersons who can deliver its side ({k}/3)."
        if spokes
        else f"{who} has no valid spokesperson who can deliver its side ({k}/3)."
    )
    if low:
        verb = "rests" if len(low) == 1 else "rest"
        reasons.append(f"{who}'s {_scores_for(low)} {verb} on low confidence.")
    if not mhs:
        reading = Reading.NOT_RIPE
    elif way_out and spokes and not low:
        reading = Reading.RIPE
    else:
        reading = Reading.RIPENING
    return PartyReading(a.party, reading, mhs, way_out, spokes, low, tuple(reasons))


def _advice(a: PartyAssessment, r: PartyReading) -> list[str]:
    """What would change this party's reading, in terms of the six pillars."""
    h, s, p = (a.score(e).score for e in (Element.HURTING, Element.STALEMATE, Element.PRECIPICE))
    who = f"Party {r.party}"
    out = []
    if not r.mhs and h < THRESHOLD:
        out.append(
            f"{who} does not feel the cost of the conflict (hurting {h}): watch its indicators "
            "(fatality trend, losses); the evidence brief can set out the costs in "
            f"{who}'s own terms, without taking sides."
        )
    if not r.mhs and s < THRESHOLD:
        out.append(
            f"{who} still expects to gain by pressing on (stalemate {s}): watch front-line "
            "stability in the event data; a neutral brief on the balance on the ground can help "
            f"{who}'s proxies see the deadlock."
        )
    if not r.mhs and min(h, s) == THRESHOLD - 1 and p < THRESHOLD:
        out.append(
            f"A looming catastrophe would tip {who} (precipice {p}): if one is coming (a failed "
            "harvest, a dam, the winter), put it in the brief with its dates."
        )
    if not r.spokespersons:
        out.append(
            f"{who} has no valid spokesperson in the room: seek an authoritative proxy with a "
            f"channel to {who}'s leadership (a mix rule can require one)."
        )
    if r.low_confidence:
        out.append(
            f"Confirm {who}'s {_scores_for(r.low_confidence)} with a second, independent "
            "source before convening: the reading rests on it."
        )
    return out


def _headline(parties: list[PartyReading]) -> tuple[Reading, str]:
    feel = [f"Party {r.party}" for r in parties if r.mhs]
    numb = [f"Party {r.party}" for r in parties if not r.mhs]
    if len(parties) == 1:
        return Reading.NOT_RIPE, (
            f"Only {feel[0] if feel else numb[0]} is assessed: a stalemate is mutually hurting "
            "only when more than one party feels it."
        )
    if not feel:
        return Reading.NOT_RIPE, "No party perceives a mutually hurting stalemate."
    if len(feel) == 1:
        return Reading.NOT_RIPE, (
            f"Only {feel[0]} perceives a mutually hurting stalemate; ripeness needs the parties "
            "to feel it together."
        )
    if all(r.reading == Reading.RIPE for r in parties):
        return Reading.RIPE, (
            f"Every party ({_and(feel)}) perceives a mutually hurting stalemate, sees a way out "
            "and has valid spokespersons: the moment is ripe."
        )
    if numb:
        return Reading.RIPENING, (
            f"{_and(feel)} perceive a mutually hurting stalemate; {_and(numb)} not yet."
        )
    return Reading.RIPENING, "Every party perceives a mutually hurting stalemate."


def read_ripeness(assessments: Sequence[PartyAssessment]) -> RipenessReading:
    """Zartman's ripeness over each party's latest assessment (the rule is stated above)."""
    if not assessments:
        raise BadInputError("no assessment to read: assess the parties first", field="assessments")
    latest, notes = _latest(assessments)
    parties = [_read_party(a) for a in latest]
    reading, headline = _headline(parties)
    reasons, change = [headline], []
    if len(parties) == 1:
        change.append("Assess the other parties before reading ripeness.")
    no_way = [r.party for r in parties if not r.way_out]
    if len(no_way) == len(parties):
        reasons.append("No party sees a way out.")
        change.append(
            "No party sees a way out: design the first meeting's option round to build one "
            "(examples of face-saving formulas, phased and reversible steps, precedents from "
            "comparable cases)."
        )
    else:
        for p in no_way:
            reasons.append(f"Party {p} sees no way out.")
            change.append(
                f"Party {p} sees no way out: in the option round, test formulas that let Party "
                f"{p} show a gain to its own constituency, and phased steps it can reverse if "
                "the other side does not follow."
            )
    reasons.extend(
        f"Party {r.party} has no valid spokesperson." for r in parties if not r.spokespersons
    )
    low = [r for r in parties if r.low_confidence]
    if low:
        where = "; ".join(
            f"Party {r.party}: {_and([_NAME[e] for e in r.low_confidence])}" for r in low
        )
        softened = len(parties) > 1 and all(
            r.mhs and r.way_out and r.spokespersons for r in parties
        )
        reasons.append(
            f"Every element holds, but some on low-confidence scores ({where}): reported as "
            "ripening, not ripe, until they are confirmed."
            if softened
            else f"Some scores are low-confidence ({where}): treat this reading as provisional."
        )
    for a, r in zip(latest, parties, strict=True):
        change.extend(_advice(a, r))
    if reading == Reading.RIPE:
        change.append(
            "Convene soon, while the moment lasts: keep the scope tight (one problem, next steps "
            "within 90 days) and re-assess after the first meeting."
        )
    elif reading == Reading.RIPENING:
        change.append("Re-assess before each meeting: a ripening moment can also pass.")
    elif len(parties) > 1:
        change.append(
            "Until then, keep any dialogue narrow and exploratory: one technical or humanitarian "
            "question where a small step is possible now can prepare the ground."
        )
    return RipenessReading(reading, tuple(reasons + notes), tuple(change), tuple(parties))
