"""`backchannel demo OUTDIR`: the whole main job, on a real encrypted file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from backchannel.cli.app import app
from backchannel.readers.candidates import read_candidates

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    result = runner.invoke(app, ["demo", str(out)], env={"BACKCHANNEL_PASSPHRASE": "demo pw"})
    assert 0 == result.exit_code, result.output
    return out


def name_parts(demo: Path) -> set[str]:
    parts: set[str] = set()
    for cand in read_candidates(demo / "candidates.csv"):
        parts.add(cand.name)
        parts.update(p for p in cand.name.replace("-", " ").split() if len(p) >= 5)
    return parts


class TestDemo:
    """The demo builds an encrypted workspace and documents that name no participant."""

    def test_files(self, demo_out: Path) -> None:
        names = {p.name for p in demo_out.iterdir()}
        assert {
            "workspace.bch",
            "indicators.png",
            "scope-and-ripeness.pdf",
            "scope-and-ripeness.md",
        } <= names
        assert not [n for n in names if n.startswith(".")]  # no half-written leftovers

    def test_no_name_in_workspace_bytes(self, demo_out: Path, demo_dir: Path) -> None:
        raw = (demo_out / "workspace.bch").read_bytes()
        for part in name_parts(demo_dir):
            assert part.encode("utf-8") not in raw, part

    def test_no_name_in_documents(self, demo_out: Path, demo_dir: Path) -> None:
        pdf_text = "\n".join(
            page.extract_text() or ""
            for page in PdfReader(demo_out / "scope-and-ripeness.pdf").pages
        )
        md_text = (demo_out / "scope-and-ripeness.md").read_text(encoding="utf-8")
        assert "Ripeness" in pdf_text
        assert "Sarn" in pdf_text
        for part in name_parts(demo_dir):
            assert part not in pdf_text, part
            assert part not in md_text, part

    def test_pdf_has_the_chart(self, demo_out: Path) -> None:
        reader = PdfReader(demo_out / "scope-and-ripeness.pdf")
        images = [img for page in reader.pages for img in page.images]
        assert images

    def test_rerun_replaces(self, demo_out: Path) -> None:
        before = (demo_out / "workspace.bch").stat().st_size
        result = runner.invoke(app, ["demo", str(demo_out)], env={"BACKCHANNEL_PASSPHRASE": "x"})
        assert 0 == result.exit_code, result.output
        assert (demo_out / "workspace.bch").stat().st_size > 0
        assert before > 0

    def test_demo_csv_is_the_documented_layout(self, demo_dir: Path) -> None:
        header = next(csv.reader(io.StringIO((demo_dir / "candidates.csv").read_text("utf-8"))))
        assert (
            "id,name,aliases,party,category,gender,affiliation,title,channels,available,"
            "conflicts,priority"
        ) == ",".join(header)
        assert 35 <= len(read_candidates(demo_dir / "candidates.csv")) <= 45
