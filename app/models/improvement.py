"""What ties corrective actions to cases and causes, training given, and early warnings.

Link tables hold the current links; their history is the action's timeline (an event for
every link and unlink), so a link removed loses nothing of the record.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from app.models.action import CorrectiveAction
from app.models.base import BaseModel
from app.models.case import Complaint
from app.models.people import User
from app.models.reference import Category, RootCause


class ActionCase(BaseModel):
    """A case an action came from (many cases to one action, and a case to several)."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    action_id: ForeignKeyField[int]
    complaint_id: ForeignKeyField[int]

    action = ForeignKeyField(CorrectiveAction, index=False)
    complaint = ForeignKeyField(Complaint)  # indexed: a case's actions
    linked_at = DateTimeField()

    class Meta:
        indexes = ((("action", "complaint"), True),)


class ActionRootCause(BaseModel):
    """A root cause an action addresses."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    action_id: ForeignKeyField[int]
    root_cause_id: ForeignKeyField[int]

    action = ForeignKeyField(CorrectiveAction, index=False)
    root_cause = ForeignKeyField(RootCause)  # indexed: the open actions on a cause

    class Meta:
        indexes = ((("action", "root_cause"), True),)


class ActionCategory(BaseModel):
    """A category of complaint an action addresses."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    action_id: ForeignKeyField[int]
    category_id: ForeignKeyField[int]

    action = ForeignKeyField(CorrectiveAction, index=False)
    category = ForeignKeyField(Category, index=False)

    class Meta:
        indexes = ((("action", "category"), True),)


class Training(BaseModel):
    """Training given (培训): when, on what, by whom, to whom, for which action or cause."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    action_id: ForeignKeyField[int | None]
    root_cause_id: ForeignKeyField[int | None]
    created_by_id: ForeignKeyField[int | None]

    held_on = DateField(index=True)
    topic = CharField(max_length=200)
    trainer = CharField(max_length=60)  # a colleague or someone from outside (a supplier)
    notes = TextField(default="")
    action = ForeignKeyField(CorrectiveAction, null=True)
    root_cause = ForeignKeyField(RootCause, null=True, index=False)
    created_by = ForeignKeyField(User, null=True, index=False)
    created_at = DateTimeField()


class TrainingAttendee(BaseModel):
    """A user who attended a training."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    training_id: ForeignKeyField[int]
    user_id: ForeignKeyField[int]

    training = ForeignKeyField(Training, index=False)
    user = ForeignKeyField(User)  # indexed: a user's training history

    class Meta:
        indexes = ((("training", "user"), True),)


class WarningRule(BaseModel):
    """An early-warning rule (预警规则): what to watch, its threshold and its window in days.

    `kind`: `count` (N or more cases of one `dimension` value within D days), `repeat` (a
    customer again within D days), `low_score` (satisfaction of `threshold` or less), or
    `on_time` (a department's decisions on time under `threshold` % over D days, once it has
    `minimum` decisions).
    """

    id: AutoField[int]  # the key peewee adds, declared for type checkers (see BaseModel)

    kind = CharField(max_length=20)
    dimension = CharField(max_length=20, default="")  # count: category, root_cause, reference
    threshold = IntegerField()
    days = IntegerField()
    minimum = IntegerField(default=0)
    active = BooleanField(default=True)
    updated_at = DateTimeField()


class EarlyWarning(BaseModel):
    """A rule that fired for a set of cases about one subject (a category, a customer …).

    `signature` names the set of cases, so the same rule never fires twice for the same
    subject and cases, even when two PCs check at the same moment (the unique index).
    """

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    rule_id: ForeignKeyField[int]
    closed_by_id: ForeignKeyField[int | None]
    action_id: ForeignKeyField[int | None]

    rule = ForeignKeyField(WarningRule, index=False)
    subject = CharField(max_length=120)  # `category:3`, `customer:17`, `reference:A-1` …
    signature = CharField(max_length=64)
    fired_at = DateTimeField()
    size = IntegerField()  # how many cases
    # What was found, and the rule's limits then (a rule may be changed later): a count, a
    # score or a percentage on time, against the threshold over so many days.
    value = IntegerField()
    threshold = IntegerField()
    days = IntegerField()
    status = CharField(max_length=20, default="open")  # open dismissed superseded acted
    note = TextField(default="")
    closed_at = DateTimeField(null=True)
    closed_by = ForeignKeyField(User, null=True, index=False)
    action = ForeignKeyField(CorrectiveAction, null=True, index=False)

    class Meta:
        indexes = ((("rule", "subject", "signature"), True), (("status", "fired_at"), False),
                   (("rule", "subject", "fired_at"), False))


class WarningCase(BaseModel):
    """A case a warning is about."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    warning_id: ForeignKeyField[int]
    complaint_id: ForeignKeyField[int]

    warning = ForeignKeyField(EarlyWarning, index=False)
    complaint = ForeignKeyField(Complaint, index=False)

    class Meta:
        indexes = ((("warning", "complaint"), True),)
