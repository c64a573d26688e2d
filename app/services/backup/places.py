"""Where backups go and what they are called; finding the copies already made."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.services import settings

DEFAULT_FOLDER = "Backups"  # beside the database, until another folder is chosen
SQLITE_SUFFIX = ".sqlite3"
DUMP_SUFFIX = ".dump"  # pg_dump's custom format, for a server database
_STAMP = "%Y-%m-%d-%H%M%S"


@dataclass(frozen=True)
class FoundCopy:
    """A copy in a backup folder, and when it was made (from its name)."""

    path: Path
    made_at: datetime


def backup_folder(database: Path | None) -> Path | None:
    """The folder chosen in the settings, else `Backups` beside the database file (None
    for a server database with no folder chosen)."""
    chosen = str(settings.get("backup.folder") or "")
    if chosen:
        return Path(chosen)
    return database.parent / DEFAULT_FOLDER if database is not None else None


def copy_path(folder: Path, stem: str, at: datetime, suffix: str = SQLITE_SUFFIX) -> Path:
    """`<folder>/<database name>-2026-03-04-100000.sqlite3`: sorted by name is by time, and
    each database's copies keep to their own name."""
    return folder / f"{stem}-{at.strftime(_STAMP)}{suffix}"


def find_copies(folder: Path, stem: str, suffix: str = SQLITE_SUFFIX) -> list[FoundCopy]:
    """The copies of the database called `stem` in `folder`, newest first."""
    pattern = re.compile(rf"{re.escape(stem)}-(\d{{4}}-\d\d-\d\d-\d{{6}}){re.escape(suffix)}")
    found = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []  # not made yet, or a stick that is not plugged in
    for name in names:
        match = pattern.fullmatch(name)
        if match:
            try:
                found.append(FoundCopy(folder / name, datetime.strptime(match[1], _STAMP)))
            except ValueError:
                continue
    return sorted(found, key=lambda copy: copy.made_at, reverse=True)


def same_disk(folder: Path, database: Path) -> bool:
    """True when the backup folder is on the disk that holds the database (a disk that
    fails takes both)."""
    try:
        return _device(folder) == _device(database)
    except OSError:
        return False


def _device(path: Path) -> int:
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    return os.stat(existing).st_dev
