"""What the brief says: its data (every string a reader sees) and the same words as one text,
paragraph by paragraph, for the neutrality linter.

Nothing here reads the workspace or draws: `brief.py` gathers the evidence and the drawings
and passes them in. The brief's own words (headings, labels, boilerplate) are in the language
being rendered (`i18n.speaking`), with its dates and numbers; what the evidence says stays as
it was written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from backchannel import i18n
from backchannel.domain.brief import (
    NEUTRAL,
    Figure,
    LegalKind,
    LegalProvision,
    MapFeature,
    Source,
    TimelineEntry,
)
from backchannel.domain.neutrality import ContestedPlace
from backchannel.i18n import N_, gettext
from backchannel.services.outputs import language_fields

if TYPE_CHECKING:  # drawn with matplotlib, loaded only when a brief is drawn
    from backchannel.evidence.brief_charts import ChartText
    from backchannel.evidence.map import MapDrawing

MAP_IMAGE, TIMELINE_IMAGE, FIGURES_IMAGE = "map.png", "timeline.png", "humanitarian.png"
TITLE = N_("Evidence brief")
# TRANSLATORS: the evidence brief's marking, at the top of every page (shown in capitals)
MARKING = N_("For participants only")
SECTIONS = {
    "about": N_("About this brief"),
    # TRANSLATORS: a heading of the evidence brief: the geographic area of the dialogue (a map)
    "map": N_("The area"),
    "timeline": N_("Timeline"),
    "legal": N_("Legal constraints"),
    "figures": N_("Humanitarian situation"),
    # TRANSLATORS: a heading of the evidence brief: the list of its sources
    "sources": N_("Sources"),
}
# The template's and the HTML's own words: sub-headings and table headers.
LABELS = {
    "problem": N_("The problem the dialogue addresses"),
    "names": N_("Names of places"),
    # TRANSLATORS: table header: the names a contested place goes by
    "names_in_use": N_("Names in use"),
    "usage": N_("Whose usage each name reflects"),
    # TRANSLATORS: table header: the number of an event in the timeline (short)
    "number": N_("No."),
    "date": N_("Date"),
    "event": N_("Event"),
    # TRANSLATORS: table header: where a fact comes from
    "source": N_("Source"),
    # TRANSLATORS: table header: a treaty, a convention or another legal text
    "instrument": N_("Instrument"),
    "requires": N_("What it requires"),
    "matters": N_("Why it matters here"),
    # TRANSLATORS: table header: a party or a neutral body, the origin of a source
    "comes_from": N_("Comes from"),
    # TRANSLATORS: table header: the parts of the brief a source supports
    "used_for": N_("Used for"),
}
FIGURES_HEADER = (
    # TRANSLATORS: table header: an administrative district
    N_("District"),
    # TRANSLATORS: table header: a humanitarian sector (health, water, food...)
    N_("Sector"),
    # TRANSLATORS: table header: the number of people affected
    N_("Affected"),
    # TRANSLATORS: table header: the number of people in need of assistance
    N_("In need"),
    # TRANSLATORS: table header: the number of people assistance reached
    N_("Reached"),
    # TRANSLATORS: table header: people reached as a share of people in need
    N_("Reached %"),
)
LEGAL_KINDS = {
    # TRANSLATORS: a kind of legal instrument, shown in capitals under its name
    LegalKind.TREATY: N_("treaty"),
    # TRANSLATORS: a kind of legal instrument: customary international law
    LegalKind.CUSTOMARY: N_("customary"),
    # TRANSLATORS: a kind of legal instrument: non-binding standards
    LegalKind.SOFT_LAW: N_("soft law"),
    # TRANSLATORS: a kind of legal instrument: a country's own law
    LegalKind.DOMESTIC: N_("domestic"),
    LegalKind.AGREEMENT: N_("agreement"),
    # TRANSLATORS: a kind of legal instrument: a resolution (of the Security Council...)
    LegalKind.RESOLUTION: N_("resolution"),
}
# What a source is used for, as domain/brief.py `collect_sources` names the sections.
USED_FOR = {
    # TRANSLATORS: what a source in the brief is used for: the map
    "map": N_("map"),
    # TRANSLATORS: what a source in the brief is used for: the timeline
    "timeline": N_("timeline"),
    # TRANSLATORS: what a source in the brief is used for: the humanitarian figures
    "humanitarian data": N_("humanitarian data"),
}
PREPARED_FOR = {
    1: N_("Prepared for the first meeting, %(dates)s"),
    2: N_("Prepared for the second meeting, %(dates)s"),
    3: N_("Prepared for the third meeting, %(dates)s"),
    4: N_("Prepared for the fourth meeting, %(dates)s"),
    5: N_("Prepared for the fifth meeting, %(dates)s"),
}
PREPARED_FOR_NUMBER = N_("Prepared for meeting %(number)s, %(dates)s")


def long_date(day: date) -> str:
    """A date in full in the language being rendered: 5 March 2026, 5 mars 2026."""
    return i18n.long_day(day)


def span(first: date, days: int) -> str:
    """The days of a meeting: 18–19 January 2027, 30 January – 2 February 2027."""
    end = date.fromordinal(first.toordinal() + days - 1)
    if days <= 1:
        return long_date(first)
    if (end.year, end.month) == (first.year, first.month):
        return f"{first.day}\u2013{long_date(end)}"
    return f"{long_date(first)} \u2013 {long_date(end)}"


def when(entry: TimelineEntry) -> str:
    """'3 March 2026', or 'March 2026' for a date known to the month."""
    return i18n.month(entry.day) if entry.month_only else long_date(entry.day)


def count(value: int | None) -> str:
    """9,000 in English, 9 000 in French; a dash when not known."""
    from babel.numbers import format_decimal

    return "\u2013" if value is None else format_decimal(value, "#,##0", locale=i18n.current())


def share(value: float | None) -> str:
    """46% in English, 46 % in French; a dash when not known."""
    from babel.numbers import format_percent

    return "\u2013" if value is None else format_percent(value, locale=i18n.current())


def kilometres(value: float) -> str:
    """A scale bar's length: 25, 2.5 or 0.25 (in the language's decimal mark)."""
    places = len(f"{value:f}".rstrip("0").partition(".")[2])
    return i18n.number(value, places)


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """The meeting the brief is prepared for: its place among the dialogue's meetings (1 for
    the first), its number, its first day and how many days it lasts."""

    order: int
    number: int
    starts: date
    days: int

    def words(self) -> str:
        """'Prepared for the first meeting, 18–19 January 2027'."""
        dates = span(self.starts, self.days)
        if self.order in PREPARED_FOR:
            return gettext(PREPARED_FOR[self.order]) % {"dates": dates}
        return gettext(PREPARED_FOR_NUMBER) % {"number": self.number, "dates": dates}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything the brief is made from, already read from the workspace."""

    title: str
    convenor: str
    problem: str | None
    meeting: NextMeeting | None  # the coming meeting
    party_names: Mapping[str, str]
    features: tuple[MapFeature, ...]
    timeline: tuple[TimelineEntry, ...]
    legal: tuple[LegalProvision, ...]
    figures: tuple[Figure, ...]  # the latest of each district and sector
    places: tuple[ContestedPlace, ...]
    sources: tuple[Source, ...]


