"""The error log: where unexpected errors are written, for support to read."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def folder() -> Path:
    """Where the error log is kept (it may not exist yet)."""
    import platformdirs

    return platformdirs.user_log_path("ComplaintDesk", appauthor=False)


def append(details: str) -> str:
    """Appends `details` (a traceback) with the time and version; returns the log's path."""
    from app import __version__

    path = folder() / "complaint-desk-errors.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {datetime.now().isoformat()} complaint-desk {__version__}\n{details}")
    return str(path)
