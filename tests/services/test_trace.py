"""`trace`: the copy a leaked aide-mémoire came from, from its PDF or from a retyped excerpt."""

# Seeded pseudo-random numbers simulate a person retyping a page; nothing here is a secret.

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from backchannel.domain.errors import BadInputError
from backchannel.services import aide_memoire
from backchannel.services.aide_memoire import CopyLine
from backchannel.services.trace import EXCERPT_WORDS, Leak, trace, trace_leak
from backchannel.services.workspace import Workspace, open_workspace


@pytest.fixture(scope="module")
def ws(
    demo: Path, demo_passphrase: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Workspace]:
    copy = tmp_path_factory.mktemp("ws") / "w.bch"
    shutil.copyfile(demo / "workspace.bch", copy)
    opened = open_workspace(copy, demo_passphrase)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def copies(ws: Workspace) -> tuple[CopyLine, ...]:
    return aide_memoire.register(ws)


def body_words(path: Path) -> list[str]:
    """The words a person would retype from the copy: no header or footer, no copy number,
    nothing invisible."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    text = re.sub(r"\[bc:[0-9A-Z]{6}\]", " ", text)
    keep = [
        line
        for line in text.splitlines()
        if not re.search(r"copy \d+ of \d+|\bcopy\b.*\bregister|confidential|—", line, re.I)
    ]
    return " ".join(keep).split()


def retype(words: list[str], rng: random.Random, typos: int = 6) -> str:
    """Lower case, punctuation dropped, lines reflowed, a few typos."""
    plain = [w for w in (re.sub(r"[^\w'-]", "", w.lower()) for w in words) if w]
    for _ in range(typos):
        i = rng.randrange(len(plain))
        w = plain[i]
        if len(w) > 3:
            j = rng.randrange(len(w) - 1)
            plain[i] = rng.choice(
                (w[:j] + "e" + w[j + 1 :], w[:j] + w[j + 1 :], w[:j] + w[j + 1] + w[j] + w[j + 2 :])
            )
    lines = [" ".join(plain[i : i + 11]) for i in range(0, len(plain), 11)]
    return "\n".join(lines)


class TestFromThePdf:
    """Each copy's PDF names its copy, its office, with the wording and both marks agreeing."""

    def test_each_copy(self, ws: Workspace, demo: Path, copies: tuple[CopyLine, ...]) -> None:
        assert 6 == len(copies)
        for c in copies:
            found = trace(ws, demo / f"aide-memoire-{c.code}.pdf")
            assert (c.code, c.number, 6, c.interlocutor, c.name) == (
                found.code,
                found.number,
                found.total,
                found.interlocutor,
                found.recipient,
            )
            assert found.confidence > 0.999
            assert {"wording", "keywords", "hidden mark"} == {
                clue.source for clue in found.clues if clue.code == c.code
            }
            assert f"copy {c.number} of 6 of the aide-mémoire" in found.message

    def test_the_wording_alone_when_the_marks_are_stripped(
        self,
        ws: Workspace,
        demo: Path,
        demo_passphrase: str,
        copies: tuple[CopyLine, ...],
        tmp_path: Path,
    ) -> None:
        c = copies[2]
        stripped = tmp_path / "stripped.txt"
        stripped.write_text(" ".join(body_words(demo / f"aide-memoire-{c.code}.pdf")), "utf-8")
        found = trace(ws, stripped)
        assert c.code == found.code
        assert ["wording"] == [clue.source for clue in found.clues]


class TestFromARetypedExcerpt:
    """300 words retyped from any part of a copy (lower case, no punctuation, new line
    breaks, typos) name the copy, without its number or code."""

    @pytest.mark.parametrize("part", [0.0, 0.4, 1.0])
    def test_each_copy(
        self,
        ws: Workspace,
        demo: Path,
        demo_passphrase: str,
        copies: tuple[CopyLine, ...],
        part: float,
    ) -> None:
        for c in copies:
            words = body_words(demo / f"aide-memoire-{c.code}.pdf")
            start = int(part * (len(words) - EXCERPT_WORDS))
            rng = random.Random(f"{c.code}-{part}")
            excerpt = retype(words[start : start + EXCERPT_WORDS], rng)
            assert c.code not in excerpt.upper() and "copy" not in excerpt
            found = trace_leak(ws, Leak(excerpt))
            assert c.code == found.code, found.message
            assert found.confidence >= 0.95
            assert EXCERPT_WORDS == found.words

    def test_too_short(self, ws: Workspace, demo: Path, copies: tuple[CopyLine, ...]) -> None:
        words = body_words(demo / f"aide-memoire-{copies[0].code}.pdf")
        found = trace_leak(ws, Leak(retype(words[200:240], random.Random(1))))
        assert not found.found
        assert found.message.startswith("cannot tell which aide-mémoire copy this is")
        assert "The text has 40 words; an excerpt needs 300 or more." in found.message

    def test_another_document(self, ws: Workspace, demo: Path) -> None:
        found = trace(ws, demo / "nonpaper.md")
        assert not found.found and 0.0 == found.confidence


class TestMarks:
    """Marks are weighed with the wording; a contradicting mark is reported, not trusted."""

    def test_a_mark_alone(self, ws: Workspace, copies: tuple[CopyLine, ...]) -> None:
        found = trace_leak(ws, Leak("a short note", hidden=(copies[1].code,)))
        assert copies[1].code == found.code
        assert 0.9 == pytest.approx(found.confidence)

    def test_a_mark_against_the_wording(
        self, ws: Workspace, demo: Path, demo_passphrase: str, copies: tuple[CopyLine, ...]
    ) -> None:
        a, b = copies[0], copies[1]
        words = body_words(demo / f"aide-memoire-{a.code}.pdf")
        found = trace_leak(ws, Leak(retype(words[:400], random.Random(2)), keywords=(b.code,)))
        assert a.code == found.code
        assert f"also carries the mark of {b.code}" in found.message
        assert found.confidence <= 0.5

    def test_an_unknown_code(self, ws: Workspace) -> None:
        found = trace_leak(ws, Leak("nothing", hidden=("ZZZZZZ",)))
        assert not found.found
        assert ["ZZZZZZ: not a code in the register"] == [
            c.detail for c in found.clues if c.source == "hidden mark"
        ]

    def test_a_brief_copy_is_recognised(self, ws: Workspace, demo: Path) -> None:
        brief = sorted(demo.glob("brief-*.pdf"))
        assert brief
        found = trace(ws, brief[0])
        assert not found.found
        assert "brief copy" in found.message


class TestBadInput:
    """A file that cannot be read is bad input, named in the message."""

    def test_missing(self, ws: Workspace, tmp_path: Path) -> None:
        with pytest.raises(BadInputError, match="no such file"):
            trace(ws, tmp_path / "nope.pdf")

    def test_binary(self, ws: Workspace, tmp_path: Path) -> None:
        junk = tmp_path / "junk.bin"
        junk.write_bytes(b"\x00\x01\x02" * 100)
        with pytest.raises(BadInputError, match="neither a PDF nor a text file"):
            trace(ws, junk)

    def test_broken_pdf(self, ws: Workspace, tmp_path: Path) -> None:
        broken = tmp_path / "broken.pdf"
        broken.write_bytes(b"%PDF-1.7\n garbage")
        with pytest.raises(BadInputError, match="not a readable PDF"):
            trace(ws, broken)
