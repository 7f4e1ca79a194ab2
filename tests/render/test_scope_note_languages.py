"""The scope and ripeness note in the room's languages: headings, labels and boilerplate in
the document's language; the problem, places and evidence as written; Arabic right to left."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from backchannel import i18n
from backchannel.evidence.events import read_events
from backchannel.readers.dialogue_files import read_dialogue, read_ripeness, read_scope
from backchannel.services import dialogue as dialogue_service
from backchannel.services import ripeness as ripeness_service
from backchannel.services import scope as scope_service
from backchannel.services.documents import export_from_workspace
from backchannel.services.scope_note import HEADINGS, SCALE, build_scope_note, note_data
from backchannel.services.workspace import Workspace, open_workspace

PROBLEM = "Agree humanitarian access triggers for the Sarn corridor"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Path:
    """The demo's dialogue, scope, ripeness and events (no pool: the gate is tested with the
    roster report's pool in test_roster_report_languages.py)."""
    path = tmp_path_factory.mktemp("scope") / "d.bch"
    ws = open_workspace(path, "pw", create=True)
    dialogue_service.init_dialogue(ws, read_dialogue(demo_dir / "dialogue.toml"))
    scope_service.set_scope(ws, read_scope(demo_dir / "scope.toml"))
    ripeness_service.record_assessments(ws, read_ripeness(demo_dir / "ripeness.toml"))
    ripeness_service.save_events(ws, read_events(demo_dir / "events.csv"))
    ws.close()
    return path


@pytest.fixture(scope="module")
def demo_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "examples" / "demo"


def render(source: Path, out: Path, lang: str) -> dict[str, Path]:
    ws: Workspace = open_workspace(source, "pw")
    try:
        with i18n.speaking(lang):
            docs = build_scope_note(ws, out / "work")
            written = export_from_workspace(ws, docs, out / "docs", actor="test")
    finally:
        ws.close()
    return {p.name: p for p in written}


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_fonts(path: Path) -> set[str]:
    """The base fonts the PDF embeds (Amiri when it sets Arabic)."""
    found = set()
    for page in PdfReader(path).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        for font in cast(DictionaryObject, resources["/Font"].get_object()).values():
            found.add(str(cast(DictionaryObject, font.get_object())["/BaseFont"]))
    return found


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar"])
def test_the_note_in_the_room_languages(source: Path, tmp_path: Path, lang: str) -> None:
    (tmp_path / "work").mkdir()
    written = render(source, tmp_path, lang)
    assert {"scope-and-ripeness.pdf", "scope-and-ripeness.md", "indicators.png"} == set(written)
    with i18n.speaking(lang):
        headings = [i18n.gettext(h) for h in HEADINGS.values()]
        in_md = [i18n.gettext(HEADINGS[k]) for k in ("problem", "ripeness", "indicators")]
        scale = i18n.gettext(SCALE)
        reading = i18n.gettext("ripening")  # the demo's reading, in the room's language
    md = written["scope-and-ripeness.md"].read_text("utf-8").replace("\\", "")
    for heading in in_md:
        assert heading in md
    assert PROBLEM in md  # what people wrote, as written
    assert f"**{reading}**" in md
    pdf = written["scope-and-ripeness.pdf"]
    assert any("Amiri" in f for f in pdf_fonts(pdf)) == (lang == "ar")
    if lang != "ar":  # Arabic extraction from Typst PDFs is scrambled (typst/typst#4225)
        text = flat("\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
        for heading in headings:
            assert flat(heading) in text
        assert flat(scale) in text
        assert PROBLEM in text


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar"])
def test_the_headings_are_translated(lang: str) -> None:
    with i18n.speaking(lang):
        # needs the catalogs
        assert i18n.gettext(HEADINGS["problem"]) != HEADINGS["problem"]


def test_the_data_carries_the_language(source: Path, tmp_path: Path) -> None:
    """Arabic data says right to left; the template's words are all in the data."""
    ws = open_workspace(source, "pw")
    try:
        view = ripeness_service.ripeness_view(ws)
        scope = scope_service.get_scope(ws)
        assert scope is not None
        with i18n.speaking("ar"):
            data = note_data("t", scope, (), "90", view, None, None)
        with i18n.speaking("en"):
            english = note_data("t", scope, (), "90", view, None, None)
    finally:
        ws.close()
    assert ("ar", "rtl") == (data["lang"], data["dir"])
    assert ("en", "ltr") == (english["lang"], english["dir"])
    assert "Reading: " == english["labels"]["reading"][0]
    assert "Scope and ripeness note" == english["title"]
    assert scope.problem == data["scope"]["problem"]


def test_the_english_markdown_keeps_its_words(source: Path, tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    md = render(source, tmp_path, "en")["scope-and-ripeness.md"].read_text("utf-8")
    assert "## 1 The problem and its scope" in md
    assert "- **Places:** Sarn corridor" in md
    assert "Reading: **ripening**" in md
    assert "\nWhy:\n" in md and "\nWhat would change it:\n" in md
    assert "- **Horizon:** 90 days" in md
