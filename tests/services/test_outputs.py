"""Outputs that travel, on the demo dialogue: the non-paper read back from DOCX, PDF and
Markdown; the numbered aide-mémoire copies and their register; the calendar read back
with icalendar; follow-up and the carry-over into the next meeting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from docx.oxml.ns import qn
from icalendar import Calendar
from pypdf import PdfReader

from backchannel import i18n
from backchannel.domain.errors import BadInputError, BlockingFindingError, NotFoundError
from backchannel.domain.rounds import RoundName
from backchannel.domain.steps import StepStatus
from backchannel.gate import Gate
from backchannel.readers.candidates import read_candidates
from backchannel.services import aide_memoire, outputs
from backchannel.services import audit as audit_service
from backchannel.services.meetings import back_round, capture_step, meeting_view
from backchannel.services.workspace import Workspace, open_workspace

TODAY = date(2027, 2, 10)
STEPS = (
    ("Circulate a one-page list of three triggers and their thresholds for comment.",
     "The facilitation team", "29 January 2027",
     "Sent informally to the Gov-A Access Committee and the Authority-B Liaison Office.",
     "Both offices return written comments by 12 February."),
    ("Agree the cholera threshold and the list of reporting health posts.",
     "Humanitarian Coordinator's Office", "19 February 2027",
     "A technical call convened by the platform with the health authorities of both sides.",
     "The same threshold and list appear in both sides' written comments."),
    ("First convoy crosses at Dorran under the agreed triggers, sealed and observed.",
     "The coordination platform, with both liaison offices notified", "15 March 2027",
     "Inspected and sealed once at Dorran; two observers from each side present.",
     "The passage is logged by both liaison offices and the platform on the same day."),
)  # fmt: skip


@pytest.fixture
def ws(demo_copy: Workspace) -> Workspace:
    return demo_copy


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


class TestTheDemoWritesTheOutputs:
    """`backchannel demo` writes the non-paper in three formats, the copies and the calendar,
    and none of them names a participant."""

    def test_files(self, demo: Path) -> None:
        names = {p.name for p in demo.iterdir()}
        assert {"nonpaper.docx", "nonpaper.pdf", "nonpaper.md", "steps.ics"} <= names
        assert len([n for n in names if n.startswith("aide-memoire-")]) >= 2

    def test_no_participant_is_named(self, demo: Path, demo_dir: Path) -> None:
        gate = Gate(read_candidates(demo_dir / "candidates.csv"))
        files = [*demo.glob("nonpaper.*"), *demo.glob("aide-memoire-*.pdf"), demo / "steps.ics"]
        texts = {
            p.name: pdf_text(p)
            if p.suffix == ".pdf"
            else "\n".join(x.text for x in DocxDocument(str(p)).paragraphs)
            if p.suffix == ".docx"
            else p.read_text("utf-8")
            for p in files
        }
        assert 10 == len(texts)
        named = {n: [f.kind for f in gate.scan(t) if f.participant] for n, t in texts.items()}
        assert {} == {n: k for n, k in named.items() if k}


class TestNonPaper:
    """The non-paper reads back with its genre's parts, in DOCX, PDF and Markdown."""

    def test_docx(self, demo: Path) -> None:
        doc = DocxDocument(str(demo / "nonpaper.docx"))
        paragraphs = [p.text for p in doc.paragraphs]
        assert "NON-PAPER" == paragraphs[0]
        assert "Humanitarian access triggers in the Sarn corridor" == paragraphs[1]
        assert paragraphs[4].startswith("This non-paper follows informal discussions")
        assert "This non-paper is informal; it commits no one." == paragraphs[-1]
        for n, (what, who, when, how, test) in enumerate(STEPS, 1):
            at = paragraphs.index(f"{n}.\t{what}")
            assert [f"Who: {who}", f"When: {when}", f"How: {how}",
                    f"How it will be tested: {test}"] == paragraphs[at + 1 : at + 5]  # fmt: skip

    def test_docx_is_signed_by_no_one(self, demo: Path) -> None:
        props = DocxDocument(str(demo / "nonpaper.docx")).core_properties
        assert ("", "", "") == (props.author, props.last_modified_by, props.comments)
        doc = DocxDocument(str(demo / "nonpaper.docx"))
        assert [] == [p.text for s in doc.sections for p in s.header.paragraphs if p.text]

    def test_pdf(self, demo: Path) -> None:
        reader = PdfReader(demo / "nonpaper.pdf")
        text = flat(pdf_text(demo / "nonpaper.pdf"))
        assert text.startswith("NON-PAPER Humanitarian access triggers in the Sarn corridor")
        assert "This non-paper is informal; it commits no one." in text
        for n, (what, who, when, how, test) in enumerate(STEPS, 1):
            assert f"{n}. {what}" in text
            for label, value in (("Who", who), ("When", when), ("How", how)):
                assert f"{label} {value}" in text
            assert f"How it will be tested {test}" in text
        meta = reader.metadata
        assert meta is not None and "/Author" not in meta

    def test_markdown(self, demo: Path) -> None:
        md = (demo / "nonpaper.md").read_text("utf-8")
        # Reads as written when pasted into an e-mail: no backslash before - or .
        assert md.startswith("*Non-paper*\n\n# Humanitarian access triggers in the Sarn corridor")
        assert "**1\\. Circulate a one-page list" in md
        assert "- Who: Humanitarian Coordinator's Office" in md
        assert md.rstrip().endswith("*This non-paper is informal; it commits no one.*")

    def test_refused_while_a_step_is_vague(self, ws: Workspace, tmp_path: Path) -> None:
        back_round(ws, "One more step", to=RoundName.PACKAGING, at=datetime(2027, 1, 19, 16))
        capture_step(
            ws,
            "health-triggers",
            what="Enhance cooperation",
            who="All stakeholders",
            when=date(2027, 3, 1),
            how="As appropriate",
            test="Cooperation improves",
        )
        with pytest.raises(BlockingFindingError) as caught:
            outputs.render_nonpaper(ws, tmp_path / "out")
        message = str(caught.value)
        assert "the non-paper was not rendered: 4 finding(s)" in message
        assert "step s4, what: 'enhance' with nothing concrete to do" in message
        assert not (tmp_path / "out").exists()

    def test_no_package_yet(self, tmp_path: Path) -> None:
        empty = open_workspace(tmp_path / "e.bch", None, create=True)
        with pytest.raises(NotFoundError, match="no meeting has packaged options yet"):
            outputs.build_nonpaper(empty)
        assert [] == outputs.build_nonpaper(empty, required=False)
        empty.close()


