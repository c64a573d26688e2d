"""Reading hand-kept complaint registers: headers found and matched, cells cleaned or refused."""

import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.errors import InputError
from app.i18n import ZH, speaking
from app.services.importing import workbook
from app.services.importing.cells import clean_cell, clean_column, cleaner
from app.services.importing.columns import FIELDS, header_key
from app.services.importing.reader import SheetReading, read_sheet, sheet_names

NOW = datetime(2026, 4, 1, 12, 0)
HEADER = ["客户姓名", "电话", "投诉日期", "投诉内容"]
GOOD = ["张三", "13800138000", "2026-03-05", "电饭煲使用三天后无法开机"]


def save(tmp_path: Path, *rows: Sequence[object], name: str = "register.xlsx") -> Path:
    """A one-sheet workbook holding `rows` from A1 down; an empty row stays blank."""
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    path = tmp_path / name
    book.save(path)
    return path


def read(path: Path, **options: object) -> SheetReading:
    return read_sheet(path, now=NOW, **options)


def refusal(path: Path, **options: object) -> InputError:
    with pytest.raises(InputError) as caught:
        read(path, **options)
    return caught.value


def test_chinese_header_below_a_merged_title_and_a_blank_row(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["2025年投诉登记表"])
    sheet.merge_cells("A1:F1")
    for row in ([], ["序号", *HEADER, "客户诉求"], [1, *GOOD, "换新"], [],
                [2, " 李四\u3000", "13900139000", "2026-03-06", "送货延误  ", "  "]):
        sheet.append(row)
    book.save(tmp_path / "register.xlsx")

    reading = read(tmp_path / "register.xlsx")

    assert (reading.sheet, reading.header_row) == ("Sheet", 3)
    assert reading.headers == ["序号", *HEADER, "客户诉求"]
    assert reading.columns == {"customer_name": 1, "phone": 2, "received_at": 3,
                               "description": 4, "wish": 5}
    assert reading.unmatched == ["序号"]
    assert reading.problems == []
    assert [row.row for row in reading.rows] == [4, 6]
    assert reading.rows[1].values == {
        "customer_name": "李四", "phone": "13900139000", "received_at": datetime(2026, 3, 6),
        "description": "送货延误", "wish": "",
    }


def test_english_headers_matched_whatever_the_case_and_punctuation(tmp_path: Path) -> None:
    titles = ["Customer Name", "PHONE:", "*Date", "Description", "Order No.", "Notes"]
    reading = read(save(tmp_path, titles, [*GOOD, "A-1", "call back"]))
    assert reading.columns == {"customer_name": 0, "phone": 1, "received_at": 2,
                               "description": 3, "reference": 4}
    assert reading.unmatched == ["Notes"]
    assert reading.rows[0].values["reference"] == "A-1"


@pytest.mark.parametrize("titles", [
    ["客户姓名：", "*电话（必填）", "投诉 日期", "【必填】投诉内容"],
    ["\u3000姓名", "手机号", "受理时间", "问题描述"],
    ["ＮＡＭＥ", "Tel.", "Received At", "Details"],
])
def test_column_titles_are_matched_loosely(tmp_path: Path, titles: list[str]) -> None:
    reading = read(save(tmp_path, titles, GOOD))
    assert list(reading.columns) == ["customer_name", "phone", "received_at", "description"]
    assert len(reading.rows) == 1


def test_the_row_naming_most_fields_is_the_header(tmp_path: Path) -> None:
    path = save(tmp_path, ["类型", "状态"], ["门店", "已结案"], [*HEADER, "状态"], GOOD)
    assert read(path).header_row == 3


def test_rows_past_a_wrongly_recorded_used_range_are_read(tmp_path: Path) -> None:
    path = save(tmp_path, [*HEADER, "客户诉求"], GOOD + ["换新"], GOOD + ["退款"])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_xml = "xl/worksheets/sheet1.xml"
    parts[sheet_xml] = parts[sheet_xml].replace(b'ref="A1:E3"', b'ref="A1:A1"')
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    reading = read(path)
    assert [row.values["wish"] for row in reading.rows] == ["换新", "退款"]


def test_a_mapping_chooses_and_adds_columns(tmp_path: Path) -> None:
    path = save(tmp_path, ["联系人", "电话", "手机", "投诉日期", "投诉内容", "类型"],
                ["王五", "010-1234567", "13700137000", "2026-03-05", "退款未到账", "到店"])
    mapping = {"customer_name": "联系人", "phone": "手机", "channel": "类型"}
    reading = read(path, mapping=mapping)
    # "类型" would be the category; given to the channel, it feeds the channel only.
    assert reading.columns == {"customer_name": 0, "phone": 2, "received_at": 3,
                               "description": 4, "channel": 5}
    assert reading.unmatched == ["电话"]
    assert reading.rows[0].values["phone"] == "13700137000"
    assert reading.rows[0].values["channel"] == "到店"


