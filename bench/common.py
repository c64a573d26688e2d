"""Shared pieces of the benchmarks: the demo databases, an isolated settings folder, timers.

The demo databases (100,000 and 1,000,000 cases) are generated once with `complaint-desk
demo` into the folder named by COMPLAINT_DESK_BENCH_DATA (default `bench/data`) and reused
by every later run; how long each took is kept beside it (`demo-1000k.json`). A database
saved by another schema is never changed: the benchmarks work on a copy with this program's
schema, named by its version and a digest of its tables' columns, indexes and triggers
(`demo-1000k.v8-1a2b3c4d.sqlite3`), upgraded from an older file or generated anew, so
programs of different versions can share the folder. Every run gets its own settings and
data folders (`isolate`), so no run inherits another's saved filters or window layout.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

DATA_VAR = "COMPLAINT_DESK_BENCH_DATA"
DATA = Path(os.environ.get(DATA_VAR) or Path(__file__).parent / "data")
CASES = 100_000
MILLION = 1_000_000


def isolate() -> Path:
    """Points this process (and the processes it starts) at a new, empty settings and data
    folder: QSettings, the default database and the error log all live there."""
    folder = Path(tempfile.mkdtemp(prefix="complaint-desk-bench-"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                     "APPDATA", "LOCALAPPDATA"):
        (folder / variable.lower()).mkdir()
        os.environ[variable] = str(folder / variable.lower())
    if "PySide6.QtCore" in sys.modules or os.environ.get("QT_QPA_PLATFORM"):
        from PySide6.QtCore import QSettings

        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(folder / "xdg_config_home"))
    return folder


def demo_database(cases: int = CASES) -> tuple[Path, float | None]:
    """The demo database of `cases` cases at this program's schema version.

    Generated with `complaint-desk demo --cases N --seed 1` if missing (under a lock, so two
    runs sharing the folder do not both generate it), upgraded into a copy if older. Returns
    the path and, when it was generated now, the seconds `demo` took.
    """
    DATA.mkdir(parents=True, exist_ok=True)
    generated = DATA / f"demo-{cases // 1000}k.sqlite3"
    seconds = None
    with _locked():
        if not generated.exists():
            seconds = _generate(generated, cases)
        path = _at_current_version(generated)
    return path, seconds


def generation_record(cases: int = CASES) -> dict[str, object]:
    """What was recorded when the database of `cases` was generated (seconds, when)."""
    record = DATA / f"demo-{cases // 1000}k.json"
    return json.loads(record.read_text()) if record.exists() else {}


def _generate(target: Path, cases: int) -> float:
    partial = target.with_name(f"{target.stem}.generating.sqlite3")
    for leftover in (partial, *partial.parent.glob(partial.name + "-*")):
        leftover.unlink(missing_ok=True)
    started, cpu = time.perf_counter(), _children_cpu()
    # In Chinese whatever the machine's language: the searches measured are Chinese words.
    subprocess.run([sys.executable, "-m", "app", "--lang", "zh_CN", "--db", str(partial), "demo",
                    "--cases", str(cases), "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    os.replace(partial, target)
    record = {"cases": cases, "seconds": round(seconds, 1),
              "cpu_seconds": round(_children_cpu() - cpu, 1),
              "generated": datetime.now().isoformat(timespec="seconds"),
              "schema": _version(target), "bytes": target.stat().st_size}
    target.with_suffix(".json").write_text(json.dumps(record, indent=1))
    return seconds


def _at_current_version(generated: Path) -> Path:
    """`generated` if it has this program's schema, else a copy that has it, made once:
    upgraded from an older schema, or generated anew when the file's schema is another
    program's of the same or a later version (two versions under development)."""
    wanted = _fresh_fingerprint()
    if _fingerprint(generated) == wanted:
        return generated
    from app.models.migrations import CURRENT_VERSION

    copy = generated.with_name(f"{generated.stem}.v{CURRENT_VERSION}-{wanted[:8]}.sqlite3")
    if copy.exists():
        return copy
    if _version(generated) >= CURRENT_VERSION:
        _generate(copy, int(generated.stem.split("-")[1].removesuffix("k")) * 1000)
        return copy
    partial = copy.with_name(f"{copy.stem}.partial.sqlite3")
    with sqlite3.connect(generated) as source, sqlite3.connect(partial) as target:
        source.backup(target)
    source.close()
    target.close()
    started = time.perf_counter()
    _open_and_close(partial)
    upgrade = {"from": _version(generated), "to": CURRENT_VERSION,
               "seconds": round(time.perf_counter() - started, 1)}
    for kept in partial.parent.glob(f"{partial.stem}.before-v*.bak"):
        kept.unlink()  # the upgrade's own safety copy of a copy
    assert _fingerprint(partial) == wanted, "the upgraded copy differs from a new schema"
    os.replace(partial, copy)
    copy.with_suffix(".json").write_text(json.dumps({"upgrade": upgrade}, indent=1))
    return copy


def _open_and_close(path: Path) -> None:
    """Opens the database at `path` with this program (creating or upgrading it), in a
    process of its own, and closes it."""
    subprocess.run([sys.executable, "-c", "import sys; from app.services.desk.store import "
                    "open_desk, close_desk; open_desk(sys.argv[1]); close_desk()", str(path)],
                   check=True)


