"""Documents in the browser: each role reads only its own files, and rendering goes through
the one export door (the gate first, every file audited)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi import FastAPI

from backchannel.services import aide_memoire, document_files, outputs
from backchannel.services import audit as audit_service
from backchannel.services import dialogue as dialogue_service
from backchannel.services.workspace import Workspace

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def shelf(
    demo_base: Path, tmp_path_factory: pytest.TempPathFactory, kit: Any
) -> Iterator[tuple[FastAPI, Workspace, Path]]:
    """The demo's documents plus its non-paper and numbered aide-mémoire copies."""
    root = tmp_path_factory.mktemp("shelf")
    ws = kit.copy_workspace(demo_base, root / "ws")
    docs = root / "documents"
    shutil.copytree(demo_base, docs, ignore=shutil.ignore_patterns("*.bch", ".*"))
    outputs.render_nonpaper(ws, docs, actor="test")
    aide_memoire.render_aide_memoire(ws, docs, actor="test")
    yield kit.make_app(ws, docs), ws, docs
    ws.close()


@pytest.fixture(scope="module")
def logged_in(shelf: Any, kit: Any) -> Iterator[dict[str, TestClient]]:
    app = shelf[0]
    made = {}
    for handle in ("facilitator", "rapporteur", "participant-a", "interlocutor", "observer"):
        made[handle] = kit.client(app)
        assert 303 == kit.log_in(made[handle], handle)
    yield made
    for client in made.values():
        client.close()


def _listed(client: TestClient) -> set[str]:
    html = client.get("/documents").text
    return {part.split('"')[0].replace("%2F", "/") for part in html.split('href="/documents/')[1:]}


def _own(ws: Workspace, kit: Any, handle: str) -> frozenset[str]:
    from backchannel.services import accounts

    return document_files.copies_of(ws, accounts.get_account(ws, handle))


class TestWhoReadsWhat:
    """Each role is shown, and may download, exactly its own files."""

    def test_facilitator_sees_everything(self, logged_in: Any, shelf: Any) -> None:
        docs = shelf[2]
        everything = {p.name for p in docs.iterdir() if p.is_file() and not p.name.startswith(".")}
        assert everything == _listed(logged_in["facilitator"])

    def test_participant_sees_only_their_copy_of_the_brief(
        self, logged_in: Any, shelf: Any, kit: Any
    ) -> None:
        (code,) = _own(shelf[1], kit, "participant-a")
        assert {f"brief-{code}.pdf"} == _listed(logged_in["participant-a"])

    def test_interlocutor_sees_only_its_aide_memoire(
        self, logged_in: Any, shelf: Any, kit: Any
    ) -> None:
        codes = _own(shelf[1], kit, "interlocutor")
        expected = {f"aide-memoire-{c}.pdf" for c in codes}
        assert (1, expected) == (len(codes), _listed(logged_in["interlocutor"]))

    def test_observer_sees_the_non_paper(self, logged_in: Any) -> None:
        assert {"nonpaper.docx", "nonpaper.pdf", "nonpaper.md"} == _listed(logged_in["observer"])

    def test_rapporteur_takes_no_document_away(self, logged_in: Any) -> None:
        assert set() == _listed(logged_in["rapporteur"])

    def test_own_copy_downloads(self, logged_in: Any, shelf: Any, kit: Any) -> None:
        (code,) = _own(shelf[1], kit, "participant-a")
        response = logged_in["participant-a"].get(f"/documents/brief-{code}.pdf")
        assert (200, b"%PDF", "attachment") == (
            response.status_code,
            response.content[:4],
            response.headers["content-disposition"].split(";")[0],
        )

    def test_every_other_file_is_refused_to_a_participant(
        self, logged_in: Any, shelf: Any, kit: Any
    ) -> None:
        (mine,) = _own(shelf[1], kit, "participant-a")
        others = [
            p.name
            for p in shelf[2].iterdir()
            if p.is_file() and p.name != f"brief-{mine}.pdf" and not p.name.startswith(".")
        ]
        codes = {n: logged_in["participant-a"].get(f"/documents/{n}").status_code for n in others}
        assert dict.fromkeys(others, 404) == codes
        assert len(others) > 20

    def test_another_interlocutors_copy_is_refused(
        self, logged_in: Any, shelf: Any, kit: Any
    ) -> None:
        mine = _own(shelf[1], kit, "interlocutor")
        others = [
            p.name
            for p in shelf[2].glob("aide-memoire-*.pdf")
            if p.name.removeprefix("aide-memoire-").removesuffix(".pdf") not in mine
        ]
        codes = {n: logged_in["interlocutor"].get(f"/documents/{n}").status_code for n in others}
        assert (dict.fromkeys(others, 404), True) == (codes, len(others) >= 1)

    @pytest.mark.parametrize(
        "name", ["workspace.bch", "..%2Fws%2Fworkspace.bch", ".hidden", "no-such-file.pdf"]
    )
    def test_the_workspace_and_paths_outside_are_never_served(
        self, logged_in: Any, name: str
    ) -> None:
        assert 404 == logged_in["facilitator"].get(f"/documents/{name}").status_code

    def test_downloads_are_audited(self, logged_in: Any, shelf: Any) -> None:
        logged_in["observer"].get("/documents/nonpaper.md")
        last = audit_service.entries(shelf[1], last=1)[0]
        assert ("observer", "document.download", "nonpaper.md") == (
            last.actor,
            last.action,
            last.subject,
        )


