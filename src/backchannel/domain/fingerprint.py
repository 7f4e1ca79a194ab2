"""The invisible fingerprint of a numbered copy: equivalent wordings, chosen per copy.

A document marked this way is written in *slots*: sentences that exist in two or more
equivalent wordings ("A red line, as put in the room: ..." / "Named as a red line: ..."). A
copy's code picks one wording per slot: a hash of the code and the slot's key, so the
choices can be recomputed from the code alone. Nothing in the copy looks different; the
copies differ from one another in half or more of their sentences.

`read_slots` finds which wording each slot shows in a text: the text extracted from a PDF,
or an excerpt somebody retyped (compared as in domain/_text_match.py, through case,
punctuation, line breaks and typos). A slot's content is placed first, then each
wording's own words are looked for around it; a slot is read when one wording is clearly
there and no other.

`identify` weighs what was read against the choices of each candidate copy: each slot
that agrees is evidence for the copy, each that disagrees evidence against it (a
likelihood ratio with an error rate per slot), and the posterior over the candidates is
the confidence. About 300 words hold ten or more slots in a document written this way.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from backchannel.domain._text_match import DRIFT, Placement, Text, close, tokens

__all__ = [
    "MIN_CONFIDENCE",
    "CopyPrint",
    "Identification",
    "Match",
    "Seen",
    "Slot",
    "best_code",
    "distance",
    "distinguishable",
    "identify",
    "make_slot",
    "pick",
    "read_slots",
    "tokens",
    "wording",
]

MIN_DISTINCT_CHARS = 4  # each wording differs from the others by words of 4+ letters in all
MIN_SCORE = 0.8  # share of a slot's content (or wording) that must be found to read it
MIN_SHARED = 4  # content words every wording has, to place the slot by its content
MIN_SEEN = 5  # slots read before a copy can be named
MIN_CONFIDENCE = 0.95
MIN_AGREEMENT = 0.7
_ERROR_CLEAR = 0.05  # chance a slot is misread when no other wording shows at all
_ERROR_CLOSE = 0.15  # when another wording shows in part


def _distinct(variants: Sequence[str]) -> list[set[str]]:
    """Each wording's own words: those no other wording has, even with a typo."""
    words = [set(tokens(v)) for v in variants]
    out = []
    for i, mine in enumerate(words):
        others = set().union(*(o for j, o in enumerate(words) if j != i))
        out.append({w for w in mine if not any(close(w, o) for o in others)})
    return out


def distinguishable(variants: Sequence[str]) -> bool:
    """Whether each wording has words of its own, 4 letters or more in all."""
    if len(variants) < 2:
        return False
    return all(sum(len(w) for w in own) >= MIN_DISTINCT_CHARS for own in _distinct(variants))


@dataclass(frozen=True, slots=True)
class Slot:
    """One sentence in equivalent wordings; `key` is unique in its document."""

    key: str
    variants: tuple[str, ...]

    def __post_init__(self) -> None:
        if not distinguishable(self.variants):
            raise ValueError(f"slot {self.key}: each wording needs words of its own")


def make_slot(key: str, variants: Iterable[str]) -> Slot | None:
    """A slot, or None when the wordings cannot be told apart (the caller keeps one)."""
    unique = tuple(dict.fromkeys(variants))
    return Slot(key, unique) if distinguishable(unique) else None


