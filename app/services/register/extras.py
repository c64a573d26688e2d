"""Further columns of the register, read for the cases of one page only when they are shown:
the handling department, the root cause, the department at fault, the satisfaction score
and how the customer felt.

The register's page query stays as small as the common columns need; a user who chooses
these columns pays for one more query per page of a hundred cases, by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from peewee import JOIN, Field

from app.i18n import ZH, current_language
from app.models import Complaint, Department, RootCause, TupleRows


@dataclass(frozen=True)
class CaseExtras:
    """What the further columns show of one case, named in the current language."""

    department: str = ""
    root_cause: str = ""
    fault_department: str = ""
    satisfaction: int | None = None
    mood: str = ""


def extras_of(case_ids: Sequence[int]) -> dict[int, CaseExtras]:
    """The further columns of the cases `case_ids`, by case id, in one query."""
    if not case_ids:
        return {}
    zh = current_language() == ZH
    handling, fault = Department.alias("handling"), Department.alias("fault")

    def name(model: Any) -> Field:  # a list's model or an alias of one
        return model.name_zh if zh else model.name_en

    rows = (Complaint.select(Complaint.id, name(handling), name(RootCause), name(fault),
                             Complaint.satisfaction, Complaint.mood)
            .join(handling, JOIN.LEFT_OUTER, on=(Complaint.department == handling.id))
            .switch(Complaint)
            .join(RootCause, JOIN.LEFT_OUTER, on=(Complaint.root_cause == RootCause.id))
            .switch(Complaint)
            .join(fault, JOIN.LEFT_OUTER, on=(Complaint.fault_department == fault.id))
            .where(Complaint.id.in_(list(case_ids))).tuples())
    return {case_id: CaseExtras(department or "", root_cause or "", fault_department or "",
                                satisfaction, mood or "")
            for case_id, department, root_cause, fault_department, satisfaction, mood
            in cast(TupleRows, rows)}
