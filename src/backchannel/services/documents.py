"""The only export door: every document is scanned by the gate before a byte is written.

A document is described by its data (every string the reader will see, grouped by section)
and a `produce` function that renders the bytes. The gate scans the data, section by
section and paragraph by paragraph, against everyone in the candidate pool. A finding that
points to a participant stops the export with a message naming the document, the section,
the paragraph, the kind of finding and a finding id, never the name itself. A facilitator
may approve one finding id as intended (`backchannel gate approve`); the approval is kept
in the workspace and in the audit trail.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backchannel.atomic import write_atomic
from backchannel.domain.documents import DocumentKind, language_tag
from backchannel.domain.errors import BadInputError, BlockingFindingError
from backchannel.domain.people import Candidate
from backchannel.gate import Finding, Gate
from backchannel.gate.fold import fold
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.workspace import Workspace
from backchannel.store import approvals_repository, repository

MAX_SHOWN = 5
_FINDING_ID = re.compile(r"^[0-9a-f]{12}$")


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A document on its way out."""

    filename: str
    kind: DocumentKind
    data: Mapping[str, Any]
    produce: Callable[[], bytes]
    extra_text: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Blocked:
    """Where a finding is, what kind it is, and its id: never the text it found."""

    document: str
    section: str
    paragraph: int
    kind: str
    finding_id: str

    def describe(self) -> str:
        return (
            f"{self.document}: section '{self.section}', paragraph {self.paragraph}: "
            f"a participant's {self.kind} (finding {self.finding_id})"
        )


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def sections(doc: Outgoing) -> Iterator[tuple[str, list[str]]]:
    """Every visible string of the document, by top-level section."""
    for key, value in doc.data.items():
        yield key, list(_strings(value))
    for key, text in doc.extra_text.items():
        yield key, [p for p in text.split("\n\n") if p.strip()]


def finding_id(document: str, finding: Finding) -> str:
    """A stable id for one finding in one document, that does not reveal the text. The same
    in each language of the document (`nonpaper.pdf`, `nonpaper.ar.pdf`): what a person
    wrote stays as written in all of them, so one approval covers it in each."""
    document = language_tag(document)[0]
    key = "\0".join((document, finding.participant or "", finding.kind, fold(finding.text)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def gate_document(
    doc: Outgoing, gate: Gate, approved: frozenset[str] = frozenset()
) -> list[Blocked]:
    blocked: list[Blocked] = []
    for section, paragraphs in sections(doc):
        for number, paragraph in enumerate(paragraphs, 1):
            for hit in gate.scan(paragraph):
                if hit.participant is None:
                    continue
                fid = finding_id(doc.filename, hit)
                if fid not in approved:
                    blocked.append(Blocked(doc.filename, section, number, hit.kind, fid))
    return blocked


def export_documents(
    docs: Sequence[Outgoing],
    outdir: Path,
    roster: Sequence[Candidate],
    *,
    approved: frozenset[str] = frozenset(),
) -> list[Path]:
    """Gate every document first; only when all pass, render each and write them all."""
    gate = Gate(roster)
    problems = [b for doc in docs for b in gate_document(doc, gate, approved)]
    if problems:
        shown = "; ".join(b.describe() for b in problems[:MAX_SHOWN])
        more = f" and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
        raise BlockingFindingError(
            f"the non-attribution gate stopped the export, nothing was written: {shown}{more}. "
            "Neutralise the text, or approve a finding as intended with "
            "'backchannel gate approve FINDING --document NAME --reason ...'."
        )
    rendered = [(doc.filename, doc.produce()) for doc in docs]  # all or nothing
    return [write_atomic(outdir / name, data) for name, data in rendered]


def export_from_workspace(
    ws: Workspace, docs: Sequence[Outgoing], outdir: Path, actor: str = "cli"
) -> list[Path]:
    """The door for a workspace: gate against its pool, honour approvals, audit each export."""
    with ws.read() as conn:
        pool = repository.load_candidates(conn)
        approved = approvals_repository.approved_ids(conn)
    written = export_documents(docs, outdir, pool, approved=approved)
    with ws.begin() as conn:
        for path in written:
            audit_service.record(
                conn,
                actor=actor,
                action="export",
                subject=path.name,
                details={"bytes": path.stat().st_size},
                now=_clock.now(),
            )
    return written


def approve_finding(
    ws: Workspace, finding: str, document: str, reason: str, actor: str = "cli"
) -> bool:
    """Approve one finding as intended; recorded in the workspace and the audit trail."""
    if not _FINDING_ID.match(finding):
        raise BadInputError(
            f"'{finding[:20]}' is not a finding id (12 hex digits)", field="finding"
        )
    if not reason.strip():
        raise BadInputError("say why this finding is intended", field="reason")
    with ws.begin() as conn:
        added = approvals_repository.add_approval(conn, finding, document, reason, _clock.now())
        if added:
            audit_service.record(
                conn,
                actor=actor,
                action="gate.approve",
                subject=document,
                details={"finding": finding, "reason": reason},
                now=_clock.now(),
            )
    return added