class TestRender:
    """A facilitator renders every document through the gate into the documents folder."""

    def test_render(self, web_ws: Workspace, tmp_path: Path, kit: Any) -> None:
        app = kit.make_app(web_ws, tmp_path / "out")
        client = kit.client(app)
        kit.log_in(client, "facilitator")
        response = client.post(
            "/documents/render",
            data={"csrf": kit.session_csrf(client)},
            headers={"HX-Request": "true"},
        )
        client.close()
        written = sorted(p.name for p in (tmp_path / "out").iterdir())
        exports = [e for e in audit_service.entries(web_ws) if e.action == "export"]
        assert (200, "Every document passed the gate" in response.text) == (
            response.status_code,
            True,
        )
        assert ("<html" in response.text, True) == (False, "brief.pdf" in written)
        assert {"facilitator"} == {e.actor for e in exports[-len(written) :]}

    def test_a_blocked_document_writes_nothing(
        self, web_ws: Workspace, tmp_path: Path, kit: Any
    ) -> None:
        # A reframing that names a participant slipped into the record by hand: the gate
        # must stop every document, and say where, never what.
        with web_ws.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE framing SET text = 'As Nadia Haddad put it, access needs triggers.' "
                "WHERE id = (SELECT min(id) FROM framing)"
            )
        app = kit.make_app(web_ws, tmp_path / "out")
        client = kit.client(app)
        kit.log_in(client, "facilitator")
        response = client.post("/documents/render", data={"csrf": kit.session_csrf(client)})
        client.close()
        assert (409, False, "Nadia" in response.text) == (
            response.status_code,
            (tmp_path / "out").exists() and any((tmp_path / "out").iterdir()),
            False,
        )
        assert re.search(r'<span class="chip block">\d+ findings?</span>', response.text)


class TestWorkingLanguages:
    """The facilitator records the working languages on the Documents page; every document
    is then written in each, and a reader sees their file in each language."""

    def test_set_refused_and_shown(self, web_ws: Workspace, tmp_path: Path, kit: Any) -> None:
        """Rendering in them is the browser's test (tests/web/test_browser.py, in Arabic)."""
        app = kit.make_app(web_ws, tmp_path / "out")
        client = kit.client(app)
        kit.log_in(client, "facilitator")
        refused = client.post(
            "/documents/languages",
            data={"csrf": kit.session_csrf(client), "first": "xx"},
            headers={"HX-Request": "true"},
        )
        chosen = client.post(
            "/documents/languages",
            data={
                "csrf": kit.session_csrf(client),
                "first": "ru",
                "also": ["en", "ru"],
                "bilingual": "on",
            },
            headers={"HX-Request": "true"},
        )
        shown = client.get("/documents").text
        client.close()
        found = dialogue_service.get_dialogue(web_ws)
        assert (400, "is not a language" in refused.text) == (refused.status_code, True)
        assert 200 == chosen.status_code and "Русский</bdi>, <bdi" in shown
        assert (("ru", "en"), True) == (found.languages, found.bilingual)


def test_numbered_copies_are_folded_under_the_masters(logged_in: Any, shelf: Any) -> None:
    """Masters first; each kind of numbered copy folded under one line that counts them."""
    html = logged_in["facilitator"].get("/documents").text
    folded = html.split('<details class="copies">')
    masters, copies = folded[0], "".join(folded[1:])
    assert 'href="/documents/nonpaper.pdf"' in masters
    assert "aide-memoire-" not in masters.split('id="files-h"')[1]
    assert 6 == copies.count('href="/documents/aide-memoire-')
    assert re.search(r"<summary>[^<]*· 6 files</summary>", html)
