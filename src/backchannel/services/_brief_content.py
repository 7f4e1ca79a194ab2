"""What the brief says: its data (every string a reader sees) and the same words as one text,
paragraph by paragraph, for the neutrality linter.

Nothing here reads the workspace or draws: `brief.py` gathers the evidence and the drawings
and passes them in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from backchannel.domain.brief import (
    NEUTRAL,
    Figure,
    LegalProvision,
    MapFeature,
    Source,
    TimelineEntry,
)
from backchannel.domain.neutrality import ContestedPlace
from backchannel.evidence.brief_charts import ChartText
from backchannel.evidence.map import MapDrawing

MAP_IMAGE, TIMELINE_IMAGE, FIGURES_IMAGE = "map.png", "timeline.png", "humanitarian.png"
MARKING = "For participants only"
SECTIONS = {
    "about": "About this brief",
    "map": "The area",
    "timeline": "Timeline",
    "legal": "Legal constraints",
    "figures": "Humanitarian situation",
    "sources": "Sources",
}
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def long_date(day: Any) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything the brief is made from, already read from the workspace."""

    title: str
    convenor: str
    problem: str | None
    meeting: str | None  # "the first meeting, 18-19 January 2027"
    party_names: Mapping[str, str]
    features: tuple[MapFeature, ...]
    timeline: tuple[TimelineEntry, ...]
    legal: tuple[LegalProvision, ...]
    figures: tuple[Figure, ...]  # the latest of each district and sector
    places: tuple[ContestedPlace, ...]
    sources: tuple[Source, ...]


def origin_words(origin: str, party_names: Mapping[str, str]) -> str:
    if origin == NEUTRAL:
        return "neutral body"
    if origin in party_names:
        return f"{party_names[origin]} (party)"
    return origin or "not stated"


def _number(value: int | None) -> str:
    return "\u2013" if value is None else f"{value:,}"


def _about(ev: Evidence) -> dict[str, Any]:
    paragraphs = [
        "This brief gathers facts for the dialogue: where the problem lies, what has "
        "happened, which rules bind the parties, and what people need. It takes no side. "
        "Each fact names its source and where that source comes from; where the parties "
        "describe an event differently, each description is given in the party's own "
        "words and marked as theirs.",
        "It is prepared for the participants of this dialogue only. Each copy is numbered; "
        "please do not copy it or pass it on.",
    ]
    if ev.convenor:
        paragraphs[1] = f"It is prepared by {ev.convenor} for the participants of this " + (
            "dialogue only. Each copy is numbered; please do not copy it or pass it on."
        )
    names = [
        {
            "names": " / ".join(n.name for n in place.names),
            "usage": "; ".join(f"{n.name}: {n.usage}" for n in place.names),
            "entries": [{"name": n.name, "usage": n.usage} for n in place.names],
            "note": place.note,
        }
        for place in ev.places
    ]
    return {
        "paragraphs": paragraphs,
        "problem": ev.problem,
        "names_intro": "Some places have more than one name in use. The brief gives every "
        "name on first mention; the table says whose usage each name reflects."
        if names
        else None,
        "names": names,
    }


def _map(ev: Evidence, drawing: MapDrawing | None) -> dict[str, Any] | None:
    if drawing is None:
        return None
    control = [f for f in ev.features if f.layer in ("control", "frontline")]
    reporters = sorted({f.source for f in control if f.source})
    dates = sorted({f.as_of for f in control if f.as_of is not None})
    when = f" as of {long_date(dates[-1])}" if dates else ""
    by = f", as reported by {'; '.join(reporters)}" if reporters else ""
    crossings = [drawing_label(drawing, f.name) for f in ev.features if f.layer == "crossing"]
    return {
        "image": MAP_IMAGE,
        "caption": "The area of the dialogue: districts, the corridor and its roads, crossing "
        f"points, and areas of control{when}.",
        "note": (
            f"Areas of control are approximate{by}. The names and boundaries shown imply no "
            "position on the status of any territory or authority. Scale bar "
            f"{drawing.scale_km:g} km."
        )
        if control
        else f"The names and boundaries shown imply no position on the status of any "
        f"territory or authority. Scale bar {drawing.scale_km:g} km.",
        "crossings": "Crossing points: " + "; ".join(crossings) + "." if crossings else None,
        "shown": {"labels": list(drawing.labels), "legend": list(drawing.legend)},
    }


