"""Roles, handles, passwords, and which document file each role may read."""

from __future__ import annotations

import pytest

from backchannel.domain.accounts import (
    Account,
    Role,
    Shelf,
    check_password,
    may_read,
    parse_role,
    shelf_of,
)
from backchannel.domain.errors import BadInputError

FILES = (
    "nonpaper.pdf",
    "nonpaper.docx",
    "aide-memoire-K7Q2MX.pdf",
    "aide-memoire-Z9Z9Z9.pdf",
    "brief.pdf",
    "brief.html",
    "brief-4EFPTX.pdf",
    "brief-88PUNR.pdf",
    "roster-report.pdf",
    "scope-and-ripeness.md",
    "steps.ics",
)


class TestShelves:
    """A file's name says whose it is."""

    @pytest.mark.parametrize(
        ("name", "shelf", "code"),
        [
            ("nonpaper.pdf", Shelf.NON_PAPER, None),
            ("non-paper.md", Shelf.NON_PAPER, None),
            ("aide-memoire-K7Q2MX.pdf", Shelf.AIDE_MEMOIRE, "K7Q2MX"),
            ("brief.pdf", Shelf.BRIEF, None),
            ("brief-4EFPTX.pdf", Shelf.BRIEF_COPY, "4EFPTX"),
            ("brief-4EFPTX.pdf.exe", Shelf.FACILITATORS, None),
            ("meeting-record.pdf", Shelf.FACILITATORS, None),
            ("nonpaper-draft-by-c001.pdf", Shelf.FACILITATORS, None),
        ],
    )
    def test_shelf(self, name: str, shelf: Shelf, code: str | None) -> None:
        found = shelf_of(name)
        assert (shelf, code) == (found.shelf, found.code)


def readable(account: Account, copies: tuple[str, ...] = ()) -> set[str]:
    return {f for f in FILES if may_read(account, f, copies)}


class TestWhoReadsWhat:
    """Each role reads exactly what its work needs."""

    def test_facilitator_reads_everything(self) -> None:
        assert set(FILES) == readable(Account("facilitator", Role.FACILITATOR))

    def test_observer_reads_the_non_paper(self) -> None:
        assert {"nonpaper.pdf", "nonpaper.docx"} == readable(Account("observer", Role.OBSERVER))

    def test_participant_reads_only_their_copy(self) -> None:
        account = Account("participant-a", Role.PARTICIPANT, candidate="c001")
        assert {"brief-4EFPTX.pdf"} == readable(account, ("4efptx",))

    def test_participant_without_a_copy_reads_nothing(self) -> None:
        account = Account("participant-a", Role.PARTICIPANT, candidate="c001")
        assert set() == readable(account)

    def test_interlocutor_reads_only_its_copy(self) -> None:
        account = Account("interlocutor", Role.INTERLOCUTOR, interlocutor="a-access")
        assert {"aide-memoire-K7Q2MX.pdf"} == readable(account, ("K7Q2MX",))

    def test_a_participants_code_opens_no_aide_memoire(self) -> None:
        account = Account("participant-a", Role.PARTICIPANT, candidate="c001")
        assert set() == readable(account, ("K7Q2MX",))

    def test_rapporteur_reads_nothing(self) -> None:
        assert set() == readable(Account("rapporteur", Role.RAPPORTEUR))

    def test_a_disabled_account_reads_nothing(self) -> None:
        assert set() == readable(Account("facilitator", Role.FACILITATOR, active=False))


class TestAccountRecord:
    """Handles are role-like identifiers; links fit the role."""

    @pytest.mark.parametrize("handle", ["Nadia Haddad", "x", "-lead", "a" * 65, "é-lead"])
    def test_bad_handles(self, handle: str) -> None:
        with pytest.raises(BadInputError) as caught:
            Account(handle, Role.OBSERVER)
        assert "handle" == caught.value.field

    @pytest.mark.parametrize(
        ("role", "candidate", "interlocutor", "field"),
        [
            (Role.PARTICIPANT, None, None, "candidate"),
            (Role.INTERLOCUTOR, None, None, "interlocutor"),
            (Role.OBSERVER, "c001", None, "candidate"),
            (Role.FACILITATOR, None, "a-access", "interlocutor"),
        ],
    )
    def test_links(
        self, role: Role, candidate: str | None, interlocutor: str | None, field: str
    ) -> None:
        with pytest.raises(BadInputError) as caught:
            Account("someone-1", role, candidate, interlocutor)
        assert field == caught.value.field

    def test_short_password(self) -> None:
        with pytest.raises(BadInputError) as caught:
            check_password("short")
        assert "password" == caught.value.field

    def test_parse_role(self) -> None:
        assert Role.RAPPORTEUR == parse_role(" Rapporteur ")
        with pytest.raises(BadInputError):
            parse_role("chair")
