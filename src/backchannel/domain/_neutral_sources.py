"""Source balance: find a text's list of sources and say where each one comes from.

A source list starts at a heading line such as ``Sources``, ``7 Sources``, ``## References``
or ``Sources:`` and runs to the next blank line (list items after a blank line still count)
or the next Markdown heading. ``Sources: A; B; C`` on one line is a list too.

Each item's origin is read from an explicit statement at its end (``— neutral body``,
``— Government of X (party)``, ``(independent)``), else from what the item names: a ministry,
an armed force, an authority, a spokesperson or state media make it a party's source; a UN
agency, the Red Cross or Red Crescent, a monitoring mission, a university or an event-data
project make it neutral. Anything else is of unknown origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NEUTRAL, PARTY, UNKNOWN = "neutral", "party", "unknown"

_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]?[ \t]+)?"
    r"(?:sources?(?:[ \t]+(?:and[ \t]+references|of[ \t]+information|used|cited|consulted))?"
    r"|references|bibliography|data[ \t]+sources)"
    r"(?:\*\*|__)?[ \t]*(?::[ \t]*(?P<rest>\S.*?))?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BULLET = re.compile(r"^[ \t]*(?:[-*\u2022\u00b7\u2013]|\d+[.)]|\[\d+\])[ \t]+")
_EXPLICIT = re.compile(
    r"(?:\s[\u2014\u2013-]\s|\s?\u2014\s?)(?P<o>[^\u2014\u2013]+)$|\((?P<p>[^()]+)\)\s*\.?$"
)
_NEUTRAL_MARK = re.compile(r"\b(?:neutral|independent|impartial)\b", re.IGNORECASE)
_PARTY_MARK = re.compile(r"\bpart(?:y|ies)\b", re.IGNORECASE)
_PARTY = re.compile(
    r"\b(?:government|ministry|minister|presidency|armed forces|army|military|"
    r"defen[cs]e forces|authority|authorities|administration|movement|front|militias?|"
    r"brigades?|rebels?|police|state (?:media|television|tv|radio|news)|"
    r"spokes(?:person|man|woman)|press (?:office|service|release)|commander|command|regime)\b",
    re.IGNORECASE,
)
_NEUTRAL_WORDS = re.compile(
    r"\b(?:united nations|world health organi[sz]ation|red cross|red crescent|"
    r"m[ée]decins sans fronti[eè]res|doctors without borders|reliefweb|inter-?agency|"
    r"cluster|monitoring (?:mission|group|unit|team)|observer mission|ombuds(?:man|person)|"
    r"university|academic|research|institute|non-governmental|humanitarian|"
    r"event data|armed conflict location|reuters|agence france-presse|associated press|"
    r"crisis group|human rights watch|amnesty international|carter center|"
    r"african union|european union|world bank|arab league|satellite imagery)\b",
    re.IGNORECASE,
)
_NEUTRAL_ACRONYMS = re.compile(
    r"\b(?:UN|OCHA|UNHCR|UNICEF|UNFPA|UNDP|UNMAS|WFP|WHO|IOM|ICRC|IFRC|MSF|ACLED|UCDP|HDX|NGO|"
    r"IPC|OSCE|AFP|BBC|IGAD|ECOWAS|SIPRI|HRW)\b"
)
# A bibliographic reference: "Zartman, I. W. (2000)", "Smith et al.", "Journal of ...".
_REFERENCE = re.compile(r"\(\d{4}[a-z]?\)|\bet al\.|\bjournal of\b|\buniversity press\b", re.I)
_GENERIC = frozenset(
    "government ministry minister of the defence defense interior health foreign affairs press "
    "office statement statements state media television tv radio news agency armed forces army "
    "authority authorities party movement front spokesperson spokesman spokeswoman report "
    "reports bulletin presidency police national military command commander administration "
    "civil council public information department directorate data figures records daily "
    "weekly monthly annual release service and for on in at by january february march april "
    "may june july august september october november december host communities community "
    "regime brigade brigades militia militias rebel rebels".split()
)


@dataclass(frozen=True, slots=True)
class SourceItem:
    start: int
    end: int
    text: str
    origin: str  # NEUTRAL, PARTY or UNKNOWN
    identity: frozenset[str]


@dataclass(frozen=True, slots=True)
class SourceList:
    heading_start: int
    heading_end: int
    items: tuple[SourceItem, ...]


def _identity(text: str) -> frozenset[str]:
    found = {
        w.casefold()
        for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text)
        if w[:1].isupper() and w.casefold() not in _GENERIC
    }
    return frozenset(found) or frozenset({" ".join(text.casefold().split())})


def classify(item: str) -> tuple[str, frozenset[str]]:
    """(origin, identity) of one source; identity tells two parties' sources apart."""
    explicit = _EXPLICIT.search(item)
    stated = (explicit.group("o") or explicit.group("p")) if explicit else ""
    if stated and _NEUTRAL_MARK.search(stated):
        return NEUTRAL, frozenset()
    if stated and (_PARTY_MARK.search(stated) or _PARTY.search(stated)):
        named = _PARTY_MARK.sub("", stated).strip(" :,")
        return PARTY, _identity(named or item[: explicit.start()] if explicit else item)
    if _PARTY.search(item):
        return PARTY, _identity(item)
    if (
        _NEUTRAL_MARK.search(item)
        or _NEUTRAL_WORDS.search(item)
        or _NEUTRAL_ACRONYMS.search(item)
        or _REFERENCE.search(item)
    ):
        return NEUTRAL, frozenset()
    return UNKNOWN, frozenset()


def _item(text: str, start: int, end: int) -> SourceItem | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    bullet = _BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
    if start >= end:
        return None
    origin, identity = classify(text[start:end])
    return SourceItem(start, end, text[start:end], origin, identity)


def _lines(text: str, position: int) -> list[tuple[int, int]]:
    """(start, end) of each line from `position` on."""
    spans = []
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end == -1 else end
        spans.append((position, end))
        position = end + 1
    return spans


def source_lists(text: str) -> list[SourceList]:
    found = []
    for heading in _HEADING.finditer(text):
        items: list[SourceItem] = []
        rest = heading.group("rest")
        if rest:
            offset = heading.start("rest")
            for part in re.finditer(r"[^;]+", rest):
                item = _item(text, offset + part.start(), offset + part.end())
                if item:
                    items.append(item)
        else:
            blank = False
            for start, end in _lines(text, heading.end() + 1):
                line = text[start:end]
                if not line.strip():
                    blank = bool(items) or blank
                    continue
                if line.lstrip().startswith("#") or (blank and not _BULLET.match(line)):
                    break
                if _HEADING.match(line):
                    break
                item = _item(text, start, end)
                if item:
                    items.append(item)
        line = heading.group()
        line_start = heading.start() + len(line) - len(line.lstrip())
        line_end = heading.start("rest") if rest else heading.end()
        while line_end > line_start and text[line_end - 1] in " \t":
            line_end -= 1
        found.append(SourceList(line_start, line_end, tuple(items)))
    return found


def balance_problem(items: tuple[SourceItem, ...]) -> str | None:
    """What is wrong with the balance of these sources, or None."""
    if not items or any(i.origin == NEUTRAL for i in items):
        return None
    parties = [i for i in items if i.origin == PARTY]
    if parties and len(parties) == len(items):
        first = parties[0].identity
        if all(p.identity & first for p in parties):
            return "every source comes from one party"
    return "no source is from a neutral body"
