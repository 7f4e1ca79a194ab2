"""The dialogue, scope and ripeness files of a dialogue folder (see examples/demo/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from backchannel.domain.dialogue import Dialogue, Interlocutor, Meeting, Party
from backchannel.domain.errors import BadInputError
from backchannel.domain.ripeness import Confidence, Element, ElementScore, PartyAssessment
from backchannel.domain.scope import DEFAULT_HORIZON_DAYS, Scope
from backchannel.readers._tomlfile import integer, load_toml, string, strings


def _located(error: BadInputError, file: str, prefix: str) -> BadInputError:
    field = f"{prefix}.{error.field}" if error.field else prefix
    return BadInputError(error.message, file=file, row=error.row, field=field)


def _items(data: dict[str, Any], key: str, file: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise BadInputError(f"must be a list of [[{key}]] tables", file=file, field=key)
    return value


def _date(value: object, file: str, field: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise BadInputError(f"'{str(value)[:40]}' is not a date (YYYY-MM-DD)", file=file, field=field)


def _flag(data: dict[str, Any], key: str, file: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise BadInputError("must be true or false (no quotes)", file=file, field=key)
    return value


def read_dialogue(path: Path) -> Dialogue:
    file = path.name
    data = load_toml(path)
    parties = []
    for n, p in enumerate(_items(data, "parties", file), 1):
        try:
            parties.append(Party(code=string(p, "code", file), name=string(p, "name", file)))
        except BadInputError as error:
            raise _located(error, file, f"parties[{n}]") from None
    interlocutors = []
    for n, i in enumerate(_items(data, "interlocutors", file), 1):
        try:
            interlocutors.append(
                Interlocutor(
                    code=string(i, "code", file),
                    name=string(i, "name", file),
                    party=string(i, "party", file, required=False) or None,
                )
            )
        except BadInputError as error:
            raise _located(error, file, f"interlocutors[{n}]") from None
    meetings = []
    for n, m in enumerate(_items(data, "meetings", file), 1):
        try:
            meetings.append(
                Meeting(
                    number=integer(m, "number", file, default=n),
                    starts=_date(m.get("starts"), file, "starts"),
                    days=integer(m, "days", file, default=2),
                    venue=string(m, "venue", file, required=False),
                )
            )
        except BadInputError as error:
            raise _located(error, file, f"meetings[{n}]") from None
    try:
        return Dialogue(
            title=string(data, "title", file),
            convenor=string(data, "convenor", file, required=False),
            parties=tuple(parties),
            interlocutors=tuple(interlocutors),
            meetings=tuple(meetings),
            languages=strings(data, "languages", file),
            bilingual=_flag(data, "bilingual", file),
        )
    except BadInputError as error:
        raise error.located(file=file) from None


def read_scope(path: Path) -> Scope:
    file = path.name
    data = load_toml(path)
    try:
        return Scope(
            problem=string(data, "problem", file),
            places=strings(data, "places", file),
            parties=strings(data, "parties", file),
            horizon_days=integer(data, "horizon_days", file, default=DEFAULT_HORIZON_DAYS),
            success_test=string(data, "success_test", file, required=False),
        )
    except BadInputError as error:
        raise error.located(file=file) from None


def read_ripeness(path: Path) -> tuple[PartyAssessment, ...]:
    file = path.name
    data = load_toml(path)
    out = []
    items = _items(data, "assessment", file)
    if not items:
        raise BadInputError("has no [[assessment]] tables", file=file, field="assessment")
    for n, a in enumerate(items, 1):
        prefix = f"assessment[{n}]"
        try:
            scores = []
            for element in Element:
                part = a.get(element.value)
                if not isinstance(part, dict):
                    raise BadInputError("is missing", field=element.value)
                try:
                    confidence = Confidence(
                        string(part, "confidence", file, required=False) or "medium"
                    )
                except ValueError:
                    raise BadInputError(
                        "must be low, medium or high", field=f"{element.value}.confidence"
                    ) from None
                try:
                    scores.append(
                        ElementScore(
                            element=element,
                            score=integer(part, "score", file),
                            evidence=string(part, "evidence", file, required=False),
                            confidence=confidence,
                        )
                    )
                except BadInputError as error:
                    if error.field and "." not in error.field:
                        raise _located(error, file, element.value) from None
                    raise
            out.append(
                PartyAssessment(
                    party=string(a, "party", file),
                    assessed_on=_date(a.get("assessed_on"), file, "assessed_on"),
                    scores=tuple(scores),
                    indicators_seen=strings(a, "indicators_seen", file),
                )
            )
        except BadInputError as error:
            raise _located(error, file, prefix) from None
    return tuple(out)
