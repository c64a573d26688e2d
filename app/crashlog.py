"""The error log: where unexpected errors are written, for support to read."""

from __future__ import annotations

from datetime import datetime


def append(details: str) -> str:
    """Appends `details` (a traceback) with the time and version; returns the log's path."""
    import platformdirs

    from app import __version__

    folder = platformdirs.user_log_path("ComplaintDesk", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "complaint-desk-errors.log"
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {datetime.now().isoformat()} complaint-desk {__version__}\n{details}")
    return str(path)
