"""Corrective actions (整改措施): starting one, changing it, linking it to cases.

A function that changes an action takes its id and, when it writes the action's row, the
version the user read: the row is read again inside the transaction, and the write is
refused if someone else saved in between. Every change appends an event to the action's
own timeline; linking or unlinking a case shows on the case's timeline too.

Managers and the owner (MANAGE_IMPROVEMENT) start actions and change anything on them;
the action's owner records progress (containment, cause analysis, the action, notes);
anyone working cases may link a case to an action still being worked on, and undo a link
they made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, cast

from peewee import IntegrityError

from app.errors import AccessError, ConflictError, NotFoundError, RuleError
from app.i18n import Text
from app.models import (
    ActionCase,
    ActionCategory,
    ActionRootCause,
    Category,
    Complaint,
    CorrectiveAction,
    Department,
    Event,
    RootCause,
    TupleRows,
    User,
    database_proxy,
)
from app.services import audit
from app.services.audit import Change
from app.services.improvement import forms, prefill, warnings
from app.services.improvement.forms import ActionForm
from app.services.improvement.words import ACTION_STATUSES, CLOSED
from app.services.permissions import Permission, allowed, require
from app.services.text import checked_text

T = Text
KIND = "action"
NOTE = T("Progress", "进展")
# Who may change what: managers everything; the action's owner the progress of the work.
MANAGED = ("title", "owner", "department", "due_on", "root_causes", "categories")
PROGRESS = forms.TEXTS


def create_action(form: ActionForm, *, actor: User, now: datetime) -> CorrectiveAction:
    """Starts an action with its cases linked (and the warning it answers marked so, its
    cases linked and what it counts addressed when the form names nothing).

    Raises:
        FormError: every field problem at once.
        NotFoundError: the warning named does not exist.
    """
    require(actor, Permission.MANAGE_IMPROVEMENT)
    form = prefill.answering_warning(form)
    checked = forms.check_form(form, today=now.date())
    with database_proxy.atomic():
        action = CorrectiveAction.create(
            title=checked["title"], owner=checked["owner"], department=checked["department"],
            due_on=checked["due_on"], containment=checked["containment"],
            cause_analysis=checked["cause_analysis"], measure=checked["measure"],
            created_by=actor, created_at=now, updated_at=now)
        # The warning's row before any event: a dismissal takes it first, then the chain.
        answered = ([warnings.mark_acted(form.warning_id, action.id, actor=actor, now=now)]
                    if form.warning_id is not None else [])
        _set_entries(action.id, ActionRootCause, checked["root_causes"])
        _set_entries(action.id, ActionCategory, checked["categories"])
        audit.record_action(action.id, actor, now, [
            Change("action.created", "", checked["title"], kind=KIND),
            *(Change(f"action.{name}", "", _stored(name, checked[name]), kind=KIND)
              for name in (*MANAGED[1:], *PROGRESS) if _stored(name, checked[name])),
            *answered])
        _link(action.id, checked["cases"], actor=actor, now=now)
    return CorrectiveAction.get_by_id(action.id)


def update_action(action_id: int, *, values: Mapping[str, Any], expected_version: int,
                  actor: User, now: datetime, note: str = "") -> CorrectiveAction:
    """Changes fields of an action still open (managers any, its owner the progress)."""
    with database_proxy.atomic():
        action = for_change(action_id)
        _check_may_change(action, values, actor)
        changes, updates, entries = _changes(action, values, now)
        if not changes:
            return action
        write(action, updates, [Change(c.field, c.old, c.new, KIND, note) for c in changes],
              expected_version=expected_version, actor=actor, now=now)
        for model, ids in entries.items():
            _set_entries(action.id, model, ids)
    return CorrectiveAction.get_by_id(action_id)


def add_note(action_id: int, note: str, *, actor: User, now: datetime) -> None:
    """Records progress on an action in words (its owner or a manager)."""
    text = checked_text(note, field="note", label=NOTE, max_length=forms.TEXT_LIMIT,
                        required=True)
    with database_proxy.atomic():
        action = for_change(action_id)
        may_work_on(action, actor)
        _refuse_if_closed(action)
        audit.record_action(action.id, actor, now, [Change("action.note", "", "", KIND, text)])


def link_cases(action_id: int, case_ids: Iterable[int], *, actor: User,
               now: datetime) -> list[int]:
    """Links cases to an action still being worked on; returns those newly linked (a case
    already linked is left as it is)."""
    require(actor, Permission.WORK_CASES)
    wanted = forms.check_cases(case_ids)
    with database_proxy.atomic():
        action = for_change(action_id)
        _refuse_if_closed(action)
        return _link(action.id, wanted, actor=actor, now=now)


def unlink_case(action_id: int, case_id: int, *, actor: User, now: datetime) -> None:
    """Takes a case off an action: a manager, the action's owner, or whoever linked it.

    Anyone working cases may link a case to an action (a handler sees that their case has
    a cause already being fixed), so they may also undo a link of their own: a case linked
    by mistake is taken off by whoever made the mistake, not left for a manager. Links made
    by others stay for the action's owner and the managers to judge.
    """
    with database_proxy.atomic():
        action = for_change(action_id)
        _may_unlink(action, case_id, actor)
        removed = (ActionCase.delete().where((ActionCase.action == action_id)
                                             & (ActionCase.complaint == case_id)).execute())
        if not removed:
            raise NotFoundError(T("Case {id} is not linked to action #{action}.",
                                  "投诉 {id} 未关联第 {action} 号整改措施。").format(
                id=_number(case_id), action=action_id), field="cases")
        audit.record_action(action.id, actor, now,
                            [Change("action.unlink", "", str(action.id), KIND)],
                            complaint_id=case_id)


def _may_unlink(action: CorrectiveAction, case_id: int, actor: User) -> None:
    if allowed(actor, Permission.MANAGE_IMPROVEMENT):
        return
    require(actor, Permission.WORK_CASES)
    if actor.id not in (action.owner_id, _linked_by(action.id, case_id)):
        raise AccessError(T("Only the action's owner, a manager or whoever linked case {case} "
                            "may unlink it from action #{id}.",
                            "只有整改责任人、经理或关联投诉 {case} 的人可以将其从第 {id} 号整改措施"
                            "取消关联。").format(case=_number(case_id), id=action.id))


def _linked_by(action_id: int, case_id: int) -> int | None:
    """Who made the case's current link to the action (its last link event)."""
    last = (Event.select(Event.actor).where((Event.action == action_id)
                                            & (Event.complaint == case_id)
                                            & (Event.field == "action.link"))
            .order_by(Event.at.desc(), Event.id.desc()).first())
    return last.actor_id if last is not None else None


