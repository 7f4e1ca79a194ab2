"""The steps checker in French, Spanish, Russian and Arabic (step_check.py reads English).

The same five questions as in English, asked with each language's words (`_step_words`):
is `what` one act (not a soft or empty verb with nothing concrete, not a passive
non-action: « les options seront examinées », "будет рассмотрен", «سيتم النظر في»), is
`who` an office (not « les acteurs concernés », "соответствующие органы", «الجهات المختصة»,
nor a person), does `how` name a means, can anyone observe `test`.
"""

from __future__ import annotations

import re

from backchannel.domain._lang_text import TextWords, as_written, phrases, vocabulary
from backchannel.domain._step_words import WORDS, StepWords


def _v(words: StepWords, field: str, lang: str) -> frozenset[str]:
    return vocabulary(getattr(words, field), lang)


def _concrete(tw: TextWords, words: StepWords, lang: str) -> bool:
    from backchannel.domain.day_text import MONTHS

    if tw.digits():
        return True
    stock = _v(words, "concrete", lang) | frozenset(MONTHS)
    if tw.any_in(stock) is not None:
        return True
    numbers, the = _v(words, "numbers", lang), _THE.get(lang, frozenset())
    # "les deux rives", "las dos partes": the two sides, not a quantity
    return any(tw.is_in(k, numbers) and not (k and tw.is_in(k - 1, the)) for k in range(len(tw)))


# "Полное восстановление ...", « Retour complet ... »: an end state, not an act.
_RESULT = {
    "fr": "complet total plein durable définitif",
    "es": "pleno completo total sostenible definitivo",
    "ru": "полный окончательный устойчивый всесторонний",
}
_THE = {
    "fr": frozenset("les des aux ces leurs entre".split()),
    "es": frozenset("los las ambos ambas entre".split()),
    "ru": frozenset("между обе оба".split()),
    "ar": frozenset(),
}


# The infinitive a step opens with: « Remettre », « Entregar », «Передать».
_INFINITIVE = {
    "fr": re.compile(r"(?:er|ir|re|oir)$"),
    "es": re.compile(r"(?:ar|er|ir)(?:se|lo|la|los|las|le|les)?$"),
    "ru": re.compile(r"(?:ть|ти|чь)(?:ся|сь)?$"),
}


def _names_a_state(tw: TextWords, lead: int, words: StepWords, lang: str) -> bool:
    """« Rétablissement de la distribution », "Acceso seguro", "Бесперебойная подача",
    «انتظام الإمدادات»: the step names where it should end, not what anyone does."""
    if lang == "ar":
        return tw.is_in(lead, _v(words, "state_nouns", lang))
    infinitive = _INFINITIVE.get(lang)
    if infinitive is None or infinitive.search(tw.readings[lead][0]):
        return False
    stock = _v(words, "act_nouns", lang) | _v(words, "empty_verbs", lang)
    return not tw.is_in(lead, stock | _v(words, "soft_verbs", lang))


def _written(tw: TextWords, match: re.Match[str]) -> str:
    return as_written(tw.raw, [r[0] for r in tw.readings], match.start(), match.end())


def check_what(what: str, lang: str) -> str | None:
    words = WORDS[lang]
    tw = TextWords.of(what, lang)
    if not len(tw):
        return (
            "missing: say what is to be done, as one act "
            "(e.g. 'Circulate a one-page list of three triggers')"
        )
    folded = " ".join(r[0] for r in tw.readings)
    passive = words.passive.search(folded)
    if passive:
        return (
            f"'{_written(tw, passive)[:50]}' is a passive: it says something will be looked "
            "at, not who does what. Name the act and its result (a list agreed, a letter sent, "
            "a call held)"
        )
    skip = _v(words, "skip", lang)
    lead = next((k for k in range(len(tw)) if not tw.is_in(k, skip)), 0)
    rest = TextWords(tw.raw[lead + 1 :], tw.readings[lead + 1 :], lang)
    shown = tw.raw[lead]
    if lang in _RESULT and tw.is_in(lead, vocabulary(_RESULT[lang], lang)):
        return (
            f"'{what.strip()[:60]}' describes a result, not an action: say who does what to "
            "get there"
        )
    if tw.is_in(lead, _v(words, "empty_verbs", lang)):
        return (
            f"'{shown}' commits no one to do anything: name the act that would show it was "
            "done (circulate a list, convene a call, send a letter, open a crossing)"
        )
    if tw.is_in(lead, _v(words, "soft_verbs", lang)) and not _concrete(rest, words, lang):
        return (
            f"'{shown}' with nothing concrete to do is not a discrete action: name the thing "
            "to be delivered, sent, held or opened, with a number where there is one"
        )
    if _names_a_state(tw, lead, words, lang):
        return (
            f"'{shown}' names a result, not an act: start with the act that gets there, "
            "as a verb (who delivers, sends, opens or repairs what)"
        )
    vague = tw.any_in(_v(words, "vague_objects", lang))
    if vague is not None and not _concrete(tw, words, lang):
        return (
            f"'{tw.raw[vague]}' is not something anyone could hand over or count: name the "
            "concrete act (a list agreed, a call held, a convoy across)"
        )
    return None


