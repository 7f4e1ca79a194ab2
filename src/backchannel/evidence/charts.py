"""Charts of the ripeness indicators, as print-friendly PNG files.

Every word the chart draws is in the language being rendered (`i18n.speaking`): titles,
axes, legends, months and the readings ("rising", "stable"); matplotlib shapes Arabic
(libraqm) with DejaVu Sans' Arabic letters. What the data holds (side names) is as written.

Drawn with matplotlib's object API (a ``Figure`` on the Agg canvas, never pyplot), so no global
figure is left open and rendering is safe in the web server's threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from backchannel.domain.errors import BadInputError
from backchannel.domain.indicators import (
    NO_SIDE,
    STABLE_KM,
    VOLATILE_KM,
    DyadTrend,
    Indicators,
    SideStability,
)
from backchannel.evidence._png import save_png
from backchannel.i18n import N_, gettext, isolated, ngettext, right_to_left, short_month

DPI = 150
SIZE_PX = (1600, 900)
MAX_SERIES = 6
MAX_MONTHS = 36
MAX_QUARTERS = 12
MAX_LABEL = 38
MAX_DYAD_NAME = 24  # two names and a reading must fit under half the figure
# Muted, distinguishable in colour and (by line style) in grey print.
PALETTE = ("#33658a", "#c2593f", "#6b8f47", "#8e6c8a", "#c9962c", "#5c5c5c")
STYLES = ("-", "--", "-.", ":", "-", "--")
INK = "#333333"
FAINT = "#9a9a9a"
# The domain's readings of a trend and of a side's front line, as the chart says them.
READINGS = {
    "rising": N_("rising"),
    "falling": N_("falling"),
    "flat": N_("flat"),
    "stable": N_("stable"),
    "shifting": N_("shifting"),
    "volatile": N_("volatile"),
}
TITLE = N_("Conflict indicators")


def indicators_chart(
    indicators: Indicators,
    out: Path,
    *,
    title: str | None = None,
    source: str | None = None,
) -> Path:
    """Write a two-panel PNG (fatalities per month per dyad; front-line shift per quarter
    per side) to ``out``, atomically, and return ``out``.

    ``source`` is the note printed at the bottom, e.g. ``EventTable.source_note()``.
    """
    if not out.parent.is_dir():
        raise BadInputError("folder does not exist", file=str(out.parent))
    if out.is_dir():
        raise BadInputError("is a folder, not a file name for the chart", file=str(out))
    figure = Figure(figsize=(SIZE_PX[0] / DPI, SIZE_PX[1] / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    entries = max(
        min(len(indicators.trends), MAX_SERIES + 1), min(len(indicators.stability), MAX_SERIES + 1)
    )
    # Room under the panels for tick labels and the legends, one line per entry.
    legend_top = 0.075 + 0.028 * entries
    figure.subplots_adjust(left=0.06, right=0.98, top=0.86, bottom=legend_top + 0.085, wspace=0.2)
    left, right = figure.subplots(1, 2)
    title = gettext(TITLE) if title is None else title
    # TRANSLATORS: the note under the indicators chart when no source is named
    source = gettext("Source: events CSV") if source is None else source
    # titles start where lines do
    x, align = (0.98, "right") if right_to_left() else (0.06, "left")
    figure.text(x, 0.95, _text(title, 90), fontsize=14, color=INK, weight="bold", ha=align)
    _trend_panel(left, indicators.trends)
    _stability_panel(right, indicators.stability)
    for axes in (left, right):
        if axes.get_legend_handles_labels()[0]:
            axes.legend(
                loc="upper left",
                bbox_to_anchor=(axes.get_position().x0, legend_top),
                bbox_transform=figure.transFigure,
                frameon=False,
                fontsize=8,
                handlelength=2.6,
                labelcolor=INK,
            )
    figure.text(x, 0.025, _text(source, 160), fontsize=7.5, color=FAINT, ha=align)
    return save_png(figure, out, DPI)


def _text(value: str, limit: int = MAX_LABEL) -> str:
    """Plain text for matplotlib: '$' would start mathtext; long names are cut."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "\u2026"
    return value.replace("$", r"\$")


# A legend's names, readings and figures are each isolated, so an Arabic reading in a line
# that starts with an English name keeps its place ("(ثابت, -7%)", not "(7- ,ثابت%)").


def _dyad_label(trend: DyadTrend) -> str:
    first, second = trend.dyad
    one, two = isolated(_text(first, MAX_DYAD_NAME)), isolated(_text(second, MAX_DYAD_NAME))
    # TRANSLATORS: in the chart's legend, a side that fought no other: "Velmar Authority (alone)"
    names = (
        gettext("%(side)s (alone)") % {"side": one} if second == NO_SIDE else f"{one} \u2013 {two}"
    )
    reading = _reading(trend.direction)
    if trend.recent_change is None:
        return f"{names} ({reading})"
    return f"{names} ({reading}, {isolated(f'{trend.recent_change:+.0%}')})"


def _reading(word: str) -> str:
    return isolated(gettext(READINGS[word]) if word in READINGS else word)


def _month_label(key: str) -> str:
    year, month = key.split("-")
    return short_month(int(year), int(month))


