"""The register exported to Excel, read back with openpyxl: types, header, filters, counts."""

import itertools
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.models import Complaint, Event, User
from app.services.casework import workflow
from app.services.compensation import offers
from app.services.register.export import CASE_COLUMNS, export_register
from app.services.register.listing import CaseQuery
from tests.conftest import NOW, PASSWORD

MakeCase = Callable[..., Complaint]
PHONES = itertools.count(20_000_000)
LATER = NOW + timedelta(days=20)


def _case(make_case: MakeCase, name: str, **fields: object) -> Complaint:
    return make_case(customer_name=name, phone=f"137{next(PHONES):08d}", **fields)


@pytest.fixture
def register(make_case: MakeCase, staff: User, owner: User) -> dict[str, Complaint]:
    """Three cases: one resolved on time with ¥1,200 approved, one rejected late, one new."""
    resolved = workflow.move(_case(make_case, "王小芳", description="电饭煲无法开机").id,
                             "in_progress", actor=staff, now=NOW, expected_version=1,
                             values={"department": "after_sales", "handler": "staff1"})
    offer = offers.propose(resolved.id, expected_version=resolved.version, kind="refund",
                           amount="1200", reason="质量问题", actor=staff, now=NOW)
    offers.decide(offer.id, decision="approve", reason="属实", password=PASSWORD,
                        actor=owner, now=NOW)
    resolved = Complaint.get_by_id(resolved.id)
    resolved = workflow.move(resolved.id, "resolved", actor=staff, now=NOW + timedelta(hours=2),
                             expected_version=resolved.version,
                             values={"root_cause": "RC03", "resolution": "全额退款"})
    rejected = workflow.move(_case(make_case, "李雷", description="=1+1 公式不该执行\x0b").id,
                             "rejected", actor=staff, now=NOW + timedelta(days=12),
                             expected_version=1, values={"answer": "监控显示商品完好"})
    waiting = _case(make_case, "赵敏", category="service")
    return {"resolved": resolved, "rejected": rejected, "new": waiting}


def _export(tmp_path: Path, query: CaseQuery | None = None, *, language: str = "zh_CN",
            events: bool = False) -> Path:
    path = tmp_path / "register.xlsx"
    export_register(query or CaseQuery(), path, now=LATER, language=language, events=events)
    return path


def _records(sheet: Worksheet) -> dict[str, dict[str, object]]:
    """Each data row as {header: value}, by case number (the first column)."""
    rows = list(sheet.iter_rows(values_only=True))
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_cells_are_typed_and_the_header_is_frozen_and_filtered(register: dict[str, Complaint],
                                                               tmp_path: Path) -> None:
    book = load_workbook(_export(tmp_path))
    sheet = book["投诉登记"]
    assert [c.value for c in sheet[1]] == [text.zh for _, text, *_ in CASE_COLUMNS]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:AK4"  # one column more: paid
    # xlsxwriter stores a width with the padding Excel adds to 40 characters.
    assert sheet[1][0].font.bold and 40 <= sheet.column_dimensions["M"].width < 41
    cells = {sheet.cell(1, c).value: sheet.cell(row, c)
             for row in range(2, 5) if sheet.cell(row, 1).value == register["resolved"].number
             for c in range(1, sheet.max_column + 1)}
    assert cells["受理时间"].value == NOW and cells["受理时间"].number_format == "yyyy-mm-dd hh:mm"
    assert cells["已批准补偿金额"].value == 1200 and cells["已批准补偿金额"].data_type == "n"
    assert cells["已批准补偿金额"].number_format == '"¥"#,##0.00'
    assert cells["电话"].data_type == "s"  # a phone number is an identifier, kept as text
    for column in ("受理时间", "初步答复期限", "处理期限", "处理决定时间"):
        assert isinstance(cells[column].value, datetime), column


def test_a_row_holds_the_case_its_customer_and_whether_deadlines_were_kept(
        register: dict[str, Complaint], tmp_path: Path) -> None:
    rows = _records(load_workbook(_export(tmp_path))["投诉登记"])
    resolved = rows[register["resolved"].number]
    assert resolved["客户姓名"] == "王小芳" and resolved["投诉事件"] == "电饭煲无法开机"
    assert resolved["状态"] == "已解决" and resolved["处理人"] == "张小芳"
    assert resolved["处理决定是否按时"] == "按时" and resolved["解决方案"] == "全额退款"
    rejected = rows[register["rejected"].number]
    assert rejected["处理决定是否按时"] == "超时" and rejected["已批准补偿金额"] is None
    assert rejected["投诉事件"] == "=1+1 公式不该执行"  # text, not a formula; no control char
    waiting = rows[register["new"].number]
    assert waiting["初步答复是否按时"] == "已逾期" and waiting["处理人"] is None


