"""The brief's charts: numbered timeline over monthly fatalities; needs and reach."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from backchannel.domain.brief import Figure, TimelineEntry
from backchannel.domain.errors import BadInputError
from backchannel.evidence.brief_charts import _levels, humanitarian_chart, timeline_chart

PNG = b"\x89PNG\r\n\x1a\n"


def entry(day: date, event: str = "Something happened.") -> TimelineEntry:
    return TimelineEntry(day=day, event=event, source="Monitors")


class TestTimelineChart:
    """Events are numbered markers; monthly fatalities are bars under them."""

    def test_with_fatalities(self, tmp_path: Path) -> None:
        chart = timeline_chart(
            [entry(date(2025, 1, 6)), entry(date(2025, 9, 1))],
            tmp_path / "t.png",
            monthly_fatalities={(2025, 1): 300, (2025, 2): 120, (2025, 9): 40},
            fatalities_note="Fatalities: events CSV (UCDP GED layout), 3 events.",
        )
        assert PNG == chart.path.read_bytes()[:8]
        assert "Fatalities per month" in chart.texts
        assert "Jan 2025" in chart.texts
        assert "Fatalities: events CSV (UCDP GED layout), 3 events." in chart.texts

    def test_without_fatalities(self, tmp_path: Path) -> None:
        chart = timeline_chart([entry(date(2026, 3, 1))], tmp_path / "t.png")
        assert "Fatalities per month" not in chart.texts
        assert PNG == chart.path.read_bytes()[:8]

    def test_nothing_to_draw(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError):
            timeline_chart([], tmp_path / "t.png")

    def test_close_events_go_up_a_level(self) -> None:
        assert [0, 1, 2, 0] == _levels([0.0, 0.1, 0.2, 5.0], gap=1.0)


class TestHumanitarianChart:
    """Needs and reach by sector, and the share of needs reached by district."""

    def test_chart(self, tmp_path: Path) -> None:
        day = date(2026, 11, 16)
        figures = [
            Figure("Halvik", "Health", day, in_need=100, reached=40),
            Figure("Halvik", "WASH", day, in_need=50, reached=None),
            Figure("Qadira", "Health", day, in_need=None, reached=10),
        ]
        chart = humanitarian_chart(figures, tmp_path / "h.png", note="Source: overview")
        assert PNG == chart.path.read_bytes()[:8]
        assert {"Health", "WASH", "Halvik", "Source: overview"} <= set(chart.texts)
        assert "Qadira" not in chart.texts  # no figure of people in need

    def test_no_needs(self, tmp_path: Path) -> None:
        with pytest.raises(BadInputError):
            humanitarian_chart([Figure("A", "B", date(2026, 1, 1))], tmp_path / "h.png")


@pytest.mark.parametrize(
    ("lang", "fatalities", "month", "in_need"),
    [
        ("fr", "Décès par mois", "janv. 2025", "Personnes dans le besoin et personnes atteintes"),
        ("ru", "Погибшие за месяц", "янв. 2025", "Нуждающиеся и получившие помощь"),
        ("ar", "الوفيات شهريًا", "يناير 2025", "المحتاجون ومن وصلتهم المساعدة"),
    ],
)
def test_the_charts_speak_the_documents_language(
    tmp_path: Path, lang: str, fatalities: str, month: str, in_need: str
) -> None:
    """Headings, axes, legends and months in the language of the brief; what the data
    says (the sector, the district) as written."""
    from backchannel import i18n

    with i18n.speaking(lang):
        timeline = timeline_chart(
            [entry(date(2025, 1, 6)), entry(date(2025, 9, 1))],
            tmp_path / "t.png",
            monthly_fatalities={(2025, 1): 300, (2025, 9): 40},
        )
        needs = humanitarian_chart(
            [Figure("Halvik", "Santé", date(2026, 1, 1), in_need=5000, reached=1200)],
            tmp_path / "h.png",
        )
    assert {fatalities, month} <= set(timeline.texts)
    assert any(t.startswith(in_need) for t in needs.texts) and "Santé" in needs.texts
