"""The room's languages: gettext catalogs kept in the repository, for the web workbench,
the documents' headings and boilerplate, and the command line's messages.

Catalogs are `locale/<lang>/LC_MESSAGES/messages.po`, read at start-up (Babel turns
each into a gettext catalogue in memory; no compiled .mo file to keep in step). A page's
language is the `lang` cookie when it names one of `LANGUAGES`, else the best match of the
browser's `Accept-Language`, else English. `?lang=xx` on any page sets the cookie, so a
participant on a phone picks a language once, from links written in each language.

Extract new strings with `make messages` (Babel's Jinja2 extractor, see babel.cfg).
Babel is imported where it is used, so a command that never translates does not pay for it.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.support import NullTranslations

LOCALE = Path(__file__).parent / "locale"
LANGUAGES = ("en", "fr", "es", "ru", "ar")
# Each language's name in itself, for the language links.
NAMES = {"en": "English", "fr": "Français", "es": "Español", "ru": "Русский", "ar": "العربية"}
RIGHT_TO_LEFT = frozenset({"ar"})
COOKIE = "lang"

_current: ContextVar[str] = ContextVar("language", default="en")


@cache
def translations(lang: str) -> NullTranslations:
    """The catalogue of one language (English is the source: no catalogue)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import NullTranslations, Translations

    path = LOCALE / lang / "LC_MESSAGES" / "messages.po"
    if lang == "en" or not path.exists():
        return NullTranslations()
    with path.open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


def _weighted(header: str) -> Iterable[tuple[float, str]]:
    for n, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        yield quality - n * 1e-6, tag.strip().lower()


def choose(cookie: str | None, accept_language: str | None) -> str:
    """The language of a page: the cookie's, else the browser's best, else English."""
    if cookie in LANGUAGES:
        return cookie
    for quality, tag in sorted(_weighted(accept_language or ""), reverse=True):
        base = tag.split("-", 1)[0]
        if quality > 0 and base in LANGUAGES:
            return base
    return "en"


def base(tag: str) -> str:
    """The language of a tag as people and systems write it: fr-CA, fr_CA -> fr."""
    return tag.strip().lower().replace("_", "-").split("-")[0]


def from_locale(environ: Mapping[str, str]) -> str:
    """The language of the locale (LC_ALL, LC_MESSAGES, LANG: the first one set) when it is
    one of `LANGUAGES`, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            lang = base(value).split(".")[0]
            return lang if lang in LANGUAGES else "en"
    return "en"


def activate(lang: str) -> None:
    """Make `lang` the language of what is rendered next in this request."""
    _current.set(lang if lang in LANGUAGES else "en")


def gettext(message: str) -> str:
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, n)


def direction(lang: str) -> str:
    return "rtl" if lang in RIGHT_TO_LEFT else "ltr"


def _first_strong(text: str) -> str | None:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def isolated(text: str) -> str:
    """`text` between Unicode first-strong isolates: it keeps its own direction inside a
    line that runs either way (invisible in print; the gate and `trace` read through)."""
    return f"\u2068{text}\u2069"


def right_to_left() -> bool:
    """Whether the language being rendered is written right to left."""
    return direction(current()) == "rtl"


def embedded(text: str) -> str:
    """What a person wrote, placed inside a sentence of the language being rendered: when
    it runs the other way (an English problem in an Arabic sentence, an Arabic point in an
    English one), between Unicode first-strong isolates, so it keeps its own order and its
    full stop at its own end. Invisible in print; the gate and `trace` read through them."""
    found = _first_strong(text)
    if found is None or found == direction(current()):
        return text
    return isolated(text)


def current() -> str:
    """The language being rendered."""
    return _current.get()


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Render what is inside in `lang` (a document in one of the dialogue's languages)."""
    token = _current.set(lang if lang in LANGUAGES else "en")
    try:
        yield
    finally:
        _current.reset(token)


def N_(message: str) -> str:
    """Marks a message for the catalogs; translated with `gettext` where it is shown."""
    return message


def day(value: date | datetime | None) -> str:
    """A date the way the current language writes it: 3 Dec 2026, 3 déc. 2026, 3 дек. 2026."""
    from babel.dates import format_date

    return "–" if value is None else format_date(value, "d MMM y", locale=_current.get())


def long_day(value: date | datetime) -> str:
    """A date in full: 3 December 2026, 3 décembre 2026, ٣ ديسمبر ٢٠٢٦ as the locale has it."""
    from babel.dates import format_date

    lang = _current.get()
    return format_date(value, "d MMMM y" if lang == "en" else "long", locale=lang)


def month(value: date | datetime) -> str:
    """A month and year: March 2026, mars 2026, март 2026 (standalone form)."""
    from babel.dates import format_date

    return format_date(value, "LLLL y", locale=_current.get())


def short_month(year: int, month: int) -> str:
    """A month on a chart's axis: Jan 2025, janv. 2025, янв. 2025, يناير 2025."""
    from babel.dates import format_date

    return format_date(date(year, month, 1), "LLL y", locale=_current.get())


def number(value: float, places: int = 2, *, signed: bool = False) -> str:
    """A number with the current language's decimal mark (0,25 in French, Spanish, Russian)."""
    from babel.numbers import format_decimal

    zeros = "0" * places
    pattern = f"0.{zeros}" if places else "0"
    if signed:
        pattern = f"+{pattern};\u2212{pattern}"
    return format_decimal(value, pattern, locale=_current.get())
