"""Fingerprints of numbered copies: equivalent wordings chosen by a code, read back from a
retyped text (case, spacing, punctuation, line breaks and typos changed)."""

# Seeded pseudo-random numbers simulate retyping and build test documents; no secret here.

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.domain.fingerprint import (
    MIN_CONFIDENCE,
    CopyPrint,
    Slot,
    best_code,
    distance,
    distinguishable,
    identify,
    make_slot,
    pick,
    read_slots,
    tokens,
    wording,
)

FRAMES = (
    ("A red line, as put in the room: {}", "A red line this party will not cross: {}",
     "Named as a red line: {}"),
    ("A fear, as put in the room: {}", "A fear this party holds: {}", "Named as a fear: {}"),
    ("In practice: {}", "As it would work: {}", "What it would involve: {}"),
    ("Still unresolved: {}", "Left unanswered by the room: {}", "Awaiting an answer: {}"),
)  # fmt: skip
SUBJECTS = (
    "Convoys", "The ferry", "Customs teams", "Health posts", "Observers", "Community councils",
    "Water carriers", "The platform", "Liaison offices", "Traders",
)  # fmt: skip
ACTS = (
    "cross the river at", "report weekly figures from", "inspect sealed lorries near",
    "repair contaminated wells around", "publish a schedule for", "open a footpath toward",
)  # fmt: skip
PLACES = ("Dorran", "Halvik", "Qadira", "Velmar", "Upper Sarn", "Lower Sarn")
CODES = ("K7QX2M", "M3PAH9", "Z9RTB4", "B2CD7F", "H8JK3N")


def invented(rng: random.Random) -> str:
    return "".join(
        rng.choice(("ka", "lo", "mir", "tes", "van", "dor", "sul", "hen")) for _ in "123"
    )


def document_slots(n: int = 64, seed: int = 3) -> tuple[Slot, ...]:
    """Sentences built from a small vocabulary, so that many look alike (harder than a
    real document), each with one invented word of its own."""
    rng = random.Random(seed)
    slots = []
    for i in range(n):
        content = (
            f"{rng.choice(SUBJECTS)} {rng.choice(ACTS)} {rng.choice(PLACES)} under the "
            f"{invented(rng)} arrangement, with {rng.randint(2, 90)} "
            f"{rng.choice(('lorries', 'people', 'drums', 'cases'))}."
        )
        slot = make_slot(f"s{i}", (f.format(content) for f in FRAMES[i % len(FRAMES)]))
        assert slot is not None
        slots.append(slot)
    return tuple(slots)


SLOTS = document_slots()
COPIES = tuple(CopyPrint(code, SLOTS) for code in CODES)


def copy_text(code: str, slots: tuple[Slot, ...] = SLOTS) -> str:
    return "\n".join(wording(code, s) for s in slots)


def retype(text: str, rng: random.Random, typos: int = 6) -> str:
    """What a person retyping a page produces: lower case, no punctuation, new line breaks,
    a few typos (a letter changed, dropped or swapped)."""
    words = [w for w in re.sub(r"[^\w\s'-]", " ", text.lower()).split() if w]
    for _ in range(typos):
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 3:
            j = rng.randrange(len(w) - 1)
            words[i] = rng.choice(
                (w[:j] + "x" + w[j + 1 :], w[:j] + w[j + 1 :], w[:j] + w[j + 1] + w[j] + w[j + 2 :])
            )
    lines, line = [], []
    for w in words:
        line.append(w)
        if len(line) >= rng.randint(5, 13):
            lines.append(" ".join(line))
            line = []
    return "\n".join([*lines, " ".join(line)])


def excerpt(text: str, start: int, n: int = 300) -> str:
    return " ".join(text.split()[start : start + n])


class TestTokens:
    """Texts are compared as folded words."""

    def test_case_accents_apostrophes_and_marks(self) -> None:
        assert ("the", "coordinators", "office", "aide", "memoire", "3") == tokens(
            "The Coordinator’s OFFICE — aide-mémoire (3)."
        )

    def test_words_hyphenated_across_lines_are_joined(self) -> None:
        assert ("a", "recognition", "b") == tokens("a recog-\n  nition b")


class TestSlots:
    """Each wording needs words of its own, even allowing a typo."""

    def test_distinct_wordings(self) -> None:
        assert distinguishable(("A red line, stated plainly: X.", "Named as a red line: X."))

    @pytest.mark.parametrize(
        "variants",
        [
            ("Same words here.", "Same words here."),
            ("Ruled out: X.", "Ruled out, X."),  # punctuation only
            ("A political constraint: X.", "Politically: X."),  # 'politically' ~ 'political'
            ("In: X.", "On: X."),  # own words too short to survive a typo
            ("Only one wording.",),
        ],
    )
    def test_indistinct_wordings(self, variants: tuple[str, ...]) -> None:
        assert not distinguishable(variants)
        assert make_slot("k", variants) is None
        with pytest.raises(ValueError, match="words of its own"):
            Slot("k", variants)

    def test_duplicates_are_dropped(self) -> None:
        slot = make_slot("k", ["In practice: X.", "In practice: X.", "As it would work: X."])
        assert slot is not None and 2 == len(slot.variants)


