"""The neutral brief from a real encrypted workspace: import, lint, gate, render, copies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from backchannel.domain.dialogue import Dialogue, Party
from backchannel.domain.errors import BadInputError, BlockingFindingError, NotFoundError
from backchannel.evidence.geojson import read_layers
from backchannel.evidence.hxl_figures import read_figures
from backchannel.evidence.legal import read_legal
from backchannel.evidence.timeline import read_timeline
from backchannel.readers.candidates import read_candidates
from backchannel.services import audit as audit_service
from backchannel.services import brief as brief_service
from backchannel.services import dialogue as dialogue_service
from backchannel.services.brief import BriefFiles
from backchannel.services.workspace import Workspace, open_workspace
from backchannel.store import brief_repository, repository

SECTIONS = (
    "About this brief",
    "The area",
    "Timeline",
    "Legal constraints",
    "Humanitarian situation",
    "Sources",
)


@pytest.fixture
def ws(tmp_path: Path, demo: Path, demo_passphrase: str) -> Iterator[Workspace]:
    copy = tmp_path / "w.bch"
    copy.write_bytes((demo / "workspace.bch").read_bytes())
    workspace = open_workspace(copy, demo_passphrase)
    yield workspace
    workspace.close()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def timeline_with(tmp_path: Path, event: str, view: str = "") -> Path:
    path = tmp_path / "timeline.csv"
    path.write_text(
        "date,event,source,party_view,origin\n"
        f'2026-01-05,"{event}",Monitoring group,"{view}",neutral\n'
        "2026-02-05,Convoys crossed twice.,Velmar Authority liaison statements,,B\n",
        encoding="utf-8",
    )
    return path


class TestDemoBrief:
    """`backchannel demo` writes the brief, its HTML and one numbered copy per participant."""

    def test_files(self, demo: Path, demo_passphrase: str) -> None:
        names = {p.name for p in demo.iterdir()}
        assert {"brief.pdf", "brief.html"} <= names
        ws = open_workspace(demo / "workspace.bch", demo_passphrase)
        with ws.read() as conn:
            roster = repository.roster_ids(conn)
            codes = brief_repository.copy_codes(conn)
        ws.close()
        copies = sorted(n for n in names if re.fullmatch(r"brief-[A-Z2-9]{6}\.pdf", n))
        assert len(roster) == len(copies) >= 10
        assert sorted(f"brief-{code}.pdf" for code, _n in codes.values()) == copies

    def test_sections_marking_and_date(self, demo: Path) -> None:
        text = pdf_text(demo / "brief.pdf")
        for heading in SECTIONS:
            assert heading in text, heading
        assert "FOR PARTICIPANTS ONLY" in text
        assert re.search(
            r"\d{1,2} (January|February|March|April|May|June|July|August|"
            r"September|October|November|December) \d{4}",
            text,
        )
        assert "Velmar / Welmar" in text

    def test_real_images(self, demo: Path) -> None:
        images = [img for page in PdfReader(demo / "brief.pdf").pages for img in page.images]
        assert len(images) >= 3
        assert all(len(img.data) > 20_000 for img in images)

    def test_each_copy_carries_its_number_and_code(self, demo: Path, demo_passphrase: str) -> None:
        ws = open_workspace(demo / "workspace.bch", demo_passphrase)
        with ws.read() as conn:
            codes = brief_repository.copy_codes(conn)
        ws.close()
        for candidate, (code, number) in codes.items():
            first_page = PdfReader(demo / f"brief-{code}.pdf").pages[0].extract_text() or ""
            assert f"Copy {number:02d} \u00b7 {code}" in first_page
            assert candidate not in first_page

    def test_html_is_self_contained(self, demo: Path) -> None:
        html = (demo / "brief.html").read_text(encoding="utf-8")
        assert 3 == html.count('src="data:image/png;base64,')
        assert not re.search(r"""(src|href)=["']https?:""", html)
        assert "<script" not in html
        for heading in SECTIONS:
            assert heading in html

    def test_no_participant_in_the_brief(self, demo: Path, demo_dir: Path) -> None:
        text = pdf_text(demo / "brief.pdf") + (demo / "brief.html").read_text(encoding="utf-8")
        for person in read_candidates(demo_dir / "candidates.csv"):
            assert person.name not in text
            assert person.affiliation not in text


class TestImport:
    """An import is checked whole, then written in one transaction, and audited."""

    def test_counts_and_audit(self, ws: Workspace, demo_dir: Path) -> None:
        counts = brief_service.import_demo_inputs(ws, demo_dir, actor="test")
        assert {"layers": 22, "timeline": 13, "legal": 14, "figures": 24, "places": 3} == counts
        assert "brief.import" == audit_service.entries(ws, last=1)[0].action

    def test_a_bad_file_leaves_every_input_as_it_was(
        self, ws: Workspace, demo_dir: Path, tmp_path: Path
    ) -> None:
        bad = tmp_path / "figures.csv"
        bad.write_text("District,Sector\nHalvik,Health\n", encoding="utf-8")
        before = brief_service.gather(ws)[0]
        with pytest.raises(BadInputError, match="no HXL hashtag row"):
            brief_service.import_inputs(
                ws, BriefFiles(timeline=timeline_with(tmp_path, "New."), figures=bad)
            )
        assert before == brief_service.gather(ws)[0]

    def test_party_codes_are_the_dialogues(self, ws: Workspace, tmp_path: Path) -> None:
        path = timeline_with(tmp_path, "Shelling.", "Z: their words")
        with pytest.raises(BadInputError) as caught:
            brief_service.import_inputs(ws, BriefFiles(timeline=path))
        assert "'Z' is not a party of the dialogue" in caught.value.message
        assert "timeline.csv" == caught.value.file

    def test_nothing_to_import(self, ws: Workspace) -> None:
        with pytest.raises(BadInputError):
            brief_service.import_inputs(ws, BriefFiles())


