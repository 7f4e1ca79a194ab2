"""One door: every document passes the gate before a byte is written (invariant 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument
from pypdf import PdfReader

from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import BlockingFindingError
from backchannel.gate import Gate
from backchannel.readers.candidates import read_candidates
from backchannel.services import audit as audit_service
from backchannel.services.documents import (
    Outgoing,
    approve_finding,
    export_from_workspace,
)
from backchannel.services.workspace import Workspace, open_workspace


def visible_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if path.suffix == ".docx":
        return "\n".join(p.text for p in DocxDocument(str(path)).paragraphs)
    if path.suffix in {".md", ".html", ".txt", ".ics"}:
        return path.read_text(encoding="utf-8")
    return ""


class TestEveryDemoDocument:
    """Every document the demo writes scans clean against the whole candidate pool."""

    def test_zero_findings(self, demo: Path, demo_dir: Path) -> None:
        gate = Gate(read_candidates(demo_dir / "candidates.csv"))
        documents = [p for p in demo.iterdir() if p.suffix != ".bch"]
        assert len(documents) >= 4
        scanned = 0
        for path in documents:
            text = visible_text(path)
            if not text:
                continue
            scanned += 1
            named = [f for f in gate.scan(text) if f.participant is not None]
            assert [] == [(path.name, f.kind, f.participant) for f in named]
        assert scanned >= 3

    def test_each_export_is_audited(self, demo: Path, demo_passphrase: str) -> None:
        ws = open_workspace(demo / "workspace.bch", demo_passphrase)
        exported = {e.subject for e in audit_service.entries(ws, action="export")}
        assert {p.name for p in demo.iterdir() if p.suffix != ".bch"} == exported
        assert audit_service.verify(ws).intact
        ws.close()


def leaky(name: str) -> Outgoing:
    data = {"summary": [f"The idea came from {name} during the second round."]}
    return Outgoing(
        filename="leak.md",
        kind=DocumentKind.MEETING_RECORD,
        data=data,
        produce=lambda: data["summary"][0].encode("utf-8"),
    )


@pytest.fixture
def ws(tmp_path: Path, demo: Path, demo_passphrase: str) -> Workspace:
    copy = tmp_path / "w.bch"
    copy.write_bytes((demo / "workspace.bch").read_bytes())
    return open_workspace(copy, demo_passphrase)


class TestBlocking:
    """A finding stops the export; the message says where and what, never who."""

    def test_blocks_and_writes_nothing(self, ws: Workspace, tmp_path: Path, demo_dir: Path) -> None:
        name = read_candidates(demo_dir / "candidates.csv")[0].name
        out = tmp_path / "out"
        with pytest.raises(BlockingFindingError) as caught:
            export_from_workspace(ws, [leaky(name)], out)
        message = str(caught.value)
        assert "leak.md" in message and "section 'summary', paragraph 1" in message
        assert "name" in message
        for part in name.split():
            assert part not in message
        assert not out.exists() or [] == list(out.iterdir())

    def test_approval_lets_it_through_and_is_audited(
        self, ws: Workspace, tmp_path: Path, demo_dir: Path
    ) -> None:
        name = read_candidates(demo_dir / "candidates.csv")[0].name
        with pytest.raises(BlockingFindingError) as caught:
            export_from_workspace(ws, [leaky(name)], tmp_path / "out")
        finding = str(caught.value).split("(finding ")[1][:12]
        assert approve_finding(ws, finding, "leak.md", "public figure, named with consent")
        written = export_from_workspace(ws, [leaky(name)], tmp_path / "out")
        assert ["leak.md"] == [p.name for p in written]
        approvals = audit_service.entries(ws, action="gate.approve")
        assert [finding] == [e.details_object()["finding"] for e in approvals]
        assert audit_service.verify(ws).intact