def _fresh_fingerprint() -> str:
    """The fingerprint of the schema this program creates."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fresh.sqlite3"
        _open_and_close(path)
        return _fingerprint(path)


def _fingerprint(path: Path) -> str:
    """A digest of a database's shape as the migration tests compare it: each table's
    columns (name, type, not-null, default), each index's and trigger's SQL (the search
    index's own tables left out). A table's SQL text is not compared: a column added by an
    upgrade reads differently there from the same column in a new table."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'complaint_search_%' ORDER BY name").fetchall()
        parts = []
        for kind, name, sql in rows:
            if kind == "table":
                columns = [row[1:5] for row in conn.execute(f'PRAGMA table_info("{name}")')]
                parts.append(f"table {name} {columns}")
            else:
                parts.append(f"{kind} {name} {' '.join((sql or '').replace(chr(34), '').split())}")
    conn.close()
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()


def _version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        found = conn.execute("SELECT version FROM schema_version").fetchone()[0]
    conn.close()
    return int(found)


@contextmanager
def _locked() -> Iterator[None]:
    with (DATA / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def case_count(path: Path) -> int:
    """How many cases the database at `path` holds (printed beside every group's figures)."""
    with sqlite3.connect(path) as conn:
        found = conn.execute("SELECT count(*) FROM complaint").fetchone()[0]
    conn.close()
    return int(found)


def best_of(action: Callable[[], object], runs: int = 15, *, warm_up: bool = True) -> float:
    """The fastest of `runs` timings of `action`, in milliseconds (after one warm-up run
    unless `warm_up` is False, for actions too long to repeat)."""
    if warm_up:
        action()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings) * 1000


def demo_now(path: Path) -> datetime:
    """The 'now' the demo data was generated at: just after its newest case."""
    with sqlite3.connect(path) as conn:
        newest = conn.execute("SELECT max(received_at) FROM complaint").fetchone()[0]
    conn.close()
    return datetime.fromisoformat(newest)


def sizes() -> list[int]:
    """The database sizes to run on: 100,000, and 1,000,000 unless `--quick` is given."""
    return [CASES] if "--quick" in sys.argv else [CASES, MILLION]


def report(rows: list[tuple[str, float, str]]) -> None:
    """Prints `name | milliseconds | note` as a Markdown table."""
    print("| measurement | ms | note |")
    print("|---|---:|---|")
    for name, millis, note in rows:
        print(f"| {name} | {millis:.1f} | {note} |")


def recorded(action: Callable[[], object]) -> list[tuple[str, tuple[Any, ...]]]:
    """The SQL statements (and parameters) `action` runs on this thread (what the worker
    runs meanwhile is timed apart)."""
    import threading

    from app.models import database_proxy

    database = database_proxy.obj
    original = database.execute_sql
    seen: list[tuple[str, tuple[Any, ...]]] = []
    here = threading.current_thread()

    def spy(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is here:
            seen.append((sql, tuple(params or ())))
        return original(sql, params, *args, **kwargs)

    database.execute_sql = spy
    try:
        action()
    finally:
        database.execute_sql = original
    return [(sql, params) for sql, params in seen
            if not sql.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT",
                                                    "RELEASE"))]


def replay(statements: list[tuple[str, tuple[Any, ...]]], path: Path) -> Callable[[], None]:
    """Runs the statements through a bare sqlite3 connection of their own, kept open between
    runs as the program's is (its page cache warm); temporary tables a statement makes are
    dropped after each run, so each run makes them afresh, as the program did."""
    conn = sqlite3.connect(path)

    def run() -> None:
        for sql, params in statements:
            conn.execute(sql, [_plain(p) for p in params]).fetchall()
        made = conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'table'")
        for (name,) in made.fetchall():
            conn.execute(f'DROP TABLE temp."{name}"')
    return run


def _plain(value: object) -> object:
    return value.isoformat(sep=" ") if isinstance(value, datetime) else value


def median(values: list[float]) -> float:
    """The middle value (the upper one of an even count)."""
    return sorted(values)[len(values) // 2]


def timings(action: Callable[[], object], runs: int,
            prepare: Callable[[], object] | None = None, *,
            clock: Callable[[], float] = time.process_time) -> tuple[list[float], list[float]]:
    """The wall and CPU times of `runs` runs of `action` after a warm-up, in ms; `prepare`
    runs before each, untimed. On a machine shared with other work the wall time includes
    waiting for a core; the CPU time does not. `clock` is the process's CPU time (every
    thread), or `time.thread_time` for what one thread spends (the window's)."""
    walls, cpus = [], []
    for _ in range(runs + 1):
        if prepare is not None:
            prepare()
        started, cpu = time.perf_counter(), clock()
        action()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((clock() - cpu) * 1000)
    return walls[1:], cpus[1:]


def cpu_of(action: Callable[[], object], runs: int) -> float:
    """The median process CPU time of `runs` runs of `action` after a warm-up, in ms."""
    return median(timings(action, runs)[1])


def versus(name: str, action: Callable[[], object], path: Path, runs: int, note: str = "",
           *, prepare: Callable[[], object] | None = None) -> tuple[str, float, str]:
    """`action`'s median CPU time over `runs`, beside the median CPU time of the SQL it ran
    replayed bare in the same run; `prepare` runs before each timing, untimed (forgetting
    what the last run remembered)."""
    if prepare is not None:
        prepare()
    statements = recorded(action)
    walls, cpus = timings(action, runs, prepare)
    _, bare = timings(replay(statements, path), runs)
    text = (f"bare SQL ({len(statements)} statements) {median(bare):.1f} ms, ratio "
            f"{median(cpus) / max(median(bare), 0.01):.2f}x; wall {median(walls):.1f} ms")
    return name, median(cpus), f"{text}; {note}" if note else text
