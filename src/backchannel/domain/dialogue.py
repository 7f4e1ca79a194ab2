"""A dialogue, its meetings, its parties and the Track I interlocutors it reports to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from backchannel.domain import _validate as v
from backchannel.domain.errors import BadInputError
from backchannel.domain.languages import CHECKED

# The languages documents are written in: those the catalogs and the checkers know.
WORKING_LANGUAGES = CHECKED


@dataclass(frozen=True, slots=True)
class Party:
    """A side or constituency (a government, an armed authority, host communities)."""

    code: str
    name: str

    def __post_init__(self) -> None:
        v.ident(self.code, "party")
        v.text(self.name, "party name", max_len=200)


@dataclass(frozen=True, slots=True)
class Interlocutor:
    """A Track I actor (an office, a ministry, an envoy) the outputs are relayed to."""

    code: str
    name: str
    party: str | None = None

    def __post_init__(self) -> None:
        v.ident(self.code, "interlocutor")
        v.text(self.name, "interlocutor name", max_len=200)
        if self.party is not None:
            v.text(self.party, "interlocutor party", max_len=64)


@dataclass(frozen=True, slots=True)
class Meeting:
    """One convening of a dialogue (for example two days in a neutral venue)."""

    number: int
    starts: date
    days: int = 2
    venue: str = ""

    def __post_init__(self) -> None:
        v.positive(self.number, "meeting number")
        v.int_range(self.days, 1, 14, "meeting days")
        v.text(self.venue, "venue", max_len=200, required=False)


@dataclass(frozen=True, slots=True)
class Dialogue:
    """One Track II process on one problem; owns scope, parties, roster and meetings."""

    title: str
    convenor: str = ""
    parties: tuple[Party, ...] = ()
    interlocutors: tuple[Interlocutor, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    # The working languages, first the one the documents are filed under (`nonpaper.pdf`);
    # each other gets its own files (`nonpaper.ar.pdf`). None recorded: the language the
    # documents are rendered in (`--lang`, the page's).
    languages: tuple[str, ...] = ()
    # A two-column non-paper in the first two working languages, besides one per language.
    bilingual: bool = False

    def __post_init__(self) -> None:
        v.text(self.title, "title", max_len=200)
        v.text(self.convenor, "convenor", max_len=200, required=False)
        check_languages(self.languages, self.bilingual)
        codes = [p.code for p in self.parties]
        if len(set(codes)) != len(codes):
            raise BadInputError("a party code appears twice", field="parties")

    @property
    def first_meeting(self) -> Meeting | None:
        return min(self.meetings, key=lambda m: m.starts, default=None)

    def party(self, code: str) -> Party | None:
        return next((p for p in self.parties if p.code == code), None)


def check_languages(languages: tuple[str, ...], bilingual: bool) -> None:
    for lang in languages:
        if lang not in WORKING_LANGUAGES:
            raise BadInputError(
                f"'{lang[:20]}' is not a language backchannel writes documents in; use "
                + ", ".join(WORKING_LANGUAGES),
                field="languages",
            )
    if len(set(languages)) != len(languages):
        raise BadInputError("a language appears twice", field="languages")
    if bilingual and len(languages) < 2:
        raise BadInputError("a bilingual non-paper needs two working languages", field="bilingual")
