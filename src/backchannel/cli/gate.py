"""`backchannel gate scan/redact`: pillar 3, the non-attribution gate.

The human listing names each finding by line, column, kind and the participant's roster
id, never by the words found: a terminal's scroll-back, a shared screen or a CI log must
not become the leak the gate exists to stop. `--json` prints the text found, for scripts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from backchannel.atomic import write_atomic
from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import EXIT_BLOCKED, emit, exit_with, styled
from backchannel.domain.errors import BadInputError
from backchannel.gate import Finding, Gate
from backchannel.gate.lang.detect import LANGUAGE_NAMES, language_at, paragraphs
from backchannel.gate.scripts import script_of
from backchannel.gate.text import read_document, redacted_bytes
from backchannel.gate.translated import Unchecked
from backchannel.i18n import gettext, ngettext
from backchannel.readers.candidates import read_candidates
from backchannel.services.documents import approve_finding

gate_app = typer.Typer(
    help=(
        "Pillar 3: the non-attribution gate. Finds every way notes mention a participant "
        "(names in all their forms, aliases, affiliations, titles, descriptors that single "
        "one out) and redacts them."
    ),
    no_args_is_help=True,
)
root.add_typer(gate_app, name="gate")

FileArg = Annotated[
    Path, typer.Argument(help="The document: .txt, .md or .docx.", show_default=False)
]
RosterOpt = Annotated[
    Path,
    typer.Option("--roster", help="The roster (candidates CSV layout).", show_default=False),
]
KOpt = Annotated[
    int,
    typer.Option(
        "--k",
        min=1,
        help="A descriptor is reported when it fits fewer than K participants.",
    ),
]


def _gate(roster: Path, k: int) -> Gate:
    return Gate(read_candidates(roster), k=k)


def findings_json(
    findings: list[Finding], text: str = "", unchecked: list[Unchecked] | None = None
) -> dict[str, object]:
    """The documented JSON: each finding with the script of its words and the language of
    its paragraph (ISO 639-1), and the titles the gate could not check in a language."""
    paras = paragraphs(text) if text else []
    out: list[dict[str, object]] = []
    for f in findings:
        para = language_at(paras, f.start)
        out.append(
            {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "kind": f.kind,
                "participant": f.participant,
                "script": script_of(f.text),
                "language": para.language if para else "en",
            }
        )
    result: dict[str, object] = {"findings": out}
    if unchecked is not None:
        result["unchecked"] = [
            {"participant": u.participant, "field": u.field, "language": u.language}
            | {"words": list(u.words)}
            for u in unchecked
        ]
    return result


def show_unchecked(unchecked: list[Unchecked], console: Console) -> None:
    """Say which titles and affiliations could not be looked for in a language."""
    whole: dict[str, int] = {}
    for u in unchecked:
        if not u.words:
            whole[u.language] = whole.get(u.language, 0) + 1
            continue
        # TRANSLATORS: %(field)s (title or affiliation) and %(language)s (a language's
        # English name) stay in English; %(participant)s is a roster id.
        said = gettext(
            "unchecked: the %(field)s of %(participant)s in %(language)s "
            "(no entry for: %(words)s); read those paragraphs yourself."
        )
        values = {
            "field": u.field,
            "participant": u.participant,
            "language": LANGUAGE_NAMES[u.language],
            "words": ", ".join(u.words),
        }
        console.print(said % values, markup=False)
    for language, count in whole.items():
        # TRANSLATORS: %(language)s is a language's English name.
        said = ngettext(
            "unchecked: %(count)s titles and affiliations in %(language)s "
            "(the gate has no lexicon for it); read those paragraphs yourself.",
            "unchecked: %(count)s titles and affiliations in %(language)s "
            "(the gate has no lexicon for it); read those paragraphs yourself.",
            count,
        )
        console.print(said % {"count": count, "language": LANGUAGE_NAMES[language]}, markup=False)


def show_findings(text: str, findings: list[Finding], console: Console) -> None:
    """One line per finding: where, what kind, whose roster id; never the words found."""
    if not findings:
        # TRANSLATORS: the gate's verdict on a document, before what it found nothing of.
        clean = styled(gettext("Clean:"), "green")
        console.print(f"{clean} " + gettext("no participant is named or singled out."))
        return
    line, line_start, pos = 1, 0, 0
    for f in findings:
        while pos < f.start:
            nl = text.find("\n", pos, f.start)
            if nl < 0:
                break
            line += 1
            line_start = nl + 1
            pos = nl + 1
        column = f.start - line_start + 1
        # TRANSLATORS: shown in place of a roster id, for a finding that names no participant.
        who = f.participant or gettext("not a participant")
        chars = f.end - f.start
        # TRANSLATORS: one finding: where it is (line, column), its kind (in English), whose
        # roster id, and the length of the words found (never the words).
        said = ngettext(
            "line %(line)s, col %(column)s  %(kind)s %(who)s  (%(chars)s chars)",
            "line %(line)s, col %(column)s  %(kind)s %(who)s  (%(chars)s chars)",
            chars,
        )
        values = {
            "line": f"{line:>5}",
            "column": f"{column:>3}",
            "kind": f"{f.kind:<11}",
            "who": who,
            "chars": chars,
        }
        console.print(said % values, markup=False)
    named = sum(1 for f in findings if f.participant)
    kinds = Counter(f.kind for f in findings)
    summary = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    # TRANSLATORS: %(kinds)s counts the findings by kind, in English: "name 2, title 1".
    said = ngettext(
        "%(num)s finding(s) name a participant (%(kinds)s). This document blocks.",
        "%(num)s finding(s) name a participant (%(kinds)s). This document blocks.",
        named,
    )
    console.print(said % {"num": named, "kinds": summary})


@gate_app.command("scan")
def scan(
    file: FileArg,
    roster: RosterOpt,
    k: KOpt = 2,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Scan a document. Exit 1 when a finding names a participant, 0 when clean."""
    gate = _gate(roster, k)
    text = read_document(file)
    findings = gate.scan(text)
    unchecked = gate.unchecked(text)

    def human(console: Console) -> None:
        show_findings(text, findings, console)
        show_unchecked(unchecked, console)

    emit(findings_json(findings, text, unchecked), json_out, human)
    exit_with(EXIT_BLOCKED if any(f.participant for f in findings) else 0)


