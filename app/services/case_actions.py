"""What a user may do to a case now, and doing it: one place for the window's buttons.

Steps that change the state come from the transition table (`workflow.TRANSITIONS`);
the others (findings, feedback, a reply) list the states they apply in. The permission
and state checks here are the same ones the services enforce when the step is taken.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.errors import InputError
from app.i18n import Text
from app.models import User
from app.services import cases, extensions, workflow
from app.services.case_view import CaseDetails
from app.services.labels import OPEN_STATUSES
from app.services.permissions import Permission, allowed


@dataclass(frozen=True)
class Action:
    """A button on the case view: the fields its dialog asks for and what it does."""

    code: str
    label: Text
    fields: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    target: str | None = None  # the state it moves to; None changes fields only
    needs_reason: bool = False
    states: frozenset[str] = frozenset()  # where it applies; for moves, narrows the table
    permission: Permission = Permission.WORK_CASES


ACTIONS: tuple[Action, ...] = (
    Action("acknowledge", Text("Acknowledge", "答复受理"), target="acknowledged"),
    Action("assign", Text("Assign", "指派处理"), ("department", "handler"),
           ("department", "handler"), target="in_progress"),
    Action("reassign", Text("Reassign", "改派"), ("department", "handler"),
           ("department", "handler"), states=frozenset({"in_progress", "awaiting_approval"})),
    Action("investigate", Text("Record investigation", "记录调查"),
           ("facts", "fault_department", "fault_party", "subject", "root_cause"),
           states=frozenset({"acknowledged", "in_progress", "awaiting_approval", "reopened"})),
    Action("propose", Text("Propose solution", "拟定解决方案"), ("resolution",), ("resolution",),
           states=frozenset({"in_progress", "reopened"})),
    Action("resolve", Text("Resolve", "解决"), ("root_cause", "resolution"),
           ("root_cause", "resolution"), target="resolved"),
    Action("reject", Text("Not upheld", "不予支持"), ("facts", "answer"), ("answer",),
           target="rejected"),
    Action("feedback", Text("Record feedback", "记录反馈"), ("feedback", "satisfaction"),
           ("feedback",), states=frozenset({"resolved", "rejected"})),
    Action("solve_now", Text("Solved on the spot", "当场解决"),
           ("root_cause", "resolution", "feedback"), ("root_cause", "resolution", "feedback"),
           target="closed", states=frozenset({"new"})),
    Action("close", Text("Close", "结案"), ("feedback", "satisfaction"), ("feedback",),
           target="closed", states=frozenset({"resolved", "rejected"})),
    Action("satisfaction", Text("Record satisfaction", "记录满意度"), ("satisfaction",),
           ("satisfaction",), states=frozenset({"closed"})),
    Action("reopen", Text("Reopen", "重新处理"), target="reopened", needs_reason=True),
    Action("extend", Text("Extend deadline", "延长处理时限"), needs_reason=True,
           states=frozenset(OPEN_STATUSES), permission=Permission.EXTEND_DEADLINE),
)
BY_CODE = {action.code: action for action in ACTIONS}


def available(details: CaseDetails, user: User) -> list[Action]:
    """The actions `user` may take on the case in its present state."""
    return [a for a in ACTIONS if _applies(a, details) and allowed(user, a.permission)]


def _applies(action: Action, details: CaseDetails) -> bool:
    if action.target is not None:
        step = workflow.transition(details.status, action.target)
        narrowed = not action.states or details.status in action.states
        return step is not None and not step.system_only and narrowed
    if action.code == "extend":
        return details.status in action.states and not extensions.was_extended(details.id)
    return details.status in action.states


def perform(
    code: str, details: CaseDetails, *, values: Mapping[str, Any], actor: User, now: datetime,
    note: str = "", new_due: datetime | None = None,
) -> CaseDetails:
    """Takes action `code` on the case as `details` showed it (its version guards the write)."""
    action = BY_CODE[code]
    _check_required(action, values)
    case = cases.get_case(details.number)
    version = details.version
    if action.code == "extend":
        extensions.extend_deadline(case, new_due=new_due, reason=note, actor=actor, now=now,
                                   expected_version=version)
    elif action.target is not None:
        workflow.move(case, action.target, values=values, note=note, actor=actor, now=now,
                      expected_version=version)
    else:
        cases.update_fields(case, values=values, actor=actor, now=now,
                            expected_version=version, note=note)
    return CaseDetails.load(details.number)


def _check_required(action: Action, values: Mapping[str, Any]) -> None:
    from app.services.fields import FIELDS, is_empty

    for name in action.required:
        if is_empty(values.get(name)):
            raise InputError(Text("{label} is required.", "请填写{label}。")
                             .format(label=FIELDS[name].label), field=name)
