"""The case state machine: one table of transitions and the fields each one needs.

new → acknowledged → in_progress → awaiting_approval → resolved → closed, with rejected
(not upheld, with a reasoned answer) as the other way to a decision, reopened back into
the work, and new → closed for a complaint solved on the spot.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.errors import InputError, MissingFieldsError, RuleError
from app.i18n import Text
from app.models import Complaint, User, database_proxy
from app.services.audit import Change
from app.services.casework import cases, followups
from app.services.casework.fields import FIELDS, LONG_TEXT, CaseField, current_value, is_empty
from app.services.labels import STATUSES, lookup
from app.services.permissions import Permission, require
from app.services.text import checked_text

_WORKING = frozenset({"acknowledged", "in_progress", "reopened"})


@dataclass(frozen=True)
class Transition:
    """A step from any of `sources` to `target`, needing `requires` filled in."""

    sources: frozenset[str]
    target: str
    requires: tuple[str, ...] = ()
    needs_reason: bool = False
    system_only: bool = False  # taken by the compensation rules, not chosen by a user
    action: Text = Text("", "")


TRANSITIONS: tuple[Transition, ...] = (
    Transition(frozenset({"new"}), "acknowledged",
               action=Text("Acknowledge", "答复受理")),
    Transition(frozenset({"new", "acknowledged", "reopened"}), "in_progress",
               ("department", "handler"), action=Text("Assign and start", "指派处理")),
    Transition(frozenset({"in_progress", "reopened"}), "awaiting_approval", system_only=True,
               action=Text("Ask for approval", "提交审批")),
    Transition(frozenset({"awaiting_approval"}), "in_progress", system_only=True,
               action=Text("Approval decided", "审批完成")),
    Transition(frozenset({"in_progress", "reopened"}), "resolved", ("root_cause", "resolution"),
               action=Text("Resolve", "解决")),
    Transition(_WORKING | {"new"}, "rejected", ("answer",),
               action=Text("Not upheld", "不予支持")),
    Transition(frozenset({"resolved", "rejected"}), "closed", ("feedback",),
               action=Text("Close case", "结案")),
    Transition(frozenset({"new"}), "closed", ("root_cause", "resolution", "feedback"),
               action=Text("Solved on the spot", "当场解决")),
    Transition(frozenset({"resolved", "rejected", "closed"}), "reopened", needs_reason=True,
               action=Text("Reopen", "重新处理")),
)


def transition(source: str, target: str) -> Transition | None:
    """The transition from `source` to `target`, or None if the table has none."""
    for step in TRANSITIONS:
        if source in step.sources and step.target == target:
            return step
    return None


def available(status: str) -> list[Transition]:
    """The steps a user may choose from `status` (the rules' own steps left out)."""
    return [s for s in TRANSITIONS if status in s.sources and not s.system_only]


def missing_fields(step: Transition, case: Complaint, parsed: Mapping[CaseField, Any]) -> list[str]:
    """Names of the fields `step` needs that would still be empty after `parsed` is applied."""
    missing = []
    for name in step.requires:
        field = FIELDS[name]
        value = parsed[field] if field in parsed else current_value(case, field)
        if is_empty(value):
            missing.append(name)
    return missing


NOTE = Text("Note", "备注")


def move(
    case_id: int, target: str, *, actor: User, now: datetime, expected_version: int,
    values: Mapping[str, Any] | None = None, note: str = "", by_rules: bool = False,
    columns: Mapping[str, Any] | None = None, written_note: str = "",
    extra: Sequence[Change] = (),
) -> Complaint:
    """Takes the case to `target`, setting `values` on the way, or refuses and says why.

    `note` is what the user typed; `written_note` one the desk writes itself, already in
    its stored form (services.notes). `columns` are further bookkeeping the calling rule
    sets in the same write (a review request's new deadline), `extra` events that change no
    column (what an acknowledgement told the customer). A decision schedules the
    satisfaction call-back in the same transaction. (A row for `case_id` is accepted from
    the compensation service only.)
    """
    require(actor, Permission.WORK_CASES)
    target = lookup(STATUSES, target, what=Text("state", "状态"))
    note = written_note or checked_text(note, field="note", label=NOTE, max_length=LONG_TEXT)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        step = _step(case, target, by_rules)
        parsed = cases.parse_values(values or {})
        missing = missing_fields(step, case, parsed)
        if missing:
            raise _missing(case, step, missing)
        if step.needs_reason and not note:
            raise InputError(Text("Give the reason for reopening the case.",
                                  "请填写重新处理的原因。"), field="reason")
        written = {"status": target, **_stamps(case, target, now), **(columns or {})}
        moved = cases.write(case, parsed, written, actor=actor, now=now,
                            expected_version=expected_version, note=note, extra=extra)
        if target in ("resolved", "rejected"):
            followups.schedule_callback(moved.id, actor=actor, now=now)
    return moved


def _step(case: Complaint, target: str, by_rules: bool) -> Transition:
    step = transition(case.status, target)
    if step is None or (step.system_only and not by_rules):
        allowed = ", ".join(f"{s.target} ({STATUSES[s.target].zh})" for s in available(case.status))
        raise RuleError(
            Text("Case {number} is {source}: it cannot go to {target}. Possible: {allowed}.",
                 "投诉 {number} 当前为“{source}”，不能变为“{target}”。可选：{allowed}。").format(
                number=case.number, source=STATUSES[case.status], target=STATUSES[target],
                allowed=allowed or "-"),
            field="status",
        )
    return step


def _missing(case: Complaint, step: Transition, missing: list[str]) -> MissingFieldsError:
    labels_en = ", ".join(FIELDS[name].label.en for name in missing)
    labels_zh = "、".join(FIELDS[name].label.zh for name in missing)
    return MissingFieldsError(
        Text("Case {number} cannot become {target}: missing {fields_en} (set {names}).",
             "投诉 {number} 不能变为“{target}”：缺少{fields_zh}（请填写 {names}）。").format(
            number=case.number, target=STATUSES[step.target], fields_en=labels_en,
            fields_zh=labels_zh, names=", ".join(missing)),
        missing=missing,
    )


def _stamps(case: Complaint, target: str, now: datetime) -> dict[str, Any]:
    """Timestamps a transition sets: first answer, decision, closing, feedback given."""
    stamps: dict[str, Any] = {}
    if target in ("acknowledged", "resolved", "rejected", "closed") and not case.first_response_at:
        stamps["first_response_at"] = now
    if target == "acknowledged":
        stamps["last_contact_at"] = now  # the first answer reached the customer
    if target in ("resolved", "rejected") or (target == "closed" and case.status == "new"):
        stamps["resolved_at"] = now
    if target == "closed":
        stamps["closed_at"] = now
    if target == "reopened":
        stamps.update(resolved_at=None, closed_at=None)
    if target in ("resolved", "rejected", "closed"):
        stamps["clock_paused_at"] = None  # a decision stops the clock for good
    return stamps
