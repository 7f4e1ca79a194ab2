"""The facilitator's two pictures of a meeting, as print-friendly PNG files.

- `support_heatmap`: options down, parties across, each cell the party's mean rating
  (-2 .. +2), then the overall mean and the support score (the lowest party mean). Cells
  from fewer than k raters are grey and say "too few": the chart never shows them.
- `interests_chart`: the party-by-item map of the interests round, with how many options
  address each item (and which items no option addresses yet).

Drawn with matplotlib's object API (a ``Figure`` on the Agg canvas, never pyplot), like
``evidence/charts.py``. Labels are option titles, party codes and captured text: never a
person. The pictures' own words come in English unless the caller gives them in the
record's language (`HeatmapWords`, `InterestsWords`; services/_meeting_record_words.py).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.cm import ScalarMappable
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from backchannel.domain.capture import InterestsMap, ItemKind, PartyItem
from backchannel.domain.errors import BadInputError
from backchannel.evidence._png import save_png

# Drawn at about the width they are printed at in the record (A4 text width is 6.3 in),
# so that the text keeps a readable size on paper.
DPI = 200
WIDTH_IN = 7.5
ITEM_FONT = 6.6
INK = "#333333"
FAINT = "#9a9a9a"
WITHHELD = "#d5d5d5"
GRID = "#ffffff"
ALARM = "#a33a22"
# Diverging, readable in grey print and by the colour-blind: brown (against) to teal (for).
_RATING = LinearSegmentedColormap.from_list(
    "rating", ["#8c510a", "#d8b365", "#f5f5f5", "#5ab4ac", "#01665e"]
)
_KIND_FILL = {
    ItemKind.INTEREST: "#e8f1ee",
    ItemKind.FEAR: "#f8efdc",
    ItemKind.RED_LINE: "#f6e1dc",
    ItemKind.LEGAL: "#e9ecf2",
    ItemKind.POLITICAL: "#e9ecf2",
    ItemKind.OPERATIONAL: "#e9ecf2",
}
_ARABIC = re.compile(r"[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
MAX_OPTIONS = 30
MAX_CELL_LINES = 16


@dataclass(frozen=True, slots=True)
class HeatRow:
    """One option: its label, the shown party means (None: withheld), mean and support.

    A party missing from `cells` did not rate the option at all."""

    label: str
    cells: Mapping[str, float | None]
    mean: float | None
    support: float | None


def _signed(value: float) -> str:
    return f"{value:+.2f}"


def _heat_note(k: int) -> str:
    return (
        "Mean rating per party, ranked by support (the lowest party mean).\n"
        f"Grey: fewer than {k} raters of the party, withheld. \u2013: no rating from that party."
    )


@dataclass(frozen=True, slots=True)
class HeatmapWords:
    """The heatmap's own words: its last two columns, the scale's ends, a withheld cell,
    the note under it (given k), what was left out (given how many) and how a mean is
    written."""

    overall: str = "all"
    support: str = "support"
    against: str = "-2 against"
    in_favour: str = "+2 for"
    too_few: str = "too few"
    note: Callable[[int], str] = _heat_note
    more: Callable[[int], str] = lambda n: f" {n} more options not drawn."
    number: Callable[[float], str] = _signed


def _options_note(count: int) -> str:
    return f"{count} option{'s' if count != 1 else ''}" if count else "no option yet"


@dataclass(frozen=True, slots=True)
class InterestsWords:
    """The interests map's own words: each kind's name, the word under a constraint's, how
    many options address an item (none: "no option yet"), lines left out, and the note."""

    kinds: Mapping[ItemKind, str] = field(default_factory=lambda: {k: k.label for k in ItemKind})
    constraint: str = "constraint"
    options: Callable[[int], str] = _options_note
    more: Callable[[int], str] = lambda n: f"\u2026 {n} more lines"
    arrow: str = "\u2192"  # from an item to how many options address it (← right to left)
    note: str = (
        "Each item with its code; under it, how many options address it. Red: no option "
        "addresses it yet."
    )


def _check_out(out: Path) -> None:
    if not out.parent.is_dir():
        raise BadInputError("folder does not exist", file=str(out.parent))
    if out.is_dir():
        raise BadInputError("is a folder, not a file name for the chart", file=str(out))


def _text(value: str, limit: int) -> str:
    """Plain text for matplotlib: '$' would start mathtext; long labels are cut."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "\u2026"
    return value.replace("$", r"\$")


