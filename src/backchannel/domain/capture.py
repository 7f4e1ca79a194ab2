"""What the rapporteur captures in each round, without attribution.

One record per kind of point:

| round          | record            | holds                                                   |
|----------------|-------------------|---------------------------------------------------------|
| framing        | `Framing`         | the problem as the room states it, and each reframing   |
| interests      | `PartyItem`       | a party's interest, fear or red line, or a legal,       |
|                |                   | political or operational constraint                     |
| options        | `Option`          | title, description, the interests (item codes) it serves|
| consequences   | `ConsequenceTest` | per option and party: gains, costs, risks, spoilers,    |
|                |                   | feasibility, how it could be verified, open questions   |
| packaging      | `PackageRecord`,  | options chosen into a package; steps in sequence with   |
|                | `PackageStep`     | what, who (an office or body), when, how and test       |

No record has a field for a person. A record may carry a party, never a speaker: the room
speaks as a room (Chatham House Rule). `Step.who` names an office or body that acts, and
the gate checks it like every other text.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields

from backchannel.domain import _validate as v
from backchannel.domain.errors import BadInputError
from backchannel.domain.options import Option, Package
from backchannel.domain.rounds import RoundName
from backchannel.domain.steps import Step

MAX_TEXT = 2000


class FramingKind(enum.StrEnum):
    STATEMENT = "statement"  # the problem as the room states it
    REFRAMING = "reframing"  # the problem stated anew, e.g. as needs rather than positions


class ItemKind(enum.StrEnum):
    INTEREST = "interest"
    FEAR = "fear"
    RED_LINE = "red_line"
    LEGAL = "legal"
    POLITICAL = "political"
    OPERATIONAL = "operational"

    @property
    def is_constraint(self) -> bool:
        return self in CONSTRAINT_KINDS

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


INTEREST_KINDS = (ItemKind.INTEREST, ItemKind.FEAR, ItemKind.RED_LINE)
CONSTRAINT_KINDS = (ItemKind.LEGAL, ItemKind.POLITICAL, ItemKind.OPERATIONAL)


def _party(value: str | None) -> None:
    if value is not None:
        v.ident(value, "party")


@dataclass(frozen=True, slots=True)
class Framing:
    """The problem as the room states it, or a reframing; a reframing may carry a party."""

    kind: FramingKind
    text: str
    party: str | None = None

    def __post_init__(self) -> None:
        v.text(self.text, "text", max_len=MAX_TEXT)
        _party(self.party)


@dataclass(frozen=True, slots=True)
class PartyItem:
    """One cell entry of the party-by-item map: an interest, fear, red line or constraint."""

    code: str
    party: str
    kind: ItemKind
    text: str

    def __post_init__(self) -> None:
        v.ident(self.code, "code")
        v.ident(self.party, "party")
        v.text(self.text, "text", max_len=MAX_TEXT)


TEST_FIELDS = ("gains", "costs", "risks", "spoilers", "feasibility", "verification")


@dataclass(frozen=True, slots=True)
class ConsequenceTest:
    """An option tested against one party's interests. `questions` are left open."""

    option: str
    party: str
    gains: str = ""
    costs: str = ""
    risks: str = ""
    spoilers: str = ""
    feasibility: str = ""
    verification: str = ""
    questions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        v.ident(self.option, "option")
        v.ident(self.party, "party")
        for name in TEST_FIELDS:
            v.text(getattr(self, name), name, max_len=MAX_TEXT, required=False)
        for question in self.questions:
            v.text(question, "question", max_len=MAX_TEXT)
        if not any(getattr(self, name).strip() for name in TEST_FIELDS) and not self.questions:
            raise BadInputError(
                "a consequence test needs at least one of: " + ", ".join(TEST_FIELDS),
                field="gains",
            )

    def answers(self) -> tuple[tuple[str, str], ...]:
        """(field, text) for each field that holds something, in the order of TEST_FIELDS."""
        return tuple(
            (name, getattr(self, name).strip())
            for name in TEST_FIELDS
            if getattr(self, name).strip()
        )


@dataclass(frozen=True, slots=True)
class PackageRecord:
    """A package of options the room chose to relay to Track I, under a short code."""

    code: str
    package: Package

    def __post_init__(self) -> None:
        v.ident(self.code, "package")


@dataclass(frozen=True, slots=True)
class PackageStep:
    """One step of a package, at its place in the sequence (1 first)."""

    package: str
    position: int
    step: Step

    def __post_init__(self) -> None:
        v.ident(self.package, "package")
        v.positive(self.position, "position")


