"""The roster as a search index: one Aho-Corasick automaton over every folded form.

Each pattern is a folded form between two spaces (" al rashid "), searched in the folded
text with a space added at each end, so a match always starts and ends on word boundaries
and one pass over the text finds every form of every participant at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick

from backchannel.domain.people import Candidate
from backchannel.gate.affiliation_romance import romance_affiliation_shorts
from backchannel.gate.fold import fold
from backchannel.gate.forms import NameForms, name_forms, without_brackets
from backchannel.gate.fuzzy import FuzzyMatcher
from backchannel.gate.quoted_names import quoted_names
from backchannel.gate.translated import BODY_HEADS, lexicon
from backchannel.gate.words import common_words

# What a pattern stands for.
PART = 0  # a name part, alone or in a run of parts
ALIAS = 1  # a nickname or kunya
INITIALS = 2  # an alias such as "KR": whole upper-case tokens only
NAME_INITIALS = 7  # initials made from the name: two letters only with their dots (V. K.)
AFFILIATION = 3
ACRONYM = 4  # an affiliation's acronym: whole upper-case tokens only
TITLE = 5
# An affiliation without its first word, a proper name ("pastoralists union" of "Qashqai
# Pastoralists' Union"): found when the word before it is another spelling of that name.
AFFILIATION_TAIL = 6


@dataclass(frozen=True, slots=True)
class Person:
    """One participant as the gate sees them."""

    index: int
    id: str
    party: str
    category: str
    gender: str
    title: str
    forms: NameForms


# One meaning of a pattern: (what, people in roster order, is an ordinary word or very short).
Entry = tuple[int, tuple[int, ...], bool]


def affiliation_tails(affiliation: str) -> list[tuple[str, str]]:
    """(head, tail) when an affiliation starts with a proper name that other romanisations
    spell otherwise, and two words or more follow it: ("qashqai", "pastoralists union")."""
    words = without_brackets(affiliation).split()
    if len(words) < 3 or not words[0][:1].isupper():
        return []
    head = fold(words[0]).replace(" ", "")
    if len(head) < 4 or head in common_words() or head in _org_words():
        return []
    tail = fold(" ".join(words[1:]))
    return [(head, tail)] if len(tail) >= 10 and " " in tail else []


# Nouns that make a place or a name into an institution on their own.
_INSTITUTIONS = frozenset(
    "university college academy institute polytechnic hospital seminary council chamber"
    " ministry bank".split()
)


def affiliation_heads(affiliation: str) -> set[str]:
    """The short name of an institution that a longer affiliation starts with: "Gondar
    University" of "Gondar University Agrarian Studies Centre"; the proper name must come
    first, so "Central Bank" of "Central Bank Research Unit" is not one."""
    words = without_brackets(affiliation).split()
    if len(words) < 3 or not words[0][:1].isupper():
        return set()
    head = fold(words[0]).replace(" ", "")
    if len(head) < 4 or head in common_words() or head in _org_words():
        return set()
    second = fold(words[1])
    return {f"{head} {second}"} if second in _INSTITUTIONS else set()


# Heads an organisation's name cannot be told by alone: every set of notes has its own
# committee and council, and every state its office and ministry (translated.py's list),
# but for "firm" and "enterprise": "the firm" in English notes is a participant's company.
_GENERIC_HEADS = BODY_HEADS - {"firm", "enterprise"}
_DETERMINERS = ("the", "her", "his", "its", "their", "our")


def affiliation_quoted(affiliation: str, head: str) -> set[str]:
    """An organisation's own quoted name ("Filoxenia" of '"Filoxenia" Pontic Heritage
    Foundation') before the name's head noun, folded: "filoxenia foundation", "the arev
    union", at any length."""
    out: set[str] = set()
    for name in quoted_names(affiliation):
        quoted = fold(name)
        if quoted and head and head not in quoted.split():
            out |= {f"{quoted} {head}", f"the {quoted} {head}"}
    return out


def affiliation_quoted_alone(affiliation: str) -> set[str]:
    """The quoted names alone, when long and no ordinary word: matched only as written
    with a capital ("Filoxenia", never the Greek word filoxenia)."""
    found = {fold(name) for name in quoted_names(affiliation)}
    return {q for q in found if len(q.replace(" ", "")) >= 5 and q not in common_words()}


