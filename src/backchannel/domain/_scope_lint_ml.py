"""The scope linter in French, Spanish, Russian and Arabic: the same four questions as in
English (scope_lint.py), asked with each language's words (`_scope_words`).

- broad: a grand goal (« paix durable », "всеобъемлющее урегулирование", «حل شامل») or
  three sectors or more named together;
- vague: nothing the parties could produce or do (talk: « favoriser un climat d'échange »,
  "обмен мнениями", «تبادل وجهات النظر»), no number;
- horizon: durations (« dans un délai de six semaines », "в течение 45 дней",
  «خلال ستين يوما», «الأسابيع الستة المقبلة»), days (« d'ici le 15 mars »), years
  (« d'ici 2030 », "до конца текущего года");
- no_place: no name of a place (a capitalised word inside the sentence; in Arabic, a
  geographic noun followed by a name: «معبر تل الرمان»).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from backchannel.domain import _morph
from backchannel.domain._lang_text import TextWords, as_written, vocabulary
from backchannel.domain._scope_words import WORDS, ScopeWords
from backchannel.domain.day_text import MONTHS, find_days

Found = tuple[str, str, str]  # kind, severity, message
MAX = 90
_TALK_PHRASES = {
    "fr": r"climat d'echanges?|echanges? de vues|climat de confiance|mesures de confiance|"
    r"echanges? d'idees|echanges? d'experiences|bases? d'une|"
    r"echanger (?:des |leurs )?(?:vues|idees|points de vue)",
    "es": r"intercambios? de (?:opiniones|ideas|experiencias|puntos de vista)|clima de confianza|"
    r"medidas de confianza|bases de una|intercambiar (?:opiniones|ideas|puntos de vista)",
    "ru": r"обмен\w* мнениями|обмен\w* опытом|укреплени\w* доверия|мер\w* доверия|"
    r"основ\w* (?:прочного|мира)",
    "ar": r"تبادل وجهات النظر|تبادل الاراء|بناء الثقه|تعزيز الثقه|اجراءات بناء الثقه",
}
_COMING = {
    "fr": "prochain prochaine prochains prochaines",
    "es": "próximo próxima próximos próximas",
    "ru": "ближайший ближайшие ближайших следующий следующие",
    "ar": "المقبله المقبلين القادمه القادمين",
}
_COMING_DAYS = {7: 42, 30: 180, 365: 730, 90: 180, 1: 14}


def _folded(text: str, lang: str) -> str:
    return " ".join(_morph.fold(w, lang) for w in _morph.digits(text).split())


def _quote(text: str, lang: str, match: re.Match[str]) -> str:
    """What the user wrote where a pattern on the folded text matched."""
    words = text.split()
    folded = [_morph.fold(w, lang) for w in _morph.digits(text).split()]
    return as_written(words, folded, match.start(), match.end()).strip(" ,.;:") or match[0]


def _number(tw: TextWords, k: int, words: ScopeWords) -> float | None:
    if not 0 <= k < len(tw):
        return None
    raw = tw.raw[k]
    if raw.isdigit():
        return float(raw)
    for reading in tw.readings[k]:
        if reading in words.numbers:
            return words.numbers[reading]
    return None


_MONTH_NAME = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
_MONTH_END = re.compile(
    r"(?:\bfin(?:ales|es)?\s+(?:du\s+mois\s+|del\s+mes\s+)?(?:de\s+|d'|del\s+)?"
    r"|конц[аеу]\s+|نهايه\s+(?:شهر\s+)?)"
    rf"(?P<month>{_MONTH_NAME})(?!\w)"
)


def _to_month_end(month: int, today: date | None) -> int | None:
    """Days to the end of the next such month (« avant la fin du mois de février »)."""
    if today is None:
        return None
    year = today.year if month >= today.month else today.year + 1
    return (date(year, month, calendar.monthrange(year, month)[1]) - today).days


def _spans(text: str, lang: str, today: date | None) -> list[tuple[str, int | None]]:
    """(phrase, days) of each horizon the text names; days None when it cannot be counted."""
    words = WORDS[lang]
    tw = TextWords.of(text, lang)
    folded = _folded(text, lang)
    coming = vocabulary(_COMING[lang], lang)
    out: list[tuple[str, int | None]] = []
    for k in range(len(tw)):
        unit = next((words.units[r] for r in tw.readings[k] if r in words.units), None)
        if unit is None:
            continue
        values = []
        j = k - 1
        if j >= 0 and tw.is_in(j, coming):  # « les deux prochains mois »
            j -= 1
        while (value := _number(tw, j, words)) is not None:
            values.append(value)
            j -= 1
        if values and values[0] >= 1900:  # «1 марта 2027 года»: a year, not 2027 years
            continue
        last = k
        if lang == "ar" and not values:  # «الأسابيع الستة المقبلة»
            value = _number(tw, k + 1, words)
            values = [value] if value is not None else []
            last = k + 1 if values else k
        before = " ".join(r[0] for r in tw.readings[: j + 1])
        if words.cue_past.search(before + " "):
            continue
        phrase = " ".join(tw.raw[j + 1 : last + 1])
        dual = lang == "ar" and unit in (14, 60, 730)
        if values:
            out.append((phrase, max(1, round(sum(values) * unit))))
        elif dual:
            out.append((phrase, unit))
        elif (k + 1 < len(tw) and tw.is_in(k + 1, coming)) or (k and tw.is_in(k - 1, coming)):
            out.append((phrase, _COMING_DAYS.get(unit, 180)))
    for phrase, day in find_days(text, today or date(2000, 1, 1)):
        out.append((phrase, (day - today).days if today else None))
    out += [
        (end[0], _to_month_end(MONTHS[end["month"]], today)) for end in _MONTH_END.finditer(folded)
    ]
    if (m := words.year_end.search(folded)) is not None:
        days = (date(today.year, 12, 31) - today).days if today else 365
        out.append((m[0], days))
    for m in words.by_year.finditer(folded):
        year = int(m["year"])
        days = (date(year, 12, 31) - today).days if today else 366
        out.append((m[0], days))
    return out


def _broad(text: str, tw: TextWords, lang: str) -> Found | None:
    words = WORDS[lang]
    folded = _folded(text, lang)
    grand = words.broad.search(folded)
    families = {f: vocabulary(ws, lang) for f, ws in words.sectors.items()}
    goods = vocabulary(words.goods, lang)
    # Goods travel in lists ("food, water and medicines") without making a mandate broad:
    # a list is broad when two of its families at least are sectors, not goods.
    hits = [
        (k, f, not tw.is_in(k, goods))
        for k in range(len(tw))
        for f, vocab in families.items()
        if tw.is_in(k, vocab)
    ]
    most: set[str] = set()
    for k, _f, _sector in hits:
        near = {(f, sector) for k2, f, sector in hits if k <= k2 <= k + 14}
        names = {f for f, _s in near}
        if len({f for f, sector in near if sector}) >= 2 and len(names) > len(most):
            most = names
    all_families = {f for _k, f, _s in hits}
    if grand or len(most) >= 3:
        why = f"'{_quote(text, lang, grand)}'" if grand else f"a list of {len(most)} sectors"
        return (
            "broad",
            "block",
            f"Too broad ({why}): this is more than one solvable problem. Pick the one piece "
            "the parties could settle first.",
        )
    if len(all_families) == 2 and len(most) == 2:
        return ("broad", "warn", "Maybe two problems in one mandate: keep both only if one "
                "cannot be settled without the other.")  # fmt: skip
    return None


def _vague(text: str, lang: str, spans: list[tuple[str, int | None]]) -> Found | None:
    words = WORDS[lang]
    folded = _folded(text, lang)
    for phrase, _days in spans:
        folded = folded.replace(_folded(phrase, lang), " ")
    talk_phrase = re.search(_TALK_PHRASES[lang], folded)
    folded = re.sub(_TALK_PHRASES[lang], " ", folded)
    tw = TextWords.of(folded, lang)
    concrete = vocabulary(words.concrete, lang)
    numbers = frozenset(words.numbers)
    quantity = any((w.isdigit() and not re.fullmatch(r"(?:19|20)\d\d", w)) for w in tw.raw) or any(
        tw.is_in(k, numbers - {"un", "une", "una", "واحد"}) for k in range(len(tw))
    )
    act = tw.any_in(vocabulary(words.acts, lang))
    has_object = tw.any_in(concrete) is not None or act is not None
    talk = tw.any_in(vocabulary(words.talk, lang))
    if talk_phrase:  # quoted as written, from the text before the horizon was taken out
        said = _quote(
            text, lang, re.search(_TALK_PHRASES[lang], _folded(text, lang)) or talk_phrase
        )
    else:
        said = _word_as_written(text, lang, tw.raw[talk]) if talk is not None else ""
    if not (has_object or quantity):
        why = f" ('{said}' describes activity, not a result)" if said else ""
        return (
            "vague",
            "block",
            f"Nothing here could be tested{why}: name the concrete thing the parties would "
            "agree, produce or do (a list, a schedule, a mechanism, a number).",
        )
    if act is None and said:
        return (
            "vague",
            "warn",
            f"'{said}' describes talk, not a result: say what the parties would agree or "
            "produce, so the next steps can be tested.",
        )
    return None


def _word_as_written(text: str, lang: str, folded_word: str) -> str:
    """The word of `text` whose folded form holds `folded_word` (« réconciliation »)."""
    for word in text.split():
        if folded_word in _morph.fold(word, lang):
            return word.strip(" ,.;:!?()«»\"'")
    return folded_word


def _horizon(text: str, spans: list[tuple[str, int | None]], lang: str) -> Found | None:
    if not spans:
        open_ended = WORDS[lang].open_ended.search(_folded(text, lang))
        why = f" ('{_quote(text, lang, open_ended)}' sets no end)" if open_ended else ""
        return ("horizon", "warn", f"No horizon stated{why}: add one within 90 days.")
    known = [(p, d) for p, d in spans if d is not None]
    past = [p for p, d in known if d <= 0]
    over = [(p, d) for p, d in known if d > MAX]
    if past and len(past) == len(known):
        return ("horizon", "warn", f"'{past[0]}' is already past.")
    if over and len(over) == len(known):
        phrase, days = max(over, key=lambda s: s[1])
        return ("horizon", "block", f"The horizon is too long: '{phrase}' is about {days} "
                "days. Cut it to what can be done in 90 days.")  # fmt: skip
    if over:
        return ("horizon", "warn", f"'{over[0][0]}' reaches beyond 90 days: leave what lies "
                "further out to a later dialogue.")  # fmt: skip
    if not known:
        return ("horizon", "warn", f"'{spans[0][0]}' cannot be counted without today's date.")
    return None


def _has_place(text: str, tw: TextWords, lang: str) -> bool:
    words = WORDS[lang]
    if lang == "ar":
        geo = vocabulary(words.geo, lang)
        generic = (
            vocabulary(words.generic, lang) | frozenset(words.units) | frozenset(words.numbers)
        )
        return any(
            tw.is_in(k, geo) and k + 1 < len(tw) and not tw.is_in(k + 1, generic | geo)
            for k in range(len(tw))
        )
    not_places = vocabulary(words.not_places, lang)
    starts = {0} | {m.end() for m in re.finditer(r"[.!?:;]\s+", text)}
    for m in re.finditer(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", text):
        word = re.sub(r"^(?:[lLdDjJ]|qu)['\u2019]", "", m.group())  # l'Orvèle
        if not word[:1].isupper() or (word.isupper() and len(word) <= 5):
            continue
        if any(abs(m.start() - s) <= 1 for s in starts):
            continue
        if _morph.fold(word, lang) in not_places:
            continue
        return True
    return False


def lint(text: str, lang: str, horizon_days: int | None, today: date | None) -> list[Found]:
    tw = TextWords.of(text, lang)
    spans = _spans(text, lang, today)
    found = [_broad(text, tw, lang), _vague(text, lang, spans)]
    if horizon_days is None:
        found.append(_horizon(text, spans, lang))
    elif horizon_days > MAX:
        found.append(("horizon", "block", f"The horizon of {horizon_days} days is longer "
                      "than 90 days; cut it."))  # fmt: skip
    if not _has_place(text, tw, lang):
        found.append(("no_place", "warn", "No place named: a tight scope is anchored "
                      "somewhere concrete (a crossing, a valley, a district)."))  # fmt: skip
    return [f for f in found if f is not None]
