"""Shared pieces of the benchmarks: the demo databases, an isolated settings folder, timers.

The demo databases (100,000 and 1,000,000 cases) are generated once with `complaint-desk
demo` into the folder named by COMPLAINT_DESK_BENCH_DATA (default `bench/data`) and reused
by every later run; how long each took is kept beside it (`demo-1000k.json`). A database
saved by an older schema is never upgraded in place: the benchmarks work on an upgraded copy
per schema version (`demo-1000k.v5.sqlite3`), so programs of different versions can share
the folder. Every run gets its own settings and data folders (`isolate`), so no run inherits
another's saved filters or window layout.
"""

from __future__ import annotations

import fcntl
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
    subprocess.run([sys.executable, "-m", "app", "--db", str(partial), "demo", "--cases",
                    str(cases), "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    os.replace(partial, target)
    record = {"cases": cases, "seconds": round(seconds, 1),
              "cpu_seconds": round(_children_cpu() - cpu, 1),
              "generated": datetime.now().isoformat(timespec="seconds"),
              "schema": _version(target), "bytes": target.stat().st_size}
    target.with_suffix(".json").write_text(json.dumps(record, indent=1))
    return seconds


def _at_current_version(generated: Path) -> Path:
    """`generated` if it is at this program's schema, else its upgraded copy (made once)."""
    from app.models.migrations import CURRENT_VERSION

    if _version(generated) == CURRENT_VERSION:
        return generated
    copy = generated.with_name(f"{generated.stem}.v{CURRENT_VERSION}.sqlite3")
    if copy.exists():
        return copy
    partial = copy.with_name(f"{copy.stem}.partial.sqlite3")
    with sqlite3.connect(generated) as source, sqlite3.connect(partial) as target:
        source.backup(target)
    source.close()
    target.close()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sys; from app.services.desk.store import "
                    "open_desk, close_desk; open_desk(sys.argv[1]); close_desk()", str(partial)],
                   check=True)
    upgrade = {"from": _version(generated), "to": CURRENT_VERSION,
               "seconds": round(time.perf_counter() - started, 1)}
    for kept in partial.parent.glob(f"{partial.stem}.before-v*.bak"):
        kept.unlink()  # the upgrade's own safety copy of a copy
    os.replace(partial, copy)
    copy.with_suffix(".json").write_text(json.dumps({"upgrade": upgrade}, indent=1))
    return copy


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
