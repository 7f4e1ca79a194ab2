"""The language and script of each paragraph of the notes, offline and in one pass.

A paragraph's script is the one most of its letters are in. Its language is then read
from its most frequent function words, which every language has in abundance even in a
line or two: Latin script among English, French, Spanish, Portuguese, German, Italian
and Turkish; Cyrillic between Russian and Ukrainian (і ї є ґ); Arabic script between
Arabic and Persian (پ چ ژ گ ی ک). A paragraph with no clue keeps the language of the
paragraph before it, and the first one defaults to English for Latin script.

A statistical detector (lingua 2.1) was tried and not kept: 96 MB installed, 3.2 s and
330 MB of memory to load nine languages' models on every scan; and on minutes, where the
choice is between a handful of languages with distinct function words, it decides nothing
this does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from backchannel.domain.languages import FUNCTION_WORDS, NAMES
from backchannel.gate.scripts import script_of

_KNOWN = ("en", "fr", "es", "pt", "de", "it", "tr", "ru", "uk", "ar", "fa", "ka", "hy", "el", "he")

_FUNCTION_WORDS = FUNCTION_WORDS
_LANGS_OF: dict[str, list[str]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _LANGS_OF.setdefault(_word, []).append(_lang)
_TOKEN = re.compile(r"[^\W\d_]+")
# A blank line, a list item, or a line break with a non-ASCII letter on either side (a
# Word document's paragraphs arrive one a line, and an Arabic one may follow a Russian one).
_PARAGRAPH = re.compile(
    r"\n[ \t]*\n|\n(?=[ \t]*[-*•]|\d+[.)])|\n(?=[ \t]*[^\x00-\x7f])"
    r"|[^\x00-\x7f][.!?:;)\"'»،؟]?[ \t]*\n"
)
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
_PERSIAN = frozenset("پچژگیک")
LANGUAGE_NAMES = {k: v for k, v in NAMES.items() if k in _KNOWN}
# Enough of a paragraph to tell its language: its first few lines.
_SAMPLE = 250
_BY_SCRIPT = {"Georgian": "ka", "Armenian": "hy", "Greek": "el", "Hebrew": "he"}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A stretch of the notes in one language."""

    start: int
    end: int
    language: str  # ISO 639-1 code
    script: str


def _language(text: str, script: str, before: str) -> str:
    if script == "Cyrillic":
        return "uk" if any(c in _UKRAINIAN for c in text) else "ru"
    if script == "Arabic":
        persian = sum(c in _PERSIAN for c in text)
        return "fa" if persian * 40 > len(text) else "ar"
    if script in _BY_SCRIPT:
        return _BY_SCRIPT[script]
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for token in _TOKEN.findall(text.lower()):
        for lang in _LANGS_OF.get(token, ()):
            counts[lang] += 1
    best = max(counts, key=lambda k: counts[k])
    if counts[best] < 2:  # one "un" or "de" says nothing (UN General Assembly)
        return before or "en"
    return best


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of `text` with their language and script, covering all of it.

    The last answer is kept: a scan, its redaction and its report ask for the same text.
    """
    return list(_paragraphs(text))


@lru_cache(maxsize=1)
def _paragraphs(text: str) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    pos = 0
    last = ""
    bounds = [m.end() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for end in bounds:
        if end <= pos:
            continue
        chunk = text[pos : min(end, pos + _SAMPLE)]
        script = script_of(chunk) if not chunk.isascii() else "Latin"
        last = _language(chunk, script, last)
        out.append(Paragraph(pos, end, last, script))
        pos = end
    return tuple(out)


def language_at(paras: list[Paragraph], pos: int) -> Paragraph | None:
    """The paragraph holding offset `pos`."""
    lo, hi = 0, len(paras) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        p = paras[mid]
        if pos < p.start:
            hi = mid - 1
        elif pos >= p.end:
            lo = mid + 1
        else:
            return p
    return None
