"""Bridging support: a one-factor model finds options liked across hidden camps."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from backchannel.analysis.bridging import BridgingParams, fit_arrays, fit_bridging
from backchannel.domain.errors import BadInputError
from backchannel.domain.options import Rating

BRIDGING = ("b0", "b1", "b2", "b3", "b4")


def two_camps(
    *,
    raters: int = 800,
    larger_share: float = 0.75,
    density: float = 0.2,
    seed: int = 7,
) -> list[Rating]:
    """Two hidden camps of unequal size; party labels are random and carry no signal.

    b*: both camps like them (+1). big*: the larger camp loves them (+2), the smaller
    dislikes them (-1), so their plain mean (about +1.25) beats the bridging options.
    small*: the reverse. flat*: lukewarm in both camps (0). Each rater has a generosity
    offset and each rating some noise; scores are rounded and clipped to -2..+2.
    """
    rng = random.Random(seed)
    levels: dict[str, tuple[float, float]] = dict.fromkeys(BRIDGING, (1.0, 1.0))
    levels |= {f"big{i}": (2.0, -1.0) for i in range(8)}
    levels |= {f"small{i}": (-1.0, 2.0) for i in range(8)}
    levels |= {f"flat{i}": (0.0, 0.0) for i in range(5)}
    out = []
    for r in range(raters):
        camp = 0 if rng.random() < larger_share else 1
        party = rng.choice(("north", "south", "east"))
        generosity = rng.gauss(0.0, 0.4)
        for option, level in levels.items():
            if rng.random() < density:
                value = level[camp] + generosity + rng.gauss(0.0, 0.6)
                score = max(-2, min(2, round(value)))
                out.append(Rating(option, f"r{r:04d}", party, score))
    return out


def plain_means(ratings: list[Rating]) -> dict[str, float]:
    sums: dict[str, list[int]] = {}
    for r in ratings:
        sums.setdefault(r.option, []).append(r.score)
    return {o: sum(s) / len(s) for o, s in sums.items()}


def top(scores: dict[str, float], n: int) -> set[str]:
    return set(sorted(scores, key=lambda o: (-scores[o], o))[:n])


class TestBridgingOnHiddenCamps:
    """With two hidden camps of unequal size, the options both camps like come out on top."""

    def test_bridging_options_on_top_where_plain_mean_fails(self) -> None:
        ratings = two_camps()
        fit = fit_bridging(ratings)
        assert set(BRIDGING) == top(fit.intercept_of(), len(BRIDGING))
        assert set(BRIDGING) != top(plain_means(ratings), len(BRIDGING))
        assert fit.converged

    def test_larger_camps_favourites_rank_below_bridging(self) -> None:
        ratings = two_camps(larger_share=0.85, seed=11)
        means = plain_means(ratings)
        assert all(means[f"big{i}"] > max(means[b] for b in BRIDGING) for i in range(8))
        scores = fit_bridging(ratings).intercept_of()
        assert max(scores[f"big{i}"] for i in range(8)) < min(scores[b] for b in BRIDGING)

    def test_equal_camps(self) -> None:
        fit = fit_bridging(two_camps(larger_share=0.5, seed=3))
        assert set(BRIDGING) == top(fit.intercept_of(), len(BRIDGING))

    def test_party_labels_are_not_used(self) -> None:
        ratings = two_camps(raters=300)
        relabelled = [replace(r, party="public") for r in ratings]
        assert fit_bridging(ratings) == fit_bridging(relabelled)

    def test_deterministic(self) -> None:
        ratings = two_camps(raters=300)
        assert fit_bridging(ratings) == fit_bridging(list(reversed(ratings)))

    def test_the_viewpoint_axis_separates_the_camps_favourites(self) -> None:
        fit = fit_bridging(two_camps())
        factor = dict(zip(fit.options, fit.factors, strict=True))
        big = [factor[f"big{i}"] for i in range(8)]
        small = [factor[f"small{i}"] for i in range(8)]
        # Most raters sit on the negative side, so the larger camp's favourites are negative.
        assert max(big) < 0 < min(small)
        assert all(abs(factor[b]) < min(map(abs, big + small)) for b in BRIDGING)


class TestBridgingWithoutCamps:
    """Without hidden camps, the intercepts follow the plain means."""

    def test_order_follows_means(self) -> None:
        rng = random.Random(5)
        level = {"a": 1.5, "b": 0.5, "c": -0.5, "d": -1.5}
        ratings = [
            Rating(o, f"r{r}", "public", max(-2, min(2, round(v + rng.gauss(0, 0.5)))))
            for r in range(200)
            for o, v in level.items()
        ]
        fit = fit_bridging(ratings)
        scores = fit.intercept_of()
        assert ["a", "b", "c", "d"] == sorted(scores, key=lambda o: -scores[o])
        assert (200, 800) == (fit.raters, fit.ratings)


class TestFitArrays:
    """The array interface: sparse index arrays in, per-option and per-rater parameters out."""

    def test_shapes_and_counts(self) -> None:
        o = np.array([0, 1, 0, 1, 2], dtype=np.intp)
        u = np.array([0, 0, 1, 1, 2], dtype=np.intp)
        s = np.array([2.0, -1.0, 1.0, 0.0, 2.0])
        fit = fit_arrays(o, u, s, 3, 3)
        assert (3, 3, 3, 3) == (
            fit.option_intercepts.shape[0],
            fit.option_factors.shape[0],
            fit.rater_intercepts.shape[0],
            fit.rater_factors.shape[0],
        )
        assert fit.iterations >= 1

    def test_unrated_option_gets_zero_intercept(self) -> None:
        o = np.array([0, 0, 0], dtype=np.intp)
        u = np.array([0, 1, 2], dtype=np.intp)
        fit = fit_arrays(o, u, np.array([2.0, 2.0, 1.0]), 2, 3)
        assert 0.0 == fit.option_intercepts[1]

    def test_mismatched_lengths(self) -> None:
        with pytest.raises(ValueError, match="same length"):
            fit_arrays(
                np.array([0], dtype=np.intp), np.array([], dtype=np.intp), np.array([]), 1, 1
            )

    def test_index_out_of_range(self) -> None:
        one = np.array([0], dtype=np.intp)
        with pytest.raises(ValueError, match="outside"):
            fit_arrays(one, np.array([3], dtype=np.intp), np.array([1.0]), 1, 2)

    def test_no_ratings(self) -> None:
        with pytest.raises(BadInputError):
            fit_bridging([])

    def test_bad_params(self) -> None:
        with pytest.raises(BadInputError) as caught:
            BridgingParams(intercept_lambda=0.0)
        assert "lambda" == caught.value.field

    def test_iteration_cap_is_reported(self) -> None:
        fit = fit_bridging(two_camps(raters=200), BridgingParams(max_iterations=2))
        assert (2, False) == (fit.iterations, fit.converged)
