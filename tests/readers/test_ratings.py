"""The ratings CSV: whole scores from -2 to +2; errors name file, row and field."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.domain.errors import BadInputError
from backchannel.domain.options import Rating
from backchannel.readers.ratings import read_ratings

HEADER = "option,rater,party,score\n"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "ratings.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def error_for(path: Path) -> BadInputError:
    with pytest.raises(BadInputError) as caught:
        read_ratings(path)
    return caught.value


class TestReadRatings:
    """Good rows become ratings; the header may be in any order and case."""

    def test_reads_rows(self, tmp_path: Path) -> None:
        path = write(tmp_path, "opt1,p-01,north,2\nopt1,p-02,south,-2\nopt2,p-01,north,0\n")
        assert (
            Rating("opt1", "p-01", "north", 2),
            Rating("opt1", "p-02", "south", -2),
            Rating("opt2", "p-01", "north", 0),
        ) == read_ratings(path)

    def test_plus_sign_and_spaces(self, tmp_path: Path) -> None:
        path = write(tmp_path, "opt1, p-01 ,north, +1 \n")
        assert (Rating("opt1", "p-01", "north", 1),) == read_ratings(path)

    def test_columns_in_another_order(self, tmp_path: Path) -> None:
        path = write(tmp_path, "-1,north,p-01,opt1\n", header="Score,Party,Rater,Option\n")
        assert (Rating("opt1", "p-01", "north", -1),) == read_ratings(path)


class TestBadRatings:
    """Each bad cell is named by file, row (header is row 1) and field."""

    @pytest.mark.parametrize("score", ["3", "-3", "x", "1.5", "2.0", "", "++1"])
    def test_unknown_score(self, tmp_path: Path, score: str) -> None:
        error = error_for(write(tmp_path, f"opt1,p-01,north,1\nopt1,p-02,north,{score}\n"))
        assert ("ratings.csv", 3, "score") == (error.file, error.row, error.field)

    def test_missing_column_is_named(self, tmp_path: Path) -> None:
        error = error_for(write(tmp_path, "opt1,p-01,2\n", header="option,rater,score\n"))
        assert ("ratings.csv", 1, "party") == (error.file, error.row, error.field)
        assert "party" in str(error)

    def test_same_option_rated_twice_by_a_rater(self, tmp_path: Path) -> None:
        error = error_for(
            write(tmp_path, "opt1,p-01,north,1\nopt2,p-01,north,1\nopt1,p-01,north,2\n")
        )
        assert (4, "rater") == (error.row, error.field)
        assert "row 2" in error.message

    def test_a_rater_in_two_parties(self, tmp_path: Path) -> None:
        error = error_for(write(tmp_path, "opt1,p-01,north,1\nopt2,p-01,south,1\n"))
        assert (3, "party") == (error.row, error.field)

    def test_bad_option_id(self, tmp_path: Path) -> None:
        error = error_for(write(tmp_path, "opt 1!,p-01,north,1\n"))
        assert ("ratings.csv", 2, "option") == (error.file, error.row, error.field)

    def test_empty_party(self, tmp_path: Path) -> None:
        error = error_for(write(tmp_path, "opt1,p-01,,1\n"))
        assert (2, "party") == (error.row, error.field)

    def test_header_only(self, tmp_path: Path) -> None:
        error = error_for(write(tmp_path, ""))
        assert ("ratings.csv", 2) == (error.file, error.row)

    def test_no_such_file(self, tmp_path: Path) -> None:
        error = error_for(tmp_path / "missing.csv")
        assert "no such file" == error.message

    def test_rater_pseudonym_not_echoed(self, tmp_path: Path) -> None:
        error = error_for(write(tmp_path, "opt1,secret-rater,north,1\nopt1,secret-rater,north,2\n"))
        assert "secret-rater" not in str(error)

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
    @given(
        st.text(max_size=6).filter(
            lambda s: s.strip() not in {"-2", "-1", "0", "1", "2", "+1", "+2"}
        )
    )
    def test_any_other_score_text_is_refused(self, tmp_path: Path, score: str) -> None:
        path = tmp_path / "fuzz.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(
                [["option", "rater", "party", "score"], ["opt1", "p-01", "north", score]]
            )
        with pytest.raises(BadInputError) as caught:
            read_ratings(path)
        assert caught.value.file == "fuzz.csv"
