"""Ripeness indicators from events: fatality trend per dyad, front-line stability per side."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.domain.errors import BadInputError
from backchannel.domain.indicators import (
    INDICATOR_NAMES,
    NO_SIDE,
    Event,
    compute_indicators,
    haversine_km,
    shift_km,
)


def event(
    day: date,
    fatalities: int = 1,
    *,
    a: str = "Government of Norland",
    b: str = "Eastern Front",
    lat: float = 48.0,
    lon: float = 37.5,
    source_id: str | None = None,
) -> Event:
    return Event(
        source_id=source_id or f"{day}-{a}-{b}-{lat}-{lon}-{fatalities}",
        day=day,
        side_a=a,
        side_b=b,
        adm_1="North",
        latitude=lat,
        longitude=lon,
        fatalities=fatalities,
    )


def monthly(values: list[int], *, start: date = date(2024, 1, 15)) -> list[Event]:
    """One event per month carrying that month's fatalities."""
    out = []
    for offset, deaths in enumerate(values):
        year, month = divmod(start.month - 1 + offset, 12)
        day = date(start.year + year, month + 1, start.day)
        out.append(event(day, deaths, source_id=f"m{offset}"))
    return out


def front(
    quarters: int, *, per_quarter: int, move_deg: float, side: str = "Rebels", seed: int = 7
) -> list[Event]:
    """A north-south front line 2 degrees long that moves east by move_deg each quarter."""
    rng = random.Random(seed)
    out = []
    for q in range(quarters):
        year, q_index = divmod(q, 4)
        first_day = date(2023 + year, 3 * q_index + 1, 1)
        for k in range(per_quarter):
            out.append(
                event(
                    first_day + timedelta(days=rng.randrange(88)),
                    rng.randrange(5),
                    a="Government of Norland",
                    b=side,
                    lat=1.0 + rng.random() * 2.0,
                    lon=30.0 + q * move_deg + rng.gauss(0, 0.02),
                    source_id=f"{side}-{q}-{k}",
                )
            )
    return out


class TestEvent:
    """An event checks its own coordinates and fatalities and knows its unordered dyad."""

    def test_latitude_out_of_range_names_the_field(self) -> None:
        with pytest.raises(BadInputError) as caught:
            event(date(2025, 1, 1), lat=123.0)
        assert "latitude" == caught.value.field

    def test_negative_fatalities_are_refused(self) -> None:
        with pytest.raises(BadInputError) as caught:
            event(date(2025, 1, 1), -1)
        assert "fatalities" == caught.value.field

    def test_dyad_is_sorted_whatever_the_order_of_sides(self) -> None:
        assert ("Alpha", "Beta") == event(date(2025, 1, 1), a="Beta", b="Alpha").dyad
        assert ("Alpha", "Beta") == event(date(2025, 1, 1), a="Alpha", b="Beta").dyad

    def test_missing_second_side_is_paired_with_no_side(self) -> None:
        assert ("Protesters", NO_SIDE) == event(date(2025, 1, 1), a="Protesters", b="").dyad


class TestComputeIndicators:
    """Edge cases of the whole computation."""

    def test_no_events_is_bad_input(self) -> None:
        with pytest.raises(BadInputError, match="no events"):
            compute_indicators([])

    def test_all_events_after_as_of_is_bad_input(self) -> None:
        with pytest.raises(BadInputError, match="no events on or before 2024-12-31"):
            compute_indicators([event(date(2025, 1, 2))], as_of=date(2024, 12, 31))

    def test_one_event_gives_one_month_and_no_movement(self) -> None:
        result = compute_indicators([event(date(2025, 3, 4), 7)])
        assert 1 == len(result.trends)
        assert (("2025-03", 7),) == result.trends[0].months
        assert None is result.trends[0].recent_change
        assert "flat" == result.trends[0].direction
        assert () == result.stability
        assert any("cannot be measured" in s for s in result.summary)

    def test_indicator_names_are_what_an_assessment_records(self) -> None:
        assert ("fatality_trend", "front_line_stability") == INDICATOR_NAMES