def _save(figure: Figure, out: Path) -> Path:
    return save_png(figure, out, DPI)


# --- the support heatmap ----------------------------------------------------------------------


def support_heatmap(
    rows: Sequence[HeatRow],
    parties: Sequence[str],
    out: Path,
    *,
    title: str = "Support across parties",
    k: int = 3,
    words: HeatmapWords = HeatmapWords(),
) -> Path:
    """Write the options-by-parties heatmap to `out` (rows in the order given); return it."""
    _check_out(out)
    shown = list(rows[:MAX_OPTIONS])
    columns = [*parties, words.overall, words.support]
    height_in = 1.3 + 0.4 * max(len(shown), 1)
    figure = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    top = 1 - 0.7 / height_in
    bottom = 0.6 / height_in
    axes = figure.add_axes((0.36, bottom, 0.52, top - bottom))
    bar = figure.add_axes((0.895, bottom, 0.016, top - bottom))
    norm = Normalize(vmin=-2, vmax=2)
    for y, row in enumerate(shown):
        values: list[tuple[float | None, bool]] = [
            (row.cells[p], False) if p in row.cells else (None, True) for p in parties
        ]
        values += [(row.mean, row.mean is None), (row.support, row.support is None)]
        for x, (value, absent) in enumerate(values):
            _cell(axes, x, y, value, absent=absent, norm=norm, extra=x >= len(parties), words=words)
    axes.set_xlim(0, len(columns))
    axes.set_ylim(max(len(shown), 1), 0)
    axes.axvline(len(parties), color=INK, linewidth=1.2)
    axes.set_xticks([x + 0.5 for x in range(len(columns))], columns)
    axes.xaxis.tick_top()
    axes.set_yticks(
        [y + 0.5 for y in range(len(shown))],
        [_label(row.label) for row in shown],
    )
    axes.tick_params(colors=INK, labelsize=8, length=0)
    for side in axes.spines.values():
        side.set_visible(False)
    colourbar = figure.colorbar(_mappable(norm), cax=bar, ticks=[-2, -1, 0, 1, 2])
    colourbar.ax.set_yticklabels([words.against, "-1", "0", "+1", words.in_favour], fontsize=6.5)
    colourbar.outline.set_visible(False)
    figure.text(0.02, 1 - 0.28 / height_in, _text(title, 90), fontsize=11, color=INK, weight="bold")
    figure.text(
        0.02,
        0.12 / height_in,
        words.note(k) + (words.more(len(rows) - MAX_OPTIONS) if len(rows) > MAX_OPTIONS else ""),
        fontsize=6.5,
        color=FAINT,
    )
    return _save(figure, out)


def _label(label: str) -> str:
    return "\n".join(textwrap.wrap(_text(label, 72), 36)[:2])


def _mappable(norm: Normalize) -> ScalarMappable:
    return ScalarMappable(norm=norm, cmap=_RATING)


def _cell(
    axes: Axes,
    x: int,
    y: int,
    value: float | None,
    *,
    absent: bool,
    norm: Normalize,
    extra: bool,
    words: HeatmapWords,
) -> None:
    fill: str | tuple[float, float, float, float]
    if absent:
        fill, text, colour = "#ffffff", "\u2013", FAINT
    elif value is None:
        fill, text, colour = WITHHELD, words.too_few, "#555555"
    else:
        fill = _RATING(norm(value))
        text = words.number(value)
        colour = "white" if abs(value) >= 1.25 else INK
    axes.add_patch(Rectangle((x, y), 1, 1, facecolor=fill, edgecolor=GRID, linewidth=1.5))
    axes.text(
        x + 0.5,
        y + 0.5,
        text,
        ha="center",
        va="center",
        fontsize=8 if extra else 7.5,
        color=colour,
        weight="bold" if extra and value is not None else "normal",
    )


# --- the interests map ------------------------------------------------------------------------


