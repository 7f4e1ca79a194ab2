"""What the gate reports."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("name", "alias", "affiliation", "title", "descriptor", "other")


@dataclass(frozen=True, slots=True)
class Finding:
    """One mention that the gate reports; offsets are Python string indices into the text.

    `kind` is one of KINDS; `participant` is the roster id of the participant the mention
    points to (for an affiliation or title several share: the first of them in roster
    order), or None for a person who is not a participant.
    """

    start: int
    end: int
    text: str
    kind: str
    participant: str | None
