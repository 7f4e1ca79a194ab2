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


def diminutives(given: str) -> dict[str, bool]:
    """{short form: is also an ordinary word} for one folded given name; empty if none."""
    table = _table()
    out: dict[str, bool] = {}
    for spelling in sorted(family_of(given) | {given}):
        for form, ordinary in table.get(spelling, {}).items():
            out[form] = out.get(form, False) or ordinary
    out.pop(given, None)
    return out


def name_diminutives(parts: Sequence[str]) -> dict[str, bool]:
    """The short forms of a roster name's given names: every part but the last, so that
    a second given name counts (Nacho for José Ignacio Restrepo)."""
    out: dict[str, bool] = {}
    for part in parts[:-1]:
        for form, ordinary in diminutives(part).items():
            out[form] = out.get(form, False) or ordinary
    for part in parts:
        out.pop(part, None)
    return out
