"""The neutrality linter: loaded terms, contested place names, and the balance of sources.

A brief that one party reads as the other side's loses the room. The linter reads a text and
reports, each with its offsets (Python string indices) and a suggestion:

- **loaded**: a word from the lexicon (delegitimisation, glorification, or a contested legal
  characterisation stated as fact), matched as a whole word, in any case, with simple
  inflections (plural, possessive, -ed, -ing, -ise/-ize). It is not reported where the text
  plainly does not use it as a label: part of a proper name (`Liberation Square`), after a
  word the lexicon lists as neutral context (`visa regime`), attributed to whoever uses it
  (`what A calls "liberation"`, `accused of war crimes`), or, for legal characterisations,
  a statement of law (`may amount to a war crime`, `a war crime under the Rome Statute`);
- **place**: a contested place named on its first mention in one party's form only, without
  its other names close by (`Velmar` alone, where `Velmar (Welmar)` is asked for);
- **sources**: a list of sources (see `_neutral_sources`) with no neutral source, or whose
  every source comes from one party. The finding's offsets are those of the list's heading.

Pure: the lexicon and the places come in as data.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from backchannel.domain import _morph, languages
from backchannel.domain import _neutral_attribution as cues
from backchannel.domain import _neutral_places as places_
from backchannel.domain import _neutral_sources as sources
from backchannel.domain import _neutral_text as nt
from backchannel.domain._neutral_places import ContestedPlace as ContestedPlace
from backchannel.domain._neutral_places import PlaceName as PlaceName
from backchannel.domain.errors import BadInputError

LOADED, PLACE, SOURCES = "loaded", "place", "sources"
# Notes, never a block: a loaded word in someone else's mouth, a paragraph not read.
ATTRIBUTED, UNCHECKED = "attributed", "unchecked"
NOTES = frozenset({ATTRIBUTED, UNCHECKED})
CONTEXT_WORDS = 10  # how far back an attribution or a legal cue may stand
# In only_before: a capitalised word (a place or an organisation).
NAME_MARK = "<name>"


class TermKind(enum.StrEnum):
    DELEGITIMISATION = "delegitimisation"
    GLORIFICATION = "glorification"
    CONTESTED_LEGAL = "contested_legal"


_KIND_WORDS = {
    TermKind.DELEGITIMISATION: "Delegitimising term",
    TermKind.GLORIFICATION: "Glorifying term",
    TermKind.CONTESTED_LEGAL: "Contested legal characterisation stated as fact",
}


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """A lexicon entry: the term, its kind, a neutral alternative and context rules."""

    term: str
    kind: TermKind
    alternative: str
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    only_before: frozenset[str] = frozenset()
    language: str = "en"  # the language it is a word of; "" for every language
    sense: str = ""  # the sense in which it is loaded
    why: str = ""  # why a party objects to it

    def __post_init__(self) -> None:
        if not nt.words(self.term):
            raise BadInputError("has no word in it", field="term")


@dataclass(frozen=True, slots=True)
class NeutralityFinding:
    start: int
    end: int
    text: str
    kind: str  # LOADED, ATTRIBUTED, PLACE, SOURCES or UNCHECKED
    suggestion: str
    language: str = "en"  # the language the passage was read in

    @property
    def blocks(self) -> bool:
        """Notes (an attributed use, a passage not checked) never stop a document."""
        return self.kind not in NOTES


# --- matching terms ---------------------------------------------------------------------------


def inflections(word: str) -> set[str]:
    """Simple English inflections of a word: plural, -ed, -ing, and -ise/-ize spellings."""
    forms = {word}
    consonant_y = len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou"
    if consonant_y:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    elif word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if word.endswith("o"):
            forms.add(word + "es")
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])
    for a, b in (("isation", "ization"), ("ise", "ize"), ("ising", "izing"), ("ised", "ized")):
        for form in list(forms):
            if a in form:
                forms.add(form.replace(a, b))
            elif b in form:
                forms.add(form.replace(b, a))
    return forms


def _spellings(term: str) -> set[tuple[str, ...]]:
    """Word-key sequences an English term can be written as: hyphens kept, spaced or
    closed up, its last word inflected."""
    texts = {term, term.replace("-", " "), term.replace("-", "")}
    out: set[tuple[str, ...]] = set()
    for text in texts:
        keys = [w.key for w in nt.words(text)]
        if keys:
            out |= {(*keys[:-1], form) for form in inflections(keys[-1])}
    return out


Pattern = tuple[frozenset[str], ...]  # the forms each word of a term may take


def _patterns(term: str, lang: str) -> set[Pattern]:
    """What a term may look like in text of `lang`: each word as its set of forms."""
    if lang == "en":
        return {tuple(frozenset({k}) for k in keys) for keys in _spellings(term)}
    out: set[Pattern] = set()
    for text in {term, term.replace("-", " ")}:
        raw = [w.raw for w in nt.words(text)]
        if not raw:
            continue
        out.add(
            tuple(
                _morph.forms(w, lang) if len(_morph.fold(w, lang)) > 2 else frozenset({w})
                for w in raw
            )
        )
    return out


def _context(words_: frozenset[str], lang: str) -> frozenset[str]:
    if lang == "en":
        return words_
    return frozenset(f for w in words_ if w != NAME_MARK for f in _morph.forms(w, lang)) | (
        words_ & {NAME_MARK}
    )


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A lexicon entry made ready for one language."""

    entry: LoadedTerm
    pattern: Pattern
    not_after: frozenset[str]
    not_before: frozenset[str]
    only_before: frozenset[str]


