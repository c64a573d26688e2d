"""The case summary (投诉处理单): every field, deadlines met or missed, the timeline."""

from __future__ import annotations

from datetime import datetime

from app.i18n import Text, speaking
from app.reports.data import SummaryData, Table
from app.services import deadlines
from app.services.casework.case_parts import OfferInfo
from app.services.casework.layout import handling_fields, intake_fields
from app.services.casework.view import CaseDetails
from app.services.documents.papers import letterhead, words
from app.services.improvement import listing as improvement
from app.services.improvement.words import ACTION_STATUSES
from app.services.improvement.words import label as action_label
from app.services.labels import EVENT_KINDS, OFFER_KINDS, OFFER_STATUSES, PAYMENT_METHODS, label
from app.services.text import when
from app.services.vocabulary import text_shown

T = Text


def summary(number: str, *, language: str, now: datetime) -> SummaryData:
    """The summary of a case as it stands at `now`, in `language`."""
    with speaking(language):
        d = CaseDetails.load(number)
        title = str(T("Complaint handling record", "投诉处理单"))
        return SummaryData(
            letterhead=letterhead(), title=title,
            header=f"{title}  {d.number}  {d.customer}",
            sections=(
                (str(T("The complaint", "投诉信息")), _rows(intake_fields(d))),
                (str(T("Handling and decision", "处理情况")), _rows(handling_fields(d))),
                (str(T("Deadlines", "时限")), _deadlines(d, now)),
            ),
            tables=(timeline_table(d), follow_up_table(d), offer_table(d), _actions(d)),
            words=words(language))


def _rows(fields: list[tuple[Text, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(text), value) for text, value in fields)


def _deadlines(d: CaseDetails, now: datetime) -> tuple[tuple[str, str], ...]:
    return (
        (str(T("First answer", "初步答复")), _kept(d.first_response_due, d.first_response_at, now)),
        (str(T("Decision", "处理决定")), _kept(d.resolution_due, d.resolved_at, now)),
        (str(T("Satisfaction (1–5)", "满意度（1–5）")), str(d.satisfaction or "—")),
    )


def _kept(due: datetime | None, done: datetime | None, now: datetime) -> str:
    """`due 2026-03-04 18:00, done 2026-03-04 15:10: on time` (or late, or still open)."""
    if due is None:
        return "—"
    parts = [str(T("due {at}", "期限 {at}").format(at=when(due)))]
    if done is not None:
        parts.append(str(T("done {at}", "完成 {at}").format(at=when(done))))
    parts.append(str(deadlines.kept(due, done, now)))
    return str(T(", ", "，")).join(parts)


def timeline_table(d: CaseDetails) -> Table:
    """The case's events as a table (the customer's own record uses it too)."""
    return Table(str(T("Timeline", "处理记录")),
                 tuple(str(t) for t in (T("When", "时间"), T("Who", "人员"), T("What", "事项"),
                                        T("Change", "变更内容"), T("Note", "备注"))),
                 tuple((when(e.at), e.actor_name or "—", label(EVENT_KINDS, e.kind),
                        e.describe(), e.shown_note()) for e in d.timeline),
                 (0.16, 0.1, 0.14, 0.4, 0.2))


def follow_up_table(d: CaseDetails) -> Table:
    """The case's follow-ups as a table."""
    return Table(str(T("Follow-ups", "跟进")),
                 tuple(str(t) for t in (T("Due", "到期时间"), T("Who", "人员"), T("What", "事项"),
                                        T("Done", "完成时间"), T("Outcome", "结果"))),
                 tuple((when(f.due_at), f.assignee.name if f.assignee else "",
                        f.describe(), when(f.done_at), text_shown(f.outcome))
                       for f in d.follow_ups),
                 (0.16, 0.1, 0.34, 0.16, 0.24))


def offer_table(d: CaseDetails) -> Table:
    """The case's compensation offers, with what was paid, as a table."""
    return Table(str(T("Compensation", "补偿方案")),
                 tuple(str(t) for t in (T("Proposed", "提出时间"), T("Kind", "类型"),
                                        T("Amount", "金额"), T("State", "状态"),
                                        T("Decided by", "审批人"), T("Reason", "理由"),
                                        T("Paid", "支付情况"))),
                 tuple((when(o.created_at), label(OFFER_KINDS, o.kind), f"¥{o.amount:,.2f}",
                        label(OFFER_STATUSES, o.status), o.approver.name if o.approver else "",
                        o.describe_reason(), _paid(o)) for o in d.offers),
                 (0.14, 0.1, 0.1, 0.1, 0.1, 0.26, 0.2))


def _paid(offer: OfferInfo) -> str:
    """`¥800.00 现金 2026-03-05 10:00 (No. R-0012)`, or blank while unpaid."""
    if offer.paid is None:
        return ""
    return str(T("¥{amount} {how} {at} (No. {ref})", "¥{amount} {how} {at}（凭证号 {ref}）")
               .format(amount=f"{offer.paid:,.2f}", how=label(PAYMENT_METHODS, offer.paid_how),
                       at=when(offer.paid_at), ref=offer.paid_ref))


def _actions(d: CaseDetails) -> Table:
    """The corrective actions the case is linked to (整改措施)."""
    return Table(str(T("Corrective actions", "整改措施")),
                 tuple(str(t) for t in (T("No.", "编号"), T("Action", "整改措施"),
                                        T("State", "状态"), T("Action owner", "整改责任人"),
                                        T("Due", "完成期限"),
                                        T("Effect checked on", "效果验证日期"))),
                 tuple((f"#{row.id}", row.title, action_label(ACTION_STATUSES, row.status),
                        row.owner_name, row.due_on.isoformat(),
                        row.check_on.isoformat() if row.check_on else "")
                       for row in improvement.actions_of_case(d.id)),
                 (0.08, 0.36, 0.14, 0.14, 0.14, 0.14))