def default_output(file: Path) -> Path:
    """FILE's stem + ".redacted" + its suffix, beside it."""
    return file.with_name(f"{file.stem}.redacted{file.suffix}")


@gate_app.command("redact")
def redact(
    file: FileArg,
    roster: RosterOpt,
    out: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write. Default: FILE.redacted.SUFFIX beside FILE; never FILE itself.",
            show_default=False,
        ),
    ] = None,
    k: KOpt = 2,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Write a copy with every finding replaced by a neutral placeholder."""
    target = out if out is not None else default_output(file)
    if target.resolve() == file.resolve():
        raise BadInputError(
            "the redacted copy would overwrite the original; give another --output",
            file=file.name,
        )
    if target.suffix.lower() != file.suffix.lower():
        raise BadInputError(
            f"the output must keep the suffix '{file.suffix}'", file=str(target), field="output"
        )
    gate = _gate(roster, k)
    data, replaced = redacted_bytes(gate, file)
    write_atomic(target, data)
    left = [f for f in gate.scan(read_document(target)) if f.participant]
    data_out = {"output": str(target), "replaced": replaced, "remaining": len(left)}

    def human(console: Console) -> None:
        said = ngettext(
            "Replaced %(num)s mention(s); wrote %(path)s.",
            "Replaced %(num)s mention(s); wrote %(path)s.",
            replaced,
        )
        console.print(said % {"num": replaced, "path": target}, markup=False)
        if left:
            said = ngettext(
                "%(num)s finding(s) remain: check the copy.",
                "%(num)s finding(s) remain: check the copy.",
                len(left),
            )
            console.print(said % {"num": len(left)}, markup=False)
        else:
            console.print(gettext("A scan of the copy finds nothing."), markup=False)

    emit(data_out, json_out, human)
    exit_with(EXIT_BLOCKED if left else 0)


@gate_app.command("approve")
def approve(
    ctx: typer.Context,
    finding: Annotated[
        str, typer.Argument(help="The finding id the export printed (12 hex digits).")
    ],
    document: Annotated[str, typer.Option(help="The document it was found in, e.g. brief.pdf.")],
    reason: Annotated[
        str, typer.Option(help="Why it is intended, e.g. 'public figure, named with consent'.")
    ],
) -> None:
    """Approve one blocked finding as intended, so the next export lets it through.

    The approval is kept in the workspace and recorded in the audit trail.
    """
    with ref(ctx).open() as ws:
        added = approve_finding(ws, finding, document, reason)
    said = (
        gettext("Approved finding %(finding)s in %(document)s; recorded in the audit trail.")
        if added
        else gettext("Finding %(finding)s was already approved.")
    )
    typer.echo(said % {"finding": finding, "document": document})
