"""`backchannel gate scan` and `backchannel gate redact`."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app

ROSTER = (
    "id,name,aliases,party,category,gender,affiliation,title,channels,available,conflicts,priority\n"
    "c1,Amara Okoye,AO,A,authoritative_proxy,F,Sarn Water Board,former chief negotiator,,yes,,5\n"
    "c2,Farid El-Masri,Abu Sami,B,technical_expert,M,Delta Health Institute,epidemiologist"
    ",,yes,,5\n"
    "c3,Hope Mwangi,,neutral,community_voice,F,Lake Traders Union,tribal elder,,yes,,5\n"
)
NOTES = (
    "Round 1\n"
    "Dr. Okoye opened the round. Many said we will need a map.\n"
    "Asked about it, Masri's team and the Sarn Water Board agreed; hope remains.\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    return notes, roster


runner = CliRunner()


class TestScan:
    """Scan prints the documented JSON and exits 1 on a finding, 0 when clean, 2 on bad input."""

    def test_json_findings(self, files: tuple[Path, Path]) -> None:
        notes, roster = files
        result = runner.invoke(app, ["gate", "scan", str(notes), "--roster", str(roster), "--json"])
        assert 1 == result.exit_code
        findings = json.loads(result.stdout)["findings"]

        def at(text: str, kind: str, who: str) -> dict[str, object]:
            start = NOTES.index(text)
            end = start + len(text)
            found = {"start": start, "end": end, "text": text, "kind": kind, "participant": who}
            return found | {"script": "Latin", "language": "en"}

        assert [
            at("Dr. Okoye", "name", "c1"),
            at("Masri", "name", "c2"),
            at("Sarn Water Board", "affiliation", "c1"),
        ] == findings
        assert all(NOTES[f["start"] : f["end"]] == f["text"] for f in findings)

    def test_clean_exits_zero(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        _notes, roster = files
        clean = tmp_path / "clean.md"
        clean.write_text("# Options\nWe will mark the map; hope remains.\n", encoding="utf-8")
        result = runner.invoke(app, ["gate", "scan", str(clean), "--roster", str(roster), "--json"])
        assert (0, {"findings": [], "unchecked": []}) == (
            result.exit_code,
            json.loads(result.stdout),
        )

    def test_human_listing_shows_ids_not_names(self, files: tuple[Path, Path]) -> None:
        notes, roster = files
        result = runner.invoke(app, ["gate", "scan", str(notes), "--roster", str(roster)])
        assert 1 == result.exit_code
        assert "line     2, col   1  name" in result.stdout
        assert "c2" in result.stdout
        assert not any(word in result.stdout for word in ("Okoye", "Masri", "Water Board"))

    def test_k_option(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        _notes, roster = files
        text = tmp_path / "d.txt"
        text.write_text("Then the woman from party A spoke.\n", encoding="utf-8")
        args = ["gate", "scan", str(text), "--roster", str(roster), "--json"]
        assert 1 == runner.invoke(app, args).exit_code
        assert 1 == runner.invoke(app, [*args, "--k", "2"]).exit_code
        assert 0 == runner.invoke(app, [*args, "--k", "1"]).exit_code

    @pytest.mark.parametrize(
        "name, content",
        [("notes.pdf", b"%PDF-1.4"), ("notes.txt", b"\xff\xfe bad"), ("gone.txt", None)],
    )
    def test_bad_input_exits_two(
        self, files: tuple[Path, Path], tmp_path: Path, name: str, content: bytes | None
    ) -> None:
        _notes, roster = files
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        result = runner.invoke(app, ["gate", "scan", str(path), "--roster", str(roster)])
        assert 2 == result.exit_code
        assert "Traceback" not in result.output

    def test_bad_roster_exits_two(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        notes, _roster = files
        bad = tmp_path / "bad.csv"
        bad.write_text("id,name\nx1,Someone\n", encoding="utf-8")
        result = runner.invoke(app, ["gate", "scan", str(notes), "--roster", str(bad)])
        assert 2 == result.exit_code


class TestRedact:
    """Redact writes FILE.redacted.SUFFIX atomically and never overwrites the input."""

    def test_default_output(self, files: tuple[Path, Path]) -> None:
        notes, roster = files
        result = runner.invoke(app, ["gate", "redact", str(notes), "--roster", str(roster)])
        assert 0 == result.exit_code, result.output
        out = notes.with_name("notes.redacted.txt")
        expected = (
            "Round 1\n"
            "A participant opened the round. Many said we will need a map.\n"
            "Asked about it, a participant's team and an organisation agreed; hope remains.\n"
        )
        assert expected == out.read_text(encoding="utf-8")
        assert NOTES == notes.read_text(encoding="utf-8")
        scan = runner.invoke(app, ["gate", "scan", str(out), "--roster", str(roster)])
        assert 0 == scan.exit_code

    def test_refuses_to_overwrite_input(self, files: tuple[Path, Path]) -> None:
        notes, roster = files
        result = runner.invoke(
            app, ["gate", "redact", str(notes), "--roster", str(roster), "-o", str(notes)]
        )
        assert 2 == result.exit_code
        assert NOTES == notes.read_text(encoding="utf-8")

    def test_json_summary(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        notes, roster = files
        out = tmp_path / "out" / "clean.txt"
        result = runner.invoke(
            app,
            ["gate", "redact", str(notes), "--roster", str(roster), "-o", str(out), "--json"],
        )
        assert 0 == result.exit_code
        assert {"output": str(out), "replaced": 3, "remaining": 0} == json.loads(result.stdout)

    def test_docx(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        _notes, roster = files
        source = tmp_path / "brief.docx"
        document = docx.Document()
        document.add_paragraph("Abu Sami and the former chief negotiator agreed.")
        document.save(str(source))
        result = runner.invoke(app, ["gate", "redact", str(source), "--roster", str(roster)])
        assert 0 == result.exit_code, result.output
        out = docx.Document(str(tmp_path / "brief.redacted.docx"))
        assert "A participant and a participant agreed." == out.paragraphs[0].text
