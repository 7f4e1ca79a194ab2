"""`backchannel steps/followup/nonpaper/aide-memoire/trace` from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app

runner = CliRunner()
ENV = {"BACKCHANNEL_PASSPHRASE": "cli outputs"}
HEADER = "id,what,who,when,how,test\n"
CLEAN = (
    'c1,"Circulate a one-page list of three triggers.",Gov-A Access Committee,2027-01-29,'
    '"Sent to both liaison offices.","Both offices return written comments by 12 February."\n'
    'c2,"Open Dorran on Tuesdays for notified convoys.",Authority-B Liaison Office,2027-03-02,'
    '"A written order to the crossing post.","At least 4 lorries cross on each Tuesday."\n'
)
VAGUE = (
    "v1,Enhance cooperation,All stakeholders,next month,As appropriate,Cooperation improves\n"
    'v2,"Open Dorran on Tuesdays.",Gov-A Access Committee,2027-09-01,"A written order.",'
    '"The order is signed."\n'
)


def csv_file(tmp_path: Path, body: str, name: str = "steps.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def check(path: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(
        app, ["steps", "check", str(path), "--start", "2027-01-18", *extra, "--json"]
    )
    return result.exit_code, result.output


class TestStepsCheck:
    """The stateless checker: the JSON contract and the exit codes 0, 1 and 2."""

    def test_clean_steps(self, tmp_path: Path) -> None:
        code, out = check(csv_file(tmp_path, HEADER + CLEAN))
        assert (0, {"ok": True, "findings": []}) == (code, json.loads(out))

    def test_vague_steps(self, tmp_path: Path) -> None:
        code, out = check(csv_file(tmp_path, HEADER + VAGUE))
        data = json.loads(out)
        assert 1 == code
        assert False is data["ok"]
        assert [("v1", "what"), ("v1", "who"), ("v1", "when"), ("v1", "how"), ("v1", "test"),
                ("v2", "when")] == [(f["step"], f["field"]) for f in data["findings"]]  # fmt: skip
        assert {"step", "field", "message", "language", "severity"} == set(data["findings"][0])
        assert "outside the 90-day horizon" in data["findings"][-1]["message"]

    def test_steps_in_arabic_and_russian(self, tmp_path: Path) -> None:
        body = HEADER + (
            "a1,تسليم قائمة بأسماء المحتجزين إلى اللجنة الدولية للصليب الأحمر,"
            "مكتب شؤون الأسرى في محافظة الجرف,١٥ شباط ٢٠٢٧,رسالة رسمية عبر مكتب الارتباط,"
            "إيصال استلام موقع محفوظ لدى الأمانة\n"
            "r1,Рассмотреть возможность обмена пленными,Соответствующие органы,"
            "в ближайшее время,по соответствующим каналам,улучшение отношений\n"
        )
        code, out = check(csv_file(tmp_path, body))
        data = json.loads(out)
        assert 1 == code
        assert [("r1", f, "ru") for f in ("what", "who", "when", "how", "test")] == [
            (f["step"], f["field"], f["language"]) for f in data["findings"]
        ]

    def test_a_language_it_cannot_read_is_a_note(self, tmp_path: Path) -> None:
        body = HEADER + (
            "g1,Die Liste der Gefangenen wird dem Roten Kreuz übergeben,Das Büro für "
            "Gefangenenfragen,2027-02-10,Mit einem Brief an das Sekretariat,Die "
            "unterschriebene Empfangsbestätigung liegt vor\n"
        )
        code, out = check(csv_file(tmp_path, body))
        data = json.loads(out)
        assert (0, True) == (code, data["ok"])
        assert [("language", "note", "de")] == [
            (f["field"], f["severity"], f["language"]) for f in data["findings"]
        ]

    def test_excel_semicolons(self, tmp_path: Path) -> None:
        """Excel in French, Spanish or Russian settings saves CSV with ';': read as written."""
        body = (
            "id;what;who;when;how;test\n"
            "f1;Remettre au CICR la liste des 17 détenus de Bellegarde;Bureau des affaires "
            "pénitentiaires;le 3 février 2027;Remise en main propre à Castelmaure;"
            "La liste signée est versée au dossier du secrétariat\n"
            "f2;Renforcer la coopération entre les deux rives;Les acteurs concernés;"
            "prochainement;Par les voies appropriées;La confiance est renforcée\n"
        )
        code, out = check(csv_file(tmp_path, body))
        data = json.loads(out)
        assert 1 == code
        assert [("f2", f, "fr") for f in ("what", "who", "when", "how", "test")] == [
            (f["step"], f["field"], f["language"]) for f in data["findings"]
        ]

    def test_a_longer_horizon(self, tmp_path: Path) -> None:
        code, out = check(csv_file(tmp_path, HEADER + VAGUE), "--horizon-days", "365")
        assert 1 == code
        assert "v2" not in {f["step"] for f in json.loads(out)["findings"]}

    def test_human_output(self, tmp_path: Path) -> None:
        path = csv_file(tmp_path, HEADER + VAGUE)
        result = runner.invoke(app, ["steps", "check", str(path), "--start", "2027-01-18"])
        assert 1 == result.exit_code
        assert "step v1, who: 'all stakeholders' is not an actor" in result.output
        assert "2 of 2 step(s) flagged (6 finding(s))." in result.output

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ("id,what,who,when,how\ns1,a,b,2027-02-01,c\n", "missing column(s): test"),
            (HEADER + 's1,a,b,2027-02-01,c,d\ns1,a,b,2027-02-01,c,d\n',
             "row 3, field 'id': step s1 appears twice (first in row 2)"),
            (HEADER + ',a,b,2027-02-01,c,d\n', "row 2, field 'id': every step needs an id"),
            (HEADER, "holds no step"),
            ("", "is empty"),
        ],
    )  # fmt: skip
    def test_bad_files(self, tmp_path: Path, body: str, message: str) -> None:
        result = runner.invoke(
            app, ["steps", "check", str(csv_file(tmp_path, body)), "--start", "2027-01-18"]
        )
        assert 2 == result.exit_code
        assert message in result.output
        assert "Traceback" not in result.output

    def test_bad_options(self, tmp_path: Path) -> None:
        path = csv_file(tmp_path, HEADER + CLEAN)
        result = runner.invoke(app, ["steps", "check", str(path), "--start", "18/01/2027"])
        assert 2 == result.exit_code
        assert "'18/01/2027' is not a date (expected YYYY-MM-DD)" in result.output
        result = runner.invoke(
            app, ["steps", "check", str(path), "--start", "2027-01-18", "--horizon-days", "0"]
        )
        assert 2 == result.exit_code
        code, out = check(tmp_path / "no.csv")
        assert 2 == code and "no such file" in out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    result = runner.invoke(app, ["demo", str(out)], env=ENV)
    assert 0 == result.exit_code, result.output
    return out


@pytest.fixture
def workspace(demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "w.bch"
    shutil.copyfile(demo / "workspace.bch", path)
    return path


def run(workspace: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["-w", str(workspace), *args], env=ENV)
    return result.exit_code, result.output


class TestWorkspaceCommands:
    """Status, follow-up, rendering, the register and trace on the demo workspace."""

    def test_status_and_followup(self, workspace: Path) -> None:
        code, out = run(workspace, "steps", "status", "s1", "--set", "done", "--on", "2027-02-01")
        assert (0, "Step s1 is done (since 1 February 2027).") == (code, out.strip())
        code, out = run(workspace, "followup", "show", "--today", "2027-02-10", "--json")
        data = json.loads(out)
        assert 0 == code
        assert [("s1", "done"), ("s2", "due"), ("s3", "open")] == [
            (s["step"], s["standing"]) for s in data["steps"]
        ]
        assert {"number": 2, "starts": "2027-02-22", "opens_with": ["s2", "s3"]} == data[
            "next_meeting"
        ]
        code, out = run(workspace, "followup", "show", "--today", "2027-02-10")
        assert "Meeting 2 (22 February 2027) starts with the open steps: s2, s3." in out

    def test_bad_status(self, workspace: Path) -> None:
        code, out = run(workspace, "steps", "status", "s1", "--set", "finished")
        assert 2 == code and "is not a status" in out
        code, out = run(workspace, "steps", "status", "s1", "--set", "dropped")
        assert 2 == code and "say why step s1 is dropped" in out

    def test_render_and_trace(self, workspace: Path, tmp_path: Path) -> None:
        out_dir = tmp_path / "out"
        code, out = run(workspace, "nonpaper", "render", str(out_dir), "--json")
        assert 0 == code
        assert ["nonpaper.docx", "nonpaper.pdf", "nonpaper.md"] == [
            Path(p).name for p in json.loads(out)["documents"]
        ]
        code, out = run(workspace, "aide-memoire", "render", str(out_dir))
        assert 0 == code
        assert "(copy 1 of 6, for Gov-A Access Committee)" in out
        code, out = run(workspace, "aide-memoire", "copies", "--json")
        register = json.loads(out)
        assert 6 == len(register)
        first = register[0]
        assert {"code", "edition", "number", "total", "interlocutor", "name", "issued_at"} == set(
            first
        )
        code, out = run(workspace, "trace", str(out_dir / f"aide-memoire-{first['code']}.pdf"))
        assert 0 == code
        assert f"code {first['code']}, registered to {first['name']}" in out
        code, out = run(workspace, "trace", str(out_dir / "nonpaper.md"), "--json")
        assert 1 == code
        assert False is json.loads(out)["found"]

    def test_calendar(self, workspace: Path, tmp_path: Path) -> None:
        code, out = run(workspace, "steps", "calendar", str(tmp_path))
        assert 0 == code
        assert (tmp_path / "steps.ics").read_text("utf-8").startswith("BEGIN:VCALENDAR")
