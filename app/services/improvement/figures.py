"""What continuous improvement did in a period, counted from the event log: actions started,
done, judged effective or not, warnings fired; and the actions judged or done in it with
their before/after counts (the monthly review's section)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from peewee import SQL, fn

from app.models import CorrectiveAction, Event, TupleRows, User
from app.services.improvement import effect

KEYS = ("opened", "done", "verified", "not_effective", "warnings")


@dataclass(frozen=True)
class ActionLine:
    """An action done or judged in the period, with its effect as it stood at the end."""

    id: int
    title: str
    status: str
    owner: str
    before: int | None
    after: int | None
    days: int | None


@dataclass(frozen=True)
class ImprovementFigures:
    """The period's counts by key (KEYS) and the actions behind them."""

    counts: dict[str, int]
    lines: tuple[ActionLine, ...]


def period_figures(first: date, last: date, *, now: datetime) -> ImprovementFigures:
    """The counts for the days `first` to `last` (inclusive) and the actions done or judged."""
    start = datetime.combine(first, datetime.min.time())
    end = datetime.combine(last + timedelta(days=1), datetime.min.time())
    within = (Event.at >= start) & (Event.at < end)
    steps: dict[str, int] = dict(cast(TupleRows, Event.select(Event.new_value, fn.COUNT(SQL("*")))
                      .where(within & (Event.field == "action.status")
                             & Event.new_value.in_(KEYS[1:4]))
                      .group_by(Event.new_value).tuples()))
    counts = {
        "opened": Event.select().where(within & (Event.field == "action.created")).count(),
        **{key: int(steps.get(key, 0)) for key in KEYS[1:4]},
        "warnings": Event.select().where(within & (Event.field == "warning.fired")).count(),
    }
    moved = (Event.select(Event.action).distinct()
             .where(within & (Event.field == "action.status") & Event.new_value.in_(KEYS[1:4])))
    return ImprovementFigures(counts, tuple(_line(action, min(now, end)) for action in
                                            CorrectiveAction.select(CorrectiveAction, User)
                                            .join(User, on=(CorrectiveAction.owner == User.id))
                                            .where(CorrectiveAction.id.in_(moved))
                                            .order_by(CorrectiveAction.id)))


def _line(action: CorrectiveAction, at: datetime) -> ActionLine:
    found = effect.compare(action, now=at)
    return ActionLine(action.id, action.title, action.status, action.owner.display_name,
                      found.before if found else None, found.after if found else None,
                      found.days if found else None)
