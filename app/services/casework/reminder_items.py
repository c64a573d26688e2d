"""The reminders' items and groups as the window shows them: what `reminders` answers.

Apart from the reading itself (casework.reminders), so the window can make its reminders
panel and its watch without loading the queries, which run on the worker after the first
paint.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from app.i18n import Text
from app.services.text import iso

GROUPS: dict[str, Text] = {
    # First: a shop has a handful of actions, which would sink among hundreds of case items.
    "action": Text("Corrective actions due or to judge", "整改措施：到期或待验证"),
    "overdue": Text("Overdue", "已逾期"),
    "today": Text("Due today", "今天到期"),
    "soon": Text("Due soon", "即将到期"),
    "escalated": Text("Escalated, waiting for a manager", "已升级，待负责人确认"),
    "warning": Text("Early warnings", "预警"),
}


@dataclass(frozen=True)
class Reminder:
    """One thing owed on one case."""

    group: str
    kind: str
    case_id: int
    number: str
    customer: str
    due_at: datetime
    reason: str
    follow_up_id: int | None = None
    # An item about a corrective action or an early warning rather than a case (case_id 0).
    action_id: int | None = None
    warning_id: int | None = None

    @property
    def key(self) -> tuple[str, int, int | None, datetime, int | None, int | None]:
        """What identifies this item, so it is announced only once."""
        return (self.kind, self.case_id, self.follow_up_id, self.due_at, self.action_id,
                self.warning_id)

    def to_json(self) -> dict[str, object]:
        """The item with stable English keys."""
        return {"group": self.group, "kind": self.kind, "number": self.number,
                "customer": self.customer, "due_at": iso(self.due_at), "reason": self.reason,
                "follow_up": self.follow_up_id, "action": self.action_id,
                "warning": self.warning_id}


@dataclass(frozen=True)
class Reminders:
    """The items of each group (most urgent first, at most `limit`) and their full counts."""

    items: dict[str, list[Reminder]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many items in all groups."""
        return sum(self.counts.values())

    def all_items(self) -> Iterator[Reminder]:
        """Every listed item, group by group."""
        for group in GROUPS:
            yield from self.items.get(group, ())

    def to_json(self) -> dict[str, object]:
        """Counts and items per group."""
        return {"counts": self.counts,
                "groups": {g: [r.to_json() for r in self.items.get(g, [])] for g in GROUPS}}
