"""Cross-party support for options, from anonymous ratings, with small groups withheld.

An option is only as strong as its support in the least convinced party: the support score
is the lowest party mean, ties broken by the overall mean.

Withholding (k = 3 by default). A rating carries a pseudonym and a party; when only one or
two people of a party rated an option, that party's mean *is* their rating. So, per option:

1. A party's mean is shown only when at least k of its raters rated the option. Parties below
   that are listed as withheld ("too few to show"), by name only.
2. The ratings of withheld parties are pooled. If the pool holds at least k raters it counts
   in ``n`` and ``mean``; if not, it is left out of both, because subtracting the shown party
   means from the overall mean would otherwise give the withheld ratings back.
3. The support score is the lowest *shown* party mean. A withheld party never enters it, so
   the score cannot leak it either; the withheld list says that the score is incomplete.
   With no party shown the option has no support score and is ranked after those that do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from backchannel.domain.errors import BadInputError
from backchannel.domain.options import Rating

MIN_RATERS = 3
PLAIN = "plain"


@dataclass(frozen=True, slots=True)
class OptionSupport:
    """What may be shown of one option's ratings, and its place in the ranking."""

    option: str
    n: int
    mean: float | None
    by_party: tuple[tuple[str, float], ...]
    withheld: tuple[str, ...]
    support: float | None
    rank: int

    def party_means(self) -> dict[str, float]:
        return dict(self.by_party)


@dataclass(frozen=True, slots=True)
class SupportTable:
    """Options ranked by support (rank 1 is best), by one method, withholding under k."""

    method: str
    k: int
    options: tuple[OptionSupport, ...]


@dataclass(frozen=True, slots=True)
class _Figures:
    option: str
    n: int
    mean: float | None
    by_party: tuple[tuple[str, float], ...]
    withheld: tuple[str, ...]


def check_one_rating_each(ratings: Iterable[Rating]) -> None:
    """A rater rates an option once; otherwise one person could count as several."""
    seen: set[tuple[str, str]] = set()
    for rating in ratings:
        key = (rating.option, rating.rater)
        if key in seen:
            raise BadInputError(
                f"a rater rated option '{rating.option}' twice; keep one rating", field="rater"
            )
        seen.add(key)


def _figures(ratings: Iterable[Rating], k: int) -> list[_Figures]:
    scores: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for rating in ratings:
        scores[rating.option][rating.party].append(rating.score)
    out = []
    for option in sorted(scores):
        parties = scores[option]
        shown = {p: s for p, s in parties.items() if len(s) >= k}
        small = [score for p, s in parties.items() if p not in shown for score in s]
        counted = [score for s in shown.values() for score in s]
        if len(small) >= k:
            counted.extend(small)
        out.append(
            _Figures(
                option=option,
                n=len(counted),
                mean=sum(counted) / len(counted) if counted else None,
                by_party=tuple((p, sum(s) / len(s)) for p, s in sorted(shown.items())),
                withheld=tuple(sorted(p for p in parties if p not in shown)),
            )
        )
    return out


def _ranked(
    figures: list[_Figures], support: Mapping[str, float | None], method: str, k: int
) -> SupportTable:
    def key(f: _Figures) -> tuple[bool, float, bool, float]:
        s = support.get(f.option)
        return (s is None, -(s or 0.0), f.mean is None, -(f.mean or 0.0))

    ordered = sorted(figures, key=lambda f: (key(f), f.option))
    rows: list[OptionSupport] = []
    for position, f in enumerate(ordered, start=1):
        # Options tied on support and mean share a rank (1, 2, 2, 4).
        tied = bool(rows) and key(ordered[position - 2]) == key(f)
        rows.append(
            OptionSupport(
                option=f.option,
                n=f.n,
                mean=f.mean,
                by_party=f.by_party,
                withheld=f.withheld,
                support=support.get(f.option),
                rank=rows[-1].rank if tied else position,
            )
        )
    return SupportTable(method=method, k=k, options=tuple(rows))


def _check_k(k: int) -> None:
    if k < 1:
        raise BadInputError(f"{k} is not a group size: give at least 1", field="k")


def cross_party_support(ratings: Iterable[Rating], *, k: int = MIN_RATERS) -> SupportTable:
    """Rank options by their lowest shown party mean, ties broken by the overall mean."""
    _check_k(k)
    items = list(ratings)
    check_one_rating_each(items)
    figures = _figures(items, k)
    support = {f.option: min((m for _p, m in f.by_party), default=None) for f in figures}
    return _ranked(figures, support, PLAIN, k)


def rank_by_score(
    ratings: Iterable[Rating],
    scores: Mapping[str, float],
    *,
    method: str,
    k: int = MIN_RATERS,
) -> SupportTable:
    """Rank options by a score computed elsewhere (e.g. bridging), with the same figures."""
    _check_k(k)
    items = list(ratings)
    check_one_rating_each(items)
    figures = _figures(items, k)
    support: dict[str, float | None] = {f.option: scores.get(f.option) for f in figures}
    return _ranked(figures, support, method, k)
