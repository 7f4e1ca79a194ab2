"""The shipped lexicon, a dialogue's own terms, and the contested places CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.domain.errors import BadInputError
from backchannel.domain.neutrality import NeutralityLinter, TermKind
from backchannel.evidence.lexicon import merge_lexicons, read_lexicon, read_places, shipped_lexicon


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestShippedLexicon:
    """The lexicon is general: dozens of terms of each kind, each with an alternative."""

    def test_size_and_kinds(self) -> None:
        lexicon = shipped_lexicon()
        by_kind = {kind: [t for t in lexicon if t.kind is kind] for kind in TermKind}
        assert len(lexicon) >= 100
        assert all(len(terms) >= 15 for terms in by_kind.values())
        assert all(t.alternative for t in lexicon)

    def test_terms_are_unique(self) -> None:
        terms = [(t.language, " ".join(t.term.casefold().split())) for t in shipped_lexicon()]
        assert len(terms) == len(set(terms))
        assert {"en", "fr", "es", "ru", "ar"} <= {lang for lang, _t in terms}


class TestDialogueLexicon:
    """A dialogue's CSV adds terms and replaces shipped ones of the same term."""

    def test_merge(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            "terms.csv",
            "term,kind,alternative\nregime,glorification,x\nrebel scum,delegitimisation,"
            "the armed group\n",
        )
        merged = merge_lexicons(shipped_lexicon(), read_lexicon(path))
        regime = next(t for t in merged if t.term == "regime")
        assert TermKind.GLORIFICATION is regime.kind
        assert any(t.term == "rebel scum" for t in merged)
        assert len(shipped_lexicon()) + 1 == len(merged)

    def test_a_term_in_one_language(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            "terms.csv",
            "term,kind,alternative,language,sense,why\n"
            "укронацист,delegitimisation,'украинские военные',ru,a slur for soldiers,dehumanises\n"
            "Velmar bandits,delegitimisation,'the Velmar armed group',,,\n",
        )
        slur, bandits = read_lexicon(path)
        assert ("ru", "a slur for soldiers") == (slur.language, slur.sense)
        assert "" == bandits.language  # looked for in every language
        linter = NeutralityLinter(merge_lexicons(shipped_lexicon(), (slur, bandits)))
        found = linter.lint("Укронацисты обстреляли дорогу. The Velmar bandits left.\n")
        assert ["Укронацисты", "Velmar bandits"] == [f.text for f in found]

    def test_a_language_it_cannot_read(self, tmp_path: Path) -> None:
        path = write(
            tmp_path, "terms.csv", "term,kind,alternative,language\nx,glorification,y,de\n"
        )
        with pytest.raises(BadInputError, match="not a language the linter reads") as caught:
            read_lexicon(path)
        assert (2, "language") == (caught.value.row, caught.value.field)

    def test_a_bad_kind(self, tmp_path: Path) -> None:
        path = write(tmp_path, "terms.csv", "term,kind,alternative\nregime,rude,x\n")
        with pytest.raises(BadInputError) as caught:
            read_lexicon(path)
        assert (2, "kind") == (caught.value.row, caught.value.field)

    def test_no_alternative(self, tmp_path: Path) -> None:
        path = write(tmp_path, "terms.csv", "term,kind,alternative\nregime,glorification,\n")
        with pytest.raises(BadInputError, match="neutral alternative"):
            read_lexicon(path)


class TestPlaces:
    """Names and usages line up; either in order or as `name: usage` items."""

    def test_the_demo_places(self, demo_dir: Path) -> None:
        places = read_places(demo_dir / "places.csv")
        names = [[n.name for n in p.names] for p in places]
        assert ["Velmar", "Welmar"] in names
        assert any(n.neutral for p in places for n in p.names)

    def test_name_usage_items_and_other_headers(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            "places.csv",
            "place,name,used_by\nTown,Velmar;Welmar,Welmar: Government; Velmar: Authority\n",
        )
        (place,) = read_places(path)
        assert [("Velmar", "Authority"), ("Welmar", "Government")] == [
            (n.name, n.usage) for n in place.names
        ]

    @pytest.mark.parametrize(
        ("row", "field"),
        [("Velmar,A", "names"), ("Velmar;Welmar,A", "usage"), ("Velmar;velmar,A;B", "names")],
    )
    def test_bad_rows(self, tmp_path: Path, row: str, field: str) -> None:
        path = write(tmp_path, "places.csv", f"names,usage\n{row}\n")
        with pytest.raises(BadInputError) as caught:
            read_places(path)
        assert (2, field) == (caught.value.row, caught.value.field)

    def test_a_missing_column(self, tmp_path: Path) -> None:
        path = write(tmp_path, "places.csv", "names\nVelmar;Welmar\n")
        with pytest.raises(BadInputError) as caught:
            read_places(path)
        assert (1, "usage") == (caught.value.row, caught.value.field)