def drawing_label(drawing: MapDrawing, name: str) -> str:
    for label in drawing.labels:
        if label.startswith(name):
            return label
    return name


def _timeline(ev: Evidence, chart: ChartText | None) -> dict[str, Any] | None:
    if not ev.timeline:
        return None
    rows = []
    for number, entry in enumerate(ev.timeline, 1):
        rows.append(
            {
                "n": str(number),
                "when": entry.when(),
                "event": entry.event,
                "source": entry.source,
                "views": [
                    {"party": ev.party_names.get(v.party, v.party), "words": v.words}
                    for v in entry.views
                ],
            }
        )
    return {
        "image": TIMELINE_IMAGE if chart else None,
        "caption": "Numbered events of the table below"
        + (", over monthly fatalities from the event data." if len(chart.texts) > 1 else ".")
        if chart
        else None,
        "intro": "Where the parties describe an event in their own words, the words are "
        "quoted and attributed; the brief does not adopt them.",
        "rows": rows,
        "shown": list(chart.texts) if chart else [],
    }


def _legal(ev: Evidence) -> dict[str, Any] | None:
    if not ev.legal:
        return None
    return {
        "intro": "The rules below bind the parties on this problem, in plain words. They "
        "summarise the instruments, whose own texts govern.",
        "rows": [
            {
                "instrument": p.instrument,
                "provision": p.provision,
                "kind": p.kind.value,
                "obligation": p.obligation,
                "relevance": p.relevance,
            }
            for p in ev.legal
        ],
    }


def _figures(ev: Evidence, chart: ChartText | None) -> dict[str, Any] | None:
    if not ev.figures:
        return None
    rows, last = [], ""
    for f in ev.figures:
        share = f.coverage()
        rows.append(
            [
                f.adm1 if f.adm1 != last else "",
                f.sector,
                _number(f.affected),
                _number(f.in_need),
                _number(f.reached),
                "\u2013" if share is None else f"{share:.0%}",
            ]
        )
        last = f.adm1
    by_source: dict[tuple[str, str], list[str]] = {}
    for f in ev.figures:
        names = by_source.setdefault((f.source or "source not stated", f.origin), [])
        if f.adm1 not in names:
            names.append(f.adm1)
    days = sorted({f.day for f in ev.figures})
    when = (
        f"Figures as of {long_date(days[-1])}."
        if len(days) == 1
        else f"Figures dated {long_date(days[0])} to {long_date(days[-1])}."
    )
    sources = "; ".join(
        f"{name}, from "
        f"{'a neutral body' if origin == NEUTRAL else origin_words(origin, ev.party_names)}, "
        f"for {', '.join(districts)}"
        for (name, origin), districts in by_source.items()
    )
    return {
        "image": FIGURES_IMAGE if chart else None,
        "caption": "People in need and reached by sector, all districts together; and the "
        "share of sector needs reached in each district.",
        "note": f"{when} Sources: {sources}. People affected are counted once per district; "
        "people in need and reached are counted per sector, so one person may appear in "
        "several sectors.",
        "header": ["District", "Sector", "Affected", "In need", "Reached", "Reached %"],
        "rows": rows,
        "shown": list(chart.texts) if chart else [],
    }


def _sources(ev: Evidence) -> dict[str, Any]:
    return {
        "intro": "Where each source comes from: one of the parties, or a neutral body. "
        "Figures from a party's own offices may not have been verified independently.",
        "rows": [
            {
                "name": s.name,
                "origin": origin_words(s.origin, ev.party_names),
                "used_for": ", ".join(s.used_for),
            }
            for s in ev.sources
        ],
    }


