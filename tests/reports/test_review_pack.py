"""The monthly review pack (PDF, read back as text) and the analysis workbooks (read back)."""

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.errors import InputError
from app.i18n import EN, ZH
from app.models import User
from app.services.analysis.overview import analyse
from app.services.analysis.period import Period
from app.services.analysis.period_return import period_return
from app.services.analysis.review_files import write_return, write_review
from tests.reports.conftest import pdf_fonts, pdf_text, squeezed
from tests.services.analysis_world import World

NOW = datetime(2026, 3, 4, 10, 0)
FEBRUARY = Period.month(2026, 2)


@pytest.fixture
def world(staff: User, staff2: User, manager: User) -> dict[str, int]:
    return World(staff, staff2, manager).build()


def test_the_chinese_pack_says_what_the_numbers_say(world: dict[str, int],
                                                    tmp_path: Path) -> None:
    path = write_review(analyse(FEBRUARY, actor=None, now=NOW), tmp_path / "review.pdf",
                        language=ZH)
    text = squeezed(pdf_text(path))
    for expected in ("月度投诉分析报告·2026年2月",
                     "产品质量占本月投诉的33%（2件），较上月增加1件。",
                     "1项根本原因中，1项（A类）占100%：产品缺陷。", "责任部门",
                     "按时作出决定率最低的是", "本月批准补偿¥150.00，涉及1件投诉",
                     "本期已支付¥150.00",
                     "平均满意度3.5分", "1位客户在12个月内重复投诉",
                     "期末仍有1件群体投诉或过激风险投诉未办结。", "第1页/共"):
        assert squeezed(expected) in text, expected
    assert all(font["emb"] == "yes" for font in pdf_fonts(path))


def test_the_english_pack_and_an_empty_month(world: dict[str, int], tmp_path: Path) -> None:
    path = write_review(analyse(FEBRUARY, actor=None, now=NOW), tmp_path / "review.pdf",
                        language=EN)
    text = " ".join(pdf_text(path).split())
    assert "Monthly complaint review · February 2026" in text
    assert "Product quality was 33% of this month's complaints (2), up 1 on last month." \
        in text
    empty = write_review(analyse(Period.month(2025, 6), actor=None, now=NOW),
                         tmp_path / "empty.pdf", language=EN)
    assert "No complaints were received this month." in " ".join(pdf_text(empty).split())


def test_the_review_workbook_is_typed(world: dict[str, int], tmp_path: Path) -> None:
    path = write_review(analyse(FEBRUARY, actor=None, now=NOW), tmp_path / "review.xlsx",
                        language=ZH)
    book = load_workbook(path)
    assert book.sheetnames[0] == "概览"
    summary = {row[0]: row[2:] for row in book["概览"].iter_rows(min_row=2, values_only=True)}
    assert summary["受理"][0] == 6 and summary["受理"][1] == 1 and summary["受理"][2] == 5
    assert summary["批准补偿金额"][0] == 150
    assert summary["已支付补偿"][0] == 150
    categories = list(book["投诉类别"].iter_rows(values_only=True))
    assert categories[0] == ("投诉类别", "件数", "占比", "累计占比", "分类")
    assert categories[1][:2] == ("产品质量", 2) and abs(categories[1][2] - 1 / 3) < 1e-9
    assert book["投诉类别"]["C2"].number_format == "0.0%"
    trend = list(book["月度趋势"].iter_rows(values_only=True))
    assert trend[-1][:4] == ("2026-02", 6, 4, 2) and trend[-1][4] == 0.5


def test_the_period_return_workbook(world: dict[str, int], tmp_path: Path) -> None:
    found = period_return(FEBRUARY, actor=None, now=NOW)
    path = write_return(found, tmp_path / "return.xlsx", language=ZH)
    book = load_workbook(path)
    totals = dict(book["统计表"].iter_rows(min_row=2, values_only=True))
    assert totals == {"受理投诉": 6, "办结（作出处理决定）": 4, "投诉成立": 3, "不予支持": 1,
                      "期末未办结": 3}
    bands = dict(book["处理时长"].iter_rows(min_row=2, values_only=True))
    assert bands["15 天以内"] == 4 and bands["60 天以上"] == 0
    money = list(book["补偿"].iter_rows(min_row=2, values_only=True))
    assert money == [(1, 1, 150)]
    with pytest.raises(InputError):
        write_return(found, tmp_path / "return.pdf", language=ZH)
