"""Redaction replaces findings with neutral placeholders and leaves the rest as it was."""

from __future__ import annotations

import pytest

from backchannel.domain.people import Candidate, Category
from backchannel.gate import Gate


class TestPlaceholders:
    """Each kind of finding has its placeholder."""

    @pytest.mark.parametrize(
        "text, expected",
        [
            ("We thank Dr. Wardak for the map.", "We thank a participant for the map."),
            ("Wardak argued for a pause.", "A participant argued for a pause."),
            ("Kowalczyk's map was shared.", "A participant's map was shared."),
            ("We used de la Cruz' map.", "We used a participant's map."),
            ("Abu Faris raised fuel.", "A participant raised fuel."),
            (
                "A note from the Coastal Reconciliation Forum was read.",
                "A note from an organisation was read.",
            ),
            ("The CRF wrote.", "An organisation wrote."),
            (
                "A point by the demining coordinator stood.",
                "A point by a technical expert stood.",
            ),
            ("Then the tribal elder spoke.", "Then a community representative spoke."),
            ("It opened; Ms. Nguyen spoke.", "It opened; a participant spoke."),
            ("- Nazarov: no\n- Wardak: yes", "- A participant: no\n- A participant: yes"),
        ],
    )
    def test_placeholder(self, gate: Gate, text: str, expected: str) -> None:
        assert expected == gate.redact(text)

    def test_other_characters_unchanged(self, gate: Gate) -> None:
        text = "Line one.\n\n  Asked about it, Nazarov\tsaid no.  \r\n"
        assert "Line one.\n\n  Asked about it, a participant\tsaid no.  \r\n" == gate.redact(text)

    def test_clean_text_is_returned_as_is(self, gate: Gate) -> None:
        text = "Nothing to see here; we will mark the map."
        assert text == gate.redact(text)

    def test_title_of_a_category_of_one_is_a_participant(self) -> None:
        only = Candidate(
            id="x1",
            name="Ana Lima",
            party="A",
            category=Category.TECHNICAL_EXPERT,
            title="water engineer",
        )
        other = Candidate(id="x2", name="Bo Ek", party="B", category=Category.COMMUNITY_VOICE)
        assert "Then a participant spoke." == Gate([only, other]).redact(
            "Then the water engineer spoke."
        )


class TestAfterRedaction:
    """A scan of the redacted text finds nothing."""

    def test_rescan_is_clean(self, gate: Gate) -> None:
        text = (
            "Brig. Gen. Tamimi (CRF) and Ms. Nguyen met the demining coordinator. "
            "Abou Fares, LI NA and k.okonjo@example.org agreed; Faith's notes follow."
        )
        assert [] == gate.scan(gate.redact(text))
