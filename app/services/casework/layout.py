"""The labelled fields of a case, in reading order, for `show`, the case view and print."""

from __future__ import annotations

from app.i18n import Text
from app.services.casework.fields import FIELDS
from app.services.casework.intake import LABELS
from app.services.casework.view import CaseDetails
from app.services.labels import CHANNELS, FLAGS, SEVERITIES, STATUSES, label
from app.services.text import when

NUMBER = Text("Number", "编号")
STATUS = Text("Status", "状态")
RECEIVED_BY = Text("Received by", "受理人")
FIRST_DUE = Text("First answer due", "初步答复期限")
FIRST_GIVEN = Text("First answer given", "初步答复时间")
DECISION_DUE = Text("Decision due", "处理期限")
NEXT_DUE = Text("Next due", "下一期限")
VERSION = Text("Version", "版本")


def intake_fields(d: CaseDetails) -> list[tuple[Text, str]]:
    """What was recorded at intake: who, how, what happened and what the customer wants."""
    return [
        (NUMBER, d.number), (STATUS, label(STATUSES, d.status)),
        (LABELS["received_at"], when(d.received_at)),
        (RECEIVED_BY, d.received_by.name if d.received_by else ""),
        (LABELS["customer_name"], d.customer), (LABELS["phone"], d.phone),
        (LABELS["address"], d.address), (LABELS["channel"], label(CHANNELS, d.channel)),
        (LABELS["category"], d.category.name), (LABELS["severity"], label(SEVERITIES, d.severity)),
        (LABELS["flags"], "、".join(label(FLAGS, f) for f in d.flags)),
        (LABELS["reference"], d.reference), (LABELS["description"], d.description),
        (LABELS["wish"], d.wish), (LABELS["mood"], d.mood),
    ]


def handling_fields(d: CaseDetails) -> list[tuple[Text, str]]:
    """Who handles it, the deadlines, the findings and the decision."""
    name = lambda ref: ref.name if ref else ""  # noqa: E731
    return [
        (FIELDS["department"].label, name(d.department)),
        (FIELDS["handler"].label, name(d.handler)),
        (FIELDS["subject"].label, name(d.subject)),
        (FIRST_DUE, when(d.first_response_due)), (FIRST_GIVEN, when(d.first_response_at)),
        (DECISION_DUE, when(d.resolution_due)), (NEXT_DUE, when(d.next_due_at)),
        (FIELDS["facts"].label, d.facts),
        (FIELDS["fault_department"].label, name(d.fault_department)),
        (FIELDS["fault_party"].label, d.fault_party),
        (FIELDS["root_cause"].label, name(d.root_cause)),
        (FIELDS["resolution"].label, d.resolution), (FIELDS["answer"].label, d.answer),
        (FIELDS["feedback"].label, d.feedback),
        (FIELDS["satisfaction"].label, str(d.satisfaction or "")),
    ]


def all_fields(d: CaseDetails) -> list[tuple[str, str]]:
    """Every filled field as (label in the current language, value)."""
    rows = [*intake_fields(d), *handling_fields(d), (VERSION, str(d.version))]
    return [(str(text), value) for text, value in rows if value]
