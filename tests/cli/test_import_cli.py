"""`import` from the command line: a messy file, a dry run, a mapping, refusals."""

import json
from pathlib import Path

from openpyxl import Workbook

from tests.cli.conftest import Run


def _file(path: Path, header: list[str], *rows: list[object]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "登记"
    sheet.append(["2025年投诉登记表"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD = ["王小芳", "138 0013 8000", "2025/3/5", "电饭煲坏了"]
BAD = ["李雷", "12", "2025年13月1日", ""]
HEADER = ["客户姓名", "手机", "投诉日期", "投诉内容"]


def test_import_then_the_same_file_again(shop: Run, tmp_path: Path) -> None:
    path = _file(tmp_path / "old.xlsx", HEADER, GOOD)
    done = shop("--user", "boss", "--lang", "zh_CN", "import", str(path))
    assert done.returncode == 0, done.stderr
    assert "已从工作表“登记”导入 1 件投诉" in done.stdout
    listed = shop("list", "--search", "13800138000", "--json")
    assert len(json.loads(listed.stdout)) == 1
    again = shop("--user", "boss", "import", str(path))
    assert again.returncode == 0 and "Row 3: already recorded as TS-2025-000001" in again.stdout


def test_a_dry_run_lists_each_bad_cell_and_changes_nothing(shop: Run, tmp_path: Path) -> None:
    path = _file(tmp_path / "old.xlsx", HEADER, GOOD, BAD)
    checked = shop("--user", "boss", "import", str(path), "--dry-run")
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert any(line.startswith("Row 4, column “手机”") for line in lines)
    assert any(line.startswith("Row 4, column “投诉日期”") and "2025年13月1日" in line
               for line in lines)
    assert "1 would be imported, 1 with problems" in checked.stdout
    refused = shop("--user", "boss", "import", str(path))
    assert refused.returncode == 1 and "Nothing imported" in refused.stdout
    assert json.loads(shop("list", "--json").stdout) == []
    skipped = shop("--user", "boss", "import", str(path), "--skip-bad-rows")
    assert skipped.returncode == 0 and "1 case(s) imported" in skipped.stdout


def test_a_mapping_names_columns_the_file_calls_otherwise(shop: Run, tmp_path: Path) -> None:
    path = _file(tmp_path / "old.xlsx", ["客户姓名", "联系方式", "投诉日期", "投诉内容"], GOOD)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"phone": "联系方式"}, ensure_ascii=False), encoding="utf-8")
    without = shop("--user", "boss", "import", str(path))
    assert without.returncode == 2 and "Phone" in without.stderr
    done = shop("--user", "boss", "import", str(path), "--mapping", str(mapping))
    assert done.returncode == 0, done.stderr


def test_a_file_that_is_not_excel_and_a_clerk_are_refused(shop: Run, tmp_path: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("客户姓名,电话\n王小芳,13800138000\n", encoding="utf-8")
    refused = shop("--user", "boss", "import", str(text))
    assert refused.returncode == 2 and ".xlsx" in refused.stderr
    path = _file(tmp_path / "old.xlsx", HEADER, GOOD)
    clerk = shop("--user", "clerk", "import", str(path))
    assert clerk.returncode == 1 and "import" in clerk.stderr
