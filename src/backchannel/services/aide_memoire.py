"""The aide-mémoire (DESIGN.md invariant 4): one confidential, numbered copy per named
interlocutor, each with a fingerprint of its own, recorded in a register.

A copy shows its number ("Copy 3 of 6") and carries three marks of its code: the wordings
its code picks in every slot sentence (services/_aide_memoire_words.py), the code in the
PDF's keywords, and the code in white 1-point text on each section. The register keeps, for
each copy, the interlocutor's code (an office, never a person), the copy's number and the
wordings it was drawn from, so `backchannel trace` can name the copy a leak came from.

A copy is written in the language being rendered (`i18n.speaking`); its code picks the same
wordings in every language, and the register keeps the wordings of all the room's
languages, so a copy stays traceable in the language it went out in after the edition is
rendered again in another.

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

from backchannel import i18n
from backchannel.domain.dialogue import Dialogue, Meeting
from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import NotFoundError
from backchannel.domain.fingerprint import Slot, best_code
from backchannel.gate import Gate
from backchannel.i18n import N_, gettext
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _aide_memoire_words as words
from backchannel.services import _clock
from backchannel.services import audit as audit_service
from backchannel.services.documents import Outgoing, export_from_workspace
from backchannel.services.outputs import (
    Packaged,
    issue_date,
    language_fields,
    long_date,
    packaged,
)
from backchannel.services.working_languages import each_working_language
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
    "purpose": N_("Purpose"),
    "summary": N_("Summary of the discussion"),
    "package": N_("The package"),
    "steps": N_("Steps, in sequence"),
    "sensitivities": N_("Sensitivities each party raised"),
    "asks": N_("What is asked of the reader"),
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
    """The days of a meeting: 18–19 January 2027, 30 January – 1 February 2027."""
    first = meeting.starts
    last = date.fromordinal(first.toordinal() + meeting.days - 1)
    if meeting.days == 1:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{long_date(last)}"
    if i18n.current() == "en":
        return f"{first:%-d %B} – {long_date(last)}"
    from babel.dates import format_skeleton

    return f"{format_skeleton('MMMMd', first, locale=i18n.current())} – {long_date(last)}"


def _party_labels(dialogue: Dialogue, gate: Gate) -> tuple[dict[str, str], dict[str, str]]:
    """How the text names each party, in a sentence and as a heading: by its name unless
    the gate finds that the name points to a participant (then by its code). In English a
    name takes "the" in a sentence; in another language it stays as written."""
    in_text, headings = {}, {}
    for party in dialogue.parties:
        code = {"code": party.code}
        if any(f.participant is not None for f in gate.scan(party.name)):
            # TRANSLATORS: a party named by its code in a sentence: "Seen from party B".
            in_text[party.code] = gettext("party %(code)s") % code
            # TRANSLATORS: a party named by its code as a heading.
            headings[party.code] = gettext("Party %(code)s") % code
            continue
        name = party.name
        if i18n.current() == "en":
            second = name.split()[1:2]
            if second and second[0][:1].islower():
                name = name[:1].lower() + name[1:]
            name = name if name.lower().startswith("the ") else f"the {name}"
        in_text[party.code] = name
        # TRANSLATORS: a heading: "Government of Sarnland (party A)".
        headings[party.code] = gettext("%(name)s (party %(code)s)") % {"name": party.name, **code}
    return in_text, headings


def _later_meetings(ws: Workspace, p: Packaged) -> list[Meeting]:
    with ws.read() as conn:
        return [m for m in meetings_repository.load_meetings(conn) if m.number > p.meeting.number]


def _source(p: Packaged, gate: Gate, later: list[Meeting]) -> words.Source:
    """What the copies are written from, in the language being rendered."""
    view = p.view
    number = p.meeting.number
    reaction = (
        gettext("before the next meeting, on %(date)s") % {"date": long_date(later[0].starts)}
        if later
        else gettext("within two weeks of receiving this copy")
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
    numbers = {"number": to.number, "total": to.total}
    return {
        "title": gettext(words.TITLE),
        "subtitle": subtitle,
        "marking": gettext(words.MARKING),
        "date": long_date(today),
        # TRANSLATORS: a copy's number in the header, after "Copy": "Copy 2 of 6".
        "copy": gettext("%(number)s of %(total)s") % numbers,
        # TRANSLATORS: under the title of a numbered copy, after "CONFIDENTIAL ·".
        "copy_line": gettext("Copy %(number)s of %(total)s") % numbers,
        "mark": mark(code),
        "keywords": ["aide-memoire", mark(code)],
        "headings": {k: gettext(v) for k, v in HEADINGS.items()},
        **body,
        **language_fields(),
    }


def _every_language(
    sources: dict[str, words.Source], to: words.Recipient
) -> tuple[words.CopyText, tuple[Slot, ...]]:
    """One copy's text in the language being rendered, and the slots of its text in every
    language of the room (the same slot keys, each with its language's wordings)."""
    current = i18n.current()
    text = words.copy_text(sources[current], to)
    slots = {(s.key, s.variants): s for s in text.slots}
    for lang in i18n.LANGUAGES:
        if lang != current:
            with i18n.speaking(lang):
                for s in words.copy_text(sources[lang], to).slots:
                    slots.setdefault((s.key, s.variants), s)
    return text, tuple(slots.values())


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
    later = _later_meetings(ws, p)
    sources = {}
    for lang in i18n.LANGUAGES:
        with i18n.speaking(lang):
            sources[lang] = _source(p, gate, later)
    numbers = {code: c.number for code, c in existing.items()}
    for i in dialogue.interlocutors:
        numbers.setdefault(i.code, max(numbers.values(), default=0) + 1)
    total = len(numbers)
    issued: list[IssuedCopy] = []
    fresh: list[CopyRecord] = []
    for i in dialogue.interlocutors:
        to = words.Recipient(i.code, i.name, numbers[i.code], total)
        text, slots = _every_language(sources, to)
        old = existing.get(i.code)
        if old is None:
            tried = [_new_code(taken) for _ in range(CODES_TRIED)]
            others = [c.record.code for c in issued] + [c.code for c in existing.values()]
            code = best_code(tried, others, text.slots)
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
    docs = each_working_language(ws, lambda _: build_aide_memoire(ws, number, actor=actor))
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
