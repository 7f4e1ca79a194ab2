"""Properties of the gate over generated prose and arbitrary Unicode."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.domain.people import Candidate
from backchannel.gate import Finding, Gate
from backchannel.gate.forms import split_name
from backchannel.readers.candidates import read_candidates

ROSTER = Path(__file__).parent / "fixtures" / "roster.csv"


@cache
def roster() -> tuple[Candidate, ...]:
    return read_candidates(ROSTER)


@cache
def gate_for() -> Gate:
    return Gate(roster())


# Ordinary words that are no participant's name and no part of one.
WORDS = (
    "the road convoy checkpoint schedule council agreed proposal water fuel bridge "
    "options round meeting draft week district data corridor pause risk trigger cell "
    "monitoring joint local trust harvest season parties signal map route we it they "
    "was were is on of to in for with by from about after before while since"
).split()
HONORIFICS = ["Dr.", "Mr.", "Ms.", "Gen.", "Amb.", "H.E.", "Sheikh", "Col.", "Prof.", "Eng."]


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def mention_forms(cand: Candidate) -> list[str]:
    """The usual ways notes mention a participant, from the roster row alone."""
    words = cand.name.split()
    if words[0] == "Daw":
        words = words[1:]
    full = " ".join(words)
    surname = words[-1]
    forms = [
        full,
        strip_accents(full),
        full.upper(),
        surname,
        surname.upper(),
        f"{surname}'s",
        f"{words[0][0]}. {surname}",
        *(f"{h} {surname}" for h in HONORIFICS),
        *(w.capitalize() for w in split_name(cand.name) if " " not in w and len(w) > 2),
        *cand.aliases,
    ]
    return forms


CASES = [(c.id, form) for c in roster() for form in mention_forms(c)]
prose = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


def sentence(before: str, form: str, after: str) -> str:
    lead = f"{before.capitalize()} according to" if before else "According to"
    return f"{lead} {form}, {after}."


def covered(findings: list[Finding], start: int, end: int) -> list[Finding]:
    return [f for f in findings if f.start < end and start < f.end]


class TestEveryFormIsFound:
    """Any usual form of any participant's name inserted into prose is found."""

    @settings(max_examples=300)
    @given(st.sampled_from(CASES), prose, prose)
    def test_found_and_attributed(self, case: tuple[str, str], before: str, after: str) -> None:
        who, form = case
        text = sentence(before, form, after)
        start = text.index(form)
        hits = covered(gate_for().scan(text), start, start + len(form))
        assert [who] == [f.participant for f in hits]

    @settings(max_examples=200)
    @given(st.sampled_from(CASES), prose, prose)
    def test_found_at_sentence_start(self, case: tuple[str, str], before: str, after: str) -> None:
        who, form = case
        text = f"{before.capitalize()}. {form} argued that {after}."
        start = text.index(form, len(before))
        hits = covered(gate_for().scan(text), start, start + len(form))
        assert who in [f.participant for f in hits]


class TestRedactionIsComplete:
    """After redaction a scan finds nothing."""

    @given(st.lists(st.one_of(prose, st.sampled_from([f for _, f in CASES])), max_size=8))
    def test_prose_with_mentions(self, pieces: list[str]) -> None:
        gate = gate_for()
        text = ". ".join(pieces)
        assert [] == gate.scan(gate.redact(text))

    @given(st.text(max_size=300))
    def test_any_unicode(self, text: str) -> None:
        gate = gate_for()
        assert [] == gate.scan(gate.redact(text))


class TestNeverCrashes:
    """Any Unicode input scans, and the findings are well-formed."""

    @settings(max_examples=300)
    @given(st.text(max_size=400))
    def test_any_text(self, text: str) -> None:
        findings = gate_for().scan(text)
        assert all(0 <= f.start < f.end <= len(text) for f in findings)
        assert all(text[f.start : f.end] == f.text for f in findings)
        assert all(a.end <= b.start for a, b in zip(findings, findings[1:], strict=False))

    @given(
        st.lists(
            st.one_of(
                st.sampled_from([f for _, f in CASES]),
                st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
            ),
            max_size=10,
        )
    )
    def test_names_among_odd_characters(self, pieces: list[str]) -> None:
        text = "".join(pieces)
        findings = gate_for().scan(text)
        assert all(text[f.start : f.end] == f.text for f in findings)

    def test_empty_roster(self) -> None:
        assert [] == Gate([]).scan("Anyone at all, Dr. Who.")
