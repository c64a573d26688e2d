"""The case fields a user may set after intake, and how each is entered and checked.

One table serves the window's dialogs, `move --set FIELD=VALUE` on the command line, the
transition rules (which fields each step needs) and the timeline (old → new as text). What
each field is called comes from the vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import InputError
from app.i18n import Text
from app.models import Complaint, Department, RootCause, User
from app.services import catalog, users, vocabulary
from app.services.labels import SEVERITIES, lookup
from app.services.text import checked_text

LONG_TEXT = 5000


@dataclass(frozen=True)
class CaseField:
    """A settable case field: `name` as users type it, `column` on the Complaint row, and
    `kind`, how it is entered and checked (its label and how it is shown are the
    vocabulary's)."""

    name: str
    column: str
    kind: str  # text | department | root_cause | user | satisfaction | severity | flag
    max_length: int = LONG_TEXT

    @property
    def label(self) -> Text:
        """What the field is called (the vocabulary's label)."""
        return vocabulary.label(self.name)


FIELDS: Mapping[str, CaseField] = {
    field.name: field
    for field in (
        CaseField("department", "department", "department"),
        CaseField("handler", "handler", "user"),
        CaseField("subject", "subject_user", "user"),
        CaseField("fault_department", "fault_department", "department"),
        CaseField("fault_party", "fault_party", "text", 100),
        CaseField("facts", "facts", "text"),
        CaseField("root_cause", "root_cause", "root_cause"),
        CaseField("resolution", "resolution", "text"),
        CaseField("answer", "answer", "text"),
        CaseField("feedback", "feedback", "text"),
        CaseField("satisfaction", "satisfaction", "satisfaction"),
        CaseField("severity", "severity", "severity"),
        CaseField("flag_group", "flag_group", "flag"),
        CaseField("flag_risk", "flag_risk", "flag"),
        CaseField("flag_management", "flag_management", "flag"),
    )
}


def field_named(name: str) -> CaseField:
    """The field called `name`; refused with the list of field names otherwise."""
    try:
        return FIELDS[name.strip()]
    except KeyError:
        raise InputError(
            Text("Unknown field “{name}”. Fields: {names}.",
                 "未知字段“{name}”。可用字段：{names}。")
            .format(name=name, names=", ".join(FIELDS)),
            field=name,
        ) from None


def parse_value(field: CaseField, raw: Any) -> Any:
    """Turns what the user gave (text, or already a model) into the value to store."""
    if field.kind == "flag":
        return _parse_flag(field, raw)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if field.kind == "severity":
            raise InputError(Text("{label} is required.", "请填写{label}。")
                               .format(label=field.label), field=field.name)
        return "" if field.kind == "text" else None
    parser = _PARSERS[field.kind]
    return parser(field, raw)


def stored_text(field: CaseField, value: Any) -> str:
    """The value as the timeline keeps it: codes and user names, not database ids."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, User):
        return value.username
    if isinstance(value, Department | RootCause):
        return value.code
    return str(value)


def current_value(case: Complaint, field: CaseField) -> Any:
    """The value the case holds now (a model instance for references)."""
    return getattr(case, field.column)


def is_empty(value: Any) -> bool:
    """True for None and blank text: what a transition counts as missing."""
    return value is None or (isinstance(value, str) and not value.strip())


def _parse_text(field: CaseField, raw: Any) -> str:
    return checked_text(str(raw), field=field.name, label=field.label,
                        max_length=field.max_length)


def _parse_department(field: CaseField, raw: Any) -> Department:
    entry = raw if isinstance(raw, Department) else catalog.find(Department, str(raw))
    return _active(field, entry, entry.code)


def _parse_root_cause(field: CaseField, raw: Any) -> RootCause:
    entry = raw if isinstance(raw, RootCause) else catalog.find(RootCause, str(raw))
    return _active(field, entry, entry.code)


def _parse_user(field: CaseField, raw: Any) -> User:
    user = raw if isinstance(raw, User) else users.find_user(str(raw))
    return _active(field, user, user.username)


def _active(field: CaseField, entry: Any, name: str) -> Any:
    if not entry.active:
        raise InputError(
            Text("{label}: “{name}” is switched off and cannot be chosen.",
                 "{label}：“{name}”已停用，不能选择。").format(label=field.label, name=name),
            field=field.name,
        )
    return entry


def _parse_satisfaction(field: CaseField, raw: Any) -> int:
    try:
        score = int(str(raw).strip())
    except ValueError:
        score = 0
    if not 1 <= score <= 5:
        raise InputError(
            Text("Satisfaction is a whole number from 1 to 5, not “{raw}”.",
                 "满意度应为 1 到 5 的整数，而不是“{raw}”。").format(raw=raw),
            field=field.name,
        )
    return score


_YES = {"1", "true", "yes", "y", "on", "是", "对"}
_NO = {"", "0", "false", "no", "n", "off", "否", "不"}


def _parse_flag(field: CaseField, raw: Any) -> bool:
    if isinstance(raw, bool) or raw is None:
        return bool(raw)
    text = str(raw).strip().casefold()
    if text in _YES | _NO:
        return text in _YES
    raise InputError(Text("{label}: say yes or no, not “{raw}”.",
                          "{label}：请填“是”或“否”，而不是“{raw}”。")
                     .format(label=field.label, raw=raw), field=field.name)


def _parse_severity(field: CaseField, raw: Any) -> str:
    return lookup(SEVERITIES, str(raw), what=field.label)


_PARSERS = {
    "text": _parse_text,
    "department": _parse_department,
    "root_cause": _parse_root_cause,
    "user": _parse_user,
    "satisfaction": _parse_satisfaction,
    "severity": _parse_severity,
}
