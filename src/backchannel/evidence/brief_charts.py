"""The brief's charts: a timeline of numbered events over monthly fatalities, and the
humanitarian figures (people in need and reached by sector, the share of needs reached by
district). Print-friendly PNGs, drawn with matplotlib's object API on the Agg canvas.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from backchannel.domain.brief import Figure as HumanitarianFigure
from backchannel.domain.brief import TimelineEntry
from backchannel.domain.errors import BadInputError
from backchannel.evidence._png import save_png, text_for_mpl
from backchannel.i18n import gettext, short_month

DPI = 200
WIDTH_IN = 6.4
INK, FAINT, GRID = "#2b2b2b", "#8a8a8a", "#e6e6e6"
BAR, NEED, REACHED = "#b8c4cf", "#c9d6e2", "#2d4a6b"
MARKER = "#7a2e1f"


@dataclass(frozen=True, slots=True)
class ChartText:
    """Every word a chart shows, for the gate and the linter."""

    path: Path
    texts: tuple[str, ...]


def _style(axes: Axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(FAINT)
    axes.tick_params(colors=INK, labelsize=7, length=2.5)
    axes.set_axisbelow(True)


def _title(axes: Axes, heading: str) -> None:
    """A panel title at the left edge of the plotting area, above any legend."""
    axes.text(
        0.0, 1.13, heading, transform=axes.transAxes, fontsize=8, color=INK, ha="left", va="bottom"
    )


def _month_index(day: date, start: date) -> float:
    """Months since the start of `start`'s month, with the day as a fraction."""
    return (day.year - start.year) * 12 + day.month - start.month + (day.day - 1) / 31


def _levels(xs: Sequence[float], gap: float, most: int = 4) -> list[int]:
    """A level (0 = lowest) for each x in order, so that markers on one level keep `gap`."""
    last: list[float] = []
    levels = []
    for x in xs:
        for level, previous in enumerate(last):
            if x - previous >= gap:
                last[level] = x
                levels.append(level)
                break
        else:
            if len(last) < most:
                last.append(x)
                levels.append(len(last) - 1)
            else:
                level = min(range(most), key=lambda i: last[i])
                last[level] = x
                levels.append(level)
    return levels


