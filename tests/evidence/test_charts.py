"""The indicators chart: a real 1600x900 PNG, written atomically, for any indicators."""

from __future__ import annotations

import struct
from datetime import date, timedelta
from pathlib import Path

import pytest

from backchannel.domain.errors import BadInputError
from backchannel.domain.indicators import Event, Indicators, compute_indicators
from backchannel.evidence.charts import indicators_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def make_indicators(
    sides: tuple[str, ...] = ("Government of Norland", "Eastern Front"),
) -> Indicators:
    events = []
    for n in range(400):
        day = date(2023, 1, 1) + timedelta(days=2 * n)
        a, b = sides[n % len(sides)], sides[(n + 1) % len(sides)]
        events.append(
            Event(str(n), day, a, b, "North", 48.0 + (n % 17) * 0.1, 37.5 + n * 0.004, n % 9)
        )
    return compute_indicators(events, as_of=date(2025, 3, 10))


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk (after the signature)."""
    header = path.read_bytes()[:24]
    assert PNG_SIGNATURE == header[:8]
    width, height = struct.unpack(">II", header[16:24])
    return (width, height)


class TestIndicatorsChart:
    """indicators_chart writes a print-friendly two-panel PNG and returns its path."""

    def test_writes_a_png_of_the_expected_size(self, tmp_path: Path) -> None:
        out = indicators_chart(make_indicators(), tmp_path / "indicators.png")
        assert tmp_path / "indicators.png" == out
        assert (1600, 900) == png_size(out)
        assert out.stat().st_size > 20_000

    def test_pillow_reads_it_when_installed(self, tmp_path: Path) -> None:
        image_module = pytest.importorskip("PIL.Image")
        out = indicators_chart(make_indicators(), tmp_path / "indicators.png")
        with image_module.open(out) as image:
            assert ("PNG", (1600, 900)) == (image.format, image.size)

    def test_leaves_no_temporary_file_and_replaces_an_old_chart(self, tmp_path: Path) -> None:
        out = tmp_path / "indicators.png"
        out.write_bytes(b"old")
        indicators_chart(make_indicators(), out)
        assert ["indicators.png"] == sorted(p.name for p in tmp_path.iterdir())
        assert PNG_SIGNATURE == out.read_bytes()[:8]

    def test_a_single_event_still_makes_a_chart(self, tmp_path: Path) -> None:
        one = compute_indicators([Event("1", date(2025, 1, 3), "A", "B", "", 1.0, 2.0, 3)])
        assert (1600, 900) == png_size(indicators_chart(one, tmp_path / "one.png"))

    def test_awkward_names_render_without_warnings(self, tmp_path: Path) -> None:
        # '$' would start matplotlib mathtext; CJK glyphs are missing from DejaVu Sans;
        # pytest turns any warning into an error.
        sides = ("Front $1", "\u6c11\u5175 militia", "X" * 120, "Civilians")
        out = indicators_chart(make_indicators(sides), tmp_path / "odd.png", title="T $ 100")
        assert (1600, 900) == png_size(out)

    def test_a_missing_folder_is_bad_input(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError, match="folder does not exist"):
            indicators_chart(make_indicators(), tmp_path / "absent" / "chart.png")

    def test_a_folder_as_output_is_bad_input(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError, match="is a folder"):
            indicators_chart(make_indicators(), tmp_path)


def test_the_indicators_chart_is_drawn_in_the_documents_language(tmp_path: Path) -> None:
    """The same indicators in English and in Arabic are two different pictures: the words
    drawn come from the catalogs (the brief's charts test them word by word)."""
    from backchannel import i18n
    from backchannel.evidence.map import legend_name

    english = indicators_chart(make_indicators(), tmp_path / "en.png").read_bytes()
    with i18n.speaking("ar"):
        arabic = indicators_chart(make_indicators(), tmp_path / "ar.png").read_bytes()
        river = legend_name("river")
    with i18n.speaking("ru"):
        assert ("Река", "Water point") == (legend_name("river"), legend_name("water_point"))
    assert english != arabic and "نهر" == river
