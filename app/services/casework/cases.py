"""Reading a case and writing changes to it, guarded by its version number.

A function that changes a case is called with the case's id and the version the user read
(`case_id, *, expected_version`); it reads the row itself, inside its transaction, so its
rules judge the case as it is now. Every write compares that version with the one in the
database; if someone else saved in between, the write is refused with what they changed,
and nothing is lost. Every changed field appends an event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from peewee import fn

from app.errors import ConflictError, NotFoundError, RuleError
from app.i18n import Text
from app.models import Complaint, FollowUp, User, database_proxy
from app.models.case import WHILE_OPEN_KINDS  # owed only while the case is open: `notice`
from app.services import audit, deadlines
from app.services.audit import Change
from app.services.casework.fields import FIELDS, CaseField, field_named, parse_value, stored_text
from app.services.improvement import warnings
from app.services.labels import OPEN_STATUSES
from app.services.permissions import Permission, require


def get_case(number: str) -> Complaint:
    """The case with this number (`TS-2026-000001`, any letter case); the number of a case
    merged into another leads to the one it was merged into."""
    case = case_numbered(number)
    return Complaint.get_by_id(case.merged_into_id) if case.merged_into_id else case


def case_numbered(number: str) -> Complaint:
    """The case with this very number, merged or not."""
    wanted = normal_number(number)
    case = Complaint.get_or_none(Complaint.number == wanted)
    if case is None:
        raise no_such_case(wanted)
    return case


def for_change(case_id: int) -> Complaint:
    """The case with this id as it is now: read inside the transaction of a change.

    Raises:
        NotFoundError: no case has this id.
    """
    case = Complaint.get_or_none(Complaint.id == case_id)
    if case is None:
        raise NotFoundError(Text("There is no case with id {id}.", "没有 ID 为 {id} 的投诉。")
                            .format(id=case_id), field="case")
    refuse_merged(case)
    return case


def refuse_merged(case: Complaint) -> None:
    """A case merged into another is not worked on: everything goes to the one it leads to.

    Raises:
        RuleError: naming the case to work on instead.
    """
    if case.merged_into_id is None:
        return
    into = Complaint.get_by_id(case.merged_into_id).number
    raise RuleError(Text("{number} was merged into {into}: work on {into} (or undo the merge "
                         "first).",
                         "投诉 {number} 已合并至 {into}，请在 {into} 中处理（或先撤销合并）。")
                    .format(number=case.number, into=into))


def normal_number(number: str) -> str:
    """A case number as stored: `ts-2026-000001 ` → `TS-2026-000001`."""
    return number.strip().upper()


def no_such_case(number: str) -> NotFoundError:
    """The error for a case number that names no case."""
    return NotFoundError(Text("There is no case {number}.", "没有编号为 {number} 的投诉。")
                         .format(number=number), field="number")


def parse_values(values: Mapping[str, Any]) -> dict[CaseField, Any]:
    """Checks each `name → raw value` and returns the values to store, by field."""
    return {field_named(name): parse_value(field_named(name), raw) for name, raw in values.items()}


def check_recusal(handler: User | None, subject: User | None) -> None:
    """The handler may not be the person the complaint is about (回避)."""
    if handler is not None and subject is not None and handler.id == subject.id:
        raise RuleError(
            Text("{name} is the person this complaint is about and cannot handle it; "
                 "assign someone else.",
                 "{name}是被投诉人，需要回避，不能处理本投诉，请指派其他人。")
            .format(name=handler.display_name),
            field="handler",
        )


def update_fields(
    case_id: int, *, values: Mapping[str, Any], actor: User, now: datetime,
    expected_version: int, note: str = "",
) -> Complaint:
    """Sets fields without changing the state (a correction, an assignment, findings)."""
    require(actor, Permission.WORK_CASES)
    parsed = parse_values(values)
    with database_proxy.atomic():
        case = for_change(case_id)
        if case.status == "closed" and set(parsed) - {FIELDS["satisfaction"]}:
            raise RuleError(Text("The case is closed: reopen it to change it.",
                                 "该投诉已结案，如需修改请先重新处理。"))
        return write(case, parsed, {}, actor=actor, now=now,
                     expected_version=expected_version, note=note)


# Bookkeeping columns whose changes the timeline shows, and the event kind they get.
LOGGED_COLUMNS = {"status": "status", "resolution_due": "clock", "first_response_due": "clock",
                  "clock_paused_at": "clock", "complex_case": "clock"}


def write(
    case: Complaint, parsed: Mapping[CaseField, Any], columns: Mapping[str, Any], *,
    actor: User | None, now: datetime, expected_version: int, note: str = "",
    extra: Sequence[Change] = (), kinds: Mapping[str, str] | None = None,
) -> Complaint:
    """Saves field values and other columns in one transaction, or refuses on a stale version.

    `parsed` holds user-visible fields (each change becomes an event); `columns` holds
    bookkeeping set by the rules (status, timestamps, deadlines), of which those in
    LOGGED_COLUMNS are logged too (`kinds` can name their event kind, as for an
    extension); `extra` adds events that change no column (a reply).
    """
    updates = {field.column: value for field, value in parsed.items()}
    updates.update(columns)
    if parsed.get(FIELDS["feedback"]) and "feedback_at" not in updates:
        # Telling the customer the outcome is contact; when it happened is part of the record.
        updates.update(feedback_at=now, last_contact_at=now)
    check_recusal(_user(updates, case, "handler"), _user(updates, case, "subject_user"))
    escalation = escalate_if_needed(case, updates, now)
    changes = [*_changes(case, parsed, columns, {**LOGGED_COLUMNS, **(kinds or {})}), *extra,
               *escalation]
    if not changes:
        return case
    with database_proxy.atomic():
        _conditional_update(case, updates, now=now, expected_version=expected_version)
        audit.record_changes(case, actor, now, changes, version=expected_version + 1, note=note)
        refresh_next_due(case.id)
        warnings.check_case(case.id, now=now)  # the early warnings this change may set off
    return Complaint.get_by_id(case.id)


def needs_escalation(severity: str, flag_group: bool, flag_risk: bool) -> bool:
    """Group complaints, escalation risks and critical cases go to managers at once."""
    return severity == "critical" or flag_group or flag_risk


def escalate_if_needed(case: Complaint, updates: dict[str, Any], now: datetime,
                       ) -> list[Change]:
    """Marks the case escalated (in `updates`) the first time it becomes serious."""
    def value(column: str) -> Any:
        return updates[column] if column in updates else getattr(case, column)

    if case.escalated_at is not None or not needs_escalation(
            value("severity"), value("flag_group"), value("flag_risk")):
        return []
    updates["escalated_at"] = now
    return [Change("escalation", "", now.isoformat(sep=" ", timespec="minutes"),
                   kind="escalation")]




def refresh_next_due(case_id: int) -> None:
    """Recomputes the case's next due date from its deadlines and open follow-ups."""
    case = Complaint.get_by_id(case_id)
    owed = (FollowUp.complaint == case_id) & FollowUp.done_at.is_null()
    if case.status not in OPEN_STATUSES:
        owed &= FollowUp.kind.not_in(WHILE_OPEN_KINDS)
    follow_up = FollowUp.select(fn.MIN(FollowUp.due_at)).where(owed).scalar()
    due = deadlines.next_due(
        status=case.status, first_response_due=case.first_response_due,
        first_response_at=case.first_response_at, resolution_due=case.resolution_due,
        follow_up_due=follow_up, paused=case.clock_paused_at is not None,
    )
    if due != case.next_due_at:
        Complaint.update(next_due_at=due).where(Complaint.id == case_id).execute()


