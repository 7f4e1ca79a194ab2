"""Every repository writes records and reads back equal ones, on SQLCipher and PostgreSQL.

The values are chosen to catch what differs between the two: accented names, `False`
booleans, NULLs, exact floats, dates, naive datetimes, and ids that the store numbers.
"""

from __future__ import annotations

from datetime import date, datetime

from backchannel.domain.brief import (
    Figure,
    GeometryKind,
    LegalKind,
    LegalProvision,
    MapFeature,
    MapStyle,
    PartyView,
    TimelineEntry,
)
from backchannel.domain.capture import (
    ConsequenceTest,
    Framing,
    FramingKind,
    ItemKind,
    PackageRecord,
    PackageStep,
    PartyItem,
)
from backchannel.domain.dialogue import Dialogue, Interlocutor, Meeting, Party
from backchannel.domain.indicators import Event
from backchannel.domain.meetings import Agenda, MoveKind, RoundMove, default_agenda
from backchannel.domain.neutrality import ContestedPlace, LoadedTerm, PlaceName, TermKind
from backchannel.domain.options import Option, Package, Rating
from backchannel.domain.people import Candidate, Category, Consent
from backchannel.domain.ripeness import Confidence, Element, ElementScore, PartyAssessment
from backchannel.domain.rounds import Round, RoundName
from backchannel.domain.scope import Scope
from backchannel.domain.steps import Step, StepStatus
from backchannel.services.workspace import Workspace
from backchannel.store import (
    approvals_repository,
    brief_repository,
    ground_rules_repository,
    meetings_repository,
    repository,
    roster_repository,
    tables,
)

NOW = datetime(2027, 1, 18, 9, 30, 15)
DAY = date(2027, 1, 18)

DIALOGUE = Dialogue(
    title="Sarn corridor: humanitarian access triggers",
    convenor="Centre for Quiet Diplomacy",
    parties=(Party("A", "Government of Arvenia"), Party("B", "Sarn Authority")),
    interlocutors=(
        Interlocutor("envoy", "Special Envoy's office"),
        Interlocutor("mfa", "MFA", "A"),
    ),
    meetings=(Meeting(1, DAY, 2, "Port Idris"), Meeting(2, date(2027, 3, 1), 3)),
)
CANDIDATES = (
    Candidate(
        id="c001",
        name="Ngozi Adébáyọ̀-Okonkwo",
        party="A",
        category=Category.COMMUNITY_VOICE,
        gender="F",
        affiliation="Halvik Women's Water Committee",
        title="Chair",
        aliases=("Mama Ngozi", "N. Okonkwo"),
        channels=("envoy",),
        conflicts=("c002",),
        available=False,
        priority=7,
    ),
    Candidate(id="c002", name="Łukasz Ørsted", party="B", category=Category.TECHNICAL_EXPERT),
)


def scores() -> tuple[ElementScore, ...]:
    return tuple(
        ElementScore(element, i % 4, f"evidence {i}" if i % 4 else "", Confidence.HIGH)
        for i, element in enumerate(Element)
    )


def by_element(a: PartyAssessment) -> tuple[object, ...]:
    return (a.party, a.assessed_on, a.indicators_seen, sorted(a.scores, key=lambda s: s.element))


class TestDialogueRepository:
    """The dialogue, candidates, roster, scope, ripeness and events."""

    def test_dialogue(self, any_store: Workspace) -> None:
        with any_store.begin() as conn:
            repository.save_dialogue(conn, DIALOGUE, NOW)
            repository.save_dialogue(conn, DIALOGUE, NOW)  # a second save updates
        with any_store.read() as conn:
            assert DIALOGUE == repository.load_dialogue(conn)
            assert 1 == repository.count(conn, tables.dialogue)

    def test_candidates_and_roster(self, any_store: Workspace) -> None:
        with any_store.begin() as conn:
            assert (2, 0) == repository.upsert_candidates(conn, CANDIDATES)
            repository.set_roster(conn, ["c002", "c001"])
        with any_store.read() as conn:
            assert CANDIDATES == repository.load_candidates(conn)
            assert ("c001", "c002") == repository.roster_ids(conn)

    def test_roster_changes(self, any_store: Workspace) -> None:
        with any_store.begin() as conn:
            repository.upsert_candidates(conn, CANDIDATES)
            assert roster_repository.add_participant(conn, "c001")
            assert not roster_repository.add_participant(conn, "c001")
            assert roster_repository.add_participant(conn, "c002")
            assert roster_repository.remove_participant(conn, "c002")
            assert not roster_repository.remove_participant(conn, "c002")
        with any_store.read() as conn:
            assert ("c001",) == repository.roster_ids(conn)

    def test_scope(self, any_store: Workspace) -> None:
        scope = Scope("Access triggers in the Sarn corridor", ("Sarn",), ("A", "B"), 90, "A test")
        with any_store.begin() as conn:
            repository.save_scope(conn, Scope("First draft"), NOW)
            repository.save_scope(conn, scope, NOW)
        with any_store.read() as conn:
            assert scope == repository.load_scope(conn)

    def test_assessments_get_numbers_from_the_store(self, any_store: Workspace) -> None:
        older = PartyAssessment("A", date(2026, 12, 1), scores(), ("fatality trend",))
        newer = PartyAssessment("A", DAY, scores())
        other = PartyAssessment("B", DAY, scores())
        with any_store.begin() as conn:
            ids = [repository.add_assessment(conn, a, NOW) for a in (older, newer, other)]
        assert 3 == len(set(ids))
        with any_store.read() as conn:
            latest = repository.latest_assessments(conn)
        # The scores come back without an ORDER BY (SQLite: by key; PostgreSQL: as written).
        assert [by_element(newer), by_element(other)] == [by_element(a) for a in latest]

    def test_events(self, any_store: Workspace) -> None:
        events = (
            Event("g1", date(2026, 5, 2), "Arvenia", "Sarn Authority", "Sarn", 12.345678, -3.5, 4),
            Event("g2", date(2026, 5, 3), "Sarn Authority", "", "", -0.1, 179.999999, 0),
        )
        with any_store.begin() as conn:
            assert 2 == repository.replace_events(conn, "ucdp", events)
        with any_store.read() as conn:
            assert events == repository.load_events(conn)
            assert "ucdp" == repository.events_layout(conn)


