"""Writing the review pack (PDF or Excel) and the period return (Excel) to files.

reportlab and xlsxwriter are imported when the first file is written, so neither the
window's start nor the command line's pays for them.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import InputError
from app.i18n import Text, speaking
from app.reports.review_data import COUNT, TEXT, YUAN, Column, Grid
from app.services.analysis.overview import Overview
from app.services.analysis.period_return import PeriodReturn, ReturnRow

T = Text


def _suffix(path: Path, allowed: tuple[str, ...]) -> str:
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise InputError(Text("The file name must end in {ends} (“{name}”).",
                              "文件名须以 {ends} 结尾（“{name}”）。").format(
            ends=" / ".join(allowed), name=path.name), field="out")
    return suffix


def write_review(view: Overview, path: Path, *, language: str) -> Path:
    """The monthly review pack as a PDF, or its tables as a workbook (.xlsx)."""
    from app.services.analysis.review import review_data

    suffix = _suffix(path, (".pdf", ".xlsx"))
    path.parent.mkdir(parents=True, exist_ok=True)
    data = review_data(view, language=language)
    if suffix == ".xlsx":
        from app.reports.workbook import build_workbook

        return build_workbook(data.grids(), path)
    from app.reports.review import build_review

    return build_review(data, path)


def write_return(found: PeriodReturn, path: Path, *, language: str) -> Path:
    """The period return as a workbook, one sheet per table."""
    from app.reports.workbook import build_workbook

    _suffix(path, (".xlsx",))
    path.parent.mkdir(parents=True, exist_ok=True)
    with speaking(language):
        return build_workbook(return_grids(found), path)


def _rows(title: Text, rows: tuple[ReturnRow, ...], sheet: Text) -> Grid:
    columns = (Column(str(title), TEXT, 2), Column(str(T("Cases", "件数")), COUNT))
    return Grid(str(title), columns, tuple((str(row.name), row.count) for row in rows),
                sheet=str(sheet))


def return_grids(found: PeriodReturn) -> list[Grid]:
    """The return's tables in the current language."""
    period = str(found.period.label())
    money = Grid(str(T("Compensation approved", "批准补偿")),
                 (Column(str(T("Offers", "方案数")), COUNT), Column(str(T("Cases", "件数")), COUNT),
                  Column(str(T("Amount", "金额")), YUAN)),
                 ((found.compensation["offers"], found.compensation["cases"],
                   found.compensation["fen"] / 100),), sheet=str(T("Compensation", "补偿")))
    return [
        _rows(T("Complaints of {p}", "{p}投诉情况").format(p=period), found.totals,
              T("Return", "统计表")),
        _rows(T("By category", "按投诉类别"), found.by_category, T("Categories", "类别")),
        _rows(T("By channel", "按投诉渠道"), found.by_channel, T("Channels", "渠道")),
        _rows(T("Decided within", "处理时长"), found.bands, T("Days to decision", "处理时长")),
        money,
    ]
