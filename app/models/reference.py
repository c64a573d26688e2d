"""Editable coded lists (categories, root causes, reply templates) and settings rows."""

from __future__ import annotations

from peewee import AutoField, BooleanField, CharField, DateTimeField, IntegerField, TextField

from app.models.base import BaseModel


class Category(BaseModel):
    """A complaint category (cause type); its deadline profile sets the case's clock."""

    id: AutoField[int]  # the key peewee adds, declared for type checkers (see BaseModel)

    code = CharField(max_length=30, unique=True)
    name_zh = CharField(max_length=60)
    name_en = CharField(max_length=60)
    profile = CharField(max_length=20, default="shop")
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)


class RootCause(BaseModel):
    """A coded root cause, so causes can be counted and fixed."""

    id: AutoField[int]  # the key peewee adds, declared for type checkers (see BaseModel)

    code = CharField(max_length=30, unique=True)
    name_zh = CharField(max_length=60)
    name_en = CharField(max_length=60)
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)


class ReplyTemplate(BaseModel):
    """An approved answer (统一回复口径) with `{placeholders}` filled from the case."""

    id: AutoField[int]  # the key peewee adds, declared for type checkers (see BaseModel)

    code = CharField(max_length=30)
    language = CharField(max_length=10)
    title = CharField(max_length=100)
    body = TextField()
    active = BooleanField(default=True)
    updated_at = DateTimeField()

    class Meta:
        indexes = ((("code", "language"), True),)


class Setting(BaseModel):
    """One setting; the list of settings, their types and defaults live in services."""

    key = CharField(max_length=60, primary_key=True)
    value = TextField()  # JSON
