"""What the desk calls each field of a case, in one table: its code, its label in both
languages, and the kind of value it holds, which says how the value is shown.

Intake, the case view (and `show` and the printed summary), the timeline, the Excel export
and the import all name fields from here, so a field is called the same everywhere. Codes
are the ones stored: form fields, event fields on the timeline, JSON keys, export columns.
How a value is *entered and checked* is another matter, kept with the settable fields
(`casework.fields`) and the import's columns (`importing.columns`).

The table is plain data, so every package may read it; turning stored codes into names
(`worded`) takes the names already read (`Names`) and never reads the database itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.i18n import Text
from app.models.chain import REMOVED
from app.services.labels import (
    CHANNELS,
    FLAGS,
    OFFER_KINDS,
    OFFER_STATUSES,
    SEVERITIES,
    STATUSES,
)

# Kinds of value. A reference (`REFERENCES`) is stored as a list entry's code, a user as a
# user name; `coded` values are named by the field's `words`.
TEXT, MOMENT, COUNT, SCORE, MONEY = "text", "moment", "count", "score", "money"
YES_NO, CODED, FLAG_SET, USER = "yes_no", "coded", "flag_set", "user"
CATEGORY, DEPARTMENT, ROOT_CAUSE = "category", "department", "root_cause"
REFERENCES = (CATEGORY, DEPARTMENT, ROOT_CAUSE)
OFFER, PAUSE = "offer", "pause"  # timeline values: `voucher 120.00 approved`, a pause's start
ACTION = "action"  # a corrective action's id, shown as `#3`
# How Excel shows each kind (keys of app.reports.excel.FORMATS); anything else is text.
_CELLS = {MOMENT: "datetime", COUNT: "int", SCORE: "int", MONEY: "money"}


@dataclass(frozen=True)
class Field:
    """A field of a case: `code` as stored, `label` as shown, `kind` of value.

    `words` names a coded field's values. `sheet_title` is what a hand-kept register
    usually calls the column, where the desk's own label would not be recognised there
    (the import names the column by it).
    """

    code: str
    label: Text
    kind: str = TEXT
    words: Mapping[str, Text] = field(default_factory=dict)
    sheet_title: Text | None = None

    @property
    def cell(self) -> str:
        """How a spreadsheet shows the value: `text`, `datetime`, `int` or `money`."""
        return _CELLS.get(self.kind, "text")

    @property
    def column_title(self) -> Text:
        """The field's name as a column of an imported sheet."""
        return self.sheet_title or self.label


def _fields(*fields: Field) -> Mapping[str, Field]:
    return {entry.code: entry for entry in fields}


