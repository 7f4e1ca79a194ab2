"""Descriptors that single out a participant without naming them.

"The retired general from party B" names nobody, yet when only one participant is a
retired general of party B it identifies them as surely as a name. A descriptor is a noun
phrase opened by a determiner ("the", "a", "one", "our", ...) whose head is a role noun
(a word heading a roster title, a rank or office, "woman", "man", "expert", "participant"),
with modifiers and an optional "from/of party X" tail. Its attributes are the gender,
party, category and title words it names; the participants it fits are those matching
every attribute. It is reported when it fits at least one and fewer than K participants,
and it combines two attributes or more ("the imam" alone may be a Track I figure; "the
retired imam" or "the imam from party A" is a combination).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

from backchannel.gate.finding import Finding
from backchannel.gate.fold import Folded, fold, fold_text
from backchannel.gate.index import Person
from backchannel.gate.words import REPORTING

_STOP = frozenset("of the to for and in on at a an s with from by".split())
_PREPOSITIONS = frozenset("of to for at in on with from by".split())
_FEMALE = frozenset({"woman", "female", "lady", "mother", "sister", "she"})
_MALE = frozenset({"man", "male", "gentleman", "father", "brother", "he"})
_PARTICIPANT_NOUNS = frozenset({"participant", "member", "delegate", "attendee", "person"})
# Nouns that name a role in general, with the title words each may stand for.
_SYNONYMS: dict[str, frozenset[str]] = {
    "officer": frozenset(
        "general brigadier colonel major captain commander lieutenant admiral".split()
    ),
    "soldier": frozenset("general brigadier colonel major captain commander lieutenant".split()),
    "military": frozenset("general brigadier colonel major captain commander lieutenant".split()),
    "diplomat": frozenset("ambassador envoy consul diplomat".split()),
    "cleric": frozenset("imam sheikh priest pastor bishop mullah rabbi cleric mufti".split()),
    "doctor": frozenset("doctor physician epidemiologist surgeon medic".split()),
    "medic": frozenset("doctor physician epidemiologist surgeon medic nurse".split()),
    "lawyer": frozenset("lawyer jurist attorney advocate barrister".split()),
    "advisor": frozenset({"adviser", "advisor"}),
    "adviser": frozenset({"adviser", "advisor"}),
    "organizer": frozenset({"organiser", "organizer"}),
    "organiser": frozenset({"organiser", "organizer"}),
}
_RANKS = frozenset(
    "general brigadier colonel major captain commander lieutenant admiral ambassador envoy"
    " minister governor mayor senator judge imam sheikh priest pastor bishop elder chief"
    " negotiator adviser advisor lawyer engineer doctor physician epidemiologist economist"
    " professor journalist activist diplomat secretary director chairman chairwoman"
    " spokesperson spokesman spokeswoman commissioner councillor mediator analyst"
    " cleric mullah rabbi nurse surgeon veteran officer soldier organiser organizer".split()
)
_CATEGORY_HEADS = {
    "expert": "technical_expert",
    "proxy": "authoritative_proxy",
    "official": "authoritative_proxy",
    "voice": "community_voice",
}
_DETERMINER = re.compile(r"\b(the|a|an|one|our|their|this|that)\s+", re.IGNORECASE)
_MODIFIERS = re.compile(r"(?:[\w'’-]+[\s-]+){0,4}\Z")
_TAIL_WORDS = r"(?:from|of|representing|for|with|on)\s+(?:the\s+)?(?:party\s+|side\s+)?"
_END_OK = re.compile(
    r"(?:['’]s?\b|\s*[.,;:!?)\"”]|\s*\Z|\s+(?:from|of|for|to|in|at|on|with|whom|is|was|were"
    rf"|are|has|had|have|will|can|may|must|did|does|{REPORTING}|[a-z]{{3,}}s)\b)"
)
# Offices a sitting official holds as often as a participant: "the minister", "the
# governor" alone name nobody in the room; "the former minister" still does.
_PUBLIC_OFFICES = frozenset(
    "minister president governor mayor senator ambassador secretary king queen judge"
    " prime chancellor envoy general chief director head member"
    # places a title may be named after: "the barangay" is the village, not its chair
    " barangay village district province region municipality county town city state".split()
)


@dataclass(frozen=True, slots=True)
class _Vocab:
    heads: frozenset[str]  # nouns that head a roster title, plus ranks
    title_words: tuple[frozenset[str], ...]  # per person
    all_title_words: frozenset[str]


def _title_words(title: str) -> frozenset[str]:
    words = [w for w in fold(title).split() if w not in _STOP]
    return frozenset(words)


def _title_head(title: str) -> str:
    words = fold(title).split()
    for i, word in enumerate(words):
        if word in _PREPOSITIONS and i > 0:
            return words[i - 1]
    return words[-1] if words else ""


#: What separates the parts of a title ("Datu; senior elder", "Colonel, commandant").
TITLE_PARTS = re.compile(r"[;,()/\[\]–—]")


def _title_heads(title: str) -> set[str]:
    """The head of each part of a title: "Datu; senior elder of his clan" has "datu" and
    "elder", "Geodetic engineer, chief of Survey" has "engineer" and "chief"."""
    return {_title_head(part) for part in TITLE_PARTS.split(title) if part.strip()} - {""}


class DescriptorFinder:
    """Finds descriptors that fit fewer than k participants of one roster."""

    def __init__(self, people: tuple[Person, ...], k: int) -> None:
        self.people = people
        self.k = k
        per_person = tuple(_title_words(p.title) for p in people)
        title_heads = set().union(*(_title_heads(p.title) for p in people))
        self._whole_titles = {fold(p.title): p for p in people if len(fold(p.title).split()) == 1}
        # The head noun of one participant's title and of nobody else's ("surveyor" of
        # "cadastral surveyor", "colonel" of "retired colonel"): "the surveyor" is them.
        holders: dict[str, list[Person]] = {}
        for p in people:
            for word in _title_words(p.title):
                holders.setdefault(word, []).append(p)
        self._unique_heads = {
            head: holders[head][0]
            for p in people
            for head in _title_heads(p.title)
            if len(holders.get(head, ())) == 1 and head not in _PUBLIC_OFFICES
        } | self._whole_titles
        self.vocab = _Vocab(
            heads=frozenset(title_heads | _RANKS),
            title_words=per_person,
            all_title_words=frozenset().union(*per_person) if per_person else frozenset(),
        )
        heads = (
            set(self.vocab.heads)
            | _FEMALE
            | _MALE
            | _PARTICIPANT_NOUNS
            | set(_CATEGORY_HEADS)
            | set(_SYNONYMS)
        ) - {"she", "he"}
        self._heads = ahocorasick.Automaton()
        for h in heads:
            self._heads.add_word(f" {h} ", len(h))
        self._heads.make_automaton()
        parties = sorted({p.party for p in people if p.party}, key=len, reverse=True)
        self._parties = {fold(p): p for p in parties}
        party_alt = "|".join(
            re.escape(p) if len(p) <= 2 else f"(?i:{re.escape(p)})" for p in parties
        )
        self._tail_re = (
            re.compile(
                rf"\s+(?i:{_TAIL_WORDS})(?P<party>{party_alt})"
                rf"(?:\s+(?i:side|party|delegation|camp))?(?![\w-])"
            )
            if parties
            else None
        )

    def find(self, text: str, folded: Folded | None = None) -> Iterator[Finding]:
        """Descriptors in `text` (`folded` is its folded copy, when already made)."""
        if not self.people:
            return
        folded = folded if folded is not None else fold_text(text)
        for end, length in self._heads.iter(f" {folded.text} "):
            start = folded.start(end - length - 1)
            stop = folded.end(end - 1)
            found = self._at(text, start, stop)
            if found is not None:
                yield found

    def _determiner(self, text: str, start: int) -> tuple[int, str, list[str]] | None:
        """(start, determiner, modifier words as written) of the phrase ending at `start`."""
        lo = max(0, start - 80)
        last = None
        for match in _DETERMINER.finditer(text, lo, start):
            last = match
        if last is None or not _MODIFIERS.fullmatch(text, last.end(), start):
            return None
        mods = [m for m in re.split(r"[\s'’-]+", text[last.end() : start]) if m and m != "s"]
        if any(m.lower() in _STOP for m in mods):
            return None
        return last.start(1), last.group(1).lower(), mods

    def _party_word(self, word: str) -> str | None:
        if len(word) <= 2:
            return fold(word) if word in self._parties.values() else None
        folded = fold(word)
        return folded if folded in self._parties else None

    def _at(self, text: str, start: int, end: int) -> Finding | None:
        found = self._determiner(text, start)
        if found is None:
            return None
        begin, det, written = found
        head = text[start:end].lower()
        span_end = end
        party: str | None = None
        tail = self._tail_re.match(text, end) if self._tail_re else None
        if tail is not None:
            party = fold(tail.group("party"))
            span_end = tail.end()
        elif not _END_OK.match(text, end):
            return None
        attrs = 0
        gender = ""
        roles: list[str] = []
        category = ""
        for original in [*written, text[start:end]]:
            word = original.lower()
            as_party = self._party_word(original)
            if as_party is not None and party is None:
                party, attrs = as_party, attrs + 1
            elif word in _FEMALE:
                gender, attrs = "F", attrs + 1
            elif word in _MALE:
                gender, attrs = "M", attrs + 1
            elif word in ("only", "sole", "lone"):
                attrs += 1
            elif (
                word in _CATEGORY_HEADS and word == head and word not in self.vocab.all_title_words
            ):
                category = _CATEGORY_HEADS[word]
                attrs += 1
            elif word in self.vocab.all_title_words or word in _SYNONYMS:
                roles.append(word)
                attrs += 1
            elif word == head and word in self.vocab.heads:
                roles.append(word)  # a rank no participant holds: fits nobody
        if party is not None and tail is not None:
            attrs += 1
        if head in _PARTICIPANT_NOUNS:
            attrs += 1
        if det == "the" and not written and head in self._unique_heads and tail is None:
            # "the hydrologist", "the surveyor": the head of one participant's title alone.
            holder = self._unique_heads[head]
            return Finding(begin, end, text[begin:end], "title", holder.id)
        if attrs < 2:
            return None
        fits = [
            p
            for p in self.people
            if self._fits(p, gender=gender, party=party, category=category, roles=roles)
        ]
        if not fits or len(fits) >= self.k:
            return None
        return Finding(begin, span_end, text[begin:span_end], "descriptor", fits[0].id)

    def _fits(
        self, person: Person, *, gender: str, party: str | None, category: str, roles: list[str]
    ) -> bool:
        if gender and person.gender != gender:
            return False
        if party is not None and fold(person.party) != party:
            return False
        if category and person.category != category:
            return False
        words = self.vocab.title_words[person.index]
        for role in roles:
            allowed = _SYNONYMS.get(role, frozenset()) | {role}
            if not allowed & words:
                if role in _CATEGORY_HEADS and person.category == _CATEGORY_HEADS[role]:
                    continue
                return False
        return True