def _style(axes: Axes, heading: str) -> None:
    axes.set_title(
        heading, loc="right" if right_to_left() else "left", fontsize=10.5, color=INK, pad=8
    )
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(FAINT)
    axes.tick_params(colors=INK, labelsize=8, length=3)
    axes.grid(axis="y", color="#e4e4e4", linewidth=0.6)
    axes.set_axisbelow(True)


def _trend_panel(axes: Axes, trends: Sequence[DyadTrend]) -> None:
    months = [key for key, _n in trends[0].months][-MAX_MONTHS:] if trends else []
    heading = gettext("Fatalities per month, by pair of sides")
    if trends and len(trends[0].months) > MAX_MONTHS:
        # TRANSLATORS: after the chart's heading when older months are left out
        heading += " " + gettext("(last %(num)s months)") % {"num": MAX_MONTHS}
    _style(axes, heading)
    if not months:
        return
    xs = list(range(len(months)))
    partial = trends[0].partial_last
    done = len(xs) - 1 if partial else len(xs)  # complete months drawn solid
    for index, trend in enumerate(trends[:MAX_SERIES]):
        values = [n for _k, n in trend.months][-MAX_MONTHS:]
        colour = PALETTE[index]
        axes.plot(
            xs[:done],
            values[:done],
            linestyle=STYLES[index],
            marker="o" if len(xs) <= 3 else None,
            markersize=4,
            label=_dyad_label(trend),
            color=colour,
            linewidth=1.6,
        )
        if partial:
            axes.plot(xs[-2:], values[-2:], ":", color=colour, linewidth=1.6, alpha=0.6)
    if partial:
        axes.text(
            xs[-1],
            1.0,
            gettext("month in progress"),
            ha="right",
            va="bottom",
            fontsize=7,
            color=FAINT,
            transform=axes.get_xaxis_transform(),
        )
    if len(trends) > MAX_SERIES:
        more = len(trends) - MAX_SERIES
        said = ngettext("%(num)s more pair not drawn", "%(num)s more pairs not drawn", more)
        axes.plot([], [], " ", label=said % {"num": more})
    # At most seven labels of "Jan 2025" fit under half the figure.
    step = next(s for s in (1, 2, 3, 6, 12, 24) if len(months) / s <= 7)
    ticks = [i for i, key in enumerate(months) if (int(key[5:]) - 1) % step == 0] or [0]
    axes.set_xticks(ticks, [_month_label(months[i]) for i in ticks])
    axes.set_xlim(-0.5, len(months) - 0.5)
    highest = max((n for t in trends[:MAX_SERIES] for _k, n in t.months[-MAX_MONTHS:]), default=0)
    axes.set_ylim(0, max(highest * 1.08, 5))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel(gettext("fatalities"), fontsize=8.5, color=INK)


def _stability_panel(axes: Axes, stability: Sequence[SideStability]) -> None:
    _style(axes, gettext("Front-line shift per quarter, by side (km)"))
    shown = stability[:MAX_SERIES]
    quarters = sorted({q for s in shown for q, _km in s.periods})[-MAX_QUARTERS:]
    if not quarters:
        axes.text(
            0.5,
            0.5,
            gettext("No side was active in two or more quarters:")
            + "\n"
            + gettext("front-line movement cannot be measured."),
            ha="center",
            va="center",
            fontsize=9,
            color=FAINT,
            transform=axes.transAxes,
        )
        axes.set_xticks([])
        axes.set_yticks([])
        return
    position = {q: i for i, q in enumerate(quarters)}
    top = 0.0
    for index, item in enumerate(shown):
        points = [(position[q], km) for q, km in item.periods if q in position]
        xs = [x for x, _km in points]
        values = [km for _x, km in points]
        top = max([top, *values])
        shift = gettext("%(num)s km") % {"num": f"{item.recent_shift_km or 0.0:.0f}"}
        label = f"{isolated(_text(item.side))} ({_reading(item.label)}, {isolated(shift)})"
        axes.plot(
            xs,
            values,
            color=PALETTE[index],
            linestyle=STYLES[index],
            linewidth=1.6,
            marker="o",
            markersize=3.5,
            label=label,
        )
    if len(stability) > MAX_SERIES:
        more = len(stability) - MAX_SERIES
        said = ngettext("%(num)s more side not drawn", "%(num)s more sides not drawn", more)
        axes.plot([], [], " ", label=said % {"num": more})
    ceiling = max(top * 1.12, VOLATILE_KM * 1.15)
    # TRANSLATORS: the chart's two threshold lines: "stable below 15 km", "volatile from 60 km"
    thresholds = (
        (STABLE_KM, gettext("stable below %(num)s km")),
        (VOLATILE_KM, gettext("volatile from %(num)s km")),
    )
    for km, words in thresholds:
        axes.axhline(km, color=FAINT, linewidth=0.7, linestyle=(0, (2, 3)))
        axes.text(
            0.995,
            km,
            words % {"num": f"{km:.0f}"},
            ha="right",
            va="bottom",
            fontsize=7,
            color=FAINT,
            transform=axes.get_yaxis_transform(),
        )
    axes.set_xticks(range(len(quarters)), [q.replace("-", " ") for q in quarters])
    if len(quarters) > 8:
        axes.tick_params(axis="x", labelrotation=45)
    axes.set_xlim(-0.5, len(quarters) - 0.5)
    axes.set_ylim(0, ceiling)
    axes.set_ylabel(gettext("km per quarter"), fontsize=8.5, color=INK)
