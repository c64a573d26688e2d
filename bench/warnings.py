"""Early-warning checks on 100,000 and 1,000,000 cases.

The check of one case runs inside every change of a case (intake, each edit, each step), so
it must stay small: target under 20 ms at 100,000 cases. The full check runs in the
window's minute check and `complaint-desk warnings`.

    python -m bench.warnings [100000|1000000 …]

The demo database of each size is read from the benchmark data folder
(COMPLAINT_DESK_BENCH_DATA, else bench/data; the 100,000-case one is generated there if
missing) and copied to a scratch folder first: the check records warnings, and opening the
copy upgrades its schema, neither of which may happen to a database others measure.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from app.models import Complaint, EarlyWarning, WarningCase
from app.services.casework import cases
from app.services.desk.store import close_desk, open_desk
from app.services.improvement import rules, warnings
from app.services.users import find_user
from bench import common

SIZES = (100_000, 1_000_000)


def source(size: int) -> Path:
    """The demo database of `size` cases in the benchmark data folder."""
    folder = os.environ.get("COMPLAINT_DESK_BENCH_DATA")
    path = Path(folder or common.DATA) / f"demo-{size // 1000}k.sqlite3"
    if not path.exists() and size == common.CASES and not folder:
        return common.demo_database()[0]
    if not path.exists():
        raise SystemExit(f"{path.name} is missing: make it with `complaint-desk --db PATH demo "
                         f"--cases {size} --seed 1`")
    return path


def scratch_copy(path: Path, folder: Path) -> Path:
    """A consistent copy of `path` (pages still in its WAL included) in `folder`."""
    target = folder / path.name
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as original, \
            sqlite3.connect(target) as copy:
        original.backup(copy)
    original.close()
    copy.close()
    return target


def run(sizes: tuple[int, ...] = (common.CASES,)) -> list[tuple[str, float, str]]:
    """Times the checks on each size."""
    rows: list[tuple[str, float, str]] = []
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix="bench-warnings-"))
        try:
            rows += _measure(size, scratch_copy(source(size), folder))
        finally:
            close_desk()
            shutil.rmtree(folder, ignore_errors=True)
    return rows


def _measure(size: int, path: Path) -> list[tuple[str, float, str]]:
    label = f"{size // 1000}k"
    started = time.perf_counter()
    opened = open_desk(str(path))
    upgrade = (time.perf_counter() - started) * 1000
    now = common.demo_now(path)
    rows = []
    if opened.upgraded_from is not None:
        rows.append((f"{label}: schema {opened.upgraded_from} → current (tables, indexes)",
                     upgrade, "once, at the first start of the new version"))
    if not EarlyWarning.select().exists():  # the rules have never looked at these cases
        started = time.perf_counter()
        first = warnings.check_all(now=now)
        stored = WarningCase.select().count()
        rows.append((f"{label}: full check, first run ({len(first)} warnings fired, {stored} "
                     "cases named)", (time.perf_counter() - started) * 1000,
                     f"{len(rules.all_rules(active_only=True))} default rules; once"))
    rows.append((f"{label}: full check, nothing new", common.best_of(
        lambda: warnings.check_all(now=now), runs=5), "the window's minute check"))
    rows += _per_case(label, now)
    return rows


def _per_case(label: str, now: object) -> list[tuple[str, float, str]]:
    """The check one change of a case runs: the newest case, and the newest decided case
    with a department and a root cause (every rule reads something then)."""
    newest = Complaint.select().order_by(Complaint.id.desc()).first()
    decided = (Complaint.select().where(Complaint.resolved_at.is_null(False)
                                        & Complaint.department.is_null(False)
                                        & Complaint.root_cause.is_null(False))
               .order_by(Complaint.resolved_at.desc()).first())
    rows = []
    for name, case in (("the newest case", newest), ("a case just decided", decided)):
        rows.append((f"{label}: check of one case on change ({name})", common.best_of(
            lambda c=case: warnings.check_case(c.id, now=now), runs=15), "target < 20 ms"))
    staff = find_user("staff1")
    edited = [newest.version]

    def edit() -> None:
        case = cases.update_fields(newest.id, values={"facts": f"核实 {edited[0]}"},
                                   actor=staff, now=now, expected_version=edited[0])
        edited[0] = case.version

    rows.append((f"{label}: an edit of a case, its check included", common.best_of(edit, runs=15),
                 f"{EarlyWarning.select().count()} warnings in the database"))
    return rows


if __name__ == "__main__":
    wanted = tuple(int(arg) for arg in sys.argv[1:]) or (common.CASES,)
    common.report(run(wanted))
