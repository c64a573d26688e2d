"""Excel on the 100,000-case database: the register exported, against a bare openpyxl dump.

The bare dump writes the same rows, already in memory, with openpyxl's write-only mode and
no styles; what the export adds is reading the cases, naming things in Chinese, typed and
styled cells, and the summary sheet. Memory is the growth of the process's peak resident
size during the export (the rows stream; nothing holds them all).
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from app.services.desk.store import close_desk, open_desk
from app.services.register.export import case_rows, export_register
from app.services.register.listing import CaseQuery, ordered_ids
from bench.common import demo_database, demo_now


def run() -> list[tuple[str, float, str]]:
    """Times the export of every case, then the bare dump of the same rows."""
    path, _ = demo_database()
    now = demo_now(path)
    open_desk(str(path))
    out = Path(tempfile.mkdtemp())
    before = _peak_mb()
    started = time.perf_counter()
    result = export_register(CaseQuery(), out / "ours.xlsx", now=now, language="zh_CN")
    ours = (time.perf_counter() - started) * 1000
    grown = _peak_mb() - before
    rows = list(case_rows(ordered_ids(CaseQuery(), now=now), now=now, language="zh_CN"))
    started = time.perf_counter()
    bare_dump(rows, out / "bare.xlsx")
    bare = (time.perf_counter() - started) * 1000
    size = (out / "ours.xlsx").stat().st_size / 1e6
    close_desk()
    return [(f"export {result.cases:,} cases (36 columns, summary sheet)", ours,
             f"bare openpyxl dump {bare:.0f} ms, ratio {ours / bare:.2f}x (target ≤ 1.2x); "
             f"peak memory +{grown:.0f} MB (target < 100 MB); file {size:.1f} MB")]


def bare_dump(rows: list[tuple[object, ...]], path: Path) -> None:
    """The same rows written by openpyxl alone: write-only, plain values, no styles."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("cases")
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


if __name__ == "__main__":
    from bench.common import report

    report(run())
