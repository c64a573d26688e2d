"""A sentence per chart, written from the numbers in both languages: what an owner would
say at the monthly meeting ("产品质量占本月投诉的 44%，较上月增加 12 件")."""

from __future__ import annotations

from app.i18n import Text
from app.services.analysis.breakdowns import TeamRow
from app.services.analysis.overview import Overview
from app.services.analysis.pareto import Pareto
from app.services.analysis.period import MONTH, QUARTER, YEAR, Period
from app.services.text import yuan

_THIS = {MONTH: Text("this month", "本月"), QUARTER: Text("this quarter", "本季度"),
         YEAR: Text("this year", "本年")}
_LAST = {MONTH: Text("last month", "上月"), QUARTER: Text("last quarter", "上季度"),
         YEAR: Text("last year", "上年")}


def this(period: Period) -> Text:
    """"this month", "this quarter"… (本月、本季度…)."""
    return _THIS.get(period.kind, Text("this period", "本期"))


def last(period: Period) -> Text:
    """"last month", "last quarter"… (上月、上季度…)."""
    return _LAST.get(period.kind, Text("the period before", "上期"))


def moved(difference: float, unit: Text, period: Period, *, money: bool = False) -> Text:
    """"up 12 on last month" / "较上月增加 12 件" (or down, or the same)."""
    amount = yuan(int(abs(difference))) if money else f"{abs(difference):g}"
    before = last(period)
    if difference > 0:
        return Text(f"up {amount} on {before.en}", f"较{before.zh}增加 {amount}{unit.zh}")
    if difference < 0:
        return Text(f"down {amount} on {before.en}", f"较{before.zh}减少 {amount}{unit.zh}")
    return Text(f"the same as {before.en}", f"与{before.zh}持平")


CASES = Text(" cases", " 件")


def category_sentence(table: Pareto, previous: Pareto, period: Period) -> Text:
    """The largest category's share and how it moved."""
    if not table.rows:
        return Text(f"No complaints were received {this(period).en}.",
                    f"{this(period).zh}没有受理投诉。")
    top = table.rows[0]
    before = next((row.count for row in previous.rows if row.code == top.code), 0)
    change = moved(top.count - before, CASES, period)
    share = f"{top.share * 100:.0f}%"
    return Text(f"{top.name.en} was {share} of {this(period).en}'s complaints "
                f"({top.count}), {change.en}.",
                f"{top.name.zh}占{this(period).zh}投诉的 {share}（{top.count} 件），{change.zh}。")


def pareto_sentence(table: Pareto, what: Text) -> Text:
    """How few causes make most of the cases (the A class)."""
    a_rows = [row for row in table.rows if row.klass == "A"]
    if not a_rows:
        return Text(f"No {what.en} was recorded on the decisions of the period.",
                    f"本期作出的决定未记录{what.zh}。")
    share = f"{a_rows[-1].cumulative_share * 100:.0f}%"
    names_en = ", ".join(row.name.en for row in a_rows)
    names_zh = "、".join(row.name.zh for row in a_rows)
    return Text(f"{len(a_rows)} of {len(table.rows)} {what.en}s (class A) account for {share} "
                f"of the cases: {names_en}. Fixing these first removes most complaints.",
                f"{len(table.rows)} 项{what.zh}中，{len(a_rows)} 项（A 类）占 {share}：{names_zh}。"
                f"优先整改这几项，可消除大部分投诉。")


def trend_sentence(view: Overview) -> Text:
    """The twelve months' total and this month against a year before."""
    total = sum(point.received for point in view.trend)
    text = Text(f"{total} complaints were received in the last 12 months.",
                f"近 12 个月共受理投诉 {total} 件。")
    if view.year_earlier is not None:
        difference = int(view.current["received"].value or 0) \
            - int(view.year_earlier["received"].value or 0)
        word = Text("the same period a year before", "去年同期")
        sign = ("more", "增加") if difference > 0 else ("fewer", "减少")
        if difference:
            text = Text(f"{text.en} {this(view.period).en.capitalize()}: {abs(difference)} "
                        f"{sign[0]} than {word.en}.",
                        f"{text.zh}{this(view.period).zh}较{word.zh}{sign[1]} "
                        f"{abs(difference)} 件。")
    return text


def team_sentence(rows: list[TeamRow]) -> Text:
    """Which department kept its promises least."""
    rated = [row for row in rows if row.on_time_pct is not None and row.code]
    if not rated:
        return Text("No department decided a case in the period.", "本期没有部门作出处理决定。")
    worst = min(rated, key=lambda row: (row.on_time_pct, -row.decided))
    return Text(f"{worst.name.en} decided the fewest cases on time: {worst.on_time_pct:g}% of "
                f"{worst.decided}.",
                f"按时作出决定率最低的是{worst.name.zh}：{worst.decided} 件中按时 "
                f"{worst.on_time_pct:g}%。")


def money_sentence(view: Overview) -> Text:
    """What was approved and how it moved."""
    fen = int(view.value("compensation_approved_amount") or 0)
    cases = int(view.value("compensation_approved_cases") or 0)
    change = view.change("compensation_approved_amount").difference or 0
    moved_by = moved(change, Text("", ""), view.period, money=True)
    paid = int(view.value("compensation_paid_amount") or 0)
    return Text(f"Compensation approved {this(view.period).en}: {yuan(fen)} on {cases} case(s), "
                f"{moved_by.en}; paid or handed over in the period: {yuan(paid)}.",
                f"{this(view.period).zh}批准补偿 {yuan(fen)}，涉及 {cases} 件投诉，{moved_by.zh}；"
                f"本期已支付 {yuan(paid)}。")


def satisfaction_sentence(view: Overview) -> Text:
    """The average score, how many answered the call-back, and the low scores."""
    average, scored = view.value("satisfaction_avg"), view.value("scored")
    rate, low = view.value("callback_rate_pct"), view.value("low_score")
    if not scored:
        return Text("No satisfaction score was recorded in the period.",
                    "本期没有记录满意度。")
    rate_en = f"{rate:g}%" if rate is not None else "—"
    return Text(f"Average satisfaction {average:g} of 5 from {scored} call-back(s); "
                f"call-backs done on time {rate_en}; {low} low score(s) (1–2).",
                f"回访 {scored} 件，平均满意度 {average:g} 分（满分 5 分）；"
                f"回访完成率 {rate_en}；低分（1–2 分）{low} 件。")


def repeat_sentence(view: Overview) -> Text:
    """Customers who came back within a year."""
    customers, cases = view.value("repeat_customers"), view.value("repeat")
    return Text(f"{customers} customer(s) complained again within 12 months; they brought "
                f"{cases} of {this(view.period).en}'s cases.",
                f"{customers} 位客户在 12 个月内重复投诉，"
                f"涉及{this(view.period).zh} {cases} 件投诉。")


def risky_sentence(view: Overview) -> Text:
    """Group and escalation-risk cases still open."""
    number = view.value("open_risky")
    return Text(f"{number} group or escalation-risk case(s) were still open at the end of the "
                f"period.", f"期末仍有 {number} 件群体投诉或过激风险投诉未办结。")
