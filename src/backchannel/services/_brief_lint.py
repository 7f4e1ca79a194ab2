"""The neutrality linter on the brief's words and on any text file.

A finding in the brief is placed by section and paragraph and gets a stable id (from its
kind and its words), so that a facilitator can approve it as intended once.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backchannel.domain.errors import BadInputError
from backchannel.domain.neutrality import NeutralityFinding, NeutralityLinter
from backchannel.evidence.lexicon import merge_lexicons, read_lexicon, read_places, shipped_lexicon
from backchannel.services import _brief_content as content

DOCUMENT = "brief"


def finding_id(finding: NeutralityFinding) -> str:
    folded = unicodedata.normalize("NFKC", finding.text).casefold()
    key = "\0".join(("neutrality", DOCUMENT, finding.kind, " ".join(folded.split())))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class PlacedFinding:
    finding: NeutralityFinding
    section: str
    paragraph: int
    finding_id: str

    def describe(self) -> str:
        return (
            f"section '{self.section}', paragraph {self.paragraph}: {self.finding.kind} "
            f"'{self.finding.text[:60]}' (finding {self.finding_id}). {self.finding.suggestion}"
        )


def _placed(data: dict[str, Any], lint: NeutralityLinter) -> list[PlacedFinding]:
    text, offsets = content.lint_text(content.lint_parts(data))
    placed = []
    for finding in lint.lint(text):
        _start, section, paragraph = next(o for o in reversed(offsets) if o[0] <= finding.start)
        placed.append(PlacedFinding(finding, section, paragraph, finding_id(finding)))
    return placed


def lint_brief(
    data: dict[str, Any], lint: NeutralityLinter, english: dict[str, Any] | None = None
) -> list[PlacedFinding]:
    """Every neutrality finding in the brief's words, placed by section and paragraph.

    `english`, for a brief in another language, is the same brief in English: the evidence
    (written in whatever language) is then read as it is in an English brief, so that the
    translated words around it cannot change how it is read, and the findings there are
    added to those of the brief as the reader sees it, once each.
    """
    placed = _placed(data, lint)
    if english is not None:
        seen = {p.finding_id for p in placed}
        placed += [p for p in _placed(english, lint) if p.finding_id not in seen]
    return placed


MAX_LINT_BYTES = 20 * 1024 * 1024


def read_plain_text(path: Path) -> str:
    """A text file decoded as UTF-8 as it is (no newline translation, a BOM kept), so that
    offsets are Python string indices into `path.read_bytes().decode("utf-8")`."""
    try:
        if path.is_dir():
            raise BadInputError("is a folder, not a text file", file=str(path))
        size = path.stat().st_size
    except FileNotFoundError:
        raise BadInputError("no such file", file=str(path)) from None
    except OSError as error:
        raise BadInputError(f"cannot read it ({error.strerror})", file=str(path)) from None
    if size > MAX_LINT_BYTES:
        raise BadInputError(f"is larger than {MAX_LINT_BYTES // (1024 * 1024)} MB", file=path.name)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BadInputError("is not UTF-8 text", file=path.name, row=line) from None


def lint_file(
    path: Path, *, places: Path | None = None, lexicon: Path | None = None
) -> tuple[str, list[NeutralityFinding]]:
    """The text of `path` and its neutrality findings, with the shipped lexicon plus
    `lexicon` (if given) and the contested places of `places` (if given)."""
    text = read_plain_text(path)
    terms = merge_lexicons(shipped_lexicon(), read_lexicon(lexicon) if lexicon else ())
    found_places = read_places(places) if places else ()
    return text, NeutralityLinter(terms, found_places).lint(text)
