"""The words for figures and their dimensions, in both languages, and a slice described
plainly so the register can say which cases it is showing."""

from __future__ import annotations

from collections.abc import Mapping

from app.i18n import Text
from app.models import Category, Department, RootCause, User
from app.services import vocabulary
from app.services.analysis.slices import OFFER_KIND, Slice
from app.services.labels import CHANNELS, OFFER_KINDS

KIND_NAMES: Mapping[str, Text] = {
    "received": Text("Received", "受理"),
    "decided": Text("Decided", "已作出处理决定"),
    "decided_on_time": Text("Decided on time", "按时作出决定"),
    "decided_late": Text("Decided late", "超时作出决定"),
    "closed": Text("Closed", "结案"),
    "open_at_end": Text("Open at the end of the period", "期末未结"),
    "open_risky": Text("Open group or escalation-risk cases", "未结的群体或过激风险投诉"),
    "reopened": Text("Reopened", "重新处理"),
    "group": Text("Group complaints", "群体投诉"),
    "risk": Text("Escalation risk", "过激行为/曝光风险"),
    "first_answer_on_time": Text("First answer on time", "初步答复按时"),
    "first_answer_late": Text("First answer late", "初步答复超时"),
    "overdue_now": Text("Overdue now", "当前逾期"),
    "extended": Text("Deadline extended", "延长时限"),
    "paused": Text("Clock paused", "暂停计时"),
    "upheld": Text("Upheld", "投诉成立"),
    "not_upheld": Text("Not upheld", "不予支持"),
    "review": Text("Review asked for", "申请核查"),
    "offer_proposed": Text("Compensation proposed", "提出补偿"),
    "offer_approved": Text("Compensation approved", "批准补偿"),
    "offer_refused": Text("Compensation refused", "拒绝补偿"),
    "offer_countered": Text("Compensation countered", "还价补偿"),
    "offer_paid": Text("Compensation paid", "已支付补偿"),
    "scored": Text("Satisfaction recorded at a call-back", "回访记录满意度"),
    "low_score": Text("Low satisfaction (1–2)", "满意度低（1–2 分）"),
    "callback_due": Text("Call-backs due", "应回访"),
    "callback_done": Text("Call-backs done", "已回访"),
    "repeat": Text("Repeat customers' cases", "重复投诉客户的投诉"),
}

# The case fields a figure is narrowed by are named as the desk names them everywhere.
DIMENSION_NAMES: Mapping[str, Text] = {
    **{code: vocabulary.label(code) for code in ("category", "root_cause", "fault_department",
                                                 "department", "handler", "channel",
                                                 "reference")},
    "decision_days": Text("Days to decision", "处理天数"),
    OFFER_KIND: Text("Kind of compensation", "补偿类型"),
}

NOT_FILLED = Text("(not filled)", "（未填写）")
_CODED: dict[str, type[Category] | type[Department] | type[RootCause]] = {
    "category": Category, "root_cause": RootCause, "fault_department": Department,
    "department": Department}


def value_name(dimension: str, value: int | str | None) -> Text:
    """The name of one value of a dimension in both languages."""
    if value is None or value == "":
        return NOT_FILLED
    if dimension in _CODED:
        model = _CODED[dimension]
        entry = model.get_or_none(model.id == value)
        return Text(entry.name_en, entry.name_zh) if entry else Text(str(value), str(value))
    if dimension == "handler":
        user = User.get_or_none(User.id == value)
        name = user.display_name if user else str(value)
        return Text(name, name)
    if dimension == "channel":
        return CHANNELS.get(str(value), Text(str(value), str(value)))
    if dimension == OFFER_KIND:
        return OFFER_KINDS.get(str(value), Text(str(value), str(value)))
    if dimension == "decision_days":
        return days_band_name(str(value))
    return Text(str(value), str(value))


def days_band_name(band: str) -> Text:
    """`0-15` → "≤ 15 days", `16-30` → "16–30 days", `61-` → "over 60 days"."""
    low, _, high = band.partition("-")
    if not high:
        return Text(f"over {int(low) - 1} days", f"{int(low) - 1} 天以上")
    if int(low) <= 0:
        return Text(f"≤ {high} days", f"{high} 天以内")
    return Text(f"{low}–{high} days", f"{low}–{high} 天")


def period_words(piece: Slice) -> Text:
    """The slice's dates, or "now" for a figure that is a snapshot."""
    if piece.kind == "overdue_now":
        return Text("now", "当前")
    if piece.first is None or piece.last is None:
        return Text("", "")
    first, last = piece.first.isoformat(), piece.last.isoformat()
    if first == last:
        return Text(first, first)
    return Text(f"{first} – {last}", f"{first} 至 {last}")


def describe(piece: Slice) -> Text:
    """`Decided late · 2026-11-01 – 2026-11-30 · Root cause: Product defect`."""
    parts = [KIND_NAMES.get(piece.kind, Text(piece.kind, piece.kind)), period_words(piece)]
    if piece.dimension:
        name = DIMENSION_NAMES.get(piece.dimension, Text(piece.dimension, piece.dimension))
        value = value_name(piece.dimension, piece.value)
        parts.append(Text(f"{name.en}: {value.en}", f"{name.zh}：{value.zh}"))
    shown = [part for part in parts if part.en]
    return Text(" · ".join(p.en for p in shown), " · ".join(p.zh for p in shown))