def affiliation_shorts(affiliation: str) -> set[str]:
    """Shorter names notes give an organisation, folded: without the place it starts with
    ("traders association" of "North Mitrovica Traders' Association"), without its
    comma tail ("institute of forensic medicine" of "..., Pristina"), before "for"
    ("nordic centre" of "Nordic Centre for Dialogue"), and its head alone after a
    determiner when the head says something ("the mission", "her institute")."""
    bare = without_brackets(affiliation).split(",", 1)[0].strip()
    words = bare.split()
    if len(words) < 2:
        return set()
    out: set[str] = set()
    if len(words) > 2:
        out.add(fold(bare))
    lower = [fold(w) for w in words]
    cut = next((n for n, w in enumerate(lower) if w in ("of", "for")), len(lower))
    # Every shorter ending of the name before "of"/"for": "traders association".
    # Every shorter ending of the name, after a determiner ("the traders association";
    # "the Kurdish Pastoral Council" is another council), or alone when four words or
    # more are left ("association of families of the missing").
    for i in range(1, cut):
        rest = lower[i:]
        if len(rest) >= 4:
            out.add(" ".join(rest))
        elif len(rest) >= 2:
            out |= {f"{d} {' '.join(rest)}" for d in _DETERMINERS}
    if "for" in lower[2:]:
        out |= {f"{d} {' '.join(lower[: lower.index('for')])}" for d in _DETERMINERS}
    head = lower[cut - 1] if cut else ""
    if head and head not in _GENERIC_HEADS and head not in common_words() and len(head) >= 5:
        out |= {f"{d} {head}" for d in _DETERMINERS}
    out |= affiliation_quoted(affiliation, head)
    out.discard(fold(affiliation))
    return {f for f in out if len(f.replace(" ", "")) >= 8}


@cache
def _org_words() -> frozenset[str]:
    """English words of titles and organisations (the lexicon's): not proper names."""
    return frozenset(w for key in lexicon() for w in key.split("_"))


def _is_common(form: str) -> bool:
    flat = form.replace(" ", "")
    return len(flat) <= 2 or form in common_words()


class RosterIndex:
    """Every form of every participant, ready to search many texts."""

    def __init__(self, roster: Sequence[Candidate]) -> None:
        people = []
        for i, cand in enumerate(roster):
            forms = name_forms(cand.name, cand.aliases, cand.affiliation, cand.title)
            people.append(
                Person(
                    index=i,
                    id=cand.id,
                    party=cand.party,
                    category=str(cand.category),
                    gender=cand.gender.strip().upper()[:1],
                    title=cand.title,
                    forms=forms,
                )
            )
        self.people: tuple[Person, ...] = tuple(people)
        meanings: dict[str, dict[tuple[int, bool], set[int]]] = {}

        def add(form: str, what: int, person: int, common: bool = False) -> None:
            if form:
                meanings.setdefault(form, {}).setdefault((what, common), set()).add(person)

        # Short names of organisations, kept when one participant alone has them.
        shorts: dict[str, set[int]] = {}
        for i, cand in enumerate(roster):
            for form in affiliation_shorts(cand.affiliation) | romance_affiliation_shorts(
                cand.affiliation
            ):
                shorts.setdefault(form, set()).add(i)
        for form, holders in shorts.items():
            if len(holders) == 1:
                add(form, AFFILIATION, next(iter(holders)))
        targets: dict[str, set[int]] = {}
        # (tail, person) -> the folded proper names the tail follows in the roster
        self.tail_heads: dict[tuple[str, int], set[str]] = {}
        for p in self.people:
            f = p.forms
            for form in f.singles:
                add(form, PART, p.index, _is_common(form))
                targets.setdefault(form, set()).add(p.index)
            for form in f.aliases:
                add(form, ALIAS, p.index, _is_common(form))
            for form, ordinary in f.diminutives:
                add(form, ALIAS, p.index, ordinary or _is_common(form))
            for form in f.initials:
                add(form, INITIALS, p.index)
            for form in f.name_initials:
                add(form, NAME_INITIALS, p.index)
            for form in f.affiliations | affiliation_heads(roster[p.index].affiliation):
                add(form, AFFILIATION, p.index)
            for form in affiliation_quoted_alone(roster[p.index].affiliation):
                add(form, AFFILIATION, p.index, True)  # "common": a capital is asked for
            for head, tail in affiliation_tails(roster[p.index].affiliation):
                add(tail, AFFILIATION_TAIL, p.index)
                self.tail_heads.setdefault((tail, p.index), set()).add(head)
            for form in f.acronyms:
                add(form, ACRONYM, p.index)
            for form in f.titles:
                add(form, TITLE, p.index)
        self.automaton = ahocorasick.Automaton()
        self.payloads: list[tuple[Entry, ...]] = []
        self.lengths: list[int] = []
        for form, by_meaning in meanings.items():
            entries = tuple(
                (what, tuple(sorted(who)), common)
                for (what, common), who in sorted(by_meaning.items())
            )
            self.automaton.add_word(f" {form} ", len(self.payloads))
            self.payloads.append(entries)
            self.lengths.append(len(form) + 2)
        if self.payloads:
            self.automaton.make_automaton()
        self.fuzzy = FuzzyMatcher(
            {w: frozenset(who) for w, who in targets.items()},
            exact=[m for m in meanings if " " not in m] + [m.replace(" ", "") for m in meanings],
        )
        self.pattern_count = len(self.payloads)

    def person_words(self, person: int) -> frozenset[str]:
        """The single-word forms of one participant's name parts (for similarity checks)."""
        return frozenset(w for w in self.people[person].forms.singles if " " not in w)