class TestRoundTrip:
    """What is imported is what the brief reads back, on SQLCipher and PostgreSQL."""

    def test_round_trip(self, any_store: Workspace, demo_dir: Path) -> None:
        dialogue_service.init_dialogue(
            any_store,
            Dialogue(
                "Access", parties=(Party("A", "Gov"), Party("B", "Auth"), Party("H", "Hosts"))
            ),
        )
        brief_service.import_demo_inputs(any_store, demo_dir)
        with any_store.read() as conn:
            assert read_layers(demo_dir / "layers.geojson") == brief_repository.load_features(conn)
            assert read_timeline(demo_dir / "timeline.csv") == brief_repository.load_timeline(conn)
            assert read_legal(demo_dir / "legal.toml") == brief_repository.load_legal(conn)
            assert read_figures(demo_dir / "figures.csv") == brief_repository.load_figures(conn)
            assert 3 == len(brief_repository.load_places(conn))


class TestNeutralityBlocks:
    """A loaded word stops the brief until it is fixed or approved."""

    def test_blocks_names_where_and_what(self, ws: Workspace, tmp_path: Path) -> None:
        path = timeline_with(tmp_path, "Terrorists attacked the convoy near Halvik.")
        brief_service.import_inputs(ws, BriefFiles(timeline=path))
        out = tmp_path / "out"
        with pytest.raises(BlockingFindingError) as caught:
            brief_service.export_brief(ws, out)
        message = str(caught.value)
        assert "section 'Timeline', paragraph" in message
        assert "loaded 'Terrorists'" in message and "armed group" in message
        assert not out.exists() or [] == list(out.iterdir())

    def test_approved_it_goes_out(self, ws: Workspace, tmp_path: Path) -> None:
        path = timeline_with(tmp_path, "Terrorists attacked the convoy near Halvik.")
        brief_service.import_inputs(ws, BriefFiles(timeline=path))
        ((placed, approved),) = brief_service.check_brief(ws)
        assert not approved
        assert brief_service.approve_brief_finding(ws, placed.finding_id, "a court's finding")
        assert [(placed, True)] == brief_service.check_brief(ws)
        written = brief_service.export_brief(ws, tmp_path / "out")
        assert "brief.pdf" in {p.name for p in written}

    def test_a_party_view_in_its_own_words_is_fine(self, ws: Workspace, tmp_path: Path) -> None:
        path = timeline_with(
            tmp_path, "Fighting near Halvik.", "A: terrorist attack; B: liberation"
        )
        brief_service.import_inputs(ws, BriefFiles(timeline=path))
        found = brief_service.check_brief(ws)
        assert [] == [p for p, _approved in found if p.finding.blocks]
        assert {"attributed"} == {p.finding.kind for p, _approved in found}

    def test_the_dialogues_own_terms(self, ws: Workspace, tmp_path: Path) -> None:
        lexicon = tmp_path / "terms.csv"
        lexicon.write_text("term,kind,alternative\nconvoy,glorification,truck column\n")
        brief_service.import_inputs(ws, BriefFiles(lexicon=lexicon))
        assert {"convoy"} <= {p.finding.text.casefold() for p, _a in brief_service.check_brief(ws)}


class TestCopies:
    """Copy codes are recorded once per participant and kept across exports."""

    def test_codes_are_stable(self, ws: Workspace, tmp_path: Path) -> None:
        with ws.read() as conn:
            before = brief_repository.copy_codes(conn)
        written = brief_service.export_brief(ws, tmp_path / "again")
        with ws.read() as conn:
            assert before == brief_repository.copy_codes(conn)
        codes = {code for code, _n in before.values()}
        assert {f"brief-{c}.pdf" for c in codes} <= {p.name for p in written}

    def test_trace(self, ws: Workspace) -> None:
        with ws.read() as conn:
            candidate, (code, number) = next(iter(brief_repository.copy_codes(conn).items()))
        assert (candidate, number) == brief_service.trace_copy(ws, code.lower())
        assert brief_service.trace_copy(ws, "NOPE99") is None


class TestNoEvidence:
    """Without evidence there is no brief: an error when asked for, nothing otherwise."""

    def test_required(self, tmp_path: Path) -> None:
        ws = open_workspace(tmp_path / "e.bch", "brief test", create=True)
        dialogue_service.init_dialogue(ws, Dialogue("Empty"))
        with pytest.raises(NotFoundError):
            brief_service.build_brief(ws, tmp_path)
        assert [] == brief_service.build_brief(ws, tmp_path, required=False)
        ws.close()


class TestTypstAndHtmlSafety:
    """Evidence text is shown as written, never run as markup."""

    def test_markup_prints_as_text(self, ws: Workspace, tmp_path: Path) -> None:
        event = "#set page(fill: red) $x$ <script>alert(1)</script> *bold*"
        brief_service.import_inputs(ws, BriefFiles(timeline=timeline_with(tmp_path, event)))
        written = {p.name: p for p in brief_service.export_brief(ws, tmp_path / "out")}
        assert "#set page(fill: red) $x$" in pdf_text(written["brief.pdf"])
        html = written["brief.html"].read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert" not in html

    def test_dates_are_evidence_dates(self, ws: Workspace) -> None:
        evidence = brief_service.gather(ws)[0]
        assert date(2026, 11, 16) == max(f.day for f in evidence.figures)
