"""The only export door: every document is scanned by the gate before a byte is written.

A document is described by its data (every string the reader will see, grouped by section)
and a `produce` function that renders the bytes. The gate scans the data, section by
section; a finding that names a participant stops the export with a message naming the
section, the paragraph and the kind of finding, never the name itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backchannel.domain.documents import DocumentKind
from backchannel.domain.errors import BlockingFindingError
from backchannel.domain.people import Candidate
from backchannel.services._files import write_atomic
from backchannel.services._gate import GateFinding, scan_for_participants


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A document on its way out."""

    filename: str
    kind: DocumentKind
    data: Mapping[str, Any]
    produce: Callable[[], bytes]
    extra_text: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Blocked:
    section: str
    paragraph: int
    kind: str


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def sections(doc: Outgoing) -> Iterator[tuple[str, list[str]]]:
    """Every visible string of the document, by top-level section."""
    for key, value in doc.data.items():
        yield key, list(_strings(value))
    for key, text in doc.extra_text.items():
        yield key, [p for p in text.split("\n\n") if p.strip()]


def gate_document(doc: Outgoing, roster: Sequence[Candidate]) -> list[Blocked]:
    blocked: list[Blocked] = []
    for section, paragraphs in sections(doc):
        for number, paragraph in enumerate(paragraphs, 1):
            hits: list[GateFinding] = scan_for_participants(paragraph, roster)
            blocked.extend(Blocked(section, number, hit.kind) for hit in hits)
    return blocked


def export_documents(
    docs: Sequence[Outgoing], outdir: Path, roster: Sequence[Candidate]
) -> list[Path]:
    """Gate every document first; only when all pass, render and write each one."""
    problems = [(doc, b) for doc in docs for b in gate_document(doc, roster)]
    if problems:
        first_doc, first = problems[0]
        raise BlockingFindingError(
            f"{first_doc.filename}: the gate found a participant's {first.kind} in section "
            f"'{first.section}', paragraph {first.paragraph}"
            + (f" (and {len(problems) - 1} more finding(s))" if len(problems) > 1 else "")
            + "; nothing was written. Remove or neutralise it, then export again."
        )
    rendered = [(doc.filename, doc.produce()) for doc in docs]  # all or nothing
    return [write_atomic(outdir / name, data) for name, data in rendered]