# TRANSLATORS: where a source of the brief comes from: a body that is neither party
NEUTRAL_BODY = N_("neutral body")
# TRANSLATORS: where a source of the brief comes from: one of the parties, named first
# ("Government of Sarnland (party)")
PARTY_ORIGIN = N_("%(party)s (party)")
# TRANSLATORS: where a source comes from: the file does not say
NOT_STATED = N_("not stated")


def _same(message: str) -> str:
    return message


def origin_words(
    origin: str, party_names: Mapping[str, str], translate: Callable[[str], str] = gettext
) -> str:
    """Where a source comes from, in the language being rendered (`translate=_same`: in
    English, for the linter)."""
    if origin == NEUTRAL:
        return translate(NEUTRAL_BODY)
    if origin in party_names:
        return translate(PARTY_ORIGIN) % {"party": party_names[origin]}
    return origin or translate(NOT_STATED)


def _about(ev: Evidence) -> dict[str, Any]:
    paragraphs = [
        gettext(
            "This brief gathers facts for the dialogue: where the problem lies, what has "
            "happened, which rules bind the parties, and what people need. It takes no side. "
            "Each fact names its source and where that source comes from; where the parties "
            "describe an event differently, each description is given in the party's own "
            "words and marked as theirs."
        ),
        gettext(
            "It is prepared for the participants of this dialogue only. Each copy is "
            "numbered; please do not copy it or pass it on."
        ),
    ]
    if ev.convenor:
        paragraphs[1] = gettext(
            "It is prepared by %(convenor)s for the participants of this dialogue only. "
            "Each copy is numbered; please do not copy it or pass it on."
        ) % {"convenor": ev.convenor}
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
        "names_intro": gettext(
            "Some places have more than one name in use. The brief gives every name on first "
            "mention; the table says whose usage each name reflects."
        )
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
    crossings = [drawing_label(drawing, f.name) for f in ev.features if f.layer == "crossing"]
    caption = (
        gettext(
            "The area of the dialogue: districts, the corridor and its roads, crossing "
            "points, and areas of control as of %(date)s."
        )
        % {"date": long_date(dates[-1])}
        if dates
        else gettext(
            "The area of the dialogue: districts, the corridor and its roads, crossing "
            "points, and areas of control."
        )
    )
    note = [
        gettext(
            "The names and boundaries shown imply no position on the status of any "
            "territory or authority."
        ),
        # TRANSLATORS: the length of the map's scale bar, in kilometres
        gettext("Scale bar %(km)s km.") % {"km": kilometres(drawing.scale_km)},
    ]
    if control:
        note.insert(
            0,
            gettext("Areas of control are approximate, as reported by %(sources)s.")
            % {"sources": "; ".join(reporters)}
            if reporters
            else gettext("Areas of control are approximate."),
        )
    return {
        "image": MAP_IMAGE,
        "caption": caption,
        "note": " ".join(note),
        "crossings": gettext("Crossing points: %(names)s.") % {"names": "; ".join(crossings)}
        if crossings
        else None,
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
                "when": when(entry),
                "event": entry.event,
                "source": entry.source,
                "views": [
                    {"party": ev.party_names.get(v.party, v.party), "words": v.words}
                    for v in entry.views
                ],
            }
        )
    caption = None
    if chart:
        caption = (
            gettext(
                "Numbered events of the table below, over monthly fatalities from the event data."
            )
            if len(chart.texts) > 1
            else gettext("Numbered events of the table below.")
        )
    return {
        "image": TIMELINE_IMAGE if chart else None,
        "caption": caption,
        "intro": gettext(
            "Where the parties describe an event in their own words, the words are quoted "
            "and attributed; the brief does not adopt them."
        ),
        "rows": rows,
        "shown": list(chart.texts) if chart else [],
    }


