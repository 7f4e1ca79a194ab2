"""Words matched as words of their language, for the checkers: light, rule-based, no model.

`fold(word, lang)` is the spelling a word is compared in: case folded; accents dropped in
French and Spanish (régime = regime, regímenes = regimenes); ё as е in Russian; in Arabic
no short vowels or tatweel, one alef, final ى as ي and ة as ه.

`forms(lemma, lang)` is every inflection of a dictionary word the checkers accept: plural,
feminine and participles in French and Spanish, case and number in Russian (the endings of
nouns and adjectives on the lemma's stem), the feminine, dual and plural suffixes in Arabic.

`readings(word, lang)` is what a word of running text may be: itself; in French without an
elided article or pronoun (l'occupant, d'agression, qu'elle); in Arabic without its
proclitics (و ف ب ل ك س and the article: والإرهابيين, للنظام, بالاحتلال).

Over-generation is harmless (nobody writes режимую); what matters is that every real form
of a listed word is found and no other word is: a stem is never cut below three letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FR_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['\u2019]")
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# The hamza's seat moves with the case ending (شهداء, شهداؤنا, شهدائنا): one hamza.
_AR_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                             "ی": "ي", "ک": "ك", "ؤ": "ء", "ئ": "ء"})  # fmt: skip
_AR_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Proclitics, longest first: conjunction, preposition, future s-, then the article.
_AR_PROCLITICS = tuple(
    sorted(
        {
            a + b + c
            for a in ("", "و", "ف")
            for b in ("", "ب", "ل", "ك", "س")
            for c in ("", "ال")
            if a + b + c
        }
        | {"لل", "ولل", "فلل"},
        key=len,
        reverse=True,
    )
)
_AR_SUFFIXES = ("", "ه", "ات", "ون", "ين", "ان", "ي", "يه", "يون", "يين", "يات", "هم", "ها",
                "هما", "تها", "تهم", "ته", "ا", "نا", "كم")  # fmt: skip
_AR_FEMININE = ("ه", "ات", "ته", "تها", "تهم", "تهما", "تان", "تين", "تي", "ي", "يه", "يات",
                "يون", "يين")  # fmt: skip

_RU_ENDINGS = (
    "", "а", "я", "у", "ю", "ом", "ем", "ём", "ой", "ей", "е", "и", "ы", "ов", "ев", "ам", "ям",
    "ами", "ями", "ах", "ях", "ь", "ию", "ии", "ия", "ий", "ией", "иям", "иями", "иях",
    "ый", "ая", "ое", "ые", "ого", "его", "ому", "ему", "ую", "юю", "ым", "им", "ыми", "ими",
    "ых", "их", "яя", "ее", "ие", "о", "ью", "ьи", "ья", "ьев", "ьям", "ьями", "ьях", "ием",
    "ье", "ьем",
)  # fmt: skip
# The ending a Russian dictionary form ends in, longest first.
_RU_LEMMA_ENDINGS = ("ией", "ый", "ий", "ой", "ая", "ое", "ее", "ые", "ие", "ия", "ие", "ье",
                     "ья", "ь", "а", "я", "о", "е", "й", "ы", "и")  # fmt: skip

_FR_ENDINGS = ("", "s", "x", "e", "es")
_FR_VERB = ("er", "e", "es", "ent", "ons", "ez", "ait", "aient", "era", "eront", "erait",
            "eraient", "ant", "e", "ee", "es", "ees", "ai", "a", "erent")  # fmt: skip
_ES_VERB_AR = ("ar", "a", "an", "ado", "ada", "ados", "adas", "ara", "aran", "ando", "o",
               "amos", "aron", "e", "en", "ara", "aria", "arian")  # fmt: skip
_ES_VERB_ER = ("er", "ir", "e", "en", "ido", "ida", "idos", "idas", "era", "eran", "ira",
               "iran", "iendo", "o", "imos", "io", "ieron", "a", "an")  # fmt: skip


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Characters that show nothing: a soft hyphen, joiners, direction marks, a byte-order mark.
# Pasted text carries them inside words («الإرهابيون» with a ZWJ, ter\u00adrorists).
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\u200e\u200f\u061c\ufeff"))


@lru_cache(maxsize=100_000)
def fold(word: str, lang: str) -> str:
    """The spelling `word` is compared in, in language `lang`."""
    text = word.casefold().replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")
    text = text.translate(INVISIBLE)
    if lang in ("fr", "es", "en", "pt", "it", "de"):
        return _strip_accents(text)
    if lang in ("ru", "uk"):
        return text.replace("ё", "е")
    if lang in ("ar", "fa"):
        return _AR_MARKS.sub("", text).translate(_AR_LETTERS).translate(_AR_DIGITS)
    return text


def digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits."""
    return text.translate(_AR_DIGITS)


_RU_VERB_A = ("ть", "ю", "ет", "ют", "ешь", "ем", "ете", "л", "ла", "ло", "ли", "й", "йте", "н",
              "на", "но", "ны", "ние", "ния", "нию", "нием", "нии", "емый", "емая", "емое",
              "емые", "емых", "ется", "ются", "ться")  # fmt: skip
_RU_VERB_I = ("ить", "ю", "у", "ит", "ят", "ат", "ишь", "им", "ите", "ил", "ила", "ило", "или",
              "ен", "ена", "ено", "ены", "ение", "ения", "ению", "ением", "ении", "ится",
              "ятся", "иться", "енный", "енная", "енное", "енные", "ённый", "ён", "ёна",
              "ёно", "ёны", "еть", "ел", "ела", "ели", "еет", "еют")  # fmt: skip


