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

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from backchannel.domain import _neutral_places as places_
from backchannel.domain import _neutral_sources as sources
from backchannel.domain import _neutral_text as nt
from backchannel.domain._neutral_places import ContestedPlace as ContestedPlace
from backchannel.domain._neutral_places import PlaceName as PlaceName
from backchannel.domain.errors import BadInputError

LOADED, PLACE, SOURCES = "loaded", "place", "sources"
CONTEXT_WORDS = 10  # how far back an attribution or a legal cue may stand
# In only_before: a capitalised word (a place or an organisation).
NAME_MARK = "<name>"

# Verbs and nouns that put a label in someone else's mouth: "A calls them ...".
_ATTRIBUTION = frozenset(
    "call calls called calling describe describes described describing term terms termed "
    "label labels labelled labeled labelling labeling brand brands branded dub dubs dubbed "
    "characterise characterises characterised characterize characterizes characterized "
    "refer refers referred consider considers considered regard regards regarded deem deems "
    "deemed view views viewed perceive perceives perceived allege alleges alleged allegedly "
    "allegation allegations accuse accuses accused accusing accusation accusations deny "
    "denies denied denying claim claims claimed designate designates designated designation "
    "list listed proscribed proscription condemn condemns condemned".split()
)
_SPEECH = _ATTRIBUTION | frozenset(
    "say says said saying told tell tells stated states statement according declared "
    "announced wrote writes insisted insists argued argues added quoted words".split()
)
# Before a legal characterisation, these make it a statement about the law or a question.
_LEGAL = frozenset(
    "may might could can would if whether amount amounts amounting constitute constitutes "
    "constituting prohibit prohibits prohibited prohibition prohibiting define defines "
    "defined definition prosecute prosecuted prosecution investigate investigates "
    "investigated investigating investigation inquiry punish punishable prevent prevention "
    "tribunal court".split()
)


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

    def __post_init__(self) -> None:
        if not nt.words(self.term):
            raise BadInputError("has no word in it", field="term")


@dataclass(frozen=True, slots=True)
class NeutralityFinding:
    start: int
    end: int
    text: str
    kind: str  # LOADED, PLACE or SOURCES
    suggestion: str


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
    """Word-key sequences a term can be written as: hyphens kept, spaced or closed up."""
    texts = {term, term.replace("-", " "), term.replace("-", "")}
    out: set[tuple[str, ...]] = set()
    for text in texts:
        keys = [w.key for w in nt.words(text)]
        if keys:
            out |= {(*keys[:-1], form) for form in inflections(keys[-1])}
    return out


