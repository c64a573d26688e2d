"""Importing an old register: all or nothing, original dates and states, never twice."""

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.errors import AccessError, InputError
from app.models import Complaint, Customer, Event, User
from app.services import deadlines, notes, settings, users
from app.services.desk.store import close_desk, open_desk
from app.services.importing import importer
from app.services.register.export import export_register
from app.services.register.listing import CaseQuery
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
HEADER = ["客户姓名", "电话", "投诉日期", "投诉内容", "客户诉求", "类别", "状态", "处理结果"]
ROWS = [
    ["王小芳", "138 0013 8000", "2025/3/5", "电饭煲用了三天就坏了", "退货", "产品质量", "已处理",
     "已退款"],
    ["李雷", "139-0000-0001", datetime(2025, 4, 1, 9, 30), "送货晚了两天", "", "物流配送", "",
     ""],
    ["赵敏", "13900000002", "2026年1月8日", "收银多收了十元", "退还差价", "", "不予支持",
     "经核对收银记录无误"],
]


def _sheet(path: Path, rows: list[list[object]], *, title: bool = True) -> Path:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append(["2025年投诉登记表"])
        sheet.merge_cells("A1:H1")
        sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _count() -> int:
    return Complaint.select().count()


def test_rows_become_cases_with_their_dates_states_and_source(owner: User,
                                                              tmp_path: Path) -> None:
    report = importer.import_cases(_sheet(tmp_path / "旧登记表.xlsx", ROWS), actor=owner,
                                    now=NOW)
    assert (report.rows, report.ready, len(report.created)) == (3, 3, 3)
    assert not report.problems and not report.duplicates and not report.refused
    first = Complaint.get(Complaint.number == report.created[0])
    assert first.number.startswith("TS-2025-") and first.received_at == datetime(2025, 3, 5)
    assert first.customer.phone == "13800138000" and first.customer.name == "王小芳"
    assert (first.status, first.resolution, first.next_due_at) == ("closed", "已退款", None)
    assert first.category.code == "product_quality"
    late = Complaint.get(Complaint.number == report.created[1])
    assert late.status == "new" and late.next_due_at is not None  # still owed: an answer
    rejected = Complaint.get(Complaint.number == report.created[2])
    assert rejected.number.startswith("TS-2026-") and rejected.answer == "经核对收银记录无误"
    assert rejected.category.code == "other"  # blank category
    event = Event.get(Event.complaint == first.id)
    assert event.kind == "imported" and "旧登记表.xlsx" in event.note and "4" in event.note


def test_each_case_notes_the_file_and_row_it_came_from(owner: User, tmp_path: Path) -> None:
    report = importer.import_cases(_sheet(tmp_path / '旧 "登记".xlsx', ROWS), actor=owner,
                                    now=NOW)
    for row, number in enumerate(report.created, start=4):  # a title, a blank row, the header
        event = Event.get(Event.complaint == Complaint.get(Complaint.number == number).id)
        assert event.note == notes.written("imported", file='旧 "登记".xlsx', row=row)


def test_imported_deadlines_are_those_intake_gives(owner: User, tmp_path: Path) -> None:
    # Sundays off: cases on a day off, after closing and before it, on one day and the next.
    settings.set_value("calendar.days_off", [6], actor=owner, now=NOW)
    times = [datetime(2025, 6, 6, 9, 0), datetime(2025, 6, 6, 17, 59), datetime(2025, 6, 6, 18, 0),
             datetime(2025, 6, 7, 18, 30), datetime(2025, 6, 8, 10, 0), datetime(2025, 6, 9, 8, 0)]
    rows = [[f"客户{i}", f"1380000{i:04d}", when, f"第{i}件{status}", "", "", status, ""]
            for i, when in enumerate(times) for status in ("", "处理中")]
    report = importer.import_cases(_sheet(tmp_path / "times.xlsx", rows), actor=owner, now=NOW)
    assert len(report.created) == len(rows)
    for case in Complaint.select():
        due = deadlines.for_intake(case.received_at, profile=case.profile)
        assert (case.first_response_due, case.resolution_due) == (due.first_response_due,
                                                                  due.resolution_due)
        assert case.next_due_at == due.first_response_due  # no first answer given yet


def test_the_same_file_twice_adds_nothing_the_second_time(owner: User, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "old.xlsx", ROWS)
    first = importer.import_cases(path, actor=owner, now=NOW)
    again = importer.import_cases(path, actor=owner, now=NOW)
    assert again.created == () and again.ready == 0
    assert [(d.row, d.of) for d in again.duplicates] == list(zip((4, 5, 6), first.created,
                                                                 strict=True))
    assert _count() == 3


