"""Contested places for the neutrality linter: their names, whose usage each reflects, and
where a text first mentions one of them in one party's form only."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from backchannel.domain import _morph
from backchannel.domain import _neutral_text as nt
from backchannel.domain.errors import BadInputError
from backchannel.domain.languages import script

NAME_WINDOW = 60  # characters around a first mention where the other name must appear
# A usage starting with one of these words marks a name every side accepts.
NEUTRAL_USAGES = frozenset(
    {"neutral", "common", "all", "both", "shared", "everyone", "international", "un", "united"}
)


@dataclass(frozen=True, slots=True)
class PlaceName:
    name: str
    usage: str  # whose usage the name reflects: a party, or "neutral"

    @property
    def neutral(self) -> bool:
        first = self.usage.strip().casefold().split(maxsplit=1)[:1]
        return bool(first) and first[0].strip(",;:.") in NEUTRAL_USAGES


@dataclass(frozen=True, slots=True)
class ContestedPlace:
    names: tuple[PlaceName, ...]
    note: str = ""

    def __post_init__(self) -> None:
        if len(self.names) < 2:
            raise BadInputError("a contested place needs two names or more", field="names")

    def both(self, first: str) -> str:
        """'Velmar (Welmar)': the name used, then the others with a different usage."""
        others = [n.name for n in self.names if n.name != first]
        return f"{first} ({' / '.join(others)})"


# A place name followed by one of these (capitalised) names an organisation, not the place.
_ORGANISATION = frozenset(
    "authority authorities council government committee brigade brigades front army forces "
    "movement party university hospital forum association cooperative network assembly "
    "administration centre center office ministry police militia union federation "
    "institute agency commission".split()
)


@functools.lru_cache(maxsize=4096)
def _name_forms(key: str) -> frozenset[str]:
    """The forms a name's word takes in running text: Russian case («в Степанакерте»), the
    Arabic article kept or not, French elision kept or not."""
    written = script(key)
    if written == "Cyrillic":
        return _morph.forms(key, "ru") | {key}
    if written == "Arabic":
        folded = _morph.fold(key, "ar")
        bare = folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded
        return frozenset({key, folded, bare})
    return frozenset({key, _morph.fold(key, "fr")})


_ELIDED = re.compile(r"^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['\u2019]", re.IGNORECASE)
_script = functools.lru_cache(maxsize=8192)(script)


@functools.lru_cache(maxsize=8192)
def _readings(key: str, lang: str, first: bool) -> tuple[str, ...]:
    if lang == "ar" and not first:
        return (_morph.fold(key, lang),)
    return _morph.readings(key, lang)


def _is(word: nt.Word, key: str, first: bool) -> bool:
    """Is this word of the text a form of the name's word `key`? Arabic clitics
    («بالجولان», «والجولان», «للجولان») only on a name's first word."""
    if word.key == key:
        return True
    written = _script(key)
    if written != _script(word.key):
        return False
    lang = {"Arabic": "ar", "Cyrillic": "ru"}.get(written, "fr")
    return not _name_forms(key).isdisjoint(_readings(word.key, lang, first))


def _mentions(
    text: str, words: list[nt.Word], keys: tuple[str, ...], name: str
) -> Iterable[tuple[int, int]]:
    n = len(keys)
    for i in range(len(words) - n + 1):
        if not all(_is(words[i + k], key, k == 0) for k, key in enumerate(keys)):
            continue
        if name[:1].isupper() and not _ELIDED.sub("", words[i].raw)[:1].isupper():
            continue  # "turkey" is not Turkey
        nxt = words[i + n] if i + n < len(words) else None
        if (
            nxt is not None
            and nxt.capitalised
            and nxt.key in _ORGANISATION
            and not text[words[i + n - 1].end : nxt.start].strip()
        ):
            continue  # "Velmar Authority" names a party, not the town
        yield words[i].start, words[i + n - 1].end


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    return (0 if left == -1 else left, len(text) if right == -1 else right)


def unpaired_first_mentions(
    text: str,
    words: list[nt.Word],
    place_keys: list[tuple[ContestedPlace, PlaceName, tuple[str, ...]]],
) -> list[tuple[int, int, ContestedPlace, PlaceName]]:
    """(start, end, place, name) of each place's first mention, when it is in one party's
    form and no other name of the place stands with it."""
    spans: list[tuple[int, int, ContestedPlace, PlaceName]] = []
    for place, name, keys in place_keys:
        if keys:
            spans += [(s, e, place, name) for s, e in _mentions(text, words, keys, name.name)]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, ContestedPlace, PlaceName]] = []
    for span in spans:  # a longer name wins: "Upper Sarn" is not a mention of "Sarn"
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    out: list[tuple[int, int, ContestedPlace, PlaceName]] = []
    seen: set[int] = set()
    for start, end, place, name in kept:
        if id(place) in seen:
            continue
        seen.add(id(place))
        if name.neutral:
            continue
        low, high = _paragraph(text, start, end)
        near = [
            s
            for s in kept
            if s[2] is place
            and s[3].name != name.name
            and max(low, start - NAME_WINDOW) <= s[0]
            and s[1] <= min(high, end + NAME_WINDOW)
            and _names_together(text[min(end, s[1]) : max(start, s[0])])
        ]
        if near:
            continue
        out.append((start, end, place, name))
    return out


_CONNECTOR = re.compile(
    r"^[\s()\[\]/,:;\u2013\u2014-]*(?:(?:or|also|aka|a\.k\.a\.|known as|also known as|"
    r"also called|called|formerly|officially|locally)[\s()\[\]/,:\u2013\u2014-]*)?$",
    re.IGNORECASE,
)
_NAMING = re.compile(
    r"\b(?:call|calls|called|name|names|named|known|refers?|referred|spel(?:led|t)|"
    r"written|usage|gazetteer)\b",
    re.IGNORECASE,
)


def _names_together(between: str) -> bool:
    """'Velmar (Welmar)', 'Velmar / Welmar', 'Velmar, which the government calls Welmar':
    the two names stand together as names of one place, not as two places in a list."""
    if "\n\n" in between:
        return False
    return bool(_CONNECTOR.match(between)) or bool(_NAMING.search(between))