def for_change(action_id: int) -> CorrectiveAction:
    """The action with this id as it is now: read inside the transaction of a change.

    Raises:
        NotFoundError: no action has this id.
    """
    action = CorrectiveAction.get_or_none(CorrectiveAction.id == action_id)
    if action is None:
        raise NotFoundError(T("There is no corrective action #{id}.", "没有第 {id} 号整改措施。")
                            .format(id=action_id), field="action")
    return action


def may_work_on(action: CorrectiveAction, actor: User) -> None:
    """Refuses anyone but a manager, the owner of the business or the action's owner."""
    if allowed(actor, Permission.MANAGE_IMPROVEMENT):
        return
    require(actor, Permission.WORK_CASES)
    if action.owner_id != actor.id:
        raise AccessError(T("Only the action's owner or a manager may change action #{id}.",
                            "只有整改责任人或经理可以修改第 {id} 号整改措施。")
                          .format(id=action.id))


def write(action: CorrectiveAction, updates: Mapping[str, Any], changes: list[Change], *,
          expected_version: int, actor: User | None, now: datetime) -> None:
    """Saves columns of the action if nobody saved since `expected_version`, and appends
    its events: a conditional write, so of two people deciding at once one is refused."""
    done = (CorrectiveAction.update(**updates, version=expected_version + 1, updated_at=now)
            .where((CorrectiveAction.id == action.id)
                   & (CorrectiveAction.version == expected_version)).execute())
    if done != 1:
        raise conflict(action.id, expected_version)
    audit.record_action(action.id, actor, now, changes)


def conflict(action_id: int, mine: int) -> ConflictError:
    """The refusal of a stale change: who changed the action last, when, and its state."""
    current = CorrectiveAction.get_by_id(action_id)
    last = audit.action_timeline(action_id)[-1:]
    who = T("someone else", "他人")
    if last and last[0].actor_id:
        name = User.get_by_id(last[0].actor_id).display_name
        who = T("{name} at {at}", "{name}（{at}）").format(name=name,
                                                          at=f"{last[0].at:%Y-%m-%d %H:%M}")
    return ConflictError(
        T("Corrective action #{id} was changed by {who} (version {mine} → {theirs}, now "
          "{state}); nothing of yours was saved over it. Look at it again.",
          "第 {id} 号整改措施已被{who}修改（版本 {mine} → {theirs}，现为“{state}”），"
          "您的修改未覆盖对方内容，请重新查看。")
        .format(id=action_id, who=who, mine=mine, theirs=current.version,
                state=ACTION_STATUSES.get(current.status, T(current.status, current.status))),
        current_version=current.version)


