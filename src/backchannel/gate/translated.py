"""Roster titles and affiliations found in notes written in French, Spanish, Russian, Arabic.

A roster title is typed in English ("former chief of the general staff"); a rapporteur
writing in French writes « l'ancien chef d'état-major ». The gate carries a lexicon
(`data/lexicon.tsv`) of the words role titles and organisation names are made of, with
the stems of their translations. For each paragraph in one of those languages (see
`lang.detect`), a title is found where words matching each of its content words stand
close together in any order (within three words per content word, one sentence). Place
and other proper names in an organisation's name ("Kirkuk Civic Forum") match their
transliteration (كركوك, Тверским). "Former", "retired", "senior" and "acting" are
optional and join the mention when they stand next to it, as do an article before it.

A title with a word the lexicon does not hold cannot be checked in that language: the
gate says so (`Unchecked`) rather than pass the notes as clean in silence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import ahocorasick

from backchannel.gate import romkey
from backchannel.gate.finding import Finding
from backchannel.gate.fold import Folded, fold
from backchannel.gate.forms import without_brackets
from backchannel.gate.honorifics import TITLE_WORDS
from backchannel.gate.lang import ar
from backchannel.gate.lang.detect import Paragraph
from backchannel.gate.translit import to_latin

LANGUAGES = ("fr", "es", "ru", "ar")
# Ukrainian notes are read with the Russian entries (many stems are shared).
_READ_AS = {"uk": "ru"}
_OPTIONAL = frozenset({"former", "ex", "retired", "senior", "acting"})
_STOP = frozenset(
    "of the and for in on at to a an with from by s its their his her".split()
)  # fmt: skip
_ARTICLES = {
    "fr": frozenset({"le", "la", "les", "l", "un", "une", "du", "des", "de", "d"}),
    "es": frozenset({"el", "la", "los", "las", "un", "una", "del"}),
    "ru": frozenset(),
    "ar": frozenset(),
}
_PREFIXES = {
    "fr": ("ex", "co", "vice", "sous"),
    "es": ("ex", "co", "vice", "sub"),
    "ru": ("экс", "вице", "со", "зам"),
    "ar": (),
}
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _generic_stems(lang: str) -> frozenset[tuple[str, ...]]:
    """The stems in `lang` of the bodies every set of notes has (« grupo », « comité »)."""
    lex = lexicon()
    return frozenset(alt for word in BODY_HEADS for alt in lex.get(word, {}).get(lang, ()))


def _alt_pattern(alt: tuple[str, ...]) -> str:
    return re.escape(" ".join(fold(x) for x in alt))


# "of" between an office and its organisation, in the folded text.
_OF = {"fr": "de|du|des|d|de la", "es": "de|del|de la|de los|de las"}
# Heads of organisations every state has: alone they name nobody.
_STATE_HEADS = frozenset(
    "office ministry government department service state authority administration"
    " directorate agency bureau secretariat company firm enterprise unit hospital clinic"
    " school university college mosque church court port bank municipality police army".split()
)
# Title heads that Arabic notes use of anyone (المسؤول, الممثل) or that read as common
# words once the hamza goes (آمر is الأمر, the matter).
_ARABIC_PLAIN = frozenset(
    "official officer commander leader member representative delegate lead head chief"
    " responsible focal point participant".split()
)
# Heads of bodies that every set of notes has its own of (« le comité local de paix »):
# alone they are the dialogue's, not the participant's.
_COMMON_BODIES = frozenset(
    "committee committees commission commissions council councils association associations"
    " union unions movement network group forum platform coalition alliance federation"
    " assembly board team initiative organisation organization centre center society club"
    " party front".split()
)
# Both: heads every set of notes has of its own; alone they name nobody.
BODY_HEADS = _STATE_HEADS | _COMMON_BODIES
# Words of an organisation's name that say nothing without its place or proper name.
_GENERIC = BODY_HEADS | frozenset(
    "peace local national regional community women youth development security human"
    " rights social public civil society research studies district residents resident"
    " inhabitants population villagers speaking".split()
)
# Definite articles before a head noun, in the folded text (l'ancien is "l ancien").
_DEFINITE = {"fr": "le|la|l|du|au", "es": "el|la|del|al", "ru": "", "ar": ""}
_PUBLIC_OFFICES = frozenset(
    "minister president governor mayor senator ambassador secretary judge envoy"
    " chief director head member chair chairman chairwoman chairperson".split()
)
_SENTENCE_END = re.compile(r"[.!?;؛]\s")
_CLAUSE_END = re.compile(r"[.!?;؛,،]\s")


@dataclass(frozen=True, slots=True)
class Unchecked:
    """A title or affiliation the gate could not look for in one language of the notes."""

    participant: str
    field: str  # "title" or "affiliation"
    language: str
    words: tuple[str, ...]  # the words with no entry; () when the language has no lexicon


@cache
def lexicon() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    """English word -> language -> alternatives, each a tuple of stems for adjacent words."""
    text = resources.files("backchannel.gate").joinpath("data/lexicon.tsv").read_text("utf-8")
    out: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        english = cells[0].split("|")
        by_lang: dict[str, tuple[tuple[str, ...], ...]] = {}
        for lang, cell in zip(LANGUAGES, cells[1:], strict=False):
            alts = tuple(
                tuple(_norm(piece, lang) for piece in alt.split())
                for alt in cell.split("|")
                if alt.strip()
            )
            if alts:
                by_lang[lang] = alts
        for word in english:
            entry = out.setdefault(fold(word).replace(" ", "_"), {})
            for lang, alts in by_lang.items():
                entry[lang] = entry.get(lang, ()) + alts
    return out


def _norm(word: str, lang: str) -> str:
    if lang == "ar":
        return ar.normalize(word)
    if lang == "ru":
        return word.lower().replace("ё", "е")
    return fold(word).replace(" ", "")


@dataclass(frozen=True, slots=True)
class _Concept:
    """One content word of a title: its stems in a language, or a proper name."""

    alts: tuple[tuple[str, ...], ...]
    proper: str  # a folded proper name ("kirkuk"), matched by transliteration
    optional: bool
    word: str = ""  # the English word (folded; a bigram joined by _)


@dataclass(frozen=True, slots=True)
class _Phrase:
    person: int
    field: str
    text: str  # as the roster writes it
    concepts: dict[str, tuple[_Concept, ...]]  # by language, when checkable
    missing: dict[str, tuple[str, ...]]  # by language, the words with no entry
    # by language, the concept a title cannot do without: its head noun ("leader" of
    # "community council leader"; "chair" of "chair of the mothers' council")
    heads: dict[str, int]
    head_word: str = ""  # the English head noun, folded
    # by language, every concept found for the title, even when it is too short to look
    # for whole ("retired colonel"): the head noun after an article may still name it
    every: dict[str, tuple[_Concept, ...]] = dataclasses.field(default_factory=dict)
    # by language, the head noun's concept in `every`, for titles and organisations alike
    ref_heads: dict[str, int] = dataclasses.field(default_factory=dict)


def _content_words(phrase: str) -> list[tuple[str, bool]]:
    """(folded word or bigram key, is a proper name) for the content words of a phrase."""
    raw = without_brackets(phrase)
    words = [(w, w[:1].isupper()) for w in _WORD.findall(raw)]
    lex = lexicon()
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):
        word = fold(words[i][0])
        if i + 1 < len(words):
            pair = f"{word}_{fold(words[i + 1][0])}"
            if pair in lex:
                out.append((pair, False))
                i += 2
                continue
        if word in _NAME_ARTICLES and i + 1 < len(words) and words[i + 1][1]:
            i += 1  # al-Shati, el-Fasher: the article belongs to the proper name after it
            continue
        if word not in _STOP and (len(word) > 1 or word == "co"):
            out.append((word, words[i][1] and word not in lex))
        i += 1
    return out


# The Arabic article as rosters write it before a proper name (al-Shati, ad-Dawr, el-Obeid).
_NAME_ARTICLES = frozenset("al el ad adh ar as ash at ath az an".split())


def _build(person: int, field: str, phrase: str) -> _Phrase | None:
    words = _content_words(phrase)
    if not words:
        return None
    lex = lexicon()
    concepts: dict[str, tuple[_Concept, ...]] = {}
    missing: dict[str, tuple[str, ...]] = {}
    heads: dict[str, int] = {}
    every: dict[str, tuple[_Concept, ...]] = {}
    head = _head_word(phrase)
    ref_heads: dict[str, int] = {}
    for lang in LANGUAGES:
        found: list[_Concept] = []
        lacking: list[str] = []
        for word, proper in words:
            entry = lex.get(word, {}).get(lang)
            if entry:
                if word == head or word.startswith(f"{head}_") or word.endswith(f"_{head}"):
                    ref_heads[lang] = len(found)
                    if field == "title":
                        heads[lang] = len(found)
                found.append(_Concept(entry, "", word in _OPTIONAL, word))
            elif proper and len(word) >= 3:
                found.append(_Concept((), word, False, word))
            elif word in _OPTIONAL:
                continue
            else:
                lacking.append(word.replace("_", " "))
        required = [c for c in found if not c.optional]
        every[lang] = tuple(found)
        if lacking:
            missing[lang] = tuple(lacking)
        elif len(required) == 1 and not _distinctive(words):
            continue  # "general" or "director" alone would flag every other page
        elif required:
            concepts[lang] = tuple(found)
    return _Phrase(person, field, phrase, concepts, missing, heads, head, every, ref_heads)


_HEAD_ENDS = re.compile(r"\b(?:of|for|to|on|at|in|with|from)\b|[,;/(–—]", re.IGNORECASE)


def _head_word(title: str) -> str:
    """The folded head noun of an English title: its last word before "of", "for", a
    comma, ... ("leader" in "community council leader", "chair" in "chair of the council",
    "director" in "Director, Regional Water Authority")."""
    first = _HEAD_ENDS.split(without_brackets(title), maxsplit=1)[0]
    words = [fold(w) for w in _WORD.findall(first)]
    words = [w for w in words if w and w not in _STOP and w not in _OPTIONAL]
    if len(words) > 1 and words[-1] == "general":
        return words[-2]  # secretary-general, attorney general: "general" follows its noun
    return words[-1] if words else ""


_CLITICS = ("و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")


def _distinctive(words: list[tuple[str, bool]]) -> bool:
    """True for a one-word title worth looking for alone (demographer, not general)."""
    content = [w for w, _p in words if w not in _OPTIONAL]
    return len(content) == 1 and len(content[0]) >= 9 and content[0] not in TITLE_WORDS


class TranslatedFinder:
    """Roster titles and affiliations in the languages of `LANGUAGES`.

    One Aho-Corasick automaton per language holds every stem of every title (with the
    prefixes and proclitics it may carry) and runs over the folded text of that language's
    paragraphs only; the words near each hit are then checked for the title's other words.
    """

    def __init__(self, titles: Sequence[tuple[str, str, str]]) -> None:
        """`titles`: (person id, field, English phrase), in roster order."""
        self.ids = [pid for pid, _f, _p in titles]
        self.phrases = [
            p for i, (_pid, field, text) in enumerate(titles) if (p := _build(i, field, text))
        ]
        self._automata: dict[str, tuple[Any, list[tuple[tuple[int, int], ...]], list[int]]] = {}
        self._refs: dict[str, list[tuple[re.Pattern[str], int, bool]]] = {}

    def _automaton(self, lang: str) -> tuple[Any, list[tuple[tuple[int, int], ...]], list[int]]:
        """(automaton, payloads, pattern lengths) for one language, built on first use."""
        built = self._automata.get(lang)
        if built is not None:
            return built
        meanings: dict[str, set[tuple[int, int]]] = {}
        lead = _CLITICS if lang == "ar" else _PREFIXES[lang]
        for n, phrase in enumerate(self.phrases):
            for k, concept in enumerate(phrase.concepts.get(lang, ())):
                for alt in concept.alts:
                    # As it reads in the folded text (fold also evens out ة/ه, ى/ي).
                    body = " ".join(fold(piece) for piece in alt)
                    if not body.strip():
                        continue
                    forms = {body} | {p + body for p in lead}
                    if lang != "ar":
                        forms |= {p + q + body for p in lead for q in lead}
                    for form in forms:
                        meanings.setdefault(f" {form}", set()).add((n, k))
        automaton = ahocorasick.Automaton()
        payloads: list[tuple[tuple[int, int], ...]] = []
        lengths: list[int] = []
        for pattern, who in meanings.items():
            automaton.add_word(pattern, len(payloads))
            payloads.append(tuple(sorted(who)))
            lengths.append(len(pattern))
        if payloads:
            automaton.make_automaton()
        built = (automaton if payloads else None, payloads, lengths)
        self._automata[lang] = built
        return built

    def _short_refs(self, lang: str) -> list[tuple[re.Pattern[str], int, bool]]:
        """(pattern over the padded folded text, phrase number) for the titles and
        organisations that their head noun alone names after a definite article:
        « le colonel », « el excomandante », « l'ancien ministre », « la coopérative »,
        « el resguardo ». A head counts when no other title or organisation of the roster
        holds it. An office a sitting official may hold as well ("minister", "president")
        counts only with "former" before or after it, or followed by the person's own
        organisation (« el presidente de los mineros »); an organisation's head that every
        state has ("office", "ministry") never counts alone."""
        built = self._refs.get(lang)
        if built is not None:
            return built
        articles = _DEFINITE.get(lang)
        out: list[tuple[re.Pattern[str], int, bool]] = []
        if articles is None:
            self._refs[lang] = out
            return out
        # Owners by participant id: a title and an organisation of one person are one.
        owners: dict[tuple[tuple[str, ...], ...], set[str]] = {}
        for phrase in self.phrases:
            for concept in phrase.every.get(lang, ()):
                if concept.alts and not concept.optional:
                    owners.setdefault(concept.alts, set()).add(self.ids[phrase.person])
        word = "[^\\W\\d_]*"
        for n, phrase in enumerate(self.phrases):
            head = self._head_alts(phrase, lang)
            if head is None or len(owners.get(head, {self.ids[phrase.person]})) != 1:
                continue
            if (
                lang == "ru"
                and phrase.field == "affiliation"
                and not set(head) & _generic_stems(lang)
            ):
                # « Палата поддерживала », « через Палату »: the body's head noun alone,
                # capitalised inside a sentence, is its short name in Russian.
                joined = "|".join(_alt_pattern(alt) for alt in head)
                out.append((re.compile(f" (?:{joined}){word}(?= )"), n, True))
            if phrase.field == "affiliation" and (
                not articles or phrase.head_word in BODY_HEADS or set(head) & _generic_stems(lang)
            ):
                continue  # « el grupo » for a caucus: the word is every body's
            heads = "|".join(_alt_pattern(alt) for alt in head)
            mods = [
                _alt_pattern(alt)
                for c in phrase.every.get(lang, ())
                if c.optional
                for alt in c.alts
            ]
            mod = f"(?:{'|'.join(mods)}){word}" if mods else "(?!)"
            glued = "(?:ex|vice|co|sub|sous)-?"
            if lang == "ar":
                # The article is part of the word: المحامية, للمحامية; "former" follows.
                # Heads every page has in Arabic (المسؤول, الأمر for آمر) are left out.
                if phrase.head_word in _ARABIC_PLAIN or any(len("".join(a)) < 4 for a in head):
                    continue
                art = "(?:[وفبلك])?(?:ال|لل)"
                # Only the endings of gender and number: العالمي (global) is not العالم.
                end = "(?:ه|ون|ين|ات|ان|اء)?"
                if phrase.field == "title" and phrase.head_word in _PUBLIC_OFFICES:
                    pattern = f" {art}?(?:{heads}){end}(?: [^ ]+)? (?:ال)?{mod}(?= )"
                else:
                    pattern = f" {art}(?:{heads}){end}(?: (?:ال)?{mod})?(?= )"
                out.append((re.compile(pattern), n, False))
                continue
            if not articles:
                # Russian has no article: « старший аналитик », « бывший замминистра »
                # (the modifier is required, and comes first).
                pattern = f" {mod} (?:{heads}){word}(?= )"
            elif phrase.field == "title" and phrase.head_word in _PUBLIC_OFFICES:
                own = self._own_words(self.ids[phrase.person], lang)
                pattern = (
                    f" (?:{articles}) {mod} (?:{heads}){word}(?= )"
                    f"| (?:{articles}) (?:{heads}){word} {mod}(?= )"
                    f"| (?:{articles}) ex-?(?:{heads}){word}(?= )"
                )
                if own:
                    pattern += (
                        f"| (?:{articles}) (?:{heads}){word} (?:{_OF.get(lang, '(?!)')})"
                        f"(?: [^ ]+)?? (?:{own}){word}(?= )"
                    )
            else:
                pattern = (
                    f" (?:{articles})(?: {mod})? (?:{glued})?(?:{heads}){word}(?: {mod})?(?= )"
                )
            out.append((re.compile(pattern), n, False))
        self._refs[lang] = out
        return out

    @staticmethod
    def _head_alts(phrase: _Phrase, lang: str) -> tuple[tuple[str, ...], ...] | None:
        """The head noun's stems in `lang`; for a title word the lexicon lacks (ardo,
        sheikh), French and Spanish borrow it as it is."""
        k = phrase.ref_heads.get(lang)
        if k is not None:
            return phrase.every[lang][k].alts or None
        head = phrase.head_word
        if phrase.field == "title" and lang in ("fr", "es") and len(head) >= 4:
            if head not in lexicon() and head not in _STOP:
                return ((head,),)
        return None

    def _own_words(self, pid: str, lang: str) -> str:
        """A pattern for the words of participant `pid`'s organisation in `lang`."""
        alts = [
            _alt_pattern(alt)
            for phrase in self.phrases
            if self.ids[phrase.person] == pid and phrase.field == "affiliation"
            for c in phrase.every.get(lang, ())
            if not c.optional
            for alt in (c.alts or ((c.proper,),))
        ]
        return "|".join(a for a in alts if a)

    def unchecked(self, languages: set[str]) -> list[Unchecked]:
        """What could not be looked for in the given languages of the notes."""
        out = []
        # Ukrainian notes are read as Russian: one report for both, not two.
        for lang in sorted({_READ_AS.get(lang, lang) for lang in languages}):
            if lang == "en":
                continue
            if lang not in LANGUAGES:
                # No lexicon at all (Persian, Hebrew, German, ...): nothing was looked for.
                out += [Unchecked(self.ids[p.person], p.field, lang, ()) for p in self.phrases]
                continue
            for p in self.phrases:
                if lang in p.missing:
                    out.append(Unchecked(self.ids[p.person], p.field, lang, p.missing[lang]))
        return out

    def find(self, text: str, folded: Folded, paragraphs: Sequence[Paragraph]) -> Iterator[Finding]:
        """Titles and affiliations in the paragraphs written in one of `LANGUAGES`."""
        padded = f" {folded.text} "
        # Neighbouring paragraphs in one language are searched as one stretch.
        stretches: list[tuple[int, int, str]] = []
        for para in paragraphs:
            lang = _READ_AS.get(para.language, para.language)
            if stretches and stretches[-1][2] == lang and stretches[-1][1] == para.start:
                stretches[-1] = (stretches[-1][0], para.end, lang)
            else:
                stretches.append((para.start, para.end, lang))
        for start_, end_, lang in stretches:
            if lang not in LANGUAGES:
                continue
            automaton, payloads, lengths = self._automaton(lang)
            if automaton is None:
                continue
            lo = _folded_offset(folded, start_)
            hi = _folded_offset(folded, end_) + 2
            hits: dict[int, list[tuple[int, int, int]]] = {}
            base = lo - 1
            for end, pid in automaton.iter(padded[base : min(hi, len(padded))]):
                end += base
                start = end - lengths[pid] + 2  # in padded text: just after the space
                word_end = padded.find(" ", end)
                for n, k in payloads[pid]:
                    hits.setdefault(n, []).append((start, word_end, k))
            for n, found in hits.items():
                yield from self._windows(text, folded, padded, self.phrases[n], lang, found)
            for pattern, n, capital in self._short_refs(lang):
                for m in pattern.finditer(padded, lo - 1, min(hi, len(padded))):
                    start, end = folded.start(m.start()), folded.end(m.end() - 1)
                    if capital and not _capital_inside(text, start):
                        continue
                    phrase = self.phrases[n]
                    yield Finding(
                        start, end, text[start:end], phrase.field, self.ids[phrase.person]
                    )

    def _windows(
        self,
        text: str,
        folded: Folded,
        padded: str,
        phrase: _Phrase,
        lang: str,
        hits: list[tuple[int, int, int]],
    ) -> Iterator[Finding]:
        concepts = phrase.concepts[lang]
        required = {k for k, c in enumerate(concepts) if not c.optional}
        proper = {k for k in required if concepts[k].proper}
        optional = {k for k, c in enumerate(concepts) if c.optional}
        reach = 3 * len(required) + 1
        # Notes shorten a long name: three of "Crop Substitution Agency Cucuta Office" do.
        need = len(required) - (max(1, (len(required) - 1) // 2) if len(required) >= 3 else 0)
        # A comma ends a title or a name unless the roster's own has one ("Director,
        # Regional Water Authority"): « замминистра экономики, нынешний министр ».
        commas = "," not in phrase.text
        hits = sorted(set(hits))
        used_until = -1
        for a, (s0, _e0, k0) in enumerate(hits):
            if k0 not in required or s0 <= used_until:
                continue
            seen = {k0}
            lo, hi = s0, hits[a][1]
            for s, e, k in hits[a + 1 :]:
                if padded.count(" ", s0, s) > reach or self._sentence_between(
                    text, folded, s0, s, comma=commas
                ):
                    break
                if k in required and k not in seen:
                    seen.add(k)
                    hi = max(hi, e)
            # Proper names are looked for only around words that already make the title.
            if len(seen) < min(2, len(required - proper)):
                continue
            for k in proper - seen:
                near = self._proper_near(padded, lo, hi, concepts[k].proper, lang)
                if near is not None:
                    seen.add(k)
                    lo, hi = min(lo, near[0]), max(hi, near[1])
            if len(seen) < need or len(seen - proper) == 0:
                continue
            head = phrase.heads.get(lang)
            if len(seen) < len(required) and head is not None and head not in seen:
                continue  # "el consejo comunitario" is the council, not its leader
            for s, e, k in hits:
                # Optional words ("former", "в отставке") and repeated ones next to it.
                if k not in optional and k not in seen:
                    continue
                if self._sentence_between(text, folded, min(s, lo), max(s, hi), comma=commas):
                    continue
                if (s < lo and _words_between(padded, s, lo) <= 2) or (
                    s >= hi and _words_between(padded, hi, s) <= (2 if k in optional else 1)
                ):
                    lo, hi = min(lo, s), max(hi, e)
            if proper and not proper & seen and all(concepts[k].word in _GENERIC for k in seen):
                continue  # « le comité local de paix » is the dialogue's, not Kolda's
            if _FORMER.search(phrase.text) and _current_near(padded, lo, hi, lang):
                continue  # « нынешний министр экономики »: in office now, not the former one
            lo = _article_before(padded, lo, lang)
            used_until = hi
            start, end = folded.start(lo - 1), folded.end(hi - 1)
            yield Finding(start, end, text[start:end], phrase.field, self.ids[phrase.person])

    @staticmethod
    def _sentence_between(text: str, folded: Folded, a: int, b: int, *, comma: bool) -> bool:
        ends = _CLAUSE_END if comma else _SENTENCE_END
        return ends.search(text, folded.start(a - 1), folded.start(b - 1)) is not None

    @staticmethod
    def _proper_near(padded: str, lo: int, hi: int, name: str, lang: str) -> tuple[int, int] | None:
        """A word within three words of [lo, hi) that spells the proper name `name`."""
        left = lo
        for _ in range(4):
            if left <= 1:
                left = 0
                break
            left = max(padded.rfind(" ", 0, left - 1), 0)
        right = hi
        for _ in range(3):
            nxt = padded.find(" ", right + 1)
            right = nxt if nxt >= 0 else len(padded)
        for m in _NON_SPACE.finditer(padded, left, right):
            if _proper(m.group(), name, lang):
                return m.start(), m.end()
        return None


_NON_SPACE = re.compile(r"\S+")


_FORMER = re.compile(r"\b(?:former|retired|ex)\b|\bex-", re.IGNORECASE)
# Words that put a title in office now; folded as the text is (no accents, ё as е).
_CURRENT = {
    "fr": ("actuel", "nouvel", "nouveau", "nouvelle"),
    "es": ("actual", "vigente", "nuevo", "nueva"),
    "ru": ("нынешн", "действующ", "текущ", "нов"),
    "ar": ("الحالي", "الجديد"),
}


def _current_near(padded: str, lo: int, hi: int, lang: str) -> bool:
    """True when a word within two words of [lo, hi) says the office is held now."""
    stems = _CURRENT.get(lang, ())
    if not stems:
        return False
    before = padded[max(0, lo - 40) : lo].split()[-2:]
    after = padded[hi : hi + 40].split()[:2]
    # The folded text has no commas: the original's clause ends are not seen here, so
    # only the word right after counts (« замминистра экономики, нынешний министр »).
    after = after[:1] if lang == "ar" else []
    return any(w.startswith(stems) for w in (*before, *after))


def _words_between(padded: str, a: int, b: int) -> int:
    return padded.count(" ", a, b) if a <= b else 99


def _article_before(padded: str, pos: int, lang: str) -> int:
    """`pos` moved back over articles ("la", "l", "el") right before it."""
    articles = _ARTICLES[lang]
    while pos > 1:
        prev_start = padded.rfind(" ", 0, pos - 1) + 1
        if padded[prev_start : pos - 1] not in articles:
            break
        pos = prev_start
    return pos


def _capital_inside(text: str, start: int) -> bool:
    """A capitalised word that does not open a sentence, a line or a quotation."""
    if not text[start : start + 1].isupper() or text[start : start + 2].isupper():
        return False
    before = text[max(0, start - 3) : start].rstrip(" \t\u00a0")
    return bool(before) and before[-1] not in '.!?…\n:;«"“(–—-'


def _folded_offset(folded: Folded, original: int) -> int:
    """The first folded offset (in the padded text) whose original offset is >= `original`."""
    return folded.offset_of(original) + 1


@cache
def _proper_keys(name: str) -> tuple[frozenset[str], frozenset[str]]:
    latin = frozenset(k for k in romkey.keys(name) if len(k) >= 2)
    # A short place name (Ibb, إب) keeps its one consonant: it is only looked for beside
    # words that already make the organisation.
    least = 1 if len(name) <= 3 else 2
    arabic = frozenset(k for k in ar.latin_skeletons(name) if len(k.lstrip("V")) >= least)
    return latin, arabic


_ADJECTIVE_END = re.compile(r"(?:ian|ean|an|ese|ish|ic|i|a)$")


@cache
def _adjective_keys(name: str) -> frozenset[str]:
    """Keys of a proper adjective's stem ("moldov" of Moldovan), four consonants or more
    so that a short stem cannot match half the words of the notes."""
    stem = _ADJECTIVE_END.sub("", name)
    if stem == name or len(stem) < 5:
        return frozenset()
    return frozenset(k for k in romkey.keys(stem) if len(k) >= 4)


@lru_cache(maxsize=65536)
def _proper(word: str, name: str, lang: str) -> bool:
    """True when a folded word is a place or other proper name of the title, in any script."""
    latin_keys, arabic_keys = _proper_keys(name)
    if lang == "ar":
        return any(ar.skeleton(f) in arabic_keys for f, _a in ar.stems(word))
    if lang == "ru":
        stems = _adjective_keys(name)
        for latin in to_latin(word, "Cyrillic"):
            keys = romkey.keys(latin)
            if any(k.startswith(n) for k in keys for n in latin_keys):
                return True
            # Moldovan / Молдовы, Pridnestrovian / Приднестровской: the English adjective
            # and the Russian case forms share the stem, not the ending.
            if any(k.startswith(n) for k in keys for n in stems):
                return True
        return False
    return word == name or (len(name) >= 5 and word.startswith(name[: len(name) - 1]))