T = Text
# What happened to a document of the case (documents.papers), as the timeline keeps it.
DOCUMENT_EVENTS: Mapping[str, Text] = {
    "printed": T("printed or saved", "已打印或保存"),
    "signed copy returned": T("signed copy returned", "签字文本已收回"),
}
FIELDS: Mapping[str, Field] = _fields(
    # Recorded at intake.
    Field("number", T("Number", "编号")),
    Field("status", T("Status", "状态"), CODED, STATUSES),
    Field("received_at", T("Received", "受理时间"), MOMENT,
          sheet_title=T("Complaint date", "投诉日期")),
    Field("received_by", T("Received by", "受理人"), USER),
    Field("customer_name", T("Customer name", "客户姓名")),
    Field("phone", T("Phone", "电话")),
    Field("address", T("Address", "地址")),
    Field("channel", T("Channel", "投诉渠道"), CODED, CHANNELS),
    Field("category", T("Category", "投诉类别"), CATEGORY),
    Field("severity", T("Severity", "严重程度"), CODED, SEVERITIES),
    Field("flags", T("Flags", "标记"), FLAG_SET, FLAGS),
    Field("reference", T("Order / policy number", "订单号/保单号")),
    Field("description", T("What happened", "投诉事件"),
          sheet_title=T("Description", "投诉内容")),
    Field("wish", T("What the customer wants", "客户诉求")),
    Field("mood", T("How the customer feels", "客户情绪")),
    Field("promised_at", T("Promised answer time", "承诺答复时间"), MOMENT),
    # Set while the case is handled.
    Field("department", T("Handling department", "处理部门"), DEPARTMENT),
    Field("handler", T("Handler", "处理人"), USER),
    Field("subject", T("Person complained about", "被投诉人"), USER),
    Field("fault_department", T("Department at fault", "责任部门"), DEPARTMENT),
    Field("fault_party", T("Person or party at fault", "责任人")),
    Field("facts", T("Findings", "调查核实情况")),
    Field("root_cause", T("Root cause", "根本原因"), ROOT_CAUSE),
    Field("resolution", T("Solution", "解决方案")),
    Field("answer", T("Reasoned answer (not upheld)", "不予支持的理由")),
    Field("feedback", T("Feedback given to the customer", "反馈客户情况")),
    Field("satisfaction", T("Satisfaction (1–5)", "满意度（1–5）"), SCORE),
    Field("flag_group", FLAGS["group"], YES_NO),
    Field("flag_risk", FLAGS["risk"], YES_NO),
    Field("flag_management", FLAGS["management"], YES_NO),
    Field("complex_case", T("Complex case", "复杂案件"), YES_NO),
    # The clock and the outcome.
    Field("first_response_due", T("First answer due", "初步答复期限"), MOMENT),
    Field("first_response_at", T("First answer given", "初步答复时间"), MOMENT),
    Field("first_kept", T("First answer on time?", "初步答复是否按时")),
    Field("resolution_due", T("Decision due", "处理期限"), MOMENT),
    Field("resolved_at", T("Decided", "处理决定时间"), MOMENT),
    Field("decision_kept", T("Decision on time?", "处理决定是否按时")),
    Field("next_due_at", T("Next due", "下一期限"), MOMENT),
    Field("clock_paused_at", T("Clock paused", "暂停计时"), PAUSE),
    Field("feedback_at", T("Customer told", "反馈时间"), MOMENT),
    Field("closed_at", T("Closed", "结案时间"), MOMENT),
    Field("compensation", T("Approved compensation", "已批准补偿金额"), MONEY),
    Field("paid", T("Paid compensation", "已支付补偿金额"), MONEY),
    Field("version", T("Version", "版本"), COUNT),
    # Only on the timeline: what else happened to the case.
    Field("reply", T("Told the customer", "答复客户")),
    Field("attachment", T("Attachment", "附件")),
    Field("offer", T("Compensation offer", "补偿方案"), OFFER),
    Field("customer.name", T("Customer name", "客户姓名")),
    Field("customer.address", T("Customer address", "客户地址")),
    Field("escalation", T("Escalated to managers", "已升级至负责人")),
    Field("new_facts", T("New facts from the customer", "客户提供新情况")),
    Field("follow_up", T("Follow-up", "跟进")),
    Field("follow_up_done", T("Follow-up done", "跟进完成")),
    Field("follow_up_due", T("Follow-up moved", "跟进改期")),
    # Events a case shares with a corrective action's timeline (services/improvement).
    Field("action.link", T("Linked to corrective action", "关联整改措施"), ACTION),
    Field("action.unlink", T("Unlinked from corrective action", "取消关联整改措施"), ACTION),
    Field("customer.phone", T("Customer phone", "客户电话")),
    Field("called_again", T("The customer came back about it", "客户再次反映")),
    Field("customer.joined", T("Customer joined to another", "客户合并")),
    Field("merged_into", T("Merged into", "已合并至")),
    Field("merged", T("Case merged into this one", "并入本案的投诉")),
    Field("legal_hold", T("Legal hold", "法律保全"), YES_NO),
    Field("personal_data", T("Personal data", "个人信息")),
    Field("own_record", T("Own record given to the customer", "向客户提供其个人信息记录")),
    Field("receipt", T("Receipt", "受理回执"), CODED, DOCUMENT_EVENTS),
    Field("summary", T("Case summary", "投诉处理单"), CODED, DOCUMENT_EVENTS),
    Field("letter", T("Resolution letter", "处理结果告知书"), CODED, DOCUMENT_EVENTS),
)


