"""The monthly review pack's content: the overview turned into headed sections, sentences,
charts and tables in the reader's language (the PDF and the workbook draw it)."""

from __future__ import annotations

from typing import cast

from app.i18n import Text, speaking
from app.models import Category, Complaint, Customer, TupleRows
from app.reports.review_data import (
    CHANGE,
    COUNT,
    DAYS,
    NUMBER,
    PERCENT,
    SHARE,
    TEXT,
    YUAN,
    Bars,
    Column,
    Grid,
    ReviewData,
    Section,
)
from app.services.analysis import sentences
from app.services.analysis.breakdowns import TeamRow
from app.services.analysis.names import KIND_NAMES
from app.services.analysis.overview import Overview
from app.services.analysis.pareto import Pareto, pareto
from app.services.analysis.slices import Slice
from app.services.documents import papers
from app.services.improvement.figures import period_figures
from app.services.improvement.words import ACTION_STATUSES
from app.services.labels import OFFER_KINDS, STATUSES, label
from app.services.settings import get as setting

T = Text
# The headline rows: key, name, unit ("" a count, "%", "¥", "days").
HEADLINE = (
    ("received", KIND_NAMES["received"], ""), ("decided", KIND_NAMES["decided"], ""),
    ("open_at_end", KIND_NAMES["open_at_end"], ""), ("reopened", KIND_NAMES["reopened"], ""),
    ("first_answer_on_time_pct", T("First answers on time", "初步答复按时率"), "%"),
    ("decision_on_time_pct", T("Decisions on time", "按时作出决定率"), "%"),
    ("median_days_to_decision", T("Median business days to decision", "处理天数中位数（工作日）"),
     "days"),
    ("upheld", KIND_NAMES["upheld"], ""), ("not_upheld", KIND_NAMES["not_upheld"], ""),
    ("compensation_approved_amount", T("Compensation approved", "批准补偿金额"), "¥"),
    ("compensation_paid_amount", KIND_NAMES["offer_paid"], "¥"),
    ("satisfaction_avg", T("Average satisfaction (1–5)", "平均满意度（1–5）"), ""),
    ("low_score", KIND_NAMES["low_score"], ""),
    ("repeat_customers", T("Repeat customers", "重复投诉客户"), ""),
    ("open_risky", KIND_NAMES["open_risky"], ""),
)
RISKY_LISTED = 30


def _col(en: str, zh: str, kind: str, width: float = 1.0) -> Column:
    """A column titled in the current language."""
    return Column(str(T(en, zh)), kind, width)


def review_data(view: Overview, *, language: str) -> ReviewData:
    """The whole pack of `view`, worded in `language`."""
    with speaking(language):
        previous_categories = pareto("category", view.period.previous(), view.filters)
        sections = (
            _pareto_section(view.paretos["category"], T("Complaints by category", "投诉类别"),
                            [str(sentences.category_sentence(
                                view.paretos["category"], previous_categories, view.period))]),
            _pareto_section(view.paretos["root_cause"], T("Root causes", "根本原因"),
                            [str(sentences.pareto_sentence(view.paretos["root_cause"],
                                                           T("root cause", "根本原因")))]),
            _pareto_section(view.paretos["fault_department"],
                            T("Departments at fault", "责任部门"),
                            [str(sentences.pareto_sentence(view.paretos["fault_department"],
                                                           T("department at fault", "责任部门")))]),
            _pareto_section(view.paretos["channel"], T("Channels", "投诉渠道"), [], chart=False),
            _trend_section(view), _teams_section(view), _money_section(view),
            _satisfaction_section(view), _risky_section(view), _improvement_section(view))
        title = str(T("Monthly complaint review", "月度投诉分析报告"))
        return ReviewData(
            letterhead=papers.letterhead(), title=f"{title} · {view.period.label()}",
            subtitle=str(T("Generated {at}; compared with {prev} and a year earlier.",
                           "生成于 {at}；与{prev}及去年同期比较。").format(
                at=view.now.strftime("%Y-%m-%d %H:%M"), prev=sentences.last(view.period))),
            headline=_headline(view), sections=sections, words=papers.words(language),
            paper=setting("print.paper"))


