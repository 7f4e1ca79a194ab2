"""`backchannel candidates/rules/roster`: exit codes, JSON and the consent flag."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from backchannel.cli.app import app

runner = CliRunner()
ENV = {"BACKCHANNEL_PASSPHRASE": "cli pw"}
COLUMNS = (
    "id,name,aliases,party,category,gender,affiliation,title,channels,available,conflicts,priority"
).split(",")
CATEGORIES = ("authoritative_proxy", "technical_expert", "community_voice")
RULES = '[size]\nmin = 10\nmax = 12\n\n[channels]\nrequired = ["Office A"]\n'
# At most 10 people, but category minimums that add up to 11.
INFEASIBLE = "[size]\nmax = 10\n[category.technical_expert]\nmin = 6\n"
INFEASIBLE += "[category.authoritative_proxy]\nmin = 5\n"


def write_pool(path: Path, bad_row: bool = False) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n in range(1, 19):
            writer.writerow(
                [
                    f"c{n:03d}",
                    f"Philippa Quartermaine{n}",
                    "",
                    "A" if n % 2 else "B",
                    CATEGORIES[n % 3],
                    "F" if n % 4 < 2 else "M",
                    f"Brackwater Trust {n}",
                    "",
                    "Office A" if n % 5 == 0 else "",
                    "yes",
                    "",
                    "x" if bad_row and n == 4 else str(n % 10),
                ]
            )
    return path


def run(workspace: Path, *args: str) -> Result:
    return runner.invoke(app, ["-w", str(workspace), *args], env=ENV)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "d.bch"
    assert 0 == run(path, "init", "--title", "Brackwater talks").exit_code
    return path


@pytest.fixture
def pooled(workspace: Path, tmp_path: Path) -> Path:
    result = run(workspace, "candidates", "import", str(write_pool(tmp_path / "pool.csv")))
    assert 0 == result.exit_code, result.output
    rules = tmp_path / "mix.toml"
    rules.write_text(RULES, encoding="utf-8")
    assert 0 == run(workspace, "rules", "set", "--from", str(rules)).exit_code
    return workspace


def roster(workspace: Path) -> list[str]:
    result = run(workspace, "roster", "show", "--json")
    assert 0 == result.exit_code, result.output
    return [p["id"] for p in json.loads(result.stdout)["roster"]]


class TestCandidates:
    """Import is all or nothing (exit 2 naming file, row and field); list hides names."""

    def test_import_then_reimport(self, workspace: Path, tmp_path: Path) -> None:
        pool = write_pool(tmp_path / "pool.csv")
        assert "18 added, 0 updated" in run(workspace, "candidates", "import", str(pool)).output
        result = run(workspace, "candidates", "import", str(pool), "--json")
        assert {"added": 0, "updated": 18} == json.loads(result.stdout)

    def test_malformed_row(self, workspace: Path, tmp_path: Path) -> None:
        bad = write_pool(tmp_path / "bad.csv", bad_row=True)
        result = run(workspace, "candidates", "import", str(bad))
        assert 2 == result.exit_code
        assert "bad.csv, row 5, field 'priority'" in result.output
        listed = run(workspace, "candidates", "list", "--json")
        assert [] == json.loads(listed.stdout)

    def test_list_hides_names_unless_asked(self, pooled: Path) -> None:
        plain = run(pooled, "candidates", "list")
        assert 0 == plain.exit_code
        assert "c001" in plain.output
        assert "Quartermaine" not in plain.output
        named = json.loads(run(pooled, "candidates", "list", "--json", "--names").stdout)
        assert "Philippa Quartermaine1" == named[0]["name"]
        assert "name" not in json.loads(run(pooled, "candidates", "list", "--json").stdout)[0]


class TestRules:
    """Rules are validated against the pool (exit 2) and shown as written."""

    def test_show(self, pooled: Path) -> None:
        data = json.loads(run(pooled, "rules", "show", "--json").stdout)
        assert RULES == data["text"]
        assert "channels.required.Office A" in data["rules"]

    def test_defaults(self, workspace: Path) -> None:
        result = run(workspace, "rules", "show")
        assert 0 == result.exit_code
        assert "defaults" in result.output

    def test_bad_rules(self, pooled: Path, tmp_path: Path) -> None:
        bad = tmp_path / "bad.toml"
        bad.write_text('[people]\nexclude = ["c404"]\n', encoding="utf-8")
        result = run(pooled, "rules", "set", "--from", str(bad))
        assert 2 == result.exit_code
        assert "bad.toml, row 2, field 'people.exclude.c404'" in result.output


class TestRoster:
    """select exits 0 with a roster and 1 when none exists (roster unchanged); add and
    remove save, print broken rules and exit 0; a participant without consent is flagged."""

    def test_select(self, pooled: Path) -> None:
        result = run(pooled, "roster", "select", "--json")
        assert 0 == result.exit_code, result.output
        data = json.loads(result.stdout)
        assert "ok" == data["status"]
        assert [] == data["violations"]
        assert 10 <= len(roster(pooled)) <= 12

    def test_infeasible(self, pooled: Path, tmp_path: Path) -> None:
        assert 0 == run(pooled, "roster", "select").exit_code
        before = roster(pooled)
        rules = tmp_path / "infeasible.toml"
        rules.write_text(INFEASIBLE, encoding="utf-8")
        assert 0 == run(pooled, "rules", "set", "--from", str(rules)).exit_code
        result = run(pooled, "roster", "select")
        assert 1 == result.exit_code
        assert "add up to 11" in result.output
        assert "category.technical_expert.min" in result.output
        assert "left as it was" in result.output
        assert before == roster(pooled)
        data = json.loads(run(pooled, "roster", "select", "--json").stdout)
        assert "infeasible" == data["status"]

    def test_add_breaks_a_rule_and_still_saves(self, pooled: Path) -> None:
        run(pooled, "roster", "select")
        outside = [f"c{n:03d}" for n in range(1, 19) if f"c{n:03d}" not in roster(pooled)]
        for candidate in outside[:3]:
            result = run(pooled, "roster", "add", candidate)
        assert 0 == result.exit_code, result.output
        assert "size.max does not hold" in result.output
        assert set(outside[:3]) <= set(roster(pooled))

    def test_remove(self, pooled: Path) -> None:
        run(pooled, "roster", "add", "c005")
        result = run(pooled, "roster", "remove", "c005", "--json")
        assert 0 == result.exit_code
        assert json.loads(result.stdout)["changed"]
        assert [] == roster(pooled)

    def test_unknown_id(self, pooled: Path) -> None:
        result = run(pooled, "roster", "add", "c404")
        assert 2 == result.exit_code
        assert "no candidate with id 'c404'" in result.output

    def test_consent_flag(self, pooled: Path) -> None:
        run(pooled, "roster", "add", "c001")
        run(pooled, "roster", "add", "c002")
        assert 0 == run(pooled, "charter", "adopt").exit_code
        assert 0 == run(pooled, "consent", "record", "c001", "--how", "email").exit_code
        shown = run(pooled, "roster", "show")
        assert "Without consent to charter v1: c002" in shown.output
        data = json.loads(run(pooled, "roster", "show", "--json").stdout)
        assert ["c002"] == data["without_consent"]
        assert [True, False] == [p["consented"] for p in data["roster"]]

    def test_report(self, pooled: Path, tmp_path: Path) -> None:
        run(pooled, "roster", "select")
        out = tmp_path / "out"
        result = run(pooled, "roster", "report", str(out), "--json")
        assert 0 == result.exit_code, result.output
        assert [str(out / "roster-report.pdf")] == json.loads(result.stdout)["documents"]

    def test_report_needs_a_roster(self, pooled: Path, tmp_path: Path) -> None:
        result = run(pooled, "roster", "report", str(tmp_path / "out"))
        assert 2 == result.exit_code
        assert "no roster yet" in result.output
