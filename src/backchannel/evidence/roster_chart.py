"""The roster's mix as a print-friendly PNG: bars by category, party and gender, with the
bounds of the mix rules marked on each bar.

Drawn with matplotlib's object API (a ``Figure`` on the Agg canvas, never pyplot), like
``evidence/charts.py``. The chart shows only what it is given: labels are category names,
party codes and gender values, never a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from backchannel.domain.errors import BadInputError
from backchannel.evidence._png import save_png

DPI = 150
SIZE_PX = (1200, 560)
MAX_BARS = 12
MAX_LABEL = 24
WRAP = 12  # a longer label goes on two lines
INK = "#333333"
FAINT = "#9a9a9a"
WITHIN = "#33658a"
OUTSIDE = "#c2593f"
BOUND = "#1f2a36"


@dataclass(frozen=True, slots=True)
class MixBar:
    """One bar: how many participants, and the fewest / most the rules allow (None: no bound)."""

    label: str
    count: int
    low: int | None = None
    high: int | None = None

    @property
    def within(self) -> bool:
        return (self.low is None or self.count >= self.low) and (
            self.high is None or self.count <= self.high
        )


def roster_chart(
    panels: Sequence[tuple[str, Sequence[MixBar]]],
    out: Path,
    *,
    title: str = "Roster mix",
) -> Path:
    """Write one panel of bars per (heading, bars) pair to ``out``, atomically; return it."""
    if not out.parent.is_dir():
        raise BadInputError("folder does not exist", file=str(out.parent))
    if out.is_dir():
        raise BadInputError("is a folder, not a file name for the chart", file=str(out))
    figure = Figure(figsize=(SIZE_PX[0] / DPI, SIZE_PX[1] / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    widths = [max(len(bars[:MAX_BARS]), 2) + 0.8 for _heading, bars in panels] or [1.0]
    figure.subplots_adjust(left=0.05, right=0.99, top=0.8, bottom=0.25, wspace=0.22)
    axes_list = figure.subplots(1, len(widths), gridspec_kw={"width_ratios": widths}, squeeze=False)
    figure.text(0.05, 0.92, _text(title, 90), fontsize=12, color=INK, weight="bold")
    top = max((_top(bars) for _heading, bars in panels), default=1)
    for axes, (heading, bars) in zip(axes_list[0], panels, strict=False):
        _panel(axes, heading, bars, top)
    figure.legend(
        handles=[
            Patch(color=WITHIN, label="within the mix rules"),
            Patch(color=OUTSIDE, label="outside the mix rules"),
            Line2D([], [], color=BOUND, linestyle="--", linewidth=1.4, label="minimum (rule)"),
            Line2D([], [], color=BOUND, linestyle="-", linewidth=1.4, label="maximum (rule)"),
        ],
        loc="lower left",
        bbox_to_anchor=(0.05, 0.0),
        ncols=4,
        frameon=False,
        fontsize=8.5,
        labelcolor=INK,
    )
    _save(figure, out)
    return out


def _top(bars: Sequence[MixBar]) -> int:
    values = [b.count for b in bars[:MAX_BARS]]
    values += [b.low for b in bars[:MAX_BARS] if b.low is not None]
    values += [b.high for b in bars[:MAX_BARS] if b.high is not None]
    return max(values, default=1)


def _panel(axes: Axes, heading: str, bars: Sequence[MixBar], top: int) -> None:
    axes.set_title(_text(heading, 60), loc="left", fontsize=10, color=INK, pad=8)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(FAINT)
    axes.tick_params(colors=INK, labelsize=8.5, length=3)
    axes.grid(axis="y", color="#e4e4e4", linewidth=0.6)
    axes.set_axisbelow(True)
    shown = list(bars[:MAX_BARS])
    xs = list(range(len(shown)))
    axes.bar(
        xs,
        [b.count for b in shown],
        width=0.6,
        color=[WITHIN if b.within else OUTSIDE for b in shown],
    )
    for x, bar in zip(xs, shown, strict=True):
        # The count sits inside the bar's top, clear of a bound drawn at the same height.
        inside = bar.count >= top * 0.12
        axes.text(
            x,
            bar.count - top * 0.02 if inside else bar.count + top * 0.02,
            str(bar.count),
            ha="center",
            va="top" if inside else "bottom",
            fontsize=8.5,
            color="white" if inside else INK,
            weight="bold",
        )
        if bar.low is not None:
            axes.hlines(bar.low, x - 0.42, x + 0.42, colors=BOUND, linestyles="--", lw=1.4)
        if bar.high is not None:
            axes.hlines(bar.high, x - 0.42, x + 0.42, colors=BOUND, linestyles="-", lw=1.4)
    axes.set_xticks(xs, [_wrap(_text(b.label)) for b in shown])
    axes.set_xlim(-0.6, max(len(shown), 2) - 0.4)
    axes.set_ylim(0, top * 1.15 + 0.5)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if len(bars) > MAX_BARS:
        axes.text(
            1.0,
            1.0,
            f"{len(bars) - MAX_BARS} more not drawn",
            ha="right",
            va="bottom",
            fontsize=7,
            color=FAINT,
            transform=axes.transAxes,
        )
    if not shown:
        axes.text(0.5, 0.5, "none", ha="center", va="center", color=FAINT, transform=axes.transAxes)


def _text(value: str, limit: int = MAX_LABEL) -> str:
    """Plain text for matplotlib: '$' would start mathtext; long labels are cut."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "\u2026"
    return value.replace("$", r"\$")


def _wrap(label: str) -> str:
    """Break a long label at its middle space, so labels stay level and readable."""
    if len(label) <= WRAP or " " not in label:
        return label
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return label[:cut] + "\n" + label[cut + 1 :]


def _save(figure: Figure, out: Path) -> None:
    save_png(figure, out, DPI)
