"""`export` from the command line: the filters of `list`, the timeline sheet, bad names."""

from pathlib import Path

from openpyxl import load_workbook

from tests.cli.conftest import Run

ADD = ("--user", "clerk", "add", "--customer", "王小芳", "--channel", "counter",
       "--category", "billing", "--description", "多收了十元")


def _add(shop: Run, phone: str, **moves: str) -> str:
    number = shop(*ADD, "--phone", phone).stdout.strip()
    if "answer" in moves:
        moved = shop("--user", "clerk", "move", number, "--to", "rejected",
                     "--set", f"answer={moves['answer']}")
        assert moved.returncode == 0, moved.stderr
    return number


def test_export_with_a_status_filter_and_the_timeline(shop: Run, process: Run,
                                                      tmp_path: Path) -> None:
    rejected = _add(shop, "13800138000", answer="收银记录与标价一致")
    _add(shop, "13800138001")
    out = tmp_path / "exports" / "register.xlsx"
    done = process("--lang", "zh_CN", "export", "--out", str(out), "--status", "rejected",
                "--events")
    assert done.returncode == 0, done.stderr
    assert "已导出 1 件投诉" in done.stdout and str(out) in done.stdout
    book = load_workbook(out)
    assert book.sheetnames == ["投诉登记", "汇总", "处理记录"]
    rows = list(book["投诉登记"].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == rejected and "收银记录与标价一致" in rows[1]
    assert {row[0] for row in list(book["处理记录"].iter_rows(values_only=True))[1:]} == {
        rejected}


def test_dates_filter_by_when_the_case_was_received(shop: Run, tmp_path: Path) -> None:
    _add(shop, "13800138002")
    out = tmp_path / "none.xlsx"
    done = shop("export", "--out", str(out), "--from", "2000-01-01", "--to", "2000-12-31")
    assert done.returncode == 0, done.stderr
    assert "0 case(s) written" in done.stdout
    assert load_workbook(out)["Complaints"].max_row == 1  # the header only


def test_a_file_name_not_ending_in_xlsx_is_refused(shop: Run, tmp_path: Path) -> None:
    refused = shop("export", "--out", str(tmp_path / "register.xls"))
    assert refused.returncode == 2 and ".xlsx" in refused.stderr
    assert not (tmp_path / "register.xls").exists()
    unknown = shop("export", "--out", str(tmp_path / "r.xlsx"), "--status", "lost")
    assert unknown.returncode == 2 and "lost" in unknown.stderr
