"""The neutrality linter's data: the lexicon of loaded terms and the contested places.

Lexicon CSV (the shipped ones are `evidence/data/loaded_terms.csv` for English and
`loaded_terms.LANG.csv` for French, Spanish, Russian and Arabic; a dialogue may add its own)::

    term,kind,alternative,sense,why,not_after,not_before,only_before,language
    regime,delegitimisation,"'the government'",a government as 'regime',...,visa sanctions,,,en

`term` is the dictionary form: the linter inflects it in its language (plural, gender,
case; Arabic article and clitics). `sense` and `why` say in which sense the term is loaded
and why a party objects to it (shown with each finding). `language` (en, fr, es, ru, ar)
says in which paragraphs it is looked for; a dialogue's term without one is looked for in
every language.

`kind` is `delegitimisation`, `glorification` or `contested_legal` ("contested legal
characterisation" is accepted too). The three context columns hold space-separated words:
the term is not reported right after a `not_after` word, nor right before a `not_before`
word; with `only_before` it is reported only right before one of those words (`<name>`
stands for any capitalised word). A dialogue's entry replaces a shipped entry of the same term.

Places CSV::

    names,usage
    Velmar;Welmar,Velmar Authority;Government of Sarnland

`names` and `usage` are `;`-separated and line up: the usage says whose usage each name
reflects (a party, or `neutral` for a name every side accepts).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from backchannel.domain.errors import BadInputError
from backchannel.domain.neutrality import ContestedPlace, LoadedTerm, PlaceName, TermKind
from backchannel.readers._csvfile import CsvRow, read_rows, split_list

SHIPPED = "loaded_terms.csv"
SHIPPED_LANGUAGES = ("en", "fr", "es", "ru", "ar")
MAX_TERM = 80
MAX_NOTE = 300
_KINDS = {
    "delegitimisation": TermKind.DELEGITIMISATION,
    "delegitimization": TermKind.DELEGITIMISATION,
    "glorification": TermKind.GLORIFICATION,
    "contested_legal": TermKind.CONTESTED_LEGAL,
    "contested legal": TermKind.CONTESTED_LEGAL,
    "contested legal characterisation": TermKind.CONTESTED_LEGAL,
    "contested legal characterization": TermKind.CONTESTED_LEGAL,
}


def _words(row: CsvRow, field: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in row.get(field).split())


def _term(row: CsvRow, file: str, language: str) -> LoadedTerm:
    term = row.get("term")
    if not term:
        raise BadInputError("is empty", file=file, row=row.number, field="term")
    if len(term) > MAX_TERM:
        raise BadInputError(
            f"is longer than {MAX_TERM} characters", file=file, row=row.number, field="term"
        )
    kind = _KINDS.get(" ".join(row.get("kind").casefold().split()))
    if kind is None:
        raise BadInputError(
            f"'{row.get('kind')[:40]}' is not a kind: delegitimisation, glorification or "
            "contested_legal",
            file=file,
            row=row.number,
            field="kind",
        )
    alternative = row.get("alternative")
    if not alternative:
        raise BadInputError(
            "is empty: give a neutral alternative", file=file, row=row.number, field="alternative"
        )
    lang = row.get("language").strip().casefold() or language
    if lang and lang not in SHIPPED_LANGUAGES:
        raise BadInputError(
            f"'{lang[:10]}' is not a language the linter reads: "
            f"{', '.join(SHIPPED_LANGUAGES)}, or empty for every language",
            file=file,
            row=row.number,
            field="language",
        )
    try:
        return LoadedTerm(
            term=term,
            kind=kind,
            alternative=alternative,
            not_after=_words(row, "not_after"),
            not_before=_words(row, "not_before"),
            only_before=_words(row, "only_before"),
            language=lang,
            sense=" ".join(row.get("sense").split())[:MAX_NOTE],
            why=" ".join(row.get("why").split())[:MAX_NOTE],
        )
    except BadInputError as error:
        raise error.located(file=file, row=row.number) from None


def read_lexicon(path: Path, language: str = "") -> tuple[LoadedTerm, ...]:
    """Every entry of a lexicon CSV, or a BadInputError for the first bad cell. A row with
    no `language` is a word of `language` ("" for every language)."""
    _columns, rows = read_rows(
        path,
        ("term", "kind", "alternative"),
        optional=("not_after", "not_before", "only_before", "language", "sense", "why"),
    )
    terms = [_term(row, path.name, language) for row in rows]
    if not terms:
        raise BadInputError("has a header but no terms", file=path.name, row=2)
    return tuple(terms)


@cache
def shipped_lexicon() -> tuple[LoadedTerm, ...]:
    """The lexicons that ship with backchannel, English first."""
    data = resources.files("backchannel.evidence") / "data"
    out: list[LoadedTerm] = []
    for lang in SHIPPED_LANGUAGES:
        name = SHIPPED if lang == "en" else f"loaded_terms.{lang}.csv"
        if not (data / name).is_file():
            continue
        with resources.as_file(data / name) as path:
            out += read_lexicon(path, lang)
    return tuple(out)


def merge_lexicons(*lexicons: Sequence[LoadedTerm]) -> tuple[LoadedTerm, ...]:
    """Later lexicons add terms and replace earlier entries of the same term (in the same
    language; a term given for every language replaces it in all)."""
    merged: dict[tuple[str, str], LoadedTerm] = {}
    for lexicon in lexicons:
        for entry in lexicon:
            term = " ".join(entry.term.casefold().split())
            if not entry.language:  # a term for every language replaces it in each
                merged = {k: v for k, v in merged.items() if k[1] != term}
            merged[(entry.language, term)] = entry
    return tuple(merged.values())


# Other headers people give the same columns; the first found is used.
NAMES_COLUMNS = ("names", "name", "place_names", "variants", "forms")
USAGE_COLUMNS = ("usage", "usages", "used_by", "users", "whose_usage", "parties", "party")


def _pick_column(columns: Sequence[str], choices: Sequence[str], file: str) -> str:
    for choice in choices:
        if choice in columns:
            return choice
    raise BadInputError(
        f"missing column: {choices[0]} (or {', '.join(choices[1:3])})",
        file=file,
        row=1,
        field=choices[0],
    )


def _usages(names: Sequence[str], cell: str, file: str, row: int, field: str) -> list[str]:
    """One usage per name: in the same order, or as `name: usage` items in any order."""
    items = split_list(cell)
    keyed = {}
    for item in items:
        name, colon, usage = item.partition(":")
        if colon and name.strip().casefold() in {n.casefold() for n in names}:
            keyed[name.strip().casefold()] = usage.strip()
    if keyed and len(keyed) == len(items):
        return [keyed.get(n.casefold(), "") for n in names]
    if len(items) != len(names):
        raise BadInputError(
            f"has {len(items)} usage(s) for {len(names)} names: give one per name, "
            "';'-separated, in the same order",
            file=file,
            row=row,
            field=field,
        )
    return list(items)


def read_places(path: Path) -> tuple[ContestedPlace, ...]:
    """Every contested place of a places CSV."""
    columns, rows = read_rows(path, ())
    file = path.name
    names_column = _pick_column(columns, NAMES_COLUMNS, file)
    usage_column = _pick_column(columns, USAGE_COLUMNS, file)
    places = []
    for row in rows:
        names = split_list(row.get(names_column))
        if len(names) < 2:
            raise BadInputError(
                "give two names or more, ';'-separated",
                file=file,
                row=row.number,
                field=names_column,
            )
        usages = _usages(names, row.get(usage_column), file, row.number, usage_column)
        if len({n.casefold() for n in names}) != len(names):
            raise BadInputError(
                "a name appears twice", file=file, row=row.number, field=names_column
            )
        note = " ".join(row.get("note").split())
        if len(note) > MAX_NOTE:
            raise BadInputError(
                f"is longer than {MAX_NOTE} characters", file=file, row=row.number, field="note"
            )
        pairs = tuple(PlaceName(n, u) for n, u in zip(names, usages, strict=True))
        places.append(ContestedPlace(pairs, note))
    if not places:
        raise BadInputError("has a header but no places", file=file, row=2)
    return tuple(places)
