"""The confidential roster report: ids, mix, channels, rules and consent; never a name."""

from __future__ import annotations

import csv
import struct
from pathlib import Path

import pytest
from pypdf import PdfReader

from backchannel.domain.dialogue import Dialogue, Interlocutor, Party
from backchannel.domain.errors import BlockingFindingError, NotFoundError
from backchannel.evidence.roster_chart import MixBar, roster_chart
from backchannel.gate import Gate
from backchannel.services import audit as audit_service
from backchannel.services import dialogue as dialogue_service
from backchannel.services import ground_rules
from backchannel.services import roster as roster_service
from backchannel.services.documents import sections
from backchannel.services.roster_report import (
    FILENAME,
    build_roster_report,
    export_roster_report,
)
from backchannel.services.workspace import Workspace, open_workspace

COLUMNS = (
    "id,name,aliases,party,category,gender,affiliation,title,channels,available,conflicts,priority"
).split(",")
NAMES = (
    "Zubeida Okafor-Lindqvist",
    "Ingmar Haldorsen",
    "Oyelaran Brightwater",
    "Teodora Pemberton",
    "Kwabena Rautenbach",
    "Severine Kowalczyk",
    "Anouk Whitlock",
    "Dragomir Abernathy",
    "Lucinda Fairweather",
    "Mehmet Castellanos",
    "Rosalind Nakashima",
    "Tobiah Thorvaldsen",
    "Fenella Adeyemi-Stroud",
    "Casimir Vasquez-Oduya",
)
CATEGORIES = ("authoritative_proxy", "technical_expert", "community_voice")
RULES = """\
[size]
min = 10
max = 12

[category.community_voice]
min = 2

[party.A]
min = 4

[gender]
min_share = { F = 0.5 }

[channels]
required = ["Office A", "Council B"]
"""


def write_pool(path: Path, channel_of_c001: str = "Office A") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n, name in enumerate(NAMES, 1):
            party = "A" if n <= 7 else "B"
            channel = "Office A" if party == "A" else "Council B"
            writer.writerow(
                [
                    f"c{n:03d}",
                    name,
                    f"Umm Tariq{n}",
                    party,
                    CATEGORIES[n % 3],
                    "F" if n % 2 else "M",
                    f"Marrowdale Irrigation Board {n}",
                    "Retired Brigadier" if n % 2 else "Senior Hydrologist",
                    channel_of_c001 if n == 1 else (channel if n % 3 == 0 else ""),
                    "yes",
                    "",
                    str(5 + n % 5),
                ]
            )
    return path


def build(tmp_path: Path, channel_of_c001: str = "Office A") -> Workspace:
    ws = open_workspace(tmp_path / "d.bch", "pw", create=True)
    dialogue_service.init_dialogue(
        ws,
        Dialogue(
            title="Water sharing on the Marrow",
            parties=(Party("A", "Side A"), Party("B", "Side B")),
            interlocutors=(
                Interlocutor("office-a", "Office A", "A"),
                Interlocutor("council-b", "Council B", "B"),
                Interlocutor("envoy", "Basin Envoy"),
            ),
        ),
    )
    roster_service.import_candidates(ws, write_pool(tmp_path / "pool.csv", channel_of_c001))
    rules = tmp_path / "mix.toml"
    rules.write_text(RULES, encoding="utf-8")
    roster_service.set_rules(ws, rules)
    return ws


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = build(tmp_path)
    ids = roster_service.select_roster(ws).view.ids
    ground_rules.adopt_charter(ws)
    for candidate in ids[:-1]:
        ground_rules.record_consent(ws, candidate, "signed form")
    return ws


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def folded(text: str) -> str:
    return " ".join(text.split())


