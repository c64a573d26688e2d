"""Where the database is: `--db`, the COMPLAINT_DESK_DB variable, this PC's choice (a
shared server, set in the settings), or the file in the user's data folder.

Kept free of peewee so the command line can decide what to load before loading it. Also
says why a database file cannot be written (the file, its folder or its disk is read-only),
for the messages that must name where.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

from app.i18n import Text

ENV_VAR = "COMPLAINT_DESK_DB"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
CHOICE_FILE = "database.json"
_in_use: list[str] = []  # the database this process opened last (for messages)


def default_database_path() -> Path:
    """The SQLite file used when no `--db` or environment variable names one."""
    import platformdirs  # only where no database is named (--db, COMPLAINT_DESK_DB)

    folder = platformdirs.user_data_path("ComplaintDesk", appauthor=False)
    return folder / "complaint-desk.sqlite3"


def resolve_database_url(explicit: str | None = None) -> str:
    """`--db` first, then the COMPLAINT_DESK_DB environment variable, then this PC's choice,
    then the default file."""
    return (explicit or os.environ.get(ENV_VAR) or chosen_database()
            or str(default_database_path()))


def database_source(explicit: str | None = None) -> str:
    """Which of them decides: `option`, `environment`, `this_pc` or `default`."""
    if explicit:
        return "option"
    if os.environ.get(ENV_VAR):
        return "environment"
    return "this_pc" if chosen_database() else "default"


def choice_path() -> Path:
    """The file that keeps this PC's choice of database (in the user's own profile)."""
    import platformdirs

    return platformdirs.user_config_path("ComplaintDesk", appauthor=False) / CHOICE_FILE


def chosen_database() -> str | None:
    """The database chosen on this PC in the settings, or None for the default file."""
    try:
        data = json.loads(choice_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # no choice made, or an unreadable one: the default file
    url = data.get("database") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.strip() else None


def choose_database(url: str | None) -> Path:
    """Records this PC's database (None: back to the default file); returns the file.

    The server's password is part of the address: the file is readable by this user only.
    """
    path = choice_path()
    if url is None:
        path.unlink(missing_ok=True)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        with contextlib.suppress(OSError):
            os.chmod(partial, 0o600)
        json.dump({"database": url}, handle)
    os.replace(partial, path)
    return path


def note_in_use(url: str | None) -> None:
    """Remembers the database this process opened, for messages that name it."""
    _in_use[:] = [url] if url else []


def in_use() -> str | None:
    """The database this process opened last, if any."""
    return _in_use[0] if _in_use else None


def read_only_reason(path: Path) -> Text | None:
    """Why the SQLite file at `path` (existing or to be made) cannot be written: its disk,
    its folder or the file itself is read-only. None when nothing says so."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if _mounted_read_only(folder):
        return Text("the disk holding {folder} is read-only (mounted read-only, a CD or a "
                    "write-protected USB stick)",
                    "{folder} 所在的磁盘为只读（以只读方式挂载、光盘或写保护的 U 盘）"
                    ).format(folder=folder)
    if path.is_file() and not os.access(path, os.W_OK):
        return Text("the file {path} is read-only", "文件 {path} 为只读").format(path=path)
    if not os.access(folder, os.W_OK):
        # SQLite writes its journal beside the file: the folder must be writable too.
        return Text("the folder {folder} cannot be written by this user",
                    "当前用户无法写入文件夹 {folder}").format(folder=folder)
    return None


def _mounted_read_only(folder: Path) -> bool:
    if hasattr(os, "statvfs"):
        try:
            return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        except OSError:
            return False
    return _windows_volume_read_only(folder)


def _windows_volume_read_only(folder: Path) -> bool:
    """True when Windows says the volume is read-only (a CD, a write-protected stick)."""
    if sys.platform != "win32":
        return False
    import ctypes

    flags = ctypes.c_ulong(0)
    root = os.path.splitdrive(str(folder.resolve()))[0] + "\\"
    found = ctypes.windll.kernel32.GetVolumeInformationW(
        ctypes.c_wchar_p(root), None, 0, None, None, ctypes.byref(flags), None, 0)
    read_only_volume = 0x00080000  # FILE_READ_ONLY_VOLUME
    return bool(found) and bool(flags.value & read_only_volume)


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