def brief_data(
    ev: Evidence,
    *,
    date: str,
    drawing: MapDrawing | None,
    timeline_chart: ChartText | None,
    figures_chart: ChartText | None,
) -> dict[str, Any]:
    """The brief as data: the template and the HTML show these strings and nothing else."""
    return {
        "title": "Evidence brief",
        "subtitle": ev.title,
        "marking": MARKING,
        "date": date,
        "meeting": f"Prepared for {ev.meeting}" if ev.meeting else None,
        "copy": None,
        "headings": SECTIONS,
        "about": _about(ev),
        "map": _map(ev, drawing),
        "timeline": _timeline(ev, timeline_chart),
        "legal": _legal(ev),
        "figures": _figures(ev, figures_chart),
        "sources": _sources(ev),
    }


def with_copy(data: Mapping[str, Any], copy: str) -> dict[str, Any]:
    return {**data, "copy": copy}


# --- the same words as one text, for the linter -----------------------------------------------


def lint_parts(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(section heading, paragraph) in reading order; the linter reads them joined by blank
    lines, and a finding is placed by the paragraph it falls in."""
    head = SECTIONS
    parts: list[tuple[str, str]] = [
        ("title", data["title"]),
        ("title", data["subtitle"]),
    ]
    if data["meeting"]:
        parts.append(("title", data["meeting"]))
    about = data["about"]
    parts += [(head["about"], p) for p in about["paragraphs"]]
    if about["problem"]:
        parts.append((head["about"], f"The problem the dialogue addresses: {about['problem']}"))
    if about["names_intro"]:
        parts.append((head["about"], about["names_intro"]))
    for row in about["names"]:
        parts.append((head["about"], f"{row['names']}. {row['usage']}. {row['note']}".strip()))
    if data["map"]:
        m = data["map"]
        parts += [(head["map"], m["caption"]), (head["map"], m["note"])]
        if m["crossings"]:
            parts.append((head["map"], m["crossings"]))
        parts += [(head["map"], t) for t in m["shown"]["labels"] + m["shown"]["legend"]]
    if data["timeline"]:
        t = data["timeline"]
        parts += [(head["timeline"], s) for s in [t["caption"], t["intro"], *t["shown"]] if s]
        for row in t["rows"]:
            parts.append(
                (head["timeline"], f"{row['n']}. {row['when']}. {row['event']} ({row['source']})")
            )
            parts += [
                (head["timeline"], f"{v['party']} calls it \u201c{v['words']}\u201d.")
                for v in row["views"]
            ]
    if data["legal"]:
        parts.append((head["legal"], data["legal"]["intro"]))
        for row in data["legal"]["rows"]:
            parts += [
                (head["legal"], f"{row['instrument']}, {row['provision']} ({row['kind']})."),
                (head["legal"], row["obligation"]),
                (head["legal"], row["relevance"]),
            ]
    if data["figures"]:
        f = data["figures"]
        parts += [(head["figures"], s) for s in [f["caption"], f["note"], *f["shown"]]]
        parts += [(head["figures"], " ".join(r)) for r in f["rows"]]
    src = data["sources"]
    lines = [f"{head['sources']}"] + [f"- {r['name']} \u2014 {r['origin']}" for r in src["rows"]]
    parts += [(head["sources"], src["intro"]), (head["sources"], "\n".join(lines))]
    return parts


def lint_text(parts: Sequence[tuple[str, str]]) -> tuple[str, list[tuple[int, str, int]]]:
    """The joined text and, for each part, (start offset, section, paragraph number)."""
    offsets: list[tuple[int, str, int]] = []
    pieces: list[str] = []
    position = 0
    counters: dict[str, int] = {}
    for section, text in parts:
        counters[section] = counters.get(section, 0) + 1
        offsets.append((position, section, counters[section]))
        pieces.append(text)
        position += len(text) + 2
    return "\n\n".join(pieces), offsets