class TestRosterReport:
    """The report is a PDF for facilitators that identifies participants by id only."""

    def test_holds_the_ids_and_no_name(self, ws: Workspace, tmp_path: Path) -> None:
        view = roster_service.roster_view(ws)
        [path] = export_roster_report(ws, tmp_path / "out")
        assert FILENAME == path.name
        text = folded(pdf_text(path))
        assert "CONFIDENTIAL" in text.upper()
        assert "facilitators only" in text.lower()
        assert "This report names no one" in text
        for candidate in view.ids:
            assert candidate in text
        parts = {p for name in NAMES for p in name.replace("-", " ").split()}
        for secret in [*NAMES, *parts, "Umm Tariq", "Marrowdale", "Brigadier", "Hydrologist"]:
            assert secret not in text, secret

    def test_shows_mix_channels_rules_and_consent(self, ws: Workspace, tmp_path: Path) -> None:
        view = roster_service.roster_view(ws)
        [path] = export_roster_report(ws, tmp_path / "out")
        text = folded(pdf_text(path))
        for heading in (
            "The roster",
            "The mix",
            "Channels to Track I",
            "The mix rules",
            "Editorial warnings",
            "Consent to the ground rules",
        ):
            assert heading in text
        assert "gender.min_share.F" in text
        assert "channels.required: Council B" in text
        assert "Basin Envoy" in text
        assert f"Without consent: {view.without_consent[0]}" in text
        assert 1 == len(view.without_consent)
        assert "NO consent to charter v1" in text

    def test_has_the_chart(self, ws: Workspace, tmp_path: Path) -> None:
        [path] = export_roster_report(ws, tmp_path / "out")
        images = [image for page in PdfReader(path).pages for image in page.images]
        assert 1 == len(images)

    def test_broken_rules_are_marked(self, ws: Workspace, tmp_path: Path) -> None:
        for n in range(1, len(NAMES) + 1):  # everyone: 14 people, over size.max 12
            roster_service.add_participant(ws, f"c{n:03d}")
        view = roster_service.roster_view(ws)
        assert "size.max" in [v.rule for v in view.violations]
        text = folded(pdf_text(export_roster_report(ws, tmp_path / "out")[0]))
        assert f"7 rules in force; {len(view.violations)} broken." in text
        assert "size.max at most 12 people 14 NO" in text

    def test_every_string_passes_the_gate(self, ws: Workspace, tmp_path: Path) -> None:
        [doc] = build_roster_report(ws, tmp_path)
        gate = Gate(dialogue_service.list_candidates(ws))
        found = [
            (section, hit.kind)
            for section, paragraphs in sections(doc)
            for paragraph in paragraphs
            for hit in gate.scan(paragraph)
        ]
        assert [] == found

    def test_export_is_audited(self, ws: Workspace, tmp_path: Path) -> None:
        export_roster_report(ws, tmp_path / "out")
        assert ("export", FILENAME) in [(e.action, e.subject) for e in audit_service.entries(ws)]

    def test_a_name_in_the_data_stops_it(self, tmp_path: Path) -> None:
        ws = build(tmp_path, channel_of_c001=NAMES[5])  # a channel that is a person's name
        roster_service.add_participant(ws, "c001")
        with pytest.raises(BlockingFindingError, match="roster-report.pdf"):
            export_roster_report(ws, tmp_path / "out")
        assert not (tmp_path / "out" / FILENAME).exists()

    def test_markup_in_the_data_prints_as_written(self, tmp_path: Path) -> None:
        ws = build(tmp_path, channel_of_c001='#pagebreak() *Office* $x$ #exec("rm")')
        roster_service.add_participant(ws, "c001")
        text = pdf_text(export_roster_report(ws, tmp_path / "out")[0])
        assert '#exec("rm")' in text
        assert "*Office*" in text

    def test_no_roster_yet(self, tmp_path: Path) -> None:
        ws = build(tmp_path)
        assert [] == build_roster_report(ws, tmp_path, required=False)
        with pytest.raises(NotFoundError, match="roster select"):
            build_roster_report(ws, tmp_path)


class TestRosterChart:
    """The chart is a real PNG, one panel per group, bars coloured by whether rules hold."""

    def test_writes_a_png(self, tmp_path: Path) -> None:
        out = roster_chart(
            [
                ("By category", [MixBar("technical expert", 3, 2, None)]),
                ("By party", [MixBar("A", 6, 3, 5), MixBar("B", 4, 3, 5)]),
                ("By gender", []),
            ],
            tmp_path / "mix.png",
        )
        header = out.read_bytes()[:24]
        assert b"\x89PNG\r\n\x1a\n" == header[:8]
        assert (1200, 560) == struct.unpack(">II", header[16:24])
        assert ["mix.png"] == sorted(p.name for p in tmp_path.iterdir())

    def test_within(self) -> None:
        assert MixBar("A", 4, 3, 5).within
        assert not MixBar("A", 6, 3, 5).within
        assert not MixBar("F", 1, 2).within
        assert MixBar("M", 9).within
