"""The legal register, in TOML or CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.domain.brief import LegalKind
from backchannel.domain.errors import BadInputError
from backchannel.evidence.legal import read_legal

ONE = """\
[[provision]]
instrument = "Customary international humanitarian law"
provision = "Rule 55"
kind = "customary"
obligation = "Allow and facilitate rapid and unimpeded passage of impartial relief."
relevance = "Convoys through the corridor."
"""


class TestReadLegal:
    """Provisions keep the file's order; kind defaults to treaty."""

    def test_the_demo_register(self, demo_dir: Path) -> None:
        provisions = read_legal(demo_dir / "legal.toml")
        names = [p.provision for p in provisions]
        assert "Rule 55" in names and "Rule 56" in names and "Article 18(2)" in names
        assert any("Common Article 3" in n for n in names)
        assert {LegalKind.TREATY, LegalKind.CUSTOMARY} <= {p.kind for p in provisions}

    def test_toml(self, tmp_path: Path) -> None:
        path = tmp_path / "legal.toml"
        path.write_text(ONE, encoding="utf-8")
        (only,) = read_legal(path)
        assert ("Rule 55", LegalKind.CUSTOMARY) == (only.provision, only.kind)

    def test_csv(self, tmp_path: Path) -> None:
        path = tmp_path / "legal.csv"
        path.write_text(
            "instrument,provision,obligation,relevance\n"
            "Additional Protocol II,Article 18(2),Relief actions with consent.,Convoys.\n",
            encoding="utf-8",
        )
        (only,) = read_legal(path)
        assert ("Article 18(2)", LegalKind.TREATY) == (only.provision, only.kind)


class TestMalformedLegal:
    """Errors name the provision (TOML) or the row (CSV) and the field."""

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            (('relevance = "Convoys through the corridor."\n', ""), "provision 1 relevance"),
            (('kind = "customary"', 'kind = "custom"'), "provision 1 kind"),
            (('kind = "customary"', "kind = 3"), "provision 1 kind"),
            (('kind = "customary"', 'kind = "customary"\nnote = "x"'), "provision 1 note"),
        ],
    )
    def test_bad_toml(self, tmp_path: Path, change: tuple[str, str], field: str) -> None:
        path = tmp_path / "legal.toml"
        path.write_text(ONE.replace(*change), encoding="utf-8")
        with pytest.raises(BadInputError) as caught:
            read_legal(path)
        assert ("legal.toml", field) == (caught.value.file, caught.value.field)

    def test_not_toml(self, tmp_path: Path) -> None:
        path = tmp_path / "legal.toml"
        path.write_text("[[provision]\ninstrument = 1\n", encoding="utf-8")
        with pytest.raises(BadInputError, match="not valid TOML"):
            read_legal(path)

    def test_no_provisions(self, tmp_path: Path) -> None:
        path = tmp_path / "legal.toml"
        path.write_text("title = 'x'\n", encoding="utf-8")
        with pytest.raises(BadInputError, match=r"no \[\[provision\]\]"):
            read_legal(path)

    def test_csv_empty_obligation(self, tmp_path: Path) -> None:
        path = tmp_path / "legal.csv"
        path.write_text(
            "instrument,provision,obligation,relevance\nAP II,Art. 18,,Convoys.\n", encoding="utf-8"
        )
        with pytest.raises(BadInputError) as caught:
            read_legal(path)
        assert (2, "obligation") == (caught.value.row, caught.value.field)
