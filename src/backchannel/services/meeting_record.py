"""The internal meeting record (facilitators only): the rounds with what was captured in
each, the interests map, the support heatmap and ranking with small groups withheld, and
what the meeting leaves open for the next one.

Like every document it passes the non-attribution gate: the data below holds every string
the reader sees, in the PDF and in the two pictures. Parties appear by code, as in the
roster report (a party's name may also be a participant's affiliation), and no rater is
ever shown: only party figures from at least k raters.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from backchannel.domain.capture import (
    FramingKind,
    MeetingCapture,
    interests_map,
    served_by,
)
from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import NotFoundError
from backchannel.domain.meetings import LeftOpen
from backchannel.domain.support import PLAIN
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _clock
from backchannel.services.dialogue import get_dialogue
from backchannel.services.documents import Outgoing, export_from_workspace
from backchannel.services.meeting_ratings import MeetingSupport, stored_support
from backchannel.services.meetings import MeetingView, meeting_numbers, meeting_view
from backchannel.services.workspace import Workspace

FILENAME = "meeting-record.pdf"
HEATMAP = "meeting-support.png"
INTERESTS = "meeting-interests.png"
MARKING = "Confidential — facilitators only"
TOO_FEW = "too few"
NOTICE = (
    "Captured without attribution under the Chatham House Rule: points carry at most a "
    "party, shown by its code; ratings are anonymous, and a party's figure from fewer than "
    "{k} raters is withheld."
)


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}"


def _dates(view: MeetingView) -> str:
    m = view.meeting
    first = m.starts
    if m.days == 1:
        return f"{first:%-d %B %Y}"
    return f"{first:%-d %B %Y}, {m.days} days"


def _hm(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def _left_open(left: LeftOpen, titles: dict[str, str]) -> dict[str, list[str]]:
    return {
        "untested": [
            f"{titles.get(u.option.code, u.option.title)} ({u.option.code}): not yet tested "
            f"for {', '.join(u.missing) if u.missing else 'any party'}"
            for u in left.untested
        ],
        "questions": [f"{q.option}, party {q.party}: {q.text}" for q in left.questions],
        "steps": [
            f"{f.step.id} ({f.package}, due {f.step.when:%-d %B %Y}): {f.step.what}"
            for f in left.steps
        ],
    }


def _rounds(view: MeetingView) -> list[dict[str, Any]]:
    return [
        {
            "cells": [
                t.name.value,
                _hm(t.planned),
                _hm(t.spent) if t.entered else "not reached",
                str(t.entered),
                f"+{_hm(t.over)}" if t.over else "",
            ],
            "flag": t.over > 0,
        }
        for t in view.times
    ]


def _capture(capture: MeetingCapture, titles: dict[str, str]) -> dict[str, Any]:
    served = served_by(capture.options)
    return {
        "statements": [f.text for f in capture.framings if f.kind is FramingKind.STATEMENT],
        "reframings": [
            (f"Party {f.party}: " if f.party else "") + f.text
            for f in capture.framings
            if f.kind is FramingKind.REFRAMING
        ],
        "items": [
            [i.code, i.party, i.kind.label, i.text, ", ".join(served.get(i.code, ())) or "–"]
            for i in capture.items
        ],
        "options": [
            {
                "code": o.code,
                "title": o.title,
                "description": o.description,
                "serves": ", ".join(o.serves) or "–",
            }
            for o in capture.options
        ],
        "tests": [
            {
                "heading": f"{titles.get(t.option, t.option)} ({t.option}), party {t.party}",
                "answers": [[name, text] for name, text in t.answers()],
                "questions": list(t.questions),
            }
            for t in capture.tests
        ],
        "packages": [
            {
                "heading": f"{p.package.title} ({p.code})",
                "options": ", ".join(p.package.options),
                "steps": [
                    [
                        str(s.position),
                        s.step.what,
                        s.step.who,
                        f"{s.step.when:%-d %b %Y}",
                        s.step.how,
                        s.step.test,
                    ]
                    for s in capture.steps_of(p.code)
                ],
            }
            for p in capture.packages
        ],
    }


def _support(found: MeetingSupport | None, parties: tuple[str, ...]) -> dict[str, Any] | None:
    if found is None:
        return None
    table = found.report.table
    rows = []
    for o in table.options:
        means = o.party_means()
        rows.append(
            [
                str(o.rank),
                f"{found.titles.get(o.option, o.option)} ({o.option})",
                str(o.n),
                _num(o.mean),
                _num(o.support),
                *(
                    _num(means[p]) if p in means else (TOO_FEW if p in o.withheld else "–")
                    for p in parties
                ),
            ]
        )
    return {
        "header": ["Rank", "Option", "n", "Mean", "Support", *parties],
        "rows": rows,
        "raters": f"{found.report.raters} raters, {found.report.ratings} ratings",
        "notes": list(found.report.notes),
        "image": HEATMAP,
    }


def record_data(
    title: str, view: MeetingView, found: MeetingSupport | None, k: int
) -> dict[str, Any]:
    """Every string the reader sees, for the template and for the gate."""
    capture = view.capture
    titles = {o.code: o.title for o in capture.options} | (found.titles if found else {})
    parties = view.parties or tuple(sorted({i.party for i in capture.items}))
    backs = [f"{m.at:%-d %b %H:%M}: back to {m.to}. {m.reason}" for m in view.progress.backs()]
    return {
        "title": f"Meeting record: meeting {view.meeting.number}",
        "subtitle": title,
        "marking": MARKING,
        "date": _clock.today().strftime("%-d %B %Y"),
        "notice": NOTICE.format(k=k),
        "meeting": {
            "when": _dates(view),
            "venue": view.meeting.venue or "not recorded",
            "state": view.progress.describe(),
            "parties": ", ".join(parties) or "none",
        },
        "rounds": {
            "header": ["Round", "Timebox", "Taken", "Entered", "Over"],
            "rows": _rounds(view),
            "backs": backs,
            "warnings": list(view.warnings),
        },
        "carried_in": _left_open(view.carried_in, titles),
        "capture": _capture(capture, titles),
        "interests_image": INTERESTS if capture.items else None,
        "support": _support(found, parties),
        "left_open": _left_open(view.left_open, titles),
    }


def record_documents(ws: Workspace, number: int, workdir: Path, title: str) -> list[Outgoing]:
    """The record of meeting `number` and its two pictures; drawn in `workdir`."""
    from backchannel.evidence.meeting_charts import (  # loads matplotlib
        HeatRow,
        interests_chart,
        support_heatmap,
    )

    view = meeting_view(ws, number)
    try:
        found: MeetingSupport | None = stored_support(ws, number, PLAIN)
    except NotFoundError:
        found = None
    k = found.report.table.k if found else 3
    data = record_data(title, view, found, k)
    images: dict[str, Path] = {}
    pictures: list[Outgoing] = []
    capture = view.capture
    if capture.items:
        served = served_by(capture.options)
        path = interests_chart(
            interests_map(capture.items, view.parties),
            {code: len(opts) for code, opts in served.items()},
            workdir / INTERESTS,
            title=f"Interests and constraints by party, meeting {number}",
        )
        images[INTERESTS] = path
        pictures.append(
            Outgoing(
                INTERESTS,
                DocumentKind.MEETING_RECORD,
                {"items": data["capture"]["items"]},
                path.read_bytes,
            )
        )
    if found is not None:
        parties = list(data["support"]["header"][5:])
        rows = [
            HeatRow(
                label=f"{found.titles.get(o.option, o.option)}",
                cells={
                    p: o.party_means().get(p)
                    for p in parties
                    if p in o.party_means() or p in o.withheld
                },
                mean=o.mean,
                support=o.support,
            )
            for o in found.report.table.options
        ]
        path = support_heatmap(
            rows,
            parties,
            workdir / HEATMAP,
            title=f"Support across parties, meeting {number}",
            k=k,
        )
        images[HEATMAP] = path
        pictures.append(
            Outgoing(
                HEATMAP, DocumentKind.MEETING_RECORD, {"support": data["support"]}, path.read_bytes
            )
        )
    return [
        *pictures,
        Outgoing(
            filename=FILENAME,
            kind=DocumentKind.MEETING_RECORD,
            data=data,
            produce=lambda: render_pdf("meeting_record.typ", data, images=images),
        ),
    ]


def build_meeting_record(
    ws: Workspace, workdir: Path, number: int | None = None, *, required: bool = True
) -> list[Outgoing]:
    """The record of meeting `number`, else of the latest meeting that has started; with
    `required=False`, nothing when no meeting has started."""
    started = meeting_numbers(ws)
    if number is None:
        if not started:
            if not required:
                return []
            raise NotFoundError("no meeting has started: run 'backchannel round start'")
        number = started[-1]
    return record_documents(ws, number, workdir, get_dialogue(ws).title)


def export_meeting_record(
    ws: Workspace, outdir: Path, number: int | None = None, actor: str = "cli"
) -> list[Path]:
    """Render the record and its pictures, pass them through the gate, write them."""
    with tempfile.TemporaryDirectory(prefix="backchannel-meeting-") as tmp:
        docs = build_meeting_record(ws, Path(tmp), number)
        return export_from_workspace(ws, docs, outdir, actor=actor)
