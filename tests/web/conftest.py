"""Fixtures for the web tests: the demo dialogue built once with one account per role, a
fresh copy of its workspace for each test, and in-process clients logged in as any role."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from starlette.exceptions import StarletteDeprecationWarning

from backchannel.services import accounts
from backchannel.services.demo import WORKSPACE_NAME, build_demo
from backchannel.services.workspace import Workspace, open_workspace
from backchannel.web.app import create_app
from backchannel.web.settings import Settings

with warnings.catch_warnings():
    # Starlette 1.x asks for the `httpx2` package, which is not a dependency yet; the
    # client works the same with httpx.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

PASSPHRASE = "web-test-passphrase"
PASSWORD = "correct horse battery staple"
HANDLES = (
    "facilitator",
    "rapporteur",
    "participant-a",
    "participant-b",
    "participant-h",
    "participant-n",
    "interlocutor",
    "observer",
)
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def build_base(folder: Path) -> Path:
    """The demo dialogue, its documents and the demo accounts, in `folder`."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLCONFIGDIR", str(folder / ".mpl"))
        result = build_demo(folder, PASSPHRASE)
    ws = open_workspace(result.workspace, PASSPHRASE)
    try:
        accounts.add_demo_accounts(ws, password=PASSWORD)
    finally:
        ws.close()
    return folder


@pytest.fixture(scope="session")
def demo_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_base(tmp_path_factory.mktemp("web-demo"))


def copy_workspace(base: Path, to: Path) -> Workspace:
    to.mkdir(parents=True, exist_ok=True)
    shutil.copy(base / WORKSPACE_NAME, to / WORKSPACE_NAME)
    return open_workspace(to / WORKSPACE_NAME, PASSPHRASE)


def make_app(ws: Workspace, documents: Path, **settings: object) -> FastAPI:
    return create_app(
        Settings(
            workspace=Path(ws.location),
            passphrase=PASSPHRASE,
            documents=documents,
            **settings,  # type: ignore[arg-type]
        ),
        workspace=ws,
    )


@pytest.fixture
def web_ws(demo_base: Path, tmp_path: Path) -> Iterator[Workspace]:
    ws = copy_workspace(demo_base, tmp_path / "ws")
    yield ws
    ws.close()


@pytest.fixture
def app(web_ws: Workspace, demo_base: Path) -> FastAPI:
    """The app on a fresh copy of the demo; its documents are the demo's (read only)."""
    return make_app(web_ws, demo_base)


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found is not None, "no CSRF token on the page"
    return found.group(1)


def log_in(client: TestClient, handle: str, password: str = PASSWORD) -> int:
    """Log in through the form (its own CSRF token included); the status of the POST."""
    page = client.get("/login")
    response = client.post(
        "/login",
        data={"handle": handle, "password": password, "csrf": csrf_of(page.text)},
        follow_redirects=False,
    )
    return response.status_code


def session_csrf(client: TestClient) -> str:
    """The session's CSRF token, from the logout form every page carries."""
    return csrf_of(client.get("/documents").text)


Clients = Callable[[str], TestClient]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn in a thread; the URL while it runs."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


class Kit:
    """The helpers above, for test modules (which cannot import this conftest)."""

    passphrase = PASSPHRASE
    password = PASSWORD
    copy_workspace = staticmethod(copy_workspace)
    make_app = staticmethod(make_app)
    csrf_of = staticmethod(csrf_of)
    log_in = staticmethod(log_in)
    session_csrf = staticmethod(session_csrf)
    running = staticmethod(running)

    @staticmethod
    def client(app: FastAPI, base_url: str = "http://testserver") -> TestClient:
        return TestClient(app, base_url=base_url)


@pytest.fixture(scope="session")
def kit() -> type[Kit]:
    return Kit


@pytest.fixture
def as_role(app: FastAPI) -> Iterator[Clients]:
    """A function: a client logged in as the given demo handle."""
    made: list[TestClient] = []

    def make(handle: str) -> TestClient:
        client = TestClient(app)
        assert 303 == log_in(client, handle)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def anonymous(app: FastAPI) -> Iterator[TestClient]:
    client = TestClient(app)
    yield client
    client.close()
