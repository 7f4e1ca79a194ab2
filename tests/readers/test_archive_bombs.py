"""Hostile workbooks (issue 17): refused before openpyxl opens them, in bounded memory and
time, with the file named, and never written to disk."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from collections.abc import Iterator

import openpyxl
import pytest

from backchannel.domain.errors import BadInputError
from backchannel.readers._archive import ZipLimits, check_zip
from backchannel.readers.candidates import COLUMNS
from backchannel.readers.candidates_xlsx import MAX_ROWS, candidates_from_xlsx
from backchannel.readers.pool import pool_from_upload

ROW = ["c001", "Leyla Mammadova", "", "A", "technical_expert", "F", "Kura Basin Authority",
       "hydrologist", "", "yes", "", 5]  # fmt: skip
SHEET = "xl/worksheets/sheet1.xml"


def real_workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    sheet.append(ROW)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet(sheet_xml: Iterator[bytes], shared: bytes | None = None) -> bytes:
    """The real workbook with its sheet (and shared strings) replaced, streamed in."""
    source = zipfile.ZipFile(io.BytesIO(real_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == SHEET:
                with target.open(SHEET, "w", force_zip64=True) as member:
                    for chunk in sheet_xml:
                        member.write(chunk)
            elif info.filename == "xl/sharedStrings.xml" and shared is not None:
                target.writestr(info.filename, shared)
            else:
                target.writestr(info, source.read(info))
        if shared is not None and "xl/sharedStrings.xml" not in source.namelist():
            target.writestr("xl/sharedStrings.xml", shared)
    return out.getvalue()


def empty_rows(count: int, *, numbered: bool = True) -> Iterator[bytes]:
    """A sheet with the candidates header and `count` empty rows (`<row/>` when not
    numbered, which compresses a thousandfold)."""
    yield b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    yield b'spreadsheetml/2006/main"><sheetData><row r="1">'
    for i, column in enumerate(COLUMNS):
        cell = f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{column}</t></is></c>'
        yield cell.encode()
    yield b"</row>"
    for start in range(2, count + 2, 10_000):
        rows = range(start, min(start + 10_000, count + 2))
        yield (
            b"<row/>" * len(rows) if not numbered else b"".join(b'<row r="%d"/>' % r for r in rows)
        )
    yield b"</sheetData></worksheet>"


def refusal(data: bytes) -> str:
    with pytest.raises(BadInputError) as caught:
        candidates_from_xlsx(data, "pool.xlsx")
    assert "pool.xlsx" in str(caught.value)
    return str(caught.value)


def test_a_real_workbook_still_reads() -> None:
    (candidate,) = candidates_from_xlsx(real_workbook(), "pool.xlsx")
    assert "Leyla Mammadova" == candidate.name


def test_millions_of_empty_rows_are_refused_in_bounded_memory() -> None:
    bomb = with_sheet(empty_rows(12_000_000, numbered=False))
    assert len(bomb) < 3 * 2**20  # a small upload...
    tracemalloc.start()
    try:
        message = refusal(bomb)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "would unpack to more than" in message
    assert peak < 20 * 2**20  # ...refused without holding what it unpacks to


def test_empty_rows_past_a_pool_size_are_refused_with_the_row() -> None:
    with pytest.raises(BadInputError) as caught:
        candidates_from_xlsx(with_sheet(empty_rows(MAX_ROWS + 10)), "pool.xlsx")
    assert (MAX_ROWS + 1, "pool.xlsx") == (caught.value.row, caught.value.file)


def test_a_flood_of_shared_strings_is_refused_before_openpyxl_loads_them() -> None:
    texts = b"".join(b"<si><t>%d</t></si>" % i for i in range(70_000))
    shared = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    assert "distinct texts" in refusal(with_sheet(empty_rows(1), shared + texts + b"</sst>"))


def test_too_many_parts_and_a_bomb_ratio_are_refused() -> None:
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for i in range(300):
            archive.writestr(f"part{i}.xml", b"<x/>")
    with pytest.raises(BadInputError, match="holds 300 parts"):
        check_zip(many.getvalue(), "many.docx")
    zeros = io.BytesIO()
    with zipfile.ZipFile(zeros, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (8 * 2**20))
    with pytest.raises(BadInputError, match="compressed"):
        check_zip(zeros.getvalue(), "zeros.docx", ZipLimits())


def test_an_upload_is_read_from_memory_with_its_own_name() -> None:
    (candidate,) = pool_from_upload("C:\\Users\\lead\\Pool (final).xlsx", real_workbook())
    assert "c001" == candidate.id
    with pytest.raises(BadInputError) as caught:
        pool_from_upload("x." + "a" * 300, b"id,name\n")
    assert len(caught.value.file or "") <= 80
    with pytest.raises(BadInputError, match="not UTF-8") as bad:
        pool_from_upload("pool.csv", "id,name\nc1,Zoé\n".encode("cp1252"))
    assert "pool.csv" == bad.value.file
