"""The SQL that reads one case for its view, written once and run with the case's id.

Showing a case runs nine small statements: the case with its customer, the users, the
three coded lists, the cases merged into it, its events (and theirs), follow-ups, offers
(with their payments) and attachments.
Having peewee build them again for every case took ten times what the database took to
answer them, so each is built once per kind of database (from the models, so it follows the
schema) and run through the cursor, whose rows are read as tuples.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from peewee import JOIN, SQL, ModelSelect

from app.models import (
    Attachment,
    Category,
    CompensationOffer,
    Complaint,
    Customer,
    Department,
    Event,
    FollowUp,
    Payment,
    RootCause,
    User,
    database_proxy,
)

# The case's own columns, in this order, then the customer's name, phone and address and
# when their personal data was removed.
CASE_FIELDS = (
    "id", "number", "status", "version", "received_at", "received_by", "customer", "channel",
    "category", "profile", "severity", "flag_group", "flag_risk", "flag_management",
    "description", "wish", "mood", "reference", "department", "handler", "subject_user",
    "fault_department", "fault_party", "facts", "root_cause", "resolution", "answer",
    "feedback", "feedback_at", "satisfaction", "first_response_due", "first_response_at",
    "resolution_due", "next_due_at", "resolved_at", "closed_at", "clock_paused_at",
    "complex_case", "last_contact_at", "escalated_at", "escalation_ack_at",
    # Schema step 8: the case it was merged into, the legal hold, when its personal data went.
    "merged_into", "legal_hold", "redacted_at",
)
_MARK = -987654321  # stands for the id while a statement is built


def rows(name: str, *params: Any) -> list[tuple[Any, ...]]:
    """The rows of the statement `name` (see `_statements`) run with `params`."""
    database = database_proxy.obj
    sql = _statements(type(database).__name__)[name]
    return database.execute_sql(sql, params).fetchall()


@lru_cache(maxsize=4)
def _statements(dialect: str) -> dict[str, str]:
    """Every statement, in the SQL of the open database (`dialect` keys the cache)."""
    del dialect  # the open database renders them
    by_case: dict[str, ModelSelect[Any]] = {
        "case": Complaint.select(*(getattr(Complaint, name) for name in CASE_FIELDS),
                                 Customer.name, Customer.phone, Customer.address,
                                 Customer.redacted_at)
        .join(Customer).where(Complaint.id == _MARK),
        "events": Event.select(Event.at, Event.actor, Event.kind, Event.field, Event.old_value,
                               Event.new_value, Event.note, Event.id)
        .where(Event.complaint == _MARK).order_by(Event.at, Event.id),
        # The cases merged into it, through the merged cases' own index.
        "merged": Complaint.select(Complaint.id, Complaint.number)
        .where(Complaint.merged_into == _MARK).order_by(Complaint.id),
        "follow_ups": FollowUp.select(FollowUp.id, FollowUp.kind, FollowUp.due_at,
                                      FollowUp.assignee, FollowUp.note, FollowUp.done_at,
                                      FollowUp.outcome)
        .where(FollowUp.complaint == _MARK).order_by(FollowUp.due_at, FollowUp.id),
        "offers": CompensationOffer.select(
            CompensationOffer.id, CompensationOffer.kind, CompensationOffer.amount_fen,
            CompensationOffer.description, CompensationOffer.status,
            CompensationOffer.counter_fen, CompensationOffer.requester,
            CompensationOffer.approver, CompensationOffer.decision_reason,
            CompensationOffer.created_at, Payment.amount_fen, Payment.paid_at, Payment.method,
            Payment.reference, CompensationOffer.reason)
        .join(Payment, JOIN.LEFT_OUTER, on=(Payment.offer == CompensationOffer.id))
        .where(CompensationOffer.complaint == _MARK).order_by(CompensationOffer.id),
        "attachments": Attachment.select(Attachment.id, Attachment.file_name, Attachment.kind,
                                         Attachment.size, Attachment.note, Attachment.added_by,
                                         Attachment.added_at)
        .where(Attachment.complaint == _MARK).order_by(Attachment.id),
    }
    built = {name: _with_one_parameter(select) for name, select in by_case.items()}
    built["number"] = _with_one_parameter(
        Complaint.select(Complaint.id).where(Complaint.number == str(_MARK)), str(_MARK))
    built["users"] = User.select(User.id, User.username, User.display_name).sql()[0]
    lists = [model.select(SQL(f"'{kind}'"), model.id, model.code, model.name_en, model.name_zh)
             for kind, model in (("category", Category), ("department", Department),
                                 ("root_cause", RootCause))]
    built["lists"] = " UNION ALL ".join(select.sql()[0] for select in lists)
    return built


def _with_one_parameter(select: ModelSelect[Any], mark: object = _MARK) -> str:
    sql, params = select.sql()
    assert params == [mark], "the id must be the statement's only parameter"
    return sql
