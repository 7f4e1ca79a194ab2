"""`backchannel select --pool --rules [--json]`: the stateless contract of DESIGN.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
from typer.testing import CliRunner

from backchannel.cli.app import app
from backchannel.readers.candidates import COLUMNS

runner = CliRunner()
CATEGORIES = ("authoritative_proxy", "technical_expert", "community_voice")
RULES = """\
[size]
min = 4
max = 6
[category.technical_expert]
min = 1
[gender]
min_share = { F = 0.5 }
[channels]
required = ["UN Envoy Office"]
[people]
exclude = ["c00"]
"""


def rows() -> list[list[str]]:
    out = []
    for i in range(12):
        out.append(
            [
                f"c{i:02d}",
                f"Secret Name {i}",
                "",
                "AB"[i % 2],
                CATEGORIES[i % 3],
                "FM"[(i // 2) % 2],
                f"Org{i % 4}",
                "",
                "UN Envoy Office" if i == 7 else "",
                "no" if i == 1 else "yes",
                "c03" if i == 2 else "",
                str(i % 10),
            ]
        )
    return out


def pool_csv(tmp_path: Path) -> Path:
    path = tmp_path / "candidates.csv"
    lines = [",".join(COLUMNS)] + [",".join(r) for r in rows()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rules_file(tmp_path: Path, text: str = RULES) -> Path:
    path = tmp_path / "MIX.toml"
    path.write_text(text, encoding="utf-8")
    return path


def select(pool: Path, rules: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(app, ["select", "--pool", str(pool), "--rules", str(rules), *extra])
    data = json.loads(result.stdout) if "--json" in extra and result.stdout.strip() else {}
    return result.exit_code, data, result.output


class TestSelectJson:
    """JSON with status, roster, priority, conflicts and explanation; exit 0, 1 or 2."""

    def test_a_roster(self, tmp_path: Path) -> None:
        code, data, _ = select(pool_csv(tmp_path), rules_file(tmp_path), "--json")
        assert 0 == code
        assert "ok" == data["status"]
        assert ["c04", "c05", "c06", "c07", "c08", "c09"] == data["roster"]
        assert 4 + 5 + 6 + 7 + 8 + 9 == data["priority"]
        assert [] == data["conflicts"]
        assert "proven the best roster" in data["explanation"]
        assert {"status", "roster", "priority", "conflicts", "explanation"} <= set(data)

    def test_no_roster(self, tmp_path: Path) -> None:
        rules = rules_file(tmp_path, RULES.replace('["UN Envoy Office"]', '["Gov-A MFA"]'))
        code, data, _ = select(pool_csv(tmp_path), rules, "--json")
        assert 1 == code
        assert ("infeasible", [], 0) == (data["status"], data["roster"], data["priority"])
        assert ["channels.required.Gov-A MFA"] == data["conflicts"]
        assert "no available candidate has the channel 'Gov-A MFA'" in data["explanation"]

    def test_bad_rules_exit_2_naming_file_line_and_rule(self, tmp_path: Path) -> None:
        rules = rules_file(tmp_path, RULES.replace("max = 6", "max = -6"))
        code, data, output = select(pool_csv(tmp_path), rules, "--json")
        assert (2, {}) == (code, data)
        assert "MIX.toml, row 3, field 'size.max'" in output

    def test_person_not_in_the_pool(self, tmp_path: Path) -> None:
        rules = rules_file(tmp_path, RULES.replace('["c00"]', '["c99"]'))
        code, _, output = select(pool_csv(tmp_path), rules, "--json")
        assert 2 == code
        assert "field 'people.exclude.c99'" in output

    def test_bad_pool_exit_2_naming_row_and_field(self, tmp_path: Path) -> None:
        pool = pool_csv(tmp_path)
        pool.write_text(pool.read_text().replace(",technical_expert,", ",diplomat,", 1))
        code, _, output = select(pool, rules_file(tmp_path), "--json")
        assert 2 == code
        assert "candidates.csv, row 3, field 'category'" in output

    def test_xlsx_pool_gives_the_same_roster(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(list(COLUMNS))
        for row in rows():
            sheet.append([*row[:11], int(row[11])])
        xlsx = tmp_path / "candidates.xlsx"
        book.save(xlsx)
        _, from_csv, _ = select(pool_csv(tmp_path), rules_file(tmp_path), "--json")
        code, from_xlsx, _ = select(xlsx, rules_file(tmp_path), "--json")
        assert 0 == code
        assert from_csv == from_xlsx

    def test_other_suffix_is_bad_input(self, tmp_path: Path) -> None:
        pool = tmp_path / "candidates.txt"
        pool.write_text("id\n", encoding="utf-8")
        code, _, output = select(pool, rules_file(tmp_path), "--json")
        assert 2 == code
        assert ".csv or .xlsx" in output


class TestSelectForPeople:
    """Without --json: a table of what the convenor needs, never a name."""

    def test_table_without_names(self, tmp_path: Path) -> None:
        code, _, output = select(pool_csv(tmp_path), rules_file(tmp_path))
        assert 0 == code
        assert "Roster (6 people)" in output
        assert "c07" in output
        assert "community_voice" in output
        assert "Secret Name" not in output

    def test_conflict_in_plain_words(self, tmp_path: Path) -> None:
        rules = rules_file(tmp_path, RULES.replace("max = 6", "max = 3"))
        code, _, output = select(pool_csv(tmp_path), rules)
        assert 1 == code
        assert "size.min is 4 but size.max is 3" in output
        assert "Conflicting rules: size.min, size.max" in output
