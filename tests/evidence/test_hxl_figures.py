"""Humanitarian figures from HXL-tagged CSV, read with libhxl."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from backchannel.domain.errors import BadInputError
from backchannel.evidence.hxl_figures import latest, read_figures

HEADER = "District,Sector,Affected,In need,Reached,As of"
TAGS = "#adm1+name,#sector,#affected,#inneed,#reached,#date"


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "figures.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class TestReadFigures:
    """Each row becomes a figure; totals are chosen among broken-down columns."""

    def test_the_demo_figures(self, demo_dir: Path) -> None:
        figures = read_figures(demo_dir / "figures.csv")
        assert 24 == len(figures)
        assert {"neutral", "B"} == {f.origin for f in figures}
        assert all(f.in_need is not None for f in figures)

    def test_a_row_with_separators_and_gaps(self, tmp_path: Path) -> None:
        path = write(tmp_path, HEADER, TAGS, 'Halvik,Health,"52,000","38,000",,2026-11-16')
        (only,) = read_figures(path)
        assert ("Halvik", "Health", 52000, 38000, None, date(2026, 11, 16)) == (
            only.adm1,
            only.sector,
            only.affected,
            only.in_need,
            only.reached,
            only.day,
        )
        assert only.coverage() is None

    def test_the_total_column_among_broken_down_ones(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            "District,Sector,Women,Men,Total,Date",
            "#adm1,#sector,#inneed+f,#inneed+m,#inneed+total,#date",
            "Kerem,WASH,400,350,750,2026-11",
        )
        (only,) = read_figures(path)
        assert (750, date(2026, 11, 1)) == (only.in_need, only.day)

    def test_hashtags_without_a_header_row(self, tmp_path: Path) -> None:
        path = write(tmp_path, "#adm1,#sector,#inneed,#date", "Tamsa,Shelter,120,2026-10-01")
        assert 120 == read_figures(path)[0].in_need

    def test_latest_per_district_and_sector(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            HEADER,
            TAGS,
            "Halvik,Health,10,8,1,2026-09-30",
            "Halvik,Health,12,9,3,2026-10-31",
            "Qadira,Health,5,4,2,2026-09-30",
        )
        assert [9, 4] == [f.in_need for f in latest(read_figures(path))]


class TestMalformedFigures:
    """Files without hashtags, and bad cells, are refused with row and field."""

    def test_hxl_without_hashtags(self, tmp_path: Path) -> None:
        path = write(tmp_path, HEADER, "Halvik,Health,52000,38000,21000,2026-11-16")
        with pytest.raises(BadInputError) as caught:
            read_figures(path)
        assert "no HXL hashtag row" in caught.value.message
        assert "figures.csv" == caught.value.file

    def test_a_date_that_is_not_a_date(self, tmp_path: Path) -> None:
        path = write(
            tmp_path, HEADER, TAGS, "Halvik,Health,5,4,2,2026-11-16", "Halvik,WASH,5,4,2,16/11/2026"
        )
        with pytest.raises(BadInputError) as caught:
            read_figures(path)
        assert (4, "#date") == (caught.value.row, caught.value.field)

    @pytest.mark.parametrize("value", ["-3", "lots", "4.5", "\u0663"])
    def test_a_number_that_is_not_a_count(self, tmp_path: Path, value: str) -> None:
        path = write(tmp_path, HEADER, TAGS, f"Halvik,Health,5,{value},2,2026-11-16")
        with pytest.raises(BadInputError) as caught:
            read_figures(path)
        assert (3, "#inneed") == (caught.value.row, caught.value.field)

    def test_a_missing_tag(self, tmp_path: Path) -> None:
        path = write(
            tmp_path, "District,In need,Date", "#adm1,#inneed,#date", "Halvik,4,2026-11-16"
        )
        with pytest.raises(BadInputError) as caught:
            read_figures(path)
        assert "#sector" == caught.value.field

    def test_only_broken_down_columns(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            "a,b,c,d,e",
            "#adm1,#sector,#inneed+f,#inneed+m,#date",
            "Halvik,Health,1,2,2026-11-16",
        )
        with pytest.raises(BadInputError, match="add a total column"):
            read_figures(path)

    def test_a_district_and_sector_twice_on_one_date(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            HEADER,
            TAGS,
            "Halvik,Health,5,4,2,2026-11-16",
            "halvik,health,6,5,3,2026-11-16",
        )
        with pytest.raises(BadInputError, match="already given on row 3"):
            read_figures(path)

    def test_an_empty_district(self, tmp_path: Path) -> None:
        path = write(tmp_path, HEADER, TAGS, ",Health,5,4,2,2026-11-16")
        with pytest.raises(BadInputError) as caught:
            read_figures(path)
        assert (3, "#adm1") == (caught.value.row, caught.value.field)

    def test_json_is_not_accepted(self, tmp_path: Path) -> None:
        path = write(tmp_path, '[["#adm1", "#sector"], ["a", "b"]]')
        with pytest.raises(BadInputError, match="is JSON"):
            read_figures(path)
