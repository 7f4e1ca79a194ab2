"""Russian, Ukrainian and other Slavic morphology for names written in Cyrillic.

A surname or a first name changes with its case: Соколова is Соколовой after "с",
Морозов is Морозову in the dative, Арутюнян is Арутюняном, Зайцев is Зайцева. The gate
matches on consonants (see `romkey`), so endings made of vowels and й change nothing;
`stems` takes off the endings that carry a consonant (-ом, -ем, -ым, -им, -ого, -ему, ...)
so that the stem is matched, and the whole inflected word is redacted.

A patronymic (Викторовна, Игоревич, Игоревича) after a first name belongs to the mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Case endings that carry a consonant, longest first.
_ENDINGS = (
    "ского", "скому", "ским", "ском", "цкого", "цкому", "цким",
    "ого", "его", "ому", "ему", "ами", "ями", "ыми", "ими",
    "ом", "ем", "ём", "ым", "им", "ой", "ей", "ах", "ях", "ою", "ею",
)  # fmt: skip
_PATRONYMIC = re.compile(
    r"(?:ович|евич|ьевич|ич|овн|евн|ичн|иничн)(?:а|у|ем|ом|е|ой|ы|и|ою)?", re.IGNORECASE
)
_VOWEL_ENDINGS = frozenset("аяеиюуыь")
# Prepositions after which a capitalised word is a place ("в Камышине"), not a person.
PLACE_PREPOSITIONS = frozenset({"в", "во", "из", "под", "над", "город", "города", "городе"})


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """The word in lower case and, when it ends in a consonant ending, its stem."""
    low = word.lower().replace("ё", "е")
    out = [low]
    stem = ""
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: -len(ending)]
            out.append(stem)
            if ending.startswith("ск") or ending.startswith("цк"):
                out.append(stem + ending[:2] + "ий")
            break
    if not stem and len(low) >= 4 and low[-1] in _VOWEL_ENDINGS:
        stem = low[:-1]
        if low[-1] in "иеюу" and stem[-1] not in _VOWEL_ENDINGS:
            out.append(stem)  # Асели, Асели: Асель (Asel) in another case
    if stem and stem[-1] not in _VOWEL_ENDINGS:
        # A first name in -а/-я (Толя, Саша, Соколова) in another case: Толей, Саше.
        out += [f for f in (stem + "а", stem + "я") if f != low]
    elif stem.endswith("и"):
        out.append(stem + "я")  # Сарией, Марии: Сария, Мария
    if len(out) == 1:
        # A short first name in -а in another case: Ирой (Ира), Эке (Эка), Оле (Оля).
        for ending in ("ой", "ей", "ою", "е", "и", "у", "ы"):
            if low.endswith(ending) and len(low) - len(ending) == 2:
                out += [low[: -len(ending)] + "а", low[: -len(ending)] + "я"]
                break
    return tuple(out)


# Verbs of speech after a name show that a word which is also an ordinary one (Слава,
# Люба) is used as a name: "Слава предложил", "Люба наполягала".
_SPEECH = re.compile(
    r"(?:сказал|предложил|заявил|отметил|напомнил|добавил|пояснил|подчеркнул|возразил|спросил"
    r"|ответил|настаивал|считает|говорит|сообщил|рассказал|попросил|призвал|уточнил|согласил"
    r"|сказав|сказала|запропонував|запропонувала|зазначив|зазначила|наголосив|наголосила"
    r"|додав|додала|нагадав|нагадала|заявив|заявила|наполяга|розповів|розповіла|попросив"
    r"|попросила|вважає|каже)",
    re.IGNORECASE,
)


def is_speech_verb(word: str) -> bool:
    """True for a verb of speech in Russian or Ukrainian (сказал, наполягала, считает)."""
    return _SPEECH.match(word) is not None


def is_patronymic(word: str) -> bool:
    """True for a patronymic in any case (Викторовна, Игоревича, Ильичом)."""
    low = word.lower()
    return len(low) >= 6 and any(
        m.end() == len(low) for m in _PATRONYMIC.finditer(low, max(0, len(low) - 8))
    )