class NeutralityLinter:
    """Built once from a lexicon and a list of contested places, then run on many texts."""

    def __init__(
        self, lexicon: Sequence[LoadedTerm], places: Sequence[ContestedPlace] = ()
    ) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], LoadedTerm]]] = {}
        for entry in lexicon:
            for keys in _spellings(entry.term):
                self._index.setdefault(keys[0], []).append((keys, entry))
        self.places = tuple(places)
        self._place_keys = [
            (place, name, tuple(w.key for w in nt.words(name.name)))
            for place in self.places
            for name in place.names
        ]

    def lint(self, text: str) -> list[NeutralityFinding]:
        words = nt.words(text)
        quotes = nt.Quotes(nt.quotation_spans(text))
        found = self._loaded(text, words, quotes) + _lint_places(text, words, self._place_keys)
        found += _sources(text)
        return sorted(found, key=lambda f: (f.start, f.end, f.kind))

    # loaded terms

    def _loaded(
        self, text: str, words: list[nt.Word], quotes: nt.Quotes
    ) -> list[NeutralityFinding]:
        hits: list[tuple[int, int, LoadedTerm]] = []
        speech = {w.sentence for w in words if w.key in _SPEECH}
        for i, word in enumerate(words):
            for keys, entry in self._index.get(word.key, ()):
                j = i + len(keys)
                if j > len(words) or any(
                    w.key != k for w, k in zip(words[i:j], keys, strict=False)
                ):
                    continue
                if any(w.sentence != word.sentence for w in words[i:j]) or any(
                    text[a.end : b.start].strip()
                    for a, b in zip(words[i : j - 1], words[i + 1 : j], strict=False)
                ):
                    continue
                if self._neutral_use(text, words, i, j, entry, quotes, speech):
                    continue
                hits.append((i, j, entry))
        out: list[NeutralityFinding] = []
        last_end = -1
        for i, j, entry in sorted(hits, key=lambda h: (words[h[0]].start, -words[h[1] - 1].end)):
            start, end = words[i].start, words[j - 1].end
            if start < last_end:
                continue
            last_end = end
            out.append(NeutralityFinding(start, end, text[start:end], LOADED, _advice(entry)))
        return out

    @staticmethod
    def _neutral_use(
        text: str,
        words: list[nt.Word],
        i: int,
        j: int,
        entry: LoadedTerm,
        quotes: nt.Quotes,
        speech: set[int],
    ) -> bool:
        before = words[i - 1] if i > 0 and words[i - 1].sentence == words[i].sentence else None
        after = words[j] if j < len(words) and words[j].sentence == words[i].sentence else None
        if before and before.key in entry.not_after:
            return True
        if entry.not_before and any(w.key in entry.not_before for w in _following(words, j)):
            return True
        if entry.only_before and not (
            after
            and (
                after.key in entry.only_before
                or (NAME_MARK in entry.only_before and after.capitalised)
            )
        ):
            return True
        if _proper_name(text, words, i, j):
            return True
        earlier = _clause_before(text, words, i)
        if any(_labels(words, k) for k in earlier):
            return True
        if quotes.around(words[i].start, words[j - 1].end) and _attributed(text, words, i, speech):
            return True
        if entry.kind is TermKind.CONTESTED_LEGAL:
            if _law_of(words, i, earlier):
                return True
            if after and after.key == "under":
                return True
        return False


# "called for", "calls on": a demand, not a label.
_NOT_LABELLING = frozenset({"for", "on", "upon", "off", "up"})


def _clause_before(text: str, words: list[nt.Word], i: int) -> list[int]:
    """Indices of up to CONTEXT_WORDS words before word i, in its sentence and clause (the
    search stops at a ';')."""
    out: list[int] = []
    for k in range(i - 1, max(-1, i - CONTEXT_WORDS - 1), -1):
        if words[k].sentence != words[i].sentence or ";" in text[words[k].end : words[k + 1].start]:
            break
        out.append(k)
    return out[::-1]


def _labels(words: list[nt.Word], k: int) -> bool:
    """Word k puts a label in someone's mouth ('calls'), and is not a demand ('calls for')."""
    following = words[k + 1].key if k + 1 < len(words) else ""
    return words[k].key in _ATTRIBUTION and following not in _NOT_LABELLING


def _law_of(words: list[nt.Word], i: int, earlier: list[int]) -> bool:
    """'may amount to genocide', 'the crime of aggression': a statement about the law."""
    if any(words[k].key in _LEGAL for k in earlier):
        return True
    return len(earlier) >= 2 and [words[k].key for k in earlier[-2:]] == ["crime", "of"]


_LINKS = frozenset({"of", "for", "on", "against", "in", "by", "among"})


def _following(words: list[nt.Word], j: int) -> list[nt.Word]:
    """The next word; after a preposition ('invasion of desert locusts') the next three."""
    if j >= len(words) or words[j].sentence != words[j - 1].sentence:
        return []
    if words[j].key not in _LINKS:
        return [words[j]]
    return [w for w in words[j : j + 3] if w.sentence == words[j].sentence]


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
    return any(w.capitalised and w.key not in nt.FUNCTION_WORDS for w in neighbours)


def _attributed(text: str, words: list[nt.Word], i: int, speech: set[int]) -> bool:
    """A quotation is attributed when its sentence names a speaker or carries a label."""
    if words[i].sentence in speech:
        return True
    line_start = text.rfind("\n", 0, words[i].start) + 1
    return ":" in text[line_start : words[i].start]


def _advice(entry: LoadedTerm) -> str:
    return (
        f"{_KIND_WORDS[entry.kind]}. Neutral alternative: {entry.alternative}. "
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
