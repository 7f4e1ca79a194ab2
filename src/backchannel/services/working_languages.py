"""Documents in the dialogue's working languages.

Each document is built once per working language (`i18n.speaking`), in that language's
headings, labels, dates and numbers; what people wrote stays as written. The first
language's files keep their plain names (`nonpaper.pdf`), each other's carry its code
(`nonpaper.ar.pdf`, `aide-memoire-K7Q2.ar.pdf`): the same shelves, the same readers, and
numbered copies keep their code in every language, so `trace` tells a copy in any of them.
A dialogue with no working language recorded gets its documents in the language being
spoken (`--lang`, the page's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from backchannel import i18n
from backchannel.domain.dialogue import Dialogue
from backchannel.domain.documents import in_language
from backchannel.services.documents import Outgoing
from backchannel.services.workspace import Workspace
from backchannel.store import repository


def dialogue_of(ws: Workspace) -> Dialogue | None:
    with ws.read() as conn:
        return repository.load_dialogue(conn)


def languages_of(dialogue: Dialogue | None) -> tuple[str, ...]:
    """The languages documents are written in, the first the one filed under plain names."""
    if dialogue is not None and dialogue.languages:
        return dialogue.languages
    return (i18n.current(),)


def bilingual_pair(dialogue: Dialogue | None) -> tuple[str, str] | None:
    """The two languages of the two-column non-paper, when the dialogue asks for one."""
    if dialogue is None or not dialogue.bilingual or len(dialogue.languages) < 2:
        return None
    return dialogue.languages[0], dialogue.languages[1]


def _spoken(doc: Outgoing, lang: str, tagged: bool) -> Outgoing:
    """The document filed under its language's name, and typeset in that language when it
    is produced (rendering is lazy, after the loop over languages has moved on)."""
    produce = doc.produce

    def made() -> bytes:
        with i18n.speaking(lang):
            return produce()

    return replace(doc, filename=in_language(doc.filename, lang if tagged else None), produce=made)


def in_each_language(
    languages: tuple[str, ...], build: Callable[[Path | None], list[Outgoing]], workdir: Path | None
) -> list[Outgoing]:
    """`build` once per language, each in its own drawing folder under `workdir` (charts
    and maps of one language must not overwrite another's before they are typeset)."""
    out: list[Outgoing] = []
    for n, lang in enumerate(languages):
        folder = None
        if workdir is not None:
            folder = workdir / lang if len(languages) > 1 else workdir
            folder.mkdir(parents=True, exist_ok=True)
        with i18n.speaking(lang):
            docs = build(folder)
        out += [_spoken(doc, lang, tagged=n > 0) for doc in docs]
    return out


def each_working_language(
    ws: Workspace, build: Callable[[Path | None], list[Outgoing]], workdir: Path | None = None
) -> list[Outgoing]:
    """`build` in each of the workspace's dialogue's working languages."""
    return in_each_language(languages_of(dialogue_of(ws)), build, workdir)
