"""A print map of the dialogue's area from its GeoJSON layers: offline, no tile server.

Drawn with matplotlib's object API on the Agg canvas and shapely for the geometry, in a
local equirectangular projection (longitude scaled by the cosine of the mean latitude), so
that a kilometre is as long east-west as north-south and north is up. The map carries a
legend under it, a scale bar, a north arrow, a graticule in degrees, and labels that do not
collide (see `_labels`). Areas of control are drawn in muted tones with hatching, so they
stay apart in grey print and neither side is painted in a colour of alarm.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from backchannel.domain.brief import GeometryKind, MapFeature
from backchannel.domain.errors import BadInputError
from backchannel.evidence._labels import AREA_OFFSETS, POINT_OFFSETS, Labeller
from backchannel.evidence._png import save_png, text_for_mpl
from backchannel.i18n import N_, gettext

DPI = 200
WIDTH_IN = 6.4
LEFT_IN, RIGHT_IN, TOP_IN = 0.55, 0.12, 0.1
LEGEND_ROW_IN = 0.2
KM_PER_DEGREE = 111.32
INK, FAINT, WATER = "#2b2b2b", "#8a8a8a", "#5b8db8"
CONTROL_COLOURS = ("#dcc68f", "#9fbdd3", "#b9cf9f", "#d3a9b8", "#c8c8c8")
CONTROL_HATCHES = ("///", "\\\\\\", "...", "xx", "--")
LINE_STYLES: dict[str, dict[str, Any]] = {
    "corridor": {"color": "#7a2e1f", "linewidth": 3.0, "linestyle": "-", "zorder": 6},
    "road": {"color": "#7a2e1f", "linewidth": 1.2, "linestyle": (0, (4, 2)), "zorder": 5},
    "river": {"color": WATER, "linewidth": 1.4, "linestyle": "-", "zorder": 4},
    "frontline": {"color": INK, "linewidth": 1.5, "linestyle": (0, (6, 2, 1, 2)), "zorder": 7},
}
DEFAULT_LINE: dict[str, Any] = {"color": "#555555", "linewidth": 1.2, "linestyle": "-"}
# The legend's names of the usual layers, in the language being rendered; another layer is
# named by its own name in the file ("water_point" -> "Water point").
LEGEND_NAMES = {
    "crossing": N_("Crossing point"),
    "town": N_("Town"),
    "district": N_("District boundary"),
    "corridor": N_("Corridor"),
    "road": N_("Road"),
    "river": N_("River"),
    "frontline": N_("Front line"),
}


def legend_name(layer: str) -> str:
    found = LEGEND_NAMES.get(layer)
    return gettext(found) if found else layer.replace("_", " ").capitalize()


@dataclass(frozen=True, slots=True)
class MapDrawing:
    """What the map shows in words, so that the gate and the linter can read it."""

    path: Path
    labels: tuple[str, ...]
    legend: tuple[str, ...]
    scale_km: float
    left_out: tuple[str, ...]  # labels for which no free place was found
    label_boxes: tuple[tuple[float, float, float, float], ...] = ()  # pixels, per label


def nice_length(km: float) -> float:
    """The largest of 1, 2, 2.5 or 5 times a power of ten that is not above `km`."""
    if km <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(km))
    return max(s * power for s in (1.0, 2.0, 2.5, 5.0) if s * power <= km)


def _project(geom: BaseGeometry, lat0: float) -> BaseGeometry:
    """Longitude scaled by cos(lat0): a local equirectangular projection, in degrees."""
    factor = math.cos(math.radians(lat0))
    projected: BaseGeometry = shapely.transform(geom, lambda xy: xy * (factor, 1.0))
    return projected


def _area_path(geom: BaseGeometry) -> MplPath:
    """A matplotlib path of a polygon or multipolygon, holes included."""
    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    for polygon in getattr(geom, "geoms", [geom]):
        for ring in [polygon.exterior, *polygon.interiors]:
            points = [(float(c[0]), float(c[1])) for c in ring.coords]
            vertices += points
            codes += [int(MplPath.MOVETO)] + [int(MplPath.LINETO)] * (len(points) - 2)
            codes.append(int(MplPath.CLOSEPOLY))
    return MplPath(vertices, codes)


def _lines(geom: BaseGeometry) -> list[tuple[list[float], list[float]]]:
    return [
        ([c[0] for c in part.coords], [c[1] for c in part.coords])
        for part in getattr(geom, "geoms", [geom])
    ]


def _points(geom: BaseGeometry) -> list[tuple[float, float]]:
    return [(p.x, p.y) for p in getattr(geom, "geoms", [geom])]


def _legend_count(shapes: Sequence[tuple[MapFeature, BaseGeometry]]) -> int:
    keys = set()
    for f, _g in shapes:
        if f.layer == "control":
            keys.add(("control", f.party))
        elif f.kind is GeometryKind.LINE:
            keys.add(("line", f.name))
        else:
            keys.add((f.layer, ""))
    return len(keys)


def draw_map(
    features: Sequence[MapFeature],
    out: Path,
    *,
    labels: Mapping[str, str] | None = None,
    party_names: Mapping[str, str] | None = None,
) -> MapDrawing:
    """Draw the layers to `out` (PNG) and say in words what the map shows.

    `labels` maps a feature's name to the label printed (both names of a contested place,
    for example); `party_names` maps a party code to the name the legend gives it.
    """
    if not features:
        raise BadInputError("there are no map layers to draw", field="layers")
    labels = labels or {}
    party_names = party_names or {}
    raw = [(f, shape(f.geometry_mapping())) for f in features]
    lat0 = sum(g.centroid.y for _f, g in raw) / len(raw)
    shapes = [(f, _project(g, lat0)) for f, g in raw]
    minx = min(g.bounds[0] for _f, g in shapes)
    miny = min(g.bounds[1] for _f, g in shapes)
    maxx = max(g.bounds[2] for _f, g in shapes)
    maxy = max(g.bounds[3] for _f, g in shapes)
    pad = 0.012 * max(maxx - minx, maxy - miny, 0.01)
    minx, miny, maxx, maxy = minx - pad, miny - pad, maxx + pad, maxy + pad

    map_w = WIDTH_IN - LEFT_IN - RIGHT_IN
    map_h = min(map_w * (maxy - miny) / (maxx - minx), 1.3 * map_w)
    if map_h < map_w * (maxy - miny) / (maxx - minx):  # a tall area: narrow the map instead
        map_w = map_h * (maxx - minx) / (maxy - miny)
    legend_h = 0.35 + LEGEND_ROW_IN * math.ceil(_legend_count(shapes) / 2)
    height = TOP_IN + map_h + 0.24 + legend_h
    figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    axes = figure.add_axes(
        (LEFT_IN / WIDTH_IN, (legend_h + 0.24) / height, map_w / WIDTH_IN, map_h / height)
    )
    axes.set_xlim(minx, maxx)
    axes.set_ylim(miny, maxy)
    handles: dict[str, Any] = {}
    _draw_areas(axes, shapes, party_names, handles)
    _draw_lines(axes, shapes, handles)
    _graticule(axes, lat0)

    labeller = Labeller(figure, axes)
    scale_km = _scale_bar(axes, labeller)
    _north_arrow(axes, labeller)
    for f, geom in shapes:
        if f.kind is GeometryKind.LINE and f.layer != "river":
            for xs, ys in _lines(geom):
                labeller.block_line(xs, ys)
    points = [(f, g) for f, g in shapes if f.kind is GeometryKind.POINT]
    _draw_points(axes, points, labeller, handles)
    for f, geom in sorted(points, key=lambda fg: fg[0].layer != "town"):  # towns first
        x, y = _points(geom)[0]
        town = f.layer == "town"
        labeller.place(
            labels.get(f.name, f.name),
            x,
            y,
            POINT_OFFSETS,
            fontsize=8.2 if town else 7.0,
            fontweight="bold" if town else "normal",
            fontstyle="normal" if town else "italic",
            color=INK,
            zorder=12,
        )
    for f, geom in shapes:
        if f.layer == "district":
            anchor = geom.representative_point()
            labeller.place(
                labels.get(f.name, f.name).upper(),
                anchor.x,
                anchor.y,
                AREA_OFFSETS,
                fontsize=6.4,
                color="#5f5f5f",
                zorder=11,
            )
    legend = list(handles)
    figure.legend(
        [handles[k] for k in legend],
        legend,
        loc="lower left",
        bbox_to_anchor=(LEFT_IN / WIDTH_IN - 0.01, 0.05 / height),
        ncol=2,
        frameon=False,
        fontsize=7.4,
        handlelength=2.6,
        handleheight=1.1,
        columnspacing=1.8,
        labelcolor=INK,
    )
    save_png(figure, out, DPI)
    return MapDrawing(
        path=out,
        labels=tuple(labeller.placed),
        legend=tuple(legend),
        scale_km=scale_km,
        left_out=tuple(labeller.left_out),
        label_boxes=tuple(labeller.boxes),
    )


def _draw_areas(
    axes: Axes,
    shapes: Sequence[tuple[MapFeature, BaseGeometry]],
    party_names: Mapping[str, str],
    handles: dict[str, Any],
) -> None:
    parties = sorted({f.party for f, _g in shapes if f.layer == "control"})
    for f, geom in shapes:
        if f.kind is not GeometryKind.AREA:
            continue
        if f.layer == "control":
            n = parties.index(f.party) % len(CONTROL_COLOURS)
            colour = f.style.fill or CONTROL_COLOURS[n]
            opacity = f.style.fill_opacity if f.style.fill_opacity is not None else 0.55
            for patch in (
                PathPatch(_area_path(geom), edgecolor="none", zorder=1),
                Patch(),
            ):
                patch.set_facecolor(colour)
                patch.set_alpha(opacity)
                patch.set_hatch(CONTROL_HATCHES[n])
                patch.set_hatchcolor("white")
                patch.set_hatch_linewidth(0.9)
                if isinstance(patch, PathPatch):
                    axes.add_patch(patch)
                else:
                    handles.setdefault(
                        gettext("Area of control: %(party)s")
                        % {"party": party_names.get(f.party, f.party)},
                        patch,
                    )
            continue
        edge = f.style.stroke or FAINT
        axes.add_patch(
            PathPatch(
                _area_path(geom),
                facecolor=f.style.fill or "none",
                alpha=f.style.fill_opacity if f.style.fill else None,
                edgecolor=edge,
                linewidth=f.style.stroke_width or 0.7,
                zorder=2,
            )
        )
        name = legend_name(f.layer)
        handles.setdefault(name, Line2D([], [], color=edge, linewidth=0.8))


def _draw_lines(
    axes: Axes, shapes: Sequence[tuple[MapFeature, BaseGeometry]], handles: dict[str, Any]
) -> None:
    for f, geom in shapes:
        if f.kind is not GeometryKind.LINE:
            continue
        style = dict(LINE_STYLES.get(f.layer, DEFAULT_LINE))
        if f.style.stroke:
            style["color"] = f.style.stroke
        if f.style.stroke_width:
            style["linewidth"] = f.style.stroke_width
        for xs, ys in _lines(geom):
            axes.plot(xs, ys, solid_capstyle="round", **style)
        key = {k: v for k, v in style.items() if k != "zorder"}
        handles.setdefault(text_for_mpl(f.name, 48), Line2D([], [], **key))


def _draw_points(
    axes: Axes,
    points: Sequence[tuple[MapFeature, BaseGeometry]],
    labeller: Labeller,
    handles: dict[str, Any],
) -> None:
    for f, geom in points:
        crossing = f.layer == "crossing"
        marker: dict[str, Any] = {
            "marker": "D" if crossing else "o",
            "markersize": 5.5 if crossing else 4.2,
            "markerfacecolor": f.style.marker_color or ("white" if crossing else INK),
            "markeredgecolor": INK,
            "markeredgewidth": 1.0,
            "linestyle": "none",
        }
        for x, y in _points(geom):
            axes.plot(x, y, zorder=9, **marker)
            labeller.block_point(x, y, 6)
        name = legend_name(f.layer)
        handles.setdefault(name, Line2D([], [], **marker))


def _graticule(axes: Axes, lat0: float) -> None:
    factor = math.cos(math.radians(lat0))
    for side in axes.spines.values():
        side.set_color(FAINT)
        side.set_linewidth(0.6)
    axes.tick_params(labelsize=6.5, colors=FAINT, length=2.5)
    x0, x1 = axes.get_xlim()
    y0, y1 = axes.get_ylim()
    step = 0.5 if (x1 - x0) / factor < 4 else 1.0
    lons = [
        i * step for i in range(math.ceil(x0 / factor / step), math.floor(x1 / factor / step) + 1)
    ]
    lats = [i * step for i in range(math.ceil(y0 / step), math.floor(y1 / step) + 1)]
    axes.set_xticks(
        [lon * factor for lon in lons],
        [f"{abs(lon):.1f}\u00b0{'E' if lon >= 0 else 'W'}" for lon in lons],
    )
    axes.set_yticks(lats, [f"{abs(lat):.1f}\u00b0{'N' if lat >= 0 else 'S'}" for lat in lats])
    axes.grid(color="#e4e4e4", linewidth=0.5)
    axes.set_axisbelow(True)


def _scale_bar(axes: Axes, labeller: Labeller) -> float:
    x0, x1 = axes.get_xlim()
    y0, y1 = axes.get_ylim()
    km = nice_length((x1 - x0) * KM_PER_DEGREE / 5)
    length = km / KM_PER_DEGREE
    left, base = x0 + 0.035 * (x1 - x0), y0 + 0.045 * (y1 - y0)
    height = 0.014 * (y1 - y0)
    for i, colour in enumerate((INK, "white")):
        axes.add_patch(
            Rectangle(
                (left + i * length / 2, base),
                length / 2,
                height,
                facecolor=colour,
                edgecolor=INK,
                linewidth=0.7,
                zorder=13,
            )
        )
    for value, x in ((0.0, left), (km / 2, left + length / 2), (km, left + length)):
        axes.annotate(
            gettext("%(num)s km") % {"num": f"{value:g}"} if value == km else f"{value:g}",
            (x, base + height),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=6.5,
            color=INK,
            zorder=13,
            path_effects=[],
        )
    lo = axes.transData.transform((left, base))
    hi = axes.transData.transform((left + length, base + height))
    labeller.block(Bbox([[lo[0] - 10, lo[1] - 6], [hi[0] + 24, hi[1] + 22]]))
    return km


def _north_arrow(axes: Axes, labeller: Labeller) -> None:
    x0, x1 = axes.get_xlim()
    y0, y1 = axes.get_ylim()
    x, top = x1 - 0.05 * (x1 - x0), y1 - 0.035 * (y1 - y0)
    bottom = top - 0.08 * (y1 - y0)
    axes.annotate(
        "",
        xy=(x, top),
        xytext=(x, bottom),
        arrowprops={"arrowstyle": "-|>,head_length=0.7,head_width=0.3", "color": INK, "lw": 1.2},
        zorder=13,
    )
    axes.annotate(
        "N",
        (x, bottom),
        xytext=(0, -2),
        textcoords="offset points",
        ha="center",
        va="top",
        fontsize=8.5,
        fontweight="bold",
        color=INK,
        zorder=13,
    )
    lo = axes.transData.transform((x, bottom))
    hi = axes.transData.transform((x, top))
    labeller.block(Bbox([[lo[0] - 14, lo[1] - 26], [hi[0] + 14, hi[1] + 4]]))
