"""Accounts of the browser workbench, their roles, and which document files each may read.

Five roles, each seeing only what its work needs (DESIGN.md, issue 9):

- facilitator: everything;
- rapporteur: the meeting console, to capture points in the rounds;
- participant: the portal: their own numbered copy of the brief, proposing options and
  rating them anonymously; linked to the candidate id they hold on the roster;
- interlocutor: only their own numbered copy of the aide-memoire; linked to an
  interlocutor code of the dialogue;
- observer: the non-paper.

A handle is what the audit trail records as the actor, so it must be a handle and never a
person's name (the services also run it through the non-attribution gate).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection
from dataclasses import dataclass

from backchannel.domain.documents import language_tag
from backchannel.domain.errors import BadInputError

HANDLE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 12
MAX_PASSWORD = 1024


class Role(enum.StrEnum):
    FACILITATOR = "facilitator"
    RAPPORTEUR = "rapporteur"
    PARTICIPANT = "participant"
    INTERLOCUTOR = "interlocutor"
    OBSERVER = "observer"


@dataclass(frozen=True, slots=True)
class Account:
    """Who may log in, in which role, and (for two roles) which person or office they are."""

    handle: str
    role: Role
    candidate: str | None = None  # participant: their candidate id
    interlocutor: str | None = None  # interlocutor: the dialogue's interlocutor code
    active: bool = True
    language: str | None = None  # the workbench's language for this account (None: the browser's)

    def __post_init__(self) -> None:
        check_handle(self.handle)
        check_link(self.role, self.candidate, self.interlocutor)


def check_handle(handle: str) -> None:
    if not HANDLE.match(handle):
        raise BadInputError(
            "a handle is 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter or digit",
            field="handle",
        )


def check_link(role: Role, candidate: str | None, interlocutor: str | None) -> None:
    """A participant is linked to a candidate id, an interlocutor to an interlocutor code,
    and nobody else to either."""
    if role is Role.PARTICIPANT and not candidate:
        raise BadInputError("a participant account needs the candidate id", field="candidate")
    if role is Role.INTERLOCUTOR and not interlocutor:
        raise BadInputError(
            "an interlocutor account needs the interlocutor code", field="interlocutor"
        )
    if role is not Role.PARTICIPANT and candidate:
        raise BadInputError(f"a {role} account is not linked to a candidate", field="candidate")
    if role is not Role.INTERLOCUTOR and interlocutor:
        raise BadInputError(
            f"a {role} account is not linked to an interlocutor", field="interlocutor"
        )


def check_password(password: str) -> None:
    """At least 12 characters: a passphrase of a few words is easier and stronger."""
    if len(password) < MIN_PASSWORD:
        raise BadInputError(
            f"a password needs at least {MIN_PASSWORD} characters (a few words will do)",
            field="password",
        )
    if len(password) > MAX_PASSWORD:
        raise BadInputError(f"a password has at most {MAX_PASSWORD} characters", field="password")


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        raise BadInputError(
            f"'{value[:40]}' is not a role ({', '.join(r.value for r in Role)})", field="role"
        ) from None


# --- which document files a role may read ---------------------------------------------------


class Shelf(enum.StrEnum):
    """What a file in the documents folder is, by its name."""

    NON_PAPER = "non_paper"
    AIDE_MEMOIRE = "aide_memoire"  # `aide-memoire-<copy code>.pdf`: one interlocutor's copy
    BRIEF = "brief"  # `brief.pdf`, `brief.html`: the master, for facilitators
    BRIEF_COPY = "brief_copy"  # `brief-<copy code>.pdf`: one participant's numbered copy
    FACILITATORS = "facilitators"  # everything else: notes, reports, records, charts


_AIDE = re.compile(r"^aide-memoire-(?P<code>[A-Za-z0-9]+)\.[a-z0-9]+$")
_NON_PAPER = re.compile(r"^non-?paper\.[a-z0-9]+$")
_BRIEF = re.compile(r"^brief\.[a-z0-9]+$")
_BRIEF_COPY = re.compile(r"^brief-(?P<code>[A-Za-z0-9]+)\.[a-z0-9]+$")


@dataclass(frozen=True, slots=True)
class FileShelf:
    shelf: Shelf
    code: str | None = None  # the copy code of a numbered copy


def shelf_of(filename: str) -> FileShelf:
    """Sort a document file by its name; anything not named for a reader is for
    facilitators. A copy in another working language (`aide-memoire-K7Q2.ar.pdf`) is on
    the same shelf as the first (`aide-memoire-K7Q2.pdf`)."""
    filename = language_tag(filename)[0]
    name = filename.lower()
    if _NON_PAPER.match(name):
        return FileShelf(Shelf.NON_PAPER)
    for pattern, shelf in ((_AIDE, Shelf.AIDE_MEMOIRE), (_BRIEF_COPY, Shelf.BRIEF_COPY)):
        found = pattern.match(filename)
        if found:
            return FileShelf(shelf, found.group("code"))
    if _BRIEF.match(name):
        return FileShelf(Shelf.BRIEF)
    return FileShelf(Shelf.FACILITATORS)


def may_read(account: Account, filename: str, copies: Collection[str] = ()) -> bool:
    """Whether `account` may read the document file `filename`. `copies` holds the codes
    of the numbered copies issued to this account's person or office (a participant's copy
    of the brief, an interlocutor's copies of the aide-memoire)."""
    if not account.active:
        return False
    found = shelf_of(filename)
    role = account.role
    if role is Role.FACILITATOR:
        return True
    if role is Role.OBSERVER:
        return found.shelf is Shelf.NON_PAPER
    mine = {c.upper() for c in copies}
    own_copy = found.code is not None and found.code.upper() in mine
    if role is Role.INTERLOCUTOR:
        return found.shelf is Shelf.AIDE_MEMOIRE and own_copy
    if role is Role.PARTICIPANT:
        return found.shelf is Shelf.BRIEF_COPY and own_copy
    return False  # the rapporteur captures; documents are not theirs to take away
