"""Map layers from GeoJSON: every feature checked, errors name the feature and the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from backchannel.domain.brief import GeometryKind
from backchannel.domain.errors import BadInputError
from backchannel.evidence.geojson import read_layers

SQUARE = [[[40.0, 14.0], [41.0, 14.0], [41.0, 15.0], [40.0, 15.0], [40.0, 14.0]]]
BOWTIE = [[[40.0, 14.0], [41.0, 15.0], [41.0, 14.0], [40.0, 15.0], [40.0, 14.0]]]


def feature(name: str | None, geometry: Any, **props: Any) -> dict[str, Any]:
    properties = dict(props)
    if name is not None:
        properties["name"] = name
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def write(tmp_path: Path, *features: dict[str, Any], **members: Any) -> Path:
    path = tmp_path / "layers.geojson"
    data = {"type": "FeatureCollection", **members, "features": list(features)}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


class TestReadLayers:
    """A FeatureCollection becomes named features of known layers."""

    def test_the_demo_layers(self, demo_dir: Path) -> None:
        features = read_layers(demo_dir / "layers.geojson")
        layers = {f.layer for f in features}
        assert {"corridor", "crossing", "district", "control"} <= layers
        control = [f for f in features if f.layer == "control"]
        assert {"A", "B"} == {f.party for f in control}

    def test_kinds_defaults_and_collection_members(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            feature("Halvik", {"type": "Point", "coordinates": [41.0, 14.7]}, layer="town"),
            feature("District 1", {"type": "Polygon", "coordinates": SQUARE}),
            feature(
                "Road",
                {"type": "LineString", "coordinates": [[40, 14], [41, 15]]},
                source="Own survey",
                stroke="#aa3300",
                **{"stroke-width": 2},
            ),
            source="Base map",
            origin="neutral",
            as_of="2026-11-16",
        )
        town, area, road = read_layers(path)
        assert (GeometryKind.POINT, "town") == (town.kind, town.layer)
        assert (GeometryKind.AREA, "area") == (area.kind, area.layer)
        assert ("Base map", "neutral") == (area.source, area.origin)
        assert ("Own survey", "#aa3300", 2.0) == (
            road.source,
            road.style.stroke,
            road.style.stroke_width,
        )
        assert "2026-11-16" == str(road.as_of)


class TestMalformedLayers:
    """Bad GeoJSON is refused with the feature's number and name, and the field."""

    @pytest.mark.parametrize(
        ("geometry", "message"),
        [
            ({"type": "Polygon", "coordinates": BOWTIE}, "Self-intersection"),
            (
                {"type": "Polygon", "coordinates": [[[40, 14], [41, 14], [41, 15], [40, 15]]]},
                "must end where it starts",
            ),
            (
                {"type": "Polygon", "coordinates": [[[40, 14], [41, 14], [40, 14]]]},
                "at least 4 positions",
            ),
            ({"type": "LineString", "coordinates": [[40, 14]]}, "not a valid LineString"),
            ({"type": "LineString", "coordinates": [[40, 14], [40, 14]]}, "length 0"),
            ({"type": "Point", "coordinates": [200.0, 14.0]}, "longitude 200.0 is outside"),
            ({"type": "Point", "coordinates": [40.0, "14"]}, "must hold numbers"),
            ({"type": "Point", "coordinates": [40.0]}, "[longitude, latitude]"),
            ({"type": "Circle", "coordinates": [40.0, 14.0]}, "is not one of"),
            ({"type": "GeometryCollection", "geometries": []}, "is not one of"),
            (None, "has no geometry"),
        ],
    )
    def test_bad_geometry(self, tmp_path: Path, geometry: Any, message: str) -> None:
        path = write(
            tmp_path,
            feature("Fine", {"type": "Point", "coordinates": [40.0, 14.0]}),
            feature("Broken", geometry),
        )
        with pytest.raises(BadInputError) as caught:
            read_layers(path)
        assert message in caught.value.message
        assert ("layers.geojson", "feature 2 ('Broken') geometry") == (
            caught.value.file,
            caught.value.field,
        )

    def test_not_json(self, tmp_path: Path) -> None:
        path = tmp_path / "layers.geojson"
        path.write_text('{"type": "FeatureCollection",\n "features": [}', encoding="utf-8")
        with pytest.raises(BadInputError) as caught:
            read_layers(path)
        assert ("not valid JSON", 2) == (caught.value.message[:14], caught.value.row)

    def test_nested_too_deep_is_bad_input(self, tmp_path: Path) -> None:
        path = tmp_path / "layers.geojson"
        path.write_text('{"type": "FeatureCollection", "features": ' + "[" * 100_000, "utf-8")
        with pytest.raises(BadInputError) as caught:
            read_layers(path)
        assert ("not valid JSON", "layers.geojson") == (
            caught.value.message[:14],
            caught.value.file,
        )

    def test_nan_is_not_json(self, tmp_path: Path) -> None:
        path = tmp_path / "layers.geojson"
        path.write_text(
            '{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
            '{"name":"x"},"geometry":{"type":"Point","coordinates":[NaN,1]}}]}',
            encoding="utf-8",
        )
        with pytest.raises(BadInputError, match="not valid JSON"):
            read_layers(path)

    def test_a_single_feature_is_not_a_collection(self, tmp_path: Path) -> None:
        path = tmp_path / "one.geojson"
        path.write_text(json.dumps(feature("x", {"type": "Point", "coordinates": [1, 1]})))
        with pytest.raises(BadInputError, match="not a GeoJSON FeatureCollection"):
            read_layers(path)

    def test_a_feature_without_a_name(self, tmp_path: Path) -> None:
        path = write(tmp_path, feature(None, {"type": "Point", "coordinates": [1, 1]}))
        with pytest.raises(BadInputError) as caught:
            read_layers(path)
        assert "feature 1 name" == caught.value.field

    def test_a_layer_of_the_wrong_geometry(self, tmp_path: Path) -> None:
        path = write(
            tmp_path, feature("Zone", {"type": "Point", "coordinates": [1, 1]}, layer="district")
        )
        with pytest.raises(BadInputError, match="a district must be a area geometry"):
            read_layers(path)

    def test_an_area_of_control_names_its_party(self, tmp_path: Path) -> None:
        path = write(
            tmp_path, feature("Held", {"type": "Polygon", "coordinates": SQUARE}, layer="control")
        )
        with pytest.raises(BadInputError, match="names the party"):
            read_layers(path)

    @pytest.mark.parametrize(
        ("props", "field"),
        [
            ({"fill": "red"}, "fill"),
            ({"fill-opacity": 2}, "fill-opacity"),
            ({"as_of": "yesterday"}, "as_of"),
            ({"name": 7}, "name"),
        ],
    )
    def test_bad_properties(self, tmp_path: Path, props: dict[str, Any], field: str) -> None:
        raw = feature("Zone", {"type": "Polygon", "coordinates": SQUARE})
        raw["properties"].update(props)
        with pytest.raises(BadInputError) as caught:
            read_layers(write(tmp_path, raw))
        assert caught.value.field is not None and caught.value.field.endswith(field)

    def test_no_features(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError, match="has no features"):
            read_layers(write(tmp_path))
