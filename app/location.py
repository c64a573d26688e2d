"""Where the database is: `--db`, the COMPLAINT_DESK_DB variable, or the user's data folder.

Kept free of peewee so the command line can decide what to load before loading it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

ENV_VAR = "COMPLAINT_DESK_DB"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def default_database_path() -> Path:
    """The SQLite file used when no `--db` or environment variable names one."""
    folder = platformdirs.user_data_path("ComplaintDesk", appauthor=False)
    return folder / "complaint-desk.sqlite3"


def resolve_database_url(explicit: str | None = None) -> str:
    """`--db` first, then the COMPLAINT_DESK_DB environment variable, then the default."""
    return explicit or os.environ.get(ENV_VAR) or str(default_database_path())


def is_postgres(url: str) -> bool:
    """True for a `postgresql://` URL, False for a SQLite file."""
    return url.startswith(POSTGRES_SCHEMES)


def skip_postgres_driver() -> None:
    """Keeps peewee from importing PostgreSQL drivers (about 80 ms) in a SQLite-only process.

    peewee imports every installed driver when it is first imported; marking them missing
    first is the documented way (`sys.modules[name] = None`) to make an import fail fast.
    Call only in a process that will never open a PostgreSQL database.
    """
    if "peewee" not in sys.modules:
        for name in ("psycopg", "psycopg2", "psycopg2cffi"):
            sys.modules.setdefault(name, None)  # type: ignore[arg-type]
