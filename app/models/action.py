"""The corrective action (整改措施): a fix for a cause, from containment to a verified result.

Its own module because the event log refers to it (an action's timeline is events too),
while the tables that tie actions to cases refer to the case: see `app.models.improvement`.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from app.models.base import BaseModel
from app.models.people import Department, User


class CorrectiveAction(BaseModel):
    """One corrective action: what contains the problem now, why it happened, what fixes it,
    who owns it by when, and whether the fix worked. `version` detects concurrent edits."""

    # The key and the foreign keys' ids peewee adds, declared for type checkers.
    id: AutoField[int]
    owner_id: ForeignKeyField[int]
    department_id: ForeignKeyField[int | None]
    created_by_id: ForeignKeyField[int | None]

    title = CharField(max_length=100)
    containment = TextField(default="")  # 临时措施: what stops the harm while the fix is made
    cause_analysis = TextField(default="")  # 原因分析, with the "5 whys"
    measure = TextField(default="")  # 整改措施: the action itself
    owner = ForeignKeyField(User, index=False)
    department = ForeignKeyField(Department, null=True, index=False)
    due_on = DateField()
    status = CharField(max_length=20, default="open")
    done_at = DateTimeField(null=True)  # the last time it was done
    check_on = DateField(null=True)  # when its effectiveness is judged
    verdict_at = DateTimeField(null=True)
    created_by = ForeignKeyField(User, null=True, index=False)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    version = IntegerField(default=1)

    class Meta:
        # Reminders read open actions by due date and done ones by check date; each owner's
        # list reads their own.
        indexes = ((("status", "due_on"), False), (("status", "check_on"), False),
                   (("owner", "status"), False))
