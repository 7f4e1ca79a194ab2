"""Which language a piece of writing is in, offline, from its script and its function words.

The checkers (steps, scope, neutrality) read English, French, Spanish, Russian and Arabic
(`CHECKED`). Everything else is named, so that a checker can say "not checked: German"
rather than judge words it cannot read. The script decides first (Cyrillic is Russian
unless it has і ї є ґ, Arabic script is Arabic unless it has Persian letters); Latin text
is told apart by its most frequent function words, which even one line has in abundance.
The gate's per-paragraph detector (gate/lang/detect.py) uses the same table.
"""

from __future__ import annotations

import re

CHECKED = ("en", "fr", "es", "ru", "ar")
NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "de": "German",
    "it": "Italian",
    "tr": "Turkish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "fa": "Persian",
    "ka": "Georgian",
    "hy": "Armenian",
    "el": "Greek",
    "he": "Hebrew",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "und": "an unknown language",
}
FUNCTION_WORDS = {
    "en": "the and of to in that is was for with on as by at from this are were his her",
    "fr": "le la les des du de et est une un que qui dans pour pas sur au aux avec il elle "
    "sont ont par l qu ne ces nous ils elles leur cette sous depuis",
    "es": "el la los las de del y que en un una por con para se su al es no lo como",
    "pt": "o os as do da dos das e que em um uma para com não ao pelo pela se",
    "de": "der die das und ist nicht ein eine zu den mit von auf für dem des sich im",
    "it": "il lo gli della delle dei di che è per con non una un nel alla sono",
    "tr": "ve bir bu da de için ile olarak olan çok daha gibi ama ki ne",
}
_LANGS_OF: dict[str, list[str]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words.split():
        _LANGS_OF.setdefault(_word, []).append(_lang)
# Letters only some Latin languages use: one is enough when function words are few.
_LETTERS_OF = {
    "ñ": "es", "¿": "es", "¡": "es", "á": "es", "í": "es", "ó": "es", "ú": "es",
    "ç": "fr", "œ": "fr", "è": "fr", "ê": "fr", "à": "fr", "ù": "fr", "â": "fr", "é": "fr",
    "ß": "de", "ä": "de", "ã": "pt", "õ": "pt", "ğ": "tr", "ş": "tr", "ı": "tr",
}  # fmt: skip
_TOKEN = re.compile(r"[^\W\d_]+")
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
_PERSIAN = frozenset("پچژگیک")
_SCRIPTS = (
    ("Cyrillic", 0x0400, 0x052F),
    ("Arabic", 0x0600, 0x06FF),
    ("Arabic", 0x0750, 0x077F),
    ("Arabic", 0x08A0, 0x08FF),
    ("Arabic", 0xFB50, 0xFDFF),
    ("Arabic", 0xFE70, 0xFEFF),
    ("Greek", 0x0370, 0x03FF),
    ("Armenian", 0x0530, 0x058F),
    ("Hebrew", 0x0590, 0x05FF),
    ("Georgian", 0x10A0, 0x10FF),
    ("Han", 0x4E00, 0x9FFF),
    ("Kana", 0x3040, 0x30FF),
    ("Hangul", 0xAC00, 0xD7AF),
)
_BY_SCRIPT = {"Georgian": "ka", "Armenian": "hy", "Greek": "el", "Hebrew": "he", "Han": "zh",
              "Kana": "ja", "Hangul": "ko"}  # fmt: skip


def script(text: str) -> str:
    """The script most of the letters of `text` are in ("Latin" when there are none)."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isascii():
            if char.isalpha():
                counts["Latin"] = counts.get("Latin", 0) + 1
            continue
        if not char.isalpha():
            continue
        point = ord(char)
        name = next((s for s, lo, hi in _SCRIPTS if lo <= point <= hi), "Latin")
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return "Latin"
    if counts.get("Kana"):
        return "Kana"
    return max(counts, key=lambda k: counts[k])


def latin_language(text: str, before: str = "") -> str:
    """English, French, Spanish, Portuguese, German, Italian or Turkish, by function words;
    `before` (or English) when the text gives no clue."""
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    shouting = text.isupper()  # a heading in capitals: its words are words
    for token in _TOKEN.findall(text):
        if len(token) > 1 and token.isupper() and not shouting:
            continue  # an acronym (UN, ONU, DE), not a function word
        for lang in _LANGS_OF.get(token.lower(), ()):
            counts[lang] += 1
    best = max(counts, key=lambda k: counts[k])
    if counts[best] >= 2 and list(counts.values()).count(counts[best]) == 1:
        return best
    letters = {_LETTERS_OF[c] for c in text.lower() if c in _LETTERS_OF}
    if len(letters) == 1 and counts[next(iter(letters))] >= counts[best]:
        return letters.pop()  # a letter breaks a tie; it does not outvote "the" ("Été: the")
    if counts[best] < 2:  # one "un" or "de" says nothing (UN General Assembly)
        return before or "en"
    return best


def language_of(text: str, before: str = "") -> str:
    """The ISO 639-1 code of the language `text` is written in ("und" for a script not
    known here); a Latin text with no clue gets `before`, or English."""
    found = script(text)
    if found == "Cyrillic":
        return "uk" if any(c in _UKRAINIAN for c in text) else "ru"
    if found == "Arabic":
        persian = sum(c in _PERSIAN for c in text)
        return "fa" if persian * 40 > len(text) else "ar"
    if found in _BY_SCRIPT:
        return _BY_SCRIPT[found]
    return latin_language(text, before)


def name(code: str) -> str:
    return NAMES.get(code, code)


_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:#|[-*\u2022]\s|\d+[.)]\s))")


def paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) of each paragraph (blank lines, headings and list items
    divide them), covering all of `text`; a paragraph with no clue keeps the language of
    the one before. A heading takes the language of the paragraph after it."""
    bounds = [m.end() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    out: list[tuple[int, int, str]] = []
    position, last = 0, ""
    for end in bounds:
        if end <= position:
            continue
        last = language_of(text[position:end], last)
        out.append((position, end, last))
        position = end
    for k in range(len(out) - 2, -1, -1):  # a short heading reads as its section
        start, end, _lang = out[k]
        if text[start:end].lstrip().startswith("#") and len(_TOKEN.findall(text[start:end])) < 8:
            out[k] = (start, end, out[k + 1][2])
    return out