def _headline(view: Overview) -> Grid:
    columns = (_col("Figure", "指标", TEXT, 3), _col("Unit", "单位", TEXT, 0.8),
               Column(str(view.period.label()), NUMBER),
               Column(str(view.period.previous().label()), NUMBER),
               _col("Change", "变化", CHANGE),
               Column(str(view.period.year_earlier().label()), NUMBER))
    rows = []
    for key, name, unit in HEADLINE:
        scale = 100 if unit == "¥" else 1
        earlier = view.year_earlier.get(key) if view.year_earlier else None
        previous = view.previous.get(key)
        values = [view.current[key].value, previous.value if previous is not None else None,
                  view.change(key).difference,
                  earlier.value if earlier is not None else None]
        unit_name = str({"days": T("days", "天")}.get(unit, T(unit, unit)))
        rows.append((str(name), unit_name,
                     *(None if value is None else value / scale for value in values)))
    return Grid(str(T("Headline figures", "主要指标")), columns, tuple(rows),
                sheet=str(T("Summary", "概览")))


def _pareto_columns(first: str) -> tuple[Column, ...]:
    return (Column(first, TEXT, 3), _col("Cases", "件数", COUNT),
            _col("Share", "占比", SHARE), _col("Cumulative", "累计占比", SHARE),
            _col("Class", "分类", TEXT, 0.6))


def _pareto_section(table: Pareto, heading: Text, lines: list[str], *,
                    chart: bool = True) -> Section:
    rows = tuple((str(row.name), row.count, row.share, row.cumulative_share, row.klass)
                 for row in table.rows)
    bars = Bars(str(heading), tuple(str(row.name) for row in table.rows),
                tuple(float(row.count) for row in table.rows),
                cumulative=tuple(100 * row.cumulative_share for row in table.rows),
                marked=tuple(row.klass == "A" for row in table.rows)) if chart else None
    return Section(str(heading), tuple(lines), bars,
                   (Grid(str(heading), _pareto_columns(str(heading)), rows, sheet=str(heading)),))


def _trend_section(view: Overview) -> Section:
    heading = T("Monthly trend", "月度趋势")
    points = view.trend
    bars = Bars(str(heading), tuple(p.month.code()[2:] for p in points),
                tuple(float(p.received) for p in points),
                line=tuple(p.on_time_pct for p in points),
                legend=(str(T("bars: complaints received", "柱：受理件数")),
                        str(T("line: decisions on time (%)", "线：按时作出决定率（%）"))))
    columns = (_col("Month", "月份", TEXT), Column(str(KIND_NAMES["received"]), COUNT),
               Column(str(KIND_NAMES["decided"]), COUNT),
               Column(str(KIND_NAMES["decided_late"]), COUNT),
               _col("On time", "按时率", PERCENT))
    rows = tuple((p.month.code(), p.received, p.decided, p.late, p.on_time_pct) for p in points)
    return Section(str(heading), (str(sentences.trend_sentence(view)),), bars,
                   (Grid(str(heading), columns, rows, sheet=str(heading)),))


def _team_grid(rows: list[TeamRow], title: Text) -> Grid:
    columns = (Column(str(title), TEXT, 2), _col("Cases", "件数", COUNT),
               Column(str(KIND_NAMES["decided"]), COUNT), _col("On time", "按时率", PERCENT),
               _col("Median days", "天数中位数", DAYS),
               Column(str(KIND_NAMES["overdue_now"]), COUNT),
               _col("Satisfaction", "满意度", DAYS))
    values = tuple((str(row.name), row.received, row.decided, row.on_time_pct, row.median_days,
                    row.overdue_now, row.satisfaction_avg) for row in rows)
    return Grid(str(title), columns, values, sheet=str(title))


def _teams_section(view: Overview) -> Section:
    return Section(str(T("Departments and handlers", "处理部门与处理人")),
                   (str(sentences.team_sentence(view.departments)),), None,
                   (_team_grid(view.departments, T("Handling department", "处理部门")),
                    _team_grid(view.handlers, T("Handler", "处理人"))))


def _money_section(view: Overview) -> Section:
    kinds = Grid(str(T("Approved by kind", "按补偿类型")),
                 (_col("Kind", "类型", TEXT, 2), _col("Offers", "方案数", COUNT),
                  _col("Cases", "件数", COUNT), _col("Amount", "金额", YUAN)),
                 tuple((label(OFFER_KINDS, row.kind), row.offers, row.cases, row.amount_fen / 100)
                       for row in view.by_kind), sheet=str(T("Compensation", "补偿")))
    largest = Grid(str(T("Largest approved offers", "最大额补偿")),
                   (_col("Case", "投诉编号", TEXT, 1.6), _col("Customer", "客户", TEXT),
                    _col("Kind", "类型", TEXT), _col("Amount", "金额", YUAN)),
                   tuple((offer.number, offer.customer, label(OFFER_KINDS, offer.kind),
                          offer.amount_fen / 100) for offer in view.largest),
                   sheet=str(T("Largest offers", "最大额补偿")))
    return Section(str(T("Compensation", "补偿")), (str(sentences.money_sentence(view)),), None,
                   (kinds, largest))


