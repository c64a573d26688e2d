"""Shared pieces of the benchmarks: the 100,000-case database and a timer."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

DATA = Path(__file__).parent / "data"
CASES = 100_000
DEMO_DB = DATA / f"demo-{CASES // 1000}k.sqlite3"


def demo_database() -> tuple[Path, float | None]:
    """The 100,000-case demo database, generated with `complaint-desk demo` if missing.

    Returns the path and, when it was generated now, the seconds `demo` took.
    """
    if DEMO_DB.exists():
        return DEMO_DB, None
    DATA.mkdir(exist_ok=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "--db", str(DEMO_DB), "demo", "--cases",
                    str(CASES), "--seed", "1"], check=True)
    return DEMO_DB, time.perf_counter() - started


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
    import sqlite3

    with sqlite3.connect(path) as conn:
        newest = conn.execute("SELECT max(received_at) FROM complaint").fetchone()[0]
    conn.close()
    return datetime.fromisoformat(newest)


def report(rows: list[tuple[str, float, str]]) -> None:
    """Prints `name | milliseconds | note` as a Markdown table."""
    print("| measurement | ms | note |")
    print("|---|---:|---|")
    for name, millis, note in rows:
        print(f"| {name} | {millis:.1f} | {note} |")
