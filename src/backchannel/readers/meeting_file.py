"""A meeting file (TOML): the rapporteur's log of one meeting, round by round.

    meeting = 1
    finished = 2027-01-19T16:40:00        # optional: the meeting ended after packaging

    [[round]]                             # one table per time the room entered a round
    name = "framing"
    at = 2027-01-18T09:30:00              # optional: when it entered
    [[round.framing]]
    kind = "statement"                    # or "reframing" (may carry a party)
    text = "..."

    [[round]]
    name = "interests"
    pause = 2027-01-18T17:30:00           # optional: the room broke here ...
    resume = 2027-01-19T09:00:00          # ... and came back here
    [[round.items]]
    code = "i1"                           # options refer to items by code
    party = "A"
    kind = "interest"                     # interest, fear, red_line, legal, political, operational
    text = "..."

    [[round]]
    name = "options"
    [[round.options]]
    code = "notice-48h"
    title = "..."
    description = "..."
    serves = ["i1", "i4"]

    [[round]]
    name = "consequences"
    [[round.tests]]
    option = "notice-48h"
    party = "B"
    gains = "..."                         # also costs, risks, spoilers, feasibility, verification
    questions = ["..."]                   # what the room could not answer

    [[round]]
    name = "options"
    back = "why the room went back"       # going back to an earlier round needs a reason

    [[round]]
    name = "packaging"
    [[round.packages]]
    code = "p1"
    title = "..."
    options = ["notice-48h"]
    [[round.steps]]
    package = "p1"
    id = "s1"
    what = "..."
    who = "an office or body, never a person"
    when = 2027-02-01
    how = "..."
    test = "..."

Nothing in it names a person; the service gates every text before it is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from backchannel.domain.capture import (
    TEST_FIELDS,
    ConsequenceTest,
    Framing,
    FramingKind,
    ItemKind,
    PackageRecord,
    PartyItem,
)
from backchannel.domain.errors import BadInputError
from backchannel.domain.options import Option, Package
from backchannel.domain.rounds import RoundName
from backchannel.domain.steps import Step
from backchannel.readers._tomlfile import integer, load_toml, string, strings

_RECORDS = {
    "framing": RoundName.FRAMING,
    "items": RoundName.INTERESTS,
    "options": RoundName.OPTIONS,
    "tests": RoundName.CONSEQUENCES,
    "packages": RoundName.PACKAGING,
    "steps": RoundName.PACKAGING,
}


@dataclass(frozen=True, slots=True)
class Visit:
    """One time the room entered a round, and what was captured there."""

    name: RoundName
    at: datetime | None = None
    back: str = ""
    pause: datetime | None = None
    resume: datetime | None = None
    framings: tuple[Framing, ...] = ()
    items: tuple[PartyItem, ...] = ()
    options: tuple[Option, ...] = ()
    tests: tuple[ConsequenceTest, ...] = ()
    packages: tuple[PackageRecord, ...] = ()
    steps: tuple[tuple[str, Step], ...] = ()


@dataclass(frozen=True, slots=True)
class MeetingFile:
    meeting: int
    visits: tuple[Visit, ...]
    finished: datetime | None = None


def _when(data: dict[str, Any], key: str, file: str) -> datetime | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, datetime) and value.tzinfo is None:
        return value
    raise BadInputError(
        "must be a local date and time like 2027-01-18T09:30:00", file=file, field=key
    )


def _day(data: dict[str, Any], key: str, file: str) -> date:
    value = data.get(key)
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise BadInputError("must be a date like 2027-02-01", file=file, field=key)


def _tables(data: dict[str, Any], key: str, file: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise BadInputError(f"must be a list of [[{key}]] tables", file=file, field=key)
    return value


def _party(data: dict[str, Any], file: str) -> str | None:
    return string(data, "party", file, required=False) or None


def _record(kind: str, d: dict[str, Any], file: str) -> Any:
    if kind == "framing":
        try:
            framing_kind = FramingKind(string(d, "kind", file, required=False) or "statement")
        except ValueError:
            raise BadInputError("must be statement or reframing", field="kind") from None
        return Framing(framing_kind, string(d, "text", file), _party(d, file))
    if kind == "items":
        try:
            item_kind = ItemKind(string(d, "kind", file))
        except ValueError:
            raise BadInputError("must be one of: " + ", ".join(ItemKind), field="kind") from None
        return PartyItem(
            string(d, "code", file), string(d, "party", file), item_kind, string(d, "text", file)
        )
    if kind == "options":
        return Option(
            code=string(d, "code", file),
            title=string(d, "title", file),
            description=string(d, "description", file, required=False),
            serves=strings(d, "serves", file),
        )
    if kind == "tests":
        answers = {name: string(d, name, file, required=False) for name in TEST_FIELDS}
        return ConsequenceTest(
            option=string(d, "option", file),
            party=string(d, "party", file),
            questions=strings(d, "questions", file),
            **answers,
        )
    if kind == "packages":
        return PackageRecord(
            string(d, "code", file),
            Package(string(d, "title", file), strings(d, "options", file)),
        )
    return (
        string(d, "package", file),
        Step(
            id=string(d, "id", file),
            what=string(d, "what", file),
            who=string(d, "who", file),
            when=_day(d, "when", file),
            how=string(d, "how", file),
            test=string(d, "test", file),
        ),
    )


def _visit(n: int, d: dict[str, Any], file: str) -> Visit:
    try:
        name = RoundName(string(d, "name", file))
    except ValueError:
        raise BadInputError(
            "must be one of: " + ", ".join(RoundName), file=file, field=f"round[{n}].name"
        ) from None
    found: dict[str, list[Any]] = {key: [] for key in _RECORDS}
    for key in d:
        if key not in (*_RECORDS, "name", "at", "back", "pause", "resume"):
            raise BadInputError("is not a key of a round", file=file, field=f"round[{n}].{key}")
    for key, round_name in _RECORDS.items():
        tables = _tables(d, key, file)
        if tables and round_name is not name:
            raise BadInputError(
                f"is captured in round '{round_name}', not in '{name}'",
                file=file,
                field=f"round[{n}].{key}",
            )
        for m, table in enumerate(tables, 1):
            try:
                found[key].append(_record(key, table, file))
            except BadInputError as error:
                field = f"round[{n}].{key}[{m}]" + (f".{error.field}" if error.field else "")
                raise BadInputError(error.message, file=file, field=field) from None
    return Visit(
        name=name,
        at=_when(d, "at", file),
        back=string(d, "back", file, required=False),
        pause=_when(d, "pause", file),
        resume=_when(d, "resume", file),
        framings=tuple(found["framing"]),
        items=tuple(found["items"]),
        options=tuple(found["options"]),
        tests=tuple(found["tests"]),
        packages=tuple(found["packages"]),
        steps=tuple(found["steps"]),
    )


def read_meeting_file(path: Path) -> MeetingFile:
    """The whole file, checked; a BadInputError names the file and the field."""
    file = path.name
    data = load_toml(path)
    visits = _tables(data, "round", file)
    if not visits:
        raise BadInputError("has no [[round]] tables", file=file, field="round")
    return MeetingFile(
        meeting=integer(data, "meeting", file),
        visits=tuple(_visit(n, v, file) for n, v in enumerate(visits, 1)),
        finished=_when(data, "finished", file),
    )
