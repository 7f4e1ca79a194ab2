"""Records refuse text longer than their columns, so every store behaves the same."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.domain.dialogue import Dialogue, Interlocutor, Meeting
from backchannel.domain.errors import BadInputError
from backchannel.domain.indicators import Event
from backchannel.domain.people import Candidate, Category

LONG = "x" * 250


class TestLengths:
    """A value past its column's length is bad input naming the field, on any backend."""

    @pytest.mark.parametrize("field", ["affiliation", "title", "gender"])
    def test_candidate(self, field: str) -> None:
        with pytest.raises(BadInputError) as caught:
            Candidate(
                id="c1",
                name="N",
                party="A",
                category=Category.TECHNICAL_EXPERT,
                **{field: LONG},  # type: ignore[arg-type]
            )
        assert field == caught.value.field

    def test_dialogue_meeting_interlocutor(self) -> None:
        with pytest.raises(BadInputError, match="longer"):
            Dialogue(title="T", convenor=LONG)
        with pytest.raises(BadInputError, match="longer"):
            Meeting(number=1, starts=date(2027, 1, 1), venue=LONG)
        with pytest.raises(BadInputError, match="longer"):
            Interlocutor(code="i", name="I", party=LONG)

    def test_event(self) -> None:
        with pytest.raises(BadInputError) as caught:
            Event("1", date(2025, 1, 1), "A", LONG, "", 1.0, 1.0, 0)
        assert "side_b" == caught.value.field

    def test_within_limits(self) -> None:
        c = Candidate(id="c1", name="N", party="A", category=Category.TECHNICAL_EXPERT, title="t")
        assert "t" == c.title