def _legal(ev: Evidence) -> dict[str, Any] | None:
    if not ev.legal:
        return None
    return {
        "intro": gettext(
            "The rules below bind the parties on this problem, in plain words. They "
            "summarise the instruments, whose own texts govern."
        ),
        "rows": [
            {
                "instrument": p.instrument,
                "provision": p.provision,
                "kind": gettext(LEGAL_KINDS[p.kind]) if p.kind in LEGAL_KINDS else p.kind.value,
                "obligation": p.obligation,
                "relevance": p.relevance,
            }
            for p in ev.legal
        ],
    }


def _figure_source(name: str, origin: str, districts: str, ev: Evidence) -> str:
    values = {"source": name, "districts": districts}
    if origin == NEUTRAL:
        return gettext("%(source)s, from a neutral body, for %(districts)s") % values
    if not origin:
        return gettext("%(source)s, origin not stated, for %(districts)s") % values
    values["origin"] = origin_words(origin, ev.party_names)
    return gettext("%(source)s, from %(origin)s, for %(districts)s") % values


def _figures(ev: Evidence, chart: ChartText | None) -> dict[str, Any] | None:
    if not ev.figures:
        return None
    rows, last = [], ""
    for f in ev.figures:
        rows.append(
            [
                f.adm1 if f.adm1 != last else "",
                f.sector,
                count(f.affected),
                count(f.in_need),
                count(f.reached),
                share(f.coverage()),
            ]
        )
        last = f.adm1
    by_source: dict[tuple[str, str], list[str]] = {}
    for f in ev.figures:
        names = by_source.setdefault((f.source or gettext("source not stated"), f.origin), [])
        if f.adm1 not in names:
            names.append(f.adm1)
    days = sorted({f.day for f in ev.figures})
    dated = (
        gettext("Figures as of %(date)s.") % {"date": long_date(days[-1])}
        if len(days) == 1
        else gettext("Figures dated %(first)s to %(last)s.")
        % {"first": long_date(days[0]), "last": long_date(days[-1])}
    )
    sources = "; ".join(
        _figure_source(name, origin, ", ".join(districts), ev)
        for (name, origin), districts in by_source.items()
    )
    note = [
        dated,
        gettext("Sources: %(sources)s.") % {"sources": sources},
        gettext(
            "People affected are counted once per district; people in need and reached are "
            "counted per sector, so one person may appear in several sectors."
        ),
    ]
    return {
        "image": FIGURES_IMAGE if chart else None,
        "caption": gettext(
            "People in need and reached by sector, all districts together; and the share of "
            "sector needs reached in each district."
        ),
        "note": " ".join(note),
        "header": [gettext(h) for h in FIGURES_HEADER],
        "rows": rows,
        "shown": list(chart.texts) if chart else [],
    }


