"""When no roster exists: a minimal set of rules that cannot all hold, by dotted name."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from backchannel.domain.mix import explain_conflict, rules_from_toml
from backchannel.domain.people import Candidate, Category
from backchannel.optimizer import conflicting_rules, select_roster


def pool_of(n: int = 30) -> list[Candidate]:
    """Three categories, parties A/B/C, genders alternating F and M, a few channels."""
    cats = list(Category)
    return [
        Candidate(
            id=f"c{i:02d}",
            name=f"Person {i}",
            party="ABC"[i % 3],
            category=cats[(i // 3) % 3],
            gender="FM"[i % 2],
            affiliation=f"Org{i % 7}",
            channels=("Gov-A Presidency",) if i in (3, 9) else (),
            conflicts=("c01",) if i == 2 else (),
            available=i != 5,
            priority=i % 11,
        )
        for i in range(n)
    ]


BASE: dict[str, Any] = {
    "size": {"min": 10, "max": 16},
    "category": {
        "authoritative_proxy": {"min": 4, "max": 7},
        "technical_expert": {"min": 3},
        "community_voice": {"min": 3},
    },
    "party": {"A": {"min": 3, "max": 5}, "B": {"min": 3, "max": 5}, "C": {"min": 1}},
    "gender": {"min_share": {"F": 0.4}},
    "affiliation": {"max_per": 3},
    "channels": {"required": ["Gov-A Presidency"]},
}


def core_of(changes: dict[str, Any], pool: list[Candidate] | None = None) -> list[str]:
    pool = pool or pool_of()
    rules = rules_from_toml({**BASE, **changes})
    outcome = select_roster(pool, rules, workers=1)
    assert not outcome.feasible
    assert outcome.optimal  # the core was proven minimal
    return [r.name for r in outcome.conflicts]


class TestMinimalCores:
    """Each kind of conflict is named by exactly the rules that make it."""

    def test_the_base_rules_can_hold(self) -> None:
        assert conflicting_rules(pool_of(), rules_from_toml(BASE)) is None
        assert select_roster(pool_of(), rules_from_toml(BASE)).feasible

    def test_category_minimums_over_size_max(self) -> None:
        changes = {
            "size": {"min": 10, "max": 12},
            "category": {
                "authoritative_proxy": {"min": 4, "max": 7},
                "technical_expert": {"min": 5},
                "community_voice": {"min": 4},
            },
        }
        assert [
            "size.max",
            "category.authoritative_proxy.min",
            "category.technical_expert.min",
            "category.community_voice.min",
        ] == core_of(changes)

    def test_party_minimums_over_size_max(self) -> None:
        changes = {"size": {"min": 5, "max": 8}, "party": {"A": {"min": 4}, "B": {"min": 5}}}
        assert ["size.max", "party.A.min", "party.B.min"] == core_of(changes)

    def test_gender_shares_over_the_whole(self) -> None:
        core = core_of({"gender": {"min_share": {"F": 0.4, "M": 0.7}}})
        assert ["size.min", "gender.min_share.F", "gender.min_share.M"] == core

    def test_too_few_of_a_gender(self) -> None:
        pool = [
            c if c.gender == "M" or c.id in ("c00", "c02") else replace(c, gender="M")
            for c in pool_of()
        ]
        assert ["size.min", "gender.min_share.F"] == core_of({}, pool)

    def test_channel_nobody_has(self) -> None:
        core = core_of({"channels": {"required": ["Gov-A Presidency", "Gov-A Army Staff"]}})
        assert ["channels.required.Gov-A Army Staff"] == core

    def test_channel_holders_all_excluded(self) -> None:
        core = core_of({"people": {"exclude": ["c03", "c09"]}})
        assert [
            "channels.required.Gov-A Presidency",
            "people.exclude.c03",
            "people.exclude.c09",
        ] == core

    def test_include_someone_unavailable(self) -> None:
        assert ["people.include.c05"] == core_of({"people": {"include": ["c05"]}})

    def test_include_and_exclude_the_same_person(self) -> None:
        core = core_of({"people": {"include": ["c07"], "exclude": ["c07"]}})
        assert ["people.include.c07", "people.exclude.c07"] == core

    def test_include_two_in_conflict(self) -> None:
        core = core_of({"people": {"include": ["c01", "c02"]}})
        assert ["people.include.c01", "people.include.c02"] == core

    def test_includes_over_a_party_maximum(self) -> None:
        core = core_of({"people": {"include": ["c00", "c03", "c06", "c09", "c12", "c15"]}})
        assert "party.A.max" in core
        assert 7 == len(core)


class TestExplanation:
    """The plain words come with the core and quote the numbers that clash."""

    def test_size_words(self) -> None:
        pool = pool_of()
        rules = rules_from_toml({**BASE, "size": {"min": 10, "max": 9}})
        outcome = select_roster(pool, rules, workers=1)
        text = explain_conflict(outcome.conflicts, pool)
        assert ["size.min", "size.max"] == [r.name for r in outcome.conflicts]
        assert "size.min is 10 but size.max is 9" in text
