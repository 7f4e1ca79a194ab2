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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backchannel import i18n
from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import NotFoundError
from backchannel.domain.mix import MixRules, Rule, RuleKind, holds
from backchannel.domain.people import Category
from backchannel.i18n import gettext, ngettext
from backchannel.render.typst_pdf import render_pdf
from backchannel.services import _clock
from backchannel.services import _roster_report_words as words
from backchannel.services.documents import Outgoing, export_from_workspace
from backchannel.services.outputs import language_fields
from backchannel.services.roster import RosterView, reach_of, roster_view
from backchannel.services.working_languages import each_working_language
from backchannel.services.workspace import Workspace

FILENAME = "roster-report.pdf"
CHART_NAME = "roster-mix.png"
MARKING = words.MARKING
NOTICE = words.NOTICE


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
    """`technical_expert` -> `technical expert` (in the language being rendered)."""
    return words.category(category)


def _mix_rows(mix: Mix) -> list[dict[str, Any]]:
    """One table: size, then each category, party and gender value, the group named once."""
    groups = (
        ("size", [mix.size]),
        ("category", mix.categories),
        ("party", mix.parties),
        ("gender", mix.genders),
    )
    # TRANSLATORS: the groups of the roster report's mix table
    names = {"size": gettext("Size"), "category": gettext("Category")}
    names |= {"party": gettext("Party"), "gender": gettext("Gender")}

    def shown(group: str, row: MixRow) -> str:
        if group == "size":
            # TRANSLATORS: the size row of the mix table: how many people are on the roster
            return gettext("people")
        if group == "category":
            return label(row.label)
        if group == "gender" and row.label == "not stated":
            return words.not_stated()
        return row.label

    return [
        {
            "cells": [
                names[group] if n == 0 else "",
                shown(group, r),
                str(r.count),
                words.bounds(r.low, r.high),
                words.holds(r.holds),
            ],
            "flag": not r.holds,
            "first": n == 0,
        }
        for group, rows in groups
        for n, r in enumerate(rows)
    ]


def _rule_name(rule: Rule) -> str:
    """The dotted name, with the channel's name on its own line so the column stays narrow."""
    if rule.kind is RuleKind.CHANNEL_REQUIRED:
        return f"channels.required:\n{rule.subject}"
    return rule.name


def _reach_rows(view: RosterView) -> list[dict[str, Any]]:
    rows = []
    for r in reach_of(view):
        channel = r.channel
        if not r.interlocutor:
            channel = gettext("%(channel)s (not an interlocutor)") % {"channel": channel}
        rows.append(
            {
                "cells": [
                    channel,
                    r.party or "—",
                    words.yes(r.required),
                    # TRANSLATORS: no participant reaches this interlocutor (in capitals)
                    ", ".join(r.through) or gettext("NO ONE"),
                ],
                "flag": not r.through and (r.required or r.interlocutor),
            }
        )
    return rows


def report_data(view: RosterView, mix: Mix, chart: Path | None) -> dict[str, Any]:
    """Every string the reader sees, for the template and for the gate, in the language
    being rendered (`i18n.speaking`)."""
    people = view.participants
    rules = view.rules
    always = [v.message for v in view.violations if v.rule in ("available", "conflicts")]
    broken = {v.rule for v in view.violations}
    version = view.charter_version
    summary = words.summary(
        len(people),
        words.bounds(mix.size.low, mix.size.high),
        rules=len(rules.rules.rules),
        defaults=rules.defaults,
        broken=len([r for r in rules.rules.rules if r.name in broken]),
        problems=len(always),
        warnings=len(view.warnings),
        consented=len(people) - len(view.without_consent),
        version=version,
    )
    set_on = None if rules.set_at is None else i18n.long_day(rules.set_at)
    return {
        "title": gettext(words.TITLE),
        "subtitle": view.dialogue.title,
        "marking": gettext(MARKING),
        "date": i18n.long_day(_clock.today()),
        "notice": gettext(NOTICE),
        "summary": summary,
        "roster": {
            "header": words.words(words.ROSTER_HEADER),
            "rows": [
                {
                    "cells": [
                        c.id,
                        c.party,
                        label(c.category.value),
                        c.gender or words.not_stated(),
                        "; ".join(c.channels) or words.none(),
                        words.consent_note(version, view.consents.get(c.id)),
                    ],
                    "flag": c.id in view.without_consent,
                }
                for c in people
            ],
        },
        "mix": {"header": words.words(words.MIX_HEADER), "rows": _mix_rows(mix)},
        "chart": None
        if chart is None
        else {"image": CHART_NAME, "caption": gettext(words.CHART_CAPTION)},
        "reach": {"header": words.words(words.REACH_HEADER), "rows": _reach_rows(view)},
        "rules": {
            "intro": words.rules_intro(words.rules_source(rules.defaults, set_on)),
            "header": words.words(words.RULES_HEADER),
            "rows": [
                {
                    "cells": [
                        _rule_name(r),
                        words.asks(r),
                        words.found(r, people),
                        words.holds(holds(r, people)),
                    ],
                    "flag": not holds(r, people),
                }
                for r in rules.rules.rules
            ],
            "always": always,
        },
        "warnings": list(view.warnings),
        "consent": {
            "charter": words.charter(version),
            "current": words.current_charter(version),
            "missing": list(view.without_consent),
            "hint": words.consent_hint(version),
        },
        "labels": words.labels(),
        **language_fields(),
    }


def roster_report_documents(view: RosterView, workdir: Path) -> list[Outgoing]:
    """The report of a non-empty roster; the chart is drawn in `workdir` (kept by the caller)."""
    from backchannel.evidence.roster_chart import MixBar, roster_chart  # loads matplotlib

    mix = mix_of(view)

    def bars(rows: Sequence[MixRow], *, categories: bool = False) -> list[MixBar]:
        return [
            MixBar(label(r.label) if categories else r.label, r.count, r.low, r.high) for r in rows
        ]

    n = len(view.participants)
    chart = roster_chart(
        [
            (gettext("By category"), bars(mix.categories, categories=True)),
            (gettext("By party"), bars(mix.parties)),
            (gettext("By gender"), bars(mix.genders)),
        ],
        workdir / CHART_NAME,
        title=ngettext("Roster mix: %(num)s participant", "Roster mix: %(num)s participants", n)
        % {"num": n},
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
        docs = each_working_language(
            ws, lambda folder: build_roster_report(ws, folder or Path(tmp)), Path(tmp)
        )
        return export_from_workspace(ws, docs, outdir, actor=actor)
