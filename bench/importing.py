"""Importing a 10,000-row register kept by hand, against a bare read and insert.

The sheet looks like a real one: a merged title row, Chinese headers, dates as Excel dates
and as text in three styles, phones with spaces and dashes. The bare figure is one
python-calamine read of the rows plus one `executemany` each of customers, cases and the
event every imported case carries, into the same schema (its search index and counts kept
by triggers, as for any insert), in the same run. The import adds finding the header,
cleaning every cell, looking up the lists, checking for repeats, matching customers,
numbering and deadlines.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from app.services import users
from app.services.desk.store import close_desk, open_desk
from app.services.importing import importer
from bench.common import isolate, median

ROWS = 10_000
NOW = datetime(2026, 11, 20, 12, 0)
HEADER = ["序号", "客户姓名", "联系电话", "投诉日期", "投诉内容", "客户诉求", "类别", "状态",
          "处理结果"]


def run(rounds: int = 5) -> list[tuple[str, float, str]]:
    """Times the import into a new database and the bare pass, `rounds` alternating runs of
    each: the medians of their CPU times (and wall times)."""
    isolate()
    folder = Path(tempfile.mkdtemp())
    sheet = make_sheet(folder / "register.xlsx")
    ours, bare, created = [], [], 0
    for round_ in range(rounds):
        bare.append(_timed_bare(sheet, folder / f"bare-{round_}.sqlite3"))
        *took, created = _timed_import(sheet, folder / f"desk-{round_}.sqlite3")
        ours.append(tuple(took))
    (wall, cpu), (bare_wall, bare_cpu) = _medians(ours), _medians(bare)
    return [(f"import {created:,} rows of a hand-kept sheet", cpu,
             f"bare calamine read + insert {bare_cpu:.0f} ms, ratio {cpu / bare_cpu:.2f}x "
             f"(target ≤ 1.3x); wall {wall:.0f} ms, bare {bare_wall:.0f} ms; CPU medians of "
             f"{rounds} runs in turn")]


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return median([run[0] for run in runs]), median([run[1] for run in runs])


def _timed_bare(sheet: Path, database: Path) -> tuple[float, float]:
    open_desk(str(database), now=NOW)  # the schema, for the bare insert
    close_desk()
    started, cpu = time.perf_counter(), time.process_time()
    bare_import(sheet, database)
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def _timed_import(sheet: Path, database: Path) -> tuple[float, float, int]:
    open_desk(str(database), now=NOW)
    try:
        boss = users.create_user(username="boss", display_name="老板", role="owner",
                                 password="bench-password", actor=None, now=NOW)
        started, cpu = time.perf_counter(), time.process_time()
        report = importer.import_cases(sheet, actor=boss, now=NOW)
        return ((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000,
                len(report.created))
    finally:
        close_desk()


def make_sheet(path: Path) -> Path:
    """A 10,000-row register with the habits of a hand-kept one."""
    rng = random.Random(1)
    book = Workbook()
    sheet = book.active
    sheet.append(["惠民家电 2025 年客户投诉登记表"])
    sheet.merge_cells("A1:I1")
    sheet.append(HEADER)
    start = NOW - timedelta(days=365)
    for index in range(ROWS):
        received = start + timedelta(minutes=rng.randint(0, 365 * 24 * 60))
        date = rng.choice([received, f"{received:%Y-%m-%d %H:%M}", f"{received:%Y/%-m/%-d}",
                           f"{received.year}年{received.month}月{received.day}日"])
        phone = f"13{index:09d}"
        phone = rng.choice([phone, f"{phone[:3]} {phone[3:7]} {phone[7:]}",
                            f"{phone[:3]}-{phone[3:7]}-{phone[7:]}"])
        status, result = rng.choice([("已处理", "已退款"), ("处理中", ""), ("", "")])
        sheet.append([index + 1, rng.choice("王李张刘陈杨赵") + rng.choice("小丽明芳伟"),
                      phone, date, f"第{index}号投诉：冰箱不制冷，维修三次仍未修好  ",
                      rng.choice(["退货", "换新", ""]), rng.choice(["产品质量", "物流配送", ""]),
                      status, result])
    book.save(path)
    return path


def bare_import(sheet: Path, database: Path) -> None:
    """python-calamine's read of the rows, then one `executemany` each of customers, cases
    and their "imported" events into the same schema (its triggers included), values as
    read."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(sheet))
    rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)[2:]
    book.close()
    columns = ", ".join(importer.CASE_COLUMNS)
    marks = ", ".join("?" for _ in importer.CASE_COLUMNS)
    now = NOW.isoformat(sep=" ")
    with sqlite3.connect(database) as conn:
        conn.executemany("INSERT INTO customer (id, name, phone, address, note, created_at, "
                         "updated_at) VALUES (?, ?, ?, '', '', ?, ?)",
                         [(i, row[1], str(row[2]), now, now) for i, row in enumerate(rows, 1)])
        conn.executemany(f"INSERT INTO complaint ({columns}) VALUES ({marks})", [
            (f"TS-0000-{i:06d}", i, "other", 1, "medium", False, False, False, row[4],
             row[5] or "", "", "", str(row[3]), "new", "shop", None, None, None, "", "",
             row[8] or "", "", "", now, now, 1, False, str(row[3]))
            for i, row in enumerate(rows, 1)])
        conn.executemany(
            "INSERT INTO event (complaint_id, at, actor_id, kind, field, old_value, new_value, "
            "note, case_version) VALUES (?, ?, NULL, 'imported', 'number', '', ?, ?, 1)",
            [(i, now, f"TS-0000-{i:06d}", f"row {i + 2}") for i in range(1, len(rows) + 1)])
    conn.close()


if __name__ == "__main__":
    from bench.common import report

    report(run())