class TestChoices:
    """A code picks one wording per slot, the same every time; copies differ."""

    def test_deterministic_and_in_range(self) -> None:
        assert [pick("K7QX2M", s) for s in SLOTS] == [pick("K7QX2M", s) for s in SLOTS]
        assert {0, 1, 2} == {pick("K7QX2M", s) for s in SLOTS}

    def test_copies_differ_in_most_slots(self) -> None:
        distances = [distance(a, b, SLOTS) for a in CODES for b in CODES if a < b]
        assert min(distances) >= len(SLOTS) // 2

    def test_best_code_is_the_most_distinct(self) -> None:
        candidates = ["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"]
        chosen = best_code(candidates, CODES[:2], SLOTS)
        spread = {c: min(distance(c, t, SLOTS) for t in CODES[:2]) for c in candidates}
        assert max(spread.values()) == spread[chosen]
        assert "AAAAAA" == best_code(candidates, [], SLOTS)


class TestReading:
    """Each slot reads as the wording the text shows, through retyping."""

    def test_exact_text(self) -> None:
        seen = read_slots(copy_text("K7QX2M"), SLOTS)
        assert len(SLOTS) == len(seen)
        assert all(seen[s.key].variant == pick("K7QX2M", s) for s in SLOTS)

    def test_retyped_text(self) -> None:
        text = retype(copy_text("M3PAH9"), random.Random(1), typos=30)
        seen = read_slots(text, SLOTS)
        assert len(seen) >= 0.9 * len(SLOTS)
        wrong = [k for k, s in seen.items() if s.variant != pick("M3PAH9", SLOTS[int(k[1:])])]
        assert [] == wrong

    def test_same_content_under_another_label_is_not_read(self) -> None:
        slot = SLOTS[0]  # "... red line ...": a table with the kind and the text
        content = slot.variants[0].split(": ", 1)[1]
        assert {} == read_slots(f"Red line | {content}", [slot])

    def test_two_wordings_at_once_are_not_read(self) -> None:
        slot = SLOTS[1]
        assert {} == read_slots(f"{slot.variants[0]} {slot.variants[1]}", [slot])


class TestIdentify:
    """A 300-word retyped excerpt names its copy; short or foreign texts cannot."""

    @pytest.mark.parametrize("code", CODES)
    @pytest.mark.parametrize("start", [0, 250, 560])
    def test_retyped_excerpt_of_each_copy(self, code: str, start: int) -> None:
        rng = random.Random(f"{code}{start}")
        text = retype(excerpt(copy_text(code), start), rng)
        found = identify(text, COPIES)
        assert found.best is not None, found.reason
        assert code == found.best.code
        assert found.best.confidence >= MIN_CONFIDENCE
        assert found.best.agree >= 10 * found.best.disagree

    def test_short_excerpt(self) -> None:
        found = identify(excerpt(copy_text(CODES[0]), 100, 25), COPIES)
        assert found.best is None
        assert "too short" in found.reason and "300 words" in found.reason

    def test_foreign_text(self) -> None:
        found = identify("Minutes of an unrelated meeting about fisheries. " * 40, COPIES)
        assert found.best is None
        assert found.reason.startswith("only 0 of the 64 marked sentences")

    def test_a_patchwork_of_two_copies(self) -> None:
        a, b = copy_text(CODES[0]).split("\n"), copy_text(CODES[1]).split("\n")
        mixed = "\n".join(x if i % 2 else y for i, (x, y) in enumerate(zip(a, b, strict=True)))
        found = identify(mixed, COPIES)
        assert found.best is None
        assert "matches no copy well" in found.reason or "more than one copy" in found.reason

    def test_no_candidates(self) -> None:
        assert "no registered copy" in identify("text", ()).reason

    @settings(max_examples=15, deadline=None)
    @given(st.text(alphabet="23456789ABCDEFGHJKMNPQRSTUVWXYZ", min_size=6, max_size=6))
    def test_any_code_is_found_among_others(self, code: str) -> None:
        copies = (*COPIES, CopyPrint(code, SLOTS))
        found = identify(retype(copy_text(code), random.Random(code)), copies)
        assert found.best is not None
        assert code == found.best.code or copy_text(code) == copy_text(found.best.code)
