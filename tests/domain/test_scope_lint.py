"""The scope linter: one solvable problem, a place, next steps within 90 days."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.domain.errors import BadInputError
from backchannel.domain.scope_lint import ScopeFinding, lint_scope, scope_ok

TODAY = date(2025, 11, 1)


def kinds(text: str, horizon_days: int | None = None, today: date | None = None) -> set[str]:
    return {f"{f.kind}/{f.severity}" for f in lint_scope(text, horizon_days, today=today)}


def finding(text: str, kind: str) -> ScopeFinding:
    return next(f for f in lint_scope(text) if f.kind == kind)


TIGHT = [
    "Agree humanitarian access triggers for the Sarn corridor that both sides can verify "
    "within 90 days.",
    "Agree a list of 40 detainees held by each side for exchange at the Tarn crossing within "
    "60 days.",
    "Draft a water-sharing schedule for releases from the Kessa dam that both sides can monitor "
    "within 90 days.",
    "Set up a ceasefire monitoring hotline at the Orlen checkpoint within 30 days.",
    "Agree a sequence for demining the road between Aren and Tosk within six weeks.",
    "Agree inspection procedures for grain shipments leaving the port of Meridia within 60 days.",
    "Allow convoys of food, water and medicines through the Sarn corridor within 30 days.",
    "Agree a timetable to reconnect electricity to Upper Halvik district within 8 weeks.",
    "Map the missing persons' burial sites along the Vell river valley within three months.",
    "Agree criteria for the safe return of displaced families to Kessa town within 90 days.",
    "Agree a daily four-hour window for civilian crossings at Tel Mar within a month.",
    "Agree water and electricity repairs for Halvik district within 60 days.",
    "Agree a comprehensive list of detainees held at Halvik prison within 60 days.",
    "Agree grain export quotas through the Port of Meridia within 60 days.",
    "In Halvik district, agree a rota for water tanker deliveries within 30 days.",
    "Agree a sequence of 3 steps to reopen the Aren–Tosk road within 90 days.",
    "Agree a protocol for notifying the other side of troop movements near the Vell bridge "
    "within 60 days.",
    "Release the 14 fishermen held in Port Amal by the end of the month.",
    "Agree a list of wounded for medical evacuation from Halvik within a fortnight.",
    "Reopen the Tarn crossing to commercial trucks for 4 hours a day within 60 days.",
    "Agree the steps to exchange the bodies of fighters killed near Orlen in the next 2 months.",
    "Agree a verification mechanism for the ceasefire at the Orlen crossing within 90 days, to "
    "support the wider peace process.",
    "Agree how many trucks may cross at Tel Mar each day, to be tested over a 60-day pilot.",
    "Establish a hotline between the commanders on either side of the Vell river within 14 days.",
    "Agree the terms of a local truce around the Sarn corridor within 30 days.",
    "Agree rules for fishermen from both sides to work the Amal lagoon within 60 days.",
    "Agree on three confidence-building measures in the Kessa valley within 90 days.",
    "Within 90 days, agree how family visits to detainees held in Sarn prison will be arranged.",
    "Secure agreement on a monthly quota of 5,000 tonnes of wheat through Meridia port in the "
    "next 60 days.",
    "Agree verification criteria for the withdrawal of heavy weapons 15 km from the Orlen line "
    "within 60 days.",
]

NOT_TIGHT = [
    (
        "Support the parties in building a shared vision for the future.",
        {"vague/block", "horizon/warn", "no_place/warn"},
    ),
    (
        "Address humanitarian, security, economic and governance challenges in the north.",
        {"broad/block", "vague/block", "horizon/warn", "no_place/warn"},
    ),
    (
        "Enhance economic ties between the two sides by 2030.",
        {"vague/block", "horizon/block", "no_place/warn"},
    ),
    (
        "Reduce tensions between the two communities.",
        {"vague/block", "horizon/warn", "no_place/warn"},
    ),
    (
        "Build a comprehensive and lasting peace in the region.",
        {"broad/block", "vague/block", "horizon/warn", "no_place/warn"},
    ),
    (
        "Address the root causes of the conflict.",
        {"broad/block", "vague/block", "horizon/warn", "no_place/warn"},
    ),
    (
        "Discuss security, economic and political issues between the parties over the next two "
        "years.",
        {"broad/block", "vague/block", "horizon/block", "no_place/warn"},
    ),
    (
        "Improve overall relations between A and B.",
        {"broad/block", "vague/block", "horizon/warn", "no_place/warn"},
    ),
    ("Promote dialogue and understanding.", {"vague/block", "horizon/warn", "no_place/warn"}),
    (
        "Reach a comprehensive settlement of all outstanding issues.",
        {"broad/block", "vague/block", "horizon/warn", "no_place/warn"},
    ),
    (
        "Explore ways to strengthen cooperation on trade, energy and water over the coming years.",
        {"broad/block", "vague/block", "horizon/block", "no_place/warn"},
    ),
    (
        "Negotiate a lasting peace agreement by the end of 2027.",
        {"broad/block", "vague/block", "horizon/block", "no_place/warn"},
    ),
    (
        "Launch a national dialogue on the constitution, elections and security sector reform "
        "by 2026.",
        {"broad/block", "vague/block", "horizon/block", "no_place/warn"},
    ),
    (
        "Exchange views on the future of the region.",
        {"broad/block", "vague/block", "horizon/warn", "no_place/warn"},
    ),
    ("Resolve the conflict over the Sarn valley.", {"broad/block", "vague/block", "horizon/warn"}),
    ("Improve humanitarian access in the north within 60 days.", {"vague/block", "no_place/warn"}),
    ("Improve living conditions in the camps.", {"vague/block", "horizon/warn", "no_place/warn"}),
    ("Discuss the prisoner lists at the Tarn crossing within 30 days.", {"vague/warn"}),
    ("Agree humanitarian access triggers for the Sarn corridor.", {"horizon/warn"}),
    ("Agree a vaccination schedule for children in Halvik camp by 2030.", {"horizon/block"}),
    (
        "Agree a list of detainees for exchange within 12 months.",
        {"horizon/block", "no_place/warn"},
    ),
    ("Agree a list of detainees for exchange within 90 days.", {"no_place/warn"}),
    ("Exchange prisoner lists through the ICRC within 45 days.", {"no_place/warn"}),
    (
        "Agree a deconfliction protocol for aid flights into Meridia airport within 21 days, "
        "reviewed after six months.",
        {"horizon/warn"},
    ),
    (
        "Agree health and education services for returnees in Kessa within 60 days.",
        {"broad/warn", "vague/warn"},
    ),
    ("Strengthen the ceasefire along the Line of Contact.", {"vague/warn", "horizon/warn"}),
    ("Agree on the way forward for the Sarn corridor within 60 days.", {"vague/warn"}),
    ("Hold a two-day meeting in Geneva to discuss the situation.", {"vague/block", "horizon/warn"}),
    (
        "Establish a joint committee to discuss all aspects of the border dispute.",
        {"broad/block", "horizon/warn", "no_place/warn"},
    ),
]


class TestStatements:
    """Tight statements pass clean; broad, vague, timeless and placeless ones are named."""

    @pytest.mark.parametrize("text", TIGHT)
    def test_tight_statement_has_no_finding(self, text: str) -> None:
        assert set() == kinds(text)

    @pytest.mark.parametrize(("text", "expected"), NOT_TIGHT)
    def test_loose_statement_gets_its_findings(self, text: str, expected: set[str]) -> None:
        assert expected == kinds(text)

    def test_blocking_findings_come_first(self) -> None:
        severities = [f.severity for f in lint_scope("Promote dialogue and understanding.")]
        assert ["block", "warn", "warn"] == severities


class TestBroad:
    """More than one problem blocks; two sectors in one list only warn; goods are not sectors."""

    def test_message_names_the_words_and_the_rule(self) -> None:
        message = finding("Build a comprehensive and lasting peace in the region.", "broad").message
        assert "'comprehensive'" in message
        assert "'lasting peace'" in message
        assert "within 90 days" in message
        assert "kill momentum" in message

    def test_list_of_sectors_is_named(self) -> None:
        text = "Agree steps on security, trade and education for Halvik within 60 days."
        message = finding(text, "broad").message
        assert "a list of 3 sectors (security, economy, education)" in message

    def test_goods_in_a_list_are_one_problem(self) -> None:
        text = "Let fuel, food and medicines through the Sarn corridor within 30 days."
        assert "broad" not in {f.kind for f in lint_scope(text)}

    def test_sectors_far_apart_are_not_a_list(self) -> None:
        text = (
            "Agree a list of detainees held by the security services for transfer to the "
            "Tarn crossing within 30 days."
        )
        assert set() == kinds(text)


class TestVague:
    """Nothing testable blocks; talk about a concrete object, or a bare 'agree', warns."""

    def test_no_object_at_all_blocks_and_names_the_talk_verb(self) -> None:
        message = finding("Promote dialogue and understanding.", "vague").message
        assert "Nothing here could be tested ('promote' describes activity" in message

    def test_physical_action_is_testable(self) -> None:
        assert set() == kinds("Demine the Aren road within 45 days.")

    def test_a_number_is_testable(self) -> None:
        assert set() == kinds("Bring 300 families back to Kessa village within 90 days.")

    def test_numbers_in_the_horizon_or_a_year_are_not_quantities(self) -> None:
        text = "Improve security in Halvik district within 60 days, as promised in 2024."
        assert "vague/block" in kinds(text)


class TestHorizon:
    """Durations and dates become days; past 90 blocks, none stated warns."""

    @pytest.mark.parametrize(
        ("phrase", "days"),
        [
            ("within 90 days", None),
            ("in three months", None),
            ("within six weeks", None),
            ("within a fortnight", None),
            ("within 72 hours", None),
            ("over the next few months", None),
            ("in the coming weeks", None),
            ("within 12 months", 360),
            ("over the next two years", 730),
            ("within half a year", 182),
            ("within 1.5 years", 548),
            ("in the next 100 days", 100),
            ("over a six-month period", 180),
            ("eighteen months from now", 540),
            ("in the coming years", 730),
        ],
    )
    def test_relative_duration(self, phrase: str, days: int | None) -> None:
        text = f"Agree a list of detainees for exchange at the Tarn crossing {phrase}."
        found = [f for f in lint_scope(text) if f.kind == "horizon"]
        if days is None:
            assert [] == found
        else:
            assert ["block"] == [f.severity for f in found]
            assert f"{days} days" in found[0].message

    @pytest.mark.parametrize(
        ("phrase", "without_today", "with_today"),
        [
            ("by the end of the year", "block", None),  # 60 days from 1 November
            ("by year-end", "block", None),
            ("by the end of next year", "block", "block"),
            ("by the end of the month", None, None),
            ("by the end of next month", None, None),
            ("by the end of the quarter", None, None),
            ("by the end of next quarter", "block", "block"),  # 150 days
            ("by the end of the decade", "block", "block"),
            ("by 2030", "block", "block"),
            ("by the end of 2027", "block", "block"),
            ("by 15 January 2026", "block", None),
            ("by 2025-12-20", "block", None),
            ("by mid-December", "warn", None),
            ("by 15 March", "warn", "block"),  # 134 days
            ("by December 1, 2025", "block", None),
            ("by 1 October 2025", "block", "warn"),  # already past
            ("by 31 February 2026", "block", "warn"),  # not in the calendar
        ],
    )
    def test_calendar_deadline(
        self, phrase: str, without_today: str | None, with_today: str | None
    ) -> None:
        text = f"Agree a list of detainees for exchange at the Tarn crossing {phrase}."
        for today, expected in ((None, without_today), (TODAY, with_today)):
            found = [f.severity for f in lint_scope(text, today=today) if f.kind == "horizon"]
            assert ([expected] if expected else []) == found

    def test_year_end_without_today_is_read_at_its_longest(self) -> None:
        text = "Agree a list of detainees at the Tarn crossing by the end of the year."
        assert (
            "'by the end of the year' may be up to 365 days away"
            in finding(text, "horizon").message
        )

    def test_past_phrases_are_not_horizons(self) -> None:
        text = "Agree a list of detainees at the Tarn crossing after two years of war."
        assert "No horizon stated" in finding(text, "horizon").message

    def test_meeting_length_is_not_a_horizon(self) -> None:
        text = "Agree a list of detainees at the Tarn crossing during a two-day meeting."
        assert "horizon/warn" in kinds(text)

    def test_open_ended_words_are_named(self) -> None:
        text = "Agree a durable arrangement for the Tarn crossing schedule."
        assert "No horizon stated ('durable' sets no end)" in finding(text, "horizon").message

    def test_first_steps_inside_and_later_ones_outside_warn(self) -> None:
        text = "Agree a schedule for the Tarn crossing within 30 days and review it by 2030."
        message = finding(text, "horizon").message
        assert "warn" == finding(text, "horizon").severity
        assert message.startswith("'within 30 days' fits, but 'by 2030'")

    def test_horizon_days_argument_wins_over_the_text(self) -> None:
        text = "Agree a list of detainees at the Tarn crossing over the next two years."
        assert set() == kinds(text, horizon_days=60)
        assert {"horizon/block"} == kinds(TIGHT[0], horizon_days=91)
        assert set() == kinds(TIGHT[0], horizon_days=90)

    def test_message_quotes_the_text_as_written(self) -> None:
        text = "Agree a list of detainees at the Tarn crossing Over The Next Two Years."
        assert "'Over The Next Two Years' is about 730 days" in finding(text, "horizon").message


class TestNoPlace:
    """A named place anchors the scope; generic geography does not."""

    @pytest.mark.parametrize(
        "text",
        [
            "Agree a list of detainees held in Aren within 30 days.",
            "Agree a list of detainees held at Tel Mar within 30 days.",
            "Agree a list of detainees held along the Line of Contact within 30 days.",
            "Agree a list of detainees held across North Kivu within 30 days.",
            "Agree a list of detainees held in the Governorate of Idlib within 30 days.",
            "Agree a list of detainees held in الرقة within 30 days.",
            "Sarn corridor: agree access triggers within 30 days.",
            "Agree a list of detainees held near the bridge of the Saints within 30 days.",
        ],
    )
    def test_named_place(self, text: str) -> None:
        assert set() == kinds(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Agree a list of detainees held in the region within 30 days.",
            "Agree a list of detainees held along the border within 30 days.",
            "Agree a list of detainees held in the North within 30 days.",
            "Agree a list of detainees held by Party A and Party B within 30 days.",
            "Agree a list of detainees held by the UN and ICRC in March within 30 days.",
            "Border crossing schedules to be agreed within 30 days.",
            "Humanitarian corridor schedules to be agreed within 30 days.",
        ],
    )
    def test_no_place(self, text: str) -> None:
        assert {"no_place/warn"} == kinds(text)

    def test_generic_noun_is_explained(self) -> None:
        message = finding("Agree a schedule for the region within 30 days.", "no_place").message
        assert "'the region' alone is not a place" in message


class TestBadInput:
    """Blank text and a horizon of zero or less are bad input, each naming its field."""

    @pytest.mark.parametrize("text", ["", "   ", "\n\t "])
    def test_blank_text(self, text: str) -> None:
        with pytest.raises(BadInputError) as raised:
            lint_scope(text)
        assert "text" == raised.value.field

    @pytest.mark.parametrize("days", [0, -5])
    def test_horizon_not_above_zero(self, days: int) -> None:
        with pytest.raises(BadInputError) as raised:
            lint_scope(TIGHT[0], days)
        assert "horizon_days" == raised.value.field

    def test_text_over_the_limit(self) -> None:
        with pytest.raises(BadInputError) as raised:
            lint_scope("a" * 100_001)
        assert "text" == raised.value.field


class TestRobustness:
    """Huge text lints fast; any text that is not blank lints without raising."""

    def test_100k_characters_lint_in_under_a_second(self) -> None:
        text = (" ".join(TIGHT + [t for t, _ in NOT_TIGHT]) * 40)[:100_000]
        started = time.perf_counter()
        found = lint_scope(text)
        assert time.perf_counter() - started < 1.0
        assert "broad/block" in {f"{f.kind}/{f.severity}" for f in found}

    @settings(max_examples=300)
    @given(st.text(max_size=400))
    def test_any_unicode_text(self, text: str) -> None:
        if not text.strip():
            with pytest.raises(BadInputError):
                lint_scope(text)
            return
        found = lint_scope(text, today=TODAY)
        assert all(f.severity in ("block", "warn") and f.message for f in found)

    @settings(max_examples=300)
    @given(
        st.lists(
            st.sampled_from(
                "by before within in over the next end of year month quarter decade 2030 "
                "2025-02-30 15 31 March mid- a few half several weeks days hours , and "
                "security trade water Sarn corridor the region İ ß ſeven K comprehensive "
                "discuss agree list 90-day 0 99999 1.5".split()
            ),
            min_size=1,
            max_size=40,
        ),
        st.sampled_from([None, TODAY, date(2025, 12, 31), date(2024, 2, 29)]),
    )
    def test_horizon_shaped_text(self, words: list[str], today: date | None) -> None:
        found = lint_scope(" ".join(words), today=today)
        assert len({f.kind for f in found}) == len(found)


class TestScopeOk:
    """scope_ok is False exactly when a finding blocks."""

    def test_warnings_pass(self) -> None:
        assert scope_ok(lint_scope("Agree humanitarian access triggers for the Sarn corridor."))

    def test_a_block_fails(self) -> None:
        assert not scope_ok(lint_scope("Build a comprehensive and lasting peace in the region."))

    def test_nothing_found_passes(self) -> None:
        assert scope_ok(())
