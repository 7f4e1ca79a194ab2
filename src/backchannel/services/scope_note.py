"""The scope and ripeness note: a facilitators' document made before the room is chosen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import NotFoundError
from backchannel.domain.indicators import Indicators
from backchannel.domain.ripeness import Element
from backchannel.domain.scope import Scope
from backchannel.domain.scope_lint import ScopeFinding
from backchannel.render.markdown import escape
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _clock
from backchannel.services.dialogue import get_dialogue
from backchannel.services.documents import Outgoing
from backchannel.services.ripeness import RipenessView, indicators, ripeness_view
from backchannel.services.scope import get_scope, horizon_end, lint_record
from backchannel.services.workspace import Workspace

CHART_NAME = "indicators.png"


def note_data(
    title: str,
    scope: Scope,
    findings: tuple[ScopeFinding, ...],
    horizon: str,
    view: RipenessView,
    indicators: Indicators | None,
    chart: Path | None,
) -> dict[str, Any]:
    reading = view.reading
    elements = list(Element)
    return {
        "title": "Scope and ripeness note",
        "subtitle": title,
        "marking": "Confidential — facilitators only",
        "date": _clock.today().strftime("%-d %B %Y"),
        "scope": {
            "problem": scope.problem,
            "places": ", ".join(scope.places) or "none stated",
            "parties": ", ".join(scope.parties) or "none stated",
            "horizon": horizon,
            "success_test": scope.success_test or "not stated",
            "findings": [
                {"kind": f.kind, "severity": f.severity, "message": f.message} for f in findings
            ],
        },
        "ripeness": {
            "reading": reading.reading.value.replace("_", " "),
            "header": ["Party", *(e.value.replace("_", " ") for e in elements)],
            "rows": [
                [
                    a.party,
                    *(f"{a.score(e).score} {a.score(e).confidence.value[0]}" for e in elements),
                ]
                for a in view.assessments
            ],
            "reasons": list(reading.reasons),
            "would_change": list(reading.would_change),
            "evidence": [
                {
                    "party": a.party,
                    "assessed_on": a.assessed_on.isoformat(),
                    "seen": ", ".join(a.indicators_seen) or "none",
                    "items": [
                        {
                            "element": s.element.value.replace("_", " "),
                            "score": str(s.score),
                            "evidence": s.evidence or "none recorded",
                        }
                        for s in a.scores
                    ],
                }
                for a in view.assessments
            ],
        },
        "indicators": None
        if indicators is None or chart is None
        else {
            "summary": list(indicators.summary),
            "image": CHART_NAME,
            "caption": "Monthly fatalities per pair of sides, and how far the area where "
            "each side is active moved each quarter.",
        },
    }


def note_markdown(data: dict[str, Any]) -> str:
    s, r = data["scope"], data["ripeness"]
    lines = [
        f"*{escape(data['marking'])}*",
        "",
        f"# {escape(data['title'])}",
        "",
        f"{escape(data['subtitle'])} — {escape(data['date'])}",
        "",
        "## 1 The problem and its scope",
        "",
        f"> {escape(s['problem'])}",
        "",
        f"- **Places:** {escape(s['places'])}",
        f"- **Parties:** {escape(s['parties'])}",
        f"- **Horizon:** {escape(s['horizon'])}",
        f"- **Success test:** {escape(s['success_test'])}",
        "",
    ]
    lines += [
        f"- {escape(f['severity'])} — {escape(f['kind'])}: {escape(f['message'])}"
        for f in s["findings"]
    ] or ["The scope linter has no finding."]
    lines += ["", "## 2 Ripeness", "", f"Reading: **{escape(r['reading'])}**", ""]
    lines += ["| " + " | ".join(escape(h) for h in r["header"]) + " |"]
    lines += ["|" + "---|" * len(r["header"])]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in r["rows"]]
    lines += ["", "Why:", ""] + [f"- {escape(x)}" for x in r["reasons"]]
    lines += ["", "What would change it:", ""] + [f"- {escape(x)}" for x in r["would_change"]]
    if data["indicators"]:
        lines += ["", "## 3 Indicators from event data", ""]
        lines += [f"- {escape(x)}" for x in data["indicators"]["summary"]]
        lines += ["", f"![Indicators]({CHART_NAME})"]
    return "\n".join(lines) + "\n"


def scope_note_documents(data: dict[str, Any], chart: Path | None) -> list[Outgoing]:
    images = {CHART_NAME: chart} if chart is not None else {}
    chart_doc = (
        []
        if chart is None
        else [
            Outgoing(
                filename=CHART_NAME,
                kind=DocumentKind.RIPENESS_REPORT,
                data={"indicators": data["indicators"]},
                produce=chart.read_bytes,
            )
        ]
    )
    return [
        *chart_doc,
        Outgoing(
            filename="scope-and-ripeness.pdf",
            kind=DocumentKind.RIPENESS_REPORT,
            data=data,
            produce=lambda: render_pdf("scope_ripeness.typ", data, images=images),
        ),
        Outgoing(
            filename="scope-and-ripeness.md",
            kind=DocumentKind.RIPENESS_REPORT,
            data=data,
            produce=lambda: note_markdown(data).encode("utf-8"),
        ),
    ]


def build_scope_note(ws: Workspace, workdir: Path) -> list[Outgoing]:
    """The note's documents from what the workspace holds; the chart is drawn in `workdir`.

    The caller keeps `workdir` alive until the documents are exported.
    """
    dialogue = get_dialogue(ws)
    scope = get_scope(ws)
    if scope is None:
        raise NotFoundError("no scope yet: run 'backchannel scope set' first")
    view = ripeness_view(ws)
    end = horizon_end(ws)
    horizon = f"{scope.horizon_days} days" + (f", until {end:%-d %B %Y}" if end else "")
    try:
        chart: Path | None = workdir / CHART_NAME
        found: Indicators | None = indicators(ws, chart)
    except NotFoundError:  # no events imported: the note goes without indicators
        chart, found = None, None
    data = note_data(dialogue.title, scope, lint_record(scope), horizon, view, found, chart)
    return scope_note_documents(data, chart)
