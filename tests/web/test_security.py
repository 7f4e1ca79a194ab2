"""Logins, sessions, cookies, CSRF tokens, rate-limiting and the headers of every response."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backchannel.domain.accounts import Role
from backchannel.services import _clock, accounts, login_throttle
from backchannel.services import audit as audit_service
from backchannel.services.workspace import Workspace


def _cookie_header(response: Any, name: str) -> str:
    found = [h for h in response.headers.get_list("set-cookie") if h.startswith(f"{name}=")]
    assert found, f"no {name} cookie set"
    return str(found[0]).lower()


def _post_login(client: TestClient, kit: Any, handle: str, password: str) -> Any:
    page = client.get("/login")
    return client.post(
        "/login",
        data={"handle": handle, "password": password, "csrf": kit.csrf_of(page.text)},
        follow_redirects=False,
    )


class TestHealth:
    """/healthz answers without a login; nothing else does."""

    def test_healthz(self, anonymous: TestClient) -> None:
        response = anonymous.get("/healthz")
        assert (200, {"status": "ok"}) == (response.status_code, response.json())

    def test_a_page_sends_you_to_the_login_form(self, anonymous: TestClient) -> None:
        response = anonymous.get("/roster", follow_redirects=False)
        assert (303, "/login?next=/roster") == (response.status_code, response.headers["location"])

    def test_an_htmx_request_is_told_to_log_in(self, anonymous: TestClient) -> None:
        response = anonymous.get("/meeting/support", headers={"HX-Request": "true"})
        assert (401, "/login") == (response.status_code, response.headers.get("hx-redirect"))


class TestLogin:
    """The login form: right password in, wrong one out, each attempt audited."""

    def test_right_password_goes_to_the_role_home(self, anonymous: TestClient, kit: Any) -> None:
        response = _post_login(anonymous, kit, "participant-a", kit.password)
        assert (303, "/portal") == (response.status_code, response.headers["location"])

    def test_next_brings_you_back_but_never_elsewhere(
        self, anonymous: TestClient, kit: Any
    ) -> None:
        page = anonymous.get("/login?next=//evil.example/")
        response = anonymous.post(
            "/login",
            data={
                "handle": "facilitator",
                "password": kit.password,
                "csrf": kit.csrf_of(page.text),
                "next": "//evil.example/",
            },
            follow_redirects=False,
        )
        assert "/" == response.headers["location"]

    def test_wrong_password_is_refused_with_one_message(
        self, anonymous: TestClient, kit: Any
    ) -> None:
        wrong = _post_login(anonymous, kit, "facilitator", "not the password at all")
        unknown = _post_login(anonymous, kit, "nobody-here", "not the password at all")
        assert (401, 401) == (wrong.status_code, unknown.status_code)
        assert ("Wrong handle or password" in wrong.text) == (
            "Wrong handle or password" in unknown.text
        )
        assert "bc_session" not in wrong.headers.get("set-cookie", "")

    def test_logins_are_audited_with_the_handle_never_the_password(
        self, anonymous: TestClient, kit: Any, web_ws: Workspace
    ) -> None:
        _post_login(anonymous, kit, "observer", "a wrong password here")
        _post_login(anonymous, kit, "observer", kit.password)
        found = [
            (e.actor, e.action)
            for e in audit_service.entries(web_ws)
            if e.action in ("login", "login.failed")
        ]
        assert [("observer", "login.failed"), ("observer", "login")] == found[-2:]
        text = "".join(e.details + e.subject for e in audit_service.entries(web_ws))
        assert kit.password not in text

    def test_login_form_without_its_token_is_refused(self, anonymous: TestClient, kit: Any) -> None:
        response = anonymous.post(
            "/login",
            data={"handle": "facilitator", "password": kit.password, "csrf": "forged"},
            follow_redirects=False,
        )
        assert (403, "bc_session" in response.headers.get("set-cookie", "")) == (
            response.status_code,
            False,
        )

    def test_a_disabled_account_cannot_log_in(
        self, anonymous: TestClient, kit: Any, web_ws: Workspace
    ) -> None:
        accounts.set_active(web_ws, "observer", False, actor="facilitator")
        assert 401 == _post_login(anonymous, kit, "observer", kit.password).status_code


class TestRateLimit:
    """After three failures from one place, each attempt there waits longer; a device that
    logged in before is not kept out by anyone's failures elsewhere.

    The clock stands still here: the delays are a second or two, and a slow machine (CI)
    otherwise lets one pass between a failure and the attempt meant to meet it."""

    @pytest.fixture(autouse=True)
    def _still_clock(self, monkeypatch: pytest.MonkeyPatch) -> None:
        frozen = _clock.now()
        monkeypatch.setattr(_clock, "now", lambda: frozen)

    def test_the_fourth_attempt_from_one_place_waits(self, anonymous: TestClient, kit: Any) -> None:
        codes = [
            _post_login(anonymous, kit, "rapporteur", f"wrong password {n}").status_code
            for n in range(3)
        ]
        slowed = _post_login(anonymous, kit, "rapporteur", kit.password)
        assert ([401] * 3, 429) == (codes, slowed.status_code)
        assert 1 <= int(slowed.headers["retry-after"]) <= 2
        assert "Wait 1 second" in slowed.text

    def test_other_handles_are_not_slowed(self, anonymous: TestClient, kit: Any) -> None:
        for n in range(5):
            _post_login(anonymous, kit, "rapporteur", f"wrong password {n}")
        assert 303 == _post_login(anonymous, kit, "observer", kit.password).status_code

    def test_the_facilitator_gets_in_after_fifty_guesses_from_elsewhere(
        self, app: FastAPI, kit: Any, web_ws: Workspace
    ) -> None:
        own = kit.client(app)
        assert 303 == _post_login(own, kit, "facilitator", kit.password).status_code
        own.post("/logout", headers={"X-CSRF-Token": kit.session_csrf(own)})
        for n in range(50):  # no `with`: the app's lifespan (and workspace) stays open
            attacker = TestClient(app, client=(f"198.51.100.{n}", 5000))
            _post_login(attacker, kit, "facilitator", f"guess {n}")
        assert 303 == _post_login(own, kit, "facilitator", kit.password).status_code
        new_device = TestClient(app, client=("192.0.2.77", 5000))
        assert 429 == _post_login(new_device, kit, "facilitator", kit.password).status_code
        login_throttle.unlock(web_ws, "facilitator")
        assert 303 == _post_login(new_device, kit, "facilitator", kit.password).status_code

    def test_forwarded_addresses_are_not_believed_by_default(
        self, anonymous: TestClient, kit: Any
    ) -> None:
        """In-process the app sees the peer; `serve` believes X-Forwarded-For only from
        the proxies given with --trusted-proxy (tests/cli for the option)."""
        for n in range(3):
            page = anonymous.get("/login")
            anonymous.post(
                "/login",
                data={"handle": "observer", "password": "x", "csrf": kit.csrf_of(page.text)},
                headers={"X-Forwarded-For": f"10.9.9.{n}"},
            )
        assert 429 == _post_login(anonymous, kit, "observer", kit.password).status_code


class TestCookies:
    """The session cookie is HttpOnly and SameSite=Strict, and Secure over TLS."""

    def test_plain_http(self, anonymous: TestClient, kit: Any) -> None:
        cookie = _cookie_header(
            _post_login(anonymous, kit, "facilitator", kit.password), "bc_session"
        )
        assert (True, True, False) == (
            "httponly" in cookie,
            "samesite=strict" in cookie,
            "secure" in cookie,
        )

    def test_over_tls(self, app: FastAPI, kit: Any) -> None:
        client = kit.client(app, base_url="https://testserver")
        cookie = _cookie_header(_post_login(client, kit, "facilitator", kit.password), "bc_session")
        client.close()
        assert (True, True, True) == (
            "httponly" in cookie,
            "samesite=strict" in cookie,
            "secure" in cookie,
        )

    def test_the_workspace_keeps_only_the_token_hash(
        self, anonymous: TestClient, kit: Any, web_ws: Workspace
    ) -> None:
        response = _post_login(anonymous, kit, "facilitator", kit.password)
        token = _cookie_header(response, "bc_session").split(";")[0].split("=", 1)[1]
        with web_ws.read() as conn:
            stored = conn.exec_driver_sql("SELECT token_hash, csrf FROM web_session").all()
        assert [] == [row for row in stored if token in row[0].lower()]
        assert accounts.session_of(web_ws, "not-a-token") is None


class TestSessions:
    """Logging out, or a role change, ends the session."""

    def test_logout(self, as_role: Any, kit: Any) -> None:
        client = as_role("facilitator")
        token = kit.session_csrf(client)
        client.post("/logout", data={"csrf": token})
        assert 303 == client.get("/", follow_redirects=False).status_code
        assert "/login" in client.get("/", follow_redirects=False).headers["location"]

    def test_role_change_ends_sessions(self, as_role: Any, web_ws: Workspace) -> None:
        client = as_role("observer")
        assert 200 == client.get("/documents").status_code
        accounts.change_role(web_ws, "observer", Role.RAPPORTEUR, actor="facilitator")
        assert 303 == client.get("/documents", follow_redirects=False).status_code


class TestCsrf:
    """A form without the session's token changes nothing."""

    @pytest.mark.parametrize("token", [None, "forged-token"])
    def test_forged_form_is_refused(
        self, as_role: Any, web_ws: Workspace, token: str | None
    ) -> None:
        client = as_role("facilitator")
        data = {"handle": "new-observer", "role": "observer", "password": "x" * 20}
        if token:
            data["csrf"] = token
        response = client.post("/accounts", data=data)
        names = [a.handle for a in accounts.list_accounts(web_ws)]
        assert (403, False) == (response.status_code, "new-observer" in names)

    def test_header_token_is_accepted(self, as_role: Any, kit: Any, web_ws: Workspace) -> None:
        client = as_role("facilitator")
        response = client.post(
            "/accounts",
            data={"handle": "new-observer", "role": "observer", "password": "x" * 20},
            headers={"X-CSRF-Token": kit.session_csrf(client)},
            follow_redirects=False,
        )
        assert (303, True) == (
            response.status_code,
            "new-observer" in [a.handle for a in accounts.list_accounts(web_ws)],
        )

    def test_another_sessions_token_is_refused(self, as_role: Any, kit: Any) -> None:
        mine, theirs = as_role("facilitator"), as_role("facilitator")
        response = mine.post("/roster/charter", data={"csrf": kit.session_csrf(theirs)})
        assert 403 == response.status_code


