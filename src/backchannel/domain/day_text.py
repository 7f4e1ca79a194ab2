"""A day written the way its language writes it: 2027-03-15, 15 March 2027, March 15,
« le 15 mars 2027 », « 1er avril », « 15 de marzo de 2027 », « 15 марта 2027 г. »,
« 15 مارس 2027 », « ١٥ آذار ٢٠٢٧ », « 15 آذار/مارس 2027 », 15/03/2027, 15.03.2027.

A date without a year is the next such day on or after `start`. Words around the date that
only say "by" or "on" (« d'ici le », « au plus tard le », "не позднее", "بحلول") are allowed;
anything else (« fin mars », "Q1", « prochainement ») is not a day.
"""

from __future__ import annotations

import re
from datetime import date

from backchannel.domain import _morph

_MONTH_NAMES = (
    # English
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    # French (folded)
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "janv fevr mars avr mai juin juil aout sept oct nov dec",
    # Spanish (folded)
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ene feb mar abr may jun jul ago sep oct nov dic",
    "enero febrero marzo abril mayo junio julio agosto setiembre octubre noviembre diciembre",
    # Russian: genitive, nominative
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "янв фев мар апр мая июн июл авг сен окт ноя дек",
    # Arabic (folded): the Egyptian and Maghreb names, then the Levantine and Iraqi ones
    "يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر",
    "يناير فبراير مارس ابريل ماي يونيو يوليوز غشت شتنبر اكتوبر نونبر دجنبر",
    "جانفي فيفري مارس افريل ماي جوان جويليه اوت سبتمبر اكتوبر نوفمبر ديسمبر",
    "كانون_الثاني شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين_الاول تشرين_الثاني كانون_الاول",
)
MONTHS: dict[str, int] = {}
for _row in _MONTH_NAMES:
    for _n, _name in enumerate(_row.split(), start=1):
        MONTHS.setdefault(_name.replace("_", " "), _n)
_MONTH = "(?:" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + ")"
# One month, or two names of the same month ("آذار/مارس", "مارس (آذار)").
_MONTHS = rf"(?P<month>{_MONTH})(?:\s*[/(]\s*{_MONTH}\s*\)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|º|°|-?го|-е)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_YEAR_TAIL = r"(?:\s*(?:г\.|гг\.|года|год|م|ม)\.?)?"
_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(
        rf"(?<![\w]){_DAY}\.?\s*(?:de\s+|of\s+|-\s*)?{_MONTHS}\.?"
        rf"(?:,?\s*(?:de(?:l)?\s+|-\s*)?{_YEAR}{_YEAR_TAIL})?(?!\w)"
    ),  # fmt: skip
    # "March 15, 2027"; the Colombian « marzo 15 de 2027 »
    re.compile(rf"(?<![\w]){_MONTHS}\.?\s+{_DAY}(?:,?\s+(?:de\s+)?{_YEAR})?(?!\w)"),
    # 15/03/2027, 15.03.2027, «١٥ / ٣ / ٢٠٢٧»
    re.compile(
        r"(?<![\d/.])(?P<day>[0-3]?\d)\s?[/.]\s?(?P<mon>[01]?\d)\s?[/.]\s?"
        rf"(?P<year>(?:19|20)\d\d){_YEAR_TAIL}(?![\d/.])"
    ),  # fmt: skip
)
# « le 15/03 », a whole `when` cell: the next 15 March (in running text "1/2" is a half).
_DAY_MONTH = re.compile(r"(?<![\d/.])(?P<day>[0-3]?\d)/(?P<mon>[01]?\d)(?![\d/.])")
# Words that may stand around a day without changing it.
_AROUND = frozenset(
    """by on before no later than not due the of at latest deadline until till le la l d ici au
    plus tard avant pour jusqu jusqu'au jusqu'a date limite echeance soit a partir du des
    compter lundi mardi mercredi jeudi vendredi samedi dimanche el de del a mas tardar antes
    hasta para fecha limite plazo partir desde lunes martes miercoles jueves viernes sabado
    domingo до не позднее позже к срок по числа года г в с начиная понедельник вторник среда
    среду четверг пятница пятницу суббота субботу воскресенье بحلول قبل في موعد اقصاه لا
    يتجاوز يتجاوز حتى تاريخ يوم اعتبارا ابتداء من الاحد الاثنين الثلاثاء الاربعاء الخميس
    الجمعة الجمعه السبت م monday tuesday wednesday thursday friday saturday sunday
    prochain prochaine proximo proxima inclus inclusivement inclusive incluido включительно
    текущего этого сего""".split()
)


def _clean(text: str) -> str:
    return " ".join(_morph.fold(w, "ar") if not w.isascii() and _arabic(w) else w for w in
                    _morph.fold(_morph.digits(text), "fr").split())  # fmt: skip


def _arabic(word: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in word)


def read_day(text: str, start: date) -> date | None:
    """The one day `text` names, or None when it names none, several, or more than a day."""
    clean = _clean(text.casefold()).replace("ё", "е")
    found = [(m, rx) for rx in _PATTERNS for m in rx.finditer(clean)]
    if not found:
        found = [(m, _DAY_MONTH) for m in _DAY_MONTH.finditer(clean)]
    if not found:
        return None
    found.sort(key=lambda p: (p[0].start(), -len(p[0][0])))
    match = found[0][0]
    others = [m for m, _rx in found[1:] if m.start() >= match.end()]
    if others:
        return None
    rest = clean[: match.start()] + " " + clean[match.end() :]
    words = re.findall(r"[^\W_]+", rest)  # « d'ici », « jusqu'au »: each part is a word
    if any(w.isdigit() or w not in _AROUND for w in words):
        return None
    g = match.groupdict()
    month = int(g["mon"]) if g.get("mon") else MONTHS[" ".join(g["month"].split())]
    try:
        if g.get("year"):
            return date(int(g["year"]), month, int(g["day"]))
        day = date(start.year, month, int(g["day"]))
    except ValueError:
        return None
    return day if day >= start else day.replace(year=day.year + 1)


def find_days(text: str, start: date) -> list[tuple[str, date]]:
    """Every day named in `text` (its words as written, folded, and the day), in order."""
    clean = _clean(text.casefold()).replace("ё", "е")
    found = sorted(
        ((m, rx) for rx in _PATTERNS for m in rx.finditer(clean)),
        key=lambda p: (p[0].start(), -len(p[0][0])),
    )
    out: list[tuple[str, date]] = []
    end = -1
    for match, _rx in found:
        if match.start() < end:
            continue
        end = match.end()
        g = match.groupdict()
        month = int(g["mon"]) if g.get("mon") else MONTHS[" ".join(g["month"].split())]
        try:
            if g.get("year"):
                day = date(int(g["year"]), month, int(g["day"]))
            else:
                day = date(start.year, month, int(g["day"]))
                day = day if day >= start else day.replace(year=day.year + 1)
        except ValueError:
            continue
        out.append((match[0], day))
    return out