def describe_conflict(case_id: int, version: int) -> list[str]:
    """One line per change saved by someone else after `version`: when, who, what."""
    return [
        f"{event.at:%Y-%m-%d %H:%M} {event.actor.display_name if event.actor else '-'}: "
        f"{event.field} {event.old_value or '∅'} → {event.new_value or '∅'}"
        for event in audit.changes_since(case_id, version)
    ]


def _conditional_update(
    case: Complaint, updates: Mapping[str, Any], *, now: datetime, expected_version: int
) -> None:
    values = {**updates, "version": expected_version + 1, "updated_at": now}
    done = (Complaint.update(**values)
            .where((Complaint.id == case.id) & (Complaint.version == expected_version))
            .execute())
    if done == 1:
        return
    current = Complaint.get_by_id(case.id).version
    raise ConflictError(
        Text("Case {number} was changed by someone else (version {mine} → {theirs}). "
             "Reload it to see their changes; nothing of yours was saved over them.",
             "投诉 {number} 已被他人修改（版本 {mine} → {theirs}）。请重新载入查看对方的修改，"
             "您的修改未覆盖对方内容。").format(number=case.number, mine=expected_version,
                                       theirs=current),
        current_version=current,
        changes=describe_conflict(case.id, expected_version),
    )


def _changes(case: Complaint, parsed: Mapping[CaseField, Any], columns: Mapping[str, Any],
             logged: Mapping[str, str]) -> Sequence[Change]:
    changes = []
    for field, value in parsed.items():
        old, new = stored_text(field, getattr(case, field.column)), stored_text(field, value)
        if old != new:
            changes.append(Change(field.name, old, new))
    for column, kind in logged.items():
        if column in columns and columns[column] != getattr(case, column):
            old, new = getattr(case, column), columns[column]
            changes.append(Change(column, _text(old), _text(new), kind=kind))
    return changes


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return "" if value is None else str(value)


def _user(updates: Mapping[str, Any], case: Complaint, column: str) -> User | None:
    return updates[column] if column in updates else getattr(case, column)