class TestFatalityTrend:
    """Monthly fatalities per dyad, zero-filled, with the last six months against the six before."""

    def test_falling_series(self) -> None:
        trend = compute_indicators(monthly([100] * 6 + [40] * 6)).trends[0]
        assert "falling" == trend.direction
        assert pytest.approx(-0.6) == trend.recent_change

    def test_rising_series(self) -> None:
        trend = compute_indicators(monthly([10] * 6 + [30] * 6)).trends[0]
        assert "rising" == trend.direction
        assert pytest.approx(2.0) == trend.recent_change

    def test_small_counts_stay_flat_even_when_the_fraction_is_large(self) -> None:
        trend = compute_indicators(monthly([0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3])).trends[0]
        assert "flat" == trend.direction
        assert pytest.approx(0.5) == trend.recent_change

    def test_rise_from_nothing_has_no_fraction(self) -> None:
        trend = compute_indicators(monthly([0] * 6 + [5] * 6)).trends[0]
        assert (None, "rising") == (trend.recent_change, trend.direction)

    def test_short_series_compares_its_two_halves(self) -> None:
        trend = compute_indicators(monthly([20, 20, 5, 5])).trends[0]
        assert pytest.approx(-0.75) == trend.recent_change

    def test_months_are_zero_filled_across_a_new_year(self) -> None:
        events = [event(date(2024, 12, 30), 4), event(date(2025, 2, 1), 6)]
        trend = compute_indicators(events).trends[0]
        assert (("2024-12", 4), ("2025-01", 0), ("2025-02", 6)) == trend.months

    def test_both_orders_of_sides_are_one_dyad(self) -> None:
        events = [
            event(date(2025, 1, 1), 2, a="A", b="B"),
            event(date(2025, 1, 2), 3, a="B", b="A"),
        ]
        trends = compute_indicators(events).trends
        assert [(("A", "B"), 5)] == [(t.dyad, t.total) for t in trends]

    def test_one_sided_violence_keeps_its_civilians_dyad(self) -> None:
        events = [event(date(2025, 1, 1), 9, a="Militia X", b="Civilians"), event(date(2025, 1, 2))]
        dyads = {t.dyad for t in compute_indicators(events).trends}
        assert ("Civilians", "Militia X") in dyads

    def test_events_after_as_of_are_ignored(self) -> None:
        events = [event(date(2025, 1, 5), 3), event(date(2025, 3, 5), 50)]
        trend = compute_indicators(events, as_of=date(2025, 2, 28)).trends[0]
        assert (("2025-01", 3), ("2025-02", 0)) == trend.months

    def test_a_running_month_is_shown_but_not_compared(self) -> None:
        # On 10 April no deaths yet in April; compared, that would read as "falling".
        events = monthly([30, 30, 30, 0], start=date(2025, 1, 10))
        trend = compute_indicators(events, as_of=date(2025, 4, 10)).trends[0]
        assert (True, ("2025-04", 0)) == (trend.partial_last, trend.months[-1])
        assert "flat" == trend.direction
        assert pytest.approx(0.0) == trend.recent_change
        whole_month = compute_indicators(events, as_of=date(2025, 4, 30)).trends[0]
        assert (False, "falling") == (whole_month.partial_last, whole_month.direction)

    def test_trends_are_ordered_by_recent_fatalities(self) -> None:
        events = [event(date(2025, 1, 1), 1, a="Small", b="X"), event(date(2025, 1, 2), 50)]
        trends = compute_indicators(events).trends
        assert ("Eastern Front", "Government of Norland") == trends[0].dyad

    def test_summary_sentence_for_a_falling_dyad(self) -> None:
        summary = compute_indicators(monthly([100] * 6 + [40] * 6)).summary
        expected = (
            "Fatalities between Eastern Front and Government of Norland fell 60% in the last "
            "six months (240, against 600 in the six before)."
        )
        assert expected in summary

    @given(
        st.lists(
            st.tuples(st.integers(0, 800), st.integers(0, 500), st.sampled_from("ABC")),
            min_size=1,
            max_size=40,
        )
    )
    def test_months_add_up_to_the_fatalities_of_each_dyad(
        self, rows: list[tuple[int, int, str]]
    ) -> None:
        events = [
            event(date(2023, 1, 1) + timedelta(days=d), n, a=side, b="Z", source_id=str(i))
            for i, (d, n, side) in enumerate(rows)
        ]
        expected = Counter[tuple[str, str]]()
        for e in events:
            expected[e.dyad] += e.fatalities
        trends = compute_indicators(events).trends
        assert dict(expected) == {t.dyad: t.total for t in trends}
        assert 1 == len({len(t.months) for t in trends})


