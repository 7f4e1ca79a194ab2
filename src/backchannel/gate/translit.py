"""Words in Cyrillic, Greek, Georgian, Armenian and Hebrew script read in Latin, by ICU.

ICU's BGN/PCGN transforms (shipped by the `pyicu-wheels` binary wheel, no compiler) give
the spellings a convenor would type: Остапчук Ostapchuk, Щербаков Shcherbakov, ნინო nino,
Ղազարյան Ghazaryan. For Cyrillic the language is guessed from its letters (і ї є ґ are
Ukrainian, ў Belarusian, ђ ћ џ љ њ ј Serbian, ә ғ қ ң ө ұ ү һ Kazakh), else Russian.
Arabic script is not transliterated here: see `lang.ar`, which matches consonants.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

_TRANSFORMS = {
    "Russian": "Russian-Latin/BGN",
    "Ukrainian": "Ukrainian-Latin/BGN",
    "Belarusian": "Belarusian-Latin/BGN",
    "Serbian": "Serbian-Latin/BGN",
    "Bulgarian": "Bulgarian-Latin/BGN",
    "Kazakh": "Kazakh-Latin/BGN",
    "Greek": "Greek-Latin/BGN",
    "Georgian": "Georgian-Latin/BGN",
    "Armenian": "Armenian-Latin/BGN",
    "Hebrew": "Hebrew-Latin/BGN",
}
_HINTS = (
    ("Ukrainian", frozenset("іїєґІЇЄҐ")),
    ("Belarusian", frozenset("ўЎ")),
    ("Serbian", frozenset("ђћџљњјЂЋЏЉЊЈ")),
    ("Kazakh", frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ")),
)


@cache
def _transliterator(name: str) -> Any:
    import icu

    return icu.Transliterator.createInstance(f"{_TRANSFORMS[name]}; Latin-ASCII")


def cyrillic_language(word: str) -> str:
    """The Cyrillic language a word's letters point to ("Russian" when none does)."""
    letters = set(word)
    for language, marks in _HINTS:
        if letters & marks:
            return language
    return "Russian"


@lru_cache(maxsize=65536)
def to_latin(word: str, script: str) -> tuple[str, ...]:
    """Latin readings of one word in `script`, lower case ASCII, the likeliest first.

    A Cyrillic word is read as Russian and, when it carries no letter of its own, also as
    Ukrainian (и is y there: Дмитро, Гнатюк).
    """
    if script == "Cyrillic":
        language = cyrillic_language(word)
        names = [language] if language != "Russian" else ["Russian", "Ukrainian"]
    elif script in _TRANSFORMS:
        names = [script]
    else:
        return ()
    out = []
    for name in names:
        source = word.replace("ы", "и").replace("Ы", "И") if name == "Ukrainian" else word
        latin = str(_transliterator(name).transliterate(source)).lower()
        out.append("".join(c for c in latin if c.isalpha() and c.isascii()))
    if script == "Cyrillic" and "kh" in out[0]:
        # х is h in Central Asian and Arabic-origin names as their owners write them
        # (Рахмонов is Rahmonov, Хасан Hasan).
        out.append(out[0].replace("kh", "h"))
    if script == "Cyrillic" and "dzh" in out[0]:
        # дж is j in Georgian, Abkhaz and Turkic names as their owners write them
        # (Джопуа is Jopua, Джапаридзе Japaridze).
        out.append(out[0].replace("dzh", "j"))
    return tuple(dict.fromkeys(o for o in out if o))