class TestAideMemoire:
    """One numbered copy per interlocutor, registered, each worded its own way."""

    def test_one_copy_per_interlocutor(self, ws: Workspace, demo: Path) -> None:
        lines = aide_memoire.register(ws)
        assert 6 == len(lines)
        assert [1, 2, 3, 4, 5, 6] == [c.number for c in lines]
        assert {"a-access", "a-presidency", "b-council", "b-liaison", "n-hc-office",
                "regional-envoy"} == {c.interlocutor for c in lines}  # fmt: skip
        assert {f"aide-memoire-{c.code}.pdf" for c in lines} == {
            p.name for p in demo.glob("aide-memoire-*.pdf")
        }

    def test_each_copy_shows_its_number_and_carries_its_marks(
        self, ws: Workspace, demo: Path, demo_passphrase: str
    ) -> None:
        for c in aide_memoire.register(ws):
            path = demo / f"aide-memoire-{c.code}.pdf"
            text = flat(pdf_text(path))
            assert f"Copy {c.number} of 6" in text
            assert f"[bc:{c.code}]" in text
            meta = PdfReader(path).metadata
            assert meta is not None and f"[bc:{c.code}]" in str(meta.get("/Keywords"))

    def test_the_genre(self, ws: Workspace, demo: Path) -> None:
        code = aide_memoire.register(ws)[0].code
        text = flat(pdf_text(demo / f"aide-memoire-{code}.pdf"))
        assert "CONFIDENTIAL" in text and "Aide-mémoire" in text
        headings = (
            "Purpose",
            "Summary of the discussion",
            "The package",
            "Sensitivities each party raised",
            "What is asked of the reader",
        )
        assert [] == [h for h in headings if h not in text]
        assert "Chatham House Rule" in text
        assert "Government of Sarnland (party A)" in text
        assert "Party N" in text  # its name is an affiliation of participants: by code
        assert "Joint Humanitarian Coordination Platform" not in text

    def test_copies_are_worded_differently(self, ws: Workspace, demo: Path) -> None:
        texts = [
            set(flat(pdf_text(demo / f"aide-memoire-{c.code}.pdf")).split(". "))
            for c in aide_memoire.register(ws)
        ]
        differing = [len(a ^ b) for i, a in enumerate(texts) for b in texts[i + 1 :]]
        assert min(differing) >= 20

    def test_asks_follow_the_office(self, ws: Workspace, demo: Path) -> None:
        by = {c.interlocutor: c.code for c in aide_memoire.register(ws)}
        access = flat(pdf_text(demo / f"aide-memoire-{by['a-access']}.pdf"))
        envoy = flat(pdf_text(demo / f"aide-memoire-{by['regional-envoy']}.pdf"))
        asked = access.split("What is asked of the reader")[1].lower()
        assert "step 1" in asked and "your office" in asked, asked
        assert "Circulate a one-page list" in access.split("What is asked of the reader")[1]
        assert "Circulate a one-page list" not in envoy.split("What is asked of the reader")[1]

    def test_rendering_again_keeps_codes_and_numbers(self, ws: Workspace, tmp_path: Path) -> None:
        before = [(c.code, c.number, c.interlocutor) for c in aide_memoire.register(ws)]
        written = aide_memoire.render_aide_memoire(ws, tmp_path)
        assert before == [(c.code, c.number, c.interlocutor) for c in aide_memoire.register(ws)]
        assert {f"aide-memoire-{code}.pdf" for code, _, _ in before} == {p.name for p in written}
        exported = {e.subject for e in audit_service.entries(ws, action="export")}
        assert {p.name for p in written} <= exported

    def test_registration_is_audited(self, ws: Workspace) -> None:
        entries = audit_service.entries(ws, action="copy.register")
        assert 6 == len(entries)
        assert {"edition", "number", "interlocutor"} == set(entries[0].details_object())


