"""Map layers from a GeoJSON FeatureCollection (RFC 7946, longitude then latitude, WGS 84).

Each feature needs a `name` property. Optional properties:

- `layer`: `corridor`, `road`, `river`, `frontline` (lines), `crossing`, `town` (points),
  `district`, `control` (areas), or any other word (drawn by its geometry);
- `party` (areas of control: the code of the party said to control the area);
- `source`, `origin` (a party code or `neutral`), `as_of` (a date): each may also be given
  once for the whole file as a member of the FeatureCollection;
- style, with the simplestyle names: `stroke`, `stroke-width`, `fill`, `fill-opacity`,
  `marker-color` (colours as `#rrggbb`).

Geometries: Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon. A polygon
must be valid (closed rings that do not cross themselves); errors name the feature by its
number (1 = the first feature) and its name.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from pathlib import Path
from typing import Any

from shapely.errors import ShapelyError
from shapely.geometry import shape
from shapely.validation import explain_validity

from backchannel.domain.brief import KNOWN_LAYERS, GeometryKind, MapFeature, MapStyle
from backchannel.domain.errors import BadInputError
from backchannel.readers._csvfile import read_text

MAX_BYTES = 50 * 1024 * 1024
MAX_FEATURES = 5000
_KINDS = {
    "Point": GeometryKind.POINT,
    "MultiPoint": GeometryKind.POINT,
    "LineString": GeometryKind.LINE,
    "MultiLineString": GeometryKind.LINE,
    "Polygon": GeometryKind.AREA,
    "MultiPolygon": GeometryKind.AREA,
}
_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_LAYER = re.compile(r"^[a-z][a-z0-9_ -]{0,39}$")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_layers(path: Path) -> tuple[MapFeature, ...]:
    """Every feature of a GeoJSON file, checked; a BadInputError names the first problem."""
    file = path.name
    text = read_text(path, max_bytes=MAX_BYTES)
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise BadInputError(f"not valid JSON: {error.msg}", file=file, row=error.lineno) from None
    except ValueError as error:
        raise BadInputError(f"not valid JSON: {error}", file=file) from None
    except RecursionError:
        raise BadInputError("not valid JSON: lists nested too deeply", file=file) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise BadInputError("is not a GeoJSON FeatureCollection", file=file, field="type")
    features = data.get("features")
    if not isinstance(features, list):
        raise BadInputError("must be a list of features", file=file, field="features")
    if not features:
        raise BadInputError("has no features", file=file, field="features")
    if len(features) > MAX_FEATURES:
        raise BadInputError(f"has more than {MAX_FEATURES} features", file=file, field="features")
    defaults = {k: data.get(k) for k in ("source", "origin", "as_of")}
    return tuple(_Feature(file, n, raw, defaults).read() for n, raw in enumerate(features, 1))


class _Feature:
    def __init__(self, file: str, number: int, raw: Any, defaults: dict[str, Any]) -> None:
        self.file = file
        self.number = number
        self.raw = raw
        self.defaults = defaults
        self.name = ""

    def bad(self, message: str, field: str) -> BadInputError:
        named = f" ('{self.name[:40]}')" if self.name else ""
        return BadInputError(message, file=self.file, field=f"feature {self.number}{named} {field}")

    def text(self, props: dict[str, Any], key: str, *, limit: int = 160) -> str:
        value = props.get(key, self.defaults.get(key))
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.bad("must be text", key)
        value = " ".join(value.split())
        if len(value) > limit:
            raise self.bad(f"is longer than {limit} characters", key)
        return value

    def read(self) -> MapFeature:
        if not isinstance(self.raw, dict) or self.raw.get("type") != "Feature":
            raise self.bad("is not a GeoJSON Feature", "type")
        props = self.raw.get("properties") or {}
        if not isinstance(props, dict):
            raise self.bad("must be an object", "properties")
        self.name = self.text(props, "name")
        if not self.name:
            raise self.bad("is missing: every feature needs a name", "name")
        geometry = self.raw.get("geometry")
        kind = self.geometry(geometry)
        layer = self.text(props, "layer", limit=40).lower() or kind.value
        if not _LAYER.match(layer):
            raise self.bad(f"'{layer[:40]}' is not a layer name (letters, digits, '_')", "layer")
        expected = KNOWN_LAYERS.get(layer)
        if expected is not None and expected is not kind:
            raise self.bad(
                f"a {layer} must be a {expected.value} geometry, not a {kind.value}", "geometry"
            )
        party = self.text(props, "party", limit=64)
        if layer == "control" and not party:
            raise self.bad(
                "is missing: an area of control names the party said to control it", "party"
            )
        return MapFeature(
            layer=layer,
            name=self.name,
            kind=kind,
            geometry=json.dumps(geometry, separators=(",", ":")),
            style=self.style(props),
            party=party,
            source=self.text(props, "source"),
            origin=self.text(props, "origin", limit=64),
            as_of=self.day(props),
        )

    def day(self, props: dict[str, Any]) -> date | None:
        value = self.text(props, "as_of", limit=20)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.bad(f"'{value}' is not a date (expected 2026-11-30)", "as_of") from None

    def geometry(self, geometry: Any) -> GeometryKind:
        if geometry is None:
            raise self.bad("is missing: the feature has no geometry", "geometry")
        if not isinstance(geometry, dict):
            raise self.bad("must be a GeoJSON geometry object", "geometry")
        kind_name = geometry.get("type")
        if kind_name not in _KINDS:
            raise self.bad(
                f"type '{str(kind_name)[:30]}' is not one of {', '.join(_KINDS)}", "geometry"
            )
        coordinates = geometry.get("coordinates")
        self.positions(coordinates, _DEPTH[kind_name])
        if kind_name in ("Polygon", "MultiPolygon"):
            self.rings(coordinates, kind_name)
        if kind_name in ("LineString", "MultiLineString"):
            lines: Any = coordinates if kind_name == "MultiLineString" else [coordinates]
            if any(len(line) < 2 for line in lines):
                raise self.bad(f"is not a valid {kind_name}: a line needs 2 positions", "geometry")
        try:
            shaped = shape(geometry)
        except (ShapelyError, ValueError, TypeError, AttributeError, IndexError) as error:
            raise self.bad(f"is not a valid {kind_name}: {error}", "geometry") from None
        if shaped.is_empty:
            raise self.bad(f"is an empty {kind_name}", "geometry")
        if kind_name in ("LineString", "MultiLineString") and shaped.length == 0:
            raise self.bad("is a line of length 0", "geometry")
        if kind_name in ("Polygon", "MultiPolygon") and not shaped.is_valid:
            raise self.bad(f"is not a valid polygon: {explain_validity(shaped)}", "geometry")
        return _KINDS[kind_name]

    def positions(self, value: Any, depth: int) -> None:
        if depth == 0:
            if not isinstance(value, list) or len(value) not in (2, 3):
                raise self.bad("a position must be [longitude, latitude]", "geometry")
            if not all(isinstance(c, int | float) and not isinstance(c, bool) for c in value):
                raise self.bad("a position must hold numbers", "geometry")
            lon, lat = value[0], value[1]
            if not (math.isfinite(lon) and -180 <= lon <= 180):
                raise self.bad(f"longitude {lon} is outside -180..180", "geometry")
            if not (math.isfinite(lat) and -90 <= lat <= 90):
                raise self.bad(f"latitude {lat} is outside -90..90", "geometry")
            return
        if not isinstance(value, list) or not value:
            raise self.bad("coordinates are missing or empty", "geometry")
        for item in value:
            self.positions(item, depth - 1)

    def rings(self, coordinates: Any, kind_name: str) -> None:
        polygons = coordinates if kind_name == "MultiPolygon" else [coordinates]
        for polygon in polygons:
            for ring in polygon:
                if len(ring) < 4:
                    raise self.bad("a polygon ring needs at least 4 positions", "geometry")
                if ring[0][:2] != ring[-1][:2]:
                    raise self.bad("a polygon ring must end where it starts", "geometry")

    def style(self, props: dict[str, Any]) -> MapStyle:
        colours = {}
        for key in ("stroke", "fill", "marker-color"):
            value = props.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or not _COLOUR.match(value):
                raise self.bad(f"'{str(value)[:20]}' is not a colour like #3366aa", key)
            colours[key] = value
        numbers = {}
        for key, low, high in (("stroke-width", 0.0, 20.0), ("fill-opacity", 0.0, 1.0)):
            value = props.get(key)
            if value is None:
                continue
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not low <= value <= high
            ):
                raise self.bad(f"must be a number from {low:g} to {high:g}", key)
            numbers[key] = float(value)
        return MapStyle(
            stroke=colours.get("stroke"),
            stroke_width=numbers.get("stroke-width"),
            fill=colours.get("fill"),
            fill_opacity=numbers.get("fill-opacity"),
            marker_color=colours.get("marker-color"),
        )