def _sources(ev: Evidence) -> dict[str, Any]:
    return {
        "intro": gettext(
            "Where each source comes from: one of the parties, or a neutral body. Figures "
            "from a party's own offices may not have been verified independently."
        ),
        "rows": [
            {
                "name": s.name,
                "origin": origin_words(s.origin, ev.party_names),
                "used_for": ", ".join(gettext(USED_FOR.get(u, u)) for u in s.used_for),
            }
            for s in ev.sources
        ],
        # The same list in English for the neutrality linter, which weighs where each source
        # comes from by these words, whatever the language of the brief (lint_parts).
        "listed": [
            f"- {s.name} \u2014 {origin_words(s.origin, ev.party_names, _same)}" for s in ev.sources
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
        "title": gettext(TITLE),
        "subtitle": ev.title,
        "marking": gettext(MARKING),
        "date": date,
        "meeting": ev.meeting.words() if ev.meeting else None,
        "copy": None,
        "headings": {k: gettext(v) for k, v in SECTIONS.items()},
        "labels": {k: gettext(v) for k, v in LABELS.items()},
        "about": _about(ev),
        "map": _map(ev, drawing),
        "timeline": _timeline(ev, timeline_chart),
        "legal": _legal(ev),
        "figures": _figures(ev, figures_chart),
        "sources": _sources(ev),
        **language_fields(),
    }


def with_copy(data: Mapping[str, Any], copy: str) -> dict[str, Any]:
    return {**data, "copy": copy}


# --- the same words as one text, for the linter -----------------------------------------------


def lint_parts(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(section heading, paragraph) in reading order; the linter reads them joined by blank
    lines, and a finding is placed by the paragraph it falls in (its heading as the reader
    sees it). The words that only the linter reads ("calls it", the list of sources) are
    English whatever the brief's language, so that it weighs them the same in every one."""
    head = data["headings"]
    parts: list[tuple[str, str]] = [
        ("title", data["title"]),
        ("title", data["subtitle"]),
    ]
    if data["meeting"]:
        parts.append(("title", data["meeting"]))
    about = data["about"]
    parts += [(head["about"], p) for p in about["paragraphs"]]
    if about["problem"]:
        problem = f"{data['labels']['problem']}: {about['problem']}"
        parts.append((head["about"], problem))
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
    lines = [SECTIONS["sources"], *src["listed"]]
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
