"""Meetings, rounds, capture, carry-over and ratings inside a real encrypted workspace."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from backchannel.domain.capture import ConsequenceTest, Framing, FramingKind, ItemKind
from backchannel.domain.dialogue import Dialogue, Party
from backchannel.domain.errors import BadInputError, BlockingFindingError, NotFoundError
from backchannel.domain.people import Candidate, Category
from backchannel.domain.rounds import RoundName
from backchannel.readers.candidates import read_candidates
from backchannel.readers.dialogue_files import read_dialogue
from backchannel.services import audit as audit_service
from backchannel.services import dialogue as dialogue_service
from backchannel.services import meeting_ratings
from backchannel.services import meetings as service
from backchannel.services.meeting_file import load_meeting_file
from backchannel.services.meeting_record import export_meeting_record
from backchannel.services.workspace import Workspace, open_workspace

T0 = datetime(2027, 1, 18, 9, 30)
PARTIES = ("A", "B", "H")
FIRST = "Zubeida Ingmar Teodora Kwabena Severine Anouk Dragomir Oyelaran".split()
LAST = "Okafor-Lindqvist Haldorsen Brightwater Pemberton Rautenbach Kowalczyk Whitlock Abernathy"


def pool() -> list[Candidate]:
    """Twelve fictional candidates, four a party; ids a1..a4, b1..b4, h1..h4."""
    out = []
    for n in range(12):
        party = PARTIES[n // 4]
        out.append(
            Candidate(
                id=f"{party.lower()}{n % 4 + 1}",
                name=f"{FIRST[n % 8]} {LAST.split()[(n * 3) % 8]}",
                party=party,
                category=Category.TECHNICAL_EXPERT,
                gender="F" if n % 2 else "M",
                affiliation=f"Marrowdale Irrigation Board {n}",
                title="Hydrologist",
            )
        )
    return out


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = open_workspace(tmp_path / "d.bch", "pw", create=True)
    dialogue_service.init_dialogue(
        ws,
        Dialogue(
            title="Water at the Marrow crossing",
            parties=tuple(Party(p, f"Side {p}") for p in PARTIES),
        ),
    )
    dialogue_service.save_candidates(ws, pool())
    service.new_meeting(ws, date(2027, 1, 18), venue="Port Idris")
    return ws


def to_round(ws: Workspace, name: RoundName, number: int | None = None) -> None:
    """Start the meeting if needed, then move forward until it is in round `name`."""
    if not service.meeting_view(ws, number).progress.started:
        service.start_round(ws, number, at(0))
    while (progress := service.meeting_view(ws, number).progress).current is not name:
        service.next_round(ws, number, progress.moves[-1].at + timedelta(minutes=10))


def captured_meeting_one(ws: Workspace) -> None:
    """Meeting 1: two options, o1 tested for A (with a question) and B, o2 untested; one
    package with one step; finished."""
    to_round(ws, RoundName.INTERESTS)
    service.capture_item(ws, "A", ItemKind.INTEREST, "Safe water before the dry season")
    to_round(ws, RoundName.OPTIONS)
    service.capture_option(ws, "Weekly crossing window", code="o1", serves=["i1"])
    service.capture_option(ws, "Joint well repair", code="o2")
    to_round(ws, RoundName.CONSEQUENCES)
    service.capture_consequence(
        ws, ConsequenceTest("o1", "A", gains="planning", questions=("Who checks the log?",))
    )
    service.capture_consequence(ws, ConsequenceTest("o1", "B", costs="fuel"))
    to_round(ws, RoundName.PACKAGING)
    service.capture_package(ws, "p1", "Water first", ["o1"])
    service.capture_step(
        ws, "p1", what="Circulate the draft", who="The facilitation team",
        when=date(2027, 2, 1), how="Informally", test="Comments returned",
    )  # fmt: skip
    service.next_round(ws, at=at(500))


class TestMeetings:
    """A meeting has the default agenda for its days, editable, and meetings are numbered."""

    def test_new_meeting_has_the_default_agenda(self, ws: Workspace) -> None:
        view = service.meeting_view(ws)
        assert 1 == view.meeting.number
        assert [120, 180, 180, 150, 90] == [r.minutes for r in view.agenda.rounds]
        assert "not started" == view.progress.describe()

    def test_timeboxes_given_and_edited(self, ws: Workspace) -> None:
        second = service.new_meeting(
            ws, date(2027, 2, 22), days=1, timeboxes={RoundName.OPTIONS: 120}
        )
        assert 2 == second.meeting.number
        assert [60, 90, 120, 75, 45] == [r.minutes for r in second.agenda.rounds]
        service.set_timebox(ws, RoundName.FRAMING, 45, number=2)
        assert 45 == service.meeting_view(ws, 2).agenda.minutes(RoundName.FRAMING)

    def test_a_missing_meeting_is_named(self, ws: Workspace) -> None:
        with pytest.raises(NotFoundError, match="no meeting 7"):
            service.meeting_view(ws, 7)


class TestRounds:
    """Moves are stored, survive reopening the file, and keep the order of rounds."""

    def test_moves_persist(self, ws: Workspace, tmp_path: Path) -> None:
        to_round(ws, RoundName.CONSEQUENCES)
        service.back_round(ws, "an interest nobody had named", at=at(100))
        ws.close()
        again = open_workspace(tmp_path / "d.bch", "pw")
        view = service.meeting_view(again, now=at(130))
        assert RoundName.OPTIONS is view.progress.current
        assert ["an interest nobody had named"] == [b.reason for b in view.progress.backs()]
        assert 2 == {t.name: t for t in view.times}[RoundName.OPTIONS].entered

    def test_the_next_meeting_waits_for_the_last_to_finish(self, ws: Workspace) -> None:
        service.new_meeting(ws, date(2027, 2, 22))
        service.start_round(ws, at=at(0))
        with pytest.raises(NotFoundError, match="meeting 1 is in round 1 of 5, framing"):
            service.start_round(ws, at=at(5))
        to_round(ws, RoundName.PACKAGING)
        service.next_round(ws, at=at(300))
        assert 2 == service.start_round(ws, at=at(400)).meeting

    def test_back_without_a_reason_writes_nothing(self, ws: Workspace) -> None:
        to_round(ws, RoundName.INTERESTS)
        with pytest.raises(BadInputError):
            service.back_round(ws, " ", at=at(100))
        assert RoundName.INTERESTS is service.meeting_view(ws).progress.current


class TestCapture:
    """Each round has its records; a point outside its round, or naming a participant,
    is refused and nothing is written."""

    def test_every_round_is_stored(self, ws: Workspace) -> None:
        to_round(ws, RoundName.FRAMING)
        service.capture_framing(ws, Framing(FramingKind.STATEMENT, "Water stops at the river"))
        service.capture_framing(ws, Framing(FramingKind.REFRAMING, "Wells, not roads", "H"))
        captured_meeting_one(ws)
        capture = service.meeting_view(ws).capture
        assert {
            RoundName.FRAMING: 2,
            RoundName.INTERESTS: 1,
            RoundName.OPTIONS: 2,
            RoundName.CONSEQUENCES: 2,
            RoundName.PACKAGING: 2,
        } == capture.counts()
        assert ("i1",) == capture.options[0].serves
        assert ("Who checks the log?",) == capture.tests[0].questions
        assert (1, "s1") == (capture.steps[0].position, capture.steps[0].step.id)

    def test_outside_its_round(self, ws: Workspace) -> None:
        to_round(ws, RoundName.FRAMING)
        with pytest.raises(BadInputError, match="captured in round 'options'"):
            service.capture_option(ws, "Too early")
        assert () == service.meeting_view(ws).capture.options

    def test_a_participant_named_is_refused_without_echo(self, ws: Workspace) -> None:
        to_round(ws, RoundName.INTERESTS)
        name = pool()[1].name
        with pytest.raises(BlockingFindingError) as caught:
            service.capture_item(ws, "A", ItemKind.FEAR, f"{name} fears reprisals")
        assert "field 'text'" in str(caught.value)
        assert name.split()[0] not in str(caught.value)
        assert name.split()[1] not in str(caught.value)
        assert () == service.meeting_view(ws).capture.items

    def test_references_are_checked(self, ws: Workspace) -> None:
        to_round(ws, RoundName.INTERESTS)
        with pytest.raises(BadInputError, match="not a party"):
            service.capture_item(ws, "Z", ItemKind.INTEREST, "x")
        to_round(ws, RoundName.OPTIONS)
        with pytest.raises(BadInputError, match="not a captured interest"):
            service.capture_option(ws, "t", serves=["i9"])
        to_round(ws, RoundName.CONSEQUENCES)
        with pytest.raises(BadInputError, match="not a captured option"):
            service.capture_consequence(ws, ConsequenceTest("o9", "A", gains="g"))

    def test_a_second_test_in_one_meeting_replaces_the_first(self, ws: Workspace) -> None:
        to_round(ws, RoundName.OPTIONS)
        service.capture_option(ws, "Weekly window", code="o1")
        to_round(ws, RoundName.CONSEQUENCES)
        assert service.capture_consequence(ws, ConsequenceTest("o1", "A", gains="first"))
        assert not service.capture_consequence(ws, ConsequenceTest("o1", "A", costs="second"))
        tests = service.meeting_view(ws).capture.tests
        assert [("", "second")] == [(t.gains, t.costs) for t in tests]


class TestCarryOver:
    """A later meeting starts from what the earlier ones left open."""

    def test_the_next_meeting_inherits_and_settles(self, ws: Workspace) -> None:
        captured_meeting_one(ws)
        first = service.meeting_view(ws, 1)
        assert [("o1", ("H",)), ("o2", PARTIES)] == [
            (u.option.code, u.missing) for u in first.left_open.untested
        ]
        assert ["Who checks the log?"] == [q.text for q in first.left_open.questions]
        assert ["s1"] == [f.step.id for f in first.left_open.steps]

        service.new_meeting(ws, date(2027, 2, 22))
        second = service.meeting_view(ws, 2)
        assert first.left_open == second.carried_in

        service.start_round(ws, at=at(600))
        to_round(ws, RoundName.CONSEQUENCES)
        for party in PARTIES:
            service.capture_consequence(ws, ConsequenceTest("o2", party, gains="wells"))
        service.capture_consequence(ws, ConsequenceTest("o1", "A", gains="the platform checks"))
        service.capture_consequence(ws, ConsequenceTest("o1", "H", gains="planning"))
        left = service.meeting_view(ws, 2).left_open
        assert () == left.untested
        assert () == left.questions
        assert ["s1"] == [f.step.id for f in left.steps]


def write_ratings(path: Path, rows: list[tuple[str, str, str, int]]) -> Path:
    lines = ["option,rater,party,score", *(f"{o},{r},{p},{s}" for o, r, p, s in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def room_ratings() -> list[tuple[str, str, str, int]]:
    """12 raters. `polar`: A and H +2, B -1 (best mean, 1.0). `bridge`: +1 from all but one
    (mean 0.92). `thin`: 0 from everyone, and only two raters of H."""
    rows = []
    for party in PARTIES:
        for n in range(1, 5):
            rater = f"{party.lower()}{n}"
            rows.append(("polar", rater, party, -1 if party == "B" else 2))
            rows.append(("bridge", rater, party, 0 if rater == "b4" else 1))
            if party != "H" or n <= 2:
                rows.append(("thin", rater, party, 0))
    return rows


@pytest.fixture
def rated(ws: Workspace, tmp_path: Path) -> Workspace:
    to_round(ws, RoundName.INTERESTS)
    service.capture_item(ws, "H", ItemKind.RED_LINE, "No armed escort at the wells")
    to_round(ws, RoundName.OPTIONS)
    for code in ("polar", "bridge", "thin"):
        service.capture_option(ws, f"Option {code}", code=code)
    meeting_ratings.import_ratings(ws, write_ratings(tmp_path / "ratings.csv", room_ratings()))
    return ws


def stored_raters(ws: Workspace) -> set[str]:
    with ws.read() as conn:
        return set(conn.execute(text("SELECT pseudonym FROM rating")).scalars())


class TestRatings:
    """Ratings store a salted pseudonym and the party, never the participant id."""

    def test_ids_become_pseudonyms(self, rated: Workspace) -> None:
        raters = stored_raters(rated)
        assert 12 == len(raters)
        assert all(r.startswith("p-") and len(r) == 18 for r in raters)
        assert not raters & {c.id for c in pool()}

    def test_reimport_replaces_with_the_same_pseudonyms(
        self, rated: Workspace, tmp_path: Path
    ) -> None:
        before = stored_raters(rated)
        again = meeting_ratings.import_ratings(
            rated, write_ratings(tmp_path / "again.csv", room_ratings())
        )
        assert (again.ratings, again.replaced, again.from_ids) == (34, 34, 34)
        assert before == stored_raters(rated)
        assert ["ratings.import", "ratings.import"] == [
            e.action for e in audit_service.entries(rated) if e.action == "ratings.import"
        ]

    def test_pseudonyms_and_other_codes(self, rated: Workspace, tmp_path: Path) -> None:
        mine = sorted(stored_raters(rated))[0]
        done = meeting_ratings.import_ratings(
            rated,
            write_ratings(tmp_path / "r.csv", [("polar", mine, "A", 1), ("polar", "x7f3", "B", 0)]),
        )
        raters = stored_raters(rated)
        assert mine in raters
        assert "x7f3" not in raters
        assert (2, 0) == (done.raters, done.from_ids)

    def test_the_salt_is_per_workspace(self, rated: Workspace, tmp_path: Path) -> None:
        other = open_workspace(tmp_path / "other.bch", "pw", create=True)
        dialogue_service.init_dialogue(other, Dialogue(title="Another dialogue"))
        dialogue_service.save_candidates(other, pool())
        service.new_meeting(other, date(2027, 1, 18))
        to_round(other, RoundName.OPTIONS)
        for code in ("polar", "bridge", "thin"):
            service.capture_option(other, f"Option {code}", code=code)
        meeting_ratings.import_ratings(other, write_ratings(tmp_path / "o.csv", room_ratings()))
        assert not stored_raters(rated) & stored_raters(other)

    def test_bad_rows_name_row_and_field_and_write_nothing(
        self, rated: Workspace, tmp_path: Path
    ) -> None:
        before = stored_raters(rated)
        cases = {
            "option": [("polar", "a1", "A", 1), ("nope", "a2", "A", 1)],
            "party": [("polar", "a1", "A", 1), ("polar", "a2", "B", 1)],
        }
        for field, rows in cases.items():
            with pytest.raises(BadInputError) as caught:
                meeting_ratings.import_ratings(rated, write_ratings(tmp_path / "bad.csv", rows))
            assert (3, field) == (caught.value.row, caught.value.field)
            assert "a2" not in str(caught.value)
        assert before == stored_raters(rated)

    def test_the_same_rater_twice_through_id_and_pseudonym(
        self, rated: Workspace, tmp_path: Path
    ) -> None:
        pseudo = meeting_ratings.pseudonym(self.salt(rated), "a1")
        rows = [("polar", "a1", "A", 1), ("polar", pseudo, "A", 2)]
        with pytest.raises(BadInputError, match="same rater"):
            meeting_ratings.import_ratings(rated, write_ratings(tmp_path / "twice.csv", rows))

    @staticmethod
    def salt(ws: Workspace) -> str:
        with ws.read() as conn:
            return str(conn.execute(text("SELECT salt FROM rater_salt")).scalar_one())


class TestStoredSupport:
    """The support ranking from stored ratings, with party figures under 3 raters withheld."""

    def test_polarising_best_mean_ranks_below_bridging(self, rated: Workspace) -> None:
        table = meeting_ratings.stored_support(rated).report.table
        by = {o.option: o for o in table.options}
        assert max(o.mean or -9 for o in table.options) == by["polar"].mean
        assert by["bridge"].rank < by["polar"].rank
        assert 1 == by["bridge"].rank
        assert pytest.approx(-1.0) == by["polar"].support

    def test_two_raters_of_a_party_are_never_shown(self, rated: Workspace) -> None:
        found = meeting_ratings.stored_support(rated)
        thin = next(o for o in found.report.table.options if o.option == "thin")
        assert {"A", "B"} == set(thin.party_means())
        assert 8 == thin.n  # the two H ratings are too few to count even in the mean
        assert 2 == found.pending  # ...and wait, as fewer than three changes of one party

    def test_no_ratings_is_said(self, ws: Workspace) -> None:
        service.start_round(ws, at=at(0))
        with pytest.raises(NotFoundError, match="no ratings"):
            meeting_ratings.stored_support(ws)


class TestMeetingFileAndRecord:
    """The demo's meeting file loads whole; a bad one writes nothing; the record passes
    the gate with its two pictures."""

    def test_demo_meeting_loads(self, tmp_path: Path, demo_dir: Path) -> None:
        ws = open_workspace(tmp_path / "demo.bch", "pw", create=True)
        dialogue_service.init_dialogue(ws, read_dialogue(demo_dir / "dialogue.toml"))
        dialogue_service.save_candidates(ws, read_candidates(demo_dir / "candidates.csv"))
        view = load_meeting_file(ws, demo_dir / "meeting1.toml")
        assert view.progress.finished
        assert all(n > 0 for n in view.capture.counts().values())
        assert 1 == len(view.progress.backs())
        assert not view.left_open.empty

    def test_a_skipped_round_writes_nothing(self, ws: Workspace, tmp_path: Path) -> None:
        bad = tmp_path / "m.toml"
        bad.write_text(
            'meeting = 1\n[[round]]\nname = "framing"\n[[round.framing]]\ntext = "x"\n'
            '[[round]]\nname = "options"\n',
            encoding="utf-8",
        )
        with pytest.raises(BadInputError) as caught:
            load_meeting_file(ws, bad)
        assert ("m.toml", "round[2].name") == (caught.value.file, caught.value.field)
        assert not service.meeting_view(ws).progress.started

    def test_record_with_pictures(self, rated: Workspace, tmp_path: Path) -> None:
        to_round(rated, RoundName.PACKAGING)
        written = export_meeting_record(rated, tmp_path / "out")
        assert ["meeting-interests.png", "meeting-record.pdf", "meeting-support.png"] == sorted(
            p.name for p in written
        )
        pdf = PdfReader(tmp_path / "out" / "meeting-record.pdf")
        body = "\n".join(page.extract_text() or "" for page in pdf.pages)
        assert "too few" in body
        assert "Option bridge" in body
        assert [img for page in pdf.pages for img in page.images]
        for cand in pool():
            assert cand.name.split()[-1] not in body