class TestCalendar:
    """steps.ics reads back with icalendar: each step on its day, with who and how."""

    def test_read_back(self, demo: Path) -> None:
        cal = Calendar.from_ical((demo / "steps.ics").read_bytes())
        events = list(cal.walk("VEVENT"))
        steps = [e for e in events if str(e.get("summary")).startswith("Step ")]
        assert [date(2027, 1, 29), date(2027, 2, 19), date(2027, 3, 15)] == [
            e.get("dtstart").dt for e in steps
        ]
        for event, (what, who, _when, how, test) in zip(steps, STEPS, strict=True):
            assert what in str(event.get("summary"))
            description = str(event.get("description"))
            assert f"Who: {who}" in description and f"How: {how}" in description
            assert f"Test: {test}" in description
            assert "CONFIRMED" == str(event.get("status"))
        reviews = [e for e in events if str(e.get("summary")).startswith("Review")]
        assert [date(2027, 2, 17), date(2027, 3, 19), date(2027, 4, 18)] == [
            e.get("dtstart").dt for e in reviews
        ]
        assert len({str(e.get("uid")) for e in events}) == len(events)

    def test_uids_are_stable_and_a_dropped_step_is_cancelled(
        self, ws: Workspace, demo: Path, demo_passphrase: str, tmp_path: Path
    ) -> None:
        outputs.set_step_status(ws, "s2", StepStatus.DROPPED, note="overtaken by events")
        (path,) = outputs.render_calendar(ws, tmp_path)
        old = Calendar.from_ical((demo / "steps.ics").read_bytes())
        new = Calendar.from_ical(path.read_bytes())
        assert [str(e.get("uid")) for e in old.walk("VEVENT")] == [
            str(e.get("uid")) for e in new.walk("VEVENT")
        ]
        status = {str(e.get("summary"))[:8]: str(e.get("status")) for e in new.walk("VEVENT")}
        assert "CANCELLED" == status["Step s2:"]


