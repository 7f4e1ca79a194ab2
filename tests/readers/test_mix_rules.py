"""Reading MIX.toml: errors name the file, the line (as row) and the dotted rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.domain.errors import BadInputError
from backchannel.domain.people import Candidate, Category
from backchannel.readers.mix_rules import read_mix_rules

GOOD = """\
# The mix for the corridor dialogue
[size]
min = 10
max = 16

[category.technical_expert]
min = 3

[party.A]
min = 3
max = 5

[gender]
min_share = { F = 0.4 }

[affiliation]
max_per = 2

[channels]
required = [
  "Gov-A Presidency",
  "Authority-B Council",
]

[people]
include = ["c017"]
exclude = ["c003"]
"""


def write(tmp_path: Path, text: str, name: str = "MIX.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path, pool: list[Candidate] | None = None) -> BadInputError:
    with pytest.raises(BadInputError) as caught:
        read_mix_rules(path, pool)
    return caught.value


def candidate(id_: str) -> Candidate:
    return Candidate(id=id_, name=id_, party="A", category=Category.TECHNICAL_EXPERT)


class TestReadMixRules:
    """A well-formed file gives every rule; people rules are checked against a pool."""

    def test_good_file(self, tmp_path: Path) -> None:
        rules = read_mix_rules(write(tmp_path, GOOD))
        assert 11 == len(rules.rules)
        assert "channels.required.Authority-B Council" in rules.by_name()

    def test_against_the_pool(self, tmp_path: Path) -> None:
        pool = [candidate("c017"), candidate("c003")]
        assert 11 == len(read_mix_rules(write(tmp_path, GOOD), pool).rules)

    def test_empty_file_means_default_size(self, tmp_path: Path) -> None:
        rules = read_mix_rules(write(tmp_path, ""))
        assert (10, 16) == (rules.size_min, rules.size_max)


class TestErrors:
    """Every error names file, line and dotted rule."""

    def test_wrong_type_names_the_line(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, GOOD.replace("max = 5", 'max = "5"')))
        assert ("MIX.toml", 11, "party.A.max") == (error.file, error.row, error.field)
        assert "must be a whole number" in error.message

    def test_share_in_an_inline_table(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, GOOD.replace("F = 0.4", "F = 40")))
        assert (14, "gender.min_share.F") == (error.row, error.field)

    def test_unknown_key(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, GOOD.replace("max_per = 2", "max_each = 2")))
        assert (17, "affiliation.max_each") == (error.row, error.field)
        assert "unknown rule" in error.message

    def test_unknown_category_names_its_table(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, GOOD.replace("technical_expert]", "diplomat]")))
        assert (6, "category.diplomat") == (error.row, error.field)

    def test_item_of_a_list_over_several_lines(self, tmp_path: Path) -> None:
        text = GOOD.replace(
            '  "Authority-B Council",', '  "Authority-B Council",\n  "Gov-A Presidency",'
        )
        error = error_of(write(tmp_path, text))
        assert "channels.required.Gov-A Presidency" == error.field
        assert "twice" in error.message

    def test_person_not_in_the_pool(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, GOOD), [candidate("c017")])
        assert ("MIX.toml", 27, "people.exclude.c003") == (error.file, error.row, error.field)
        assert "not a candidate in the pool" in error.message

    def test_not_toml(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, GOOD.replace("max = 16", "max = 16 17")))
        assert ("MIX.toml", 4, "size.max") == (error.file, error.row, error.field)
        assert error.message.startswith("not valid TOML")

    @pytest.mark.parametrize(
        "text", ["x = " + "[" * 5000 + "]" * 5000, "[size]\nmax = " + "9" * 5000 + "\n"]
    )
    def test_hostile_nesting_and_digits_are_bad_input(self, tmp_path: Path, text: str) -> None:
        """Nested 5,000 deep or a 5,000-digit number: exit 2 with the file, not a crash."""
        error = error_of(write(tmp_path, text))
        assert ("MIX.toml", True) == (error.file, error.message.startswith("not valid TOML"))

    def test_broken_table_header(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, "[size]\nmin = 3\n[party.A\nmax = 2\n"))
        assert 3 == error.row
        assert "not valid TOML" in error.message

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "MIX.toml"
        path.write_bytes('[party."Ç"]\nmin = 1\n'.encode("cp1252"))
        assert "UTF-8" in error_of(path).message

    def test_missing_file(self, tmp_path: Path) -> None:
        assert "no such file" == error_of(tmp_path / "nope.toml").message

    def test_the_message_reads_whole(self, tmp_path: Path) -> None:
        error = error_of(write(tmp_path, GOOD.replace("min = 3\n\n[party", "min = -3\n\n[party")))
        assert (
            "MIX.toml, row 7, field 'category.technical_expert.min': -3 must be at least 0"
            == str(error)
        )
