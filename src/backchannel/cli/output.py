"""The one place where core errors become exit codes, and where --json output is printed.

Exit codes: 0 success, 1 a finding that blocks, 2 bad input. A user never sees a
traceback for anything they can cause, and no message carries a secret.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from backchannel.domain.errors import (
    BackchannelError,
    BadInputError,
    BlockingFindingError,
)
from backchannel.i18n import gettext, ngettext

EXIT_OK = 0
EXIT_BLOCKED = 1
EXIT_BAD_INPUT = 2

err_console = Console(stderr=True, highlight=False, soft_wrap=True)
out_console = Console(highlight=False, soft_wrap=True)


def message_for(error: BackchannelError) -> tuple[str, int]:
    """The one-line message and exit code for a core error."""
    if isinstance(error, BlockingFindingError):
        return str(error), EXIT_BLOCKED
    if isinstance(error, BadInputError):
        return str(error), EXIT_BAD_INPUT
    return str(error), EXIT_BAD_INPUT


class Group(TyperGroup):
    """Root group: turns every BackchannelError raised below it into a message and a code."""

    def invoke(self, ctx: Any) -> Any:  # typer.Context; its base class is private
        try:
            return super().invoke(ctx)
        except BackchannelError as error:
            message, code = message_for(error)
            # TRANSLATORS: the start of an error line; the message after it stays in English.
            err_console.print(gettext("Error: %(message)s") % {"message": message}, markup=False)
            raise typer.Exit(code) from None
        except KeyboardInterrupt:
            err_console.print(gettext("Interrupted; nothing was written."), markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None


def emit(data: Any, as_json: bool, human: Callable[[Console], None]) -> None:
    """Print `data` as JSON, or call `human` to present it to a person."""
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        human(out_console)


def wrote(path: object) -> str:
    """The line for a file written."""
    return gettext("Wrote %(path)s") % {"path": path}


def roster_title(size: int) -> str:
    """The title of a roster's table (`roster show`, `select`)."""
    return ngettext("Roster (%(num)s people)", "Roster (%(num)s people)", size) % {"num": size}


def conflicting(rules: Sequence[str]) -> str:
    """The line naming the mix rules that cannot all hold."""
    # TRANSLATORS: %(rules)s lists the names of mix rules (in English) that cannot all hold.
    return gettext("Conflicting rules: %(rules)s") % {"rules": ", ".join(rules)}


def exit_with(code: int) -> None:
    if code:
        raise typer.Exit(code)


def styled(text: str, style: str) -> str:
    """`text` (a translated label, say) as console markup in `style`, its brackets escaped."""
    return f"[{style}]{escape(text)}[/{style}]"


def warning_label() -> str:
    # TRANSLATORS: the label before a warning line ("Warning: the roster is ...").
    return gettext("Warning:")


def warn(message: str) -> None:
    err_console.print(f"{styled(warning_label(), 'yellow')} {message}")
