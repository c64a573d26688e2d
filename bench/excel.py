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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.services.desk.store import close_desk, open_desk
from app.services.register.export import CASE_COLUMNS, case_rows, export_register
from app.services.register.listing import CaseQuery, ordered_ids
from bench.common import case_count, demo_database, demo_now, isolate, median, report


def run(cases: int = 100_000, rounds: int = 3) -> list[tuple[str, float, str]]:
    """Times the export of every case and the bare dump of the same rows, in turn, `rounds`
    times each: the medians of their CPU times (and wall times)."""
    isolate()
    path, _ = demo_database(cases)
    now = demo_now(path)
    open_desk(str(path))
    out = Path(tempfile.mkdtemp())
    before = _peak_mb()
    result = export_register(CaseQuery(), out / "ours.xlsx", now=now, language="zh_CN")
    grown = _peak_mb() - before  # the first export: memory the later ones reuse
    rows = list(case_rows(ordered_ids(CaseQuery(), now=now), now=now, language="zh_CN"))
    kinds = [kind for _, _, kind, _ in CASE_COLUMNS]
    ours: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    for _ in range(rounds):
        ours.append(_timed(lambda: export_register(CaseQuery(), out / "ours.xlsx", now=now,
                                                   language="zh_CN")))
        bare.append(_timed(lambda: bare_dump(rows, kinds, out / "bare.xlsx")))
    size, bare_size = ((out / name).stat().st_size / 1e6 for name in ("ours.xlsx", "bare.xlsx"))
    close_desk()
    shutil.rmtree(out)
    assert result.cases == len(rows) == case_count(path)
    (wall, cpu), (bare_wall, bare_cpu) = _medians(ours), _medians(bare)
    return [(f"export {result.cases:,} cases (36 columns, summary sheet)", cpu,
             f"bare xlsxwriter dump of the same rows {bare_cpu:.0f} ms, ratio "
             f"{cpu / bare_cpu:.2f}x (target ≤ 1.1x); wall {wall:.0f} ms, bare {bare_wall:.0f} "
             f"ms; CPU medians of {rounds} runs in turn; peak memory +{grown:.0f} MB; file "
             f"{size:.1f} MB (bare {bare_size:.1f} MB)")]


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return median([run[0] for run in runs]), median([run[1] for run in runs])


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
