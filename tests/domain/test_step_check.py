"""The steps checker: every kind of defect is flagged with a way to fix it; clean steps pass."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from backchannel.domain.step_check import (
    FIELDS,
    StepDraft,
    check_step,
    check_steps,
    draft_of,
)
from backchannel.domain.steps import Step

START = date(2027, 1, 18)

CLEAN = (
    StepDraft(
        "s1",
        what="Circulate a one-page list of three triggers and their thresholds for comment.",
        who="The facilitation team",
        when="2027-01-29",
        how="Sent informally to the Gov-A Access Committee and the Authority-B Liaison Office.",
        test="Both offices return written comments by 12 February.",
    ),
    StepDraft(
        "s2",
        what="Agree the cholera threshold and the list of reporting health posts.",
        who="Humanitarian Coordinator's Office",
        when="2027-02-19",
        how="A technical call convened by the platform with the health authorities of both sides.",
        test="The same threshold and list appear in both sides' written comments.",
    ),
    StepDraft(
        "s3",
        what="First convoy crosses at Dorran under the agreed triggers, sealed and observed.",
        who="The coordination platform, with both liaison offices notified",
        when="2027-03-15",
        how="Inspected and sealed once at Dorran; two observers from each side present.",
        test="The passage is logged by both liaison offices and the platform on the same day.",
    ),
    StepDraft(
        "s4",
        what="Support the delivery of one convoy of chlorine to Halvik.",
        who="Gov-A Access Committee",
        when="2027-04-18",
        how="A written authorisation sent to the customs post at Dorran.",
        test="At least 20 drums of chlorine are counted at the Halvik treatment plant.",
    ),
)


def flagged(draft: StepDraft, field: str) -> str:
    """The message for `field`; fails when the field is not (or not only once) flagged."""
    found = [f for f in check_step(draft, START) if f.field == field]
    assert 1 == len(found), [f.message for f in check_step(draft, START)]
    return found[0].message


def clean(**changes: str) -> StepDraft:
    return replace(CLEAN[0], **changes)


class TestCleanSteps:
    """Discrete, accountable, dated, with a means and an observable test: no finding."""

    def test_demo_like_steps_pass(self) -> None:
        assert () == check_steps(CLEAN, START)

    def test_a_recorded_step_converts(self) -> None:
        step = Step(
            "s9",
            "Open Dorran on Tuesdays.",
            "Gov-A Access Committee",
            date(2027, 2, 2),
            "A written order to the crossing.",
            "The order is signed by 1 February.",
        )
        assert ("s9", "2027-02-02") == (draft_of(step).id, draft_of(step).when)
        assert () == check_step(draft_of(step), START)

    @pytest.mark.parametrize("when", ["2027-01-18", "2027-04-18"])
    def test_the_first_and_last_day_of_the_horizon_are_inside(self, when: str) -> None:
        assert () == check_step(clean(when=when), START)


class TestWhat:
    """A `what` must be one discrete act, not an aspiration."""

    def test_missing(self) -> None:
        assert flagged(clean(what="  "), "what").startswith("missing")

    @pytest.mark.parametrize(
        "what",
        [
            "Explore a joint list of triggers",
            "Consider options for the crossing",
            "Foster dialogue between the liaison offices",
            "Encourage the parties to meet",
            "Both sides explore the idea of a weekly window",
        ],
    )
    def test_verbs_that_commit_to_nothing(self, what: str) -> None:
        assert "commits no one" in flagged(clean(what=what), "what")

    @pytest.mark.parametrize(
        "what",
        [
            "Enhance cooperation between the parties",
            "Strengthen coordination",
            "Support humanitarian access",
            "Improve relations",
            "Promote trust",
            "Continue to work together",
        ],
    )
    def test_soft_verbs_with_nothing_concrete(self, what: str) -> None:
        message = flagged(clean(what=what), "what")
        assert "nothing concrete to do" in message
        assert "name the thing" in message

    def test_a_soft_verb_with_something_concrete_passes(self) -> None:
        assert [] == [f for f in check_step(CLEAN[3], START) if f.field == "what"]

    def test_a_result_is_not_an_action(self) -> None:
        assert "describes a result, not an action" in flagged(clean(what="Improved access"), "what")

    def test_an_object_nobody_could_hand_over(self) -> None:
        message = flagged(clean(what="Agree the way forward"), "what")
        assert "'the way forward' is not something anyone could hand over" in message


class TestWho:
    """A `who` must be one accountable office or body, never everyone or a person."""

    def test_missing(self) -> None:
        assert flagged(clean(who=""), "who").startswith("missing")

    @pytest.mark.parametrize(
        ("who", "named"),
        [
            ("All stakeholders", "all stakeholders"),
            ("Relevant actors", "relevant actors"),
            ("Civil society", "civil society"),
            ("Everyone", "everyone"),
            ("Both sides", "both sides"),
            ("The international community", "international community"),
            ("TBD", "tbd"),
            ("Relevant ministries", "relevant"),
            ("The health ministry and all stakeholders", "all stakeholders"),
        ],
    )
    def test_no_accountable_actor(self, who: str, named: str) -> None:
        message = flagged(clean(who=who), "who")
        assert f"'{named}' is not an actor anyone can hold to a date" in message
        assert "name one office or body" in message

    @pytest.mark.parametrize("who", ["We", "they"])
    def test_pronouns(self, who: str) -> None:
        assert "no one in particular" in flagged(clean(who=who), "who")

    @pytest.mark.parametrize("who", ["Mr Haddad", "Dr. Alemu", "H.E. the Ambassador"])
    def test_a_person(self, who: str) -> None:
        assert "names a person" in flagged(clean(who=who), "who")

    @pytest.mark.parametrize(
        "who", ["Gov-A Access Committee", "Authority-B Liaison Office", "The facilitation team"]
    )
    def test_offices_pass(self, who: str) -> None:
        assert [] == [f for f in check_step(clean(who=who), START) if f.field == "who"]


class TestWhen:
    """A `when` is an ISO date inside the horizon counted from the start."""

    def test_missing(self) -> None:
        assert "the day this step is due" in flagged(clean(when=""), "when")

    @pytest.mark.parametrize("when", ["next month", "Q1 2027", "end of March", "2027-02-30"])
    def test_not_a_date(self, when: str) -> None:
        message = flagged(clean(when=when), "when")
        assert f"'{when}' is not a day" in message
        assert "(e.g. 2027-02-17)" in message

    def test_before_the_start(self) -> None:
        message = flagged(clean(when="2027-01-17"), "when")
        assert "is before the start (2027-01-18)" in message

    def test_beyond_the_horizon(self) -> None:
        message = flagged(clean(when="2027-04-19"), "when")
        assert "91 days after the start, outside the 90-day horizon (which ends 2027-04-18)" in (
            message
        )
        assert "bring it forward" in message

    def test_a_shorter_horizon(self) -> None:
        found = check_step(clean(when="2027-02-19"), START, horizon_days=30)
        assert ["when"] == [f.field for f in found]
        assert "30-day horizon" in found[0].message


class TestHow:
    """A `how` names a means: a channel, a meeting, a document, a mechanism."""

    def test_missing(self) -> None:
        assert flagged(clean(how=""), "how").startswith("missing")

    @pytest.mark.parametrize(
        "how", ["As appropriate", "Through appropriate channels", "Through dialogue", "TBD"]
    )
    def test_words_that_name_no_means(self, how: str) -> None:
        assert "names no means" in flagged(clean(how=how), "how")

    def test_a_real_means_with_a_filler_passes(self) -> None:
        draft = clean(how="A technical call convened by the platform, as appropriate")
        assert [] == [f for f in check_step(draft, START) if f.field == "how"]


class TestTest:
    """A `test` is something anyone could observe: a count, a threshold, a date, an artefact."""

    def test_missing(self) -> None:
        assert flagged(clean(test=""), "test").startswith("missing")

    @pytest.mark.parametrize(
        ("test", "hope"),
        [
            ("Cooperation improves", "cooperation"),
            ("The matter is discussed", "discussed"),
            ("Trust is promoted", "trust"),
            ("Progress is made by March", "progress"),
            ("Relations between the sides are better", "relations"),
        ],
    )
    def test_hopes(self, test: str, hope: str) -> None:
        message = flagged(clean(test=test), "test")
        assert f"'{hope}' is a hope, not a test" in message

    def test_nothing_to_observe(self) -> None:
        message = flagged(clean(test="The crossing works well"), "test")
        assert "nobody could observe this" in message
        assert "a count, a threshold, a date or a verifiable artefact" in message

    @pytest.mark.parametrize(
        "test",
        [
            "At least 3 lorries cross at Dorran",
            "The first convoy crosses by 15 March",
            "A signed letter reaches the platform",
            "The threshold is published in the weekly bulletin",
        ],
    )
    def test_observable_tests_pass(self, test: str) -> None:
        assert [] == [f for f in check_step(clean(test=test), START) if f.field == "test"]


class TestFindings:
    """Findings name the step and a field of the contract, once per field, in field order."""

    def test_every_field_of_a_vague_step(self) -> None:
        vague = StepDraft(
            "v1",
            "Enhance cooperation",
            "All stakeholders",
            "soon",
            "As appropriate",
            "Cooperation improves",
        )
        found = check_step(vague, START)
        assert list(FIELDS) == [f.field for f in found]
        assert {"v1"} == {f.step for f in found}

    def test_each_message_says_how_to_fix(self) -> None:
        vague = StepDraft("v1", "Explore", "Everyone", "", "", "Is discussed")
        verbs = ("name", "say", "add", "write", "bring", "split")
        for finding in check_step(vague, START):
            assert any(v in finding.message for v in verbs), finding.message

    def test_steps_in_order(self) -> None:
        steps = (clean(id="a", who="everyone"), CLEAN[1], clean(id="c", when="2028-01-01"))
        assert [("a", "who"), ("c", "when")] == [
            (f.step, f.field) for f in check_steps(steps, START)
        ]
