"""The confidential roster report (facilitators only): the mix by category, party and gender,
which interlocutor each channel reaches, the rules and whether each holds, the editorial
warnings and who has not consented to the current charter.

Like every document it passes the non-attribution gate, which blocks any participant's
name, alias, affiliation or title. So the report names no one: participants appear by id
(c001, ...), party code, category and gender, and the ids refer to the facilitators'
register in the workspace. Parties appear by code because a party's name may also be a
participant's affiliation (a coordination platform both sits at the table and employs
people in the pool).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import NotFoundError
from backchannel.domain.mix import MixRules, Rule, RuleKind, holds
from backchannel.domain.people import Candidate, Category
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _clock
from backchannel.services.documents import Outgoing, export_from_workspace
from backchannel.services.roster import RosterView, reach_of, roster_view
from backchannel.services.workspace import Workspace

FILENAME = "roster-report.pdf"
CHART_NAME = "roster-mix.png"
MARKING = "Confidential — facilitators only"
NOTICE = (
    "This report names no one: ids refer to the facilitators' register in the workspace. "
    "Parties are shown by their code."
)
_NONE = "none"


@dataclass(frozen=True, slots=True)
class MixRow:
    """How many participants one category, party or gender value has, and what the rules
    allow (`low`/`high`: None when no rule bounds it)."""

    label: str
    count: int
    low: int | None = None
    high: int | None = None
    rules: tuple[str, ...] = ()

    @property
    def holds(self) -> bool:
        return (self.low is None or self.count >= self.low) and (
            self.high is None or self.count <= self.high
        )


@dataclass(frozen=True, slots=True)
class Mix:
    size: MixRow
    categories: tuple[MixRow, ...]
    parties: tuple[MixRow, ...]
    genders: tuple[MixRow, ...]


def _row(
    name: str, count: int, rules: MixRules, kinds: tuple[RuleKind, RuleKind], subject: str
) -> MixRow:
    low, high = rules.get(kinds[0], subject), rules.get(kinds[1], subject)
    return MixRow(
        name,
        count,
        low.limit if low else None,
        high.limit if high else None,
        tuple(r.name for r in (low, high) if r is not None),
    )


def mix_of(view: RosterView) -> Mix:
    """The roster by category, party and gender, with the bounds the rules set."""
    rules, people = view.rules.rules, view.participants
    n = len(people)
    size = MixRow(
        "people",
        n,
        rules.size_min,
        rules.size_max,
        tuple(r.name for r in rules.of(RuleKind.SIZE_MIN, RuleKind.SIZE_MAX)),
    )
    categories = tuple(
        _row(
            category.value,
            sum(c.category is category for c in people),
            rules,
            (RuleKind.CATEGORY_MIN, RuleKind.CATEGORY_MAX),
            category.value,
        )
        for category in Category
    )
    party_codes = [p.code for p in view.dialogue.parties]
    ruled = [r.subject for r in rules.of(RuleKind.PARTY_MIN, RuleKind.PARTY_MAX)]
    for code in [*ruled, *sorted({c.party for c in people})]:
        if code not in party_codes:
            party_codes.append(code)
    parties = tuple(
        _row(
            code,
            sum(c.party == code for c in people),
            rules,
            (RuleKind.PARTY_MIN, RuleKind.PARTY_MAX),
            code,
        )
        for code in party_codes
    )
    shares = {r.subject: r for r in rules.of(RuleKind.GENDER_MIN_SHARE)}
    values = sorted({c.gender for c in people} | set(shares), key=lambda g: (g == "", g))
    genders = []
    for value in values:
        share = shares.get(value)
        low = None if share is None else -(-share.share.numerator * n // share.share.denominator)
        genders.append(
            MixRow(
                value or "not stated",
                sum(c.gender == value for c in people),
                low,
                None,
                (share.name,) if share else (),
            )
        )
    return Mix(size, categories, parties, tuple(genders))


def label(category: str) -> str:
    """`technical_expert` -> `technical expert`."""
    return category.replace("_", " ")


def _bounds(row: MixRow) -> str:
    if row.low is not None and row.high is not None:
        return f"{row.low} to {row.high}"
    if row.low is not None:
        return f"at least {row.low}"
    if row.high is not None:
        return f"at most {row.high}"
    return "no rule"


def _mix_rows(mix: Mix) -> list[dict[str, Any]]:
    """One table: size, then each category, party and gender value, the group named once."""
    groups = (
        ("Size", [mix.size]),
        ("Category", mix.categories),
        ("Party", mix.parties),
        ("Gender", mix.genders),
    )
    return [
        {
            "cells": [
                group if n == 0 else "",
                label(r.label) if group == "Category" else r.label,
                str(r.count),
                _bounds(r),
                "yes" if r.holds else "NO",
            ],
            "flag": not r.holds,
            "first": n == 0,
        }
        for group, rows in groups
        for n, r in enumerate(rows)
    ]


def _asks(rule: Rule) -> str:
    subject = label(rule.subject)
    asks = {
        RuleKind.SIZE_MIN: f"at least {rule.limit} people",
        RuleKind.SIZE_MAX: f"at most {rule.limit} people",
        RuleKind.CATEGORY_MIN: f"at least {rule.limit} {subject}",
        RuleKind.CATEGORY_MAX: f"at most {rule.limit} {subject}",
        RuleKind.PARTY_MIN: f"at least {rule.limit} from party {rule.subject}",
        RuleKind.PARTY_MAX: f"at most {rule.limit} from party {rule.subject}",
        RuleKind.GENDER_MIN_SHARE: f"at least {float(rule.share):.0%} gender {rule.subject}",
        RuleKind.AFFILIATION_MAX_PER: f"at most {rule.limit} from one organisation",
        RuleKind.CHANNEL_REQUIRED: "a channel to it",
        RuleKind.INCLUDE: "on the roster",
        RuleKind.EXCLUDE: "not on the roster",
    }
    return asks[rule.kind]


def _found(rule: Rule, roster: Sequence[Candidate]) -> str:
    """What the roster has, for one rule: a count, or ids (never an organisation's name)."""
    if rule.kind is RuleKind.AFFILIATION_MAX_PER:
        most = Counter(c.affiliation for c in roster if c.affiliation).most_common(1)
        return f"at most {most[0][1] if most else 0} from one"
    if rule.kind is RuleKind.CHANNEL_REQUIRED:
        return ", ".join(c.id for c in roster if rule.counts(c)) or _NONE
    if rule.kind in (RuleKind.INCLUDE, RuleKind.EXCLUDE):
        return "on the roster" if any(rule.counts(c) for c in roster) else "not on the roster"
    count = sum(rule.counts(c) for c in roster)
    if rule.kind is RuleKind.GENDER_MIN_SHARE:
        share = count / len(roster) if roster else 0.0
        return f"{count} of {len(roster)} ({share:.0%})"
    return str(count)


def _rule_name(rule: Rule) -> str:
    """The dotted name, with the channel's name on its own line so the column stays narrow."""
    if rule.kind is RuleKind.CHANNEL_REQUIRED:
        return f"channels.required:\n{rule.subject}"
    return rule.name


def report_data(view: RosterView, mix: Mix, chart: Path | None) -> dict[str, Any]:
    """Every string the reader sees, for the template and for the gate."""
    people = view.participants
    rules = view.rules
    always = [v.message for v in view.violations if v.rule in ("available", "conflicts")]
    broken = {v.rule for v in view.violations}
    consented = len(people) - len(view.without_consent)
    if view.charter_version is None:
        charter = "none adopted yet"
        consent_line = "No charter adopted yet: nobody has consented to the ground rules."
    else:
        charter = f"v{view.charter_version}"
        consent_line = f"{consented} of {len(people)} participants consented to charter {charter}."
    summary = [
        f"{len(people)} participants; the rules allow {_bounds(mix.size)}.",
        f"{len(rules.rules.rules)} rules in force"
        + (" (the defaults: no mix rules were set)" if rules.defaults else "")
        + f"; {len([r for r in rules.rules.rules if r.name in broken])} broken"
        + (f"; {len(always)} availability or seating problem(s)." if always else "."),
        f"{len(view.warnings)} editorial warning(s).",
        consent_line,
    ]
    return {
        "title": "Roster report",
        "subtitle": view.dialogue.title,
        "marking": MARKING,
        "date": _clock.today().strftime("%-d %B %Y"),
        "notice": NOTICE,
        "summary": summary,
        "roster": {
            "header": ["Id", "Party", "Category", "Gender", "Channels", "Consent"],
            "rows": [
                {
                    "cells": [
                        c.id,
                        c.party,
                        label(c.category.value),
                        c.gender or "not stated",
                        "; ".join(c.channels) or _NONE,
                        view.consent_note(c.id),
                    ],
                    "flag": c.id in view.without_consent,
                }
                for c in people
            ],
        },
        "mix": {
            "header": ["", "", "On the roster", "The rules allow", "Holds"],
            "rows": _mix_rows(mix),
        },
        "chart": None
        if chart is None
        else {
            "image": CHART_NAME,
            "caption": "Participants by category, party and gender. Dashed marks: the "
            "minimum a rule sets; solid marks: the maximum; red bars are outside a rule.",
        },
        "reach": {
            "header": ["Interlocutor or channel", "Party", "Required", "Reached through"],
            "rows": [
                {
                    "cells": [
                        r.channel + ("" if r.interlocutor else " (not an interlocutor)"),
                        r.party or "—",
                        "yes" if r.required else "no",
                        ", ".join(r.through) or "NO ONE",
                    ],
                    "flag": not r.through and (r.required or r.interlocutor),
                }
                for r in reach_of(view)
            ],
        },
        "rules": {
            "source": "the defaults (size 10 to 16): no mix rules were set"
            if rules.defaults or rules.set_at is None
            else f"the dialogue's mix rules, set {rules.set_at:%-d %B %Y}",
            "header": ["Rule", "Asks", "The roster has", "Holds"],
            "rows": [
                {
                    "cells": [
                        _rule_name(r),
                        _asks(r),
                        _found(r, people),
                        "yes" if holds(r, people) else "NO",
                    ],
                    "flag": not holds(r, people),
                }
                for r in rules.rules.rules
            ],
            "always": always,
        },
        "warnings": list(view.warnings),
        "consent": {
            "charter": charter,
            "missing": list(view.without_consent),
            "hint": "Adopt a charter ('backchannel charter adopt'), then record each "
            "participant's consent ('backchannel consent record ID --how ...')."
            if view.charter_version is None
            else "Record each consent with 'backchannel consent record ID --how ...'.",
        },
    }


def roster_report_documents(view: RosterView, workdir: Path) -> list[Outgoing]:
    """The report of a non-empty roster; the chart is drawn in `workdir` (kept by the caller)."""
    from backchannel.evidence.roster_chart import MixBar, roster_chart  # loads matplotlib

    mix = mix_of(view)

    def bars(rows: Sequence[MixRow], *, categories: bool = False) -> list[MixBar]:
        return [
            MixBar(label(r.label) if categories else r.label, r.count, r.low, r.high) for r in rows
        ]

    chart = roster_chart(
        [
            ("By category", bars(mix.categories, categories=True)),
            ("By party", bars(mix.parties)),
            ("By gender", bars(mix.genders)),
        ],
        workdir / CHART_NAME,
        title=f"Roster mix: {len(view.participants)} participants",
    )
    data = report_data(view, mix, chart)
    return [
        Outgoing(
            filename=FILENAME,
            kind=DocumentKind.ROSTER_REPORT,
            data=data,
            produce=lambda: render_pdf("roster_report.typ", data, images={CHART_NAME: chart}),
        )
    ]


def build_roster_report(ws: Workspace, workdir: Path, *, required: bool = True) -> list[Outgoing]:
    """The report's documents; with `required=False`, none when the roster is empty."""
    view = roster_view(ws)
    if not view.participants:
        if not required:
            return []
        raise NotFoundError("no roster yet: run 'backchannel roster select' or 'roster add ID'")
    return roster_report_documents(view, workdir)


def export_roster_report(ws: Workspace, outdir: Path, actor: str = "cli") -> list[Path]:
    """Render the report, pass it through the gate and write it (audited as an export)."""
    with tempfile.TemporaryDirectory(prefix="backchannel-roster-") as tmp:
        return export_from_workspace(ws, build_roster_report(ws, Path(tmp)), outdir, actor=actor)
