"""The curated timeline CSV: dates, events, sources and each party's own words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from backchannel.domain.brief import PartyView
from backchannel.domain.errors import BadInputError
from backchannel.evidence.timeline import read_timeline

HEADER = "date,event,source,party_view,origin"


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "timeline.csv"
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


class TestReadTimeline:
    """Rows become entries in date order, with party views split by party."""

    def test_the_demo_timeline(self, demo_dir: Path) -> None:
        entries = read_timeline(demo_dir / "timeline.csv")
        assert len(entries) >= 10
        assert [e.day for e in entries] == sorted(e.day for e in entries)
        assert any(e.views for e in entries)

    def test_a_row(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            '2026-04-03,"Convoys cross, on trial.",Monitoring group,'
            '"A: humanitarian arrangement; B: \u201crecognised crossing\u201d",neutral',
            "2025-03,Fighting peaks.,Event data,,neutral",
        )
        first, second = read_timeline(path)
        assert (date(2025, 3, 1), True, "March 2025") == (first.day, first.month_only, first.when())
        assert "3 April 2026" == second.when()
        assert (
            PartyView("A", "humanitarian arrangement"),
            PartyView("B", "recognised crossing"),
        ) == second.views
        assert "neutral" == second.origin

    def test_origin_column_is_optional(self, tmp_path: Path) -> None:
        path = write(
            tmp_path, "2026-01-02,Road closed.,Monitors,", header="date,event,source,party_view"
        )
        assert "" == read_timeline(path)[0].origin


class TestMalformedTimeline:
    """Bad rows are refused with the file, the row and the field."""

    @pytest.mark.parametrize("value", ["2026-02-30", "30/01/2026", "soon", "2026-13", "0025-01-01"])
    def test_a_date_that_is_not_a_date(self, tmp_path: Path, value: str) -> None:
        path = write(tmp_path, "2026-01-02,Fine.,Monitors,,", f"{value},Bad.,Monitors,,")
        with pytest.raises(BadInputError) as caught:
            read_timeline(path)
        assert ("timeline.csv", 3, "date") == (
            caught.value.file,
            caught.value.row,
            caught.value.field,
        )

    def test_an_empty_event(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError) as caught:
            read_timeline(write(tmp_path, "2026-01-02,,Monitors,,"))
        assert (2, "event") == (caught.value.row, caught.value.field)

    @pytest.mark.parametrize("view", ["security operation", "A security operation", "A: x; A: y"])
    def test_a_party_view_without_its_party(self, tmp_path: Path, view: str) -> None:
        with pytest.raises(BadInputError) as caught:
            read_timeline(write(tmp_path, f'2026-01-02,Shelling.,Monitors,"{view}",'))
        assert "party_view" == caught.value.field

    def test_a_missing_column(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError) as caught:
            read_timeline(write(tmp_path, "2026-01-02,Shelling.", header="date,event"))
        assert (1, "source") == (caught.value.row, caught.value.field)

    def test_no_entries(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError, match="no entries"):
            read_timeline(write(tmp_path))
