"""Checking what is typed for a corrective action: each value parsed into what is stored.

Each field has a checker taking the raw value (typed text, a code, a name, a user) and
returning the value to store, or raising an InputError naming the field. The form of a new
action is checked whole, every problem reported together (`FormError`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.errors import DeskError, FormError, InputError
from app.i18n import Text
from app.models import Category, Complaint, Department, RootCause, User
from app.services import catalog, users
from app.services.improvement.words import FIELDS, OWNER
from app.services.text import checked_text, parse_datetime, years_after

T = Text
TITLE_LIMIT = 100
TEXT_LIMIT = 5000
TEXTS = ("containment", "cause_analysis", "measure")
# A shop's corrective action takes weeks or months; one planned further than two years out
# is a project rather than a fix whose effect can be checked, and a date beyond that is
# almost always a slip (2999-12-31, a wrong decade).
YEARS_AHEAD = 2


@dataclass
class ActionForm:
    """What a new corrective action starts with; title, owner and due date are required."""

    title: str
    owner: str | User
    due_on: date | str
    department: str | Department | None = None
    root_causes: Iterable[str | RootCause] = ()
    categories: Iterable[str | Category] = ()
    containment: str = ""
    cause_analysis: str = ""
    measure: str = ""
    case_ids: Iterable[int] = field(default_factory=tuple)
    warning_id: int | None = None


def label(name: str) -> Text:
    """The field's name as the form and the timeline show it."""
    return FIELDS[f"action.{name}"]


def check_title(value: str) -> str:
    """A title of 1 to 100 characters."""
    return checked_text(value, field="title", label=label("title"), max_length=TITLE_LIMIT,
                        required=True)


def check_text(name: str) -> Callable[[str | None], str]:
    """A checker for one of the long texts (containment, cause analysis, the action)."""
    return lambda value: checked_text(value, field=name, label=label(name),
                                      max_length=TEXT_LIMIT)


def check_owner(value: str | User) -> User:
    """An active user, given as a user name or a user."""
    if isinstance(value, User):
        user = User.get_by_id(value.id)
    elif not value or not str(value).strip():
        raise InputError(T("{label} is required.", "请填写{label}。").format(label=OWNER),
                         field="owner")
    else:
        user = users.find_user(str(value))
    if not user.active:
        raise InputError(T("{name}'s account is switched off; choose someone else.",
                           "{name}的账户已停用，请另选他人。").format(name=user.display_name),
                         field="owner")
    return user


def check_department(value: str | Department | None) -> Department | None:
    """A department by code or name, or none."""
    if isinstance(value, Department):
        return value
    if value is None or not str(value).strip():
        return None
    return catalog.find(Department, str(value))


def check_due(value: date | datetime | str, *, today: date) -> date:
    """A due date, today or later (a date in the past is a typing error), and at most
    `YEARS_AHEAD` years ahead."""
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        if not value.strip():
            raise InputError(T("{label} is required.", "请填写{label}。").format(
                label=label("due_on")), field="due_on")
        value = parse_datetime(value, field="due_on", label=label("due_on")).date()
    if value < today:
        raise InputError(T("{label} cannot be before today ({date}).",
                           "{label}不能早于今天（{date}）。").format(
            label=label("due_on"), date=today.isoformat()), field="due_on")
    latest = years_after(today, YEARS_AHEAD)
    if value > latest:
        raise InputError(T("{label} cannot be more than {n} years ahead (after {date}).",
                           "{label}不能晚于 {n} 年后（{date}）。").format(
            label=label("due_on"), n=YEARS_AHEAD, date=latest.isoformat()), field="due_on")
    return value


def check_entries(model: type[RootCause] | type[Category],
                  values: Iterable[str | RootCause | Category]) -> list[int]:
    """The ids of list entries given by code or name (each once, in the order given)."""
    found: list[int] = []
    for value in values:
        entry: RootCause | Category = (value if isinstance(value, model)
                                       else catalog.find(model, str(value)))  # type: ignore[type-var]
        if entry.id not in found:
            found.append(entry.id)
    return found


def check_cases(case_ids: Iterable[int]) -> list[int]:
    """Case ids that exist (each once)."""
    wanted = list(dict.fromkeys(int(case_id) for case_id in case_ids))
    known = {row.id for row in Complaint.select(Complaint.id).where(Complaint.id.in_(wanted))}
    missing = [case_id for case_id in wanted if case_id not in known]
    if missing:
        raise InputError(T("There is no case with id {id}.", "没有 ID 为 {id} 的投诉。")
                         .format(id=missing[0]), field="cases")
    return wanted


def _text_step(form: ActionForm, name: str) -> Callable[[], str]:
    return lambda: check_text(name)(getattr(form, name))


def check_form(form: ActionForm, *, today: date) -> dict[str, Any]:
    """Every value of a new action checked, or a FormError with every problem at once."""
    errors: list[DeskError] = []
    checked: dict[str, Any] = {}
    steps: Mapping[str, Callable[[], Any]] = {
        "title": lambda: check_title(form.title),
        "owner": lambda: check_owner(form.owner),
        "due_on": lambda: check_due(form.due_on, today=today),
        "department": lambda: check_department(form.department),
        "root_causes": lambda: check_entries(RootCause, form.root_causes),
        "categories": lambda: check_entries(Category, form.categories),
        **{name: _text_step(form, name) for name in TEXTS},
        "cases": lambda: check_cases(form.case_ids),
    }
    for name, step in steps.items():
        try:
            checked[name] = step()
        except DeskError as error:  # named by the form's field (an owner's, not a user name)
            errors.append(error if error.field == name else InputError(error.text, field=name))
    if errors:
        raise FormError(errors)
    return checked
