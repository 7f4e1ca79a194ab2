"""The candidate pool, mix rules and roster inside a dialogue's workspace (real SQLCipher and
PostgreSQL)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from backchannel.domain.dialogue import Dialogue, Interlocutor, Party
from backchannel.domain.errors import BadInputError, NotFoundError
from backchannel.domain.mix import check_roster
from backchannel.domain.people import Category
from backchannel.services import audit as audit_service
from backchannel.services import dialogue as dialogue_service
from backchannel.services import ground_rules
from backchannel.services import roster as roster_service
from backchannel.services.roster_report import mix_of
from backchannel.services.workspace import Workspace

COLUMNS = (
    "id,name,aliases,party,category,gender,affiliation,title,channels,available,conflicts,priority"
).split(",")
FIRST = "Zubeida Ingmar Oyelaran Teodora Kwabena Severine Anouk Dragomir".split()
LAST = "Okafor-Lindqvist Haldorsen Brightwater Pemberton Rautenbach Kowalczyk Whitlock Abernathy"
CATEGORIES = ("authoritative_proxy", "technical_expert", "community_voice")
RULES = """\
[size]
min = 10
max = 12

[category.technical_expert]
min = 3

[party.A]
min = 4
max = 6

[party.B]
min = 4
max = 6

[gender]
min_share = { F = 0.4 }

[channels]
required = ["Office A", "Council B"]
"""
# Category minimums add up to 9, but at most 8 people: no roster can meet both.
INFEASIBLE = """\
[size]
min = 1
max = 8

[category.technical_expert]
min = 4