# The round each kind of record is captured in.
RECORD_ROUND: Mapping[type, RoundName] = {
    Framing: RoundName.FRAMING,
    PartyItem: RoundName.INTERESTS,
    Option: RoundName.OPTIONS,
    ConsequenceTest: RoundName.CONSEQUENCES,
    PackageRecord: RoundName.PACKAGING,
    PackageStep: RoundName.PACKAGING,
}
CAPTURE_RECORDS: tuple[type, ...] = tuple(RECORD_ROUND)


def record_fields(record_type: type) -> tuple[str, ...]:
    """The field names of a record type (for the test that no record holds a person)."""
    return tuple(f.name for f in fields(record_type))


@dataclass(frozen=True, slots=True)
class MeetingCapture:
    """Everything captured in one meeting, in the order it was captured."""

    meeting: int
    framings: tuple[Framing, ...] = ()
    items: tuple[PartyItem, ...] = ()
    options: tuple[Option, ...] = ()
    tests: tuple[ConsequenceTest, ...] = ()
    packages: tuple[PackageRecord, ...] = ()
    steps: tuple[PackageStep, ...] = ()

    def counts(self) -> dict[RoundName, int]:
        return {
            RoundName.FRAMING: len(self.framings),
            RoundName.INTERESTS: len(self.items),
            RoundName.OPTIONS: len(self.options),
            RoundName.CONSEQUENCES: len(self.tests),
            RoundName.PACKAGING: len(self.packages) + len(self.steps),
        }

    def steps_of(self, package: str) -> tuple[PackageStep, ...]:
        return tuple(sorted((s for s in self.steps if s.package == package), key=_position))


def _position(step: PackageStep) -> int:
    return step.position


# --- the party-by-item map --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InterestsMap:
    """Parties across, item kinds down; each cell holds the items of that party and kind."""

    parties: tuple[str, ...]
    kinds: tuple[ItemKind, ...]
    cells: Mapping[tuple[ItemKind, str], tuple[PartyItem, ...]]

    def cell(self, kind: ItemKind, party: str) -> tuple[PartyItem, ...]:
        return self.cells.get((kind, party), ())

    @property
    def size(self) -> int:
        return sum(len(c) for c in self.cells.values())


def interests_map(items: Iterable[PartyItem], parties: Sequence[str] = ()) -> InterestsMap:
    """The map of `items`; columns in the order of `parties`, then any other party met."""
    cells: dict[tuple[ItemKind, str], list[PartyItem]] = defaultdict(list)
    order = list(parties)
    for item in items:
        cells[(item.kind, item.party)].append(item)
        if item.party not in order:
            order.append(item.party)
    return InterestsMap(
        parties=tuple(order),
        kinds=tuple(ItemKind),
        cells={key: tuple(found) for key, found in cells.items()},
    )


def served_by(options: Iterable[Option]) -> dict[str, tuple[str, ...]]:
    """For each item code, the options that serve it, in capture order."""
    out: dict[str, list[str]] = defaultdict(list)
    for option in options:
        for code in option.serves:
            out[code].append(option.code)
    return {code: tuple(found) for code, found in out.items()}


# --- checks against what the dialogue already holds --------------------------------------------


def check_party(party: str | None, parties: Sequence[str]) -> None:
    """A party must be one of the dialogue's parties (when the dialogue names any)."""
    if party is not None and parties and party not in parties:
        raise BadInputError(
            f"'{party[:40]}' is not a party of this dialogue ({', '.join(parties)})",
            field="party",
        )


def check_serves(option: Option, item_codes: Iterable[str]) -> None:
    """Every interest an option serves must be a captured item."""
    known = set(item_codes)
    unknown = [code for code in option.serves if code not in known]
    if unknown:
        raise BadInputError(
            f"serves {', '.join(unknown)}, which is not a captured interest or constraint",
            field="serves",
        )


def check_option_known(option: str, options: Iterable[str], field: str = "option") -> None:
    if option not in set(options):
        raise BadInputError(f"'{option[:40]}' is not a captured option", field=field)


def next_code(prefix: str, taken: Iterable[str]) -> str:
    """The next free code `prefix<n>` (i1, i2, ...), after the highest one taken."""
    highest = 0
    for code in taken:
        rest = code[len(prefix) :]
        if code.startswith(prefix) and rest.isdigit():
            highest = max(highest, int(rest))
    return f"{prefix}{highest + 1}"


def sequence_warnings(steps: Sequence[PackageStep]) -> tuple[str, ...]:
    """Steps of one package whose date comes before the step sequenced ahead of them."""
    out = []
    ordered = sorted(steps, key=_position)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.step.when < before.step.when:
            out.append(
                f"step {after.step.id} comes after {before.step.id} in package "
                f"{after.package} but is due earlier ({after.step.when:%-d %b} before "
                f"{before.step.when:%-d %b})"
            )
    return tuple(out)
