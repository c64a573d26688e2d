"""What the event hash chain costs: intake and `demo --cases 100000` with and without it
(in the same run, alternating), and `check` walking a million chained events.

Without the chain means audit.append writing the same rows through the same bulk insert,
with no hash and no chain head: the program as it was before schema step 6. Times are the
CPU time of this process (everything runs in it, SQLite included), the least of runs that
alternate with and without, so other work on a shared machine disturbs them little.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.models import Event, User, chain, database_proxy
from app.models.bulk import bulk_insert
from app.services import audit, users
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.demo import generate
from app.services.desk import integrity
from app.services.desk.store import close_desk, open_desk
from app.services.permissions import confirm_actor

INTAKES = 400
DEMO_CASES = 100_000
CHECKED_EVENTS = 1_000_000
NOW = datetime(2026, 3, 4, 10, 0)


def _unchained(rows: Sequence[Sequence[Any]], *, actor: User | None = None) -> None:
    with database_proxy.atomic():
        confirm_actor(actor)
        bulk_insert(Event, chain.COLUMNS, rows)


@contextlib.contextmanager
def _chain(on: bool) -> Iterator[None]:
    """audit.append as it is (on), or writing the rows without hashes (off)."""
    chained = audit.append
    if not on:
        audit.append = _unchained  # type: ignore[assignment]
    try:
        yield
    finally:
        audit.append = chained  # type: ignore[assignment]


def _intake_seconds(folder: Path, name: str, on: bool) -> float:
    open_desk(str(folder / f"{name}.sqlite3"), now=NOW)
    try:
        staff = users.create_user(username="boss", display_name="老板", role="owner",
                                  password="secret", actor=None, now=NOW)
        with _chain(on):
            started = time.process_time()
            for number in range(INTAKES):
                record_complaint(IntakeForm(f"客户{number}", f"138{number:08d}", "phone",
                                            "product_quality", "电饭煲用了三天就坏了", wish="换新"),
                                 actor=staff, now=NOW + timedelta(seconds=number))
            return time.process_time() - started
    finally:
        close_desk()


def _demo_seconds(folder: Path, name: str, on: bool) -> float:
    path = folder / f"{name}.sqlite3"
    open_desk(str(path), now=NOW)
    try:
        with _chain(on):
            started = time.process_time()
            generate.fill_demo(cases=DEMO_CASES, seed=1, now=NOW)
            return time.process_time() - started
    finally:
        close_desk()
        path.unlink()


def _fill_events(path: Path, total: int) -> int:
    """A database of `total` events (desk events of realistic length), appended through
    audit.append 50,000 at a time, as the demo and an import append theirs."""
    open_desk(str(path), now=NOW)
    try:
        have = Event.select().count()
        for start in range(have, total, 50_000):
            rows = [(None, NOW + timedelta(seconds=i), None, "settings", "business.name",
                     "惠民家电生活馆", f"惠民家电生活馆（{i}号店）", "营业信息更新", None)
                    for i in range(start, min(total, start + 50_000))]
            audit.append(rows)
        return Event.select().count()
    finally:
        close_desk()


def _check_seconds(path: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of the chain walk (it reads the file, so both count)."""
    open_desk(str(path), now=NOW)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        integrity.verify_chain()
        return time.perf_counter() - wall, time.process_time() - cpu
    finally:
        close_desk()


def _check_problem(path: Path) -> str:
    open_desk(str(path), now=NOW)
    try:
        return integrity.verify_chain().problem()
    finally:
        close_desk()


def _alternating(measure: Callable[[bool, int], float], runs: int) -> dict[bool, float]:
    """The least of `runs` measurements without and with the chain, taken in turn."""
    found: dict[bool, list[float]] = {False: [], True: []}
    for run in range(runs):
        for on in (False, True) if run % 2 == 0 else (True, False):
            found[on].append(measure(on, run))
    return {on: min(times) for on, times in found.items()}


def run() -> list[tuple[str, float, str]]:
    """The chain's cost in intake and demo generation, and `check` over a million events."""
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        intake = _alternating(lambda on, i: _intake_seconds(where, f"intake-{on}-{i}", on), 5)
        demo = _alternating(lambda on, i: _demo_seconds(where, f"demo-{on}-{i}", on), 3)
        events = _fill_events(where / "events.sqlite3", CHECKED_EVENTS)
        seconds = min(_check_seconds(where / "events.sqlite3") for _ in range(3))
        problem = _check_problem(where / "events.sqlite3")
    return [
        (f"intake of {INTAKES} complaints, without the chain", intake[False] * 1000, ""),
        (f"intake of {INTAKES} complaints, with the chain", intake[True] * 1000,
         f"+{(intake[True] / intake[False] - 1) * 100:.1f}% (target < 10%)"),
        (f"`demo --cases {DEMO_CASES}`, without the chain", demo[False] * 1000, ""),
        (f"`demo --cases {DEMO_CASES}`, with the chain", demo[True] * 1000,
         f"+{(demo[True] / demo[False] - 1) * 100:.1f}% (target < 10%)"),
        (f"`check`'s chain walk over {events:,} events, wall clock", seconds[0] * 1000,
         f"target < 10 s; {problem or 'whole'}"),
        ("the same walk, CPU time", seconds[1] * 1000, "what it costs on an idle machine"),
    ]
