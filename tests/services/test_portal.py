"""The portal's use cases: a participant rates under a pseudonym and proposes without a name."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from backchannel.domain.errors import BadInputError, BlockingFindingError
from backchannel.services import meeting_ratings, meetings, portal
from backchannel.services.demo import WORKSPACE_NAME, build_demo
from backchannel.services.workspace import Workspace, open_workspace
from backchannel.store import meetings_repository, repository


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("portal-demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLCONFIGDIR", str(folder / ".mpl"))
        return build_demo(folder, "pw").workspace


@pytest.fixture
def ws(demo_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    shutil.copy(demo_file, tmp_path / WORKSPACE_NAME)
    found = open_workspace(tmp_path / WORKSPACE_NAME, "pw")
    yield found
    found.close()


@pytest.fixture
def option(ws: Workspace) -> str:
    """Meeting 2 in its options round, with one option."""
    meetings.start_round(ws)
    meetings.next_round(ws)
    meetings.next_round(ws)
    return meetings.capture_option(ws, "Weekly joint figures for each district").code


def _stored(ws: Workspace, number: int) -> list[tuple[str, str, str, int]]:
    with ws.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT option, pseudonym, party, score FROM rating WHERE meeting = ?", (number,)
        ).all()
    return [(r[0], r[1], r[2], int(r[3])) for r in rows]


class TestRate:
    """A rating is stored under the participant's pseudonym and party, once per option."""

    def test_pseudonym(self, ws: Workspace, option: str) -> None:
        assert True is portal.rate_option(ws, "c012", option, -1)
        with ws.read() as conn:
            salt = conn.exec_driver_sql("SELECT salt FROM rater_salt").scalar_one()
        expected = (option, meeting_ratings.pseudonym(salt, "c012"), "B", -1)
        assert [expected] == _stored(ws, 2)

    def test_again_replaces(self, ws: Workspace, option: str) -> None:
        portal.rate_option(ws, "c012", option, -1)
        assert False is portal.rate_option(ws, "c012", option, 2)
        assert [2] == [r[3] for r in _stored(ws, 2)]
        assert {option: 2} == dict(portal.portal_view(ws, "c012").my_scores)

    def test_the_same_pseudonym_as_an_import(self, ws: Workspace, option: str) -> None:
        """The demo's ratings file rated meeting 1 with ids; the portal's rater matches."""
        before = {r[1] for r in _stored(ws, 1)}
        portal.rate_option(ws, "c001", option, 1)
        assert {r[1] for r in _stored(ws, 2)} <= before

    def test_not_on_the_roster(self, ws: Workspace, option: str) -> None:
        with pytest.raises(BadInputError):
            portal.rate_option(ws, "c003", option, 1)  # in the pool, not chosen

    def test_an_option_of_another_meeting(self, ws: Workspace, option: str) -> None:
        with pytest.raises(BadInputError) as caught:
            portal.rate_option(ws, "c012", "cholera-joint", 1)
        assert "option" == caught.value.field

    def test_closed_after_the_meeting(self, ws: Workspace) -> None:
        view = portal.portal_view(ws, "c012")
        with pytest.raises(BadInputError):
            portal.rate_option(ws, "c012", "cholera-joint", 1)
        assert (False, "Meeting 1 is finished; rating closed with it.") == (
            view.rating_open,
            view.closed_because,
        )


class TestPropose:
    """Proposing is capture in the options round: gated, and without an author."""

    def test_propose(self, ws: Workspace, option: str) -> None:
        made = portal.propose_option(ws, "c023", "Crossing notices a week ahead")
        assert ["Weekly joint figures for each district", made.title] == [
            o.title for o in portal.portal_view(ws, "c023").options
        ]

    def test_gated(self, ws: Workspace, option: str) -> None:
        with pytest.raises(BlockingFindingError):
            portal.propose_option(ws, "c023", "Let Nadia Haddad chair it")

    def test_outside_the_options_round(self, ws: Workspace) -> None:
        with pytest.raises(BadInputError):
            portal.propose_option(ws, "c023", "Crossing notices a week ahead")


def _roster_of(ws: Workspace, party: str) -> list[str]:
    with ws.read() as conn:
        on = set(repository.roster_ids(conn))
        return [c.id for c in repository.load_candidates(conn) if c.id in on and c.party == party]


class TestNoDifferencing:
    """Issue 17's attack: three raters of a party rate +1; a fourth rates -2. Two polls of
    the figures must never give away the fourth rating."""

    def test_the_fourth_rating_waits_for_two_more_changes(self, ws: Workspace, option: str) -> None:
        a = _roster_of(ws, "A")
        assert len(a) >= 4, "the demo roster has four people of party A"
        for rater in a[:3]:
            portal.rate_option(ws, rater, option, 1)
        before = meeting_ratings.stored_support(ws, 2)
        portal.rate_option(ws, a[3], option, -2)
        after = meeting_ratings.stored_support(ws, 2)
        assert before.report == after.report  # the -2 is not in the figures...
        assert (0, 1) == (before.pending, after.pending)  # ...and the page says one waits
        portal.rate_option(ws, a[0], option, 2)
        assert after.report == meeting_ratings.stored_support(ws, 2).report
        portal.rate_option(ws, a[1], option, 0)
        released = meeting_ratings.stored_support(ws, 2)
        assert 0 == released.pending
        line = next(o for o in released.report.table.options if o.option == option)
        assert dict(line.by_party)["A"] == pytest.approx((2 + 0 + 1 - 2) / 4)

    def test_every_pair_of_polls_differs_by_three_ratings_or_none(
        self, ws: Workspace, option: str
    ) -> None:
        rng = random.Random(17)
        raters = _roster_of(ws, "A") + _roster_of(ws, "B")
        shown: list[dict[tuple[str, str], int]] = []
        for _ in range(60):
            portal.rate_option(ws, rng.choice(raters), option, rng.randint(-2, 2))
            with ws.read() as conn:
                released = meetings_repository.load_ratings(conn, 2, released=True)
            shown.append({(r.rater, r.party): r.score for r in released})
        for one, two in zip(shown, shown[1:], strict=False):
            for party in ("A", "B"):
                differ = {
                    key
                    for key in one.keys() | two.keys()
                    if key[1] == party and one.get(key) != two.get(key)
                }
                assert len(differ) == 0 or len(differ) >= 3
