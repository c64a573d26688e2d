"""The one project exception type, with messages a shop worker can read.

Every layer raises `DeskError` (or a subclass naming the kind of refusal). The message
is a `Text`, so it reads in the user's language; `exit_code` is what the command line
returns: 2 for bad usage or bad input, 1 for a refusal by a rule or a check.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.i18n import Text


class DeskError(Exception):
    """A refusal or failure explained in words a shop worker understands."""

    exit_code = 1

    def __init__(self, text: Text, *, field: str | None = None) -> None:
        super().__init__(text.en)
        self.text = text
        self.field = field

    def __str__(self) -> str:
        return str(self.text)


class InputError(DeskError):
    """A value the user typed cannot be taken (missing, malformed, absurd)."""

    exit_code = 2


class NotFoundError(InputError):
    """The case, user or list entry named does not exist."""


class RuleError(DeskError):
    """The business rules do not allow this step now."""


class MissingFieldsError(RuleError):
    """A transition needs fields that are still empty."""

    def __init__(self, text: Text, *, missing: Sequence[str]) -> None:
        super().__init__(text)
        self.missing = tuple(missing)


class AccessError(DeskError):
    """The acting user's role does not allow this."""


class SignInError(DeskError):
    """Wrong user name or password."""


class SessionEndedError(DeskError):
    """The signed-in account was switched off, given another role or a new password since
    it signed in: nothing was done, and the user must sign in again."""


class ConflictError(DeskError):
    """Someone else changed the record since it was read (optimistic concurrency)."""

    def __init__(self, text: Text, *, current_version: int, changes: Sequence[str] = ()) -> None:
        super().__init__(text)
        self.current_version = current_version
        self.changes = tuple(changes)


class FileAccessError(DeskError):
    """A file cannot be read or written: missing, not allowed, on a full or read-only disk."""

    exit_code = 2


class DatabaseFailureError(DeskError):
    """The database could not do what was asked: busy, read-only, full, damaged, out of reach."""


class BackupError(DeskError):
    """A backup could not be made or checked, or a restore or a move could not go ahead."""


class DatabaseUnusableError(DeskError):
    """The database file cannot be used: not a database, damaged, or from a newer version."""

    exit_code = 2


class FormError(InputError):
    """Several fields of a form are wrong; `errors` holds one error per field, in form order."""

    def __init__(self, errors: Sequence[DeskError]) -> None:
        super().__init__(
            Text(" ".join(e.text.en for e in errors), "".join(e.text.zh for e in errors)),
            field=errors[0].field if errors else None,
        )
        self.errors = tuple(errors)

    def by_field(self) -> dict[str, DeskError]:
        """The first error of each field, keyed by field name."""
        found: dict[str, DeskError] = {}
        for error in self.errors:
            found.setdefault(error.field or "", error)
        return found
