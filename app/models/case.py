"""The case (Complaint) and everything that hangs off it.

Nothing here is ever hard-deleted: reference rows are deactivated, cases change state,
and every change to a case appends an `Event` (the timeline and the audit log in one).
"""

from __future__ import annotations

from peewee import (
    SQL,
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    ModelIndex,
    SmallIntegerField,
    TextField,
)

from app.models.action import CorrectiveAction
from app.models.base import BaseModel
from app.models.people import Customer, Department, User
from app.models.reference import Category, RootCause


class Complaint(BaseModel):
    """One complaint case, from intake to archive. `version` detects concurrent edits."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    customer_id: ForeignKeyField[int]
    category_id: ForeignKeyField[int]
    received_by_id: ForeignKeyField[int | None]
    department_id: ForeignKeyField[int | None]
    handler_id: ForeignKeyField[int | None]
    subject_user_id: ForeignKeyField[int | None]
    fault_department_id: ForeignKeyField[int | None]
    root_cause_id: ForeignKeyField[int | None]
    escalation_ack_by_id: ForeignKeyField[int | None]
    merged_into_id: ForeignKeyField[int | None]

    number = CharField(max_length=20, unique=True)  # TS-<year>-<6 digits>
    customer = ForeignKeyField(Customer, backref="complaints")
    channel = CharField(max_length=20)
    category = ForeignKeyField(Category)
    severity = CharField(max_length=10, default="medium")
    flag_group = BooleanField(default=False)
    flag_risk = BooleanField(default=False)
    flag_management = BooleanField(default=False)
    description = TextField()
    wish = TextField(default="")
    mood = CharField(max_length=100, default="")
    reference = CharField(max_length=100, default="")
    received_at = DateTimeField(index=True)
    received_by = ForeignKeyField(User, null=True, index=False)
    status = CharField(max_length=20, default="new")
    profile = CharField(max_length=20, default="shop")
    first_response_due = DateTimeField(null=True)
    first_response_at = DateTimeField(null=True)
    resolution_due = DateTimeField(null=True)
    next_due_at = DateTimeField(null=True, index=True)
    department = ForeignKeyField(Department, null=True)
    handler = ForeignKeyField(User, null=True)
    subject_user = ForeignKeyField(User, null=True, index=False)  # the person complained about
    fault_department = ForeignKeyField(Department, null=True, index=False)
    fault_party = CharField(max_length=100, default="")
    facts = TextField(default="")
    root_cause = ForeignKeyField(RootCause, null=True, index=False)
    resolution = TextField(default="")
    answer = TextField(default="")  # the reasoned answer when the complaint is not upheld
    feedback = TextField(default="")
    feedback_at = DateTimeField(null=True)
    satisfaction = SmallIntegerField(null=True)
    resolved_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True, index=True)  # indexed: closings counted by period
    created_at = DateTimeField()
    updated_at = DateTimeField()
    version = IntegerField(default=1)
    # Schema step 3: the deadline engine, contact with the customer, escalation.
    clock_paused_at = DateTimeField(null=True)  # waiting for outside testing or appraisal
    # A database default too, so schema step 3 can add the column to a filled table in place.
    complex_case = BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")])
    last_contact_at = DateTimeField(null=True, index=True)  # when the customer last heard
    escalated_at = DateTimeField(null=True)  # managers and owners were alerted
    escalation_ack_at = DateTimeField(null=True)
    escalation_ack_by = ForeignKeyField(User, null=True, index=False)
    # Schema step 8: personal data. A duplicate merged into another case leads to it (and is
    # counted, listed and reminded of as part of it); a legal hold keeps the case from
    # retention; `redacted_at` records when its personal data was removed.
    merged_into = ForeignKeyField("self", null=True, index=False, backref="merged_cases")
    legal_hold = BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")])
    redacted_at = DateTimeField(null=True)

    class Meta:
        indexes = (
            (("status", "received_at"), False),
            (("category", "received_at"), False),
            (("status", "category", "received_at"), False),
            (("handler", "status"), False),
            (("department", "status"), False),
            # Schema step 4, for the analysis: decisions by period with their deadline (on
            # time or late without reading the case), and a customer's cases by date
            # (repeat customers).
            (("resolved_at", "resolution_due"), False),
            (("customer", "received_at"), False),
            # Schema step 7, for the early warnings checked on every change of a case: cases
            # of one root cause or reference by date, a department's decisions by date with
            # their deadline (on time or late, read from the index alone).
            (("root_cause", "received_at"), False),
            (("reference", "received_at"), False),
            (("department", "resolved_at", "resolution_due"), False),
            # Schema step 9, for the register's pages read by key (keyset paging): a state's
            # or a severity's cases in id order, so sorting by either reads one index range
            # per value instead of sorting every case.
            (("status", "id"), False),
            (("severity", "id"), False),
            # The overdue filter's counts beside the states, from the index alone.
            (("next_due_at", "status"), False),
        )


# The register's "group complaint or escalation risk" filter: a small partial index, so the
# few flagged cases are found without reading all the others.
FLAGGED_INDEX = Complaint.index(Complaint.received_at,
                                where=(Complaint.flag_group | Complaint.flag_risk),
                                name="complaint_flagged_received_at")
Complaint.add_index(FLAGGED_INDEX)
# Escalations waiting for a manager: a handful among all cases.
ESCALATION_INDEX = Complaint.index(
    Complaint.escalated_at,
    where=(Complaint.escalated_at.is_null(False) & Complaint.escalation_ack_at.is_null()),
    name="complaint_unacknowledged_escalation")
Complaint.add_index(ESCALATION_INDEX)
# The few cases merged into others: what the register, the figures and the reminders leave
# out, found without reading the others.
MERGED_INDEX = Complaint.index(Complaint.merged_into, where=Complaint.merged_into.is_null(False),
                               name="complaint_merged_into")
Complaint.add_index(MERGED_INDEX)



def _owed_indexes() -> tuple[ModelIndex, ...]:
    """What a user's reminders count (schema step 9): open cases by who owes them (handler,
    or the receiver while nobody handles the case) and by the due time of each kind of item,
    with the state, so each count and each most urgent page is one small index range."""
    kinds = (
        ("first_answer", Complaint.first_response_due, Complaint.first_response_at.is_null()),
        ("decision", Complaint.resolution_due,
         Complaint.resolved_at.is_null() & Complaint.clock_paused_at.is_null()),
        ("contact", Complaint.last_contact_at, Complaint.resolved_at.is_null()),
    )
    made = []
    for name, due, owed in kinds:
        made.append(Complaint.index(Complaint.handler, due, Complaint.status, where=owed,
                                    name=f"complaint_owed_{name}_handler"))
        made.append(Complaint.index(Complaint.received_by, due, Complaint.status,
                                    where=owed & Complaint.handler.is_null(),
                                    name=f"complaint_owed_{name}_receiver"))
    return tuple(made)


OWED_INDEXES = _owed_indexes()
for _index in OWED_INDEXES:
    Complaint.add_index(_index)


class Event(BaseModel):
    """An append-only line of the timeline / audit log: who, when, what changed."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    complaint_id: ForeignKeyField[int | None]
    actor_id: ForeignKeyField[int | None]
    action_id: ForeignKeyField[int | None]

    complaint = ForeignKeyField(Complaint, null=True, backref="events")
    at = DateTimeField()
    actor = ForeignKeyField(User, null=True, index=False)
    kind = CharField(max_length=20)
    field = CharField(max_length=40, default="")
    old_value = TextField(default="")
    new_value = TextField(default="")
    note = TextField(default="")
    case_version = IntegerField(null=True)  # the case version this change produced
    # Schema step 6: SHA-256 over this event's content and the previous event's hash (see
    # app.models.chain), so a changed or removed event breaks the chain.
    hash = CharField(max_length=64, default="", constraints=[SQL("DEFAULT ''")])
    # Schema step 7: the corrective action an event belongs to (its own timeline); a link
    # between a case and an action names both, so it shows on either timeline. Part of the
    # hashed content when set (app.models.chain).
    action = ForeignKeyField(CorrectiveAction, null=True, index=False)
    # Schema step 8: empty, until the event's personal texts are replaced by chain.REMOVED
    # (retention, a customer's erasure): then SHA-256 of its content as written, which the
    # chain links.
    original_digest = CharField(max_length=64, default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        # The analysis finds what happened in a period (scored, extended, paused) by field and
        # time; the case id rides along so the index alone answers (schema step 4).
        indexes = ((("field", "at", "complaint"), False),)


class EventChain(BaseModel):
    """One row: how many events the chain holds and the hash of the last one.

    Writers lock it (on PostgreSQL) to append in turn; `check` compares it with the events,
    so events removed from the end are noticed too.
    """

    id = IntegerField(primary_key=True)
    events = IntegerField(default=0)
    last_hash = CharField(max_length=64)


# Changes of state by new state and time: reopenings in a period without reading the events
# (schema step 4). SQLite uses a partial index when the query names `field = 'status'`.
STATUS_CHANGE_INDEX = Event.index(Event.new_value, Event.at, Event.complaint,
                                  where=(Event.field == "status"),
                                  name="event_status_change")
Event.add_index(STATUS_CHANGE_INDEX)
# An action's timeline: the few events that belong to an action, not the cases' many.
ACTION_EVENT_INDEX = Event.index(Event.action, Event.at, where=Event.action.is_null(False),
                                 name="event_action_at")
Event.add_index(ACTION_EVENT_INDEX)


class FollowUp(BaseModel):
    """A dated next step or call-back on a case."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    complaint_id: ForeignKeyField[int]
    assignee_id: ForeignKeyField[int | None]
    created_by_id: ForeignKeyField[int | None]

    complaint = ForeignKeyField(Complaint, backref="follow_ups")
    kind = CharField(max_length=20, default="next_step")
    due_at = DateTimeField(index=True)
    assignee = ForeignKeyField(User, null=True)
    note = TextField(default="")
    created_by = ForeignKeyField(User, null=True, index=False)
    created_at = DateTimeField()
    done_at = DateTimeField(null=True)
    outcome = TextField(default="")


# Follow-ups still to do, by person and due time: what each user's reminders read.
OPEN_FOLLOW_UP_INDEX = FollowUp.index(FollowUp.assignee, FollowUp.due_at,
                                      where=FollowUp.done_at.is_null(),
                                      name="follow_up_open_assignee_due")
FollowUp.add_index(OPEN_FOLLOW_UP_INDEX)
# Follow-ups owed only while their case is open: telling the customer of a compensation
# decision. Once the case is decided it is not overdue for them.
WHILE_OPEN_KINDS = ("notice",)
# Those still to do, by due time and person (schema step 10): a few among all open
# follow-ups, which the reminders would otherwise find by reading every open follow-up.
OPEN_NOTICE_INDEX = FollowUp.index(FollowUp.due_at, FollowUp.assignee,
                                   where=(FollowUp.done_at.is_null()
                                          & FollowUp.kind.in_(WHILE_OPEN_KINDS)),
                                   name="follow_up_open_notice")
FollowUp.add_index(OPEN_NOTICE_INDEX)


class CompensationOffer(BaseModel):
    """Money or goods offered to the customer, approved or refused by someone entitled."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    complaint_id: ForeignKeyField[int]
    requester_id: ForeignKeyField[int]
    approver_id: ForeignKeyField[int | None]
    parent_id: ForeignKeyField[int | None]

    complaint = ForeignKeyField(Complaint, backref="offers")
    kind = CharField(max_length=20)
    amount_fen = IntegerField(default=0)  # CNY in fen (分): exact, never a float
    description = TextField(default="")
    reason = TextField(default="")
    status = CharField(max_length=20, default="proposed")
    requester = ForeignKeyField(User, index=False)
    approver = ForeignKeyField(User, null=True, index=False)
    decision_reason = TextField(default="")
    counter_fen = IntegerField(null=True)
    # A counter-offer is accepted once: at most one offer answers it (schema step 6).
    parent = ForeignKeyField("self", null=True, unique=True)
    created_at = DateTimeField()
    decided_at = DateTimeField(null=True)


class Payment(BaseModel):
    """An approved offer paid or handed over: once, never more than approved."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    offer_id: ForeignKeyField[int]
    paid_by_id: ForeignKeyField[int]

    offer = ForeignKeyField(CompensationOffer, unique=True, backref="payments")
    amount_fen = IntegerField()
    paid_at = DateTimeField()  # when the customer received it
    method = CharField(max_length=20)  # how: cash, transfer, voucher, goods…
    reference = CharField(max_length=60)  # the receipt or voucher number
    paid_by = ForeignKeyField(User, index=False)
    recorded_at = DateTimeField()
    note = TextField(default="")


class Attachment(BaseModel):
    """A photo, receipt or signed letter kept with a case (content in AttachmentData)."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    complaint_id: ForeignKeyField[int]
    added_by_id: ForeignKeyField[int | None]

    complaint = ForeignKeyField(Complaint, backref="attachments")
    file_name = CharField(max_length=200)
    kind = CharField(max_length=20, default="evidence")
    size = IntegerField()
    sha256 = CharField(max_length=64)
    note = TextField(default="")
    added_by = ForeignKeyField(User, null=True, index=False)
    added_at = DateTimeField()


class AttachmentData(BaseModel):
    """The bytes of an attachment, kept in the database so every PC sharing it sees them."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    attachment_id: ForeignKeyField[int]

    attachment = ForeignKeyField(Attachment, unique=True)
    data = BlobField()


class CaseCounter(BaseModel):
    """The last case number handed out per year, so numbers stay gap-free."""

    year = IntegerField(primary_key=True)
    last_number = IntegerField(default=0)


class CaseMerge(BaseModel):
    """One case merged into another: who did it, when, what moved with it, and whether it
    was undone. The merged case's events stay where they were written (the hash chain links
    them); its follow-ups, offers and attachments move to the surviving case and back."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    merged_id: ForeignKeyField[int]
    into_id: ForeignKeyField[int]
    merged_by_id: ForeignKeyField[int]
    undone_by_id: ForeignKeyField[int | None]

    merged = ForeignKeyField(Complaint, backref="merges")
    into = ForeignKeyField(Complaint, index=False)
    merged_by = ForeignKeyField(User, index=False)
    merged_at = DateTimeField()
    moved = TextField(default="{}")  # JSON: ids of the follow-ups, offers, attachments moved
    different_customers = BooleanField(default=False)
    status_before = CharField(max_length=20)  # the merged case's state, given back on undo
    last_event_id = IntegerField()  # the merge's last event: a later one means a change since
    undone_at = DateTimeField(null=True)
    undone_by = ForeignKeyField(User, null=True, index=False)