def label(code: str) -> Text:
    """The label of field `code`.

    Raises:
        KeyError: for a code not in the table (a programming error, not a user's).
    """
    return FIELDS[code].label


@dataclass(frozen=True)
class Names:
    """Names of what the timeline stores as codes, read once: list entries by kind
    (`department`, `root_cause`, `category`) and code, and users by user name."""

    references: Mapping[str, Mapping[str, Text]]
    users: Mapping[str, str]


_BLANK = Text("", "")
COLON = Text(": ", "：")
LIST = Text(", ", "、")  # between the items of a list in a sentence
ARROW = " → "
# The event that records a case carries its number, which describes itself.
_UNLABELLED = frozenset({"number"})
_YES_NO = {"yes": Text("yes", "是"), "no": Text("no", "否")}


def timeline_label(code: str) -> Text:
    """The name of a timeline event's field (the code itself for one not in the table)."""
    if code in _UNLABELLED:
        return _BLANK
    known = FIELDS.get(code)
    return known.label if known else Text(code, code)


# What stands where personal data was removed (retention, erasure): chain.REMOVED.
REMOVED_WORDS = Text("(removed)", "（已删除）")


def text_shown(stored: str) -> str:
    """A stored free text as shown: itself, or the words for a removed one."""
    return str(REMOVED_WORDS) if stored == REMOVED else stored


# The timeline's fields holding a follow-up, which older versions wrote in words.
_FOLLOW_UPS = frozenset({"follow_up", "follow_up_done"})


def worded(code: str, stored: str, names: Names) -> Text:
    """A value as the timeline stores it (a code, a user name, a time, or a text the desk
    wrote itself: a follow-up) in words."""
    if not stored:
        return _BLANK
    if stored == REMOVED:
        return REMOVED_WORDS
    # The notes' wording (and the older versions' texts it recognises) is loaded with the
    # first timeline, not with every reader of the field names (the register's titles).
    from app.services import notes

    if notes.is_coded(stored) or (code in _FOLLOW_UPS and notes.desks(stored) is not None):
        return notes.words(stored)
    known = FIELDS.get(code)
    kind = known.kind if known else TEXT
    if kind in REFERENCES:
        return names.references.get(kind, {}).get(stored) or Text(stored, stored)
    if kind == USER:
        name = names.users.get(stored, stored)
        return Text(name, name)
    if kind == CODED and known is not None:
        return known.words.get(stored) or Text(stored, stored)
    if kind == YES_NO:
        return _YES_NO.get(stored) or Text(stored, stored)
    if kind == OFFER:
        return offer_words(stored)
    if kind == PAUSE:
        return Text("paused since {at}", "自 {at} 起暂停").format(at=stored)
    if kind == ACTION:
        title = names.references.get(ACTION, {}).get(stored)
        return Text(f"#{stored} {title.en}", f"#{stored} {title.zh}") if title else Text(
            f"#{stored}", f"#{stored}")
    return Text(stored, stored)


def change_words(code: str, old: str, new: str, names: Names) -> Text:
    """`Handler: 张小芳 → 刘明` in both languages: a timeline event's change."""
    parts = zip(timeline_label(code), worded(code, old, names), worded(code, new, names),
                COLON, strict=True)
    return Text(*(_change(name, before, after, colon) for name, before, after, colon in parts))


def _change(name: str, before: str, after: str, colon: str) -> str:
    change = f"{before}{ARROW}{after}" if before else after
    return f"{name}{colon}{change}" if name else change


def offer_words(stored: str) -> Text:
    """`voucher 120.00 approved` (as the timeline keeps an offer) as
    `代金券 ¥120.00（已批准）`."""
    kind, amount, status = (stored.split(" ") + ["", ""])[:3]
    what = OFFER_KINDS.get(kind) or Text(kind, kind)
    if amount:
        what = Text("{kind} ¥{amount}", "{kind} ¥{amount}").format(kind=what, amount=amount)
    if not status:
        return what
    state = OFFER_STATUSES.get(status) or Text(status, status)
    # The full-width brackets in English too, as the timeline has always shown them.
    return Text("{what}（{state}）", "{what}（{state}）").format(what=what, state=state)