_RU_VERB_OVAT = ("овать", "ую", "уешь", "ует", "уем", "уете", "уют", "уя", "овал", "овала",
                 "овало", "овали", "ован", "ована", "овано", "ованы", "ование", "ования",
                 "ованию", "ованием", "овании", "ованный", "ованная", "ованные", "уется",
                 "уются", "уемый", "уемые")  # fmt: skip


def _ru_verb_forms(word: str) -> set[str]:
    if word.endswith(("овать", "евать")) and len(word) > 6:
        return {word[:-5] + e for e in _RU_VERB_OVAT} | {word[:-2] + e for e in _RU_VERB_A}
    if word.endswith(("ать", "ять")):
        return {word[:-2] + e for e in _RU_VERB_A}
    if word.endswith(("ить", "еть")):
        return {word[:-3] + e for e in _RU_VERB_I} | {word[:-3] + "ен" + e for e in ("а", "о", "ы")}
    if word.endswith(("ться", "тись")):
        return {word, word[:-2] + "сь"} | _ru_verb_forms(word[:-2])
    return set()


def _ru_forms(word: str) -> set[str]:
    if len(word) > 5 and word.endswith(("ать", "ять", "ить", "еть", "ться")):
        return {word} | _ru_verb_forms(word)
    out = {word}
    stem = word
    for ending in _RU_LEMMA_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            break
    out |= {stem + e for e in _RU_ENDINGS}
    if word.endswith("й") and len(word) > 3:  # герой -> героя, героев: a noun, not "гер-"
        out |= {word[:-1] + e for e in _RU_ENDINGS if e[:1] not in ("ы", "")}
    if stem.endswith(("ец", "ок")) and len(stem) >= 4:  # боец -> бойцы, значок -> значки
        short = stem[:-2] + stem[-1]
        out |= {short + e for e in _RU_ENDINGS if e}
    return out


def _fr_forms(word: str) -> set[str]:
    out = {word + e for e in _FR_ENDINGS}
    if word.endswith("al"):
        out.add(word[:-2] + "aux")
    if word.endswith("eur"):
        out |= {word[:-3] + e for e in ("euse", "euses", "rice", "rices")}
    if word.endswith("if"):
        out |= {word[:-1] + "ve", word[:-1] + "ves"}
    if word.endswith("er") and len(word) > 4:
        out |= {word[:-2] + e for e in _FR_VERB}
    if word.endswith("e") and len(word) > 4:  # régime -> régimes; 'e' already there
        out.add(word + "s")
    if word.endswith("ien"):
        out |= {word + "ne", word + "nes"}
    return out


def _es_forms(word: str, accented: bool = False) -> set[str]:
    """`accented`: the lemma has a written accent (mártir), so it is no infinitive."""
    out = {word, word + "s", word + "es"}
    if word.endswith("o"):
        out |= {word[:-1] + e for e in ("a", "os", "as")}
    if word.endswith("z"):
        out.add(word[:-1] + "ces")
    if word.endswith("or"):
        out |= {word + "a", word + "as"}
    if word.endswith("ar") and len(word) > 4 and not accented:
        out |= {word[:-2] + e for e in _ES_VERB_AR}
    if word.endswith(("er", "ir")) and len(word) > 4 and not accented:
        out |= {word[:-2] + e for e in _ES_VERB_ER}
    return out


def _ar_forms(word: str) -> set[str]:
    base = word
    for article in ("ال",):
        if base.startswith(article) and len(base) > 4:
            base = base[len(article) :]
    if len(base) < 3:  # a particle: no suffixes
        return {base}
    if base.endswith("ه") and len(base) > 3:
        # ta marbuta (folded to ه): بطولة, بطولات, بطولته, بطولية, never the bare stem
        # بطول (which is «بـ + طول», "in length") nor the masculine endings
        stem = base[:-1]
        return {base} | {stem + s for s in _AR_FEMININE}
    out = {base} | {base + s for s in _AR_SUFFIXES}
    if base.endswith("ي"):
        out |= {base + s for s in ("ه", "ون", "ين", "ات", "يه")}
    return out


@lru_cache(maxsize=20_000)
def forms(lemma: str, lang: str) -> frozenset[str]:
    """Every inflected form of the dictionary word `lemma` (folded) in `lang`."""
    word = fold(lemma, lang)
    if lang == "ru":
        return frozenset(_ru_forms(word))
    if lang == "fr":
        return frozenset(_fr_forms(word))
    if lang == "es":
        return frozenset(_es_forms(word, word != lemma.casefold()))
    if lang == "ar":
        return frozenset(_ar_forms(word))
    return frozenset({word})


@lru_cache(maxsize=100_000)
def readings(word: str, lang: str) -> tuple[str, ...]:
    """What a word of running text may be once folded: itself, and without its clitics."""
    folded = fold(word, lang)
    if lang == "fr":
        bare = _FR_ELISION.sub("", folded)
        return (folded,) if bare == folded or not bare else (folded, bare)
    if lang == "es":
        return (folded,)
    if lang == "ar":
        out = [folded]
        for clitic in _AR_PROCLITICS:
            rest = folded[len(clitic) :]
            if folded.startswith(clitic) and len(rest) >= 3:
                out.append(rest)
        return tuple(dict.fromkeys(out))
    return (folded,)
