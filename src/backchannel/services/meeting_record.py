"""The internal meeting record (facilitators only): the rounds with what was captured in
each, the interests map, the support heatmap and ranking with small groups withheld, and
what the meeting leaves open for the next one.

Like every document it passes the non-attribution gate: the data below holds every string
the reader sees, in the PDF and in the two pictures. Parties appear by code, as in the
roster report (a party's name may also be a participant's affiliation), and no rater is
ever shown: only party figures from at least k raters.

The record is written in the language being rendered (`i18n.speaking`, `--lang`): its
headings, labels and sentences come from the catalogs (services/_meeting_record_words.py),
dates and numbers as the language writes them; what people wrote stays as written.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from backchannel import i18n
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
from backchannel.i18n import N_, gettext, ngettext
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _clock
from backchannel.services import _meeting_record_words as w
from backchannel.services.dialogue import get_dialogue
from backchannel.services.documents import Outgoing, export_from_workspace
from backchannel.services.meeting_ratings import MeetingSupport, stored_support
from backchannel.services.meetings import MeetingView, meeting_numbers, meeting_view
from backchannel.services.outputs import language_fields
from backchannel.services.working_languages import each_working_language
from backchannel.services.workspace import Workspace

FILENAME = "meeting-record.pdf"
HEATMAP = "meeting-support.png"
INTERESTS = "meeting-interests.png"
MARKING = N_("Confidential — facilitators only")
TOO_FEW = w.TOO_FEW


def _notice(k: int) -> str:
    return ngettext(
        "Captured without attribution under the Chatham House Rule: points carry at most a "
        "party, shown by its code; ratings are anonymous, and a party's figure from fewer "
        "than %(num)s rater is withheld.",
        "Captured without attribution under the Chatham House Rule: points carry at most a "
        "party, shown by its code; ratings are anonymous, and a party's figure from fewer "
        "than %(num)s raters is withheld.",
        k,
    ) % {"num": k}


def _left_open(left: LeftOpen, titles: dict[str, str]) -> dict[str, list[str]]:
    return {
        "untested": [
            gettext("%(option)s (%(code)s): not yet tested for %(parties)s")
            % {
                "option": w.own(titles.get(u.option.code, u.option.title)),
                "code": w.own(u.option.code),
                "parties": w.own(", ".join(u.missing)) if u.missing else gettext("any party"),
            }
            for u in left.untested
        ],
        "questions": [
            gettext("%(option)s, party %(party)s: %(text)s")
            % {"option": w.own(q.option), "party": w.own(q.party), "text": w.own(q.text)}
            for q in left.questions
        ],
        "steps": [
            gettext("%(step)s (%(package)s, due %(date)s): %(what)s")
            % {
                "step": w.own(f.step.id),
                "package": w.own(f.package),
                "date": i18n.long_day(f.step.when),
                "what": w.own(f.step.what),
            }
            for f in left.steps
        ],
    }


def _rounds(view: MeetingView) -> list[dict[str, Any]]:
    return [
        {
            "cells": [
                w.term(t.name),
                w.duration(t.planned),
                w.duration(t.spent) if t.entered else gettext("not reached"),
                str(t.entered),
                f"+{w.duration(t.over)}" if t.over else "",
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
            gettext("Party %(party)s: %(text)s") % {"party": w.own(f.party), "text": w.own(f.text)}
            if f.party
            else w.own(f.text)
            for f in capture.framings
            if f.kind is FramingKind.REFRAMING
        ],
        "items": [
            [i.code, i.party, w.term(i.kind), i.text, ", ".join(served.get(i.code, ())) or "–"]
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
                "heading": gettext("%(option)s (%(code)s), party %(party)s")
                % {
                    "option": w.own(titles.get(t.option, t.option)),
                    "code": w.own(t.option),
                    "party": w.own(t.party),
                },
                "answers": [[w.term(name), text] for name, text in t.answers()],
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
                        i18n.day(s.step.when),
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
    too_few = gettext(TOO_FEW)
    rows = []
    for o in table.options:
        means = o.party_means()
        rows.append(
            [
                str(o.rank),
                f"{found.titles.get(o.option, o.option)} ({o.option})",
                str(o.n),
                w.signed(o.mean),
                w.signed(o.support),
                *(
                    w.signed(means[p]) if p in means else (too_few if p in o.withheld else "–")
                    for p in parties
                ),
            ]
        )
    report = found.report
    # TRANSLATORS: how many took part in the ratings: "16 raters, 108 ratings"
    raters = gettext("%(raters)s, %(ratings)s") % {
        "raters": ngettext("%(num)s rater", "%(num)s raters", report.raters)
        % {"num": report.raters},
        "ratings": ngettext("%(num)s rating", "%(num)s ratings", report.ratings)
        % {"num": report.ratings},
    }
    # The plain method's only note (services/support.py): which parties' figures are withheld.
    withheld = sorted({p for o in table.options for p in o.withheld})
    notes = (
        [
            ngettext(
                "party figures from fewer than %(num)s rater are withheld (too few to show) "
                "for some options: %(parties)s.",
                "party figures from fewer than %(num)s raters are withheld (too few to show) "
                "for some options: %(parties)s.",
                table.k,
            )
            % {"num": table.k, "parties": w.own(", ".join(withheld))}
        ]
        if withheld
        else []
    )
    return {
        "header": [*w.header(w.SUPPORT_HEADER), *parties],
        "rows": rows,
        "raters": raters,
        "intro": gettext(
            "Participants rated each option from −2 (strongly against) to +2 (strongly "
            "for), anonymously (%(raters)s). The support score is the lowest party mean: an "
            "option is only as strong as its support in the least convinced party. Ties are "
            "broken by the overall mean."
        )
        % {"raters": raters},
        "notes": notes,
        "image": HEATMAP,
    }


def record_data(
    title: str, view: MeetingView, found: MeetingSupport | None, k: int
) -> dict[str, Any]:
    """Every string the reader sees, for the template and for the gate."""
    capture = view.capture
    titles = {o.code: o.title for o in capture.options} | (found.titles if found else {})
    parties = view.parties or tuple(sorted({i.party for i in capture.items}))
    backs = [
        gettext("%(when)s: back to %(round)s. %(reason)s")
        % {"when": w.moment(m.at), "round": w.term(m.to), "reason": w.own(m.reason)}
        for m in view.progress.backs()
    ]
    return {
        "title": gettext("Meeting record: meeting %(num)s") % {"num": view.meeting.number},
        "subtitle": title,
        "marking": gettext(MARKING),
        "date": i18n.long_day(_clock.today()),
        "notice": _notice(k),
        "meeting": {
            "when": w.when(view.meeting.starts, view.meeting.days),
            "venue": view.meeting.venue or gettext("not recorded"),
            "state": w.progress(view.progress),
            # TRANSLATORS: no party yet, in the record's table of the meeting
            "parties": ", ".join(parties) or gettext("none"),
        },
        "rounds": {
            "header": w.header(w.ROUNDS_HEADER),
            "rows": _rounds(view),
            "backs": backs,
            "warnings": w.warnings(view),
        },
        "carried_in": _left_open(view.carried_in, titles),
        "capture": _capture(capture, titles),
        "interests_image": INTERESTS if capture.items else None,
        "support": _support(found, parties),
        "left_open": _left_open(view.left_open, titles),
        "words": w.words(),
        "items_header": w.header(w.ITEMS_HEADER),
        "steps_header": w.header(w.STEPS_HEADER),
        **language_fields(),
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
            title=gettext("Interests and constraints by party, meeting %(num)s") % {"num": number},
            words=w.interests_words(),
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
            title=gettext("Support across parties, meeting %(num)s") % {"num": number},
            k=k,
            words=w.heatmap_words(),
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
        docs = each_working_language(
            ws, lambda folder: build_meeting_record(ws, folder or Path(tmp), number), Path(tmp)
        )
        return export_from_workspace(ws, docs, outdir, actor=actor)
