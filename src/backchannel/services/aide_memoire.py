"""The aide-mémoire (DESIGN.md invariant 4): one confidential, numbered copy per named
interlocutor, each with a fingerprint of its own, recorded in a register.

A copy shows its number ("Copy 3 of 6") and carries three marks of its code: the wordings
its code picks in every slot sentence (services/_aide_memoire_words.py), the code in the
PDF's keywords, and the code in white 1-point text on each section. The register keeps, for
each copy, the interlocutor's code (an office, never a person), the copy's number and the
wordings it was drawn from, so `backchannel trace` can name the copy a leak came from.

Copies are registered when they are built (before the gate), once per edition (the
meeting whose packages they carry) and interlocutor: rendering again keeps each copy's code
and number.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from backchannel.domain.dialogue import Dialogue, Meeting
from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import NotFoundError
from backchannel.domain.fingerprint import best_code
from backchannel.gate import Gate
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _aide_memoire_words as words
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.documents import Outgoing, export_from_workspace
from backchannel.services.outputs import Packaged, issue_date, long_date, packaged
from backchannel.services.workspace import Workspace
from backchannel.store import meetings_repository, repository
from backchannel.store.outputs_repository import (
    CopyRecord,
    add_copy,
    copy_codes,
    load_copies,
    update_slots,
)

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
CODES_TRIED = 24  # fresh codes compared for each new copy: the most distinct one is kept
MARK = "bc"
HEADINGS = {
    "purpose": "Purpose",
    "summary": "Summary of the discussion",
    "package": "The package",
    "steps": "Steps, in sequence",
    "sensitivities": "Sensitivities each party raised",
    "asks": "What is asked of the reader",
}


def filename(code: str) -> str:
    return f"aide-memoire-{code}.pdf"


def edition_of(meeting: int) -> str:
    return f"meeting-{meeting}"


def mark(code: str) -> str:
    """The copy's code as it appears in the PDF's keywords and hidden text."""
    return f"[{MARK}:{code}]"


def _new_code(taken: set[str]) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code


def meeting_dates(meeting: Meeting) -> str:
    first = meeting.starts
    last = date.fromordinal(first.toordinal() + meeting.days - 1)
    if meeting.days == 1:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{long_date(last)}"
    return f"{first:%-d %B} – {long_date(last)}"


def _party_labels(dialogue: Dialogue, gate: Gate) -> tuple[dict[str, str], dict[str, str]]:
    """How the text names each party, in a sentence and as a heading: by its name unless
    the gate finds that the name points to a participant (then by its code)."""
    in_text, headings = {}, {}
    for party in dialogue.parties:
        if any(f.participant is not None for f in gate.scan(party.name)):
            in_text[party.code] = f"party {party.code}"
            headings[party.code] = f"Party {party.code}"
            continue
        name = party.name
        second = name.split()[1:2]
        if second and second[0][:1].islower():
            name = name[:1].lower() + name[1:]
        in_text[party.code] = name if name.lower().startswith("the ") else f"the {name}"
        headings[party.code] = f"{party.name} (party {party.code})"
    return in_text, headings


def _source(ws: Workspace, p: Packaged, gate: Gate) -> words.Source:
    view = p.view
    number = p.meeting.number
    with ws.read() as conn:
        later = [m for m in meetings_repository.load_meetings(conn) if m.number > number]
    reaction = (
        f"before the next meeting, on {long_date(later[0].starts)}"
        if later
        else "within two weeks of receiving this copy"
    )
    in_text, headings = _party_labels(p.dialogue, gate)
    return words.Source(
        problem=p.scope.problem if p.scope else p.dialogue.title,
        dates=meeting_dates(p.meeting),
        capture=view.capture,
        progress=view.progress,
        questions=tuple(q.text for q in view.left_open.questions if q.meeting == number),
        tested=len({t.option for t in view.capture.tests}),
        party_labels=in_text,
        party_headings=headings,
        reaction_by=reaction,
    )


def copy_data(
    text: words.CopyText, code: str, to: words.Recipient, subtitle: str, today: date
) -> dict[str, Any]:
    """Every string of one copy, in the wordings its code picks (for the gate and Typst)."""
    body = words.realise(text.sections, code)
    return {
        "title": words.TITLE,
        "subtitle": subtitle,
        "marking": words.MARKING,
        "date": long_date(today),
        "copy": f"{to.number} of {to.total}",
        "copy_line": f"Copy {to.number} of {to.total}",
        "mark": mark(code),
        "keywords": ["aide-memoire", mark(code)],
        "headings": HEADINGS,
        **body,
    }


@dataclass(frozen=True, slots=True)
class IssuedCopy:
    record: CopyRecord
    recipient: words.Recipient
    data: dict[str, Any]


def issue_copies(
    ws: Workspace, p: Packaged, *, today: date, now: datetime, actor: str = "cli"
) -> list[IssuedCopy]:
    """A copy for every interlocutor of the dialogue: registered ones keep their code and
    number, new ones get a fresh code, as distinct as possible from the others' wordings."""
    dialogue = p.dialogue
    if not dialogue.interlocutors:
        raise NotFoundError(
            "the dialogue names no interlocutor to receive an aide-mémoire: add them to "
            "dialogue.toml ([[interlocutors]])"
        )
    edition = edition_of(p.meeting.number)
    with ws.read() as conn:
        gate = Gate(repository.load_candidates(conn))
        existing = {c.interlocutor: c for c in load_copies(conn, edition)}
        taken = set(copy_codes(conn))
    src = _source(ws, p, gate)
    numbers = {code: c.number for code, c in existing.items()}
    for i in dialogue.interlocutors:
        numbers.setdefault(i.code, max(numbers.values(), default=0) + 1)
    total = len(numbers)
    issued: list[IssuedCopy] = []
    fresh: list[CopyRecord] = []
    for i in dialogue.interlocutors:
        to = words.Recipient(i.code, i.name, numbers[i.code], total)
        text = words.copy_text(src, to)
        slots = text.slots
        old = existing.get(i.code)
        if old is None:
            tried = [_new_code(taken) for _ in range(CODES_TRIED)]
            others = [c.record.code for c in issued] + [c.code for c in existing.values()]
            code = best_code(tried, others, slots)
            taken.add(code)
            record = CopyRecord(code, edition, i.code, to.number, now, slots)
            fresh.append(record)
        else:
            record = CopyRecord(old.code, edition, i.code, old.number, old.issued_at, slots)
        data = copy_data(text, record.code, to, dialogue.title, today)
        issued.append(IssuedCopy(record, to, data))
    new_codes = {r.code for r in fresh}
    with ws.begin() as conn:
        for copy in issued:
            if copy.record.code in new_codes:
                add_copy(conn, copy.record)
                audit_service.record(
                    conn,
                    actor=actor,
                    action="copy.register",
                    subject=filename(copy.record.code),
                    details={
                        "edition": edition,
                        "number": copy.record.number,
                        "interlocutor": copy.record.interlocutor,
                    },
                    now=now,
                )
            else:
                update_slots(conn, copy.record.code, copy.record.slots)
    return issued