class TestFollowUp:
    """Status changes drive the board and what the next meeting starts with."""

    def test_board(self, ws: Workspace) -> None:
        view = outputs.follow_up(ws, TODAY)
        assert [("s1", "late"), ("s2", "due"), ("s3", "open")] == [
            (line.step.id, line.standing.value) for line in view.board.lines
        ]
        assert view.next_meeting is not None and 2 == view.next_meeting.number
        assert ["s1", "s2", "s3"] == [f.step.id for f in view.carried]

    def test_done_and_dropped_steps_leave_the_next_meeting(self, ws: Workspace) -> None:
        outputs.set_step_status(ws, "s1", StepStatus.DONE, on=date(2027, 2, 1))
        outputs.set_step_status(ws, "s3", StepStatus.UNDER_WAY)
        outputs.set_step_status(ws, "s2", StepStatus.DROPPED, note="threshold agreed elsewhere")
        view = outputs.follow_up(ws, TODAY)
        assert ["s3"] == [f.step.id for f in view.carried]
        assert ["s3"] == [f.step.id for f in meeting_view(ws, 2).carried_in.steps]
        assert ["done", "dropped", "under_way"] == [
            line.step.status.value for line in view.board.lines
        ]
        entries = audit_service.entries(ws, action="step.status")
        assert ["s1", "s3", "s2"] == [e.subject for e in entries]

    def test_bad_changes(self, ws: Workspace) -> None:
        with pytest.raises(NotFoundError, match="no step 's9'"):
            outputs.set_step_status(ws, "s9", StepStatus.DONE)
        with pytest.raises(BadInputError, match="say why step s1 is dropped"):
            outputs.set_step_status(ws, "s1", StepStatus.DROPPED)
        with pytest.raises(BadInputError, match="already planned"):
            outputs.set_step_status(ws, "s1", StepStatus.PLANNED)


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar"])
def test_the_non_paper_in_the_room_languages(
    ws: Workspace,
    tmp_path: Path,
    lang: str,
    missing_from_pdf: Callable[[Path, Iterable[str]], list[str]],
) -> None:
    """Headings, labels and boilerplate in the document's language; what people wrote stays
    as written; the gate still passes it; Arabic reads right to left in the DOCX and PDF."""
    with i18n.speaking(lang):
        written = outputs.render_nonpaper(ws, tmp_path)
        who, status = i18n.gettext("Who"), i18n.gettext(outputs.STATUS_LINE)
        label = i18n.gettext("Non-paper")
    assert {p.name for p in written} == {"nonpaper.docx", "nonpaper.pdf", "nonpaper.md"}
    assert "Who" != who and outputs.STATUS_LINE != status
    md = (tmp_path / "nonpaper.md").read_text("utf-8")
    assert f"- {who}: Humanitarian Coordinator's Office" in md  # the captured text as written
    assert md.rstrip().endswith("*") and flat(status) in flat(md.replace("\\", ""))
    doc = DocxDocument(str(tmp_path / "nonpaper.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == label.upper() and f"{who}: The facilitation team" in texts
    bidi = [
        p
        for p in doc.paragraphs
        if p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None
    ]
    assert (len(bidi) > len(doc.paragraphs) // 2) == (lang == "ar")
    reader = PdfReader(tmp_path / "nonpaper.pdf")
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()  # type: ignore[union-attr]
    }
    assert any("Amiri" in f for f in fonts) == (lang == "ar")
    wanted = [who, "The facilitation team", status]
    assert [] == missing_from_pdf(tmp_path / "nonpaper.pdf", wanted)


def test_a_concrete_step_in_arabic_goes_out_and_a_vague_one_in_russian_does_not(
    ws: Workspace, tmp_path: Path
) -> None:
    """Each step is checked in its own language: a sound Arabic step no longer blocks the
    non-paper; a vague Russian one does, with the fields named."""
    back_round(ws, "One more step", to=RoundName.PACKAGING, at=datetime(2027, 1, 19, 16))
    capture_step(
        ws,
        "health-triggers",
        what="تسليم قائمة بالمراكز الصحية المعتمدة للإبلاغ عن الكوليرا إلى الطرفين",
        who="مكتب منسق الشؤون الإنسانية",
        when=date(2027, 3, 1),
        how="رسالة رسمية عبر مكتب الارتباط في معبر دوران",
        test="إيصال استلام موقع من مكتبي الارتباط محفوظ لدى المنصة",
    )
    written = outputs.render_nonpaper(ws, tmp_path / "ok")
    md = next(p for p in written if p.suffix == ".md").read_text("utf-8")
    assert "مكتب منسق الشؤون الإنسانية" in md
    capture_step(
        ws,
        "health-triggers",
        what="Содействовать укреплению доверия между сторонами",
        who="Соответствующие органы",
        when=date(2027, 3, 2),
        how="По соответствующим каналам",
        test="Улучшение отношений",
    )
    with pytest.raises(BlockingFindingError) as caught:
        outputs.render_nonpaper(ws, tmp_path / "blocked")
    message = str(caught.value)
    assert "4 finding(s)" in message and "step s5, what:" in message
    assert "step s4" not in message