class TestHeaders:
    """Every response forbids framing, sniffing and foreign scripts; pages are not cached."""

    def test_page_headers(self, as_role: Any) -> None:
        response = as_role("facilitator").get("/")
        csp = response.headers["content-security-policy"]
        assert (True, True, "nosniff", "DENY", "no-store") == (
            "script-src 'self'" in csp,
            "frame-ancestors 'none'" in csp,
            response.headers["x-content-type-options"],
            response.headers["x-frame-options"],
            response.headers["cache-control"],
        )

    def test_no_inline_script_or_style(self, as_role: Any) -> None:
        client = as_role("facilitator")
        pages = ["/", "/scope", "/roster", "/meeting", "/documents", "/followup", "/accounts"]
        found = [
            p
            for p in pages
            for html in [client.get(p).text]
            if "<script>" in html or " style=" in html or "onclick=" in html
        ]
        assert [] == found


class TestHostileUploads:
    def test_a_file_name_too_long_for_the_disk_is_a_plain_refusal(
        self, as_role: Any, kit: Any
    ) -> None:
        """ "x." and 300 letters used to reach the disk as a suffix and end in a 500."""
        client = as_role("facilitator")
        response = client.post(
            "/roster/import",
            files={"pool": ("x." + "a" * 300, b"id,name\n", "text/csv")},
            headers={"X-CSRF-Token": kit.session_csrf(client)},
        )
        assert (400, True) == (
            response.status_code,
            "ending in .csv or .xlsx" in response.text,
        )