def pick(code: str, slot: Slot) -> int:
    """The wording copy `code` uses in `slot`."""
    digest = hashlib.sha256(f"{code}\x00{slot.key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % len(slot.variants)


def wording(code: str, slot: Slot) -> str:
    return slot.variants[pick(code, slot)]


def distance(a: str, b: str, slots: Iterable[Slot]) -> int:
    """In how many slots copies `a` and `b` use different wordings."""
    return sum(pick(a, s) != pick(b, s) for s in slots)


def best_code(candidates: Sequence[str], taken: Sequence[str], slots: Sequence[Slot]) -> str:
    """Of `candidates`, the code whose wordings differ most from the closest taken copy."""
    if not candidates:
        raise ValueError("no candidate code")
    if not taken:
        return candidates[0]
    return max(candidates, key=lambda c: min(distance(c, t, slots) for t in taken))


# --- reading a text -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Seen:
    """The wording a text shows for one slot; `clear` when no other wording shows at all."""

    key: str
    variant: int
    clear: bool


def _around(
    text: Text, phrase: tuple[str, ...], own: set[str], counts: dict[str, int], at: Placement
) -> float:
    """The share of a wording's own words found where they belong: between the content
    words found before and after them in the wording (at the content's place)."""
    order = _shared_at(phrase, counts)  # the j-th is the content's j-th word
    total = found = 0
    for k, word in enumerate(phrase):
        if word not in own:
            continue
        total += 1
        before = [j for j, at_k in enumerate(order) if at_k < k]
        prev = next((j for j in reversed(before) if j in at.spots), None)
        after = next((j for j in range(len(before), len(order)) if j in at.spots), None)
        if prev is not None:
            low = at.spots[prev] + 1
            high = at.spots[prev] + k - order[prev] + DRIFT
        if after is not None:
            high = at.spots[after] - 1
            low = low if prev is not None else at.spots[after] - (order[after] - k) - DRIFT
        if prev is None and after is None:
            continue
        found += text.near(word, low, high)
    return found / max(1, total)


def _counts(phrases: Sequence[tuple[str, ...]]) -> dict[str, int]:
    """How often every wording has each word: the slot's content, as a multiset."""
    return {w: min(p.count(w) for p in phrases) for w in set(phrases[0])}


def _shared_at(phrase: tuple[str, ...], counts: dict[str, int]) -> list[int]:
    """Where a wording has the content's words: the last occurrences (a frame comes first)."""
    left = dict(counts)
    out = []
    for k in range(len(phrase) - 1, -1, -1):
        if left.get(phrase[k], 0) > 0:
            left[phrase[k]] -= 1
            out.append(k)
    return out[::-1]


def _read(text: Text, slot: Slot) -> Seen | None:
    """The wording the text shows for `slot`, or None when it cannot be told.

    The slot's content (the words every wording has) is placed first; it must be found
    once, clearly. Then each wording's own words are looked for around it; the wording
    with more than half of them, and more than any other wording, is the one shown. So the
    same content under another heading (a table of red lines, say), or twice in the text,
    reads as no wording at all."""
    phrases = [tokens(v) for v in slot.variants]
    own = _distinct(slot.variants)
    counts = _counts(phrases)
    shared = tuple(phrases[0][k] for k in _shared_at(phrases[0], counts))
    if len(shared) < MIN_SHARED:
        return _read_whole(text, slot, phrases, own)
    gap = max(len(o) for o in own)  # a wording's own words may sit between content words
    at, other = text.place(shared, DRIFT + gap)
    if at is None or len(at.words) < MIN_SCORE * len(shared):
        return None
    if other is not None and len(other.words) >= len(at.words):
        return None
    share = [_around(text, p, o, counts, at) for p, o in zip(phrases, own, strict=True)]
    order = sorted(range(len(share)), key=lambda i: -share[i])
    best, second = order[0], order[1]
    if share[best] <= 0.5 or share[best] <= share[second]:
        return None
    return Seen(slot.key, best, share[best] == 1 and share[second] == 0)


def _read_whole(
    text: Text, slot: Slot, phrases: list[tuple[str, ...]], own: list[set[str]]
) -> Seen | None:
    """For wordings with little in common: the wording placed most completely."""
    placed = [text.place(p)[0] for p in phrases]
    got = [len(p.words) if p else 0 for p in placed]
    missing = [len(p) - g for p, g in zip(phrases, got, strict=True)]
    order = sorted(range(len(phrases)), key=lambda i: missing[i])
    best, second = order[0], order[1]
    at = placed[best]
    if at is None or missing[best] >= missing[second]:
        return None
    if got[best] < MIN_SCORE * len(phrases[best]):
        return None
    marked = [k for k, w in enumerate(phrases[best]) if w in own[best]]
    if 2 * sum(k in at.words for k in marked) <= len(marked):
        return None
    return Seen(slot.key, best, missing[second] - missing[best] >= 2)


def read_slots(text: str, slots: Sequence[Slot]) -> dict[str, Seen]:
    """For each slot the text shows clearly, the wording it uses."""
    parsed = Text(text)
    out = {}
    for slot in slots:
        seen = _read(parsed, slot)
        if seen is not None:
            out[slot.key] = seen
    return out


# --- naming the copy ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CopyPrint:
    """A candidate copy: its code and the slots of the document it was made from."""

    code: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True, slots=True)
class Match:
    code: str
    agree: int
    disagree: int
    weight: float  # log-likelihood ratio against a text with random wordings
    confidence: float  # posterior over the candidates

    @property
    def seen(self) -> int:
        return self.agree + self.disagree


@dataclass(frozen=True, slots=True)
class Identification:
    """The copy a text comes from (`best`), or why it cannot be told (`reason`)."""

    matches: tuple[Match, ...]  # best first
    slots: int  # slots in the candidates' documents
    reason: str = ""

    @property
    def best(self) -> Match | None:
        return None if self.reason or not self.matches else self.matches[0]


def _weigh(
    code: str, slots: Sequence[Slot], seen: dict[Slot, Seen | None]
) -> tuple[int, int, float]:
    agree = disagree = 0
    weight = 0.0
    for slot in slots:
        read = seen[slot]
        if read is None:
            continue
        k = len(slot.variants)
        error = _ERROR_CLEAR if read.clear else _ERROR_CLOSE
        if read.variant == pick(code, slot):
            agree += 1
            weight += math.log((1 - error) * k)
        else:
            disagree += 1
            weight += math.log(error / (k - 1) * k)
    return agree, disagree, weight


def identify(text: str, copies: Sequence[CopyPrint]) -> Identification:
    """Which of `copies` the text comes from, with a confidence, or why it cannot tell."""
    parsed = Text(text)
    every = {s for c in copies for s in c.slots}
    seen: dict[Slot, Seen | None] = {s: _read(parsed, s) for s in every}
    scored = [(c.code, *_weigh(c.code, c.slots, seen)) for c in copies]
    if not scored:
        return Identification((), 0, "there is no registered copy to compare with")
    top = max(w for *_, w in scored)
    total = sum(math.exp(w - top) for *_, w in scored)
    matches = tuple(
        sorted(
            (Match(code, a, d, w, math.exp(w - top) / total) for code, a, d, w in scored),
            key=lambda m: (-m.weight, m.code),
        )
    )
    best = matches[0]
    reason = ""
    if best.seen < MIN_SEEN:
        reason = (
            f"only {best.seen} of the {len(every)} marked sentences could be read in this "
            "text: it is too short or too changed (give 300 words or more), or it does not "
            "come from one of these copies"
        )
    elif best.agree < MIN_AGREEMENT * best.seen:
        reason = (
            f"the wording matches no copy well (the closest agrees in {best.agree} of "
            f"{best.seen} marked sentences): the text may have been edited"
        )
    elif best.confidence < MIN_CONFIDENCE:
        reason = (
            f"the wording fits more than one copy (the closest at {best.confidence:.0%}): "
            "give a longer excerpt"
        )
    return Identification(matches, len(every), reason)
