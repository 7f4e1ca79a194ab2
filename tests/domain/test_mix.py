"""Mix rules: parsing MIX.toml dicts into dotted rules, checking rosters, warnings, and the
plain words for a set of rules that cannot all hold."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.domain.dialogue import Interlocutor
from backchannel.domain.errors import BadInputError
from backchannel.domain.mix import (
    MixRules,
    Rule,
    RuleKind,
    check_roster,
    check_rules_against_pool,
    editorial_warnings,
    explain_conflict,
    holds,
    rules_from_toml,
)
from backchannel.domain.people import Candidate, Category

FULL: dict[str, Any] = {
    "size": {"min": 10, "max": 16},
    "category": {"technical_expert": {"min": 3}, "authoritative_proxy": {"max": 7}},
    "party": {"A": {"min": 3, "max": 5}},
    "gender": {"min_share": {"F": 0.4}},
    "affiliation": {"max_per": 2},
    "channels": {"required": ["Gov-A Presidency", "Authority-B Council"]},
    "people": {"include": ["c017"], "exclude": ["c003"]},
}


def person(
    id_: str,
    *,
    party: str = "A",
    category: Category = Category.TECHNICAL_EXPERT,
    gender: str = "F",
    affiliation: str = "",
    channels: tuple[str, ...] = (),
    conflicts: tuple[str, ...] = (),
    available: bool = True,
    priority: int = 5,
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


def error_of(data: dict[str, Any]) -> BadInputError:
    with pytest.raises(BadInputError) as caught:
        rules_from_toml(data)
    return caught.value


class TestRulesFromToml:
    """Every rule gets its dotted name; the size bounds default to 10 and 16."""

    def test_every_rule_kind_and_its_dotted_name(self) -> None:
        names = [r.name for r in rules_from_toml(FULL).rules]
        assert [
            "size.min",
            "size.max",
            "category.technical_expert.min",
            "category.authoritative_proxy.max",
            "party.A.min",
            "party.A.max",
            "gender.min_share.F",
            "affiliation.max_per",
            "channels.required.Gov-A Presidency",
            "channels.required.Authority-B Council",
            "people.include.c017",
            "people.exclude.c003",
        ] == names

    def test_size_defaults_to_ten_to_sixteen(self) -> None:
        rules = rules_from_toml({})
        assert (10, 16) == (rules.size_min, rules.size_max)
        assert ["size.min", "size.max"] == [r.name for r in rules.rules]

    def test_one_size_bound_keeps_the_other_default(self) -> None:
        rules = rules_from_toml({"size": {"max": 12}})
        assert (10, 12) == (rules.size_min, rules.size_max)

    def test_share_is_the_exact_decimal(self) -> None:
        rule = rules_from_toml({"gender": {"min_share": {"F": 0.4, "X": 1}}}).rules[2]
        assert Fraction(2, 5) == rule.share

    def test_lookup_by_name(self) -> None:
        rules = rules_from_toml(FULL)
        assert 5 == rules.by_name()["party.A.max"].limit
        assert rules.get(RuleKind.AFFILIATION_MAX_PER) == Rule(
            RuleKind.AFFILIATION_MAX_PER, limit=2
        )


class TestBadRules:
    """Bad input names the dotted rule: unknown keys, wrong types, negative numbers."""

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({"sizes": {"min": 1}}, "sizes"),
            ({"size": {"minimum": 1}}, "size.minimum"),
            ({"party": {"A": {"least": 1}}}, "party.A.least"),
            ({"gender": {"max_share": {"F": 0.5}}}, "gender.max_share"),
            ({"affiliation": {"per": 2}}, "affiliation.per"),
            ({"channels": {"needed": []}}, "channels.needed"),
            ({"people": {"must": []}}, "people.must"),
        ],
    )
    def test_unknown_key(self, data: dict[str, Any], field: str) -> None:
        error = error_of(data)
        assert field == error.field
        assert "unknown rule" in error.message

    def test_unknown_category(self) -> None:
        error = error_of({"category": {"diplomat": {"min": 1}}})
        assert "category.diplomat" == error.field
        assert "technical_expert" in error.message

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({"size": {"max": "16"}}, "size.max"),
            ({"size": {"min": 10.0}}, "size.min"),
            ({"size": {"min": True}}, "size.min"),
            ({"size": {"min": -1}}, "size.min"),
            ({"party": {"A": {"max": -2}}}, "party.A.max"),
            ({"category": {"community_voice": {"min": [3]}}}, "category.community_voice.min"),
            ({"affiliation": {"max_per": 0}}, "affiliation.max_per"),
            ({"size": {"max": 10**9}}, "size.max"),
        ],
    )
    def test_counts_are_whole_numbers_in_range(self, data: dict[str, Any], field: str) -> None:
        assert field == error_of(data).field

    @pytest.mark.parametrize("share", [1.5, -0.1, "0.4", True])
    def test_share_from_zero_to_one(self, share: object) -> None:
        assert "gender.min_share.F" == error_of({"gender": {"min_share": {"F": share}}}).field

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({"size": 10}, "size"),
            ({"party": {"A": 3}}, "party.A"),
            ({"gender": {"min_share": 0.4}}, "gender.min_share"),
            ({"channels": {"required": "Gov-A Presidency"}}, "channels.required"),
            ({"people": {"include": [17]}}, "people.include"),
            ({"people": {"exclude": [""]}}, "people.exclude"),
        ],
    )
    def test_tables_and_lists_have_their_shape(self, data: dict[str, Any], field: str) -> None:
        assert field == error_of(data).field

    def test_empty_names(self) -> None:
        assert "party" == error_of({"party": {"": {"min": 1}}}).field
        assert "gender.min_share" == error_of({"gender": {"min_share": {" ": 0.5}}}).field

    def test_a_name_listed_twice(self) -> None:
        error = error_of({"people": {"include": ["c1", "c2", "c1"]}})
        assert "people.include.c1" == error.field
        assert "twice" in error.message

    def test_people_rules_must_name_candidates_in_the_pool(self) -> None:
        rules = rules_from_toml({"people": {"include": ["c1"], "exclude": ["c9"]}})
        with pytest.raises(BadInputError) as caught:
            check_rules_against_pool(rules, [person("c1")])
        assert "people.exclude.c9" == caught.value.field

    @settings(max_examples=300, deadline=None)
    @given(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(
                    st.sampled_from(
                        [
                            "size",
                            "min",
                            "max",
                            "party",
                            "A",
                            "category",
                            "technical_expert",
                            "gender",
                            "min_share",
                            "F",
                            "people",
                            "include",
                            "channels",
                            "required",
                            "affiliation",
                            "max_per",
                            "x",
                        ]
                    ),
                    inner,
                    max_size=4,
                )
            ),
            max_leaves=12,
        )
    )
    def test_any_shape_gives_rules_or_bad_input(self, data: object) -> None:
        if not isinstance(data, dict):
            data = {"size": data}
        try:
            rules = rules_from_toml(data)
        except BadInputError as error:
            assert error.field
        else:
            assert rules.size_min >= 0


class TestHolds:
    """Each rule, checked on a roster exactly as the optimizer models it."""

    def test_gender_share_is_exact(self) -> None:
        rule = rules_from_toml({"gender": {"min_share": {"F": 0.4}}}).rules[2]
        four_of_ten = [person(f"f{i}") for i in range(4)] + [
            person(f"m{i}", gender="M") for i in range(6)
        ]
        assert holds(rule, four_of_ten)
        assert not holds(rule, four_of_ten[1:] + [person("m9", gender="M")])
        assert holds(rule, [])

    def test_blank_affiliation_is_no_organisation(self) -> None:
        rule = Rule(RuleKind.AFFILIATION_MAX_PER, limit=1)
        assert holds(rule, [person("a"), person("b")])
        assert not holds(rule, [person("a", affiliation="X"), person("b", affiliation="X")])

    def test_channels_and_people(self) -> None:
        roster = [person("a", channels=("UN Envoy Office",)), person("b")]
        assert holds(Rule(RuleKind.CHANNEL_REQUIRED, "UN Envoy Office"), roster)
        assert not holds(Rule(RuleKind.CHANNEL_REQUIRED, "Gov-A MFA"), roster)
        assert holds(Rule(RuleKind.INCLUDE, "a"), roster)
        assert not holds(Rule(RuleKind.EXCLUDE, "b"), roster)

    def test_counts_by_category_and_party(self) -> None:
        roster = [person("a"), person("b", party="B", category=Category.COMMUNITY_VOICE)]
        assert holds(Rule(RuleKind.CATEGORY_MIN, "community_voice", limit=1), roster)
        assert not holds(Rule(RuleKind.CATEGORY_MAX, "technical_expert", limit=0), roster)
        assert holds(Rule(RuleKind.PARTY_MAX, "B", limit=1), roster)
        assert not holds(Rule(RuleKind.PARTY_MIN, "A", limit=2), roster)


class TestCheckRoster:
    """A roster's broken rules by dotted name; unavailability and conflicts always count."""

    def test_a_good_roster_breaks_nothing(self) -> None:
        rules = rules_from_toml({"size": {"min": 2, "max": 3}})
        assert () == check_roster([person("a"), person("b")], rules)

    def test_always_in_force(self) -> None:
        rules = rules_from_toml({"size": {"min": 0}})
        roster = [person("a", available=False), person("b", conflicts=("c",)), person("c")]
        broken = check_roster(roster, rules)
        assert ["available", "conflicts"] == [v.rule for v in broken]
        assert "b and c cannot sit together" == broken[1].message

    def test_names_each_broken_rule(self) -> None:
        rules = rules_from_toml({"size": {"min": 3}, "people": {"include": ["z"]}})
        assert ["size.min", "people.include.z"] == [
            v.rule for v in check_roster([person("a")], rules)
        ]


