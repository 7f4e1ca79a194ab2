"""Cross-party support: the least convinced party decides, and small groups are withheld."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.domain.errors import BadInputError
from backchannel.domain.options import Rating
from backchannel.domain.support import (
    OptionSupport,
    SupportTable,
    cross_party_support,
    rank_by_score,
)


def rate(option: str, party: str, scores: Sequence[int], start: int = 0) -> list[Rating]:
    """One rating of `option` per score, each from its own rater of `party`."""
    return [Rating(option, f"{party}-{start + i}", party, score) for i, score in enumerate(scores)]


def by_option(table: SupportTable) -> dict[str, OptionSupport]:
    return {o.option: o for o in table.options}


class TestSupportRanking:
    """Support is the lowest party mean, ties broken by the overall mean; rank 1 is best."""

    def test_polarising_option_with_best_mean_ranks_below_broad_support(self) -> None:
        ratings = [
            *rate("polar", "north", [2, 2, 2, 2, 2, 2]),
            *rate("polar", "south", [0, 0, 0]),
            *rate("broad", "north", [1, 1, 1, 1, 1, 1]),
            *rate("broad", "south", [1, 1, 1]),
        ]
        options = by_option(cross_party_support(ratings))
        assert options["polar"].mean is not None and options["broad"].mean is not None
        assert options["polar"].mean > options["broad"].mean
        assert (1, 2) == (options["broad"].rank, options["polar"].rank)
        assert 0.0 == options["polar"].support
        assert 1.0 == options["broad"].support

    def test_sorted_by_rank(self) -> None:
        ratings = [
            *rate("a", "north", [-1, -1, -1]),
            *rate("b", "north", [2, 2, 2]),
            *rate("c", "north", [0, 0, 0]),
        ]
        table = cross_party_support(ratings)
        assert ["b", "c", "a"] == [o.option for o in table.options]
        assert [1, 2, 3] == [o.rank for o in table.options]
        assert "plain" == table.method

    def test_party_means_and_counts(self) -> None:
        ratings = [*rate("a", "north", [2, 1, 0, -1]), *rate("a", "south", [1, 1, 2])]
        (option,) = cross_party_support(ratings).options
        assert {"north": 0.5, "south": 4 / 3} == option.party_means()
        assert 7 == option.n
        assert 6 / 7 == option.mean
        assert 0.5 == option.support

    def test_ties_on_support_broken_by_overall_mean(self) -> None:
        ratings = [
            *rate("low", "north", [0, 0, 0]),
            *rate("low", "south", [1, 1, 1]),
            *rate("high", "north", [0, 0, 0]),
            *rate("high", "south", [2, 2, 2]),
        ]
        options = by_option(cross_party_support(ratings))
        assert options["low"].support == options["high"].support
        assert (1, 2) == (options["high"].rank, options["low"].rank)

    def test_exact_ties_share_a_rank(self) -> None:
        ratings = [
            *rate("a", "north", [1, 1, 1]),
            *rate("b", "north", [1, 1, 1]),
            *rate("c", "north", [0, 0, 0]),
        ]
        table = cross_party_support(ratings)
        assert [("a", 1), ("b", 1), ("c", 3)] == [(o.option, o.rank) for o in table.options]

    def test_a_rater_rating_twice_is_refused(self) -> None:
        ratings = [Rating("a", "r1", "north", 1), Rating("a", "r1", "north", 2)]
        with pytest.raises(BadInputError) as caught:
            cross_party_support(ratings)
        assert "rater" == caught.value.field

    def test_group_size_below_one_is_refused(self) -> None:
        with pytest.raises(BadInputError) as caught:
            cross_party_support(rate("a", "north", [1, 1, 1]), k=0)
        assert "k" == caught.value.field


class TestWithholding:
    """A party mean from fewer than 3 raters is never shown, never enters support or mean."""

    def test_party_with_two_raters_is_withheld(self) -> None:
        ratings = [*rate("a", "north", [1, 1, 1]), *rate("a", "south", [2, 2])]
        (option,) = cross_party_support(ratings).options
        assert {"north": 1.0} == option.party_means()
        assert ("south",) == option.withheld

    def test_three_raters_are_shown(self) -> None:
        ratings = [*rate("a", "north", [1, 1, 1]), *rate("a", "south", [2, 2, 0])]
        (option,) = cross_party_support(ratings).options
        assert {"north": 1.0, "south": 4 / 3} == option.party_means()
        assert () == option.withheld

    def test_withheld_party_does_not_decide_support(self) -> None:
        ratings = [*rate("a", "north", [2, 2, 1]), *rate("a", "south", [-2])]
        (option,) = cross_party_support(ratings).options
        assert 5 / 3 == option.support

    def test_small_pool_left_out_of_n_and_mean(self) -> None:
        ratings = [*rate("a", "north", [1, 1, 1]), *rate("a", "south", [-2, -2])]
        (option,) = cross_party_support(ratings).options
        assert (3, 1.0) == (option.n, option.mean)

    def test_pool_of_three_small_parties_counts_in_mean_only(self) -> None:
        ratings = [
            *rate("a", "north", [2, 2, 2]),
            *rate("a", "south", [-1]),
            *rate("a", "east", [-1]),
            *rate("a", "west", [-1]),
        ]
        (option,) = cross_party_support(ratings).options
        assert (6, 0.5) == (option.n, option.mean)
        assert {"north": 2.0} == option.party_means()
        assert ("east", "south", "west") == option.withheld
        assert 2.0 == option.support

    def test_option_with_no_party_shown_has_no_support_and_ranks_last(self) -> None:
        ratings = [
            *rate("shown", "north", [-2, -2, -2]),
            *rate("hidden", "north", [2, 2]),
            *rate("hidden", "south", [2, 2], start=5),
        ]
        options = by_option(cross_party_support(ratings))
        assert options["hidden"].support is None
        assert (4, 2.0) == (options["hidden"].n, options["hidden"].mean)
        assert (1, 2) == (options["shown"].rank, options["hidden"].rank)

    @given(st.lists(st.sampled_from([-2, -1, 0, 1, 2]), min_size=1, max_size=2))
    def test_withheld_scores_change_nothing_shown(self, hidden: list[int]) -> None:
        shown = [*rate("a", "north", [1, 0, 2]), *rate("b", "north", [0, 0, 1])]
        baseline = [*shown, *rate("a", "south", [0] * len(hidden))]
        varied = [*shown, *rate("a", "south", hidden)]
        assert cross_party_support(baseline) == cross_party_support(varied)

    def test_larger_k_withholds_more(self) -> None:
        ratings = [*rate("a", "north", [1, 1, 1, 1]), *rate("a", "south", [2, 2, 2])]
        (option,) = cross_party_support(ratings, k=4).options
        assert ({"north": 1.0}, ("south",), 4) == (option.party_means(), option.withheld, option.n)


class TestRankByScore:
    """Another method's score ranks the options; the party figures are withheld the same way."""

    def test_ranked_by_given_scores(self) -> None:
        ratings = [
            *rate("a", "north", [2, 2, 2]),
            *rate("b", "north", [0, 0, 0]),
            *rate("b", "south", [1]),
        ]
        table = rank_by_score(ratings, {"a": -0.5, "b": 0.7}, method="bridging")
        assert ["b", "a"] == [o.option for o in table.options]
        assert ("bridging", 0.7) == (table.method, table.options[0].support)
        assert ("south",) == table.options[0].withheld
