"""The non-paper as a Word document (python-docx), for officials who edit what they receive.

As the genre asks: no letterhead, no signature, no author. The file's properties are
emptied too (python-docx would otherwise sign it "python-docx"), and its dates are the
render's. Every string comes from the same data the gate scanned.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from backchannel.render.fonts import ARABIC, RTL_LETTER, is_rtl

FONT = "Times New Roman"
GREY = RGBColor(0x55, 0x5F, 0x6B)


def _page_number(paragraph: Any) -> None:
    """A PAGE field, so Word numbers the pages itself."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _clear_properties(doc: Any, title: str, when: datetime) -> None:
    props = doc.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.subject = ""
    props.title = title
    props.revision = 1
    stamp = when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when
    props.created = stamp
    props.modified = stamp


# Children that must come after w:bidi in a paragraph's properties, and after w:bCs,
# w:rtl and w:lang in a run's (the order of the WordprocessingML schema; Word refuses a
# file that breaks it).
_AFTER_BIDI = (
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc"
    " textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr"
    " pPrChange"
).split()
_AFTER_BCS = (
    "i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid"
    " vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd"
    " fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
_AFTER_RTL = "cs em lang eastAsianLayout specVanish oMath".split()
_AFTER_LANG = "eastAsianLayout specVanish oMath".split()


def _insert(parent: Any, tag: str, successors: list[str]) -> Any:
    """A new child `tag` of `parent`, before the first child the schema puts after it."""
    element = OxmlElement(tag)
    later = {qn(f"w:{name}") for name in successors}
    for child in parent:
        if child.tag in later:
            child.addprevious(element)
            return element
    parent.append(element)
    return element


def _right_to_left(paragraph: Any, text: str, document_rtl: bool = False) -> None:
    """When `text` (what a person wrote) reads right to left, or the whole document does
    (a non-paper in Arabic), so does the paragraph: Word's bidi paragraph property, and
    right-to-left runs in the complex-script font."""
    if not (is_rtl(text) or document_rtl):
        return
    _insert(paragraph._p.get_or_add_pPr(), "w:bidi", _AFTER_BIDI)
    written = "".join(run.text for run in paragraph.runs)
    language = "ar-SA" if re.search(r"[\u0600-\u08ff]", written) else "he-IL"
    for run in paragraph.runs:
        if not RTL_LETTER.search(run.text):
            continue  # a label in the document's language ("Who: ") stays as it is
        rpr = run._r.get_or_add_rPr()
        if run.bold:
            _insert(rpr, "w:bCs", _AFTER_BCS)
        _insert(rpr, "w:rtl", _AFTER_RTL)
        _insert(rpr, "w:lang", _AFTER_LANG).set(qn("w:bidi"), language)


def _line(doc: Any, label: str, text: str, document_rtl: bool) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.left_indent = Cm(0.9)
    p.paragraph_format.space_after = Pt(1)
    head = p.add_run(f"{label}: ")
    head.bold = True
    p.add_run(text)
    _right_to_left(p, text, document_rtl)


def nonpaper_docx(data: Mapping[str, Any], when: datetime) -> bytes:
    """The DOCX bytes of the non-paper described by `data` (see services/outputs.py)."""
    rtl = data.get("dir") == "rtl"
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.element.rPr.rFonts.set(qn("w:cs"), ARABIC)  # the complex-script font
    normal.paragraph_format.space_after = Pt(6)
    _clear_properties(doc, data["title"], when)

    label = doc.add_paragraph()
    label.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = label.add_run(data["label"].upper())
    run.bold = True
    run.font.size = Pt(10)
    run.font.color.rgb = GREY
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(2)
    run = title.add_run(data["title"])
    run.bold = True
    run.font.size = Pt(15)
    if data.get("subtitle"):
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        sub.add_run(data["subtitle"]).italic = True
    date = doc.add_paragraph()
    date.alignment = WD_ALIGN_PARAGRAPH.CENTER
    date.paragraph_format.space_after = Pt(14)
    run = date.add_run(data["date"])
    run.font.color.rgb = GREY

    for text in data["context"]:
        p = doc.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _right_to_left(p, text, rtl)

    labels = data["labels"]
    for package in data["packages"]:  # a heading in the document's language, or a title
        head = doc.add_paragraph()
        head.paragraph_format.space_before = Pt(10)
        head.paragraph_format.keep_with_next = True
        head.add_run(package["heading"]).bold = True
        _right_to_left(head, package["heading"], rtl)
        for step in package["steps"]:
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(0.9)
            p.paragraph_format.first_line_indent = Cm(-0.9)
            p.paragraph_format.space_before = Pt(6)
            p.paragraph_format.space_after = Pt(2)
            p.paragraph_format.keep_with_next = True
            p.add_run(f"{step['number']}.\t").bold = True
            p.add_run(step["what"]).bold = True
            _right_to_left(p, step["what"], rtl)
            for key in ("who", "when", "how", "test"):
                _line(doc, labels[key], step[key], rtl)

    status = doc.add_paragraph()
    status.alignment = WD_ALIGN_PARAGRAPH.CENTER
    status.paragraph_format.space_before = Pt(18)
    status.add_run(data["status"]).italic = True
    for paragraph in (label, title, date, status):
        _right_to_left(paragraph, paragraph.text, rtl)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