[category.authoritative_proxy]
min = 5
"""


def pool_rows() -> list[dict[str, str]]:
    """16 fictional candidates: 8 per party; c016 unavailable; c003 and c010 conflict."""
    rows = []
    for n in range(1, 17):
        party = "A" if n <= 8 else "B"
        rows.append(
            {
                "id": f"c{n:03d}",
                "name": f"{FIRST[(n - 1) % 8]} {LAST.split()[(n * 3) % 8]}{n}",
                "aliases": f"Abu Zayd{n}",
                "party": party,
                "category": CATEGORIES[n % 3],
                "gender": "F" if n % 2 else "M",
                "affiliation": f"Marrowdale Irrigation Board {n}",
                "title": "Retired Brigadier" if n % 4 == 0 else "Hydrologist",
                "channels": ("Office A" if party == "A" else "Council B") if n % 3 == 0 else "",
                "available": "no" if n == 16 else "yes",
                "conflicts": {3: "c010", 10: "c003"}.get(n, ""),
                "priority": str(10 - n % 7),
            }
        )
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[dict[str, str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "candidates"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([int(row[c]) if c == "priority" else row[c] for c in COLUMNS])
    book.save(path)
    return path


def a_dialogue() -> Dialogue:
    return Dialogue(
        title="Water sharing on the Marrow",
        parties=(Party("A", "Side A"), Party("B", "Side B")),
        interlocutors=(
            Interlocutor("office-a", "Office A", "A"),
            Interlocutor("council-b", "Council B", "B"),
        ),
    )


@pytest.fixture
def ws(any_store: Workspace) -> Workspace:
    dialogue_service.init_dialogue(any_store, a_dialogue())
    return any_store


@pytest.fixture
def pooled(ws: Workspace, tmp_path: Path) -> Workspace:
    roster_service.import_candidates(ws, write_csv(tmp_path / "pool.csv", pool_rows()))
    return ws


def set_rules(ws: Workspace, tmp_path: Path, text: str = RULES, name: str = "mix.toml") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    roster_service.set_rules(ws, path)


class TestImport:
    """A pool is read and checked whole, then written in one transaction; re-imports update."""

    def test_csv(self, ws: Workspace, tmp_path: Path) -> None:
        added = roster_service.import_candidates(ws, write_csv(tmp_path / "p.csv", pool_rows()))
        assert (16, 0) == added
        assert 16 == len(dialogue_service.list_candidates(ws))

    def test_xlsx(self, ws: Workspace, tmp_path: Path) -> None:
        path = write_xlsx(tmp_path / "pool.xlsx", pool_rows())
        assert (16, 0) == roster_service.import_candidates(ws, path)
        found = {c.id: c for c in dialogue_service.list_candidates(ws)}
        assert 9 == found["c001"].priority
        assert ("c010",) == found["c003"].conflicts
        assert not found["c016"].available

    def test_reimport_updates_instead_of_duplicating(self, ws: Workspace, tmp_path: Path) -> None:
        rows = pool_rows()
        roster_service.import_candidates(ws, write_csv(tmp_path / "p.csv", rows))
        rows[0]["priority"] = "2"
        rows.append({**rows[1], "id": "c017", "name": "Casimir Fairweather"})
        assert (1, 16) == roster_service.import_candidates(ws, write_csv(tmp_path / "p2.csv", rows))
        found = {c.id: c for c in dialogue_service.list_candidates(ws)}
        assert 17 == len(found)
        assert 2 == found["c001"].priority

    def test_a_malformed_row_writes_nothing(self, ws: Workspace, tmp_path: Path) -> None:
        rows = pool_rows()
        rows[5]["priority"] = "eleven"  # row 7 of the sheet: the header is row 1
        with pytest.raises(BadInputError) as caught:
            roster_service.import_candidates(ws, write_csv(tmp_path / "bad.csv", rows))
        assert ("bad.csv", 7, "priority") == (
            caught.value.file,
            caught.value.row,
            caught.value.field,
        )
        assert () == dialogue_service.list_candidates(ws)
        assert [] == [e for e in audit_service.entries(ws) if e.action == "candidates.import"]

    def test_a_malformed_xlsx_row_names_the_cell(self, ws: Workspace, tmp_path: Path) -> None:
        rows = pool_rows()
        rows[2]["category"] = "warlord"
        with pytest.raises(BadInputError) as caught:
            roster_service.import_candidates(ws, write_xlsx(tmp_path / "bad.xlsx", rows))
        where = (caught.value.file, caught.value.row, caught.value.field)
        # The XLSX reader leaves openpyxl's row generator (and its zip member) open when it
        # raises; the traceback kept here would let a later garbage collection close it
        # with a ResourceWarning in another test. Dropping it closes the file now.
        del caught
        assert ("bad.xlsx", 4, "category") == where
        assert () == dialogue_service.list_candidates(ws)

    def test_a_failed_reimport_keeps_the_old_pool(self, pooled: Workspace, tmp_path: Path) -> None:
        rows = pool_rows()
        rows[0]["priority"] = "3"
        rows[9]["available"] = "perhaps"
        with pytest.raises(BadInputError, match="available"):
            roster_service.import_candidates(pooled, write_csv(tmp_path / "again.csv", rows))
        found = {c.id: c for c in dialogue_service.list_candidates(pooled)}
        assert 9 == found["c001"].priority

    def test_audited_with_counts_only(self, pooled: Workspace) -> None:
        entry = [e for e in audit_service.entries(pooled) if e.action == "candidates.import"][0]
        assert {"added": 16, "updated": 0} == json.loads(entry.details)
        assert "Zubeida" not in entry.details + entry.subject
        assert audit_service.verify(pooled).intact

    def test_unknown_file_kind(self, ws: Workspace, tmp_path: Path) -> None:
        path = tmp_path / "pool.ods"
        path.write_bytes(b"x")
        with pytest.raises(BadInputError, match=r"\.csv or \.xlsx"):
            roster_service.import_candidates(ws, path)


class TestRules:
    """Mix rules are checked against the pool, then kept as written."""

    def test_defaults_until_set(self, pooled: Workspace) -> None:
        found = roster_service.current_rules(pooled)
        assert found.defaults
        assert (10, 16) == (found.rules.size_min, found.rules.size_max)

    def test_set_then_show(self, pooled: Workspace, tmp_path: Path) -> None:
        set_rules(pooled, tmp_path)
        found = roster_service.current_rules(pooled)
        assert RULES == found.text
        assert "channels.required.Council B" in found.rules.by_name()
        assert ("rules.set", "mix rules") in [
            (e.action, e.subject) for e in audit_service.entries(pooled)
        ]

    def test_people_rules_must_name_candidates(self, pooled: Workspace, tmp_path: Path) -> None:
        with pytest.raises(BadInputError) as caught:
            set_rules(pooled, tmp_path, '[people]\ninclude = ["c099"]\n')
        assert ("mix.toml", 2, "people.include.c099") == (
            caught.value.file,
            caught.value.row,
            caught.value.field,
        )
        assert roster_service.current_rules(pooled).defaults

    def test_needs_a_pool(self, ws: Workspace, tmp_path: Path) -> None:
        with pytest.raises(NotFoundError, match="candidates import"):
            set_rules(ws, tmp_path)

    def test_slips_are_reported(self, pooled: Workspace, tmp_path: Path) -> None:
        path = tmp_path / "mix.toml"
        path.write_text("[party.Z]\nmin = 1\n", encoding="utf-8")
        _rules, notes = roster_service.set_rules(pooled, path)
        assert ["party.Z.min: no candidate in the pool has party 'Z'"] == list(notes)


class TestSelect:
    """The optimizer's roster is stored and meets every rule; infeasible leaves it unchanged."""

    def test_stores_a_roster_that_meets_the_rules(self, pooled: Workspace, tmp_path: Path) -> None:
        set_rules(pooled, tmp_path)
        change = roster_service.select_roster(pooled)
        assert change.changed
        view = roster_service.roster_view(pooled)
        assert 10 <= len(view.ids) <= 12
        assert () == view.violations
        assert () == check_roster(view.participants, view.rules.rules)
        assert "c016" not in view.ids
        assert not {"c003", "c010"} <= set(view.ids)
        assert "proven the best" in change.explanation

    def test_audited_with_ids(self, pooled: Workspace, tmp_path: Path) -> None:
        set_rules(pooled, tmp_path)
        ids = roster_service.select_roster(pooled).view.ids
        entry = [e for e in audit_service.entries(pooled) if e.action == "roster.select"][0]
        assert list(ids) == json.loads(entry.details)["roster"]
        assert "Zubeida" not in entry.details

    def test_infeasible_leaves_the_roster_unchanged(
        self, pooled: Workspace, tmp_path: Path
    ) -> None:
        set_rules(pooled, tmp_path)
        before = roster_service.select_roster(pooled).view.ids
        set_rules(pooled, tmp_path, INFEASIBLE, "infeasible.toml")
        change = roster_service.select_roster(pooled)
        assert not change.changed
        assert {
            "size.max",
            "category.technical_expert.min",
            "category.authoritative_proxy.min",
        } == set(change.conflicts)
        assert "add up to 9" in change.explanation
        assert before == roster_service.roster_view(pooled).ids
        assert 1 == len([e for e in audit_service.entries(pooled) if e.action == "roster.select"])

    def test_with_default_rules(self, pooled: Workspace) -> None:
        change = roster_service.select_roster(pooled)
        assert 10 <= len(change.view.ids) <= 16
        assert change.view.rules.defaults

    def test_needs_a_pool(self, ws: Workspace) -> None:
        with pytest.raises(NotFoundError, match="candidates import"):
            roster_service.select_roster(ws)


