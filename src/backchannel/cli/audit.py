"""`backchannel audit verify/show`: the hash-chained record of who did what."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.output import EXIT_BLOCKED, emit, exit_with
from backchannel.domain.audit import AuditEntry, AuditReport, parse_anchor
from backchannel.i18n import gettext, ngettext
from backchannel.services import audit as audit_service

audit_app = typer.Typer(
    help=(
        "The audit log: logins, exports, consents, role changes and approved gate findings, "
        "each entry hash-chained to the one before so that tampering shows."
    ),
    no_args_is_help=True,
)
root.add_typer(audit_app, name="audit")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
SHORT = 12  # hex digits of a hash shown to people; enough to anchor


def report_json(report: AuditReport) -> dict[str, object]:
    f = report.finding
    return {
        "intact": report.intact,
        "entries": report.count,
        "head": {"seq": report.count, "hash": report.head_hash},
        "finding": None
        if f is None
        else {"seq": f.seq, "breach": f.breach.value, "reason": f.reason, "message": f.message()},
    }


def report_line(report: AuditReport, anchors: int = 0) -> str:
    if report.finding is not None:
        # TRANSLATORS: %(finding)s says which entry was edited, removed or inserted (English).
        return gettext("Audit log broken: %(finding)s.") % {"finding": report.finding.message()}
    if report.count == 0:
        return gettext("Audit log intact: no entries yet.")
    agreeing = (
        # TRANSLATORS: put inside "Audit log intact: 12 entries, agreeing with 2 anchors."
        ngettext(", agreeing with %(num)s anchor", ", agreeing with %(num)s anchors", anchors)
        % {"num": anchors}
        if anchors
        else ""
    )
    anchor = f"{report.count}:{report.head_hash[:SHORT]}"
    # TRANSLATORS: %(anchor)s is SEQ:HASH, to be typed back after --anchor; %(agreeing)s is
    # ", agreeing with 2 anchors" or nothing.
    return ngettext(
        "Audit log intact: %(count)s entries%(agreeing)s. Note the anchor %(anchor)s "
        "outside the workspace and check it later with --anchor %(anchor)s.",
        "Audit log intact: %(count)s entries%(agreeing)s. Note the anchor %(anchor)s "
        "outside the workspace and check it later with --anchor %(anchor)s.",
        report.count,
    ) % {
        "count": report.count,
        "agreeing": agreeing,
        "anchor": anchor,
    }


@audit_app.command("verify")
def verify(
    ctx: typer.Context,
    anchor: Annotated[
        list[str] | None,
        typer.Option(
            help="SEQ:HASH noted earlier (from this command); the log must still agree. "
            "Repeatable.",
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Recompute every hash and link; exit 1 naming the first edited, removed, reordered
    or inserted entry."""
    anchors = [parse_anchor(a) for a in anchor or []]
    with ref(ctx).open() as ws:
        report = audit_service.verify(ws, anchors)
    line = report_line(report, len(anchors))
    emit(report_json(report), json_out, lambda c: c.print(line, markup=False))
    exit_with(0 if report.intact else EXIT_BLOCKED)


def entry_json(e: AuditEntry) -> dict[str, object]:
    return {
        "seq": e.seq,
        "at": e.at,
        "actor": e.actor,
        "action": e.action,
        "subject": e.subject,
        "details": e.details_object(),
        "prev_hash": e.prev_hash,
        "hash": e.hash,
    }


def show_entries(found: tuple[AuditEntry, ...], console: Console) -> None:
    """One line per entry, details indented below; nothing is cut off (hashes: --json)."""
    if not found:
        console.print(gettext("No audit entries yet."))
        return
    width = len(str(found[-1].seq))
    actor = max(len(e.actor) for e in found)
    action = max(len(e.action) for e in found)
    for e in found:
        line = f"{e.seq:>{width}}  {e.at}  {e.actor:<{actor}}  {e.action:<{action}}  {e.subject}"
        console.print(line.rstrip(), markup=False)
        details = ", ".join(f"{k}={v}" for k, v in e.details_object().items())
        if details:
            console.print(f"{'':>{width}}  {details}", markup=False)


@audit_app.command("show")
def show(
    ctx: typer.Context,
    last: Annotated[int | None, typer.Option(min=1, help="Only the last N entries.")] = None,
    action: Annotated[
        str | None, typer.Option(help="Only this action, e.g. export or consent.")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """List the entries: when, who (a role or account), what, to which document or id."""
    with ref(ctx).open() as ws:
        found = audit_service.entries(ws, last=last, action=action)
    emit([entry_json(e) for e in found], json_out, lambda c: show_entries(found, c))