def _satisfaction_section(view: Overview) -> Section:
    return Section(str(T("Satisfaction and repeat customers", "满意度与重复投诉")),
                   (str(sentences.satisfaction_sentence(view)),
                    str(sentences.repeat_sentence(view))))


def _risky_section(view: Overview) -> Section:
    piece = Slice("open_risky", view.period.first, view.period.last, now=view.now)
    select = (Complaint.select(Complaint.number, Complaint.received_at, Customer.name,
                               Category.name_zh, Category.name_en, Complaint.status)
              .join(Customer).switch(Complaint).join(Category)
              .where(piece.condition(), *view.filters.conditions())
              .order_by(Complaint.received_at).limit(RISKY_LISTED).tuples())
    found = cast(TupleRows, select)
    zh = str(T("en", "zh")) == "zh"
    rows = tuple((number, f"{received:%Y-%m-%d}" if hasattr(received, "strftime")
                  else str(received)[:10], customer, name_zh if zh else name_en,
                  label(STATUSES, status))
                 for number, received, customer, name_zh, name_en, status in found)
    columns = (_col("Case", "投诉编号", TEXT, 1.6), _col("Received", "受理日期", TEXT),
               _col("Customer", "客户", TEXT), _col("Category", "投诉类别", TEXT),
               _col("Status", "状态", TEXT))
    return Section(str(T("Open group and escalation-risk cases", "未结的群体与过激风险投诉")),
                   (str(sentences.risky_sentence(view)),), None,
                   (Grid(str(KIND_NAMES["open_risky"]), columns, rows,
                         sheet=str(T("Open risky cases", "未结风险投诉"))),))


IMPROVEMENT_ROWS = (("opened", T("Corrective actions started", "启动整改措施")),
                    ("done", T("Actions done", "整改完成")),
                    ("verified", T("Verified effective", "验证有效")),
                    ("not_effective", T("Not effective", "验证无效")),
                    ("warnings", T("Early warnings fired", "触发预警")))


def _improvement_section(view: Overview) -> Section:
    """Corrective actions and early warnings (the whole desk, whatever the filters)."""
    period, previous = view.period, view.period.previous()
    now = period_figures(period.first, period.last, now=view.now)
    before = period_figures(previous.first, previous.last, now=view.now)
    counts = Grid(str(T("This period and the one before", "本期与上期")),
                  (_col("Figure", "指标", TEXT, 3), Column(str(period.label()), COUNT),
                   Column(str(previous.label()), COUNT)),
                  tuple((str(name), now.counts[key], before.counts[key])
                        for key, name in IMPROVEMENT_ROWS),
                  sheet=str(T("Improvement", "整改与预警")))
    lines = Grid(str(T("Actions done or judged", "完成或验证的整改措施")),
                 (_col("No.", "编号", COUNT, 0.7), _col("Action", "整改措施", TEXT, 2.3),
                  _col("State", "状态", TEXT, 1.8), _col("Owner", "整改责任人", TEXT, 1.1),
                  _col("Cases before", "完成前件数", COUNT, 1.3),
                  _col("Cases since", "完成后件数", COUNT, 1.3),
                  _col("Days each", "对比天数", COUNT, 1.1)),
                 tuple((line.id, line.title, label(ACTION_STATUSES, line.status), line.owner,
                        line.before, line.after, line.days) for line in now.lines),
                 sheet=str(T("Actions", "整改措施")))
    c = now.counts
    sentence = T("Corrective actions started this period: {opened}; done: {done}; judged "
                 "effective: {verified}, not effective: {not_effective}. Early warnings fired: "
                 "{warnings}.",
                 "本期启动整改措施 {opened} 项，完成 {done} 项；验证有效 {verified} 项、无效 "
                 "{not_effective} 项；触发预警 {warnings} 次。").format(**c)
    return Section(str(T("Corrective actions and early warnings", "整改措施与预警")),
                   (str(sentence),), None, (counts, lines))