class TestAddRemove:
    """A facilitator's change is saved even when it breaks a rule, and the break is reported."""

    def test_add_past_the_maximum(self, pooled: Workspace, tmp_path: Path) -> None:
        set_rules(pooled, tmp_path)
        ids = roster_service.select_roster(pooled).view.ids
        extra = [f"c{n:03d}" for n in range(1, 16) if f"c{n:03d}" not in ids]
        for candidate in extra[:3]:
            change = roster_service.add_participant(pooled, candidate)
        assert change.changed
        assert len(ids) + 3 == len(change.view.ids)
        assert "size.max" in [v.rule for v in change.view.violations]

    def test_add_an_unavailable_candidate(self, pooled: Workspace) -> None:
        change = roster_service.add_participant(pooled, "c016")
        assert ["available"] == [v.rule for v in change.view.violations][:1]
        assert any("fewer than 10" in w for w in change.view.warnings)

    def test_remove_below_a_minimum(self, pooled: Workspace, tmp_path: Path) -> None:
        set_rules(pooled, tmp_path)
        view = roster_service.select_roster(pooled).view
        reach = [c.id for c in view.participants if "Council B" in c.channels]
        for candidate in reach:
            change = roster_service.remove_participant(pooled, candidate)
        assert "channels.required.Council B" in [v.rule for v in change.view.violations]
        assert any("party B" in w and "Council B" in w for w in change.view.warnings)

    def test_unknown_candidate(self, pooled: Workspace) -> None:
        with pytest.raises(BadInputError, match="no candidate with id 'c404'"):
            roster_service.add_participant(pooled, "c404")

    def test_nothing_to_do_is_not_audited(self, pooled: Workspace) -> None:
        assert roster_service.add_participant(pooled, "c001").changed
        assert not roster_service.add_participant(pooled, "c001").changed
        assert not roster_service.remove_participant(pooled, "c002").changed
        actions = [(e.action, e.subject) for e in audit_service.entries(pooled)]
        assert [("roster.add", "c001")] == [a for a in actions if a[0].startswith("roster.")]


