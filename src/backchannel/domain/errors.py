"""Errors the core raises. The CLI and the web app translate them in one place each."""

from __future__ import annotations


class BackchannelError(Exception):
    """Base of every error a user can cause; never carries a secret."""


class BadInputError(BackchannelError):
    """Input that cannot be used: names the file, row and field where they are known."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.field = field
        super().__init__(self.__str__())

    def where(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(self.file)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field is not None:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message

    def located(
        self, *, file: str | None = None, row: int | None = None, field: str | None = None
    ) -> BadInputError:
        """The same error with missing location parts filled in."""
        return BadInputError(
            self.message,
            file=self.file if self.file is not None else file,
            row=self.row if self.row is not None else row,
            field=self.field if self.field is not None else field,
        )


class BlockingFindingError(BackchannelError):
    """A check found something that must stop the work (exit code 1)."""


class NotFoundError(BackchannelError):
    """A record the user named does not exist."""


class WorkspaceError(BackchannelError):
    """The workspace cannot be opened or created (wrong passphrase, missing file)."""
