"""Corrective actions on paper: the case summary lists a case's actions; the monthly review
has a section for actions started, done, judged effective or not, and warnings fired."""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from app.i18n import EN, ZH
from app.models import Complaint, User
from app.reports.summary import build_summary
from app.services.analysis.overview import analyse
from app.services.analysis.period import Period
from app.services.analysis.review_files import write_review
from app.services.casework import cases
from app.services.documents.summary import summary
from app.services.improvement import actions, lifecycle
from app.services.improvement.actions import ActionForm
from tests.conftest import NOW
from tests.reports.conftest import pdf_text, squeezed

MakeCase = Callable[..., Complaint]
MARCH = Period.month(2026, 3)


def _action(manager: User, case_ids: list[int], title: str, *steps: str,
            at: datetime = NOW) -> None:
    action = actions.create_action(ActionForm(
        title=title, owner=manager, due_on=date(2026, 3, 31), root_causes=["RC03"],
        cause_analysis="模具磨损", measure="每批抽检", case_ids=case_ids), actor=manager, now=at)
    for target in steps:
        action = lifecycle.move_action(action.id, target, expected_version=action.version,
                                       actor=manager, now=at)


def test_the_case_summary_lists_the_case_actions(make_case: MakeCase, manager: User,
                                                 tmp_path: Path) -> None:
    case = make_case()
    _action(manager, [case.id], "电饭煲来货开箱抽检", "in_progress")
    _action(manager, [], "无关的整改")
    path = build_summary(summary(case.number, language=ZH, now=NOW), tmp_path / "s.pdf")
    text = squeezed(pdf_text(path))
    assert squeezed("#1电饭煲来货开箱抽检整改中李经理2026-03-31") in text
    assert "无关的整改" not in text
    english = build_summary(summary(case.number, language=EN, now=NOW), tmp_path / "e.pdf")
    assert "Corrective actions" in pdf_text(english) and "In progress" in pdf_text(english)


def test_the_summarys_english_action_headers_break_between_words(
        make_case: MakeCase, manager: User, tmp_path: Path) -> None:
    case = make_case()
    _action(manager, [case.id], "Supplier batch check", "in_progress")
    path = build_summary(summary(case.number, language=EN, now=NOW), tmp_path / "e.pdf")
    lines = [line.strip() for line in pdf_text(path).splitlines()]
    words = {word for line in lines for word in line.split()}
    assert {"Effect", "checked", "Action", "owner"} <= words  # whole, never cut mid-word
    assert not {"checke", "d", "ow", "ner"} & words


def test_the_review_counts_the_month_of_improvement(make_case: MakeCase, manager: User,
                                                  staff: User, tmp_path: Path) -> None:
    def case(number: int, at: datetime) -> Complaint:
        made = make_case(phone=f"1390000{number:04d}", received_at=at, at=at)
        return cases.update_fields(made.id, values={"root_cause": "RC03"}, actor=staff,
                                   now=at, expected_version=made.version)

    earlier = [case(n, NOW - timedelta(days=2)) for n in range(4)]
    _action(manager, [earlier[0].id], "开箱抽检", "in_progress", "done")
    case(4, NOW + timedelta(days=3))  # warnings: 3 of a root cause, 5 of a category
    view = analyse(MARCH, actor=None, now=datetime(2026, 3, 31, 18, 0))
    text = squeezed(pdf_text(write_review(view, tmp_path / "r.pdf", language=ZH)))
    assert squeezed("本期启动整改措施1项，完成1项；验证有效0项、无效0项；触发预警2次。") in text
    book = load_workbook(write_review(view, tmp_path / "r.xlsx", language=EN))
    counts = {row[0]: row[1:] for row in book["Improvement"].iter_rows(min_row=2,
                                                                       values_only=True)}
    assert counts["Corrective actions started"] == (1, 0)
    assert counts["Early warnings fired"] == (2, 0)
    (line,) = list(book["Actions"].iter_rows(min_row=2, values_only=True))
    assert line[:6] == (1, "开箱抽检", "Done", "李经理", 4, 1)