class TestEditorialWarnings:
    """The method's warnings: room size, a missing category, an unreachable interlocutor."""

    def roster(self, n: int) -> list[Candidate]:
        cats = list(Category)
        return [person(f"p{i}", category=cats[i % 3]) for i in range(n)]

    def test_a_balanced_room_has_none(self) -> None:
        assert () == editorial_warnings(self.roster(12), rules_from_toml({}))

    def test_room_too_large_or_small(self) -> None:
        assert any("more than 16" in w for w in editorial_warnings(self.roster(17)))
        assert any("fewer than 10" in w for w in editorial_warnings(self.roster(9)))
        warned = editorial_warnings(self.roster(12), rules_from_toml({"size": {"max": 20}}))
        assert ["size.max is 20: rooms over 16 people lose momentum"] == list(warned)

    def test_missing_category(self) -> None:
        roster = [person(f"p{i}") for i in range(12)]
        warned = editorial_warnings(roster)
        assert ["no authoritative_proxy on the roster", "no community_voice on the roster"] == [
            w for w in warned if w.startswith("no ")
        ]

    def test_party_without_a_channel_to_its_interlocutor(self) -> None:
        roster = self.roster(11) + [person("x", channels=("Gov-A Presidency",))]
        interlocutors = [
            Interlocutor("gov-a-pres", "Gov-A Presidency", party="A"),
            Interlocutor("auth-b", "Authority-B Council", party="B"),
        ]
        warned = editorial_warnings(roster, None, interlocutors)
        assert ["party B: no participant has a channel to Authority-B Council"] == list(warned)


