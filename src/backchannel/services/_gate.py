"""Bridge from the export door to the non-attribution gate."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from backchannel.domain.people import Candidate


@dataclass(frozen=True, slots=True)
class GateFinding:
    kind: str
    participant: str


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def scan_for_participants(text: str, roster: Sequence[Candidate]) -> list[GateFinding]:
    """Interim check until the roster-aware gate lands: full names and surnames."""
    folded = _fold(text)
    found = []
    for cand in roster:
        parts = [p for p in re.split(r"[\s\-]+", _fold(cand.name)) if len(p) >= 4]
        forms = [_fold(cand.name), *parts[-1:]]
        for form in forms:
            if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded):
                found.append(GateFinding("name", cand.id))
                break
    return found
