"""Cross-party support from a ratings file: the plain method or bridging."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from backchannel.domain.errors import BadInputError
from backchannel.domain.options import Rating
from backchannel.domain.support import (
    MIN_RATERS,
    PLAIN,
    SupportTable,
    cross_party_support,
    rank_by_score,
)
from backchannel.readers.ratings import read_ratings

BRIDGING = "bridging"
METHODS = (PLAIN, BRIDGING)
# Below this many raters a one-factor model has too little to tell viewpoint from support.
BRIDGING_MIN_RATERS = 100


@dataclass(frozen=True, slots=True)
class SupportReport:
    """The ranked table, how much it rests on, and anything the facilitator should know."""

    table: SupportTable
    raters: int
    ratings: int
    notes: tuple[str, ...] = ()


def support_from_ratings(
    ratings: Sequence[Rating], method: str = PLAIN, *, k: int = MIN_RATERS
) -> SupportReport:
    """Rank the rated options by cross-party support (`plain`) or by bridging intercept."""
    if method not in METHODS:
        raise BadInputError(
            f"'{method[:40]}' is not a method ({', '.join(METHODS)})", field="method"
        )
    if k < MIN_RATERS:
        raise BadInputError(
            f"{k} is below the smallest group that may be shown ({MIN_RATERS})", field="k"
        )
    raters = len({r.rater for r in ratings})
    notes: list[str] = []
    if method == PLAIN:
        table = cross_party_support(ratings, k=k)
    else:
        from backchannel.analysis.bridging import fit_bridging  # numpy, when fitted

        fit = fit_bridging(ratings)
        table = rank_by_score(ratings, fit.intercept_of(), method=BRIDGING, k=k)
        if raters < BRIDGING_MIN_RATERS:
            notes.append(
                f"bridging rests on {raters} raters; it is meant for hundreds. "
                "With a small room, prefer the plain method."
            )
        if not fit.converged:
            notes.append(
                f"the bridging fit stopped after {fit.iterations} rounds without settling; "
                "read the ranking with care."
            )
    withheld = sorted({p for o in table.options for p in o.withheld})
    if withheld:
        notes.append(
            f"party figures from fewer than {k} raters are withheld (too few to show) "
            f"for some options: {', '.join(withheld)}."
        )
    return SupportReport(table=table, raters=raters, ratings=len(ratings), notes=tuple(notes))


def support_from_file(path: Path, method: str = PLAIN, *, k: int = MIN_RATERS) -> SupportReport:
    """Read a ratings CSV and rank its options; bad input names file, row and field."""
    if method not in METHODS:
        raise BadInputError(
            f"'{method[:40]}' is not a method ({', '.join(METHODS)})", field="method"
        )
    return support_from_ratings(read_ratings(path), method, k=k)