def test_a_mapping_finds_a_header_of_unknown_titles(tmp_path: Path) -> None:
    path = save(tmp_path, ["Kunde", "Rufnummer", "Eingang", "Text"], GOOD)
    mapping = {"customer_name": "Kunde", "phone": "Rufnummer", "received_at": "Eingang",
               "description": "Text"}
    assert read(path, mapping=mapping).rows[0].values["customer_name"] == "张三"


def test_a_mapping_naming_an_unknown_field_or_column_is_refused(tmp_path: Path) -> None:
    path = save(tmp_path, HEADER, GOOD)
    unknown_field = refusal(path, mapping={"colour": "电话"})
    assert "Unknown field “colour”" in unknown_field.text.en
    assert "未知字段“colour”" in unknown_field.text.zh
    unknown_column = refusal(path, mapping={"wish": "备注"})
    assert "no column “备注” in the header (row 1)" in unknown_column.text.en
    assert "表头（第 1 行）中没有“备注”这一列" in unknown_column.text.zh


def test_text_values_are_stripped_and_their_digits_made_half_width(tmp_path: Path) -> None:
    path = save(tmp_path, [*HEADER, "订单号", "渠道", "状态", "编号"],
                ["\u3000张三  ", "13800138000", "2026-03-05", "订单１２３，坏了\r\n第二行",
                 "ＡＢ－１２３", " 电话\xa0", "处理中", " TS-2025-000001 "])
    values = read(path).rows[0].values
    assert values["customer_name"] == "张三"
    assert values["description"] == "订单123，坏了\n第二行"  # Chinese comma kept
    assert values["reference"] == "AB-123"
    assert (values["channel"], values["status"]) == ("电话", "处理中")
    assert values["number"] == "TS-2025-000001"


@pytest.mark.parametrize(("cell", "expected"), [
    (datetime(2026, 3, 5, 14, 30), datetime(2026, 3, 5, 14, 30)),
    (date(2026, 3, 5), datetime(2026, 3, 5)),
    ("2026-03-05", datetime(2026, 3, 5)),
    ("2026-3-5", datetime(2026, 3, 5)),
    ("2026/3/5", datetime(2026, 3, 5)),
    ("2026/03/05 14:30", datetime(2026, 3, 5, 14, 30)),
    ("2026.3.5", datetime(2026, 3, 5)),
    ("2026.3.5 14:30", datetime(2026, 3, 5, 14, 30)),
    ("2026年3月5日", datetime(2026, 3, 5)),
    ("2026年3月5日 14:30", datetime(2026, 3, 5, 14, 30)),
    ("2026年3月5日14时30分", datetime(2026, 3, 5, 14, 30)),
    ("２０２６－０３－０５", datetime(2026, 3, 5)),
    ("2026-03-05T14:30", datetime(2026, 3, 5, 14, 30)),
    (46086, datetime(2026, 3, 5)),
    (46086.5, datetime(2026, 3, 5, 12, 0)),
])
def test_dates_are_read_in_every_usual_form(tmp_path: Path, cell: object,
                                            expected: datetime) -> None:
    reading = read(save(tmp_path, HEADER, ["张三", "13800138000", cell, "坏了"]))
    assert reading.problems == []
    assert reading.rows[0].values["received_at"] == expected


@pytest.mark.parametrize(("cell", "english", "chinese"), [
    ("昨天", "is not a date and time", "不是有效的日期时间"),
    ("2026-02-30", "is not a date and time", "不是有效的日期时间"),
    ("2027-01-01", "cannot be in the future", "不能晚于当前时间"),
    (datetime(1999, 12, 31), "before the year 2000", "早于 2000 年"),
    (99999999, "is not a date", "不是有效的日期"),
])
def test_a_bad_date_is_reported_with_row_column_and_value(tmp_path: Path, cell: object,
                                                         english: str, chinese: str) -> None:
    reading = read(save(tmp_path, HEADER, GOOD, ["李四", "13900139000", cell, "坏了"]))
    assert [row.row for row in reading.rows] == [2]
    [problem] = reading.problems
    assert (problem.row, problem.column, problem.value) == (3, "投诉日期", str(cell))
    assert english in problem.reason.en
    assert chinese in problem.reason.zh


@pytest.mark.parametrize("cell", ["138 0013 8000", "138-0013-8000", "+86 138 0013 8000",
                                  "１３８００１３８０００", 13800138000, "0086 13800138000"])
def test_phones_are_kept_as_digits_only(tmp_path: Path, cell: object) -> None:
    reading = read(save(tmp_path, HEADER, ["张三", cell, "2026-03-05", "坏了"]))
    assert reading.rows[0].values["phone"] == "13800138000"


