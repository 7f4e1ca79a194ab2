"""`backchannel meeting/round/capture/options/ratings` on a real encrypted workspace, and
the meeting record that `backchannel demo` writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from backchannel.cli.app import app
from backchannel.readers.candidates import read_candidates

runner = CliRunner()
ENV = {"BACKCHANNEL_PASSPHRASE": "pw"}


def run(ws: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["-w", str(ws), *args], env=ENV)
    return result.exit_code, result.output


def ok(ws: Path, *args: str) -> str:
    code, out = run(ws, *args)
    assert 0 == code, out
    return out


@pytest.fixture
def ws(tmp_path: Path, demo_dir: Path) -> Path:
    path = tmp_path / "d.bch"
    ok(path, "init", "--from", str(demo_dir / "dialogue.toml"))
    ok(path, "candidates", "import", str(demo_dir / "candidates.csv"))
    return path


def through_packaging(ws: Path) -> None:
    """Meeting 1, every round captured from the command line, with one step back."""
    assert "Meeting 1: in round 1 of 5, framing." in ok(ws, "round", "start")
    ok(ws, "capture", "framing", "Relief stops at the river because every crossing is bargained.")
    ok(ws, "capture", "framing", "Which events open the crossing?", "--reframing")
    ok(ws, "round", "next")
    assert "Captured i1: party A, red line." in ok(
        ws, "capture", "interest", "No armed escort on the road", "--party", "A",
        "--kind", "red-line",
    )  # fmt: skip
    ok(ws, "capture", "constraint", "Sign-off for each crossing", "-p", "A", "--kind", "legal")
    ok(ws, "round", "next")
    ok(ws, "capture", "option", "A weekly window at Dorran", "--code", "weekly", "--serves", "i1")
    ok(ws, "capture", "option", "Sealed convoys", "--code", "sealed", "--description", "Seal once")
    ok(ws, "round", "next")
    ok(
        ws, "capture", "consequence", "weekly", "--party", "A", "--gains", "Planning",
        "--question", "Can the ferry carry the load in May?",
    )  # fmt: skip
    ok(ws, "round", "back", "--reason", "The test showed a missing option.")
    ok(ws, "round", "next")
    ok(ws, "round", "next")
    ok(ws, "capture", "package", "p1", "--title", "Water first", "--option", "weekly")
    assert "Captured step s1, number 1 in p1." in ok(
        ws, "capture", "step", "--package", "p1", "--what", "Circulate the draft",
        "--who", "The facilitation team", "--when", "2027-02-01", "--how", "Informally",
        "--test", "Comments returned",
    )  # fmt: skip


class TestRoundsAndCapture:
    """The rounds move in order, capture goes to its round, and the meeting says where it is."""

    def test_a_whole_meeting(self, ws: Path) -> None:
        through_packaging(ws)
        data = json.loads(ok(ws, "meeting", "show", "--json"))
        assert "packaging" == data["current"]
        assert [2, 2, 2, 1, 2] == [r["captured"] for r in data["rounds"]]
        assert ["The test showed a missing option."] == [b["reason"] for b in data["back"]]
        assert ["Can the ferry carry the load in May?"] == [
            q["text"] for q in data["left_open"]["questions"]
        ]
        assert {"weekly", "sealed"} == {u["option"] for u in data["left_open"]["untested"]}
        ok(ws, "round", "next")
        assert "finished" == json.loads(ok(ws, "meeting", "show", "--json"))["state"]

    def test_capture_outside_its_round_exits_2(self, ws: Path) -> None:
        ok(ws, "round", "start")
        code, out = run(ws, "capture", "option", "Too early")
        assert 2 == code
        assert "round next" in out
        assert "Traceback" not in out

    def test_back_needs_a_reason(self, ws: Path) -> None:
        ok(ws, "round", "start")
        ok(ws, "round", "next")
        code, _out = run(ws, "round", "back")
        assert 2 == code
        code, out = run(ws, "round", "back", "--reason", "   ")
        assert 2 == code
        assert "reason" in out

    def test_a_participant_named_exits_1_without_echo(self, ws: Path, demo_dir: Path) -> None:
        ok(ws, "round", "start")
        name = read_candidates(demo_dir / "candidates.csv")[0].name
        code, out = run(ws, "capture", "framing", f"As {name} put it, the road is closed.")
        assert 1 == code
        assert "points to a participant" in out
        for part in name.split():
            assert part not in out

    def test_a_new_meeting_with_a_timebox(self, ws: Path) -> None:
        data = json.loads(
            ok(ws, "meeting", "new", "--starts", "2027-05-03", "--timebox", "options=240",
               "--json")
        )  # fmt: skip
        assert 4 == data["meeting"]  # the demo dialogue plans three
        assert 240 == next(r["timebox"] for r in data["rounds"] if r["round"] == "options")
        code, out = run(ws, "meeting", "new", "--starts", "2027-05-03", "--timebox", "lunch=60")
        assert 2 == code
        assert "ROUND=MINUTES" in out


class TestRatings:
    """Ratings import by participant id, support from the stored ratings, options listed."""

    def test_import_support_and_list(self, ws: Path, tmp_path: Path) -> None:
        through_packaging(ws)
        rows = ["option,rater,party,score"]
        for rater, party in (("c001", "A"), ("c002", "A"), ("c004", "A"),
                             ("c012", "B"), ("c013", "B"), ("c014", "B")):  # fmt: skip
            rows.append(f"weekly,{rater},{party},{2 if party == 'A' else -1}")
            rows.append(f"sealed,{rater},{party},1")
        ratings = tmp_path / "ratings.csv"
        ratings.write_text("\n".join(rows) + "\n", encoding="utf-8")
        done = json.loads(ok(ws, "ratings", "import", str(ratings), "--json"))
        assert {"meeting": 1, "ratings": 12, "raters": 6, "options": 2, "from_ids": 12,
                "replaced": 0} == done  # fmt: skip
        support = json.loads(ok(ws, "ratings", "support", "--json"))
        assert ["sealed", "weekly"] == [o["option"] for o in support["options"]]
        assert "c001" not in json.dumps(support)
        listed = json.loads(ok(ws, "options", "list", "--json"))["options"]
        assert [("weekly", ["A"], 6), ("sealed", [], 6)] == [
            (o["code"], o["tested_for"], o["ratings"]) for o in listed
        ]

    def test_a_bad_score_exits_2_and_names_the_row(self, ws: Path, tmp_path: Path) -> None:
        through_packaging(ws)
        bad = tmp_path / "bad.csv"
        bad.write_text("option,rater,party,score\nweekly,c001,A,3\n", encoding="utf-8")
        code, out = run(ws, "ratings", "import", str(bad))
        assert 2 == code
        assert "bad.csv, row 2, field 'score'" in out
        assert "c001" not in out


class TestRecord:
    """`meeting record` writes the PDF and its pictures through the gate."""

    def test_record(self, ws: Path, tmp_path: Path) -> None:
        through_packaging(ws)
        out = ok(ws, "meeting", "record", str(tmp_path / "out"))
        assert "meeting-record.pdf" in out
        assert (tmp_path / "out" / "meeting-interests.png").stat().st_size > 0


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    result = runner.invoke(app, ["demo", str(out)], env={"BACKCHANNEL_PASSPHRASE": "demo pw"})
    assert 0 == result.exit_code, result.output
    return out


class TestDemoMeeting:
    """`backchannel demo` captures meeting 1 in every round, imports its ratings and writes
    the meeting record with its two pictures, past the gate."""

    def test_files(self, demo_out: Path) -> None:
        names = {p.name for p in demo_out.iterdir()}
        assert {"meeting-record.pdf", "meeting-support.png", "meeting-interests.png"} <= names

    def test_the_record(self, demo_out: Path, demo_dir: Path) -> None:
        pdf = PdfReader(demo_out / "meeting-record.pdf")
        assert 2 <= len([img for page in pdf.pages for img in page.images])
        body = " ".join((page.extract_text() or "") for page in pdf.pages)
        body = " ".join(body.split())
        for heading in ("Framing", "Interests and constraints", "Options",
                        "Support across parties", "Consequence tests", "Packaging",
                        "Left open for the next meeting"):  # fmt: skip
            assert heading in body
        assert "too few" in body
        for cand in read_candidates(demo_dir / "candidates.csv"):
            assert cand.name not in body

    def test_the_ranking(self, demo_out: Path) -> None:
        result = runner.invoke(
            app,
            ["-w", str(demo_out / "workspace.bch"), "ratings", "support", "--json"],
            env={"BACKCHANNEL_PASSPHRASE": "demo pw"},
        )
        assert 0 == result.exit_code, result.output
        out = result.output
        options = json.loads(out)["options"]
        best_mean = max(options, key=lambda o: o["mean"])
        assert "cholera-ministry" == best_mean["option"]
        assert "cholera-joint" == options[0]["option"]
        assert best_mean["rank"] > options[0]["rank"]
        assert 16 == json.loads(out)["raters"]