def _check_may_change(action: CorrectiveAction, values: Mapping[str, Any], actor: User) -> None:
    unknown = set(values) - set(MANAGED) - set(PROGRESS)
    if unknown:
        raise NotFoundError(T("An action has no field “{name}”.", "整改措施没有“{name}”这一项。")
                            .format(name=sorted(unknown)[0]), field=sorted(unknown)[0])
    if set(values) & set(MANAGED):
        require(actor, Permission.MANAGE_IMPROVEMENT)
    may_work_on(action, actor)
    _refuse_if_closed(action)


def _refuse_if_closed(action: CorrectiveAction) -> None:
    if action.status in CLOSED:
        raise RuleError(T("Action #{id} is {state}: it can no longer be changed.",
                          "第 {id} 号整改措施{state}，不能再修改。").format(
            id=action.id, state=ACTION_STATUSES[action.status]))


_ENTRY_MODELS: dict[str, tuple[type[ActionRootCause] | type[ActionCategory],
                               type[RootCause] | type[Category]]] = {
    "root_causes": (ActionRootCause, RootCause), "categories": (ActionCategory, Category)}


def _changes(action: CorrectiveAction, values: Mapping[str, Any], now: datetime,
             ) -> tuple[list[Change], dict[str, Any], dict[Any, list[int]]]:
    """The events, the column updates and the new lists of entries the values make."""
    changes: list[Change] = []
    updates: dict[str, Any] = {}
    entries: dict[Any, list[int]] = {}
    for name, raw in values.items():
        if name in _ENTRY_MODELS:
            link_model, model = _ENTRY_MODELS[name]
            new_ids = forms.check_entries(model, raw)
            old = _stored(name, entry_ids(link_model, action.id))
            new = _stored(name, new_ids)
            entries[link_model] = new_ids
        else:
            value = _CHECKERS[name](raw, now)
            old, new = _stored(name, getattr(action, name)), _stored(name, value)
            updates[name] = value
        if old != new:
            changes.append(Change(f"action.{name}", old, new, KIND))
    return changes, updates, entries


_CHECKERS: dict[str, Any] = {
    "title": lambda raw, now: forms.check_title(raw),
    "owner": lambda raw, now: forms.check_owner(raw),
    "department": lambda raw, now: forms.check_department(raw),
    "due_on": lambda raw, now: forms.check_due(raw, today=now.date()),
    **{name: (lambda raw, now, n=name: forms.check_text(n)(raw)) for name in PROGRESS},
}


def _stored(name: str, value: Any) -> str:
    """A value as the timeline keeps it: a user name, a code, a date, codes joined."""
    if value is None:
        return ""
    if name == "owner":
        return value.username if isinstance(value, User) else User.get_by_id(value).username
    if name == "department":
        entry = value if isinstance(value, Department) else Department.get_by_id(value)
        return entry.code
    if name in _ENTRY_MODELS:
        model = _ENTRY_MODELS[name][1]
        codes = {row.id: row.code for row in model.select().where(model.id.in_(list(value)))}
        return ",".join(codes[entry] for entry in value)
    if name == "due_on":
        return value.isoformat()
    return str(value)


def entry_ids(link_model: type[ActionRootCause] | type[ActionCategory],
              action_id: int) -> list[int]:
    """The root causes or categories an action addresses, in the order they were given."""
    column = getattr(link_model, "root_cause" if link_model is ActionRootCause else "category")
    rows = link_model.select(column).where(link_model.action == action_id).order_by(
        link_model.id).tuples()
    return [row[0] for row in cast(TupleRows, rows)]


def _set_entries(action_id: int, link_model: type[ActionRootCause] | type[ActionCategory],
                 ids: list[int]) -> None:
    """Makes the action address exactly `ids` (the change itself is on its timeline)."""
    link_model.delete().where(link_model.action == action_id).execute()
    column = "root_cause" if link_model is ActionRootCause else "category"
    if ids:
        link_model.insert_many([{"action": action_id, column: entry} for entry in ids]).execute()


def _link(action_id: int, case_ids: list[int], *, actor: User, now: datetime) -> list[int]:
    linked = []
    for case_id in case_ids:
        try:
            with database_proxy.atomic():  # a savepoint: a case linked meanwhile is skipped
                ActionCase.create(action=action_id, complaint=case_id, linked_at=now)
        except IntegrityError:
            continue
        audit.record_action(action_id, actor, now,
                            [Change("action.link", "", str(action_id), KIND)],
                            complaint_id=case_id)
        linked.append(case_id)
    return linked


def _number(case_id: int) -> str:
    row = Complaint.get_or_none(Complaint.id == case_id)
    return row.number if row else str(case_id)


__all__ = ["ActionForm", "add_note", "create_action", "for_change", "link_cases",
           "may_work_on", "unlink_case", "update_action", "write"]
