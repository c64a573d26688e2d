"""Excel on the demo database: the register exported, against a bare xlsxwriter dump.

The bare dump writes the same rows, already in memory, with xlsxwriter's constant-memory
mode, each cell with the method and format of its column (text, date, amount), under the
same header; what the export adds is reading the cases, naming things in Chinese, the
summary sheet, the frozen header and the filter. Memory is the growth of the process's peak
resident size during the export (the rows stream; nothing holds them all).

    python -m bench.excel [--cases N]
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.services.desk.store import close_desk, open_desk
from app.services.register.export import CASE_COLUMNS, case_rows, export_register
from app.services.register.listing import CaseQuery, ordered_ids
from bench.common import case_count, demo_database, demo_now, isolate, report


def run(cases: int = 100_000) -> list[tuple[str, float, str]]:
    """Times the export of every case, then the bare dump of the same rows, in turn."""
    isolate()
    path, _ = demo_database(cases)
    now = demo_now(path)
    open_desk(str(path))
    out = Path(tempfile.mkdtemp())
    before = _peak_mb()
    started, cpu = time.perf_counter(), time.process_time()
    result = export_register(CaseQuery(), out / "ours.xlsx", now=now, language="zh_CN")
    ours, ours_cpu = (time.perf_counter() - started) * 1000, time.process_time() - cpu
    grown = _peak_mb() - before
    rows = list(case_rows(ordered_ids(CaseQuery(), now=now), now=now, language="zh_CN"))
    kinds = [kind for _, _, kind, _ in CASE_COLUMNS]
    started, cpu = time.perf_counter(), time.process_time()
    bare_dump(rows, kinds, out / "bare.xlsx")
    bare, bare_cpu = (time.perf_counter() - started) * 1000, time.process_time() - cpu
    size, bare_size = ((out / name).stat().st_size / 1e6 for name in ("ours.xlsx", "bare.xlsx"))
    close_desk()
    shutil.rmtree(out)
    assert result.cases == len(rows) == case_count(path)
    return [(f"export {result.cases:,} cases (36 columns, summary sheet)", ours,
             f"CPU {ours_cpu * 1000:.0f} ms; bare xlsxwriter dump {bare:.0f} ms (CPU "
             f"{bare_cpu * 1000:.0f} ms), ratio {ours / bare:.2f}x (target ≤ 1.1x); peak "
             f"memory +{grown:.0f} MB; file {size:.1f} MB (bare {bare_size:.1f} MB)")]


def bare_dump(rows: list[tuple[Any, ...]], kinds: list[str], path: Path) -> None:
    """The same rows written by xlsxwriter alone: each column's method and format, the
    header row, nothing else."""
    import xlsxwriter

    from app.reports.excel import FORMATS, HEADER_FORMAT

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("cases")
    header = book.add_format(HEADER_FORMAT)
    formats = [book.add_format({"num_format": FORMATS[kind]}) for kind in kinds]
    methods = {"text": sheet.write_string, "datetime": sheet.write_datetime,
               "date": sheet.write_datetime}
    writers = [methods.get(kind, sheet.write_number) for kind in kinds]
    for column, kind in enumerate(kinds):
        sheet.write_string(0, column, kind, header)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if value is not None:
                writers[column](number, column, value, formats[column])
    book.close()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


if __name__ == "__main__":
    size = int(sys.argv[sys.argv.index("--cases") + 1]) if "--cases" in sys.argv else 100_000
    report(run(size))