def timeline_chart(
    entries: Sequence[TimelineEntry],
    out: Path,
    *,
    monthly_fatalities: Mapping[tuple[int, int], int] | None = None,
    fatalities_note: str = "",
) -> ChartText:
    """Numbered events (the numbers of the brief's timeline table) above monthly fatalities."""
    if not entries:
        raise BadInputError("there is no timeline to draw", field="timeline")
    monthly = dict(monthly_fatalities or {})
    days = [e.day for e in entries] + [date(y, m, 1) for y, m in monthly]
    start = date(min(days).year, min(days).month, 1)
    end = max(days)
    span = max(_month_index(end, start) + 1, 3.0)
    has_bars = bool(monthly)
    figure = Figure(figsize=(WIDTH_IN, 3.1 if has_bars else 1.9), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    texts: list[str] = []
    if has_bars:
        strip, bars = figure.subplots(
            2, 1, sharex=True, gridspec_kw={"height_ratios": (1.1, 2.0), "hspace": 0.08}
        )
        figure.subplots_adjust(left=0.09, right=0.98, top=0.97, bottom=0.17)
    else:
        strip = figure.add_subplot(1, 1, 1)
        bars = strip
        figure.subplots_adjust(left=0.09, right=0.98, top=0.95, bottom=0.3)

    xs = [_month_index(e.day, start) for e in entries]
    levels = _levels(xs, gap=span * 0.034)
    for number, (x, level) in enumerate(zip(xs, levels, strict=True), 1):
        height = 0.8 + level * 0.9
        strip.plot([x, x], [0, height - 0.32], color=FAINT, linewidth=0.6, zorder=1)
        strip.plot(
            x,
            height,
            marker="o",
            markersize=10.5,
            color="white",
            zorder=2,
            markeredgecolor=MARKER,
            markeredgewidth=1.1,
        )
        strip.text(
            x,
            height,
            str(number),
            ha="center",
            va="center",
            fontsize=6.4,
            color=MARKER,
            fontweight="bold",
            zorder=3,
        )
    strip.axhline(0, color=FAINT, linewidth=0.8)
    strip.set_ylim(-0.2, 0.8 + max(levels) * 0.9 + 0.6)
    strip.set_yticks([])
    for side in ("top", "right", "left"):
        strip.spines[side].set_visible(False)
    strip.spines["bottom"].set_visible(not has_bars)
    strip.tick_params(colors=INK, labelsize=7, length=0 if has_bars else 2.5)
    title = gettext("Events in the timeline (numbers refer to the table)")
    strip.text(
        0.0, 1.0, title, transform=strip.transAxes, fontsize=7.5, color=INK, va="top", ha="left"
    )
    texts.append(title)

    if has_bars:
        months = sorted(monthly)
        mx = [(y - start.year) * 12 + m - start.month + 0.5 for y, m in months]
        bars.bar(mx, [monthly[k] for k in months], width=0.8, color=BAR, edgecolor="none")
        _style(bars)
        bars.grid(axis="y", color=GRID, linewidth=0.6)
        bars.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        label = gettext("Fatalities per month")
        bars.set_ylabel(label, fontsize=7.5, color=INK)
        texts.append(label)
    step = next(s for s in (1, 2, 3, 6, 12, 24) if span / s <= 9)
    ticks = [i for i in range(int(span) + 1) if ((start.month - 1 + i) % 12) % step == 0]
    tick_labels = [
        short_month(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1)
        for i in ticks
    ]
    bars.set_xticks(ticks, tick_labels)
    bars.set_xlim(-0.3, span + 0.3)
    texts += tick_labels
    if fatalities_note:
        note = text_for_mpl(fatalities_note, 150)
        figure.text(0.09, 0.02, note, fontsize=6.3, color=FAINT)
        texts.append(fatalities_note)
    save_png(figure, out, DPI)
    return ChartText(out, tuple(texts))


def humanitarian_chart(
    figures: Sequence[HumanitarianFigure], out: Path, *, note: str = ""
) -> ChartText:
    """People in need and reached by sector (all districts), and the share of sector needs
    reached by district."""
    known = [f for f in figures if f.in_need is not None]
    if not known:
        raise BadInputError("there are no figures of people in need to draw", field="figures")
    sectors: dict[str, list[int]] = {}
    districts: dict[str, list[int]] = {}
    for f in known:
        need, reached = f.in_need or 0, f.reached or 0
        for table, key in ((sectors, f.sector), (districts, f.adm1)):
            totals = table.setdefault(key, [0, 0])
            totals[0] += need
            totals[1] += reached
    figure = Figure(figsize=(WIDTH_IN, 2.9), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": (1.2, 1.0), "wspace": 0.42})
    figure.subplots_adjust(left=0.16, right=0.96, top=0.82, bottom=0.2)
    texts: list[str] = []

    order = sorted(sectors, key=lambda k: sectors[k][0])
    ys = range(len(order))
    in_need, reached_word = gettext("In need"), gettext("Reached")
    left.barh(ys, [sectors[k][0] for k in order], height=0.62, color=NEED, label=in_need)
    left.barh(ys, [sectors[k][1] for k in order], height=0.34, color=REACHED, label=reached_word)
    left.set_yticks(list(ys), [text_for_mpl(k, 24) for k in order])
    left.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v / 1000:,.0f}k"))
    left.xaxis.set_major_locator(MaxNLocator(nbins=4))
    _style(left)
    left.grid(axis="x", color=GRID, linewidth=0.6)
    heading = gettext("People in need and reached, by sector")
    _title(left, heading)
    left.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 0.98),
        ncol=2,
        frameon=False,
        fontsize=6.8,
        handlelength=1.2,
        borderaxespad=0.1,
    )
    texts += [heading, in_need, reached_word, *order]

    order_d = sorted(districts, key=lambda k: districts[k][1] / max(districts[k][0], 1))
    shares = [100 * districts[k][1] / max(districts[k][0], 1) for k in order_d]
    yd = range(len(order_d))
    right.barh(list(yd), [100] * len(order_d), height=0.62, color=NEED)
    right.barh(list(yd), shares, height=0.62, color=REACHED)
    for y, share in zip(yd, shares, strict=True):
        right.text(
            min(share + 2, 80),
            y,
            f"{share:.0f}%",
            va="center",
            fontsize=6.6,
            color=INK if share < 78 else "white",
        )
    right.set_yticks(list(yd), [text_for_mpl(k, 20) for k in order_d])
    right.set_xlim(0, 100)
    right.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}%"))
    right.set_xticks([0, 50, 100])
    _style(right)
    heading_d = gettext("Share of needs reached, by district")
    _title(right, heading_d)
    texts += [heading_d, *order_d]
    if note:
        figure.text(0.02, 0.025, text_for_mpl(note, 160), fontsize=6.3, color=FAINT)
        texts.append(note)
    save_png(figure, out, DPI)
    return ChartText(out, tuple(texts))
