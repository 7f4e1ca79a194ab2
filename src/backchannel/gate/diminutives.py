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


def diminutives(given: str, *, latin: bool = True) -> dict[str, bool]:
    """{short form: is also an ordinary word} for one folded given name; empty if none.
    `latin=False` leaves out the forms made by rule, which only Latin script writes."""
    table = _table()
    out: dict[str, bool] = {}
    for spelling in sorted(family_of(given) | {given}):
        _merge(out, table.get(spelling, {}))
    if latin:
        _merge(out, dict.fromkeys(_spanish(given), False))
    out.pop(given, None)
    return out


def _spanish(given: str) -> set[str]:
    """The Spanish and Portuguese diminutive of a given name: Rosa is Rosita, Pablo
    Pablito, Miguel Miguelito, Carmen Carmencita, Mercedes Merceditas."""
    if len(given) < 4 or " " in given or not given.isalpha():
        return set()
    if given.endswith("es"):
        return {given[:-2] + "itas", given[:-2] + "itos"}
    if given[-1] in "ao":
        return {given[:-1] + "ito", given[:-1] + "ita", given[:-1] + "inho", given[:-1] + "inha"}
    if given[-1] in "lnr":
        return {given + "ito", given + "ita", given + "cito", given + "cita"}
    return set()


def name_diminutives(parts: Sequence[str], *, latin: bool = True) -> dict[str, bool]:
    """The short forms of a roster name's given names: every part but the last, so that
    a second given name counts (Nacho for José Ignacio Restrepo)."""
    out: dict[str, bool] = {}
    for part in parts[:-1]:
        _merge(out, diminutives(part, latin=latin))
    for part in parts:
        out.pop(part, None)
    return out