class TestExplainConflict:
    """Plain words for each kind of conflict, with the numbers that clash."""

    pool = [
        person("a1", category=Category.AUTHORITATIVE_PROXY, gender="M"),
        person("a2", category=Category.AUTHORITATIVE_PROXY, available=False),
        person("t1"),
        person("t2", gender="M", affiliation="Org"),
        person("t3", gender="M", affiliation="Org", conflicts=("t4",)),
        person("t4", party="B", channels=("UN Envoy Office",)),
    ]

    def explain(self, data: dict[str, Any], names: list[str]) -> str:
        by_name = rules_from_toml(data).by_name()
        return explain_conflict([by_name[n] for n in names], self.pool)

    def test_size_against_category_minimums(self) -> None:
        data = {
            "size": {"max": 12},
            "category": {
                "authoritative_proxy": {"min": 4},
                "technical_expert": {"min": 5},
                "community_voice": {"min": 4},
            },
        }
        names = ["size.max", *(f"category.{c}.min" for c in Category)]
        text = self.explain(data, names)
        assert (
            "the roster may have at most 12 people, but the category minimums add up to 13"
        ) in text
        assert "At least one of these rules must give: size.max" in text

    def test_size_against_party_maximums(self) -> None:
        data = {"size": {"min": 10}, "party": {"A": {"max": 3}, "B": {"max": 4}}}
        text = self.explain(data, ["size.min", "party.A.max", "party.B.max"])
        assert "needs at least 10 people, but the party maximums allow only 7" in text

    def test_min_above_max(self) -> None:
        text = self.explain({"party": {"B": {"min": 3, "max": 2}}}, ["party.B.min", "party.B.max"])
        assert "party.B.min asks for at least 3 but party.B.max allows at most 2" in text

    def test_shares_over_the_whole(self) -> None:
        data = {"gender": {"min_share": {"F": 0.4, "M": 0.7}}}
        text = self.explain(data, ["size.min", "gender.min_share.F", "gender.min_share.M"])
        assert "(40%) and gender.min_share.M (70%) together ask for 110% of the roster" in text

    def test_too_few_of_a_gender(self) -> None:
        data = {"size": {"min": 10}, "gender": {"min_share": {"F": 0.4}}}
        text = self.explain(data, ["size.min", "gender.min_share.F"])
        assert "only 2 available candidates have gender F" in text
        assert "a roster of at least 10 needs 4" in text

    def test_missing_channel(self) -> None:
        text = self.explain(
            {"channels": {"required": ["Gov-A Army Staff"]}}, ["channels.required.Gov-A Army Staff"]
        )
        assert "no available candidate has the channel 'Gov-A Army Staff'" in text
        assert text.endswith("Relax or remove channels.required.Gov-A Army Staff.")

    def test_too_few_candidates(self) -> None:
        text = self.explain({"size": {"min": 20}}, ["size.min"])
        assert "size.min asks for 20 people, but only 5 candidates are available" in text
        text = self.explain(
            {"category": {"authoritative_proxy": {"min": 2}}}, ["category.authoritative_proxy.min"]
        )
        assert "asks for 2, but only 1 available candidates qualify" in text

    def test_people(self) -> None:
        assert "a2 is marked unavailable" in self.explain(
            {"people": {"include": ["a2"]}}, ["people.include.a2"]
        )
        both = {"people": {"include": ["t1"], "exclude": ["t1"]}}
        assert "t1 is both in people.include and in people.exclude" in self.explain(
            both, ["people.include.t1", "people.exclude.t1"]
        )
        pair = {"people": {"include": ["t3", "t4"]}}
        assert "t3 and t4 are both in people.include, but they cannot sit together" in (
            self.explain(pair, ["people.include.t3", "people.include.t4"])
        )
        org = {"affiliation": {"max_per": 1}, "people": {"include": ["t2", "t3"]}}
        assert "people.include names 2 people from Org, but affiliation.max_per is 1" in (
            self.explain(org, ["affiliation.max_per", "people.include.t2", "people.include.t3"])
        )
        party = {"party": {"A": {"max": 1}}, "people": {"include": ["t1", "t2"]}}
        assert "names 2 people of party A, but party.A.max allows 1" in self.explain(
            party, ["party.A.max", "people.include.t1", "people.include.t2"]
        )

    def test_excluded_channel_holders(self) -> None:
        data = {"channels": {"required": ["UN Envoy Office"]}, "people": {"exclude": ["t4"]}}
        text = self.explain(data, ["channels.required.UN Envoy Office", "people.exclude.t4"])
        assert "every available candidate with the channel 'UN Envoy Office' is excluded" in text

    def test_anything_else_is_still_named(self) -> None:
        data = {"party": {"B": {"min": 1}}, "affiliation": {"max_per": 1}}
        text = self.explain(data, ["party.B.min", "affiliation.max_per"])
        assert text.startswith("No roster meets every rule: these rules cannot all hold")
        assert text.endswith("must give: party.B.min, affiliation.max_per.")


def test_mixrules_is_a_plain_record() -> None:
    rules = MixRules((Rule(RuleKind.SIZE_MAX, limit=3),))
    assert (0, 3) == (rules.size_min, rules.size_max)
