"""The exact roster: highest total priority under every rule, ties to more distinct
affiliations, checked rule by rule and against brute force on small pools."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.domain.mix import MixRules, check_roster, rules_from_toml
from backchannel.domain.people import Candidate, Category
from backchannel.optimizer import Outcome, select_roster

TE, AP, CV = Category.TECHNICAL_EXPERT, Category.AUTHORITATIVE_PROXY, Category.COMMUNITY_VOICE


def person(
    id_: str,
    priority: int = 5,
    *,
    party: str = "A",
    category: Category = TE,
    gender: str = "F",
    affiliation: str = "",
    channels: tuple[str, ...] = (),
    conflicts: tuple[str, ...] = (),
    available: bool = True,
) -> Candidate:
    return Candidate(
        id=id_,
        name=f"Person {id_}",
        party=party,
        category=category,
        gender=gender,
        affiliation=affiliation,
        channels=channels,
        conflicts=conflicts,
        available=available,
        priority=priority,
    )


def solve(pool: Sequence[Candidate], **tables: Any) -> Outcome:
    rules = rules_from_toml({"size": {"min": 0, "max": 3}, **tables})
    outcome = select_roster(pool, rules, workers=1)
    assert () == check_roster(outcome.roster, rules)
    return outcome


def ids(outcome: Outcome) -> list[str]:
    return [c.id for c in outcome.roster]


class TestEveryRuleKind:
    """Each rule changes the roster the way its dotted name says."""

    pool = [
        person("p9", 9),
        person("p8", 8),
        person("p7", 7),
        person("cv", 2, party="B", category=CV, gender="M", channels=("UN Envoy Office",)),
        person("ap", 1, party="B", category=AP, gender="M"),
    ]

    def test_size_max_takes_the_highest_priorities(self) -> None:
        outcome = solve(self.pool)
        assert ["p9", "p8", "p7"] == ids(outcome)
        assert (24, True) == (outcome.priority, outcome.optimal)

    def test_size_min_can_force_a_larger_room(self) -> None:
        outcome = solve(
            self.pool, size={"min": 4, "max": 5}, category={"technical_expert": {"max": 2}}
        )
        assert ["p9", "p8", "cv", "ap"] == ids(outcome)

    def test_category_min_and_max(self) -> None:
        assert ["p9", "p8", "cv"] == ids(solve(self.pool, category={"community_voice": {"min": 1}}))
        assert ["p9", "cv", "ap"] == ids(
            solve(self.pool, category={"technical_expert": {"max": 1}})
        )

    def test_party_min_and_max(self) -> None:
        assert ["p9", "cv", "ap"] == ids(solve(self.pool, party={"B": {"min": 2}}))
        assert ["p9", "p8", "cv"] == ids(solve(self.pool, party={"A": {"max": 2}}))

    def test_gender_share_exactly(self) -> None:
        # 0.34 of 3 is 1.02: one M is not enough for three people, so it takes two of them.
        outcome = solve(self.pool, gender={"min_share": {"M": 0.34}})
        assert ["p9", "cv", "ap"] == ids(outcome)
        assert ["p9", "p8", "cv"] == ids(solve(self.pool, gender={"min_share": {"M": 0.33}}))

    def test_affiliation_max_per(self) -> None:
        pool = [
            person("a", 9, affiliation="Org"),
            person("b", 8, affiliation="Org"),
            person("c", 1),
        ]
        assert ["a", "c"] == ids(solve(pool, size={"min": 0, "max": 2}, affiliation={"max_per": 1}))

    def test_blank_affiliation_is_not_limited(self) -> None:
        pool = [person("a", 9), person("b", 8), person("c", 1, affiliation="Org")]
        outcome = solve(pool, size={"min": 0, "max": 2}, affiliation={"max_per": 1})
        assert ["a", "b"] == ids(outcome)

    def test_channel_required(self) -> None:
        outcome = solve(self.pool, channels={"required": ["UN Envoy Office"]})
        assert ["p9", "p8", "cv"] == ids(outcome)

    def test_include_and_exclude(self) -> None:
        outcome = solve(self.pool, people={"include": ["ap"], "exclude": ["p9"]})
        assert ["p8", "p7", "ap"] == ids(outcome)


class TestAlwaysInForce:
    """Unavailable candidates and pairs in conflict are never chosen, whatever the rules."""

    def test_unavailable_never_chosen(self) -> None:
        pool = [person("a", 10, available=False), person("b", 1), person("c", 1)]
        assert ["b", "c"] == ids(solve(pool))

    def test_conflict_listed_on_one_side_only(self) -> None:
        pool = [person("a", 10), person("b", 9, conflicts=("a",)), person("c", 1)]
        assert ["a", "c"] == ids(solve(pool))

    def test_conflict_with_someone_outside_the_pool_is_ignored(self) -> None:
        pool = [person("a", 10, conflicts=("zz",)), person("b", 9)]
        assert ["a", "b"] == ids(solve(pool))


class TestTieBreak:
    """Among rosters of equal total priority, the one with more distinct affiliations."""

    def test_more_distinct_affiliations(self) -> None:
        pool = [
            person("a", 5, affiliation="Org1"),
            person("b", 5, affiliation="Org1"),
            person("c", 5, affiliation="Org2"),
            person("d", 5, affiliation="Org1"),
            person("e", 5, affiliation="Org3"),
        ]
        outcome = solve(pool)
        assert 3 == outcome.distinct_affiliations
        assert 15 == outcome.priority

    def test_a_zero_priority_newcomer_adds_an_affiliation(self) -> None:
        pool = [person("a", 5, affiliation="Org1"), person("b", 0, affiliation="Org2")]
        outcome = solve(pool, size={"min": 1, "max": 2}, category={"technical_expert": {"min": 1}})
        assert ["a", "b"] == ids(outcome)

    def test_priority_comes_first(self) -> None:
        pool = [
            person("a", 6, affiliation="Org1"),
            person("b", 6, affiliation="Org1"),
            person("c", 5, affiliation="Org2"),
        ]
        assert ["a", "b"] == ids(solve(pool, size={"min": 0, "max": 2}))


# --- against brute force ----------------------------------------------------------------


def brute_force(pool: Sequence[Candidate], rules: MixRules) -> tuple[int, int] | None:
    """The best (priority, distinct affiliations) over every subset, None if none holds."""
    best = None
    for k in range(len(pool) + 1):
        for roster in itertools.combinations(pool, k):
            if not check_roster(roster, rules):
                score = (
                    sum(c.priority for c in roster),
                    len({c.affiliation for c in roster if c.affiliation}),
                )
                best = score if best is None or score > best else best
    return best


@st.composite
def pools_and_rules(draw: st.DrawFn) -> tuple[list[Candidate], dict[str, Any]]:
    n = draw(st.integers(1, 8))
    ids_ = [f"c{i}" for i in range(n)]
    pool = []
    for i in range(n):
        others = [x for x in ids_ if x != ids_[i]]
        pool.append(
            person(
                ids_[i],
                draw(st.integers(0, 10)),
                party=draw(st.sampled_from("AB")),
                category=draw(st.sampled_from(list(Category))),
                gender=draw(st.sampled_from("FMX")),
                affiliation=draw(st.sampled_from(["", "O1", "O2", "O3"])),
                channels=draw(st.sampled_from([(), ("Ch1",), ("Ch2",), ("Ch1", "Ch2")])),
                conflicts=tuple(draw(st.lists(st.sampled_from(others), max_size=1)))
                if others
                else (),
                available=draw(st.booleans() | st.just(True)),
            )
        )
    low = draw(st.integers(0, 4))
    data: dict[str, Any] = {"size": {"min": low, "max": draw(st.integers(low, 6))}}
    if draw(st.booleans()):
        data["category"] = {
            draw(st.sampled_from(list(Category))).value: {"min": draw(st.integers(0, 2))}
        }
    if draw(st.booleans()):
        data["party"] = {draw(st.sampled_from("AB")): {"max": draw(st.integers(0, 3))}}
    if draw(st.booleans()):
        data["gender"] = {
            "min_share": {draw(st.sampled_from("FM")): draw(st.sampled_from([0.25, 0.4, 0.5]))}
        }
    if draw(st.booleans()):
        data["affiliation"] = {"max_per": draw(st.integers(1, 2))}
    if draw(st.booleans()):
        data["channels"] = {
            "required": draw(st.lists(st.sampled_from(["Ch1", "Ch2"]), unique=True))
        }
    if draw(st.booleans()):
        data["people"] = {
            "include": draw(st.lists(st.sampled_from(ids_), unique=True, max_size=2)),
            "exclude": draw(st.lists(st.sampled_from(ids_), unique=True, max_size=1)),
        }
    return pool, data


class TestAgainstBruteForce:
    """On every small pool: the same optimum as trying every roster, or a core that brute
    force confirms cannot hold and that holds without any one of its rules."""

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(pools_and_rules())
    def test_same_answer(self, case: tuple[list[Candidate], dict[str, Any]]) -> None:
        pool, data = case
        rules = rules_from_toml(data)
        outcome = select_roster(pool, rules, workers=1)
        best = brute_force(pool, rules)
        if best is None:
            assert not outcome.feasible
            core = outcome.conflicts
            assert brute_force(pool, MixRules(core)) is None
            for rule in core:
                assert brute_force(pool, MixRules(tuple(r for r in core if r != rule)))
        else:
            assert outcome.feasible
            assert () == check_roster(outcome.roster, rules)
            assert best == (outcome.priority, outcome.distinct_affiliations)
            assert outcome.optimal
