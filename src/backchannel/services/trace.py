"""`trace`: which numbered copy a leaked document came from (DESIGN.md invariant 4).

Given a PDF, it reads the text and the marks (the copy's code in the PDF keywords and in
the white text on each section); given a plain-text excerpt (retyped, say) it reads the
wording. The wording is compared with every registered aide-mémoire copy
(domain/fingerprint.py); the marks are looked up in the register. Agreeing clues raise the
confidence; marks that contradict the wording are reported (marks are easy to alter, the
wording much less). A brief copy's printed code is looked up too.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from backchannel.domain.errors import BadInputError
from backchannel.domain.fingerprint import CopyPrint, Identification, identify
from backchannel.readers._archive import check_zip
from backchannel.services.aide_memoire import MARK
from backchannel.services.workspace import Workspace
from backchannel.store import outputs_repository, repository
from backchannel.store.outputs_repository import CopyRecord

MAX_BYTES = 50 * 1024 * 1024
MARK_CONFIDENCE = 0.9  # a mark alone: it could have been copied from another file
EXCERPT_WORDS = 300
_MARK = re.compile(rf"\[?\s*{MARK}\s*:\s*([0-9A-Z]{{6}})\s*\]?")
_CODE = re.compile(r"\b[0-9A-Z]{6}\b")


@dataclass(frozen=True, slots=True)
class Clue:
    """What one source in the file says: the copy code it points to, or None."""

    source: str  # wording | keywords | hidden mark | brief code
    code: str | None
    detail: str


@dataclass(frozen=True, slots=True)
class Trace:
    """The copy a file came from, with a confidence (0 to 1), or why it cannot tell."""

    code: str | None
    confidence: float
    message: str
    clues: tuple[Clue, ...]
    edition: str | None = None
    number: int | None = None
    total: int | None = None
    interlocutor: str | None = None
    recipient: str | None = None
    words: int = 0

    @property
    def found(self) -> bool:
        return self.code is not None


@dataclass(frozen=True, slots=True)
class Leak:
    """What was read from a file: its text and the codes in its marks."""

    text: str
    keywords: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    pdf: bool = False


def read_leak(path: Path) -> Leak:
    """The text of a PDF (with its marks), a DOCX, or a plain-text file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadInputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise BadInputError("is a folder, not a file", file=str(path)) from None
    except OSError as error:
        raise BadInputError(f"cannot read it ({error.strerror})", file=str(path)) from None
    if len(raw) > MAX_BYTES:
        raise BadInputError(f"is larger than {MAX_BYTES // 2**20} MB", file=path.name)
    if raw.startswith(b"%PDF"):
        return _read_pdf(raw, path.name)
    if raw.startswith(b"PK") and path.suffix.lower() == ".docx":
        from docx import Document

        check_zip(raw, path.name)
        doc = Document(io.BytesIO(raw))
        return Leak("\n".join(p.text for p in doc.paragraphs))
    if b"\x00" in raw[:4096]:
        raise BadInputError("is neither a PDF nor a text file", file=path.name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return Leak(text, hidden=tuple(_MARK.findall(text)))


def _read_pdf(raw: bytes, name: str) -> Leak:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        meta = reader.metadata
        keywords = str(meta.get("/Keywords", "")) if meta else ""
    except (PdfReadError, ValueError, KeyError) as error:
        raise BadInputError(f"is not a readable PDF ({error})", file=name) from None
    return Leak(text, tuple(_MARK.findall(keywords)), tuple(_MARK.findall(text)), pdf=True)


def _clues(leak: Leak, found: Identification, copies: dict[str, CopyRecord]) -> list[Clue]:
    clues = []
    best = found.best
    if best is not None:
        clues.append(
            Clue(
                "wording",
                best.code,
                f"{best.agree} of {best.seen} marked sentences have the wording of copy "
                f"{best.code} ({best.confidence:.1%})",
            )
        )
    else:
        clues.append(Clue("wording", None, found.reason))
    for source, codes in (("keywords", leak.keywords), ("hidden mark", leak.hidden)):
        for code in dict.fromkeys(codes):
            known = code in copies
            detail = "a registered copy" if known else "not a code in the register"
            clues.append(Clue(source, code if known else None, f"{code}: {detail}"))
    return clues


def _brief_clue(ws: Workspace, text: str) -> Clue | None:
    from backchannel.services.brief import trace_copy

    for code in dict.fromkeys(_CODE.findall(text)):
        holder = trace_copy(ws, code)
        if holder is not None:
            return Clue(
                "brief code", None, f"brief copy {holder[1]} ({code}), issued to {holder[0]}"
            )
    return None


def trace_leak(ws: Workspace, leak: Leak) -> Trace:
    """Name the copy `leak` came from, weighing the wording and the marks."""
    with ws.read() as conn:
        copies = {c.code: c for c in outputs_repository.load_copies(conn)}
        dialogue = repository.load_dialogue(conn)
    names = {i.code: i.name for i in (dialogue.interlocutors if dialogue else ())}
    words = len(leak.text.split())
    found = identify(leak.text, [CopyPrint(c.code, c.slots) for c in copies.values()])
    clues = _clues(leak, found, copies)
    pointed = [c.code for c in clues if c.code is not None]
    if not pointed:
        brief = _brief_clue(ws, leak.text)
        extra = (brief,) if brief else ()
        short = (
            f" The text has {words} words; an excerpt needs {EXCERPT_WORDS} or more."
            if words < EXCERPT_WORDS and not leak.pdf
            else ""
        )
        message = f"cannot tell which aide-mémoire copy this is: {found.reason}.{short}"
        if brief:
            message += f" It carries the code of a {brief.detail}."
        return Trace(None, 0.0, message, (*clues, *extra), words=words)
    wording = found.best.code if found.best else None
    code = wording or max(set(pointed), key=pointed.count)
    doubt = 1.0
    for clue in clues:
        if clue.code == code:
            sure = found.best.confidence if clue.source == "wording" and found.best else None
            doubt *= 1 - (MARK_CONFIDENCE if sure is None else sure)
    confidence = 1 - doubt
    record = copies[code]
    total = sum(1 for c in copies.values() if c.edition == record.edition)
    recipient = names.get(record.interlocutor, record.interlocutor)
    message = (
        f"copy {record.number} of {total} of the aide-mémoire ({record.edition}), code "
        f"{code}, registered to {recipient}"
    )
    against = sorted({c.code for c in clues if c.code is not None and c.code != code})
    if against:
        confidence /= 2
        message += (
            f"; but the file also carries the mark of {', '.join(against)}: marks are easy "
            "to alter, so the wording is trusted over them"
            if wording
            else f"; other marks point to {', '.join(against)}"
        )
    return Trace(
        code=code,
        confidence=confidence,
        message=message,
        clues=tuple(clues),
        edition=record.edition,
        number=record.number,
        total=total,
        interlocutor=record.interlocutor,
        recipient=recipient,
        words=words,
    )


def trace(ws: Workspace, file: Path) -> Trace:
    """Which registered copy a leaked PDF, DOCX or text excerpt came from."""
    return trace_leak(ws, read_leak(file))
