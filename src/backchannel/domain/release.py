"""When live support figures may change: in groups of k ratings, never one at a time.

The three-rater rule holds within one snapshot, not across two: three raters of party A
rate an option +1 (mean +1.00, n = 3), a fourth rates -2 (+0.25, n = 4), and
0.25 x 4 - 1.00 x 3 = -2 is the newest rater's exact score. So the figures anyone sees
(the live support page, the meeting record, `support` from the store) are computed from a
*released* copy of the ratings, and one party's ratings of one option are released again
only when at least k of them are new or changed since the last release. Two consecutive
views then differ by the sum of at least k ratings, which is what the rule promises of one
view. Ratings below that (fewer than k changes) wait, however the round ends; the page says
how many.

What it cannot stop: a reader who knows k - 1 of the k changed ratings (their own, say)
learns the last one, as with the three-rater rule in one snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from backchannel.domain.options import Rating

Group = tuple[str, str]  # (option, party)


def _by_group(ratings: Iterable[Rating]) -> dict[Group, dict[str, int]]:
    out: dict[Group, dict[str, int]] = {}
    for r in ratings:
        out.setdefault((r.option, r.party), {})[r.rater] = r.score
    return out


def changes(current: Sequence[Rating], shown: Sequence[Rating]) -> dict[Group, int]:
    """Per (option, party): how many raters' ratings differ from the released copy (new,
    changed or gone)."""
    now, before = _by_group(current), _by_group(shown)
    out: dict[Group, int] = {}
    for group in now.keys() | before.keys():
        a, b = now.get(group, {}), before.get(group, {})
        differ = sum(1 for rater in a.keys() | b.keys() if a.get(rater) != b.get(rater))
        if differ:
            out[group] = differ
    return out


def to_release(current: Sequence[Rating], shown: Sequence[Rating], k: int) -> set[Group]:
    """The groups whose released copy should be replaced by their current ratings."""
    return {group for group, n in changes(current, shown).items() if n >= k}


def pending(current: Sequence[Rating], shown: Sequence[Rating]) -> int:
    """How many ratings are not reflected in the released figures yet."""
    return sum(changes(current, shown).values())