def test_filters_choose_the_rows_and_the_summary_counts_them(register: dict[str, Complaint],
                                                             tmp_path: Path) -> None:
    path = _export(tmp_path, CaseQuery(statuses=("resolved", "rejected")))
    book = load_workbook(path)
    assert set(_records(book["投诉登记"])) == {register["resolved"].number,
                                           register["rejected"].number}
    summary = list(book["汇总"].iter_rows(values_only=True))
    assert summary[0] == ("分组", "项目", "件数", "已批准补偿金额")
    assert ("状态", "已解决", 1, 1200) in summary and ("状态", "不予支持", 1, None) in summary
    assert ("月份", "2026-03", 2, 1200) in summary
    assert "处理记录" not in book.sheetnames


def test_the_timeline_sheet_lists_every_event_of_the_exported_cases(
        register: dict[str, Complaint], tmp_path: Path) -> None:
    case = register["resolved"]
    book = load_workbook(_export(tmp_path, CaseQuery(statuses=("resolved",)), events=True))
    events = list(book["处理记录"].iter_rows(values_only=True))
    assert events[0][:4] == ("编号", "时间", "人员", "事项")
    assert len(events) - 1 == Event.select().where(Event.complaint == case.id).count()
    assert {row[0] for row in events[1:]} == {case.number}
    assert ("状态", "处理中", "已解决") in [row[4:7] for row in events]


def test_english_headers_follow_the_language(register: dict[str, Complaint],
                                             tmp_path: Path) -> None:
    book = load_workbook(_export(tmp_path, language="en"))
    assert book.sheetnames == ["Complaints", "Summary"]
    header = [c.value for c in book["Complaints"][1]]
    assert header[:3] == ["Number", "Status", "Received"] and "Approved compensation" in header


class StoppedError(Exception):
    """What a cancelled job raises from its progress report."""


def test_stopping_half_way_leaves_the_earlier_file_untouched(register: dict[str, Complaint],
                                                             tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "register.xlsx"
    path.write_bytes(b"yesterday's export")

    def stop(_done: int, _total: int) -> None:
        raise StoppedError

    with pytest.raises(StoppedError):
        export_register(CaseQuery(), path, now=LATER, language="zh_CN", on_progress=stop)
    assert path.read_bytes() == b"yesterday's export"
    assert [p.name for p in folder.iterdir()] == ["register.xlsx"]  # no partial file left


def test_progress_counts_cases_then_their_timelines(register: dict[str, Complaint],
                                                   tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = export_register(CaseQuery(), tmp_path / "r.xlsx", now=LATER, language="zh_CN",
                             events=True, on_progress=lambda d, t: seen.append((d, t)))
    assert seen == [(3, 6), (6, 6)]
    assert result.cases == 3 and result.events == Event.select().where(
        Event.complaint.is_null(False)).count()


def test_an_export_reads_back_through_the_import_reader(register: dict[str, Complaint],
                                                        tmp_path: Path) -> None:
    from app.services.importing.reader import read_sheet

    reading = read_sheet(_export(tmp_path), now=LATER)
    assert reading.sheet == "投诉登记" and reading.header_row == 1 and not reading.problems
    got = {row.values["number"]: row.values for row in reading.rows}
    for case in register.values():
        values = got[case.number]
        assert values["customer_name"] == case.customer.name
        assert values["phone"] == case.customer.phone
        assert values["received_at"] == case.received_at
        assert values["description"] == case.description.replace("\x0b", "")


def test_the_export_shows_approved_and_paid(register: dict[str, Complaint], staff: User,
                                            tmp_path: Path) -> None:
    from app.models import CompensationOffer
    from app.services.compensation import payments

    offer = CompensationOffer.get(CompensationOffer.complaint == register["resolved"].id)
    payments.pay(offer.id, method="cash", reference="SJ-1", amount="1000", actor=staff,
                 now=NOW + timedelta(days=1))
    row = _records(load_workbook(_export(tmp_path))["投诉登记"])[register["resolved"].number]
    assert (row["已批准补偿金额"], row["已支付补偿金额"]) == (1200, 1000)
    assert _records(load_workbook(_export(tmp_path))["投诉登记"])[
        register["rejected"].number]["已支付补偿金额"] is None
