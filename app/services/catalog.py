"""The editable coded lists: categories, departments and root causes.

Each entry has a stable code and a Chinese and an English name; entries are switched
off, never deleted, so old cases keep their meaning and can still be counted.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from app.errors import InputError, NotFoundError
from app.i18n import ZH, Text, current_language
from app.models import Category, Department, RootCause, User
from app.services import audit
from app.services.permissions import Permission, require
from app.services.text import checked_text

Entry = TypeVar("Entry", Category, Department, RootCause)
PROFILES = ("shop", "financial")

NOUNS: dict[type, Text] = {
    Category: Text("category", "投诉类别"),
    Department: Text("department", "部门"),
    RootCause: Text("root cause", "根本原因"),
}


def name_of(entry: Category | Department | RootCause | None) -> str:
    """The entry's name in the current language ('' for None)."""
    if entry is None:
        return ""
    return entry.name_zh if current_language() == ZH else entry.name_en


def entries(model: type[Entry], *, include_inactive: bool = False) -> list[Entry]:
    """The entries of one list in their display order."""
    query = model.select().order_by(model.sort_order, model.id)
    if not include_inactive:
        query = query.where(model.active)
    return list(query)


def find(model: type[Entry], value: str) -> Entry:
    """The entry whose code, Chinese or English name is `value` (case-insensitive).

    Raises:
        NotFoundError: naming the list and the active entries to choose from.
    """
    wanted = value.strip().casefold()
    for entry in entries(model, include_inactive=True):
        if wanted in (entry.code.casefold(), entry.name_zh.casefold(), entry.name_en.casefold()):
            return entry
    choices = ", ".join(f"{e.code} ({e.name_zh})" for e in entries(model))
    raise NotFoundError(
        Text("Unknown {what} “{value}”. Use one of: {choices}.",
             "未知的{what}“{value}”。可选：{choices}。").format(
            what=NOUNS[model], value=value, choices=choices)
    )


def add(
    model: type[Entry], *, code: str, name_zh: str, name_en: str, actor: User, now: datetime,
    profile: str = "shop",
) -> Entry:
    """Adds an entry to a list (managers, owners and administrators)."""
    require(actor, Permission.MANAGE_LISTS)
    clean_code = checked_text(code, field="code", label=Text("Code", "代码"), max_length=30,
                              required=True)
    if model.select().where(model.code == clean_code).exists():
        raise InputError(Text("The code “{code}” is already used.", "代码“{code}”已被使用。")
                           .format(code=clean_code), field="code")
    fields = {
        "code": clean_code,
        "name_zh": checked_text(name_zh, field="name_zh", label=Text("Chinese name", "中文名称"),
                                max_length=60, required=True),
        "name_en": checked_text(name_en, field="name_en", label=Text("English name", "英文名称"),
                                max_length=60, required=True),
        "sort_order": model.select().count(),
    }
    if model is Category:
        fields["profile"] = _check_profile(profile)
    entry = model.create(**fields)
    audit.record(None, actor, now, kind="catalog", field=model._meta.table_name, new=clean_code)
    return entry


def set_active(entry: Entry, *, active: bool, actor: User, now: datetime) -> None:
    """Switches an entry off (hidden for new cases, kept for old ones) or on again."""
    require(actor, Permission.MANAGE_LISTS)
    old = entry.active
    entry.active = active
    entry.save()
    audit.record(None, actor, now, kind="catalog", field=f"{entry._meta.table_name}.active",
                 old=str(old), new=str(active), note=entry.code)


def _check_profile(profile: str) -> str:
    if profile not in PROFILES:
        raise InputError(Text("Unknown deadline profile “{p}”.", "未知的时限方案“{p}”。")
                           .format(p=profile), field="profile")
    return profile
