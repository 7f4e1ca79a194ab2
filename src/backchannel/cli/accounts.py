"""`backchannel accounts`: who may log in to the browser workbench, and in which role."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Annotated

import typer
from rich.console import Console

from backchannel.cli.app import app as root
from backchannel.cli.context import WorkspaceRef, ref
from backchannel.cli.output import emit
from backchannel.domain.accounts import Account, parse_role
from backchannel.domain.errors import WorkspaceError
from backchannel.i18n import gettext
from backchannel.services import accounts

PASSWORD_ENV = "BACKCHANNEL_ACCOUNT_PASSWORD"  # noqa: S105 - the variable name, not a secret

accounts_app = typer.Typer(
    help=(
        "Accounts of the browser workbench: facilitator, rapporteur, participant (linked to "
        "a candidate id), interlocutor (linked to an interlocutor code) or observer."
    ),
    no_args_is_help=True,
)
root.add_typer(accounts_app, name="accounts")

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="BACKCHANNEL_DB",
        help="A server database (postgresql://...) instead of the workspace file.",
        show_default=False,
    ),
]
CandidateOpt = Annotated[
    str | None, typer.Option(help="A participant's candidate id.", show_default=False)
]
InterlocutorOpt = Annotated[
    str | None, typer.Option(help="An interlocutor's code.", show_default=False)
]


def _where(ctx: typer.Context, db: str | None) -> WorkspaceRef:
    """The workspace named by the root options, or the server database this command's --db
    names (the same as the root --db, kept here so `accounts ... --db URL` reads naturally)."""
    where = ref(ctx)
    return replace(where, db=db) if db else where


def _password(confirm: bool) -> str:
    """From BACKCHANNEL_ACCOUNT_PASSWORD, or a prompt that does not echo."""
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    try:
        result: str = typer.prompt(
            gettext("Password for the account (12 characters or more)"),
            hide_input=True,
            confirmation_prompt=confirm,
        )
    except typer.Abort:
        raise WorkspaceError(
            f"no password given: set {PASSWORD_ENV} or type it at the prompt"
        ) from None
    return result


def _json(a: Account) -> dict[str, object]:
    return {
        "handle": a.handle,
        "role": a.role.value,
        "candidate": a.candidate,
        "interlocutor": a.interlocutor,
        "active": a.active,
        "language": a.language,
    }


def _line(a: Account) -> str:
    link = a.candidate or a.interlocutor or ""
    # TRANSLATORS: after an account in the list of accounts: it cannot log in.
    state = "" if a.active else "  " + gettext("(disabled)")
    return f"{a.handle:<20} {a.role.value:<13} {link}{state}".rstrip()


@accounts_app.command("add")
def add(
    ctx: typer.Context,
    handle: Annotated[str, typer.Argument(help="The login; a role-like handle, never a name.")],
    role: Annotated[str, typer.Option(help="facilitator, rapporteur, participant, ...")],
    candidate: CandidateOpt = None,
    interlocutor: InterlocutorOpt = None,
    db: DbOpt = None,
) -> None:
    """Add an account (audited). The password comes from BACKCHANNEL_ACCOUNT_PASSWORD or a
    prompt; only its argon2 hash is kept."""
    found = parse_role(role)
    with _where(ctx, db).open() as ws:
        account = accounts.add_account(
            ws,
            handle.strip().lower(),
            found,
            _password(confirm=True),
            candidate=candidate,
            interlocutor=interlocutor,
        )
    typer.echo(
        # TRANSLATORS: %(role)s is the role as typed on the command line (facilitator, ...).
        gettext("Added %(handle)s (%(role)s).")
        % {"handle": account.handle, "role": account.role.value}
    )


@accounts_app.command("list")
def list_(
    ctx: typer.Context,
    db: DbOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Every account with its role and what it is linked to."""
    with _where(ctx, db).open() as ws:
        found = accounts.list_accounts(ws)

    def human(console: Console) -> None:
        for a in found:
            console.print(_line(a), markup=False)
        if not found:
            console.print(gettext("No accounts yet."))

    emit([_json(a) for a in found], json_out, human)


@accounts_app.command("role")
def role(
    ctx: typer.Context,
    handle: Annotated[str, typer.Argument(help="The account.")],
    new_role: Annotated[str, typer.Argument(metavar="ROLE", help="The new role.")],
    candidate: CandidateOpt = None,
    interlocutor: InterlocutorOpt = None,
    db: DbOpt = None,
) -> None:
    """Change an account's role (audited as role.change); its sessions end."""
    found = parse_role(new_role)
    with _where(ctx, db).open() as ws:
        account = accounts.change_role(
            ws, handle, found, candidate=candidate, interlocutor=interlocutor
        )
    typer.echo(
        # TRANSLATORS: %(role)s is the role as typed on the command line (facilitator, ...).
        gettext("%(handle)s is now %(role)s.")
        % {"handle": account.handle, "role": account.role.value}
    )


@accounts_app.command("password")
def password(
    ctx: typer.Context,
    handle: Annotated[str, typer.Argument(help="The account.")],
    db: DbOpt = None,
) -> None:
    """Set a new password (audited, without the password); the account's sessions end."""
    with _where(ctx, db).open() as ws:
        accounts.set_password(ws, handle, _password(confirm=True))
    typer.echo(gettext("New password set for %(handle)s.") % {"handle": handle})


@accounts_app.command("disable")
def disable(
    ctx: typer.Context,
    handle: Annotated[str, typer.Argument(help="The account.")],
    db: DbOpt = None,
) -> None:
    """Disable an account (audited); it can no longer log in, and its sessions end."""
    with _where(ctx, db).open() as ws:
        accounts.set_active(ws, handle, False)
    typer.echo(gettext("%(handle)s is disabled.") % {"handle": handle})


@accounts_app.command("enable")
def enable(
    ctx: typer.Context,
    handle: Annotated[str, typer.Argument(help="The account.")],
    db: DbOpt = None,
) -> None:
    """Enable a disabled account again (audited)."""
    with _where(ctx, db).open() as ws:
        accounts.set_active(ws, handle, True)
    typer.echo(gettext("%(handle)s is enabled.") % {"handle": handle})


@accounts_app.command("unlock")
def unlock(
    ctx: typer.Context,
    handle: Annotated[str, typer.Argument(help="The account.")],
    db: DbOpt = None,
) -> None:
    """Forget the account's failed logins, so it can log in at once from anywhere (when
    someone elsewhere keeps guessing its password). Audited."""
    from backchannel.services import login_throttle

    with _where(ctx, db).open() as ws:
        accounts.get_account(ws, handle)  # a clear error for a handle that does not exist
        login_throttle.unlock(ws, handle)
    typer.echo(gettext("%(handle)s can log in again from any device.") % {"handle": handle})


@accounts_app.command("language")
def language(
    ctx: typer.Context,
    handle: Annotated[str, typer.Argument(help="The account.")],
    lang: Annotated[
        str,
        typer.Argument(help="en, fr, es, ru or ar; 'browser' to follow the browser again."),
    ],
    db: DbOpt = None,
) -> None:
    """The language the account reads the workbench and the portal in, on every device."""
    with _where(ctx, db).open() as ws:
        accounts.set_language(ws, handle, None if lang == "browser" else lang)
    if lang == "browser":
        said = gettext("%(handle)s reads the workbench in its browser's language.")
    else:
        # TRANSLATORS: %(language)s is a language code as typed: en, fr, es, ru or ar.
        said = gettext("%(handle)s reads the workbench in %(language)s.")
    typer.echo(said % {"handle": handle, "language": lang})
