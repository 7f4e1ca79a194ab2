"""Issue 17's attacks replayed, small: bodies that never end, forms that are too big.

Every one must be refused with a 4xx while the bytes arrive, before a login check or a
parser has spent anything on them.
"""

from __future__ import annotations

import asyncio
import io
import select
import socket
import tempfile
import threading
import zipfile
from typing import TYPE_CHECKING, Any

import pytest
from fastapi import FastAPI

from backchannel.web import limits
from backchannel.web.passwords import BusyError, PasswordChecks

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


def send_streaming(
    url: str, path: str, headers: dict[str, str], total: int, first: bytes = b""
) -> tuple[int, int]:
    """POST `total` bytes in 64 KiB chunks over a raw socket (chunked), stopping when the
    server answers or closes: (status, bytes it took before that)."""
    host, port = url.removeprefix("http://").split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=20) as conn:
        head = f"POST {path} HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: chunked\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        conn.sendall(head.encode())
        if first:
            conn.sendall(b"%x\r\n" % len(first) + first + b"\r\n")
        chunk = b"a" * 65536
        frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
        answer = b""
        while sent < total:
            readable, _, _ = select.select([conn], [], [], 0)
            if readable:
                break
            try:
                conn.sendall(frame)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        try:
            while b"\r\n" not in answer:
                more = conn.recv(65536)
                if not more:
                    break
                answer += more
        except ConnectionResetError:
            pass
    status = int(answer.split(b" ", 2)[1]) if answer else 0
    return status, sent


class TestBodyLimits:
    def test_an_anonymous_endless_upload_is_cut_off_early(self, app: FastAPI, kit: Any) -> None:
        with kit.running(app) as url:
            status, sent = send_streaming(
                url,
                "/roster/import",
                {"Content-Type": "multipart/form-data; boundary=x"},
                total=200 * 2**20,
                first=b'--x\r\nContent-Disposition: form-data; name="pool"; filename="p.csv"'
                b"\r\nContent-Type: text/csv\r\n\r\n",
            )
        assert 413 == status
        # Stopped near the cap, not at 200 MB (the kernel's loopback buffers hold a few MB more).
        assert sent < 4 * limits.UPLOAD_BODY

    def test_a_declared_huge_login_is_refused_before_reading(self, anonymous: TestClient) -> None:
        response = anonymous.post(
            "/login",
            content=b"handle=x&password=y",
            headers={
                "content-type": "application/x-www-form-urlencoded",
                "content-length": str(270 * 2**20),
            },
        )
        assert (413, "Content Too Large") == (response.status_code, response.text)

    def test_a_streamed_login_is_cut_off_after_a_few_kilobytes(
        self, app: FastAPI, kit: Any
    ) -> None:
        with kit.running(app) as url:
            status, sent = send_streaming(
                url, "/login", {"Content-Type": "application/x-www-form-urlencoded"}, 2**30
            )
        assert 413 == status
        assert sent < 4 * 2**20

    def test_a_login_form_over_a_few_kilobytes_is_refused(self, anonymous: TestClient) -> None:
        response = anonymous.post("/login", data={"handle": "x" * 20_000, "password": "p"})
        assert 413 == response.status_code

    def test_any_other_form_has_a_limit_too(self, as_role: Any) -> None:
        client = as_role("rapporteur")
        response = client.post("/item", data={"text": "x" * (limits.DEFAULT_BODY + 10)})
        assert 413 == response.status_code
        assert "Traceback" not in response.text


def bomb_workbook() -> bytes:
    """A candidates header and twelve million empty rows: about 100 KB compressed."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b"<worksheet><sheetData>")
            for _ in range(1200):
                sheet.write(b"<row/>" * 10_000)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


class TestHostileWorkbooks:
    def test_a_workbook_bomb_is_a_plain_refusal(self, as_role: Any, kit: Any) -> None:
        client = as_role("facilitator")
        response = client.post(
            "/roster/import",
            files={"pool": ("pool.xlsx", bomb_workbook(), "application/octet-stream")},
            headers={"X-CSRF-Token": kit.session_csrf(client)},
        )
        assert (400, True) == (response.status_code, "would unpack to more than" in response.text)

    def test_an_upload_never_reaches_a_temporary_file(
        self, as_role: Any, kit: Any, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A 3 MB pool (Starlette spools anything over 1 MB to disk by default)."""
        made: list[object] = []
        real = tempfile.TemporaryFile

        def spy(*args: Any, **kwargs: Any) -> Any:
            made.append(args)
            return real(*args, **kwargs)

        monkeypatch.setattr(tempfile, "TemporaryFile", spy)
        client = as_role("facilitator")
        header = "id,name,party,category,gender,affiliation\n"
        rows = "".join(
            f"c{i:05d},Person {i},A,technical_expert,F,{'x' * 40}\n" for i in range(40_000)
        )
        response = client.post(
            "/roster/import",
            files={"pool": ("pool.csv", (header + rows).encode(), "text/csv")},
            headers={"X-CSRF-Token": kit.session_csrf(client)},
            follow_redirects=False,
        )
        assert len(header + rows) > 3 * 2**20
        assert (303, []) == (response.status_code, made)


class TestPasswordChecks:
    def test_a_full_queue_says_busy_instead_of_hanging(self) -> None:
        checks = PasswordChecks(workers=1, waiting=1)
        release = threading.Event()

        async def storm() -> list[str]:
            slow = [asyncio.create_task(checks.run(release.wait, 5)) for _ in range(2)]
            await asyncio.sleep(0.05)
            try:
                await checks.run(lambda: "checked")
            except BusyError:
                outcome = "busy"
            else:
                outcome = "ran"
            release.set()
            await asyncio.gather(*slow)
            return [outcome, await checks.run(lambda: "checked")]

        try:
            assert ["busy", "checked"] == asyncio.run(storm())
        finally:
            checks.close()

    def test_the_login_page_is_a_503_with_retry_after_when_busy(
        self, app: FastAPI, anonymous: TestClient, kit: Any
    ) -> None:
        app.state.services.passwords = PasswordChecks(workers=1, waiting=0)
        app.state.services.passwords._queued = 1  # one check already running
        page = anonymous.get("/login")
        response = anonymous.post(
            "/login",
            data={"handle": "observer", "password": kit.password, "csrf": kit.csrf_of(page.text)},
        )
        assert (503, "5") == (response.status_code, response.headers.get("retry-after"))
        assert "Many people are logging in" in response.text


class TestSmallOnes:
    def test_a_document_name_longer_than_a_file_name_is_a_404(self, as_role: Any) -> None:
        client = as_role("facilitator")
        for name in ("n" * 300 + ".pdf", "é" * 200, "brief%00.pdf"):
            response = client.get(f"/documents/{name}")
            assert (404, False) == (response.status_code, "Traceback" in response.text)

    def test_deeply_nested_mix_rules_are_a_plain_refusal(self, as_role: Any, kit: Any) -> None:
        client = as_role("facilitator")
        for rules in ("a = " + "[" * 5000 + "]" * 5000, "size.max = " + "9" * 5000):
            response = client.post(
                "/roster/rules",
                data={"rules": rules},
                headers={"X-CSRF-Token": kit.session_csrf(client)},
            )
            assert 400 == response.status_code
