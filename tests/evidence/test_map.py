"""The offline map: layers drawn with a legend, a scale bar, a north arrow and labels that
do not collide."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from backchannel.domain.brief import GeometryKind, MapFeature
from backchannel.domain.errors import BadInputError
from backchannel.evidence.geojson import read_layers
from backchannel.evidence.map import MapDrawing, draw_map, nice_length

PNG = b"\x89PNG\r\n\x1a\n"


def point(name: str, lon: float, lat: float, layer: str = "town") -> MapFeature:
    geometry = json.dumps({"type": "Point", "coordinates": [lon, lat]})
    return MapFeature(layer=layer, name=name, kind=GeometryKind.POINT, geometry=geometry)


def overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> MapDrawing:
    out = tmp_path_factory.mktemp("map") / "map.png"
    layers = read_layers(Path(__file__).resolve().parents[2] / "examples/demo/layers.geojson")
    return draw_map(layers, out, labels={"Velmar": "Velmar (Welmar)"}, party_names={"A": "Gov A"})


class TestDemoMap:
    """The demo's layers make a map that names its towns and explains its symbols."""

    def test_a_png(self, drawn: MapDrawing) -> None:
        assert PNG == drawn.path.read_bytes()[:8]

    def test_legend(self, drawn: MapDrawing) -> None:
        assert "Area of control: Gov A" in drawn.legend
        assert "Area of control: B" in drawn.legend  # no name given: the code
        assert {"Crossing point", "Town", "District boundary"} <= set(drawn.legend)

    def test_every_town_is_named(self, drawn: MapDrawing) -> None:
        assert {"Qadira", "Halvik", "Velmar (Welmar)"} <= set(drawn.labels)
        assert () == drawn.left_out

    def test_labels_do_not_collide(self, drawn: MapDrawing) -> None:
        assert len(drawn.label_boxes) == len(drawn.labels)
        assert [] == [(a, b) for a, b in combinations(drawn.label_boxes, 2) if overlaps(a, b)]

    def test_scale(self, drawn: MapDrawing) -> None:
        assert 25.0 == drawn.scale_km


class TestCrowdedMap:
    """When towns crowd together, labels that cannot be placed are left out, never stacked."""

    def test_crowded(self, tmp_path: Path) -> None:
        towns = [point(f"Settlement number {i}", 40.0 + 0.004 * i, 14.0, "town") for i in range(30)]
        towns.append(point("Far", 41.0, 15.0))
        drawn = draw_map(towns, tmp_path / "crowded.png")
        assert drawn.left_out
        assert len(drawn.labels) + len(drawn.left_out) == 31
        assert [] == [(a, b) for a, b in combinations(drawn.label_boxes, 2) if overlaps(a, b)]

    def test_mathtext_is_plain(self, tmp_path: Path) -> None:
        towns = [point("A", 40, 14), point("$x^2$ town", 40.5, 14.5), point("B", 41, 15)]
        assert "$x^2$ town" in draw_map(towns, tmp_path / "m.png").labels

    def test_nothing_to_draw(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError):
            draw_map([], tmp_path / "none.png")


class TestNiceLength:
    """The scale bar's length is a round number."""

    @pytest.mark.parametrize(
        ("km", "expected"), [(37.0, 25.0), (9.0, 5.0), (140.0, 100.0), (0.3, 0.25), (1.0, 1.0)]
    )
    def test_nice(self, km: float, expected: float) -> None:
        assert expected == nice_length(km)
