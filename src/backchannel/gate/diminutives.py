"""Short forms that notes use alone for a given name: Tolya, Sasha, Pipe, Paco, Bill.

The table is `data/diminutives.txt`. A given name finds its line through any spelling of
its variant family (Oleksandr and Aleksandr share Sasha). Everything is folded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

from backchannel.gate.fold import fold
from backchannel.gate.variants import family_of


@cache
def _table() -> dict[str, dict[str, bool]]:
    """Folded full name -> {folded short form: is also an ordinary word}."""
    text = resources.files("backchannel.gate").joinpath("data", "diminutives.txt")
    table: dict[str, dict[str, bool]] = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        names, sep, shorts = line.partition("=")
        if not sep:
            continue
        forms = {fold(s.rstrip("*")): s.endswith("*") for s in shorts.split()}
        forms.pop("", None)
        for name in names.split():
            table.setdefault(fold(name), {}).update(forms)
    return table


def _merge(into: dict[str, bool], forms: dict[str, bool]) -> None:
    """Add `forms` to `into`; a form is ordinary when either says so."""
    for form, ordinary in forms.items():
        into[form] = into.get(form, False) or ordinary


def diminutives(given: str) -> dict[str, bool]:
    """{short form: is also an ordinary word} for one folded given name; empty if none."""
    table = _table()
    out: dict[str, bool] = {}
    for spelling in sorted(family_of(given) | {given}):
        _merge(out, table.get(spelling, {}))
    out.pop(given, None)
    return out


def name_diminutives(parts: Sequence[str]) -> dict[str, bool]:
    """The short forms of a roster name's given names: every part but the last, so that
    a second given name counts (Nacho for José Ignacio Restrepo)."""
    out: dict[str, bool] = {}
    for part in parts[:-1]:
        _merge(out, diminutives(part))
    for part in parts:
        out.pop(part, None)
    return out