def build_aide_memoire(
    ws: Workspace,
    number: int | None = None,
    *,
    required: bool = True,
    today: date | None = None,
    now: datetime | None = None,
    actor: str = "cli",
) -> list[Outgoing]:
    """One numbered copy per interlocutor, `aide-memoire-<code>.pdf`. With
    `required=False`, nothing when no meeting has packaged options or no interlocutor is
    named."""
    try:
        p = packaged(ws, number)
        day = issue_date(today or _clock.today(), p.meeting)
        copies = issue_copies(ws, p, today=day, now=now or _clock.now(), actor=actor)
    except NotFoundError:
        if required:
            raise
        return []
    stamp = now or _clock.now()

    def outgoing(copy: IssuedCopy) -> Outgoing:
        data = copy.data
        return Outgoing(
            filename(copy.record.code),
            DocumentKind.AIDE_MEMOIRE,
            data,
            lambda: render_pdf("aide_memoire.typ", data, when=stamp),
        )

    return [outgoing(c) for c in copies]


def render_aide_memoire(
    ws: Workspace, outdir: Path, number: int | None = None, actor: str = "cli"
) -> list[Path]:
    """Register, render and write every copy, each through the gate (audited)."""
    docs = build_aide_memoire(ws, number, actor=actor)
    return export_from_workspace(ws, docs, outdir, actor=actor)


@dataclass(frozen=True, slots=True)
class CopyLine:
    """One line of the register: which office received which copy."""

    code: str
    edition: str
    number: int
    total: int
    interlocutor: str
    name: str
    issued_at: datetime


def register(ws: Workspace) -> tuple[CopyLine, ...]:
    with ws.read() as conn:
        copies = load_copies(conn)
        dialogue = repository.load_dialogue(conn)
    names = {i.code: i.name for i in (dialogue.interlocutors if dialogue else ())}
    totals: dict[str, int] = {}
    for c in copies:
        totals[c.edition] = totals.get(c.edition, 0) + 1
    return tuple(
        CopyLine(
            c.code,
            c.edition,
            c.number,
            totals[c.edition],
            c.interlocutor,
            names.get(c.interlocutor, c.interlocutor),
            c.issued_at,
        )
        for c in copies
    )
