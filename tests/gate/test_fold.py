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


@given(st.text(alphabet=st.sampled_from(list("ab  ,.ßéﬁ\u0301ـقال\n")), max_size=60))
def test_offset_of_is_the_first_folded_offset_at_or_after_an_original_one(text: str) -> None:
    folded = fold_text(text)
    for original in range(len(text) + 1):
        expected = next(
            (n for n in range(len(folded.text)) if folded.start(n) >= original),
            len(folded.text),
        )
        assert folded.offset_of(original) == expected