def test_a_known_customer_keeps_their_record(owner: User, make_case: MakeCase,
                                             tmp_path: Path) -> None:
    make_case(customer_name="王芳芳", phone="13800138000")
    importer.import_cases(_sheet(tmp_path / "old.xlsx", ROWS[:1]), actor=owner, now=NOW)
    assert Customer.select().where(Customer.phone == "13800138000").count() == 1


def test_a_bad_row_stops_everything_unless_bad_rows_are_skipped(owner: User,
                                                                tmp_path: Path) -> None:
    bad = [*ROWS, ["孙丽", "12", "明天", "", "", "家具", "", ""]]
    path = _sheet(tmp_path / "old.xlsx", bad)
    refused = importer.import_cases(path, actor=owner, now=NOW)
    assert refused.refused and refused.created == () and _count() == 0
    assert {(p.row, p.column) for p in refused.problems} == {(7, "电话"), (7, "投诉日期"),
                                                             (7, "投诉内容")}
    assert all(p.row == 7 and str(p.reason) for p in refused.problems)
    skipped = importer.import_cases(path, actor=owner, now=NOW, skip_bad_rows=True)
    assert len(skipped.created) == 3 and _count() == 3


def test_a_value_outside_the_lists_is_a_row_problem(owner: User, tmp_path: Path) -> None:
    row = ["孙丽", "13900000009", "2025-06-01", "沙发开裂", "", "家具", "待审批", ""]
    report = importer.import_cases(_sheet(tmp_path / "old.xlsx", [row]), actor=owner, now=NOW)
    assert report.refused and {(p.column, p.value) for p in report.problems} == {
        ("类别", "家具"), ("状态", "待审批")}
    assert "Unknown category" in report.problems[0].reason.en


def test_a_dry_run_says_what_would_happen_and_writes_nothing(owner: User,
                                                             tmp_path: Path) -> None:
    report = importer.import_cases(_sheet(tmp_path / "old.xlsx", ROWS, title=False),
                                    actor=owner, now=NOW, dry_run=True)
    assert report.ready == 3 and report.created == () and not report.refused
    assert _count() == 0


def test_staff_may_not_import(staff: User, tmp_path: Path) -> None:
    with pytest.raises(AccessError):
        importer.import_cases(_sheet(tmp_path / "old.xlsx", ROWS), actor=staff, now=NOW)


def test_an_export_imported_into_an_empty_database_gives_the_same_cases(
        owner: User, tmp_path: Path) -> None:
    importer.import_cases(_sheet(tmp_path / "old.xlsx", ROWS), actor=owner, now=NOW)
    before = _cases()
    exported = tmp_path / "register.xlsx"
    export_register(CaseQuery(), exported, now=NOW + timedelta(days=1), language="zh_CN")
    close_desk()
    open_desk(str(tmp_path / "empty.sqlite3"), now=NOW)
    boss = users.create_user(username="boss", display_name="老板", role="owner",
                             password="secret", actor=None, now=NOW)
    report = importer.import_cases(exported, actor=boss, now=NOW)
    assert len(report.created) == 3 and not report.problems
    assert _cases() == before


def _cases() -> list[tuple]:
    return sorted((c.customer.name, c.customer.phone, c.received_at, c.description, c.wish,
                   c.category.code, c.status, c.resolution, c.answer) for c in Complaint.select())


class StoppedError(Exception):
    """What a cancelled job raises from its progress report."""


def test_stopping_half_way_records_nothing(owner: User, tmp_path: Path) -> None:
    rows = [[f"客户{i}", f"137{i:08d}", "2025-05-01", f"第{i}件投诉", "", "", "", ""]
            for i in range(700)]  # two chunks: the stop comes after the first is written
    path = _sheet(tmp_path / "old.xlsx", rows)

    def stop(done: int, _total: int) -> None:
        raise StoppedError(done)

    with pytest.raises(StoppedError):
        importer.import_cases(path, actor=owner, now=NOW, on_progress=stop)
    assert _count() == 0 and Customer.select().count() == 0
    assert importer.import_cases(path, actor=owner, now=NOW).created[0] == "TS-2025-000001"


@pytest.mark.parametrize("content", [b"not a workbook", b"", "客户姓名,电话\n".encode()])
def test_a_file_that_is_not_excel_changes_nothing(owner: User, tmp_path: Path,
                                                  content: bytes) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputError, match="not an Excel workbook"):
        importer.import_cases(path, actor=owner, now=NOW)
    assert _count() == 0


def test_an_empty_sheet_or_one_without_a_header_is_refused(owner: User,
                                                           tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "空表"
    book.create_sheet("杂项").append(["今天天气", "不错"])
    book.save(tmp_path / "old.xlsx")
    with pytest.raises(InputError, match="is empty"):
        importer.import_cases(tmp_path / "old.xlsx", actor=owner, now=NOW)
    with pytest.raises(InputError, match="No header row"):
        importer.import_cases(tmp_path / "old.xlsx", actor=owner, now=NOW, sheet="杂项")
    assert _count() == 0