def interests_chart(
    imap: InterestsMap,
    addressed: Mapping[str, int],
    out: Path,
    *,
    title: str = "Interests and constraints by party",
    words: InterestsWords = InterestsWords(),
) -> Path:
    """Write the party-by-item map to `out`: item kinds down, parties across; under each
    item, how many options address it (from `addressed`, by item code)."""
    _check_out(out)
    parties = list(imap.parties) or ["-"]
    kinds = [k for k in imap.kinds if any(imap.cell(k, p) for p in parties)] or list(imap.kinds)
    label_w = 0.55
    column_in = WIDTH_IN * 0.96 / (label_w + len(parties))
    wrap = max(14, int(column_in * 72 / (ITEM_FONT * 0.56)))
    cells = {
        (k, p): _cell_lines(imap.cell(k, p), addressed, wrap, words) for k in kinds for p in parties
    }
    heights = [max(2, *(len(cells[(k, p)]) for p in parties)) + 0.6 for k in kinds]
    line_in = 0.118
    height_in = 1.25 + line_in * sum(heights) + 0.3
    figure = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    top = 1 - 0.75 / height_in
    bottom = 0.45 / height_in
    axes = figure.add_axes((0.02, bottom, 0.96, top - bottom))
    total = sum(heights)
    axes.set_xlim(0, label_w + len(parties))
    axes.set_ylim(total, 0)
    axes.axis("off")
    for x, party in enumerate(parties):
        axes.text(
            label_w + x + 0.5,
            -0.4,
            _text(party, 30),
            ha="center",
            va="bottom",
            fontsize=9.5,
            weight="bold",
            color=INK,
        )
    y = 0.0
    for kind, h in zip(kinds, heights, strict=True):
        axes.add_patch(
            Rectangle((0, y), label_w, h, facecolor=_KIND_FILL[kind], edgecolor=GRID, linewidth=2)
        )
        axes.text(
            0.06,
            y + 0.35,
            words.kinds.get(kind, kind.label),
            ha="left",
            va="top",
            fontsize=8,
            weight="bold",
            color=INK,
        )
        axes.text(
            0.06,
            y + 1.35,
            words.constraint if kind.is_constraint else "",
            ha="left",
            va="top",
            fontsize=7,
            color=FAINT,
        )
        for x, party in enumerate(parties):
            axes.add_patch(
                Rectangle(
                    (label_w + x, y), 1, h, facecolor=_KIND_FILL[kind], edgecolor=GRID, linewidth=2
                )
            )
            for n, (line, style) in enumerate(cells[(kind, party)]):
                axes.text(
                    label_w + x + 0.04,
                    y + 0.35 + n,
                    line,
                    ha="left",
                    va="top",
                    fontsize=ITEM_FONT,
                    family="DejaVu Sans",
                    color={"note": FAINT, "gap": ALARM}.get(style, INK),
                    style="italic" if style in ("note", "gap") and _slants(line) else "normal",
                )
        y += h
    axes.set_ylim(total, -0.9)
    figure.text(0.02, 1 - 0.3 / height_in, _text(title, 90), fontsize=11, color=INK, weight="bold")
    figure.text(
        0.02,
        0.15 / height_in,
        words.note,
        fontsize=6.5,
        color=FAINT,
    )
    return _save(figure, out)


def _slants(line: str) -> bool:
    """Whether a line may be set in italics: DejaVu Sans Oblique has no Arabic letters."""
    return _ARABIC.search(line) is None


def _cell_lines(
    items: Sequence[PartyItem], addressed: Mapping[str, int], wrap: int, words: InterestsWords
) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for item in items:
        code, text = item.code, item.text
        wrapped = textwrap.wrap(f"{code}  {_text(text, 240)}", wrap) or [code]
        lines.append((wrapped[0], "text"))
        lines.extend((w, "text") for w in wrapped[1:])
        count = addressed.get(code, 0)
        note = words.options(count)
        lines.append((f"    {words.arrow} " + note, "note" if count else "gap"))
    if len(lines) > MAX_CELL_LINES:
        rest = len(lines) - MAX_CELL_LINES + 1
        lines = [*lines[: MAX_CELL_LINES - 1], (words.more(rest), "note")]
    return lines
