"""The participant portal: rating and proposing options, anonymously, from a phone."""

from __future__ import annotations

import re
from typing import Any

import pytest

from backchannel.services import meetings, portal
from backchannel.services.workspace import Workspace

PSEUDONYM = re.compile(r"p-[0-9a-f]{16}")


@pytest.fixture
def options_round(web_ws: Workspace) -> tuple[str, str]:
    """Meeting 2 of the demo under way, in its options round, with two options."""
    meetings.start_round(web_ws)
    meetings.next_round(web_ws)
    meetings.next_round(web_ws)
    first = meetings.capture_option(web_ws, "A joint weekly figure for each district")
    second = meetings.capture_option(web_ws, "Crossing notices posted a week ahead")
    return first.code, second.code


def _rate(client: Any, kit: Any, option: str, score: int, htmx: bool = True) -> Any:
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(
        "/portal/rate",
        data={"option": option, "score": str(score), "csrf": kit.session_csrf(client)},
        headers=headers,
        follow_redirects=False,
    )


class TestRating:
    """A participant rates the meeting's options; the rating is stored under a pseudonym."""

    def test_the_portal_lists_the_options(self, as_role: Any, options_round: Any) -> None:
        html = as_role("participant-a").get("/portal").text
        assert (True, True) == (
            "A joint weekly figure for each district" in html,
            "Crossing notices posted a week ahead" in html,
        )

    def test_a_rating_is_stored_under_a_pseudonym(
        self, as_role: Any, kit: Any, web_ws: Workspace, options_round: Any
    ) -> None:
        first, _second = options_round
        response = _rate(as_role("participant-a"), kit, first, 2)
        with web_ws.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT option, pseudonym, party, score FROM rating WHERE meeting = 2"
            ).all()
        assert (200, True) == (response.status_code, "Saved." in response.text)
        assert [(first, "A", 2)] == [(r[0], r[2], r[3]) for r in rows]
        assert (True, False) == (bool(PSEUDONYM.fullmatch(rows[0][1])), "c001" in rows[0][1])

    def test_rating_again_changes_the_score(
        self, as_role: Any, kit: Any, web_ws: Workspace, options_round: Any
    ) -> None:
        first, _ = options_round
        client = as_role("participant-a")
        _rate(client, kit, first, 2)
        _rate(client, kit, first, -1)
        with web_ws.read() as conn:
            scores = conn.exec_driver_sql("SELECT score FROM rating WHERE meeting = 2").all()
        assert [(-1,)] == [tuple(r) for r in scores]
        assert 'value="-1" checked' in client.get("/portal").text

    def test_without_javascript_the_form_redirects(
        self, as_role: Any, kit: Any, options_round: Any
    ) -> None:
        first, _ = options_round
        response = _rate(as_role("participant-b"), kit, first, 1, htmx=False)
        assert (303, "/portal?done=rated") == (response.status_code, response.headers["location"])

    def test_a_score_out_of_range_is_refused(
        self, as_role: Any, kit: Any, web_ws: Workspace, options_round: Any
    ) -> None:
        first, _ = options_round
        response = _rate(as_role("participant-a"), kit, first, 5)
        assert (400, "score" in response.text) == (response.status_code, True)

    def test_rating_is_closed_outside_the_rating_rounds(
        self, as_role: Any, kit: Any, web_ws: Workspace
    ) -> None:
        client = as_role("participant-a")
        html = client.get("/portal").text
        response = _rate(client, kit, "cholera-joint", 1, htmx=False)
        assert ("rating closed" in html, 400) == (True, response.status_code)

    def test_the_ranking_shows_parties_never_raters(
        self, as_role: Any, kit: Any, options_round: Any
    ) -> None:
        first, _ = options_round
        for handle in ("participant-a", "participant-b", "participant-h", "participant-n"):
            _rate(as_role(handle), kit, first, 1)
        facilitator = as_role("facilitator")
        pages = [facilitator.get(p).text for p in ("/meeting", "/meeting/support", "/audit")]
        pages += [facilitator.get("/meeting/projector").text]
        leaks = [m for html in pages for m in PSEUDONYM.findall(html)]
        ids = [i for i in ("c001", "c012", "c023", "c033") if i in pages[1]]
        assert ([], []) == (leaks, ids)
        # One rater per party: nothing may be shown yet, and the page says why.
        assert "4 ratings, none shown yet" in pages[1]


class TestProposing:
    """In the options round a participant proposes an option, which carries no author."""

    def test_propose(self, as_role: Any, kit: Any, web_ws: Workspace, options_round: Any) -> None:
        client = as_role("participant-h")
        response = client.post(
            "/portal/propose",
            data={
                "title": "Mobile clinics at both ends of the crossing",
                "csrf": kit.session_csrf(client),
            },
            follow_redirects=False,
        )
        titles = [o.title for o in portal.portal_view(web_ws, "c023").options]
        assert (303, True) == (
            response.status_code,
            "Mobile clinics at both ends of the crossing" in titles,
        )

    def test_a_proposal_that_names_a_participant_is_refused(
        self, as_role: Any, kit: Any, web_ws: Workspace, options_round: Any
    ) -> None:
        client = as_role("participant-h")
        response = client.post(
            "/portal/propose",
            data={
                "title": "Ask Nadia Haddad to chair the crossing committee",
                "csrf": kit.session_csrf(client),
            },
        )
        titles = [o.title for o in portal.portal_view(web_ws, "c023").options]
        assert (400, 2, False) == (response.status_code, len(titles), "Nadia" in response.text)

    def test_outside_the_options_round_proposing_waits(self, as_role: Any) -> None:
        html = as_role("participant-a").get("/portal").text
        assert "Options are proposed during the options round." in html


class TestPhoneLayout:
    """The portal is laid out for a phone: the viewport meta and large score buttons."""

    def test_viewport(self, as_role: Any, options_round: Any) -> None:
        html = as_role("participant-a").get("/portal").text
        assert (True, 10) == (
            'name="viewport" content="width=device-width, initial-scale=1"' in html,
            html.count('type="radio"'),
        )