class TestFrontLineStability:
    """Per side, how far the places it is active in move from quarter to quarter."""

    def test_a_frozen_front_is_stable(self) -> None:
        item = next(
            s
            for s in compute_indicators(front(6, per_quarter=30, move_deg=0.0)).stability
            if s.side == "Rebels"
        )
        assert "stable" == item.label
        assert item.recent_shift_km is not None and item.recent_shift_km < 5

    def test_a_sparse_frozen_front_is_still_stable(self) -> None:
        item = compute_indicators(front(6, per_quarter=6, move_deg=0.0)).stability[0]
        assert "stable" == item.label

    def test_a_front_moving_a_degree_a_quarter_is_volatile(self) -> None:
        # One degree of longitude near the equator is about 111 km.
        item = compute_indicators(front(6, per_quarter=30, move_deg=1.0)).stability[0]
        assert "volatile" == item.label
        assert 5 == len(item.periods)
        assert all(80 < km < 125 for _q, km in item.periods)

    def test_a_front_moving_a_third_of_a_degree_is_shifting(self) -> None:
        item = compute_indicators(front(6, per_quarter=30, move_deg=0.33)).stability[0]
        assert "shifting" == item.label

    def test_quarters_are_labelled_by_the_later_quarter(self) -> None:
        item = compute_indicators(front(3, per_quarter=5, move_deg=0.0)).stability[0]
        assert ["2023-Q2", "2023-Q3"] == [q for q, _km in item.periods]

    def test_civilians_and_single_quarter_sides_are_left_out(self) -> None:
        events = front(4, per_quarter=5, move_deg=0.0)
        events.append(event(date(2023, 2, 1), 3, a="Militia X", b="Civilians", source_id="c1"))
        events.append(event(date(2023, 8, 1), 3, a="Militia X", b="Civilians", source_id="c2"))
        events.append(event(date(2023, 2, 1), 3, a="Newcomer", b="Rebels", source_id="n1"))
        sides = {s.side for s in compute_indicators(events).stability}
        assert {"Government of Norland", "Rebels", "Militia X"} == sides

    def test_few_events_are_flagged_in_the_summary(self) -> None:
        summary = compute_indicators(front(3, per_quarter=3, move_deg=0.0)).summary
        assert any("read with care" in s for s in summary)


class TestShiftKm:
    """The shift between two sets of places, net of the spacing of events within each."""

    def test_identical_places_do_not_move(self) -> None:
        places = Counter({(1.05, 30.05): 3, (1.55, 30.05): 2})
        assert 0.0 == shift_km(places, places)

    def test_single_points_move_by_their_distance(self) -> None:
        a, b = (0.05, 30.05), (0.05, 31.05)
        assert pytest.approx(haversine_km(a, b)) == shift_km(Counter({a: 1}), Counter({b: 1}))

    def test_haversine_of_a_degree_of_latitude(self) -> None:
        assert pytest.approx(111.2, abs=0.1) == haversine_km((0.0, 0.0), (1.0, 0.0))

    def test_across_the_antimeridian_is_short(self) -> None:
        a, b = (0.05, 179.95), (0.05, -179.95)
        assert shift_km(Counter({a: 1}), Counter({b: 1})) < 12
