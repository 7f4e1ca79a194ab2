"""The layers point inward: domain imports nothing outside itself and the standard library;
the CLI and the web app do not reach into the store or the renderers."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "backchannel"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules_under(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


class TestDomainPurity:
    """domain/ imports only the standard library and backchannel.domain."""

    @pytest.mark.parametrize("path", modules_under("domain"), ids=lambda p: p.name)
    def test_domain_module_imports(self, path: Path) -> None:
        outside = {
            name
            for name in imported_modules(path)
            if name.split(".")[0] not in sys.stdlib_module_names
            and not name.startswith("backchannel.domain")
            and name != "__future__"
        }
        assert set() == outside

    def test_the_check_sees_a_forbidden_import(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.py"
        bad.write_text("import sqlalchemy\nfrom backchannel.store import tables\n")
        assert {"sqlalchemy", "backchannel.store"} == imported_modules(bad)


class TestThinEntrypoints:
    """cli/ and web/ call services; they never import the store or the renderers."""

    @pytest.mark.parametrize(
        "path", modules_under("cli") + modules_under("web"), ids=lambda p: p.name
    )
    def test_no_store_or_render(self, path: Path) -> None:
        forbidden = {
            name
            for name in imported_modules(path)
            if name.startswith(("backchannel.store", "backchannel.render", "sqlalchemy"))
        }
        assert set() == forbidden
