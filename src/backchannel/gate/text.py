"""Reading documents as text for the gate, and writing redacted copies.

- .txt and .md: the file decoded as UTF-8, as it is (a byte-order mark stays a character,
  so offsets are those of Python's own decoding).
- .docx: every paragraph of the body, tables included, in document order, then those of
  the headers and footers, joined with "\\n"; tabs and line breaks inside a paragraph are
  "\\t" and "\\n". The redacted copy of a .docx is a .docx: each replacement goes into the
  run where the mention starts, keeping that run's formatting; the rest of the mention is
  cut from the runs it spans.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backchannel.domain.errors import BadInputError
from backchannel.gate.redact import LAST_RESORT, MAX_PASSES, Replacement, plan

if TYPE_CHECKING:
    from backchannel.gate.scan import Gate

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
SUFFIXES = TEXT_SUFFIXES | {".docx"}
MAX_BYTES = 100 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FIXED = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _check(path: Path) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BadInputError("no such file", file=str(path)) from None
    except OSError as error:
        raise BadInputError(f"cannot read it ({error.strerror})", file=str(path)) from None
    if path.is_dir():
        raise BadInputError("is a folder, not a file", file=str(path))
    if path.suffix.lower() not in SUFFIXES:
        raise BadInputError(
            f"'{path.suffix or 'no suffix'}' is not supported: give a .txt, .md or .docx file",
            file=path.name,
        )
    if size > MAX_BYTES:
        raise BadInputError(f"is larger than {MAX_BYTES // (1024 * 1024)} MB", file=path.name)


def read_document(path: Path) -> str:
    """The text the gate scans, for a .txt, .md or .docx file."""
    _check(path)
    if path.suffix.lower() == ".docx":
        return DocxText.load(path).text
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BadInputError("is not UTF-8 text", file=path.name, row=line) from None


@dataclass(slots=True)
class _Node:
    element: Any
    start: int
    end: int
    editable: bool


@dataclass(slots=True)
class DocxText:
    """A .docx file's text, with the way back to the XML elements that hold it."""

    document: Any
    text: str = ""
    nodes: list[_Node] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> DocxText:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import XMLSyntaxError

        _check(path)
        try:
            document = docx.Document(str(path))
        except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, XMLSyntaxError):
            raise BadInputError("is not a readable .docx file", file=path.name) from None
        out = cls(document)
        out.refresh()
        return out

    def _paragraphs(self) -> list[Any]:
        seen: set[int] = set()
        roots = [self.document.element.body]
        for section in self.document.sections:
            for part in (section.header, section.footer):
                if not part.is_linked_to_previous:
                    roots.append(part._element)
        paragraphs = []
        for root in roots:
            for p in root.iter(f"{_W}p"):
                if id(p) not in seen:
                    seen.add(id(p))
                    paragraphs.append(p)
        return paragraphs

    def refresh(self) -> None:
        """Read the text again from the XML (after replacements)."""
        pieces: list[str] = []
        nodes: list[_Node] = []
        pos = 0
        for i, p in enumerate(self._paragraphs()):
            if i:
                pieces.append("\n")
                pos += 1
            for el in p.iter(f"{_W}t", *_FIXED):
                owner = next(el.iterancestors(f"{_W}p"), None)
                if owner is not p:
                    continue
                if el.tag == f"{_W}t":
                    value = el.text or ""
                    nodes.append(_Node(el, pos, pos + len(value), True))
                else:
                    value = _FIXED[el.tag]
                    nodes.append(_Node(el, pos, pos + len(value), False))
                pieces.append(value)
                pos += len(value)
        self.text = "".join(pieces)
        self.nodes = nodes

    def replace(self, replacements: list[Replacement]) -> None:
        """Make the replacements (offsets into `text`) in the XML, then refresh `text`."""
        for r in sorted(replacements, key=lambda x: x.start, reverse=True):
            placed = False
            for node in self.nodes:
                if node.end <= r.start or node.start >= r.end:
                    if node.start >= r.end:
                        break
                    continue
                if not node.editable:
                    parent = node.element.getparent()
                    if parent is not None:
                        parent.remove(node.element)
                    continue
                value = node.element.text or ""
                lo = max(r.start - node.start, 0)
                hi = min(r.end - node.start, len(value))
                middle = "" if placed else r.text
                node.element.text = value[:lo] + middle + value[hi:]
                if middle or value[:lo] + value[hi:] != value:
                    node.element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                placed = True
        self.refresh()

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def redacted_bytes(gate: Gate, path: Path) -> tuple[bytes, int]:
    """The redacted copy of a .txt, .md or .docx file, and how many mentions it replaced."""
    if path.suffix.lower() != ".docx":
        text = read_document(path)
        count = len(gate.scan(text))
        return gate.redact(text).encode("utf-8"), count
    doc = DocxText.load(path)
    count = 0
    for passes in range(MAX_PASSES + 1):
        findings = gate.scan(doc.text)
        if not findings:
            break
        count += len(findings) if passes == 0 else 0
        if passes == MAX_PASSES:
            doc.replace([Replacement(f.start, f.end, LAST_RESORT) for f in findings])
        else:
            doc.replace(plan(gate, doc.text, findings))
    return doc.to_bytes(), count
