"""Name forms from one roster row."""

from __future__ import annotations

from backchannel.gate.forms import (
    abd_forms,
    affiliation_forms,
    alias_forms,
    article_forms,
    split_name,
    title_forms,
)
from backchannel.gate.variants import family_of, rule_variants, skeleton


class TestSplitName:
    """Significant parts, with articles and joiners attached and particles left out."""

    def test_article_attached(self) -> None:
        assert ["mohammed", "al tamimi"] == split_name("Mohammed al Tamimi")

    def test_particles_left_out(self) -> None:
        assert ["juan", "carlos", "cruz"] == split_name("Juan Carlos de la Cruz")

    def test_bin(self) -> None:
        assert ["salem", "hamad"] == split_name("Salem bin Hamad")

    def test_honorific_dropped(self) -> None:
        assert ["khin", "mar", "lwin"] == split_name("Daw Khin Mar Lwin")

    def test_hyphenated(self) -> None:
        assert ["ji hoon", "jihoon", "hoon"] == split_name("Ji-hoon")[:3]


class TestArabicForms:
    """Article forms and Abd- compounds."""

    def test_sun_letter(self) -> None:
        assert {"ar rahbi", "arrahbi", "al rahbi", "el rahbi"} <= article_forms(
            "rahbi", joined=True
        )

    def test_abd(self) -> None:
        assert {"abd al rahman", "abdulrahman", "abdel rahman"} <= abd_forms("abdulrahman")

    def test_abdi_is_not_a_compound(self) -> None:
        assert set() == abd_forms("abdi")


class TestOtherForms:
    """Affiliations, titles and aliases."""

    def test_affiliation_acronyms(self) -> None:
        phrases, acronyms = affiliation_forms("Sarn Valley Women's Association (SVWA)")
        assert {"sarn valley women s association"} == phrases
        assert {"svwa"} == acronyms

    def test_two_word_affiliation_has_no_acronym_under_three_letters(self) -> None:
        assert set() == affiliation_forms("Water Board")[1]

    def test_title_without_former(self) -> None:
        assert {"former chief negotiator", "chief negotiator"} == title_forms(
            "Former Chief Negotiator"
        )

    def test_one_word_title_is_not_a_phrase(self) -> None:
        assert set() == title_forms("lawyer")

    def test_initials_alias(self) -> None:
        assert (set(), {"kr", "k r"}) == alias_forms("KR")


class TestVariants:
    """Families, spelling rules and the phonetic key."""

    def test_family(self) -> None:
        assert {"mohammed", "muhammad", "mohamed"} <= family_of("mohammad")

    def test_slavic_endings(self) -> None:
        assert {"ivanoff", "ivanow"} <= rule_variants("ivanov")

    def test_skeleton(self) -> None:
        assert skeleton("ivanoff") == skeleton("ivanov")
        assert skeleton("saeed") == skeleton("said")
        assert skeleton("hamid") != skeleton("hamad")