def check_who(who: str, lang: str) -> str | None:
    words = WORDS[lang]
    tw = TextWords.of(who, lang)
    if not len(tw):
        return "missing: name the one office or body that answers for this step"
    if words.person.search(who):
        return (
            "names a person: name the office or body that answers for the step instead, so "
            "that the non-paper attributes nothing to anyone in the room"
        )
    filler = _v(words, "filler", lang) | _v(words, "skip", lang) | _v(words, "numbers", lang)
    nobody = _v(words, "nobody_words", lang)
    qualifiers = _v(words, "vague_qualifiers", lang)
    offices = _v(words, "offices", lang)
    content = [k for k in range(len(tw)) if not tw.is_in(k, filler)]
    named = any(
        tw.raw[k][:1].isupper() and k > 0 and not tw.is_in(k, nobody | qualifiers) for k in content
    ) or any(tw.raw[k].isupper() and len(tw.raw[k]) > 1 for k in content)
    vague_words = [k for k in content if tw.is_in(k, nobody | qualifiers)]
    if not content or len(vague_words) == len(content):
        found = tw.raw[vague_words[0]] if vague_words else who.strip()[:40]
        return (
            f"'{found}' is not an actor anyone can hold to a date: name one office or body "
            "that answers for this step, or split it into one step per office"
        )
    qualifier = next((k for k in content if tw.is_in(k, qualifiers)), None)
    office = any(tw.is_in(k, offices) for k in content)
    if qualifier is not None and not named and not office:
        return (
            f"'{tw.raw[qualifier]}' leaves open who answers for this step: name the office or body"
        )
    return None


def check_how(how: str, lang: str) -> str | None:
    words = WORDS[lang]
    tw = TextWords.of(how, lang)
    if not len(tw):
        return "missing: say by what means it is done (a call, a letter, a meeting, a convoy)"
    rest = tw
    removed = False
    empty = phrases(words.empty_means, lang)
    while (span := rest.find(empty)) is not None:
        rest = rest.without(span)
        removed = True
    filler = _v(words, "filler", lang)
    content = [k for k in range(len(rest)) if not rest.is_in(k, filler)]
    means = _v(words, "means_words", lang)
    if (removed and len(content) < 2) or all(rest.is_in(k, means) for k in content):
        return (
            f"'{how.strip()[:50]}' names no means: say through which channel, meeting, "
            "document or mechanism"
        )
    return None


def check_test(test: str, lang: str) -> str | None:
    from backchannel.domain.day_text import MONTHS

    words = WORDS[lang]
    tw = TextWords.of(test, lang)
    if not len(tw):
        return (
            "missing: say how anyone will know it was done: a count, a threshold, a date or "
            "a document someone can see"
        )
    stock = _v(words, "evidence", lang) | _v(words, "verifiable", lang)
    numbers, the = _v(words, "numbers", lang), _THE.get(lang, frozenset())
    counted = any(tw.is_in(k, numbers) and not (k and tw.is_in(k - 1, the)) for k in range(len(tw)))
    evidence = tw.digits() or counted or tw.any_in(stock) is not None
    dated = tw.any_in(frozenset(MONTHS)) is not None
    vague = tw.any_in(_v(words, "vague_outcomes", lang))
    if vague is not None and not evidence:
        return (
            f"'{tw.raw[vague]}' is a hope, not a test: say what someone could count, date or "
            "hold in their hand"
        )
    if not (evidence or dated):
        return (
            "nobody could observe this: add a count, a threshold, a date or a verifiable "
            "artefact (a signed letter, a published figure, a log entry)"
        )
    return None
