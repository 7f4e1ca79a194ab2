"""The meeting record in the room's languages: headings, labels and boilerplate in the
document's language, what the room captured as written, the gate still passing it, and
Arabic set right to left with its own font."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from backchannel import i18n
from backchannel.domain.rounds import RoundName
from backchannel.gate import Gate
from backchannel.readers.candidates import read_candidates
from backchannel.readers.dialogue_files import read_dialogue
from backchannel.services import _meeting_record_words as words
from backchannel.services import dialogue as dialogue_service
from backchannel.services import meeting_ratings
from backchannel.services.documents import Outgoing
from backchannel.services.meeting_file import load_meeting_file
from backchannel.services.meeting_record import (
    FILENAME,
    MARKING,
    build_meeting_record,
    export_meeting_record,
)
from backchannel.services.meetings import back_round, capture_step, meeting_view, set_timebox
from backchannel.services.workspace import Workspace, open_workspace

LANGUAGES = ["fr", "es", "ru", "ar"]
PASS = "record-languages"
HEADING = words.WORDS["tests"]  # "Consequence tests"
STATEMENT = "Relief does not cross the front line at Dorran when it is needed"
DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's meeting 1, captured round by round, with its anonymous ratings."""
    path = tmp_path_factory.mktemp("room") / "room.bch"
    ws = open_workspace(path, PASS, create=True)
    dialogue_service.init_dialogue(ws, read_dialogue(DEMO / "dialogue.toml"))
    dialogue_service.save_candidates(ws, read_candidates(DEMO / "candidates.csv"))
    load_meeting_file(ws, DEMO / "meeting1.toml")
    meeting_ratings.import_ratings(ws, DEMO / "ratings.csv", 1, actor="test")
    ws.close()
    return path


@pytest.fixture
def ws(room: Path, tmp_path: Path) -> Iterator[Workspace]:
    copy = tmp_path / "w.bch"
    shutil.copyfile(room, copy)
    opened = open_workspace(copy, PASS)
    yield opened
    opened.close()


def record(docs: list[Outgoing]) -> Outgoing:
    return next(doc for doc in docs if doc.filename == FILENAME)


def fonts(path: Path) -> set[str]:
    return {
        str(cast(DictionaryObject, f.get_object())["/BaseFont"])
        for page in PdfReader(path).pages
        for f in cast(
            DictionaryObject, cast(DictionaryObject, page["/Resources"])["/Font"]
        ).values()
    }


def flat(text: str) -> str:
    """The text without line breaks and the invisible marks that set what people wrote in
    its own direction."""
    for mark in "\u2066\u2068\u2069":
        text = text.replace(mark, "")
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return flat("\n".join(page.extract_text() or "" for page in PdfReader(path).pages))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_record_in_the_room_languages(
    ws: Workspace,
    tmp_path: Path,
    lang: str,
    missing_from_pdf: Callable[[Path, Iterable[str]], list[str]],
) -> None:
    """Every heading, label and sentence of the record from the catalogs; what the room
    wrote as written; Arabic right to left, in Amiri."""
    with i18n.speaking(lang):
        doc = record(build_meeting_record(ws, tmp_path))
        expected = {key: i18n.gettext(message) for key, message in words.WORDS.items()}
        heading, marking = i18n.gettext(HEADING), i18n.gettext(MARKING)
        round_name = i18n.gettext("framing")
        pdf = tmp_path / FILENAME
        pdf.write_bytes(doc.produce())
    data: dict[str, Any] = dict(doc.data)
    assert (data["lang"], data["dir"]) == (lang, "rtl" if lang == "ar" else "ltr")
    assert data["words"] == expected and data["marking"] == marking
    assert data["rounds"]["rows"][0]["cells"][0] == round_name
    assert data["capture"]["statements"][0].startswith(STATEMENT)  # as the room wrote it
    assert any("Amiri" in f for f in fonts(pdf)) == (lang == "ar")
    assert [] == missing_from_pdf(pdf, [heading, marking.upper(), STATEMENT])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_record_headings_are_translated(lang: str) -> None:
    with i18n.speaking(lang):
        assert i18n.gettext(HEADING) != HEADING  # needs the catalogs


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar"])
def test_the_record_passes_the_gate(ws: Workspace, tmp_path: Path, lang: str) -> None:
    """The record and its two pictures leave through the door in every language."""
    with i18n.speaking(lang):
        written = export_meeting_record(ws, tmp_path)
    assert {p.name for p in written} == {FILENAME, "meeting-interests.png", "meeting-support.png"}


def test_the_gate_reads_names_through_the_direction_marks(demo_dir: Path) -> None:
    """What people wrote sits between invisible isolates in a composed line; the gate still
    finds a participant's name there."""
    gate = Gate(read_candidates(demo_dir / "candidates.csv"))
    line = i18n.gettext("Party %(party)s: %(text)s") % {
        "party": words.own("A"),
        "text": words.own("Rania Sabbagh would accept it"),
    }
    assert "c010" in {hit.participant for hit in gate.scan(line)}


def test_the_warnings_in_english_are_the_meetings(ws: Workspace, tmp_path: Path) -> None:
    """The record rewrites the meeting's warnings in its language; in English they are the
    words of the meeting view (services/meetings.py), and in Arabic they are drawn."""
    set_timebox(ws, RoundName.FRAMING, 600, number=1)
    set_timebox(ws, RoundName.CONSEQUENCES, 60, number=1)
    back_round(ws, "One more step", to=RoundName.PACKAGING, at=datetime(2027, 1, 19, 16))
    capture_step(
        ws,
        "health-triggers",
        what="Publish the agreed threshold",
        who="The coordination platform",
        when=date(2027, 3, 1),
        how="On its public page",
        test="The page is online",
    )
    view = meeting_view(ws, 1)
    assert len(view.warnings) == 3
    assert [flat(line) for line in words.warnings(view)] == list(view.warnings)
    with i18n.speaking("ar"):
        doc = record(build_meeting_record(ws, tmp_path))
        pdf = tmp_path / FILENAME
        pdf.write_bytes(doc.produce())
    assert len(doc.data["rounds"]["warnings"]) == 3
    assert any("Amiri" in f for f in fonts(pdf))