def test_a_missing_required_value_names_its_row(tmp_path: Path) -> None:
    reading = read(save(tmp_path, ["2026年登记表"], HEADER, GOOD,
                        ["李四", "13900139000", "2026-03-06", "\u3000"]))
    assert [row.row for row in reading.rows] == [3]
    [problem] = reading.problems
    assert (problem.row, problem.column, problem.value) == (4, "投诉内容", "\u3000")
    assert problem.reason.en == "Description is required."
    with speaking(ZH):
        assert str(problem.message) == "第 4 行，列“投诉内容”：请填写投诉内容。"


def test_every_bad_cell_of_a_row_is_reported(tmp_path: Path) -> None:
    reading = read(save(tmp_path, [*HEADER, "地址"], GOOD + [""],
                        ["", "12", "2026-13-01", "坏了", "长" * 201]))
    assert [row.row for row in reading.rows] == [2]
    assert [(p.row, p.column, p.value) for p in reading.problems] == [
        (3, "客户姓名", ""), (3, "电话", "12"), (3, "投诉日期", "2026-13-01"),
        (3, "地址", "长" * 201)]
    assert "not a phone number" in reading.problems[1].reason.en
    assert "地址过长：201 个字符，最多 200 个" in reading.problems[3].reason.zh


def test_text_longer_than_the_form_allows_is_refused(tmp_path: Path) -> None:
    reading = read(save(tmp_path, HEADER, ["张" * 61, "13800138000", "2026-03-05", "坏" * 5000]))
    [problem] = reading.problems
    assert problem.column == "客户姓名"
    assert "Customer name is too long: 61 characters, at most 60" in problem.reason.en


