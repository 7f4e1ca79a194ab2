"""The documents folder the workbench serves: render into it through the one export door,
list what each account may read, and hand a file to an account that may read it.

Which file is whose follows its name (domain/accounts.py `shelf_of`): the non-paper for
observers, `aide-memoire-<code>.*` for the interlocutor with that code, a participant's
numbered copy of the brief for that participant, everything for facilitators. Every
download is audited with the account's handle.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from backchannel.domain.accounts import Account, Role, Shelf, may_read, shelf_of
from backchannel.domain.errors import BlockingFindingError, NotFoundError
from backchannel.gate import Gate
from backchannel.i18n import day, gettext, ngettext
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.aide_memoire import register
from backchannel.services.brief import check_brief
from backchannel.services.catalogue import build_all
from backchannel.services.documents import Blocked, export_from_workspace, gate_document
from backchannel.services.workspace import Workspace
from backchannel.store import approvals_repository, brief_repository, repository

_NOT_SERVED = (".bch", ".building", ".tmp", ".part")


@dataclass(frozen=True, slots=True)
class DocumentFile:
    name: str
    shelf: Shelf
    size: int
    modified: datetime


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """One document as the gate saw it before anything was written."""

    filename: str
    kind: str
    blocked: tuple[Blocked, ...]


@dataclass(frozen=True, slots=True)
class LintLine:
    """A neutrality finding of the brief, and whether a facilitator approved it."""

    finding_id: str
    text: str
    approved: bool
    blocks: bool = True  # False for a note (an attributed use, a passage not checked)


@dataclass(frozen=True, slots=True)
class RenderOutcome:
    checks: tuple[DocumentCheck, ...]
    written: tuple[str, ...]
    stopped: str  # why nothing was written ("" when everything was)
    lint: tuple[LintLine, ...] = ()


def _served(path: Path) -> bool:
    return (
        path.is_file()
        and not path.is_symlink()
        and not path.name.startswith(".")
        and not path.name.endswith(_NOT_SERVED)
    )


def list_files(folder: Path) -> tuple[DocumentFile, ...]:
    """Every document file in the folder, by name (the workspace itself is never listed)."""
    if not folder.is_dir():
        return ()
    out = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if _served(path):
            stat = path.stat()
            out.append(
                DocumentFile(
                    name=path.name,
                    shelf=shelf_of(path.name).shelf,
                    size=stat.st_size,
                    modified=datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None),
                )
            )
    return tuple(out)


def copies_of(ws: Workspace, account: Account) -> frozenset[str]:
    """The codes of the numbered copies issued to the account's person or office: a
    participant's copy of the brief, an interlocutor's copies of the aide-memoire."""
    if account.role is Role.PARTICIPANT and account.candidate is not None:
        with ws.read() as conn:
            found = brief_repository.copy_codes(conn).get(account.candidate)
        return frozenset({found[0]} if found else ())
    if account.role is Role.INTERLOCUTOR and account.interlocutor is not None:
        return frozenset(
            line.code for line in register(ws) if line.interlocutor == account.interlocutor
        )
    return frozenset()


def brief_copies(ws: Workspace) -> dict[str, tuple[str, int]]:
    """copy code -> (candidate id, copy number) of every numbered copy of the brief."""
    with ws.read() as conn:
        issued = brief_repository.copy_codes(conn)
    return {code: (candidate, number) for candidate, (code, number) in issued.items()}


def files_for(ws: Workspace, folder: Path, account: Account) -> tuple[DocumentFile, ...]:
    """The files `account` may read."""
    copies = copies_of(ws, account)
    return tuple(f for f in list_files(folder) if may_read(account, f.name, copies))


def open_document(ws: Workspace, folder: Path, account: Account, name: str) -> Path:
    """The path of a file `account` may read; audited. A file that is missing and a file
    that is not theirs get the same answer, so names cannot be probed."""
    refused = NotFoundError(f"no document '{name[:80]}' for this account")
    if "/" in name or "\\" in name or "\x00" in name or name in {"", ".", ".."}:
        raise refused
    if len(name.encode("utf-8", "surrogatepass")) > 255:  # longer than any file name may be
        raise refused
    path = folder / name
    if not _served(path) or not may_read(account, name, copies_of(ws, account)):
        raise refused
    audit_service.record(
        ws,
        actor=account.handle,
        action="document.download",
        subject=name[:200],
        details={"bytes": path.stat().st_size},
    )
    return path


def brief_lint(ws: Workspace) -> tuple[LintLine, ...]:
    """The neutrality linter's findings on the brief as it would be built now."""
    return tuple(
        LintLine(f.finding_id, f.describe(), approved, f.finding.blocks)
        for f, approved in check_brief(ws)
    )


def render_documents(ws: Workspace, folder: Path, actor: str) -> RenderOutcome:
    """Build every document the workspace holds enough for, gate each one, and write them
    all (through the export door) only when none is blocked. A check that stops a document
    before the gate (the brief's neutrality linter, the steps check of the non-paper)
    stops the whole render with its message."""
    with tempfile.TemporaryDirectory(prefix="backchannel-web-") as tmp:
        try:
            docs = build_all(ws, Path(tmp))
        except BlockingFindingError as error:
            lint = brief_lint(ws) if "neutrality" in str(error) else ()
            return RenderOutcome((), (), str(error), lint)
        with ws.read() as conn:
            pool = repository.load_candidates(conn)
            approved = approvals_repository.approved_ids(conn)
        gate = Gate(pool)
        checks = tuple(
            DocumentCheck(d.filename, d.kind.value, tuple(gate_document(d, gate, approved)))
            for d in docs
        )
        if any(c.blocked for c in checks):
            stopped = sum(1 for c in checks if c.blocked)
            return RenderOutcome(
                checks,
                (),
                f"the non-attribution gate stopped {stopped} document(s); nothing was written",
            )
        folder.mkdir(parents=True, exist_ok=True)
        try:
            written = export_from_workspace(ws, docs, folder, actor=actor)
        except BlockingFindingError as error:  # the door gates again: same answer, or a race
            return RenderOutcome(checks, (), str(error))
    return RenderOutcome(checks, tuple(p.name for p in written), "")


def rendered_at(folder: Path) -> datetime | None:
    files = list_files(folder)
    return max((f.modified for f in files), default=None)


def age_note(when: datetime | None) -> str:
    if when is None:
        return gettext("nothing rendered yet")
    minutes = int((_clock.now() - when).total_seconds() // 60)
    if minutes < 1:
        return gettext("rendered just now")
    if minutes < 120:
        return ngettext("rendered %(num)s min ago", "rendered %(num)s min ago", minutes) % {
            "num": minutes
        }
    return gettext("rendered %(day)s %(time)s UTC") % {"day": day(when), "time": f"{when:%H:%M}"}
