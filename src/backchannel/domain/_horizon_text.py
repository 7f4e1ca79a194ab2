"""Reading horizons out of a scope statement: durations ("within six weeks") and calendar
deadlines ("by 15 March", "by the end of the year"), as spans of days. Used by scope_lint."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# --- horizon ---------------------------------------------------------------------------------
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60,
    "ninety": 90, "a hundred": 100, "a couple of": 2, "couple of": 2, "a few": 3, "few": 3,
    "several": 5, "half a": 0.5, "half": 0.5,
}  # fmt: skip
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30,
              "quarter": 90, "year": 365, "decade": 3650}  # fmt: skip
_NUM = (
    r"(?P<num>\d{1,5}(?:\.\d+)?|"
    + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_NUMBERS, key=len, reverse=True))
    + ")"
)
_UNIT = r"(?P<unit>day|week|fortnight|month|quarter|year|decade)s?"
_CUE = (
    r"(?:(?:within|in|inside|under|over|during|for|after|before|up\s+to|no\s+more\s+than|"
    r"less\s+than|at\s+most)\s+(?:the\s+)?(?:(?:next|coming|following|first)\s+)?|"
    r"(?:next|coming|following)\s+)"
)
_PAST = (
    r"(?!\s+(?:of|ago)\s+(?:war|conflict|fighting|violence|talks|negotiations|siege|"
    r"occupation|displacement|stalemate|blockade)\b)(?!\s+ago\b)"
)
_RELATIVE = (
    re.compile(rf"(?ai)\b{_CUE}{_NUM}[\s-]+{_UNIT}\b{_PAST}"),
    re.compile(
        rf"(?ai)\b{_NUM}[\s-]+{_UNIT}[\s-]+(?:horizon|window|timeline|time-?frame|period|deadline|"
        r"plan|mandate|roadmap|programme|program|process|cycle|target|pilot|trial|phase)\b"
    ),
    re.compile(
        rf"(?ai)\b{_NUM}[\s-]+{_UNIT}\s+(?:from\s+(?:now|today|the|signature|signing)|hence)\b"
    ),
)
_HOURS = re.compile(rf"(?ai)\bwithin\s+(?:the\s+next\s+)?{_NUM}\s+(?P<unit>hour)s?\b")
_COMING = re.compile(r"(?ai)\b(?:in|over|during|within)\s+the\s+(?:coming|next|following)\s+"
                     r"(?P<unit>week|month|year|decade)s\b")  # fmt: skip
_WITHIN = {"month": 31, "quarter": 90, "year": 365, "decade": 3650}  # at most, without today
_COMING_DAYS = {"week": 42, "month": 180, "year": 730, "decade": 3650}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH = "(?P<month>" + "|".join(_MONTHS) + ")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_BY = r"(?ai)\b(?:by|before|until|till|through|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+)?"
_CALENDAR = (
    re.compile(
        _BY + r"(?:end[\s-]+of\s+(?:the\s+|this\s+)?|(?P<next>end[\s-]+of\s+next\s+))"
        r"(?P<rel>year|month|quarter|decade)\b"
    ),  # fmt: skip
    re.compile(_BY + r"(?P<rel>year|month|quarter)[\s-]end\b"),
    re.compile(_BY + r"(?P<iso>\d{4}-\d\d-\d\d)\b"),
    re.compile(
        _BY + rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"
    ),
    re.compile(_BY + rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?"),
    re.compile(
        _BY + r"(?:(?P<part>mid|early|late|end)[\s-]+(?:of\s+)?)?"
        rf"{_MONTH}(?:\s+{_YEAR})?\b"
    ),  # fmt: skip
    re.compile(_BY + rf"(?:(?P<part>end|mid|early|late)[\s-]+(?:of\s+)?)?{_YEAR}\b"),
)


@dataclass(frozen=True, slots=True)
class Span:
    phrase: str
    days: int | None  # None: cannot be counted
    note: str


def _relative(text: str) -> list[tuple[int, Span]]:
    found: list[tuple[int, Span]] = []
    for rx in (*_RELATIVE, _HOURS):
        for m in rx.finditer(text):
            raw = re.sub(r"\s+", " ", m["num"].lower())
            num = float(raw) if raw[0].isdigit() else _NUMBERS[raw]
            days = max(1, round(num * _UNIT_DAYS[m["unit"].lower()]))
            found.append((m.start(), Span(m[0], days, f"'{m[0]}' is about {days} days")))
    for m in _COMING.finditer(text):
        days = _COMING_DAYS[m["unit"].lower()]
        found.append((m.start(), Span(m[0], days, f"'{m[0]}' is open-ended, about {days} days")))
    return found


def _target(m: re.Match[str], today: date) -> date | None:
    """The date a calendar deadline names, counted from `today`; None when it names none."""
    g = {k: v.lower() for k, v in m.groupdict().items() if v}
    if g.get("rel"):
        nxt = 1 if g.get("next") else 0
        if g["rel"] == "year":
            return date(today.year + nxt, 12, 31)
        if g["rel"] == "decade":
            return date(today.year // 10 * 10 + 9 + 10 * nxt, 12, 31)
        if g["rel"] == "month":
            month = today.month + nxt
        else:
            month = (today.month - 1) // 3 * 3 + 3 + 3 * nxt
        year, month = today.year + (month - 1) // 12, (month - 1) % 12 + 1
        return date(year, month, calendar.monthrange(year, month)[1])
    try:
        if g.get("iso"):
            return date.fromisoformat(g["iso"])
        year = int(g["year"]) if g.get("year") else today.year
        if not g.get("month"):
            return date(year, 12, 31) if g.get("part") == "end" else date(year, 1, 1)
        month = _MONTHS[g["month"]]
        if g.get("day"):
            day = int(g["day"])
        else:
            last = calendar.monthrange(year, month)[1]
            parts = {"early": 10, "mid": 15, "late": 25, "end": last}
            day = parts.get(g.get("part") or "", 1)
        target = date(year, month, day)
    except ValueError:
        return None
    if not g.get("year") and target < today:
        target = target.replace(year=target.year + 1)
    return target


def _calendar(text: str, today: date | None) -> list[tuple[int, Span]]:
    found: list[tuple[int, Span]] = []
    for rx in _CALENDAR:
        for m in rx.finditer(text):
            phrase, g = m[0], {k: v.lower() for k, v in m.groupdict().items() if v}
            if today is not None:
                target = _target(m, today)
                if target is None:
                    note = f"'{phrase}' is not a date in the calendar"
                    found.append((m.start(), Span(phrase, None, note)))
                    continue
                days = (target - today).days
                if days <= 0:
                    found.append((m.start(), Span(phrase, None, f"'{phrase}' is already past")))
                else:
                    found.append((m.start(), Span(phrase, days, f"'{phrase}' is {days} days away")))
            elif g.get("rel"):
                days = _WITHIN[g["rel"]] * (2 if g.get("next") else 1)
                note = f"'{phrase}' may be up to {days} days away"
                found.append((m.start(), Span(phrase, days, note)))
            elif g.get("year") or g.get("iso"):
                note = f"'{phrase}' names a year, read as more than 90 days away"
                found.append((m.start(), Span(phrase, 366, note)))
            else:
                note = f"'{phrase}' is a date that cannot be counted without today's date"
                found.append((m.start(), Span(phrase, None, note)))
    return found


def find_spans(text: str, today: date | None) -> list[Span]:
    """Durations and deadlines in the text, in order, without overlaps."""
    found = sorted(
        _relative(text) + _calendar(text, today), key=lambda p: (p[0], -len(p[1].phrase))
    )
    spans: list[Span] = []
    end = -1
    for start, span in found:
        if start >= end:
            spans.append(span)
            end = start + len(span.phrase)
    return spans
