"""`backchannel brief lint/import/check/approve/render`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app

runner = CliRunner()
ENV = {"BACKCHANNEL_PASSPHRASE": "pw"}
KEYS = {"start", "end", "text", "kind", "suggestion", "language", "blocks"}


def lint(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["brief", "lint", *args])
    return result.exit_code, result.stdout


def write(tmp_path: Path, text: str, name: str = "note.md") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


class TestLintContract:
    """`brief lint FILE [--places PLACES.csv] --json`: findings, exit 1; clean, exit 0."""

    def test_a_russian_brief(self, tmp_path: Path) -> None:
        text = (
            "Режим закрыл пункт пропуска, а боевики заминировали дорогу.\n\n"
            "Министерство называет их «террористами». Режим работы пункта не изменился.\n"
        )
        code, out = lint(str(write(tmp_path, text)), "--json")
        findings = json.loads(out)["findings"]
        assert 1 == code
        assert [("Режим", "loaded"), ("боевики", "loaded"), ("террористами", "attributed")] == [
            (f["text"], f["kind"]) for f in findings
        ]
        assert {"ru"} == {f["language"] for f in findings}
        assert [True, True, False] == [f["blocks"] for f in findings]

    def test_only_notes_exit_zero(self, tmp_path: Path) -> None:
        text = "Lo que el gobierno llama «terroristas» son, para los vecinos, sus hijos.\n"
        code, out = lint(str(write(tmp_path, text)), "--json")
        assert (0, ["attributed"]) == (code, [f["kind"] for f in json.loads(out)["findings"]])

    def test_findings(self, tmp_path: Path, demo_dir: Path) -> None:
        text = (
            "The regime closed the road to Velmar.\n\n"
            "Sources\n- Ministry of Interior of Sarnland\n- Sarnland state television\n"
        )
        path = write(tmp_path, text)
        code, out = lint(str(path), "--places", str(demo_dir / "places.csv"), "--json")
        assert 1 == code
        findings = json.loads(out)["findings"]
        assert ["loaded", "place", "sources"] == [f["kind"] for f in findings]
        assert all(KEYS == set(f) for f in findings)
        for f in findings:
            assert f["text"] == text[f["start"] : f["end"]]
            assert f["suggestion"]
        assert "Velmar (Welmar)" in findings[1]["suggestion"]

    def test_clean(self, tmp_path: Path) -> None:
        path = write(tmp_path, "Both parties agreed a humanitarian pause of 72 hours.\n")
        code, out = lint(str(path), "--json")
        assert (0, {"findings": []}) == (code, json.loads(out))

    def test_offsets_index_the_decoded_file(self, tmp_path: Path) -> None:
        text = "\ufeff\u00c9t\u00e9 2026\u00a0: \U0001f4cc the junta\r\nclosed it.\r\n"
        path = write(tmp_path, text)
        code, out = lint(str(path), "--json")
        (finding,) = json.loads(out)["findings"]
        decoded = path.read_bytes().decode("utf-8")
        assert (1, "junta") == (code, decoded[finding["start"] : finding["end"]])

    def test_places_are_optional(self, tmp_path: Path) -> None:
        code, out = lint(str(write(tmp_path, "Aid reached Velmar.\n")), "--json")
        assert (0, []) == (code, json.loads(out)["findings"])

    def test_extra_lexicon(self, tmp_path: Path) -> None:
        terms = write(tmp_path, "term,kind,alternative\nrebel scum,delegitimisation,x\n", "t.csv")
        path = write(tmp_path, "Rebel scum fled.\n")
        code, out = lint(str(path), "--lexicon", str(terms), "--json")
        assert (1, ["Rebel scum"]) == (code, [f["text"] for f in json.loads(out)["findings"]])

    def test_human_output(self, tmp_path: Path) -> None:
        code, out = lint(str(write(tmp_path, "Line one.\nThe regime fell.\n")))
        assert 1 == code
        assert "note.md:2:5 loaded 'regime'" in out


class TestLintBadInput:
    """Bad input exits 2 with a one-line message."""

    def test_missing_file(self, tmp_path: Path) -> None:
        result = runner.invoke(app, ["brief", "lint", str(tmp_path / "none.txt"), "--json"])
        assert 2 == result.exit_code
        assert "no such file" in result.output

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.txt"
        path.write_bytes("caf\u00e9 regime".encode("latin-1"))
        assert 2 == runner.invoke(app, ["brief", "lint", str(path)]).exit_code

    def test_bad_places(self, tmp_path: Path) -> None:
        places = write(tmp_path, "names,usage\nVelmar,A\n", "places.csv")
        path = write(tmp_path, "Text.\n")
        result = runner.invoke(app, ["brief", "lint", str(path), "--places", str(places)])
        assert 2 == result.exit_code
        assert "places.csv, row 2, field 'names'" in result.output


@pytest.fixture
def ws(tmp_path: Path, demo_dir: Path) -> Path:
    path = tmp_path / "d.bch"
    result = runner.invoke(
        app, ["-w", str(path), "init", "--from", str(demo_dir / "dialogue.toml")], env=ENV
    )
    assert 0 == result.exit_code, result.output
    return path


def run(ws: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["-w", str(ws), *args], env=ENV)
    return result.exit_code, result.output


class TestWorkspaceCommands:
    """Import, check, approve and render on a real encrypted workspace."""

    def test_import_check_render(self, ws: Path, demo_dir: Path, tmp_path: Path) -> None:
        args = [
            f"--{name}={demo_dir / file}"
            for name, file in (
                ("layers", "layers.geojson"),
                ("timeline", "timeline.csv"),
                ("legal", "legal.toml"),
                ("figures", "figures.csv"),
                ("places", "places.csv"),
                ("events", "events.csv"),
            )
        ]
        code, out = run(ws, "brief", "import", *args, "--json")
        assert 0 == code, out
        imported = json.loads(out)["imported"]
        assert (22, 500) == (imported["layers"], imported["events"])
        code, out = run(ws, "brief", "check", "--json")
        found = json.loads(out)["findings"]
        assert (0, []) == (code, [f for f in found if f["blocks"]])
        assert all(f["kind"] == "attributed" for f in found)
        code, out = run(ws, "brief", "render", str(tmp_path / "out"), "--json")
        assert 0 == code, out
        names = {Path(p).name for p in json.loads(out)["written"]}
        assert {"brief.pdf", "brief.html"} == names  # no roster yet: no numbered copies

    def test_a_finding_blocks_until_approved(self, ws: Path, tmp_path: Path) -> None:
        timeline = write(
            tmp_path,
            "date,event,source,party_view,origin\n"
            "2026-01-05,The enemy shelled the market.,Monitors,,neutral\n",
            "timeline.csv",
        )
        assert 0 == run(ws, "brief", "import", "--timeline", str(timeline))[0]
        code, out = run(ws, "brief", "render", str(tmp_path / "out"))
        assert 1 == code
        assert "neutrality linter" in out and "'enemy'" in out
        code, out = run(ws, "brief", "check", "--json")
        (finding,) = json.loads(out)["findings"]
        assert (1, "Timeline", False) == (code, finding["section"], finding["approved"])
        code, out = run(ws, "brief", "approve", finding["id"], "--reason", "the party's own word")
        assert 0 == code, out
        assert 0 == run(ws, "brief", "render", str(tmp_path / "out"))[0]
        assert (tmp_path / "out" / "brief.pdf").exists()

    def test_bad_import_exits_2(self, ws: Path, tmp_path: Path) -> None:
        layers = write(tmp_path, '{"type": "Feature"}', "layers.geojson")
        code, out = run(ws, "brief", "import", "--layers", str(layers))
        assert 2 == code
        assert "layers.geojson" in out
