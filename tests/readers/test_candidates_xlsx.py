"""The candidates layout from an XLSX workbook: the same records and errors as the CSV."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from backchannel.domain.errors import BadInputError
from backchannel.domain.people import Category
from backchannel.readers.candidates import COLUMNS, read_candidates
from backchannel.readers.candidates_xlsx import read_candidates_xlsx

HEADER = list(COLUMNS)
ROWS: list[list[object]] = [
    ["c001", "Amal Haddad", "A. Haddad", "A", "authoritative_proxy", "F", "Gov-A MFA",
     "Former deputy minister", "Gov-A Presidency;Gov-A MFA", "yes", "c002", 8],
    ["c002", "Boris Ketel", "", "B", "technical_expert", "M", "Water Board", "", "",
     "no", "", 3],
]  # fmt: skip


def workbook(
    tmp_path: Path,
    rows: list[list[object]],
    *,
    header: list[object] | None = None,
    title: str = "Sheet1",
    name: str = "pool.xlsx",
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(HEADER if header is None else header)
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def error_of(path: Path) -> BadInputError:
    with pytest.raises(BadInputError) as caught:
        read_candidates_xlsx(path)
    return caught.value


class TestReadCandidatesXlsx:
    """Each row becomes a candidate, exactly as the same cells in a CSV would."""

    def test_same_as_csv(self, tmp_path: Path) -> None:
        csv_path = tmp_path / "pool.csv"
        lines = [",".join(HEADER)] + [",".join(str(v) for v in row) for row in ROWS]
        csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert read_candidates(csv_path) == read_candidates_xlsx(workbook(tmp_path, ROWS))

    def test_numbers_and_booleans_from_a_spreadsheet(self, tmp_path: Path) -> None:
        row = ["c003", "Chen Li", "", "C", "Community_Voice", "X", "", "", "", True, "", 7.0]
        (cand,) = read_candidates_xlsx(workbook(tmp_path, [row]))
        assert (Category.COMMUNITY_VOICE, True, 7) == (cand.category, cand.available, cand.priority)

    def test_blank_rows_are_skipped_and_rows_keep_their_numbers(self, tmp_path: Path) -> None:
        bad = ["c009", "Dan", "", "A", "diplomat", "", "", "", "", "yes", "", 1]
        error = error_of(workbook(tmp_path, [ROWS[0], [None] * 12, bad]))
        assert ("pool.xlsx", 4, "category") == (error.file, error.row, error.field)

    def test_the_candidates_sheet_comes_first(self, tmp_path: Path) -> None:
        path = workbook(tmp_path, [["notes"]], header=["about"], title="Read me")
        book = openpyxl.load_workbook(path)
        sheet = book.create_sheet("Candidates")
        sheet.append(HEADER)
        sheet.append(ROWS[1])
        book.save(path)
        assert ["c002"] == [c.id for c in read_candidates_xlsx(path)]

    def test_columns_in_any_order_with_trailing_blank_header(self, tmp_path: Path) -> None:
        header: list[object] = ["Category", "ID", "Name", "Party", None]
        path = workbook(tmp_path, [["technical_expert", "c1", "Eve", "A"]], header=header)
        assert ["c1"] == [c.id for c in read_candidates_xlsx(path)]


class TestErrors:
    """Bad cells name the file, the spreadsheet row and the field, like the CSV reader."""

    def test_missing_column(self, tmp_path: Path) -> None:
        error = error_of(workbook(tmp_path, [], header=["id", "name", "party"]))
        assert ("pool.xlsx", 1, "category") == (error.file, error.row, error.field)

    def test_column_twice(self, tmp_path: Path) -> None:
        error = error_of(workbook(tmp_path, [], header=[*HEADER, "party"]))
        assert (1, "party") == (error.row, error.field)

    def test_bad_priority(self, tmp_path: Path) -> None:
        row = [*ROWS[1][:11], "high"]
        error = error_of(workbook(tmp_path, [ROWS[0], row]))
        assert (3, "priority") == (error.row, error.field)

    def test_priority_out_of_range(self, tmp_path: Path) -> None:
        error = error_of(workbook(tmp_path, [[*ROWS[0][:11], 11]]))
        assert (2, "priority") == (error.row, error.field)

    def test_empty_required_cell(self, tmp_path: Path) -> None:
        error = error_of(workbook(tmp_path, [["c1", None, "", "A", "technical_expert"]]))
        assert (2, "name") == (error.row, error.field)

    def test_same_id_twice(self, tmp_path: Path) -> None:
        error = error_of(workbook(tmp_path, [ROWS[0], ROWS[0]]))
        assert (3, "id") == (error.row, error.field)
        assert "already used on row 2" in error.message

    def test_value_beyond_the_header(self, tmp_path: Path) -> None:
        error = error_of(workbook(tmp_path, [[*ROWS[0], "stray"]]))
        assert 2 == error.row
        assert "column 13" in error.message

    def test_header_only(self, tmp_path: Path) -> None:
        assert "no candidates" in error_of(workbook(tmp_path, [])).message

    def test_empty_sheet(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        path = tmp_path / "empty.xlsx"
        book.save(path)
        error = error_of(path)
        assert ("empty.xlsx", 1) == (error.file, error.row)

    def test_not_a_workbook(self, tmp_path: Path) -> None:
        path = tmp_path / "pool.xlsx"
        path.write_text("id,name\n", encoding="utf-8")
        error = error_of(path)
        assert ("pool.xlsx", "is not an Excel workbook (.xlsx)") == (error.file, error.message)

    def test_missing_file(self, tmp_path: Path) -> None:
        assert "no such file" == error_of(tmp_path / "none.xlsx").message
