"""The documents a convenor hands out, and numbered copies of confidential ones."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from backchannel.domain import _validate as v


class DocumentKind(enum.StrEnum):
    SCOPE_NOTE = "scope_note"
    RIPENESS_REPORT = "ripeness_report"
    BRIEF = "brief"
    NON_PAPER = "non_paper"
    AIDE_MEMOIRE = "aide_memoire"
    MEETING_RECORD = "meeting_record"
    ROSTER_REPORT = "roster_report"


class Distribution(enum.StrEnum):
    FACILITATORS = "facilitators"
    PARTICIPANTS = "participants"
    INTERLOCUTORS = "interlocutors"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class Document:
    """A rendered document: its kind, title, who may read it, and its copy code if any."""

    kind: DocumentKind
    title: str
    distribution: Distribution
    copy_code: str | None = None
    recipient: str | None = None

    def __post_init__(self) -> None:
        v.text(self.title, "title", max_len=300)
