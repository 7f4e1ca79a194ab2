"""`backchannel capture ...`: one command per kind of point, each in its own round.

Framing (statement, reframing), interests and constraints per party, options,
consequence tests per option and party, packages and their steps. No command takes a
person: a point carries at most a party. The text is gated against the candidate pool
before it is stored (exit 1 if it points to a participant); a point captured outside its
round is refused (exit 2) with the command that moves the meeting there.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from backchannel.cli.app import app as root
from backchannel.cli.context import ref
from backchannel.cli.meetings import MeetingOpt, PartyOpt
from backchannel.domain.capture import ConsequenceTest, Framing, FramingKind, ItemKind
from backchannel.i18n import gettext, ngettext
from backchannel.services import meetings as service

capture_app = typer.Typer(
    help="Capture a point in the current round, without attribution (a party at most).",
    no_args_is_help=True,
)
root.add_typer(capture_app, name="capture")


class InterestKind(StrEnum):
    interest = "interest"
    fear = "fear"
    red_line = "red-line"


class ConstraintKind(StrEnum):
    legal = "legal"
    political = "political"
    operational = "operational"


Text = Annotated[str, typer.Argument(help="The point, as the room put it (no names).")]


@capture_app.command("framing")
def capture_framing(
    ctx: typer.Context,
    text: Text,
    reframing: Annotated[bool, typer.Option(help="A reframing, not the first statement.")] = False,
    party: Annotated[
        str | None, typer.Option(help="A party code, for a party's reframing.")
    ] = None,
    meeting: MeetingOpt = None,
) -> None:
    """The problem as the room states it, or a reframing (framing round)."""
    kind = FramingKind.REFRAMING if reframing else FramingKind.STATEMENT
    with ref(ctx).open() as ws:
        service.capture_framing(ws, Framing(kind, text, party), meeting)
    if kind is FramingKind.REFRAMING:
        typer.echo(gettext("Captured a reframing."))
    else:
        typer.echo(gettext("Captured a statement."))


def _item(ctx: typer.Context, party: str, kind: str, text: str, meeting: int | None) -> None:
    with ref(ctx).open() as ws:
        item = service.capture_item(
            ws, party, ItemKind(kind.replace("-", "_")), text, number=meeting
        )
    # TRANSLATORS: %(kind)s stays in English: interest, fear, red line, legal, political or
    # operational.
    said = gettext("Captured %(code)s: party %(party)s, %(kind)s.")
    typer.echo(said % {"code": item.code, "party": item.party, "kind": item.kind.label})


@capture_app.command("interest")
def capture_interest(
    ctx: typer.Context,
    text: Text,
    party: PartyOpt,
    kind: Annotated[
        InterestKind, typer.Option(help="interest, fear or red-line.")
    ] = InterestKind.interest,
    meeting: MeetingOpt = None,
) -> None:
    """A party's interest, fear or red line (interests round)."""
    _item(ctx, party, kind.value, text, meeting)


@capture_app.command("constraint")
def capture_constraint(
    ctx: typer.Context,
    text: Text,
    party: PartyOpt,
    kind: Annotated[ConstraintKind, typer.Option(help="legal, political or operational.")],
    meeting: MeetingOpt = None,
) -> None:
    """A party's legal, political or operational constraint (interests round)."""
    _item(ctx, party, kind.value, text, meeting)


@capture_app.command("option")
def capture_option(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="The option in a few words.")],
    code: Annotated[str | None, typer.Option(help="A short code (default o1, o2, ...).")] = None,
    description: Annotated[str, typer.Option(help="What it would mean in practice.")] = "",
    serves: Annotated[
        list[str] | None, typer.Option(help="An item code (i1, ...) it addresses (repeatable).")
    ] = None,
    meeting: MeetingOpt = None,
) -> None:
    """An option, without commitment, and the interests it serves (options round)."""
    with ref(ctx).open() as ws:
        option = service.capture_option(
            ws, title, code=code, description=description, serves=serves or [], number=meeting
        )
    typer.echo(gettext("Captured option %(code)s.") % {"code": option.code})


@capture_app.command("consequence")
def capture_consequence(
    ctx: typer.Context,
    option: Annotated[str, typer.Argument(help="The option's code.")],
    party: PartyOpt,
    gains: Annotated[str, typer.Option(help="What the party gains.")] = "",
    costs: Annotated[str, typer.Option(help="What it costs the party.")] = "",
    risks: Annotated[str, typer.Option(help="What could go wrong for it.")] = "",
    spoilers: Annotated[str, typer.Option(help="Who or what could wreck it (no names).")] = "",
    feasibility: Annotated[str, typer.Option(help="Could it be done, and when.")] = "",
    verification: Annotated[str, typer.Option(help="How it could be verified.")] = "",
    question: Annotated[
        list[str] | None,
        typer.Option(help="A question the room could not answer (repeatable; carried over)."),
    ] = None,
    meeting: MeetingOpt = None,
) -> None:
    """Test an option against one party's interests (consequences round)."""
    test = ConsequenceTest(
        option,
        party,
        gains,
        costs,
        risks,
        spoilers,
        feasibility,
        verification,
        tuple(question or ()),
    )
    with ref(ctx).open() as ws:
        new = service.capture_consequence(ws, test, meeting)
    said = (
        gettext("Captured the test of %(option)s for party %(party)s.")
        if new
        else gettext("Replaced the test of %(option)s for party %(party)s.")
    )
    typer.echo(said % {"option": option, "party": party})


@capture_app.command("package")
def capture_package(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="A short code for the package.")],
    title: Annotated[str, typer.Option(help="What the package does.")],
    option: Annotated[list[str], typer.Option(help="An option's code (repeatable, in order).")],
    meeting: MeetingOpt = None,
) -> None:
    """Options chosen together for relay to Track I (packaging round)."""
    with ref(ctx).open() as ws:
        service.capture_package(ws, code, title, option, meeting)
    said = ngettext(
        "Captured package %(code)s with %(num)s option(s).",
        "Captured package %(code)s with %(num)s option(s).",
        len(option),
    )
    typer.echo(said % {"code": code, "num": len(option)})


@capture_app.command("step")
def capture_step(
    ctx: typer.Context,
    package: Annotated[str, typer.Option(help="The package's code.")],
    what: Annotated[str, typer.Option(help="What is done.")],
    who: Annotated[str, typer.Option(help="Which office or body acts (never a person).")],
    when: Annotated[
        str,
        typer.Option(help="By when: 2027-03-15, 15 March 2027, « 15 mars 2027 », «١٥ آذار ٢٠٢٧»."),
    ],
    how: Annotated[str, typer.Option(help="How.")],
    test: Annotated[str, typer.Option(help="How anyone can tell it was done.")],
    step_id: Annotated[str | None, typer.Option("--id", help="Default s1, s2, ...")] = None,
    meeting: MeetingOpt = None,
) -> None:
    """The next step in a package's sequence (packaging round)."""
    due = service.due_day(when)
    with ref(ctx).open() as ws:
        item = service.capture_step(
            ws,
            package,
            what=what,
            who=who,
            when=due,
            how=how,
            test=test,
            step_id=step_id,
            number=meeting,
        )
    said = gettext("Captured step %(step)s, number %(position)s in %(package)s.")
    typer.echo(said % {"step": item.step.id, "position": item.position, "package": package})
