"""The evidence brief in the room's languages: its own words (headings, labels, boilerplate,
dates, numbers) in the document's language, what the evidence says as it was written, the
same neutrality findings in every language, and a numbered copy that can still be traced.

Every PDF is read back as a reader copies it out (pdftotext), Arabic included: documents
set Arabic in Amiri, whose whole-letter glyphs extract as written (render/fonts.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from backchannel import i18n
from backchannel.services import _brief_content as content
from backchannel.services import brief as brief_service
from backchannel.services.brief import BriefFiles
from backchannel.services.documents import export_from_workspace
from backchannel.services.workspace import Workspace
from backchannel.store import brief_repository

LANGS = ["fr", "es", "ru", "ar"]
HEADINGS = tuple(content.SECTIONS.values())
LOADED = "Terrorists attacked the convoy near Halvik."


@pytest.fixture
def ws(demo_copy: Workspace) -> Workspace:
    return demo_copy


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def fonts(path: Path) -> set[str]:
    return {
        str(f.get_object()["/BaseFont"])
        for page in PdfReader(path).pages
        for f in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }


def export(ws: Workspace, outdir: Path) -> dict[str, Path]:
    """brief.pdf, brief.html and the first numbered copy, through the gate."""
    docs = brief_service.build_brief(ws, outdir / "work")
    written = export_from_workspace(ws, docs[:3], outdir / "out", actor="test")
    return {p.name: p for p in written}


@pytest.mark.parametrize("lang", LANGS)
def test_the_brief_in_the_room_languages(
    ws: Workspace,
    tmp_path: Path,
    lang: str,
    missing_from_pdf: Callable[[Path, Iterable[str]], list[str]],
) -> None:
    with i18n.speaking(lang):
        written = export(ws, tmp_path)
        headings = [i18n.gettext(h) for h in HEADINGS]
        labels = [i18n.gettext(x) for x in content.LABELS.values()]
        marking = i18n.gettext(content.MARKING)
        copy_label = i18n.gettext("Copy")
        neutral = i18n.gettext(content.NEUTRAL_BODY)
        today = i18n.long_day(date.today())
        event_day = i18n.long_day(date(2025, 4, 12))
    html = (tmp_path / "out" / "brief.html").read_text("utf-8")
    assert f'<html lang="{lang}" dir="{i18n.direction(lang)}">' in html
    for words in [*headings, *labels, marking, neutral, today, event_day]:
        assert flat(words) in flat(html.replace("&#x27;", "'")), words
    # What people wrote stays as written.
    assert "Velmar / Welmar" in html
    assert "Velmar Authority forces take control of Ashtar, west of Halvik." in html
    assert "\u201cliberation of Ashtar\u201d" in html

    pdf = written["brief.pdf"]
    assert any("Amiri" in f for f in fonts(pdf)) == (lang == "ar")
    wanted = [*headings, marking.upper(), neutral, today, event_day, "Velmar / Welmar"]
    assert [] == missing_from_pdf(pdf, wanted)

    # The numbered copy carries its code, which still names its holder.
    (copy,) = [p for name, p in written.items() if name.startswith("brief-")]
    code = copy.stem.removeprefix("brief-")
    first_page = PdfReader(copy).pages[0].extract_text() or ""
    holder = brief_service.trace_copy(ws, code)
    assert holder is not None
    candidate, number = holder
    with ws.read() as conn:
        assert (code, number) == brief_repository.copy_codes(conn)[candidate]
    assert f"{number:02d} \u00b7 {code}" in first_page
    assert candidate not in first_page
    if lang != "ar":
        assert f"{copy_label} {number:02d} \u00b7 {code}" in first_page


@pytest.mark.parametrize("lang", LANGS)
def test_the_headings_are_translated(lang: str) -> None:
    with i18n.speaking(lang):
        about = i18n.gettext("About this brief")
    assert about != "About this brief"  # needs the catalogs


@pytest.mark.parametrize("lang", LANGS)
def test_a_loaded_word_blocks_in_every_language(ws: Workspace, tmp_path: Path, lang: str) -> None:
    """The evidence is read as in the English brief, whatever the words around it: the same
    findings with the same ids, so that one approval holds in every language."""
    timeline = tmp_path / "timeline.csv"
    timeline.write_text(
        f'date,event,source,party_view,origin\n2026-01-05,"{LOADED}",Monitoring group,,neutral\n',
        encoding="utf-8",
    )
    brief_service.import_inputs(ws, BriefFiles(timeline=timeline))
    english = brief_service.check_brief(ws)
    with i18n.speaking(lang):
        found = brief_service.check_brief(ws)
    blocking = {p.finding_id for p, _ok in found if p.finding.blocks}
    assert {p.finding_id for p, _ok in english if p.finding.blocks} <= blocking
    assert any(p.finding.text == "Terrorists" for p, _ok in found)
    (placed,) = [p for p, _ok in english if p.finding.text == "Terrorists"]
    assert brief_service.approve_brief_finding(ws, placed.finding_id, "a court's finding")
    with i18n.speaking(lang):
        assert [] == [p for p, ok in brief_service.check_brief(ws) if p.finding.blocks and not ok]


@pytest.mark.parametrize(
    ("lang", "span", "count", "share", "km"),
    [
        ("en", "18\u201319 January 2027", "9,000", "46%", "2.5"),
        ("fr", "18\u201319 janvier 2027", "9\u202f000", "46\u00a0%", "2,5"),
        ("es", "18\u201319 de enero de 2027", "9.000", "46\u00a0%", "2,5"),
        ("ru", "18\u201319 января 2027\u202fг.", "9\u00a0000", "46\u00a0%", "2,5"),
    ],
)
def test_dates_and_numbers(lang: str, span: str, count: str, share: str, km: str) -> None:
    with i18n.speaking(lang):
        assert span == content.span(date(2027, 1, 18), 2)
        assert (count, share, km) == (
            content.count(9000),
            content.share(0.456),
            content.kilometres(2.5),
        )
        assert "\u2013" == content.count(None) == content.share(None)
        assert content.kilometres(25) == "25"
