"""The states of a corrective action, in one table, and moving an action between them.

    open → in_progress → done → verified            (the fix worked)
                          done → not_effective → in_progress   (it did not: work on)
    open, in_progress, not_effective → cancelled    (with a reason)

Done needs the cause analysis, the action itself and something to measure it by (a root
cause or a category), and sets the date its effect is checked (a setting, 8 weeks by
default). At that date a manager or the owner records the verdict with the before/after
comparison in front of them; the comparison is kept with the verdict on the timeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.errors import MissingFieldsError, RuleError
from app.i18n import Text
from app.models import ActionCategory, ActionRootCause, CorrectiveAction, User, database_proxy
from app.services import settings
from app.services.audit import Change
from app.services.improvement import actions, effect
from app.services.improvement.words import ACTION_STATUSES, FIELDS
from app.services.permissions import Permission, allowed, require
from app.services.text import checked_text

T = Text
MANAGER, WORKER = "manager", "worker"  # who may: managers only, or the action's owner too


@dataclass(frozen=True)
class Step:
    """A move from one state to another: who may make it, and whether it needs a note."""

    source: str
    target: str
    who: str
    note_required: bool = False


STEPS = (
    Step("open", "in_progress", WORKER),
    Step("open", "cancelled", MANAGER, note_required=True),
    Step("in_progress", "done", WORKER),
    Step("in_progress", "cancelled", MANAGER, note_required=True),
    Step("done", "verified", MANAGER),
    Step("done", "not_effective", MANAGER, note_required=True),
    Step("not_effective", "in_progress", WORKER),
    Step("not_effective", "cancelled", MANAGER, note_required=True),
)
_STEPS = {(step.source, step.target): step for step in STEPS}
NOTE = T("Reason or note", "原因或说明")


def next_states(action: CorrectiveAction, actor: User) -> list[str]:
    """The states `actor` may move the action to now (the window's buttons)."""
    return [step.target for step in STEPS
            if step.source == action.status and _may(step, action, actor)]


def move_action(action_id: int, target: str, *, expected_version: int, actor: User,
                now: datetime, note: str = "", values: Mapping[str, Any] | None = None,
                ) -> CorrectiveAction:
    """Moves the action to `target`, checking the step, who takes it and what it needs;
    `values` are changed first, in the same transaction (the analysis and the action
    written as it is marked done).

    Raises:
        RuleError: no such step from the current state, or the check date is still ahead.
        MissingFieldsError: done without a cause analysis, an action or a cause to measure.
        AccessError: the step is for managers, or the actor is not the action's owner.
        ConflictError: someone else changed the action since `expected_version`.
    """
    with database_proxy.atomic():
        if values:
            expected_version = actions.update_action(
                action_id, values=values, expected_version=expected_version, actor=actor,
                now=now).version
        action = actions.for_change(action_id)
        if action.version != expected_version:
            raise actions.conflict(action.id, expected_version)
        step = _step(action, target)
        if step.who == MANAGER:
            require(actor, Permission.MANAGE_IMPROVEMENT)
        else:
            actions.may_work_on(action, actor)
        text = checked_text(note, field="note", label=NOTE, max_length=2000,
                            required=step.note_required)
        updates, extra = _effects(action, target, now)
        changes = [Change("action.status", action.status, target, actions.KIND, text), *extra]
        actions.write(action, {"status": target, **updates}, changes,
                      expected_version=expected_version, actor=actor, now=now)
    return CorrectiveAction.get_by_id(action_id)


def _may(step: Step, action: CorrectiveAction, actor: User) -> bool:
    if allowed(actor, Permission.MANAGE_IMPROVEMENT):
        return True
    return step.who == WORKER and action.owner_id == actor.id and bool(actor.active)


def _step(action: CorrectiveAction, target: str) -> Step:
    step = _STEPS.get((action.status, target))
    if step is None:
        state = ACTION_STATUSES.get(target, T(target, target))
        raise RuleError(T("Action #{id} is {now}: it cannot go to “{target}”.",
                          "第 {id} 号整改措施当前为“{now}”，不能改为“{target}”。").format(
            id=action.id, now=ACTION_STATUSES[action.status], target=state), field="status")
    return step


def _effects(action: CorrectiveAction, target: str, now: datetime,
             ) -> tuple[dict[str, Any], list[Change]]:
    """What a step sets besides the state, and the events that say so."""
    if target == "done":
        _check_ready(action)
        check_on = (now + timedelta(weeks=int(settings.get("improvement.check_weeks")))).date()
        return ({"done_at": now, "check_on": check_on},
                [Change("action.check_on", "", check_on.isoformat(), actions.KIND)])
    if target in ("verified", "not_effective"):
        return {"verdict_at": now}, [_verdict(action, now)]
    if target == "in_progress" and action.status == "not_effective":
        return {"check_on": None, "verdict_at": None}, []
    return {}, []


def _check_ready(action: CorrectiveAction) -> None:
    """Done needs a cause found, a fix made and something to measure its effect by."""
    missing = [name for name in ("cause_analysis", "measure") if not getattr(action, name)]
    measurable = (ActionRootCause.select().where(ActionRootCause.action == action.id).exists()
                  or ActionCategory.select().where(ActionCategory.action == action.id).exists())
    if not measurable:
        missing.append("root_causes")
    if missing:
        names = "、".join(FIELDS[f"action.{name}"].zh for name in missing)
        raise MissingFieldsError(
            T("Before action #{id} is done, fill in: {names}.",
              "第 {id} 号整改措施完成前，请先填写：{zh}。").format(
                id=action.id, names=", ".join(FIELDS[f"action.{n}"].en for n in missing),
                zh=names), missing=missing)


def _verdict(action: CorrectiveAction, now: datetime) -> Change:
    """The comparison the verdict rests on, kept with it; refused before the check date."""
    if action.check_on is None or now.date() < action.check_on:
        raise RuleError(T("The effect of action #{id} is checked on {date}: until then the "
                          "comparison is not complete.",
                          "第 {id} 号整改措施须在 {date} 起验证效果，在此之前对比数据尚不完整。")
                        .format(id=action.id, date=str(action.check_on)), field="status")
    found = effect.compare(action, now=now)
    stored = "" if found is None else (
        f"before={found.before};after={found.after};days={found.days};"
        f"before_total={found.before_total};after_total={found.after_total}")
    return Change("action.measured", "", stored, actions.KIND)
