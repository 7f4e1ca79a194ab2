"""No table of meetings, capture or ratings has a column that could hold a person.

The area is every table declared under the `# --- 0007` comment of store/tables.py, so a
table added there later is checked too; the check runs on the declared tables and on a
workspace built by the migrations.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, inspect

from backchannel.services.workspace import open_workspace
from backchannel.store import tables

TABLES_PY = Path(tables.__file__)
PERSON_WORDS = (
    "name", "person", "people", "participant", "candidate", "author", "speaker", "rater",
    "email", "mail", "phone", "user", "member", "delegate", "attendee", "contact", "said_by",
    "by_whom", "owner", "signatory",
)  # fmt: skip
# Allowed on purpose, each with its reason:
ALLOWED = {
    # a salted HMAC of the rater's id, never the id (docs/rounds.md)
    ("rating", "pseudonym"),
    # the office or body that carries out a step; its text is gated like every other
    ("package_step", "who"),
}
EXPECTED = {
    "rater_salt", "meeting_timebox", "round_move", "framing", "party_item", "meeting_option",
    "consequence_test", "option_package", "package_step", "rating",
}  # fmt: skip


def area_tables(source: str) -> set[str]:
    """Names of the tables declared from the `# --- 0007` comment to the next `# ---`."""
    start = source.index("# --- 0007")
    end = source.find("\n# --- ", start + 1)
    section = source[start : end if end != -1 else len(source)]
    return set(re.findall(r'^\w+ = Table\(\s*"(\w+)"', section, flags=re.MULTILINE))


def person_columns(table: str, columns: list[str]) -> list[str]:
    return [
        c
        for c in columns
        if (table, c) not in ALLOWED and (c == "who" or any(w in c.lower() for w in PERSON_WORDS))
    ]


class TestNoPersonColumns:
    """A column for a person in this area fails the suite."""

    def test_the_area_is_found(self) -> None:
        assert EXPECTED <= area_tables(TABLES_PY.read_text(encoding="utf-8"))

    @pytest.mark.parametrize("name", sorted(EXPECTED))
    def test_declared_columns(self, name: str) -> None:
        assert [] == person_columns(name, [c.name for c in tables.metadata.tables[name].columns])

    def test_every_table_of_the_area(self) -> None:
        found = area_tables(TABLES_PY.read_text(encoding="utf-8"))
        bad = {
            name: person_columns(name, [c.name for c in tables.metadata.tables[name].columns])
            for name in found
        }
        assert {} == {k: v for k, v in bad.items() if v}

    def test_migrated_columns(self, tmp_path: Path) -> None:
        ws = open_workspace(tmp_path / "d.bch", "pw", create=True)
        insp = inspect(ws.engine)
        bad = {
            name: person_columns(name, [c["name"] for c in insp.get_columns(name)])
            for name in area_tables(TABLES_PY.read_text(encoding="utf-8"))
        }
        ws.close()
        assert {} == {k: v for k, v in bad.items() if v}

    def test_the_check_sees_a_person_column(self) -> None:
        source = (
            '# --- 0007: meetings\nminute = Table(\n    "minute",\n)\n'
            '# --- 0008: evidence\nlayer = Table("layer")\n'
        )
        assert {"minute"} == area_tables(source)
        bad = Table(
            "minute",
            MetaData(),
            Column("id", Integer, primary_key=True),
            Column("text", Text),
            Column("speaker_name", String(200)),
            Column("rater_id", String(64)),
        )
        assert ["speaker_name", "rater_id"] == person_columns(
            "minute", [c.name for c in bad.columns]
        )
        assert ["who"] == person_columns("minute", ["who"])  # allowed only where listed
