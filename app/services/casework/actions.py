"""What a user may do to a case now, and doing it: one place for the window's buttons.

Steps that change the state come from the transition table (`workflow.TRANSITIONS`);
the others list the states they apply in. The permission and state checks here are the
same ones the services enforce when the step is taken.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from app.errors import InputError
from app.i18n import Text
from app.models import User
from app.services import audit
from app.services.casework import (
    acknowledgement,
    cases,
    clock,
    escalations,
    followups,
    workflow,
)
from app.services.casework.fields import FIELDS, is_empty
from app.services.casework.view import CaseDetails
from app.services.labels import OPEN_STATUSES
from app.services.permissions import Permission, allowed

_OPEN = frozenset(OPEN_STATUSES)
_DECIDED = frozenset({"resolved", "rejected", "closed"})
_ALL = _OPEN | _DECIDED

# Inputs an action may ask for besides case fields, with their labels.
INPUTS: dict[str, Text] = {
    "reason": Text("Reason", "原因"),
    "due": Text("When", "时间"),
    "told": Text("How the customer was told", "告知客户的方式"),
    "note": Text("What to do", "跟进事项"),
    "reply": acknowledgement.TOLD,
    "promised": Text("Decision promised by", "承诺处理期限"),
}
OPTIONAL_INPUTS = frozenset({"promised"})  # left out, the deadline stays as the rule set it


@dataclass(frozen=True)
class Action:
    """A button on the case view: what its dialog asks for and what it does."""

    code: str
    label: Text
    fields: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    target: str | None = None  # the state it moves to
    inputs: tuple[str, ...] = ()  # required, but for OPTIONAL_INPUTS
    states: frozenset[str] = frozenset()  # where it applies; for moves, narrows the table
    permission: Permission = Permission.WORK_CASES


ACTIONS: tuple[Action, ...] = (
    Action("acknowledge", Text("Acknowledge", "答复受理"), target="acknowledged",
           inputs=("reply", "promised")),
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
    Action("solve_now", Text("Solved on the spot", "当场解决"),
           ("root_cause", "resolution", "feedback"), ("root_cause", "resolution", "feedback"),
           target="closed", states=frozenset({"new"})),
    Action("feedback", Text("Record feedback", "记录反馈"), ("feedback", "satisfaction"),
           ("feedback",), states=frozenset({"resolved", "rejected"})),
    Action("close", Text("Close case", "结案"), ("feedback", "satisfaction"), ("feedback",),
           target="closed", states=frozenset({"resolved", "rejected"})),
    Action("satisfaction", Text("Record satisfaction", "记录满意度"), ("satisfaction",),
           ("satisfaction",), states=frozenset({"closed"})),
    Action("reopen", Text("Reopen", "重新处理"), target="reopened", inputs=("reason",)),
    Action("follow_up", Text("Add follow-up", "添加跟进"), inputs=("due", "note"), states=_ALL),
    # Its own dialog (the window shows the user's limit as the amount is typed).
    Action("compensate", Text("Propose compensation", "提出补偿方案"),
           states=frozenset({"in_progress", "reopened", "awaiting_approval"})),
    Action("flags", Text("Severity and flags", "严重程度与标记"),
           ("severity", "flag_group", "flag_risk", "flag_management"), states=_OPEN),
    Action("pause", Text("Pause the clock", "暂停计时"), inputs=("reason",), states=_OPEN),
    Action("resume", Text("Resume the clock", "恢复计时"), states=_OPEN),
    Action("new_facts", Text("New facts from the customer", "客户提供新情况"),
           inputs=("reason",), states=_OPEN),
    Action("complex", Text("Complex case (30 days)", "复杂案件（30 日）"), inputs=("reason",),
           states=_OPEN, permission=Permission.EXTEND_DEADLINE),
    Action("extend", Text("Extend deadline", "延长处理时限"), inputs=("due", "reason", "told"),
           states=_OPEN, permission=Permission.EXTEND_DEADLINE),
    Action("review", Text("Customer asks for a review", "客户申请核查"), inputs=("reason",),
           states=_DECIDED),
    Action("ack_escalation", Text("Acknowledge escalation", "确认已知悉升级"), states=_ALL,
           permission=Permission.ACKNOWLEDGE_ESCALATION),
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
    if details.status not in action.states:
        return False
    extra = _EXTRA_CONDITIONS.get(action.code)
    return extra(details) if extra else True


_EXTRA_CONDITIONS: dict[str, Callable[[CaseDetails], bool]] = {
    "pause": lambda d: d.clock_paused_at is None,
    "resume": lambda d: d.clock_paused_at is not None,
    "complex": lambda d: d.profile == "financial" and not d.complex_case,
    "extend": lambda d: not audit.was_extended(d.id),
    "review": lambda d: d.review_until is not None,
    "ack_escalation": lambda d: d.escalated_at is not None and d.escalation_ack_at is None,
}

class Handler(Protocol):
    """Takes an action that is neither a move nor a change of fields: its `inputs` (see
    INPUTS) on the case `case_id` as the user read it at `expected_version`."""

    def __call__(self, case_id: int, *, inputs: Mapping[str, Any], actor: User,
                 now: datetime, expected_version: int) -> object: ...


def _add_follow_up(case_id: int, *, inputs: Mapping[str, Any], actor: User, now: datetime,
                   expected_version: int) -> object:
    # A follow-up is a row of its own: the case's version does not guard it.
    return followups.add_follow_up(case_id, due_at=inputs["due"], note=inputs["note"],
                                   actor=actor, now=now)


def _pause_clock(case_id: int, *, inputs: Mapping[str, Any], actor: User, now: datetime,
                 expected_version: int) -> object:
    return clock.pause(case_id, reason=inputs["reason"], actor=actor, now=now,
                       expected_version=expected_version)


def _resume_clock(case_id: int, *, inputs: Mapping[str, Any], actor: User, now: datetime,
                  expected_version: int) -> object:
    return clock.resume(case_id, actor=actor, now=now, expected_version=expected_version)


def _restart_for_new_facts(case_id: int, *, inputs: Mapping[str, Any], actor: User,
                           now: datetime, expected_version: int) -> object:
    return clock.restart(case_id, facts=inputs["reason"], actor=actor, now=now,
                         expected_version=expected_version)


def _mark_complex(case_id: int, *, inputs: Mapping[str, Any], actor: User, now: datetime,
                  expected_version: int) -> object:
    return clock.mark_complex(case_id, reason=inputs["reason"], actor=actor, now=now,
                              expected_version=expected_version)


def _extend_deadline(case_id: int, *, inputs: Mapping[str, Any], actor: User, now: datetime,
                     expected_version: int) -> object:
    return clock.extend(case_id, new_due=inputs["due"], reason=inputs["reason"],
                        told=inputs["told"], actor=actor, now=now,
                        expected_version=expected_version)


def _request_review(case_id: int, *, inputs: Mapping[str, Any], actor: User, now: datetime,
                    expected_version: int) -> object:
    return clock.request_review(case_id, reason=inputs["reason"], actor=actor, now=now,
                                expected_version=expected_version)


def _acknowledge_escalation(case_id: int, *, inputs: Mapping[str, Any], actor: User,
                            now: datetime, expected_version: int) -> object:
    return escalations.acknowledge(case_id, actor=actor, now=now,
                                   expected_version=expected_version)


def _acknowledge(case_id: int, *, inputs: Mapping[str, Any], actor: User, now: datetime,
                 expected_version: int) -> object:
    return acknowledgement.acknowledge(case_id, reply=inputs["reply"],
                                       promised=inputs.get("promised"), actor=actor, now=now,
                                       expected_version=expected_version)


_HANDLERS: dict[str, Handler] = {
    "acknowledge": _acknowledge,
    "follow_up": _add_follow_up,
    "pause": _pause_clock,
    "resume": _resume_clock,
    "new_facts": _restart_for_new_facts,
    "complex": _mark_complex,
    "extend": _extend_deadline,
    "review": _request_review,
    "ack_escalation": _acknowledge_escalation,
}


def perform(code: str, case_id: int, *, expected_version: int, values: Mapping[str, Any],
            actor: User, now: datetime, inputs: Mapping[str, Any] | None = None) -> CaseDetails:
    """Takes action `code` on the case as the user saw it (`expected_version` guards the write)."""
    action = BY_CODE[code]
    given = dict(inputs or {})
    _check_required(action, values, given)
    handler = _HANDLERS.get(code)
    if handler is not None:
        handler(case_id, inputs=given, actor=actor, now=now, expected_version=expected_version)
    elif action.target is not None:
        workflow.move(case_id, action.target, values=values, note=given.get("reason", ""),
                      actor=actor, now=now, expected_version=expected_version)
    else:
        cases.update_fields(case_id, values=values, actor=actor, now=now,
                            expected_version=expected_version)
    return CaseDetails.load_id(case_id)


def _check_required(action: Action, values: Mapping[str, Any], inputs: Mapping[str, Any],
                    ) -> None:
    for name in action.required:
        if is_empty(values.get(name)):
            raise InputError(Text("{label} is required.", "请填写{label}。")
                             .format(label=FIELDS[name].label), field=name)
    for name in action.inputs:
        if name not in OPTIONAL_INPUTS and is_empty(inputs.get(name)):
            raise InputError(Text("{label} is required.", "请填写{label}。")
                             .format(label=INPUTS[name]), field=name)
