"""The documents a convenor hands out, and numbered copies of confidential ones."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from backchannel.domain import _validate as v
from backchannel.domain.dialogue import WORKING_LANGUAGES


class DocumentKind(enum.StrEnum):
    SCOPE_NOTE = "scope_note"
    RIPENESS_REPORT = "ripeness_report"
    BRIEF = "brief"
    NON_PAPER = "non_paper"
    AIDE_MEMOIRE = "aide_memoire"
    MEETING_RECORD = "meeting_record"
    ROSTER_REPORT = "roster_report"


class Distribution(enum.StrEnum):
    FACILITATORS = "facilitators"
    PARTICIPANTS = "participants"
    INTERLOCUTORS = "interlocutors"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class Document:
    """A rendered document: its kind, title, who may read it, and its copy code if any."""

    kind: DocumentKind
    title: str
    distribution: Distribution
    copy_code: str | None = None
    recipient: str | None = None

    def __post_init__(self) -> None:
        v.text(self.title, "title", max_len=300)


# --- a document's files in the working languages --------------------------------------------


def in_language(filename: str, lang: str | None) -> str:
    """The file name of a document in a working language other than the first:
    `nonpaper.pdf` -> `nonpaper.ar.pdf`, and `nonpaper.en-ar.pdf` for a bilingual one.
    None: the name as it is (the first working language)."""
    if not lang:
        return filename
    stem, dot, ext = filename.rpartition(".")
    return f"{stem}.{lang}.{ext}" if dot else f"{filename}.{lang}"


def language_tag(filename: str) -> tuple[str, str | None]:
    """(the name without its language tag, the tag): `brief-K7Q2.ru.pdf` ->
    (`brief-K7Q2.pdf`, "ru"); a name without one -> (name, None). Only the languages
    documents are written in count as tags."""
    parts = filename.split(".")
    if len(parts) >= 3:
        tag = parts[-2]
        if tag and all(code in WORKING_LANGUAGES for code in tag.split("-")):
            return ".".join([*parts[:-2], parts[-1]]), tag
    return filename, None