def _zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types xmlns='http://schemas.openxmlformats"
                                                ".org/package/2006/content-types'/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content"), [
    ("x.xlsx", b"\x00\x01 not a spreadsheet at all"),
    ("register.xlsx", "客户姓名,电话\n张三,13800138000\n".encode()),
    ("register.csv", "客户姓名,电话\n张三,13800138000\n".encode()),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
    ("letter.xlsx", _zip_without_workbook()),
])
def test_a_file_that_is_not_an_xlsx_workbook_is_refused(tmp_path: Path, name: str,
                                                        content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    for attempt in (lambda: read(tmp_path / name), lambda: sheet_names(tmp_path / name)):
        with pytest.raises(InputError) as caught:
            attempt()
        assert f"“{name}” is not an Excel workbook (.xlsx)" in caught.value.text.en
        assert f"“{name}”不是 Excel 工作簿（.xlsx）文件" in caught.value.text.zh
        assert "另存为" in caught.value.text.zh


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    error = refusal(tmp_path / "gone.xlsx")
    assert "was not found" in error.text.en
    with speaking(ZH):
        assert str(error).startswith("找不到文件")


def test_a_file_without_access_is_refused(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(workbook, "open_reader", denied)
    error = refusal(save(tmp_path, HEADER, GOOD))
    assert "access is denied" in error.text.en
    assert "没有访问权限" in error.text.zh


def test_sheets_are_listed_and_chosen_by_name(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["请从第二个工作表开始填写"])
    data = book.create_sheet("2026")
    for row in (HEADER, GOOD):
        data.append(row)
    path = tmp_path / "register.xlsx"
    book.save(path)

    assert sheet_names(path) == ["说明", "2026"]
    assert read(path, sheet="2026").rows[0].values["customer_name"] == "张三"
    error = refusal(path, sheet="2025")
    assert "no sheet “2025” in this workbook. Sheets: 说明, 2026." in error.text.en
    assert "没有名为“2025”的工作表。现有工作表：说明、2026。" in error.text.zh


def test_an_empty_sheet_is_refused(tmp_path: Path) -> None:
    error = refusal(save(tmp_path, [], [None, "  "]))
    assert error.text.en == "The sheet “Sheet” is empty."
    assert error.text.zh == "工作表“Sheet”是空的。"


def test_a_sheet_without_a_recognisable_header_is_refused(tmp_path: Path) -> None:
    error = refusal(save(tmp_path, ["说明：请按月填写"], ["张三", "13800138000", "坏了"]))
    assert "No header row found in the first 20 rows" in error.text.en
    assert "Customer name, Phone, Complaint date, Description" in error.text.en
    assert "找不到表头" in error.text.zh
    assert "客户姓名、电话、投诉日期、投诉内容" in error.text.zh


def test_a_header_without_a_required_column_is_refused(tmp_path: Path) -> None:
    error = refusal(save(tmp_path, ["客户姓名", "电话", "备注"], ["张三", "13800138000", ""]))
    assert "no column for: Complaint date, Description. Columns found: 客户姓名, 电话, 备注" \
        in error.text.en
    assert "缺少这些列：投诉日期、投诉内容。找到的列：客户姓名、电话、备注" in error.text.zh
    assert error.field == "received_at"


def test_field_titles_are_unambiguous_and_labels_are_understood() -> None:
    keys = [header_key(word) for field in FIELDS.values() for word in field.synonyms]
    assert len(keys) == len(set(keys))
    for field in FIELDS.values():
        understood = {header_key(word) for word in field.synonyms}
        assert {header_key(field.label.en), header_key(field.label.zh)} <= understood
    required = [name for name, field in FIELDS.items() if field.required]
    assert required == ["customer_name", "phone", "received_at", "description"]


def test_peek_shows_the_header_the_matching_and_the_first_rows(tmp_path: Path) -> None:
    from app.services.importing.reader import peek

    book = Workbook()
    sheet = book.active
    sheet.title = "登记"
    sheet.append(["2025年投诉登记表"])
    sheet.append(["客户姓名", "联系方式", "投诉日期", "投诉内容"])
    sheet.append([])
    for index in range(12):
        sheet.append([f"客户{index}", "13800138000", datetime(2025, 3, 5, 9, 30), "坏了"])
    book.create_sheet("说明")
    book.save(tmp_path / "old.xlsx")
    found = peek(tmp_path / "old.xlsx", rows=3)
    assert (found.sheet, found.sheets, found.header_row) == ("登记", ["登记", "说明"], 2)
    assert found.columns == {"customer_name": 0, "received_at": 2, "description": 3}
    assert found.sample[0] == ["客户0", "13800138000", "2025-03-05 09:30", "坏了"]
    assert len(found.sample) == 3


def test_an_empty_title_in_a_mapping_leaves_the_field_out(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["客户姓名", "电话", "投诉日期", "投诉内容", "地址"])
    book.active.append(["王小芳", "13800138000", "2025-03-05", "坏了", "杭州"])
    book.save(tmp_path / "old.xlsx")
    reading = read_sheet(tmp_path / "old.xlsx", now=datetime(2026, 1, 1),
                         mapping={"address": ""})
    assert "address" not in reading.columns and reading.unmatched == ["地址"]


CELLS = [None, "", "   ", "\u3000张三\u3000", "电饭煲坏了，第２次", "line\r\nbreak", " a\xa0", 42,
         13800138000.0, 2.5, "138 0013-8000", "+86 138 0013 8000", "１３８００１３８０００",
         "abc", datetime(2026, 3, 5, 14, 30, 15, 500), datetime(2031, 1, 1), datetime(1999, 1, 1),
         date(2026, 3, 5), 46086.5, "2026年3月5日", "2026/3/5 14:30", "not a date", "x" * 70,
         "Ｏｒｄｅｒ-１２３"]


@pytest.mark.parametrize("name", list(FIELDS))
def test_a_columns_cleaner_gives_what_cleaning_a_cell_gives(name: str) -> None:
    # The per-column cleaners take short paths for common cells; they must agree with
    # `clean_cell` on every kind of cell, refusals and their messages included.
    field, clean = FIELDS[name], cleaner(FIELDS[name], now=NOW)
    for raw in CELLS:
        assert _outcome(clean, raw) == _outcome(
            lambda cell: clean_cell(field, cell, now=NOW), raw), (name, raw)


COLUMNS = [CELLS, [cell for cell in CELLS if isinstance(cell, str)],
           ["\u3000张三 ", "李四", ""], ["电饭煲坏了，第２次", " plain "], ["x" * 70, "ok"],
           ["2026年3月5日", "not a date", "2026年3月5日", "not a date", "2026/3/5 14:30"],
           ["13800138000", " 138 0013-8000", "138-0013-8000 "], ["1380013", "008613800138000"]]


@pytest.mark.parametrize("name", list(FIELDS))
def test_a_whole_column_cleaned_at_once_gives_what_cleaning_each_cell_gives(name: str) -> None:
    # A column's cleaner is made knowing the whole column, and plain text is cleaned in
    # whole-column steps: both must agree with `clean_cell`, cell by cell.
    field = FIELDS[name]
    for column in COLUMNS:
        each = [_outcome(lambda cell: clean_cell(field, cell, now=NOW), raw) for raw in column]
        clean = cleaner(field, now=NOW, column=column)
        assert [_outcome(clean, raw) for raw in column] == each, (name, column)
        if any(isinstance(outcome, tuple) for outcome in each):
            with pytest.raises(InputError):
                clean_column(field, list(column), now=NOW)
        else:
            assert clean_column(field, list(column), now=NOW) == each, (name, column)


def _outcome(clean: Callable[[object], object], raw: object) -> object:
    try:
        return clean(raw)
    except InputError as error:
        return ("refused", error.text.en)
