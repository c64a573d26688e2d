"""The vocabulary of continuous improvement (持续改进), with the domain's Chinese terms.

Codes are stored and used in JSON; `Text` labels are shown. An action's timeline stores
codes and values (a state, a user name, a list entry's code) and is worded here when shown,
in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.i18n import Text

T = Text

ACTION_STATUSES: Mapping[str, Text] = {
    "open": T("Open", "待整改"),
    "in_progress": T("In progress", "整改中"),
    "done": T("Done", "已完成"),
    "verified": T("Verified effective", "验证有效"),
    "not_effective": T("Not effective", "验证无效"),
    "cancelled": T("Cancelled", "已取消"),
}
# States in which the work is still to be done (the due date matters).
WORKING = ("open", "in_progress", "not_effective")
# States in which the effect has been or is being measured.
MEASURED = ("done", "verified", "not_effective")
CLOSED = ("verified", "cancelled")

ACTION = T("Corrective action", "整改措施")
OWNER = T("Action owner", "整改责任人")

RULE_KINDS: Mapping[str, Text] = {
    "count": T("Many cases of one kind", "同类投诉集中"),
    "repeat": T("Repeat customer", "重复投诉"),
    "low_score": T("Low satisfaction", "满意度低"),
    "on_time": T("Decisions late in a department", "部门按时率低"),
}
COUNT_DIMENSIONS: Mapping[str, Text] = {
    "category": T("category", "投诉类别"),
    "root_cause": T("root cause", "根本原因"),
    "reference": T("order or product", "订单号/产品"),
}
WARNING_STATUSES: Mapping[str, Text] = {
    "open": T("Waiting", "待处理"),
    "dismissed": T("Dismissed", "已忽略"),
    "superseded": T("Replaced by a newer warning", "已被新预警取代"),
    "acted": T("Corrective action started", "已启动整改"),
}

# The fields of an action's timeline, and of the events a case shares with an action.
FIELDS: Mapping[str, Text] = {
    "action.created": T("Action started", "创建整改措施"),
    "action.status": T("State", "状态"),
    "action.title": T("Title", "标题"),
    "action.owner": OWNER,
    "action.department": T("Department", "整改部门"),
    "action.due_on": T("Due", "完成期限"),
    "action.check_on": T("Effect checked on", "效果验证日期"),
    "action.containment": T("Containment", "临时措施"),
    "action.cause_analysis": T("Cause analysis", "原因分析"),
    "action.measure": T("Corrective action", "整改措施"),
    "action.root_causes": T("Root causes addressed", "针对的根本原因"),
    "action.categories": T("Categories addressed", "针对的投诉类别"),
    "action.link": T("Case linked", "关联投诉"),
    "action.unlink": T("Case unlinked", "取消关联投诉"),
    "action.note": T("Progress", "进展"),
    "action.measured": T("Effect measured", "效果对比"),
    "warning.acted": T("Started from an early warning", "由预警启动"),
    "warning.fired": T("Early warning", "预警"),
    "warning.dismissed": T("Early warning dismissed", "预警已忽略"),
    "training": T("Training given", "培训"),
}
EVENT_KINDS: Mapping[str, Text] = {
    "action": ACTION,
    "warning": T("Early warning", "预警"),
    "training": T("Training", "培训"),
}

# The "5 whys" (五问法): the prompt the cause analysis starts from.
FIVE_WHYS = T(
    "Why 1: why did it happen?\nWhy 2: why was that?\nWhy 3:\nWhy 4:\nWhy 5:\n"
    "Root cause:",
    "为什么 1：为什么会发生？\n为什么 2：为什么会那样？\n为什么 3：\n为什么 4：\n为什么 5：\n"
    "根本原因：")


def label(vocabulary: Mapping[str, Text], code: str) -> str:
    """The shown name of `code` in the current language (the code itself if unknown)."""
    text = vocabulary.get(code)
    return str(text) if text else code


def measured_words(stored: str) -> Text:
    """`before=5;after=1;days=56;before_total=80;after_total=90` (as the timeline keeps a
    comparison) in words."""
    values = dict(part.split("=", 1) for part in stored.split(";") if "=" in part)
    said = T("{before} cases in the {days} days before it was done, {after} in the {days} days "
             "after", "完成前 {days} 天 {before} 件，完成后 {days} 天 {after} 件").format(
        before=values.get("before", "?"), after=values.get("after", "?"),
        days=values.get("days", "?"))
    if "before_total" in values:
        said = T("{said} (of {b} and {a} cases in all)",
                 "{said}（同期投诉共 {b} 件和 {a} 件）").format(
            said=said, b=values["before_total"], a=values["after_total"])
    return said


def joined(items: Iterable[str]) -> str:
    """Items as a list in the current language: `a, b` or `a、b`."""
    return str(T(", ", "、")).join(items)
