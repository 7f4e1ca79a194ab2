"""`backchannel support --ratings RATINGS.csv [--method bridging] --json`: the contract."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from backchannel.cli.app import app

runner = CliRunner()
HEADER = "option,rater,party,score\n"


def ratings_file(tmp_path: Path, rows: list[tuple[str, str, str, int | str]]) -> Path:
    path = tmp_path / "ratings.csv"
    body = "".join(f"{o},{r},{p},{s}\n" for o, r, p, s in rows)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def room() -> list[tuple[str, str, str, int | str]]:
    """Six raters of north, three of south, two of east (too few to show)."""
    raters = [(f"n{i}", "north") for i in range(6)]
    raters += [(f"s{i}", "south") for i in range(3)]
    raters += [(f"e{i}", "east") for i in range(2)]
    polar = {"north": 2, "south": 0, "east": 2}
    broad = {"north": 1, "south": 1, "east": 1}
    rows: list[tuple[str, str, str, int | str]] = []
    for rater, party in raters:
        rows.append(("polar", rater, party, polar[party]))
        rows.append(("broad", rater, party, broad[party]))
        rows.append(("sour", rater, party, -1))
    return rows


def run(*args: str) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(app, ["support", *args])
    data = json.loads(result.stdout) if result.exit_code == 0 and "--json" in args else {}
    return result.exit_code, data, result.output


class TestSupportJson:
    """JSON: options sorted by rank with n, mean, by_party, withheld, support and rank."""

    def test_broad_support_beats_best_mean(self, tmp_path: Path) -> None:
        code, data, _ = run("--ratings", str(ratings_file(tmp_path, room())), "--json")
        assert 0 == code
        options = data["options"]
        assert isinstance(options, list)
        assert ["broad", "polar", "sour"] == [o["option"] for o in options]
        assert [1, 2, 3] == [o["rank"] for o in options]
        polar, broad = options[1], options[0]
        assert polar["mean"] > broad["mean"]
        assert {"option", "n", "mean", "by_party", "withheld", "support", "rank"} == set(polar)
        assert {"north": 2.0, "south": 0.0} == polar["by_party"]
        assert ["east"] == polar["withheld"]
        assert 0.0 == polar["support"]
        assert ("plain", 3) == (data["method"], data["k"])

    def test_withheld_party_leaves_no_trace_in_figures(self, tmp_path: Path) -> None:
        rows = room()
        changed = [(o, r, p, -2 if p == "east" else s) for o, r, p, s in rows]
        first = run("--ratings", str(ratings_file(tmp_path, rows)), "--json")[1]
        second = run("--ratings", str(ratings_file(tmp_path, changed)), "--json")[1]
        assert first == second
        options = first["options"]
        assert isinstance(options, list)
        assert [] == [o["option"] for o in options if "east" in o["by_party"]]

    def test_human_output_says_too_few_to_show(self, tmp_path: Path) -> None:
        code, _, output = run("--ratings", str(ratings_file(tmp_path, room())))
        assert 0 == code
        assert "too few to show" in output
        assert "least convinced party" in output


class TestSupportBadInput:
    """Exit 2 with a one-line message naming file, row and field; never a traceback."""

    def test_score_three(self, tmp_path: Path) -> None:
        path = ratings_file(tmp_path, [("a", "r1", "north", 1), ("a", "r2", "north", 3)])
        code, _, output = run("--ratings", str(path), "--json")
        assert 2 == code
        assert "ratings.csv, row 3, field 'score'" in output
        assert "Traceback" not in output

    def test_score_not_a_number(self, tmp_path: Path) -> None:
        code, _, output = run("--ratings", str(ratings_file(tmp_path, [("a", "r1", "n", "x")])))
        assert 2 == code
        assert "ratings.csv, row 2, field 'score'" in output

    def test_missing_column(self, tmp_path: Path) -> None:
        path = tmp_path / "ratings.csv"
        path.write_text("option,rater,score\na,r1,1\n", encoding="utf-8")
        code, _, output = run("--ratings", str(path), "--json")
        assert 2 == code
        assert "ratings.csv, row 1, field 'party'" in output
        assert "missing column" in output

    def test_missing_file(self, tmp_path: Path) -> None:
        code, _, output = run("--ratings", str(tmp_path / "nope.csv"), "--json")
        assert 2 == code
        assert "no such file" in output

    def test_unknown_method(self, tmp_path: Path) -> None:
        path = ratings_file(tmp_path, room())
        code, _, _ = run("--ratings", str(path), "--method", "vibes", "--json")
        assert 2 == code


def camps_file(tmp_path: Path) -> Path:
    """400 raters in two hidden camps (3:1), all labelled `public`; b* bridge the camps."""
    rng = random.Random(2)
    levels = {f"b{i}": (1.0, 1.0) for i in range(3)}
    levels |= {f"big{i}": (2.0, -1.0) for i in range(5)}
    levels |= {f"small{i}": (-1.0, 2.0) for i in range(5)}
    rows: list[tuple[str, str, str, int | str]] = []
    for r in range(400):
        camp = 0 if rng.random() < 0.75 else 1
        for option, level in levels.items():
            if rng.random() < 0.3:
                score = max(-2, min(2, round(level[camp] + rng.gauss(0, 0.6))))
                rows.append((option, f"r{r}", "public", score))
    return ratings_file(tmp_path, rows)


class TestSupportBridging:
    """--method bridging ranks by the option intercept, without using party labels."""

    def test_bridging_options_on_top(self, tmp_path: Path) -> None:
        path = camps_file(tmp_path)
        _, plain, _ = run("--ratings", str(path), "--json")
        code, bridging, _ = run("--ratings", str(path), "--method", "bridging", "--json")
        assert 0 == code
        assert "bridging" == bridging["method"]
        top = {o["option"] for o in bridging["options"][:3]}
        plain_top = {o["option"] for o in plain["options"][:3]}
        assert {"b0", "b1", "b2"} == top
        assert {"b0", "b1", "b2"} != plain_top
        ranks = [o["rank"] for o in bridging["options"]]
        assert sorted(ranks) == ranks

    def test_small_room_gets_a_note(self, tmp_path: Path) -> None:
        result = runner.invoke(
            app,
            ["support", "--ratings", str(ratings_file(tmp_path, room())), "--method", "bridging"],
        )
        assert 0 == result.exit_code
        assert "meant for hundreds" in result.output