class _Passage:
    """The words of a text, each with its language and its readings in that language."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = nt.words(text)
        self.paragraphs = languages.paragraphs(text)
        starts = [p[0] for p in self.paragraphs]
        self.lang: list[str] = []
        self.readings: list[tuple[str, ...]] = []
        for word in self.words:
            k = max(0, bisect.bisect_right(starts, word.start) - 1)
            lang = self.paragraphs[k][2] if self.paragraphs else "en"
            self.lang.append(lang)
            if lang == "en":
                self.readings.append((word.key,))
            else:
                self.readings.append(_morph.readings(word.raw, lang))

    def is_in(self, k: int, vocabulary: frozenset[str]) -> bool:
        return any(r in vocabulary for r in self.readings[k])


class NeutralityLinter:
    """Built once from a lexicon and a list of contested places, then run on many texts.

    Each entry is a word of its language (`LoadedTerm.language`) and is looked for only in
    paragraphs written in it; an entry with no language (a dialogue's own term) is looked
    for in all. A paragraph in a language the linter does not read gets an `unchecked` note.
    """

    def __init__(
        self, lexicon: Sequence[LoadedTerm], places: Sequence[ContestedPlace] = ()
    ) -> None:
        self.lexicon = tuple(lexicon)
        self._indexes: dict[str, dict[str, list[_Compiled]]] = {}
        self.places = tuple(places)
        self._place_keys = [
            (place, name, tuple(w.key for w in nt.words(name.name)))
            for place in self.places
            for name in place.names
        ]

    def _index(self, lang: str) -> dict[str, list[_Compiled]]:
        index = self._indexes.get(lang)
        if index is None:
            index = {}
            for entry in self.lexicon:
                if entry.language not in ("", lang):
                    continue
                for pattern in _patterns(entry.term, lang):
                    compiled = _Compiled(
                        entry,
                        pattern,
                        _context(entry.not_after, lang),
                        _context(entry.not_before, lang),
                        _context(entry.only_before, lang),
                    )
                    for form in pattern[0]:
                        index.setdefault(form, []).append(compiled)
            self._indexes[lang] = index
        return index

    def lint(self, text: str) -> list[NeutralityFinding]:
        # Windows line ends read as Unix ones, every offset kept ("\r\n" -> " \n")
        text = text.replace("\r\n", " \n").replace("\r", "\n")
        passage = _Passage(text)
        quotes = nt.Quotes(nt.quotation_spans(text))
        found = self._loaded(passage, quotes) + _unchecked(passage)
        found += _lint_places(text, passage.words, self._place_keys)
        found += _sources(text)
        return sorted(found, key=lambda f: (f.start, f.end, f.kind))

    # loaded terms

    def _loaded(self, p: _Passage, quotes: nt.Quotes) -> list[NeutralityFinding]:
        words = p.words
        hits: list[tuple[int, int, _Compiled, str]] = []
        speech = {w.sentence for k, w in enumerate(words) if p.is_in(k, cues.speech(p.lang[k]))}
        for i, word in enumerate(words):
            lang = p.lang[i]
            if lang not in languages.CHECKED:
                continue
            index = self._index(lang)
            candidates = {id(c): c for r in p.readings[i] for c in index.get(r, ())}
            for compiled in candidates.values():
                j = i + len(compiled.pattern)
                if j > len(words) or not all(
                    p.is_in(i + n, forms) for n, forms in enumerate(compiled.pattern)
                ):
                    continue
                if any(w.sentence != word.sentence for w in words[i:j]) or any(
                    p.text[a.end : b.start].replace("\u0640", "").strip()
                    for a, b in zip(words[i : j - 1], words[i + 1 : j], strict=False)
                ):
                    continue
                use = _use(p, i, j, compiled, quotes, speech)
                if use is not None:
                    hits.append((i, j, compiled, use))
        out: list[NeutralityFinding] = []
        last_end = -1
        for i, j, compiled, use in sorted(
            hits, key=lambda h: (words[h[0]].start, -words[h[1] - 1].end)
        ):
            start, end = words[i].start, words[j - 1].end
            if start < last_end:
                continue
            last_end = end
            advice = _advice(compiled.entry, use)
            out.append(NeutralityFinding(start, end, p.text[start:end], use, advice, p.lang[i]))
        return out


def _use(
    p: _Passage, i: int, j: int, c: _Compiled, quotes: nt.Quotes, speech: set[int]
) -> str | None:
    """LOADED, ATTRIBUTED, or None where the text plainly does not use it as a label."""
    words, text = p.words, p.text
    before = i - 1 if i > 0 and words[i - 1].sentence == words[i].sentence else None
    after = j if j < len(words) and words[j].sentence == words[i].sentence else None
    if before is not None and p.is_in(before, c.not_after):
        return None
    if c.not_before and any(p.is_in(k, c.not_before) for k in _following(p, j)):
        return None
    # only_before: the next two words but links (an adjective between: «الضم الأحادي
    # لهضبة»; « la libération de la ville »)
    nexts = [
        k
        for k in range(j, min(j + 5, len(words)))
        if words[k].sentence == words[i].sentence and not p.is_in(k, _LINKS)
    ][:2]
    if c.only_before and not any(
        p.is_in(k, c.only_before) or (NAME_MARK in c.only_before and words[k].capitalised)
        for k in nexts
    ):
        return None
    # "Защитники Отечества": a word the entry asks for after it is no name.
    expected_next = any(p.is_in(k, c.only_before) for k in nexts)
    if not expected_next and _proper_name(text, words, i, j):
        return None
    earlier = _clause_before(text, words, i)
    labels = [k for k in earlier if _labels(p, k)]
    legal_kind = c.entry.kind is TermKind.CONTESTED_LEGAL
    # The nearer word decides: "an inquiry into what local media call 'genocide'".
    law = [k for k in earlier if p.is_in(k, cues.legal(p.lang[k]))]
    if labels and (not law or labels[-1] > law[-1]):
        return ATTRIBUTED
    # A speaker's quoted word is theirs, whatever legal words it stands among: « le
    # porte-parole déclare que les coupures relèvent d'un « génocide » ».
    if quotes.around(words[i].start, words[j - 1].end) and _attributed(text, words, i, speech):
        return ATTRIBUTED
    if legal_kind and _law_of(p, i, earlier):
        return None
    if legal_kind and after is not None and p.lang[i] == "en" and words[after].key == "under":
        return None
    return LOADED


def _unchecked(p: _Passage) -> list[NeutralityFinding]:
    """One note per paragraph in a language the linter does not read."""
    out = []
    for start, end, lang in p.paragraphs:
        if lang in languages.CHECKED or not p.text[start:end].strip():
            continue
        first = p.text[start:end].strip().split("\n")[0][:60]
        at = p.text.index(first, start)
        out.append(
            NeutralityFinding(
                at,
                at + len(first),
                first,
                UNCHECKED,
                f"Not checked: this passage is in {languages.name(lang)}; the linter reads "
                "English, French, Spanish, Russian and Arabic. Read it for loaded terms by hand.",
                lang,
            )
        )
    return out


def _clause_before(text: str, words: list[nt.Word], i: int) -> list[int]:
    """Indices of up to CONTEXT_WORDS words before word i, in its sentence and clause (the
    search stops at a ';')."""
    out: list[int] = []
    for k in range(i - 1, max(-1, i - CONTEXT_WORDS - 1), -1):
        if words[k].sentence != words[i].sentence or ";" in text[words[k].end : words[k + 1].start]:
            break
        out.append(k)
    return out[::-1]


def _labels(p: _Passage, k: int) -> bool:
    """Word k puts a label in someone's mouth ('calls'), and is not a demand ('calls for')."""
    lang = p.lang[k]
    if not p.is_in(k, cues.labelling(lang)):
        return False
    return not (
        p.is_in(k, cues.calling(lang))
        and k + 1 < len(p.words)
        and p.is_in(k + 1, cues.not_labelling(lang))
    )


def _law_of(p: _Passage, i: int, earlier: list[int]) -> bool:
    """'may amount to genocide', 'the crime of aggression': a statement about the law."""
    if any(p.is_in(k, cues.legal(p.lang[k])) for k in earlier):
        return True
    keys = [p.words[k].key for k in earlier[-2:]]
    return len(earlier) >= 2 and keys in (["crime", "of"], ["crime", "d"], ["crimen", "de"])


_LINKS = frozenset(
    "of for on against in by among the a an de du des d la l le les del el los las en contre "
    "sur pour entre по для против на в от среди между".split()
)


def _following(p: _Passage, j: int) -> list[int]:
    """The next word; after a preposition ('invasion of desert locusts', « régime des
    pluies ») the next three."""
    words = p.words
    if j >= len(words) or words[j].sentence != words[j - 1].sentence:
        return []
    if not p.is_in(j, _LINKS):
        # the next word; in Russian an adjective may come first («агрессивных грунтовых
        # вод»), in Arabic the subject («احتل الفريق المركز الأول»)
        out = [j]
        more = _adjective(p, j) or p.lang[j] == "ar"  # Arabic: verb, subject, object
        if j + 1 < len(words) and words[j + 1].sentence == words[j].sentence and more:
            out.append(j + 1)
        return out
    return [k for k in range(j, min(j + 4, len(words))) if words[k].sentence == words[j].sentence]


_RU_ADJECTIVE = ("ых", "их", "ого", "его", "ой", "ей", "ая", "яя", "ые", "ие", "ый", "ий", "ое",
                 "ее", "ым", "им", "ую", "юю")  # fmt: skip


def _adjective(p: _Passage, k: int) -> bool:
    """An adjective before its noun in Russian («агрессивных грунтовых вод»)."""
    return p.lang[k] == "ru" and p.readings[k][0].endswith(_RU_ADJECTIVE)


def _proper_name(text: str, words: list[nt.Word], i: int, j: int) -> bool:
    """`Liberation Square`, `National Liberation Front`: the term is part of a name."""
    if not words[i].capitalised:
        return False
    sentence = words[i].sentence
    neighbours = []
    if i > 0 and words[i - 1].sentence == sentence and not nt.sentence_start(words, i, text):
        neighbours.append(words[i - 1])
    if j < len(words) and words[j].sentence == sentence:
        neighbours.append(words[j])
    if any(w.capitalised and w.key not in nt.FUNCTION_WORDS for w in neighbours):
        return True
    # « place de la Libération », « rue des Martyrs », « plaza de los Mártires »: a street's
    # or a square's name, its noun in lower case just before (articles between)
    k = i - 1
    while k >= max(0, i - 3) and words[k].sentence == sentence and words[k].key in _NAME_LINKS:
        k -= 1
    return k >= 0 and words[k].sentence == sentence and words[k].key in _STREETS


_STREETS = frozenset(
    "place rue avenue boulevard quai pont square plaza calle avenida paseo parque barrio "
    "площадь улица проспект переулок бульвар sharia".split()
)
_NAME_LINKS = frozenset("de la des du l d los las del el".split())


def _attributed(text: str, words: list[nt.Word], i: int, speech: set[int]) -> bool:
    """A quotation is attributed when its sentence names a speaker or carries a label."""
    if words[i].sentence in speech:
        return True
    line_start = text.rfind("\n", 0, words[i].start) + 1
    return ":" in text[line_start : words[i].start]


def _advice(entry: LoadedTerm, use: str = LOADED) -> str:
    why = f" {entry.why.rstrip('.')}." if entry.why else ""
    if use == ATTRIBUTED:
        return (
            f"A note, not a block: '{entry.term}' is put in someone else's mouth. "
            f"{_KIND_WORDS[entry.kind]}.{why} Keep it only if who says it matters to the "
            f"reader; otherwise write {entry.alternative}."
        )
    return (
        f"{_KIND_WORDS[entry.kind]}.{why} Neutral alternative: {entry.alternative}. "
        "If a party uses the word, quote it and say whose word it is."
    )


# --- contested places ---------------------------------------------------------------------------


def _lint_places(
    text: str,
    words: list[nt.Word],
    place_keys: list[tuple[ContestedPlace, PlaceName, tuple[str, ...]]],
) -> list[NeutralityFinding]:
    return [
        NeutralityFinding(start, end, text[start:end], PLACE, _place_advice(place, name))
        for start, end, place, name in places_.unpaired_first_mentions(text, words, place_keys)
    ]


def _place_advice(place: ContestedPlace, name: PlaceName) -> str:
    usages = "; ".join(f"'{n.name}' is the usage of {n.usage}" for n in place.names)
    neutral = [n.name for n in place.names if n.neutral]
    tail = f", or use the neutral name '{neutral[0]}'" if neutral else ""
    return (
        f"Contested place named in one party's form. Give both names on first mention: "
        f"'{place.both(name.name)}'{tail} ({usages})."
    )


# --- sources ----------------------------------------------------------------------------------


def _sources(text: str) -> list[NeutralityFinding]:
    """One finding at the first source list when the text's sources, all lists together,
    are unbalanced."""
    lists = sources.source_lists(text)
    problem = sources.balance_problem(tuple(item for found in lists for item in found.items))
    if not lists or problem is None:
        return []
    start, end = lists[0].heading_start, lists[0].heading_end
    return [
        NeutralityFinding(
            start,
            end,
            text[start:end],
            SOURCES,
            f"Source balance: {problem}. Add sources from the other parties and at least one "
            "neutral body, and say where each source comes from "
            "(for example '\u2014 neutral body' or '\u2014 Government of X (party)').",
        )
    ]


def lint_text(
    text: str, lexicon: Sequence[LoadedTerm], places: Sequence[ContestedPlace] = ()
) -> list[NeutralityFinding]:
    """Every finding in `text`, sorted by where it starts."""
    return NeutralityLinter(lexicon, places).lint(text)
