"""What corrective actions and early warnings add to the reminders: an action's due date
(to its owner), its check date (to managers and the owner, who judge its effect), and the
warnings waiting for them. Their own queries, counted and limited in SQL; the reminders
(`casework.reminders`) put them in their groups beside the cases' items.

An action is due by the close of business on its due date, and its effect is judged from
the opening of its check date.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, NamedTuple, cast

from peewee import JOIN

from app.i18n import Text
from app.models import CorrectiveAction, TupleRows, User
from app.services import settings
from app.services.improvement.warning_view import open_warnings
from app.services.improvement.words import WORKING
from app.services.permissions import Permission, allowed
from app.services.text import parse_time_of_day

T = Text
REASONS = {
    "action_due": T("Corrective action due: {title}", "整改措施到期：{title}"),
    "action_check": T("Judge whether it worked: {title}", "验证整改效果：{title}"),
}


class Owed(NamedTuple):
    """One item: an action's due or check date, or a waiting warning."""

    kind: str  # action_due | action_check | warning
    due_at: datetime
    action_id: int | None
    warning_id: int | None
    label: str  # what the item is about: `Action #3`, `Early warning`
    who: str  # the action's owner, or how many cases a warning names
    reason: str


def action_items(*, user: User | None, horizon: datetime,
                 values: dict[str, Any] | None = None) -> list[Owed]:
    """Actions due (of `user`'s own) and, for managers, actions to judge, due before
    `horizon` (a shop has a few dozen actions at most: all are read); `values`: the settings
    if the caller has them already."""
    values = values or settings.get_all()
    closing = parse_time_of_day(values["hours.close"])
    opening = parse_time_of_day(values["hours.open"])
    due_by = _day_before(horizon, closing)
    working = (CorrectiveAction.status.in_(WORKING) & (CorrectiveAction.due_on <= due_by))
    if user is not None:
        working &= CorrectiveAction.owner == user.id
    found = _read(working, "action_due", CorrectiveAction.due_on, closing)
    if user is None or allowed(user, Permission.MANAGE_IMPROVEMENT):
        judged = ((CorrectiveAction.status == "done")
                  & (CorrectiveAction.check_on <= _day_before(horizon, opening)))
        found += _read(judged, "action_check", CorrectiveAction.check_on, opening)
    return found


def warning_items(*, user: User | None, limit: int) -> tuple[list[Owed], int]:
    """The warnings waiting for managers and the owner (none for anyone else)."""
    if user is not None and not allowed(user, Permission.MANAGE_IMPROVEMENT):
        return [], 0
    listed, total = open_warnings(reader=user, limit=limit)
    label = str(T("Early warning", "预警"))
    return [Owed("warning", info.fired_at, None, info.id, label,
                 str(T("{n} cases", "{n} 件").format(n=len(info.case_ids))), str(info.text))
            for info in listed], total


def action_label(action_id: int) -> str:
    """`Action #3` / `整改 #3`."""
    return str(T("Action #{id}", "整改 #{id}").format(id=action_id))


def _day_before(horizon: datetime, moment: time) -> date:
    """The last day whose `moment` falls before `horizon`."""
    day = horizon.date()
    return day if datetime.combine(day, moment) < horizon else date.fromordinal(
        day.toordinal() - 1)


def _read(condition: Any, kind: str, column: Any, moment: time) -> list[Owed]:
    rows = cast(TupleRows, CorrectiveAction.select(CorrectiveAction.id, CorrectiveAction.title,
                                                   column, User.display_name)
                .join(User, JOIN.INNER, on=(CorrectiveAction.owner == User.id))
                .where(condition).order_by(column, CorrectiveAction.id).tuples())
    return [Owed(kind, datetime.combine(day, moment), action_id, None, action_label(action_id),
                 owner, str(REASONS[kind].format(title=title)))
            for action_id, title, day, owner in rows]
