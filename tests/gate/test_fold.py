"""Folding keeps a way back to the original offsets."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from backchannel.gate.fold import fold, fold_text, fold_word


class TestFold:
    """Lower case, no diacritics, one space between words."""

    def test_short_strings(self) -> None:
        assert ("al tamimi", "altamimi") == (fold("Al-Tamimi"), fold_word("Al-Tamimi"))

    def test_special_letters(self) -> None:
        assert "strasse lodz oeuvre" == fold("Straße Łódź Œuvre")

    def test_ascii_text_is_its_own_map(self) -> None:
        folded = fold_text("Mr Okonjo")
        assert ("mr okonjo", True) == (folded.text, folded.identity)

    def test_runs_of_separators_collapse(self) -> None:
        folded = fold_text("traders'  union.  Mr.  X")
        assert "traders union mr x" == folded.text

    @given(st.text(max_size=200))
    def test_every_folded_word_maps_back_to_its_original(self, text: str) -> None:
        folded = fold_text(text)
        for match in re.finditer(r"\S+", folded.text):
            start, end = folded.start(match.start()), folded.end(match.end())
            assert 0 <= start < end <= len(text)
            assert match.group() == fold(text[start:end]).replace(" ", "")
