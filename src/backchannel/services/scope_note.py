"""The scope and ripeness note: a facilitators' document made before the room is chosen."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from backchannel import i18n
from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import NotFoundError
from backchannel.domain.indicators import Indicators
from backchannel.domain.ripeness import Confidence, Element, ElementScore, Reading
from backchannel.domain.scope import Scope
from backchannel.domain.scope_lint import ScopeFinding
from backchannel.i18n import N_, gettext, ngettext
from backchannel.render.markdown import escape
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _clock
from backchannel.services.dialogue import get_dialogue
from backchannel.services.documents import Outgoing
from backchannel.services.outputs import language_fields
from backchannel.services.ripeness import RipenessView, indicators, ripeness_view
from backchannel.services.scope import get_scope, horizon_end, lint_record
from backchannel.services.workspace import Workspace

CHART_NAME = "indicators.png"
TITLE = N_("Scope and ripeness note")
MARKING = N_("Confidential — facilitators only")
HEADINGS = {
    "problem": N_("The problem and its scope"),
    "linter": N_("What the scope linter says"),
    "ripeness": N_("Ripeness"),
    "why": N_("Why"),
    "would_change": N_("What would change it"),
    "evidence": N_("Evidence recorded"),
    "indicators": N_("Indicators from event data"),
}
FIELDS = {
    "places": N_("Places"),
    "parties": N_("Parties"),
    # TRANSLATORS: a field of the scope: the days within which the next steps must fall
    "horizon": N_("Horizon"),
    "success_test": N_("Success test"),
}
NO_FINDING = N_(
    "One solvable problem, anchored in a place, with next steps inside the horizon: no finding."
)
SCALE = N_(
    "Elements are scored 0 (absent) to 3 (strongly present); the letter is the assessor’s "
    "confidence (l low, m medium, h high)."
)
CAPTION = N_(
    "Monthly fatalities per pair of sides, and how far the area where each side is active "
    "moved each quarter."
)
ELEMENTS = {
    Element.HURTING: N_("hurting"),
    Element.STALEMATE: N_("stalemate"),
    Element.PRECIPICE: N_("precipice"),
    Element.WAY_OUT: N_("way out"),
    Element.SPOKESPERSONS: N_("spokespersons"),
}
READINGS = {
    Reading.RIPE: N_("ripe"),
    Reading.RIPENING: N_("ripening"),
    Reading.NOT_RIPE: N_("not ripe"),
}
# TRANSLATORS: a ripeness score (0 to 3) and the first letter of the assessor's confidence,
# as the note's legend gives it ("l low, m medium, h high")
SCORES = {
    Confidence.LOW: N_("%(score)s l"),
    Confidence.MEDIUM: N_("%(score)s m"),
    Confidence.HIGH: N_("%(score)s h"),
}
# The scope linter's kinds and severities (domain/scope_lint.py); its messages stay English.
FINDING_WORDS = {
    "broad": N_("broad"),
    "vague": N_("vague"),
    "horizon": N_("horizon"),
    "no_place": N_("no place"),
    # TRANSLATORS: the kind of a scope finding: the language the statement was read in
    "language": N_("language"),
    # TRANSLATORS: the severity of a scope finding: it blocks the scope
    "block": N_("block"),
    # TRANSLATORS: the severity of a scope finding: a warning only
    "warn": N_("warn"),
}
# A sentence's emphasised word is cut out of it, so a translation may move it.
_CUT = "\x00"


def _word(words: dict[Any, str], value: Any) -> str:
    known = words.get(value)
    return gettext(known) if known else str(value).replace("_", " ")


def _score(s: ElementScore) -> str:
    return gettext(SCORES[s.confidence]) % {"score": s.score}


def horizon_words(days: int, end: date | None) -> str:
    """'90 days, until 18 April 2027', in the language being rendered."""
    span = ngettext("%(num)s day", "%(num)s days", days) % {"num": days}
    if end is None:
        return span
    # TRANSLATORS: the scope's horizon: "90 days, until 18 April 2027"
    return gettext("%(days)s, until %(date)s") % {"days": span, "date": i18n.long_day(end)}


def _labels() -> dict[str, Any]:
    """The template's and the Markdown's own words."""
    before, _, after = (gettext("Reading: %(reading)s.") % {"reading": _CUT}).partition(_CUT)
    return {
        "headings": {k: gettext(v) for k, v in HEADINGS.items()},
        "fields": {k: gettext(v) for k, v in FIELDS.items()},
        "no_finding": gettext(NO_FINDING),
        "no_finding_short": gettext("The scope linter has no finding."),
        "reading": [before, after],
        "scale": gettext(SCALE),
        # TRANSLATORS: a label before its value, as in "Places: Sarn corridor"
        "label": gettext("%(label)s:"),
        "indicators": gettext("Indicators"),
    }


def note_data(
    title: str,
    scope: Scope,
    findings: tuple[ScopeFinding, ...],
    horizon: str,
    view: RipenessView,
    indicators: Indicators | None,
    chart: Path | None,
) -> dict[str, Any]:
    """Every string of the note, in the language being rendered (`i18n.speaking`); what
    people wrote (the problem, places, evidence) as written."""
    reading = view.reading
    elements = list(Element)
    # TRANSLATORS: the scope note leaves a field of the scope empty
    none_stated, not_stated = gettext("none stated"), gettext("not stated")
    return {
        "title": gettext(TITLE),
        "subtitle": title,
        "marking": gettext(MARKING),
        "date": i18n.long_day(_clock.today()),
        "scope": {
            "problem": scope.problem,
            "places": ", ".join(scope.places) or none_stated,
            "parties": ", ".join(scope.parties) or none_stated,
            "horizon": horizon,
            "success_test": scope.success_test or not_stated,
            "findings": [
                {
                    "kind": _word(FINDING_WORDS, f.kind),
                    "severity": _word(FINDING_WORDS, f.severity),
                    "message": f.message,
                }
                for f in findings
            ],
        },
        "ripeness": {
            "reading": _word(READINGS, reading.reading),
            "header": [gettext("Party"), *(_word(ELEMENTS, e) for e in elements)],
            "rows": [[a.party, *(_score(a.score(e)) for e in elements)] for a in view.assessments],
            "reasons": list(reading.reasons),
            "would_change": list(reading.would_change),
            "evidence": [
                {
                    "party": a.party,
                    "assessed": gettext("(assessed %(date)s; indicators seen: %(seen)s)")
                    % {
                        "date": a.assessed_on.isoformat(),
                        # TRANSLATORS: no indicator was seen by the assessor
                        "seen": ", ".join(a.indicators_seen) or gettext("none"),
                    },
                    "items": [
                        {
                            "element": _word(ELEMENTS, s.element),
                            "score": str(s.score),
                            "evidence": s.evidence or gettext("none recorded"),
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
            "caption": gettext(CAPTION),
        },
        "labels": _labels(),
        **language_fields(),
    }


def _part(text: str) -> str:
    """A piece of a sentence, escaped, with the spaces that join it to the next piece."""
    core = escape(text)
    return (" " if text[:1].isspace() else "") + core + (" " if text[-1:].isspace() else "")


def note_markdown(data: dict[str, Any]) -> str:
    s, r, lb = data["scope"], data["ripeness"], data["labels"]
    h = lb["headings"]

    def field(key: str) -> str:
        name = lb["label"] % {"label": lb["fields"][key]}
        return f"- **{escape(name)}** {escape(s[key])}"

    def label(text: str) -> str:
        return escape(lb["label"] % {"label": text})

    lines = [
        f"*{escape(data['marking'])}*",
        "",
        f"# {escape(data['title'])}",
        "",
        f"{escape(data['subtitle'])} — {escape(data['date'])}",
        "",
        f"## 1 {escape(h['problem'])}",
        "",
        f"> {escape(s['problem'])}",
        "",
        *(field(k) for k in ("places", "parties", "horizon", "success_test")),
        "",
    ]
    lines += [
        f"- {escape(f['severity'])} — {escape(f['kind'])}: {escape(f['message'])}"
        for f in s["findings"]
    ] or [escape(lb["no_finding_short"])]
    before, after = lb["reading"]
    reading = f"{_part(before)}**{escape(r['reading'])}**{_part(after)}"
    lines += ["", f"## 2 {escape(h['ripeness'])}", "", reading, ""]
    lines += ["| " + " | ".join(escape(h) for h in r["header"]) + " |"]
    lines += ["|" + "---|" * len(r["header"])]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in r["rows"]]
    lines += ["", label(h["why"]), ""] + [f"- {escape(x)}" for x in r["reasons"]]
    lines += ["", label(h["would_change"]), ""]
    lines += [f"- {escape(x)}" for x in r["would_change"]]
    if data["indicators"]:
        lines += ["", f"## 3 {escape(h['indicators'])}", ""]
        lines += [f"- {escape(x)}" for x in data["indicators"]["summary"]]
        lines += ["", f"![{escape(lb['indicators'])}]({CHART_NAME})"]
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
    horizon = horizon_words(scope.horizon_days, end)
    try:
        chart: Path | None = workdir / CHART_NAME
        found: Indicators | None = indicators(ws, chart)
    except NotFoundError:  # no events imported: the note goes without indicators
        chart, found = None, None
    data = note_data(dialogue.title, scope, lint_record(scope), horizon, view, found, chart)
    return scope_note_documents(data, chart)
