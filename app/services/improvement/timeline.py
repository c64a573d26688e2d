"""An action's timeline in words: the stored codes and values (a state, a user name, a
list entry's code, a case's id) worded in the reader's language when shown."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.i18n import Text
from app.models import Category, Complaint, Department, EarlyWarning, RootCause, User, WarningRule
from app.services.improvement.warning_view import read as read_warnings
from app.services.improvement.words import ACTION_STATUSES, EVENT_KINDS, FIELDS, measured_words
from app.services.text import iso

T = Text
_BLANK = T("", "")
_LONG_TEXTS = ("action.containment", "action.cause_analysis", "action.measure")


@dataclass(frozen=True)
class Names:
    """What the timeline stores as codes, named once for all its events."""

    users: Mapping[str, str]  # user name → name
    people: Mapping[int, str]  # user id → user name
    entries: Mapping[str, Mapping[str, Text]]  # by field: code → name
    numbers: Mapping[int, str]  # case id → number
    warnings: Mapping[str, Text]  # warning id → what it says

    @classmethod
    def read(cls, case_ids: Iterable[int], warning_ids: Iterable[str] = ()) -> Names:
        """Reads the names of users, list entries, the cases and the warnings named."""
        wanted = sorted(set(case_ids))
        numbers = {row.id: row.number for row in Complaint.select(Complaint.id, Complaint.number)
                   .where(Complaint.id.in_(wanted))} if wanted else {}

        def named(model: Any) -> dict[str, Text]:
            return {row.code: T(row.name_en, row.name_zh) for row in model.select()}

        accounts = list(User.select(User.id, User.username, User.display_name))
        return cls({user.username: user.display_name for user in accounts},
                   {user.id: user.username for user in accounts},
                   {"action.department": named(Department), "action.root_causes":
                    named(RootCause), "action.categories": named(Category)}, numbers,
                   _warning_words(warning_ids))


@dataclass(frozen=True)
class ActionEntry:
    """One event of an action's timeline: what is stored, and the change in words."""

    at: datetime
    actor: str
    actor_name: str
    kind: str
    field: str
    old: str
    new: str
    note: str
    case_number: str
    change: Text

    @property
    def what(self) -> str:
        """The kind of event in the current language."""
        return str(EVENT_KINDS.get(self.kind, T(self.kind, self.kind)))

    def describe(self) -> str:
        """The change in words of the current language."""
        return str(self.change)

    def to_json(self) -> dict[str, Any]:
        """Stable English keys."""
        return {"at": iso(self.at), "actor": self.actor, "kind": self.kind,
                "field": self.field, "old": self.old, "new": self.new, "note": self.note,
                "case": self.case_number or None}


def entry(event: Any, names: Names) -> ActionEntry:
    """An event of the log as a line of an action's timeline."""
    actor = names.people.get(event.actor_id, "") if event.actor_id else ""
    number = names.numbers.get(event.complaint_id, "") if event.complaint_id else ""
    return ActionEntry(event.at, actor, names.users.get(actor, ""), event.kind, event.field,
                       event.old_value, event.new_value, event.note, number,
                       change(event.field, event.old_value, event.new_value, number, names))


def change(field: str, old: str, new: str, number: str, names: Names) -> Text:
    """`State: Open → In progress` in both languages."""
    name = FIELDS.get(field, T(field, field))
    if field in ("action.link", "action.unlink"):
        return _joined(name, T(number, number))
    if field == "action.measured":
        return _joined(name, measured_words(new) if new else T("nothing to count by",
                                                               "无可统计的原因或类别"))
    if field == "warning.acted" and new in names.warnings:
        said = names.warnings[new]
        return _joined(name, T(f"#{new} {said.en}", f"#{new} {said.zh}"))
    if field in ("warning.acted", "training"):
        return _joined(name, T(f"#{new}", f"#{new}"))
    if field in _LONG_TEXTS or field == "action.created":
        return _joined(name, T(new, new))
    before, after = _worded(field, old, names), _worded(field, new, names)
    if before.en:
        after = T(f"{before.en} → {after.en}", f"{before.zh} → {after.zh}")
    return _joined(name, after)


def _warning_words(warning_ids: Iterable[str]) -> dict[str, Text]:
    """What each warning named says (`5 cases of Product quality within 7 days`)."""
    wanted = sorted({int(key) for key in warning_ids if key.isdigit()})
    if not wanted:
        return {}
    found = read_warnings(EarlyWarning.select(EarlyWarning, WarningRule.kind,
                                              WarningRule.dimension)
                          .join(WarningRule).where(EarlyWarning.id.in_(wanted)))
    return {str(info.id): info.text for info in found}


def _worded(field: str, stored: str, names: Names) -> Text:
    if not stored:
        return _BLANK
    if field == "action.status":
        return ACTION_STATUSES.get(stored) or T(stored, stored)
    if field == "action.owner":
        person = names.users.get(stored, stored)
        return T(person, person)
    if field in names.entries:
        found = [names.entries[field].get(code) or T(code, code) for code in stored.split(",")]
        return T(", ".join(t.en for t in found), "、".join(t.zh for t in found))
    return T(stored, stored)


def _joined(name: Text, value: Text) -> Text:
    if not value.en and not value.zh:
        return name
    return T(f"{name.en}: {value.en}", f"{name.zh}：{value.zh}")
