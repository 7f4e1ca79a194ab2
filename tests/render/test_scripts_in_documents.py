"""Documents in the room's scripts: Arabic shaped in a bundled font and set right to left,
Cyrillic in the house face, on a machine with no system fonts (Typst is told to ignore
them), and Word paragraphs in Arabic marked right to left.

The notes here are invented for these tests.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from backchannel.render.docx_nonpaper import nonpaper_docx
from backchannel.render.fonts import ARABIC, font_files, font_paths, is_rtl
from backchannel.render.typst_pdf import render_pdf
from backchannel.services.outputs import LABELS, STATUS_LINE

ARABIC_CONTEXT = "يقترح المشاركون فتح معبر الجسر القديم للقوافل المائية لمدة أسبوع."
ARABIC_STEP = "تفتح سلطة المياه المعبر أمام القوافل."
RUSSIAN_STEP = "Совместная комиссия публикует график."
DATA: dict[str, Any] = {
    "label": "Non-paper",
    "title": "Water for the lower valley",
    "subtitle": None,
    "date": "3 December 2026",
    "context": ["This non-paper follows informal discussions.", ARABIC_CONTEXT],
    "packages": [
        {
            "heading": "Steps",
            "title": "Water",
            "steps": [
                {
                    "number": "1",
                    "what": ARABIC_STEP,
                    "who": "سلطة المياه في الإقليم",
                    "when": "15 January 2027",
                    "how": "بإشعار مكتوب قبل 72 ساعة.",
                    "test": "وصول ثلاث قوافل دون تفتيش.",
                },
                {
                    "number": "2",
                    "what": RUSSIAN_STEP,
                    "who": "Совместная комиссия",
                    "when": "1 February 2027",
                    "how": "на сайте комиссии",
                    "test": "график опубликован",
                },
            ],
        }
    ],
    "labels": LABELS,
    "status": STATUS_LINE,
}


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scripts") / "nonpaper.pdf"
    path.write_bytes(render_pdf("nonpaper.typ", DATA))
    return path


def _fonts(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_the_fonts_come_with_the_package() -> None:
    assert font_paths()
    assert all(Path(p).is_dir() for p in font_paths())
    assert any(name.startswith("NotoSansArabic") for name in font_files())
    assert any(name.startswith("Amiri") for name in font_files())


def test_arabic_is_set_in_the_bundled_arabic_face_not_a_fallback(pdf: Path) -> None:
    fonts = _fonts(pdf)
    assert any("Amiri" in f for f in fonts), fonts
    assert not any("Mono" in f for f in fonts), fonts


def test_arabic_reads_back_as_written(pdf: Path) -> None:
    """Copied out of the PDF (poppler puts right-to-left text in reading order), the
    Arabic paragraph is the paragraph as written, letter for letter (poppler moves its
    final full stop to the front)."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    plain = " ".join(re.sub(r"[\u200e\u200f\u202a-\u202e]", "", text).split())
    assert ARABIC_CONTEXT.rstrip(".") in plain.replace(".", "")


def test_cyrillic_reads_back_as_written(pdf: Path) -> None:
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert RUSSIAN_STEP in text


def test_an_arabic_paragraph_runs_right_to_left(pdf: Path) -> None:
    """Its words end at the right margin and leave the left one empty; an English
    paragraph of the same page starts at the left margin."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [
        (float(m[1]), float(m[2]), float(m[3]), m[4])
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html
        )
    ]
    english = next(w for w in words if w[3] == "This")
    arabic = [w for w in words if re.search(r"[\u0600-\u06ff]", w[3])]
    line = [w for w in arabic if abs(w[1] - arabic[0][1]) < 4]  # Amiri's marks vary a box
    left_margin = english[0]
    assert min(w[0] for w in line) > left_margin + 20
    assert max(w[2] for w in line) > 500  # A4 is 595 pt wide, the margin 27 mm (77 pt)


def test_a_word_paragraph_in_arabic_is_right_to_left() -> None:
    data = nonpaper_docx(DATA, datetime(2026, 12, 3, tzinfo=UTC))
    doc = Document(io.BytesIO(data))
    by_text = {p.text: p for p in doc.paragraphs}
    arabic = by_text[ARABIC_CONTEXT]._p
    assert arabic.pPr.find("{*}bidi") is not None
    assert arabic.find(".//{*}rtl") is not None
    lang = arabic.find(".//{*}lang")
    assert lang is not None and lang.get(qn("w:bidi")) == "ar-SA"
    english = by_text["This non-paper follows informal discussions."]._p
    assert english.find(".//{*}bidi") is None and english.find(".//{*}rtl") is None
    # A field line: the English label stays left to right, the Arabic value is marked.
    who = next(p for p in doc.paragraphs if p.text.endswith("سلطة المياه في الإقليم"))
    label, value = who.runs[0]._r, who.runs[1]._r
    assert label.find(".//{*}rtl") is None and value.find(".//{*}rtl") is not None
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert f'w:cs="{ARABIC}"' in styles


@pytest.mark.parametrize(
    ("text", "rtl"),
    [
        ("قال أحد المشاركين", True),
        ("«قال» أحد المشاركين", True),
        ("2027: تفتح السلطة", True),
        ("UNDP قالت", False),
        ("המשתתפים הציעו", True),
        ("Совместная комиссия", False),
        ("", False),
    ],
)
def test_direction_follows_the_first_letter(text: str, rtl: bool) -> None:
    assert is_rtl(text) is rtl
