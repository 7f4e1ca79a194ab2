"""Map labels that do not collide: greedy placement around each feature.

Labels are placed in order (the caller puts the most important first). Each tries a list of
positions around its anchor; the first position whose box stays inside the map and overlaps
no other label, marker or furniture (scale bar, north arrow) wins. Lines are soft obstacles:
a label avoids them where it can and crosses them (with a white halo) only when every
position is taken otherwise. A label with no free position is left out and reported.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from backchannel.evidence._png import text_for_mpl

Offset = tuple[float, float, str, str]  # dx, dy (points), horizontal and vertical alignment
HALO = [patheffects.withStroke(linewidth=2.6, foreground="white")]


def around(distance: float) -> list[Offset]:
    """Eight positions around an anchor: right first, then the corners, then above, below."""
    d, e = distance, distance * 0.72
    return [
        (d, 0, "left", "center"),
        (e, e, "left", "bottom"),
        (e, -e, "left", "top"),
        (-d, 0, "right", "center"),
        (-e, e, "right", "bottom"),
        (-e, -e, "right", "top"),
        (0, d, "center", "bottom"),
        (0, -d, "center", "top"),
    ]


POINT_OFFSETS = around(5) + around(10) + around(17)
AREA_OFFSETS = [(0.0, 0.0, "center", "center"), *around(12), *around(24)]


class Labeller:
    def __init__(self, figure: Figure, axes: Axes) -> None:
        self.axes = axes
        self.renderer: Any = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        self.frame = axes.get_window_extent(self.renderer)
        self.taken: list[Bbox] = []
        self.soft: list[Bbox] = []
        self.placed: list[str] = []
        self.left_out: list[str] = []
        self.boxes: list[tuple[float, float, float, float]] = []

    def block(self, box: Bbox) -> None:
        self.taken.append(box)

    def block_point(self, x: float, y: float, radius_px: float) -> None:
        px, py = self.axes.transData.transform((x, y))
        self.taken.append(
            Bbox([[px - radius_px, py - radius_px], [px + radius_px, py + radius_px]])
        )

    def block_line(self, xs: Sequence[float], ys: Sequence[float], step_px: float = 5.0) -> None:
        """Small boxes along a line, every few pixels: labels keep off it where they can."""
        points = self.axes.transData.transform(list(zip(xs, ys, strict=True)))
        for (x0, y0), (x1, y1) in zip(points[:-1], points[1:], strict=True):
            steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / step_px))
            for i in range(steps + 1):
                x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
                self.soft.append(Bbox([[x - 2, y - 2], [x + 2, y + 2]]))

    def _free(self, box: Bbox, strict: bool) -> bool:
        frame = self.frame
        if not (
            box.x0 >= frame.x0 + 2
            and box.x1 <= frame.x1 - 2
            and box.y0 >= frame.y0 + 2
            and box.y1 <= frame.y1 - 2
        ):
            return False
        if any(box.overlaps(other) for other in self.taken):
            return False
        return not strict or not any(box.overlaps(other) for other in self.soft)

    def place(
        self, label: str, x: float, y: float, offsets: Sequence[Offset], **style: Any
    ) -> bool:
        text: Text = self.axes.annotate(
            text_for_mpl(label, 60),
            (x, y),
            xytext=(0, 0),
            textcoords="offset points",
            path_effects=HALO,
            **style,
        )
        for strict in (True, False):
            for dx, dy, ha, va in offsets:
                text.set_position((dx, dy))
                text.set_horizontalalignment(ha)  # type: ignore[arg-type]
                text.set_verticalalignment(va)  # type: ignore[arg-type]
                box = text.get_window_extent(self.renderer).padded(1.5)
                if self._free(box, strict):
                    self.taken.append(box)
                    self.placed.append(label)
                    self.boxes.append((box.x0, box.y0, box.x1, box.y1))
                    return True
        text.remove()
        self.left_out.append(label)
        return False
