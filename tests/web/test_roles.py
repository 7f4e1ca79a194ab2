"""Every role is refused what it must not see: an exhaustive table of routes and roles.

Each route of the app is in TABLE (a new route without an entry fails the suite). For every
route and every identity (anonymous, and one account of each role):

- anonymous: a page redirects to the login form, a form post is refused with 401;
- a role not in the route's entry: 403 (404 for a document file, as for a missing one);
- a role in the entry: a page answers (200, or 303 to the role's home); a form post passes
  the role check and is stopped only by its missing CSRF token (403 "expired"), so that the
  table runs no action.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from backchannel.domain.accounts import Role
from backchannel.web.routes import MODULES

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

F, R, P, I, O = (  # noqa: E741 - one letter per role keeps the route table readable
    Role.FACILITATOR,
    Role.RAPPORTEUR,
    Role.PARTICIPANT,
    Role.INTERLOCUTOR,
    Role.OBSERVER,
)
ALL = frozenset(Role)
PUBLIC = None  # no login needed
FACILITATOR = frozenset({F})
CAPTURE = frozenset({F, R})
PARTICIPANT = frozenset({P})

TABLE: dict[tuple[str, str], frozenset[Role] | None] = {
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/login"): PUBLIC,
    ("POST", "/login"): PUBLIC,
    ("POST", "/logout"): ALL,
    ("GET", "/"): ALL,  # the dashboard; other roles are sent to their home
    ("GET", "/scope"): FACILITATOR,
    ("POST", "/scope"): FACILITATOR,
    ("POST", "/scope/check"): FACILITATOR,
    ("POST", "/ripeness"): FACILITATOR,
    ("GET", "/ripeness/indicators.png"): FACILITATOR,
    ("GET", "/roster"): FACILITATOR,
    ("POST", "/roster/select"): FACILITATOR,
    ("POST", "/roster/add"): FACILITATOR,
    ("POST", "/roster/remove"): FACILITATOR,
    ("POST", "/roster/consent"): FACILITATOR,
    ("POST", "/roster/charter"): FACILITATOR,
    ("POST", "/roster/rules"): FACILITATOR,
    ("POST", "/roster/import"): FACILITATOR,
    ("GET", "/meeting"): CAPTURE,
    ("POST", "/meeting/round"): FACILITATOR,
    ("POST", "/meeting/new"): FACILITATOR,
    ("POST", "/meeting/timebox"): FACILITATOR,
    ("GET", "/meeting/projector"): CAPTURE,
    ("GET", "/meeting/support"): CAPTURE,
    ("POST", "/meeting/capture/framing"): CAPTURE,
    ("POST", "/meeting/capture/item"): CAPTURE,
    ("POST", "/meeting/capture/option"): CAPTURE,
    ("POST", "/meeting/capture/test"): CAPTURE,
    ("POST", "/meeting/capture/package"): CAPTURE,
    ("POST", "/meeting/capture/step"): CAPTURE,
    ("GET", "/portal"): PARTICIPANT,
    ("POST", "/portal/rate"): PARTICIPANT,
    ("POST", "/portal/propose"): PARTICIPANT,
    ("GET", "/documents"): ALL,
    ("POST", "/documents/render"): FACILITATOR,
    ("POST", "/documents/approve"): FACILITATOR,
    ("POST", "/documents/approve-brief"): FACILITATOR,
    ("POST", "/documents/languages"): FACILITATOR,
    ("GET", "/documents/{name}"): FACILITATOR,  # for a facilitators' file; see test_documents
    ("GET", "/followup"): FACILITATOR,
    ("POST", "/followup/{step_id}/status"): FACILITATOR,
    ("GET", "/accounts"): FACILITATOR,
    ("POST", "/accounts"): FACILITATOR,
    ("POST", "/accounts/{handle}/role"): FACILITATOR,
    ("POST", "/accounts/{handle}/active"): FACILITATOR,
    ("POST", "/accounts/{handle}/password"): FACILITATOR,
    ("GET", "/audit"): FACILITATOR,
}
ROUTE_MODULES = sorted(
    p.stem for p in (Path(__file__).parents[2] / "src/backchannel/web/routes").glob("[a-z]*.py")
)
SAMPLE = {"{name}": "scope-and-ripeness.md", "{handle}": "observer", "{step_id}": "s1"}
IDENTITY = {
    "anonymous": None,
    "facilitator": F,
    "rapporteur": R,
    "participant-a": P,
    "interlocutor": I,
    "observer": O,
}


def concrete(path: str) -> str:
    for holder, value in SAMPLE.items():
        path = path.replace(holder, value)
    return path


def app_routes() -> set[tuple[str, str]]:
    """Every (method, path) of the routers `create_app` mounts."""
    return {
        (method, route.path)
        for module in MODULES
        for route in module.router.routes
        if isinstance(route, APIRoute)
        for method in route.methods
    }


@pytest.fixture(scope="module")
def table_app(
    demo_base: Path, tmp_path_factory: pytest.TempPathFactory, kit: Any
) -> Iterator[FastAPI]:
    ws = kit.copy_workspace(demo_base, tmp_path_factory.mktemp("roles"))
    yield kit.make_app(ws, demo_base)
    ws.close()


@pytest.fixture(scope="module")
def clients(table_app: FastAPI, kit: Any) -> Iterator[dict[str, TestClient]]:
    made = {}
    for handle in IDENTITY:
        client = kit.client(table_app)
        if handle != "anonymous":
            assert 303 == kit.log_in(client, handle)
        made[handle] = client
    yield made
    for client in made.values():
        client.close()


class TestTheTable:
    """The table names every route the app serves, and only those."""

    def test_every_route_is_in_the_table(self) -> None:
        assert set(TABLE) == app_routes()

    def test_the_app_mounts_every_router(self) -> None:
        assert set(ROUTE_MODULES) == {m.__name__.rsplit(".", 1)[1] for m in MODULES}

    def test_every_role_has_an_account(self) -> None:
        assert set(Role) == {r for r in IDENTITY.values() if r is not None}


def _expected(route: tuple[str, str], identity: str) -> str:
    allowed = TABLE[route]
    role = IDENTITY[identity]
    if allowed is PUBLIC:
        return "public"
    if role is None:
        return "login"
    return "allowed" if role in allowed else "refused"


CASES = [(route, identity) for route in sorted(TABLE) for identity in IDENTITY]


class TestRoleByRoute:
    """Each identity gets exactly what the table gives its role."""

    @pytest.mark.parametrize(("route", "identity"), CASES, ids=lambda v: "-".join(v))
    def test_route(
        self, clients: dict[str, TestClient], route: tuple[str, str], identity: str
    ) -> None:
        method, template = route
        path = concrete(template)
        client = clients[identity]
        if method == "GET":
            response = client.get(path, follow_redirects=False)
        else:  # a form without its CSRF token: passes the role check, then stops
            response = client.post(path, data={"x": "1"}, follow_redirects=False)
        expected = _expected(route, identity)
        if expected == "public":
            assert response.status_code not in (401,), response.text[:200]
            assert not response.headers.get("location", "").startswith("/login?")
        elif expected == "login":
            if method == "GET":
                assert (303, f"/login?next={path}") == (
                    response.status_code,
                    response.headers.get("location"),
                )
            else:
                assert 401 == response.status_code
        elif expected == "refused":
            if template == "/documents/{name}":
                assert 404 == response.status_code
            else:
                assert (403, True) == (
                    response.status_code,
                    "cannot open this page" in response.text,
                )
        elif method == "GET":
            assert response.status_code in (200, 303), response.text[:300]
            assert not response.headers.get("location", "").startswith("/login")
        else:
            assert (403, True) == (response.status_code, "has expired" in response.text)


class TestStaticAssets:
    """The stylesheet and scripts load without a login (the login page needs them), from
    the package, never from elsewhere."""

    @pytest.mark.parametrize("asset", ["app.css", "app.js", "htmx.min.js", "favicon.svg"])
    def test_asset(self, clients: dict[str, TestClient], asset: str) -> None:
        response = clients["anonymous"].get(f"/static/{asset}")
        assert (200, True) == (response.status_code, len(response.content) > 100)

    @pytest.mark.parametrize(
        "font", ["arabic/NotoSansArabic%5Bwdth%2Cwght%5D.ttf", "sans/NotoSans%5Bwdth%2Cwght%5D.ttf"]
    )
    def test_the_bundled_fonts_are_served(self, clients: dict[str, TestClient], font: str) -> None:
        response = clients["anonymous"].get(f"/static/fonts/{font}")
        assert 200 == response.status_code
        assert response.content[:4] == b"\x00\x01\x00\x00"  # a TrueType font
        css = clients["anonymous"].get("/static/app.css").text
        assert f'url("/static/fonts/{font}")' in css

    def test_pages_load_nothing_from_elsewhere(self, clients: dict[str, TestClient]) -> None:
        html = clients["facilitator"].get("/meeting").text
        assert [] == [src for src in ("http://", "https://", "//cdn") if f'src="{src}' in html]
