"""Replacing findings with neutral placeholders; every other character stays as it was.

- a name, an alias or a descriptor becomes "a participant";
- an affiliation becomes "an organisation";
- a role title becomes what the participant's category allows to be said under the
  Chatham House Rule ("a senior former official", "a technical expert", "a community
  representative") when at least k participants share that category, else "a participant".
An article right before an affiliation or a title ("the", "a", "an") goes with it, so "the
Sarn Water Board" becomes "an organisation", not "the an organisation". At the start of
a sentence the placeholder is capitalised; a bare possessive apostrophe ("Gómez'") becomes
"'s". The result is scanned again and redacted again until the scan finds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backchannel.gate._names import sentence_initial
from backchannel.gate.finding import Finding
from backchannel.gate.lang.detect import language_at, paragraphs

if TYPE_CHECKING:
    from backchannel.gate.scan import Gate

PLACEHOLDERS = {
    "name": "a participant",
    "alias": "a participant",
    "descriptor": "a participant",
    "other": "a person",
    "affiliation": "an organisation",
}
CATEGORY_PLACEHOLDERS = {
    "authoritative_proxy": "a senior former official",
    "technical_expert": "a technical expert",
    "community_voice": "a community representative",
}
# The same placeholders in the language of the paragraph (see `lang.detect`).
LOCAL = {
    "fr": {"name": "un participant", "other": "une personne", "affiliation": "une organisation",
           "authoritative_proxy": "un ancien haut responsable",
           "technical_expert": "un expert technique",
           "community_voice": "un représentant de la société civile"},
    "es": {"name": "un participante", "other": "una persona", "affiliation": "una organización",
           "authoritative_proxy": "un exalto funcionario",
           "technical_expert": "un experto técnico",
           "community_voice": "un representante comunitario"},
    "ru": {"name": "один из участников", "other": "один человек",
           "affiliation": "одна организация",
           "authoritative_proxy": "бывший высокопоставленный чиновник",
           "technical_expert": "технический эксперт",
           "community_voice": "представитель общественности"},
    "uk": {"name": "один з учасників", "other": "одна людина",
           "affiliation": "одна організація",
           "authoritative_proxy": "колишній високопосадовець",
           "technical_expert": "технічний експерт",
           "community_voice": "представник громади"},
    "ar": {"name": "أحد المشاركين", "other": "أحد الأشخاص", "affiliation": "إحدى المنظمات",
           "authoritative_proxy": "مسؤول رفيع سابق",
           "technical_expert": "خبير فني",
           "community_voice": "ممثل عن المجتمع"},
}  # fmt: skip
# After a Russian or Ukrainian preposition "один" takes the preposition's case: "с одним
# из участников", "к одному из участников", "у одного из участников".
_SLAVIC_CASES = {
    "ru": (
        ("одним из участников", "с|со|между|над|под|перед|за"),
        ("одном из участников", "о|об|обо|при"),
        ("одному из участников", "к|ко|по|благодаря|согласно"),
        (
            "одного из участников",
            "у|от|до|для|без|после|около|из|против|кроме|среди|возле|про|через",
        ),
    ),
    "uk": (
        ("одним з учасників", "з|із|зі|між|над|під|перед|за"),
        ("одному з учасників", "при|по"),
        ("одного з учасників", "у|в|від|до|для|без|після|біля|проти|крім|серед|про"),
    ),
}
_SLAVIC_PREPOSITION = {
    lang: [(words, re.compile(rf"(?<![^\W\d_])(?i:{preps})[ \t]+\Z")) for words, preps in cases]
    for lang, cases in _SLAVIC_CASES.items()
}
LAST_RESORT = "[withheld]"
_ARTICLE = re.compile(r"\b(?:the|a|an)[ \t]+\Z", re.IGNORECASE)
MAX_PASSES = 4


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace text[start:end] with `text`."""

    start: int
    end: int
    text: str


def placeholder_for(gate: Gate, finding: Finding, language: str = "en") -> str:
    """The neutral words that stand in for one finding (lower case), in `language` when
    the gate has them (French, Spanish, Russian, Ukrainian, Arabic), else in English."""
    local = LOCAL.get(language)
    key = finding.kind if finding.kind in ("affiliation", "other") else "name"
    if finding.kind == "title" and finding.participant is not None:
        category = gate.categories.get(finding.participant, "")
        if gate.category_sizes.get(category, 0) >= gate.k and category in CATEGORY_PLACEHOLDERS:
            return local[category] if local else CATEGORY_PLACEHOLDERS[category]
        return local["name"] if local else "a participant"
    if local:
        return local[key]
    return PLACEHOLDERS.get(finding.kind, "a participant")


def plan(gate: Gate, text: str, findings: list[Finding] | None = None) -> list[Replacement]:
    """The replacements, in order, for one pass over `text`."""
    out: list[Replacement] = []
    floor = 0
    paras = paragraphs(text) if not text.isascii() else []
    for f in gate.scan(text) if findings is None else findings:
        start, end = f.start, f.end
        para = language_at(paras, start) if paras else None
        language = para.language if para else "en"
        words = placeholder_for(gate, f, language)
        if language in _SLAVIC_PREPOSITION and f.kind in ("name", "alias", "descriptor"):
            words = _slavic_case(text, start, words, language)
        if f.kind in ("affiliation", "title"):
            article = _ARTICLE.search(text, max(floor, start - 8), start)
            if article is not None:
                start = article.start()
        if end > start and text[end - 1] in "'’":
            words += text[end - 1] + "s"
        if sentence_initial(text, start, colon=False):
            words = words[0].upper() + words[1:]
        out.append(Replacement(start, end, words))
        floor = end
    return out


def _slavic_case(text: str, start: int, words: str, language: str) -> str:
    """The Russian or Ukrainian placeholder in the case the preposition before asks for."""
    for declined, preposition in _SLAVIC_PREPOSITION[language]:
        if preposition.search(text, max(0, start - 12), start) is not None:
            return declined
    return words


def apply(text: str, replacements: list[Replacement]) -> str:
    """`text` with the (sorted, non-overlapping) replacements made."""
    pieces = []
    last = 0
    for r in replacements:
        pieces.append(text[last : r.start])
        pieces.append(r.text)
        last = r.end
    pieces.append(text[last:])
    return "".join(pieces)


def redact(gate: Gate, text: str) -> str:
    """Replace every finding until a scan of the result finds nothing."""
    for _ in range(MAX_PASSES):
        replacements = plan(gate, text)
        if not replacements:
            return text
        text = apply(text, replacements)
    leftovers = [Replacement(f.start, f.end, LAST_RESORT) for f in gate.scan(text)]
    return apply(text, leftovers)