class TestConsentFlag:
    """Participants without consent to the current charter are flagged in the view."""

    def test_no_charter_flags_everyone(self, pooled: Workspace) -> None:
        roster_service.add_participant(pooled, "c001")
        view = roster_service.add_participant(pooled, "c002").view
        assert ("c001", "c002") == view.without_consent
        assert "no charter adopted yet" == view.consent_note("c001")

    def test_consent_to_the_current_version(self, pooled: Workspace) -> None:
        roster_service.add_participant(pooled, "c001")
        roster_service.add_participant(pooled, "c002")
        ground_rules.adopt_charter(pooled)
        ground_rules.record_consent(pooled, "c001", "signed form", date(2027, 1, 10))
        view = roster_service.roster_view(pooled)
        assert ("c002",) == view.without_consent
        assert "v1, 2027-01-10 (signed form)" == view.consent_note("c001")
        assert "NO consent to charter v1" == view.consent_note("c002")
        ground_rules.adopt_charter(pooled, "Version two.")
        assert ("c001", "c002") == roster_service.roster_view(pooled).without_consent


class TestMixAndReach:
    """The mix by category, party and gender carries the rules' bounds; reach lists ids."""

    def test_bounds(self, pooled: Workspace, tmp_path: Path) -> None:
        set_rules(pooled, tmp_path)
        for n in (1, 3, 5, 9):  # party A: c001 c003 c005 (F), party B: c009 (F)
            roster_service.add_participant(pooled, f"c{n:03d}")
        mix = mix_of(roster_service.roster_view(pooled))
        assert (4, 10, 12, False) == (mix.size.count, mix.size.low, mix.size.high, mix.size.holds)
        party = {r.label: r for r in mix.parties}
        assert (3, 4, 6) == (party["A"].count, party["A"].low, party["A"].high)
        gender = {r.label: r for r in mix.genders}
        assert (4, 2, ("gender.min_share.F",)) == (
            gender["F"].count,
            gender["F"].low,
            gender["F"].rules,
        )
        assert [c.value for c in Category] == [r.label for r in mix.categories]

    def test_reach(self, pooled: Workspace) -> None:
        roster_service.add_participant(pooled, "c003")  # Office A
        reach = {r.channel: r for r in roster_service.reach_of(roster_service.roster_view(pooled))}
        assert ("c003",) == reach["Office A"].through
        assert () == reach["Council B"].through
