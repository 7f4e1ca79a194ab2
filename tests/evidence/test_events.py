"""The events CSV reader: UCDP GED and ACLED layouts, detected from the header."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.domain.errors import BadInputError
from backchannel.domain.indicators import Event
from backchannel.evidence.events import detect_layout, read_events

UCDP_HEADER = (
    "id,year,type_of_violence,side_a,side_b,date_start,date_end,latitude,longitude,"
    "adm_1,best,low,high"
)
UCDP_ROWS = (
    "101,2025,1,Government of Norland,Eastern Front,2025-01-03 00:00:00.000,"
    "2025-01-04 00:00:00.000,48.5,37.6,Donetsk,12,10,15",
    "102,2025,3,Eastern Front,Civilians,2025-02-10,2025-02-10,48.1,37.9,Donetsk,4,4,4",
)
ACLED_HEADER = (
    "event_id_cnty,event_date,year,event_type,actor1,actor2,admin1,latitude,longitude,fatalities"
)
ACLED_ROWS = (
    "SDN1,03 January 2025,2025,Battles,Rapid Support Forces,Military Forces of Sudan,"
    "North Darfur,13.63,25.35,7",
    "SDN2,2025-01-05,2025,Protests,Protesters (Sudan),,Khartoum,15.5,32.5,0",
)


def write(tmp_path: Path, header: str, *rows: str, name: str = "events.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def ucdp_row(**cells: str) -> str:
    """The first UCDP row with some cells replaced."""
    values = dict(zip(UCDP_HEADER.split(","), UCDP_ROWS[0].split(","), strict=True))
    values.update(cells)
    return ",".join(values.values())


def error_of(path: Path) -> BadInputError:
    with pytest.raises(BadInputError) as caught:
        read_events(path)
    return caught.value


class TestDetectLayout:
    """The layout is the one whose required columns are all in the header."""

    def test_ucdp_header(self) -> None:
        assert "ucdp" == detect_layout(UCDP_HEADER.split(","), "e.csv")

    def test_acled_header(self) -> None:
        assert "acled" == detect_layout(ACLED_HEADER.split(","), "e.csv")

    def test_column_names_ignore_case(self) -> None:
        assert "ucdp" == detect_layout(UCDP_HEADER.upper().split(","), "e.csv")

    def test_unknown_layout_names_the_header_and_what_each_layout_needs(self) -> None:
        with pytest.raises(BadInputError) as caught:
            detect_layout(["date", "place", "deaths"], "mine.csv")
        error = caught.value
        assert ("mine.csv", 1, "header") == (error.file, error.row, error.field)
        assert "UCDP GED needs" in error.message
        assert "ACLED needs" in error.message

    def test_both_layouts_at_once_is_ambiguous(self) -> None:
        columns = UCDP_HEADER.split(",") + ["event_date", "actor1", "fatalities"]
        with pytest.raises(BadInputError, match="both"):
            detect_layout(columns, "e.csv")


class TestReadUcdp:
    """UCDP GED: date_start, best, side_a/side_b, adm_1 and id become events."""

    def test_reads_every_row(self, tmp_path: Path) -> None:
        table = read_events(write(tmp_path, UCDP_HEADER, *UCDP_ROWS))
        expected = Event(
            source_id="101",
            day=date(2025, 1, 3),
            side_a="Government of Norland",
            side_b="Eastern Front",
            adm_1="Donetsk",
            latitude=48.5,
            longitude=37.6,
            fatalities=12,
        )
        assert ("ucdp", "events.csv", 2) == (table.layout, table.file, len(table.events))
        assert expected == table.events[0]
        assert "Civilians" == table.events[1].side_b

    def test_source_note_names_the_layout_and_count(self, tmp_path: Path) -> None:
        table = read_events(write(tmp_path, UCDP_HEADER, *UCDP_ROWS))
        assert "Source: events CSV (UCDP GED layout), 2 events" == table.source_note()

    def test_malformed_date_names_row_and_field(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER, UCDP_ROWS[1], ucdp_row(date_start="3/1/25")))
        assert ("events.csv", 3, "date_start") == (error.file, error.row, error.field)

    def test_impossible_date_is_refused(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER, ucdp_row(date_start="2025-02-30")))
        assert (2, "date_start") == (error.row, error.field)

    def test_year_typo_is_refused(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER, ucdp_row(date_start="0025-01-03")))
        assert (2, "date_start") == (error.row, error.field)

    def test_negative_fatality_is_refused(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER, ucdp_row(best="-3", low="", high="")))
        assert (2, "best") == (error.row, error.field)

    def test_best_outside_low_and_high_is_refused(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER, ucdp_row(best="20", low="10", high="15")))
        assert (2, "high") == (error.row, error.field)

    def test_latitude_of_123_is_refused(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER, ucdp_row(latitude="123")))
        assert ("events.csv", 2, "latitude") == (error.file, error.row, error.field)

    def test_not_a_number_coordinate_is_refused(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER, ucdp_row(longitude="nan")))
        assert (2, "longitude") == (error.row, error.field)

    def test_duplicate_ids_name_both_rows(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER, UCDP_ROWS[0], UCDP_ROWS[1], ucdp_row()))
        assert (4, "id") == (error.row, error.field)
        assert "row 2" in error.message

    def test_empty_side_is_refused(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER, ucdp_row(side_b="")))
        assert (2, "side_b") == (error.row, error.field)


class TestReadAcled:
    """ACLED: event_date, actor1/actor2, admin1 and fatalities become events."""

    def test_reads_both_date_forms(self, tmp_path: Path) -> None:
        table = read_events(write(tmp_path, ACLED_HEADER, *ACLED_ROWS))
        assert "acled" == table.layout
        assert [date(2025, 1, 3), date(2025, 1, 5)] == [e.day for e in table.events]
        assert ["SDN1", "SDN2"] == [e.source_id for e in table.events]

    def test_missing_second_actor_is_kept_empty(self, tmp_path: Path) -> None:
        table = read_events(write(tmp_path, ACLED_HEADER, *ACLED_ROWS))
        assert ("Protesters (Sudan)", "", "Khartoum") == (
            table.events[1].side_a,
            table.events[1].side_b,
            table.events[1].adm_1,
        )

    def test_without_id_columns_the_row_number_is_the_id(self, tmp_path: Path) -> None:
        header = "event_date,actor1,actor2,latitude,longitude,fatalities"
        table = read_events(write(tmp_path, header, "2025-01-03,A,B,1,2,3", "2025-01-04,A,B,1,2,0"))
        assert ["row 2", "row 3"] == [e.source_id for e in table.events]

    def test_data_id_is_used_when_there_is_no_event_id_cnty(self, tmp_path: Path) -> None:
        header = "data_id,event_date,actor1,latitude,longitude,fatalities"
        table = read_events(write(tmp_path, header, "9001,2025-01-03,A,1,2,3"))
        assert "9001" == table.events[0].source_id

    def test_unknown_month_name_names_row_and_field(self, tmp_path: Path) -> None:
        row = ACLED_ROWS[0].replace("03 January 2025", "03 Janvier 2025")
        error = error_of(write(tmp_path, ACLED_HEADER, row))
        assert (2, "event_date") == (error.row, error.field)

    def test_fraction_of_a_death_is_refused(self, tmp_path: Path) -> None:
        row = ACLED_ROWS[0].removesuffix(",7") + ",2.5"
        error = error_of(write(tmp_path, ACLED_HEADER, row))
        assert (2, "fatalities") == (error.row, error.field)


class TestBadFiles:
    """Files that are not an events table at all get one clear error."""

    def test_empty_file(self, tmp_path: Path) -> None:
        path = tmp_path / "events.csv"
        path.write_bytes(b"")
        assert 1 == error_of(path).row

    def test_header_without_events(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, UCDP_HEADER))
        assert "no events" in error.message

    def test_non_utf8_bytes(self, tmp_path: Path) -> None:
        path = tmp_path / "events.csv"
        path.write_bytes((UCDP_HEADER + "\n").encode() + "101,Bogot\xe1".encode("latin-1"))
        error = error_of(path)
        assert ("events.csv", 2) == (error.file, error.row)
        assert "UTF-8" in error.message

    def test_unknown_layout_names_the_header(self, tmp_path: Path) -> None:
        assert "header" == error_of(write(tmp_path, "when,where,who", "a,b,c")).field

    def test_missing_file(self, tmp_path: Path) -> None:
        assert "no such file" in error_of(tmp_path / "absent.csv").message

    @settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        st.one_of(
            st.binary(max_size=600),
            st.lists(st.sampled_from(["", "x", ",", "\n", '"', "\r", "2025-01-03"]), max_size=40)
            .map("".join)
            .map(lambda body: (UCDP_HEADER + "\n" + body).encode()),
        )
    )
    def test_random_bytes_raise_only_bad_input(self, tmp_path: Path, data: bytes) -> None:
        path = tmp_path / "random.csv"
        path.write_bytes(data)
        try:
            table = read_events(path)
        except BadInputError as error:
            assert error.file is not None
        else:
            assert table.events
