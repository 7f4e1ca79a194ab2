"""`backchannel serve`: the workbench in a browser, on this machine or a server."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from backchannel.cli.app import app as root
from backchannel.cli.context import PASSPHRASE_ENV, plain_file, read_passphrase, ref
from backchannel.cli.output import out_console, warn
from backchannel.domain.errors import WorkspaceError
from backchannel.i18n import gettext
from backchannel.services import accounts
from backchannel.services.workspace import Workspace, open_url, open_workspace
from backchannel.web.settings import Settings

DB_ENV = "BACKCHANNEL_DB"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _demo_folder() -> Path:
    """$BACKCHANNEL_HOME/demo (kept), else a fresh temporary folder."""
    home = os.environ.get("BACKCHANNEL_HOME")
    if home:
        return Path(home) / "demo"
    return Path(tempfile.mkdtemp(prefix="backchannel-demo-"))


def _open_demo(documents: Path | None) -> tuple[Workspace, Settings]:
    from backchannel.services.demo import build_demo

    folder = _demo_folder()
    # The demo's people and places are fictional; a one-off passphrase keeps the file
    # encrypted without asking for one. Set BACKCHANNEL_PASSPHRASE to choose it.
    passphrase = os.environ.get(PASSPHRASE_ENV) or secrets.token_urlsafe(24)
    out_console.print(gettext("Building the demo dialogue in %(folder)s/ ...") % {"folder": folder})
    result = build_demo(folder, passphrase)
    ws = open_workspace(result.workspace, passphrase)
    logins = accounts.add_demo_accounts(ws)
    out_console.print(gettext("Demo logins (fictional dialogue; passwords made for this run):"))
    for login in logins:
        out_console.print(
            f"  {login.handle:<15} {login.password:<18} {login.role.value}: {login.note}",
            markup=False,
        )
    settings = Settings(
        workspace=result.workspace, passphrase=passphrase, documents=documents or folder
    )
    return ws, settings


def _check_accounts(ws: Workspace) -> None:
    found = accounts.list_accounts(ws)
    if not any(a.role.value == "facilitator" and a.active for a in found):
        raise WorkspaceError(
            "no facilitator account yet: add one with "
            "'backchannel accounts add HANDLE --role facilitator'"
        )


@root.command("serve")
def serve(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar=DB_ENV,
            help="A server database (postgresql://...) instead of the workspace file.",
            show_default=False,
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8000,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Build the demo dialogue, add one login per role, print them, and serve it.",
        ),
    ] = False,
    documents: Annotated[
        Path | None,
        typer.Option(
            help="Folder for rendered documents (default: documents/ beside the workspace).",
            show_default=False,
        ),
    ] = None,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            "--trusted-proxy",
            help="The address of a reverse proxy whose X-Forwarded-For and "
            "X-Forwarded-Proto headers are believed (give it once per proxy). Without it, "
            "no forwarded header is believed, so nobody can pose as another address.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the workbench in a browser: dashboard, scope and ripeness, roster, meeting
    console, participant portal, documents and follow-up, each for the roles it serves.

    Every page but /healthz needs a login. Behind a TLS proxy cookies are marked Secure;
    serving beyond this machine without TLS is for testing only.
    """
    import uvicorn

    from backchannel.web.app import create_app  # FastAPI loads only when serving

    if demo:
        ws, settings = _open_demo(documents)
    elif db:
        ws = open_url(db)
        settings = Settings(db_url=db, documents=documents)
    else:
        where = ref(ctx)
        passphrase = None if where.insecure else read_passphrase()
        if where.insecure:
            warn(plain_file(where.path))
        ws = open_workspace(where.path, passphrase)
        settings = Settings(
            workspace=where.path, passphrase=passphrase, plain=where.insecure, documents=documents
        )
    try:
        _check_accounts(ws)
    except WorkspaceError:
        ws.close()
        raise
    if host not in _LOOPBACK:
        warn(
            gettext(
                "serving on %(host)s: put the workbench behind TLS (a reverse proxy) so that "
                "passwords and session cookies never cross the network in clear."
            )
            % {"host": host}
        )
    app = create_app(settings, workspace=ws)
    out_console.print(
        gettext("Serving the workbench at http://%(host)s:%(port)s/ (Ctrl+C to stop)")
        % {"host": host, "port": port}
    )
    proxies = [p.strip() for p in trusted_proxy or () if p.strip()]
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
    )
