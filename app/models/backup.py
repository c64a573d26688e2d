"""The record of every backup made, checked, failed or restored (schema step 5)."""

from __future__ import annotations

from peewee import (
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from app.models.base import BaseModel
from app.models.people import User


class BackupRecord(BaseModel):
    """One backup or restore: what was copied where, whether it checked out, what it held.

    `kind` is a code (daily, on_exit, manual, server, restored); `problem` a code for why it
    failed ('' when it did not) with the system's own words in `detail`: both are worded in
    the reader's language when shown.
    """

    id: AutoField[int]  # the key peewee adds, declared for type checkers (see BaseModel)
    user_id: ForeignKeyField[int | None]

    kind = CharField(max_length=20)
    started_at = DateTimeField(index=True)
    finished_at = DateTimeField()
    path = TextField(default="")
    ok = BooleanField(default=False)
    size = BigIntegerField(null=True)
    cases = IntegerField(null=True)
    newest_case = CharField(max_length=20, default="")
    newest_at = DateTimeField(null=True)
    problem = CharField(max_length=20, default="")
    detail = TextField(default="")
    user = ForeignKeyField(User, null=True, index=False)
