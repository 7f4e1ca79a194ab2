"""Reading .txt, .md and .docx for the gate, and redacting a .docx in place of its runs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from backchannel.atomic import write_atomic
from backchannel.domain.errors import BadInputError
from backchannel.gate import Gate
from backchannel.gate.text import DocxText, read_document, redacted_bytes


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Meeting notes")
    para = document.add_paragraph("Asked about it, ")
    para.add_run("Col. Naz")
    bold = para.add_run("arov")
    bold.bold = True
    para.add_run(" said the road was open.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Speaker"
    table.cell(0, 1).text = "Ewa Kowalczyk"
    document.sections[0].header.is_linked_to_previous = False
    document.sections[0].header.paragraphs[0].text = "Draft by Li Na"
    document.save(str(path))
    return path


class TestReadDocument:
    """Text files as decoded; .docx paragraphs, tables and headers joined with newlines."""

    def test_text_file_as_decoded(self, tmp_path: Path) -> None:
        path = tmp_path / "notes.md"
        path.write_bytes("\ufeff# Notes\r\nGómez".encode())
        assert "\ufeff# Notes\r\nGómez" == read_document(path)

    def test_docx(self, tmp_path: Path) -> None:
        text = read_document(make_docx(tmp_path / "notes.docx"))
        expected = (
            "Meeting notes\nAsked about it, Col. Nazarov said the road was open.\n"
            "Speaker\nEwa Kowalczyk\nDraft by Li Na"
        )
        assert expected == text

    @pytest.mark.parametrize(
        "name, content, message",
        [
            ("notes.pdf", b"%PDF", "not supported"),
            ("notes.txt", b"caf\xe9", "not UTF-8"),
            ("notes.docx", b"not a zip", "not a readable .docx"),
        ],
    )
    def test_bad_input(self, tmp_path: Path, name: str, content: bytes, message: str) -> None:
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(BadInputError, match=message):
            read_document(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError, match="no such file"):
            read_document(tmp_path / "gone.txt")


class TestRedactDocx:
    """The redacted .docx keeps its structure and the formatting of untouched runs."""

    def test_runs_and_tables(self, gate: Gate, tmp_path: Path) -> None:
        source = make_docx(tmp_path / "notes.docx")
        data, replaced = redacted_bytes(gate, source)
        out = write_atomic(tmp_path / "notes.redacted.docx", data)
        text = DocxText.load(out).text
        expected = (
            "Meeting notes\nAsked about it, a participant said the road was open.\n"
            "Speaker\nA participant\nDraft by a participant"
        )
        assert (expected, 3) == (text, replaced)
        assert [] == gate.scan(text)

    def test_text_file(self, gate: Gate, tmp_path: Path) -> None:
        source = tmp_path / "notes.txt"
        source.write_text("Nazarov agreed.\n", encoding="utf-8")
        assert (b"A participant agreed.\n", 1) == redacted_bytes(gate, source)