class TestGroundRulesAndApprovals:
    """Charter versions, consents, mix rules and approved gate findings."""

    def test_charter_and_consent(self, any_store: Workspace) -> None:
        with any_store.begin() as conn:
            repository.upsert_candidates(conn, CANDIDATES)
            ground_rules_repository.add_charter(conn, "Chatham House Rule.", DAY)
            second = ground_rules_repository.add_charter(conn, "Revised.", DAY)
            consent = Consent("c001", 2, DAY, "signed form")
            ground_rules_repository.add_consent(conn, consent, NOW)
        with any_store.read() as conn:
            assert second == ground_rules_repository.latest_charter(conn)
            assert (consent,) == ground_rules_repository.consents(conn)
            assert ground_rules_repository.has_consent(conn, "c001", 2)
            assert not ground_rules_repository.has_consent(conn, "c001", 1)

    def test_mix_rules(self, any_store: Workspace) -> None:
        with any_store.begin() as conn:
            roster_repository.save_mix_rules(conn, "[size]\nmin = 10\n", NOW)
            roster_repository.save_mix_rules(conn, "[size]\nmax = 12\n", NOW)
        with any_store.read() as conn:
            stored = roster_repository.load_mix_rules(conn)
        assert stored is not None
        assert ("[size]\nmax = 12\n", NOW) == (stored.text, stored.set_at)

    def test_gate_approvals(self, any_store: Workspace) -> None:
        with any_store.begin() as conn:
            assert approvals_repository.add_approval(conn, "f-01", "brief.pdf", "public", NOW)
            assert not approvals_repository.add_approval(conn, "f-01", "brief.pdf", "x", NOW)
        with any_store.read() as conn:
            assert frozenset({"f-01"}) == approvals_repository.approved_ids(conn)


