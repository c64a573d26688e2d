"""Whether a corrective action worked, measured from the data, not asserted.

New cases with the root causes the action addresses (and of its categories, when it names
some) received since it was done are counted against the same length of time just before
it was done. Until the check date the "after" window runs to now; from the check date on
both windows are full and fixed:

    before: [done − L, done)        after: [done, done + L)        L = min(now, check) − done
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import Expression

from app.models import ActionCategory, ActionRootCause, Complaint, CorrectiveAction
from app.services.improvement.words import MEASURED


@dataclass(frozen=True)
class Comparison:
    """The before/after counts of one action, and the windows they cover."""

    done_at: datetime
    before_from: datetime
    after_to: datetime
    before: int
    after: int
    # Every case received in each window: a desk getting busier gets more of every cause, so
    # the share of all cases is the fairer comparison.
    before_total: int
    after_total: int
    # Cases of the action's categories received since it was done that have no root cause
    # yet (still being handled): the "after" count may still grow by these.
    unclassified: int
    complete: bool  # the check date has come: the windows are full

    @property
    def days(self) -> int:
        """The length of each window in whole days."""
        return (self.after_to - self.done_at).days

    @property
    def before_share(self) -> float | None:
        """The cases with the cause as a share of all cases before (None: no case at all)."""
        return self.before / self.before_total if self.before_total else None

    @property
    def after_share(self) -> float | None:
        """The same share since it was done."""
        return self.after / self.after_total if self.after_total else None

    def to_json(self) -> dict[str, object]:
        """Stable English keys."""
        return {"before_count": self.before, "after_count": self.after, "days": self.days,
                "before_total": self.before_total, "after_total": self.after_total,
                "before_from": self.before_from.isoformat(timespec="seconds"),
                "done_at": self.done_at.isoformat(timespec="seconds"),
                "after_to": self.after_to.isoformat(timespec="seconds"),
                "unclassified": self.unclassified, "complete": self.complete}


def compare(action: CorrectiveAction, *, now: datetime) -> Comparison | None:
    """The comparison for an action that has been done (None before that, or when it names
    no root cause or category to count by)."""
    if action.status not in MEASURED or action.done_at is None or action.check_on is None:
        return None
    causes, categories = _targets(action.id)
    if not causes and not categories:
        return None
    done = action.done_at
    check = datetime.combine(action.check_on, done.time())
    end = max(done, min(now, check))
    length = end - done
    same = _same_cause(causes, categories)
    start = done - length
    return Comparison(done_at=done, before_from=start, after_to=end,
                      before=_count(same, start, done), after=_count(same, done, end),
                      before_total=_count(None, start, done), after_total=_count(None, done, end),
                      unclassified=_unclassified(categories, causes, done, end),
                      complete=now >= check)


def window_length(action: CorrectiveAction) -> timedelta | None:
    """The full length of each window once the check date has come."""
    if action.done_at is None or action.check_on is None:
        return None
    return datetime.combine(action.check_on, action.done_at.time()) - action.done_at


def _targets(action_id: int) -> tuple[list[int], list[int]]:
    causes = [row.root_cause_id for row in
              ActionRootCause.select().where(ActionRootCause.action == action_id)]
    categories = [row.category_id for row in
                  ActionCategory.select().where(ActionCategory.action == action_id)]
    return causes, categories


def _same_cause(causes: list[int], categories: list[int]) -> Expression:
    condition = Complaint.root_cause.in_(causes) if causes else None
    if categories:
        in_categories = Complaint.category.in_(categories)
        condition = in_categories if condition is None else condition & in_categories
    assert condition is not None
    return condition


def _count(condition: Expression | None, start: datetime, end: datetime) -> int:
    """Cases received in [start, end) under `condition` (every case for None)."""
    if end <= start:
        return 0
    window = (Complaint.received_at >= start) & (Complaint.received_at < end)
    where = window if condition is None else condition & window
    # A duplicate merged into another case is counted with it, once: the few merged cases
    # are found through their own index and taken off, so the count keeps its index range.
    merged = Complaint.select().where(where & Complaint.merged_into.is_null(False)).count()
    return Complaint.select().where(where).count() - merged


def _unclassified(categories: list[int], causes: list[int], start: datetime,
                  end: datetime) -> int:
    if not categories or not causes or end <= start:
        return 0  # without categories, "no root cause yet" would be every open case
    return _count(Complaint.category.in_(categories) & Complaint.root_cause.is_null(),
                  start, end)
