"""What the figures are narrowed to (category, handling department, channel, handler), and
who may see which figures: managers and the owner see the whole desk, staff their own cases.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from peewee import Expression

from app.errors import AccessError
from app.i18n import Text
from app.models import Complaint, User


@dataclass(frozen=True)
class Filters:
    """Optional narrowing of every figure; None does not filter."""

    category_id: int | None = None
    department_id: int | None = None
    channel: str | None = None
    handler_id: int | None = None

    def conditions(self) -> list[Expression]:
        """The SQL conditions on `complaint` (the register applies the same ones)."""
        pairs = ((Complaint.category, self.category_id),
                 (Complaint.department, self.department_id),
                 (Complaint.channel, self.channel), (Complaint.handler, self.handler_id))
        return [column == value for column, value in pairs if value is not None]

    def query_fields(self) -> dict[str, Any]:
        """The same narrowing as the register's CaseQuery fields."""
        return {"category_id": self.category_id, "department_id": self.department_id,
                "channel": self.channel, "handler_id": self.handler_id}


SEES_ALL = ("manager", "owner", "admin")


def scoped(filters: Filters, actor: User | None) -> Filters:
    """The filters `actor` may use: staff see only the cases they handle.

    `actor` None is the command line without `--user`, which reads the database file
    directly and so sees everything anyway.

    Raises:
        AccessError: staff asking for someone else's figures, or an inactive account.
    """
    if actor is None or (actor.active and actor.role in SEES_ALL):
        return filters
    if not actor.active or (filters.handler_id not in (None, actor.id)):
        raise AccessError(Text("{name} may see only the figures of their own cases.",
                               "{name}只能查看自己处理的投诉的统计。")
                          .format(name=actor.display_name))
    return replace(filters, handler_id=actor.id)