class TestMeetingsRepository:
    """Agenda, round moves, capture in every round, the rater salt and ratings."""

    def _dialogue(self, ws: Workspace) -> None:
        with ws.begin() as conn:
            repository.save_dialogue(conn, DIALOGUE, NOW)

    def test_meetings_agenda_and_moves(self, any_store: Workspace) -> None:
        self._dialogue(any_store)
        agenda = Agenda(tuple(Round(name, 30 + 5 * i) for i, name in enumerate(RoundName)))
        moves = (
            RoundMove(MoveKind.START, RoundName.FRAMING, NOW),
            RoundMove(MoveKind.BACK, RoundName.FRAMING, NOW, reason="the room asked"),
            RoundMove(MoveKind.FINISH, None, NOW),
        )
        with any_store.begin() as conn:
            meetings_repository.add_meeting(conn, Meeting(3, date(2027, 6, 1), 1, "Online"))
            meetings_repository.save_agenda(conn, 1, default_agenda(2))
            meetings_repository.save_agenda(conn, 1, agenda)
            for move in moves:
                meetings_repository.add_move(conn, 1, move)
        with any_store.read() as conn:
            assert (1, 2, 3) == tuple(m.number for m in meetings_repository.load_meetings(conn))
            assert agenda == meetings_repository.load_agenda(conn, 1)
            assert meetings_repository.load_agenda(conn, 2) is None
            assert moves == meetings_repository.load_moves(conn, 1)
            assert (1,) == meetings_repository.started_meetings(conn)

    def test_capture(self, any_store: Workspace) -> None:
        self._dialogue(any_store)
        framing = Framing(FramingKind.REFRAMING, "Access as shared risk", "A")
        item = PartyItem("i1", "B", ItemKind.RED_LINE, "No armed escorts")
        option = Option("o1", "Joint notification cell", "A desk both sides staff", ("i1",))
        test = ConsequenceTest("o1", "A", gains="Predictability", questions=("Who funds it?",))
        package = PackageRecord("p1", Package("First steps", ("o1",)))
        step = PackageStep(
            "p1", 1, Step("s1", "Set up the cell", "The UN office", DAY, "A letter", "It meets")
        )
        with any_store.begin() as conn:
            meetings_repository.add_framing(conn, 1, Framing(FramingKind.STATEMENT, "Access"))
            meetings_repository.add_framing(conn, 1, framing)
            meetings_repository.add_item(conn, 1, item)
            meetings_repository.add_option(conn, 1, option)
            assert meetings_repository.save_test(conn, 1, ConsequenceTest("o1", "A", costs="x"))
            assert not meetings_repository.save_test(conn, 1, test)
            meetings_repository.add_package(conn, 1, package)
            assert 1 == meetings_repository.next_position(conn, "p1")
            meetings_repository.add_step(conn, 1, step)
            assert 2 == meetings_repository.next_position(conn, "p1")
        with any_store.read() as conn:
            capture = meetings_repository.load_capture(conn, 1)
            assert ((1, option),) == meetings_repository.load_options(conn)
            assert (("i1",), ("o1",), ("p1",), ("s1",)) == (
                meetings_repository.item_codes(conn),
                meetings_repository.option_codes(conn),
                meetings_repository.package_codes(conn),
                meetings_repository.step_ids(conn),
            )
            assert (capture,) == meetings_repository.load_history(conn, 1)
        assert (framing, (item,), (option,), (test,), (package,), (step,)) == (
            capture.framings[1],
            capture.items,
            capture.options,
            capture.tests,
            capture.packages,
            capture.steps,
        )
        assert StepStatus.PLANNED == capture.steps[0].step.status

    def test_salt_and_ratings(self, any_store: Workspace) -> None:
        self._dialogue(any_store)
        ratings = (
            Rating("o1", "p-0123456789abcdef", "A", 2),
            Rating("o1", "p-fedcba9876543210", "B", -2),
        )
        with any_store.begin() as conn:
            meetings_repository.add_option(conn, 1, Option("o1", "Joint notification cell"))
            meetings_repository.save_salt(conn, "ab" * 32, NOW)
            meetings_repository.replace_ratings(conn, 1, ratings[:1])
            assert 2 == meetings_repository.replace_ratings(conn, 1, ratings)
        with any_store.read() as conn:
            assert "ab" * 32 == meetings_repository.load_salt(conn)
            assert ratings == meetings_repository.load_ratings(conn, 1)
            assert (1,) == meetings_repository.rated_meetings(conn)


class TestBriefRepository:
    """Map layers, timeline, legal register, figures, places, terms and numbered copies."""

    def test_evidence(self, any_store: Workspace) -> None:
        feature = MapFeature(
            "control",
            "Sarn district",
            GeometryKind.AREA,
            '{"type": "Polygon", "coordinates": []}',
            MapStyle(fill="#aa0000", fill_opacity=0.25),
            party="B",
            source="OCHA",
            origin="neutral",
            as_of=DAY,
        )
        entry = TimelineEntry(
            DAY, "Crossing closed", "UN", views=(PartyView("A", "«temporary»"),), month_only=True
        )
        legal = LegalProvision("Geneva IV", "Art. 23", "Free passage", "Relief", LegalKind.TREATY)
        figure = Figure("Sarn", "WASH", DAY, affected=120_000, in_need=None, reached=0)
        place = ContestedPlace((PlaceName("Sarn", "A"), PlaceName("Sarnë", "B")), "contested")
        term = LoadedTerm("terrorists", TermKind.DELEGITIMISATION, "armed group")
        with any_store.begin() as conn:
            brief_repository.replace_features(conn, [feature, feature])
            assert 1 == brief_repository.replace_features(conn, [feature])
            brief_repository.replace_timeline(conn, [entry])
            brief_repository.replace_legal(conn, [legal])
            brief_repository.replace_figures(conn, [figure])
            brief_repository.replace_places(conn, [place])
            brief_repository.replace_terms(conn, [term])
        with any_store.read() as conn:
            assert (feature,) == brief_repository.load_features(conn)
            assert (entry,) == brief_repository.load_timeline(conn)
            assert (legal,) == brief_repository.load_legal(conn)
            assert (figure,) == brief_repository.load_figures(conn)
            assert (place,) == brief_repository.load_places(conn)
            assert (term,) == brief_repository.load_terms(conn)

    def test_numbered_copies(self, any_store: Workspace) -> None:
        with any_store.begin() as conn:
            brief_repository.add_copy(conn, "K7Q2", "c001", 1, NOW)
            brief_repository.add_copy(conn, "M3X9", "c002", 2, NOW)
        with any_store.read() as conn:
            assert {"c001": ("K7Q2", 1), "c002": ("M3X9", 2)} == brief_repository.copy_codes(conn)
            assert ("c002", 2) == brief_repository.copy_holder(conn, "M3X9")
            assert brief_repository.copy_holder(conn, "NONE") is None
