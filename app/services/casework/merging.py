"""Merging a duplicate case into the case kept, and undoing it.

The same customer calls twice, or complains at the counter and again by WeChat: a manager
merges the duplicate into the case kept (the survivor). The duplicate keeps its number,
which then leads to the survivor (`cases.get_case`, the register's search); its state
becomes `merged`, so it is no longer listed as open, reminded of or counted by the
analysis: the pair counts once.

The record stays provable: the duplicate's events are never rewritten (the hash chain
forbids it). They stay where they were written, and the survivor's timeline shows them
within its own (view.CaseDetails). Its follow-ups, offers and attachments move to the
survivor with their original times and authors (a decided offer may move only along the
merge link: app.models.guards). Each merge is recorded (CaseMerge) with what moved, so it
can be undone while neither case has changed since. Nothing is sent or printed.

Only open cases are merged. A decided or closed case stands as its own record: its
decision was told to the customer (a signed letter may exist) and is counted in the
figures; merging it into an open case would hide a decision, and merging an open complaint
into a closed case would bury it unanswered. Reopen the case first if it really is the same
complaint. A case waiting for approval is refused too, so a pending decision is not moved
out from under its approver.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from peewee import PostgresqlDatabase, fn

from app.errors import ConflictError, RuleError
from app.i18n import Text
from app.models import (
    Attachment,
    CaseMerge,
    CompensationOffer,
    Complaint,
    Customer,
    Event,
    FollowUp,
    TupleRows,
    User,
    database_proxy,
)
from app.services import audit
from app.services.audit import Change
from app.services.casework import cases
from app.services.customers import directory
from app.services.labels import CHANNELS, OPEN_STATUSES, STATUSES, label
from app.services.permissions import Permission, require
from app.services.text import as_datetime

MERGED = "merged"
# What moves with a merged case, by its key in CaseMerge.moved.
Moving = type[FollowUp] | type[CompensationOffer] | type[Attachment]
MOVING: dict[str, Moving] = {"follow_ups": FollowUp, "offers": CompensationOffer,
                             "attachments": Attachment}


@dataclass(frozen=True)
class CaseBrief:
    """A case as the merge dialog shows it beside the other."""

    id: int
    number: str
    status: str
    version: int
    received_at: datetime
    customer: str
    phone: str
    channel: str  # worded in the reader's language
    category: str
    description: str


@dataclass(frozen=True)
class MergePreview:
    """What a merge would do: the two cases, what moves, and why it would be refused."""

    merged: CaseBrief
    into: CaseBrief
    events: int  # shown within the survivor's timeline from then on
    follow_ups: int
    offers: int
    attachments: int
    different_customers: bool
    refusal: Text | None  # None: it may go ahead (different customers still need a yes)


def preview(merged_id: int, into_id: int) -> MergePreview:
    """What merging case `merged_id` into `into_id` would move, and any reason it may not."""
    merged, into = Complaint.get_by_id(merged_id), Complaint.get_by_id(into_id)
    counts = {key: model.select().where(model.complaint == merged_id).count()
              for key, model in MOVING.items()}
    return MergePreview(
        _brief(merged), _brief(into),
        Event.select().where(Event.complaint == merged_id).count(), **counts,
        different_customers=not directory.same_person(merged.customer_id, into.customer_id),
        refusal=_refusal(merged, into))


def brief(case_id: int) -> CaseBrief:
    """The case as the merge dialog shows it."""
    return _brief(Complaint.get_by_id(case_id))


def same_customer(case_id: int) -> list[CaseBrief]:
    """The other open cases of the case's customer (and the records joined into them):
    where a duplicate usually belongs, offered first."""
    case = Complaint.get_by_id(case_id)
    rows = (Complaint.select().where(
        Complaint.customer.in_(directory.records_of(case.customer_id))
        & (Complaint.id != case_id) & Complaint.status.in_(OPEN_STATUSES))
        .order_by(Complaint.received_at.desc()).limit(50))
    return [_brief(row) for row in rows]


def _brief(case: Complaint) -> CaseBrief:
    from app.services.catalog import name_of

    customer = Customer.get_by_id(case.customer_id)
    return CaseBrief(case.id, case.number, case.status, case.version, case.received_at,
                     customer.name, customer.phone, label(CHANNELS, case.channel),
                     name_of(case.category), case.description)


def merge(merged_id: int, into_id: int, *, actor: User, now: datetime, merged_version: int,
          into_version: int, different_customers: bool = False) -> Complaint:
    """Merges case `merged_id` into `into_id` (both as the user saw them) and returns the
    survivor.

    Raises:
        AccessError: not a manager or the owner.
        RuleError: the merge is not allowed (see the module), or the cases belong to
            different customers and `different_customers` does not confirm it.
        ConflictError: either case changed since it was read.
    """
    require(actor, Permission.MERGE)
    with database_proxy.atomic():
        merged, into = _locked(merged_id, into_id)
        refusal = _refusal(merged, into)
        if refusal is None and not different_customers and not directory.same_person(
                merged.customer_id, into.customer_id):
            refusal = _different_customers(merged, into)
        if refusal is not None:
            raise RuleError(refusal)
        for case, version in ((merged, merged_version), (into, into_version)):
            _bump(case, version, now)
        _link(merged.id, into.id, MERGED)
        moved = {key: _move(model, merged.id, into.id) for key, model in MOVING.items()}
        _record_merge(merged, into, actor, now, moved, different_customers)
    return Complaint.get_by_id(into.id)


def _record_merge(merged: Complaint, into: Complaint, actor: User, now: datetime,
                  moved: dict[str, list[int]], different_customers: bool) -> None:
    audit.record_changes(merged, actor, now, [
        Change("status", merged.status, MERGED, kind="merge"),
        Change("merged_into", "", into.number, kind="merge")], version=merged.version + 1)
    audit.record(into, actor, now, kind="merge", field="merged", new=merged.number,
                 version=into.version + 1)
    CaseMerge.create(merged=merged.id, into=into.id, merged_by=actor, merged_at=now,
                     moved=json.dumps(moved), different_customers=different_customers,
                     status_before=merged.status, last_event_id=_last_event(merged, into))
    for case in (merged, into):
        cases.refresh_next_due(case.id)


def unmerge(merged_number: str, *, actor: User, now: datetime) -> Complaint:
    """Undoes the merge of the case numbered `merged_number`: it gets back its state, its
    follow-ups, offers and attachments; returns it.

    Raises:
        AccessError: not a manager or the owner.
        RuleError: the case is not merged, or either case changed since the merge.
    """
    require(actor, Permission.MERGE)
    with database_proxy.atomic():
        record = _open_merge(cases.case_numbered(merged_number))
        merged, into = _locked(record.merged_id, record.into_id)
        if blocker := _undo_blocker(record, merged, into):
            raise RuleError(blocker)
        moved: dict[str, list[int]] = json.loads(record.moved)
        for key, model in MOVING.items():
            _move(model, into.id, merged.id, moved.get(key, []))
        _link(merged.id, None, record.status_before)
        for case in (merged, into):
            Complaint.update(version=Complaint.version + 1, updated_at=now).where(
                Complaint.id == case.id).execute()
            cases.refresh_next_due(case.id)
        audit.record_changes(merged, actor, now, [
            Change("status", MERGED, record.status_before, kind="unmerge"),
            Change("merged_into", into.number, "", kind="unmerge")], version=merged.version + 1)
        audit.record(into, actor, now, kind="unmerge", field="merged", old=merged.number,
                     version=into.version + 1)
        CaseMerge.update(undone_at=now, undone_by=actor).where(
            CaseMerge.id == record.id).execute()
    return Complaint.get_by_id(merged.id)


def undo_blocker(merged_id: int) -> Text | None:
    """Why the merge of case `merged_id` cannot be undone now, or None when it can."""
    record = _open_merge(Complaint.get_by_id(merged_id))
    return _undo_blocker(record, Complaint.get_by_id(record.merged_id),
                         Complaint.get_by_id(record.into_id))


def _open_merge(case: Complaint) -> CaseMerge:
    record = (CaseMerge.select().where((CaseMerge.merged == case.id)
                                       & CaseMerge.undone_at.is_null())
              .order_by(CaseMerge.id.desc()).first())
    if record is None or case.merged_into_id is None:
        raise RuleError(Text("{number} is not merged into another case.",
                             "投诉 {number} 未合并到其他投诉。").format(number=case.number))
    return record


def _undo_blocker(record: CaseMerge, merged: Complaint, into: Complaint) -> Text | None:
    """A merge is undone only while neither case changed since: every change leaves an
    event, so an event after the merge's last one means a change."""
    later = (Event.select(Event.complaint).where(
        Event.complaint.in_((merged.id, into.id)) & (Event.id > record.last_event_id))
        .order_by(Event.id).first())
    if later is None:
        return None
    changed = merged if later.complaint_id == merged.id else into
    return Text("{number} changed after the merge, so the merge cannot be undone as a whole: "
                "the cases stay merged. Record on {into} what should be corrected.",
                "投诉 {number} 在合并后已有改动，无法整体撤销合并，两件投诉保持合并。"
                "如需更正，请在 {into} 中记录。").format(number=changed.number, into=into.number)


def merged_into(case_id: int) -> list[MergedCase]:
    """The cases merged into case `case_id` (merges not undone), oldest merge first."""
    rows = (CaseMerge.select(CaseMerge.merged, Complaint.number, CaseMerge.merged_at,
                             User.display_name, CaseMerge.different_customers)
            .join(Complaint, on=(CaseMerge.merged == Complaint.id))
            .switch(CaseMerge).join(User, on=(CaseMerge.merged_by == User.id))
            .where((CaseMerge.into == case_id) & CaseMerge.undone_at.is_null())
            .order_by(CaseMerge.id).tuples())
    return [MergedCase(case_id, number, as_datetime(at), name, bool(different))
            for case_id, number, at, name, different in cast(TupleRows, rows)]


@dataclass(frozen=True)
class MergedCase:
    """A case merged into another, as the survivor lists it."""

    id: int
    number: str
    merged_at: datetime
    merged_by: str
    different_customers: bool


def _refusal(merged: Complaint, into: Complaint) -> Text | None:
    """Why `merged` may not be merged into `into`, or None."""
    if merged.id == into.id:
        return Text("A case cannot be merged into itself.", "投诉不能合并到自身。")
    for case in (merged, into):
        if case.merged_into_id is not None:
            survivor = Complaint.get_by_id(case.merged_into_id).number
            return Text("{number} was already merged into {into}.",
                        "投诉 {number} 已合并至 {into}。").format(number=case.number,
                                                              into=survivor)
    if Complaint.select().where(Complaint.merged_into == merged.id).exists():
        return Text("Other cases were merged into {number}: merge them all into the case you "
                    "keep, or undo those merges first.",
                    "已有其他投诉并入 {number}：请把它们都合并到要保留的投诉，或先撤销那些合并。"
                    ).format(number=merged.number)
    for case in (merged, into):
        if refusal := _state_refusal(case):
            return refusal
    return None


def _state_refusal(case: Complaint) -> Text | None:
    if case.status == "awaiting_approval" or CompensationOffer.select().where(
            (CompensationOffer.complaint == case.id)
            & (CompensationOffer.status == "proposed")).exists():
        return Text("{number} has compensation waiting for approval: decide it first, so "
                    "that the approval is not moved away from its approver.",
                    "投诉 {number} 有待审批的补偿方案：请先审批，以免审批事项被移走。"
                    ).format(number=case.number)
    if case.status not in OPEN_STATUSES:
        return Text("{number} is {state}: only open cases are merged. A decided case stands "
                    "as its own record (the customer was told its decision, and it is "
                    "counted); reopen it first if it really is the same complaint.",
                    "投诉 {number} 状态为“{state}”：只能合并未办结的投诉。已作出处理决定的投诉须"
                    "独立留档（已告知客户并计入统计）；如确属同一投诉，请先重新处理。"
                    ).format(number=case.number, state=STATUSES[case.status])
    return None


def _different_customers(merged: Complaint, into: Complaint) -> Text:
    first, second = (Customer.get_by_id(c.customer_id) for c in (merged, into))
    return Text("{a} ({name_a}, {phone_a}) and {b} ({name_b}, {phone_b}) are different "
                "customers: confirm that they are the same complaint to merge them.",
                "{a}（{name_a}，{phone_a}）与 {b}（{name_b}，{phone_b}）属于不同客户："
                "请确认是同一投诉后再合并。").format(
        a=merged.number, name_a=first.name, phone_a=first.phone, b=into.number,
        name_b=second.name, phone_b=second.phone)


def _locked(*case_ids: int) -> tuple[Complaint, ...]:
    """The cases as stored now, in the order given; on PostgreSQL locked (in id order, so
    two merges of the same cases wait in one order) before any event is appended."""
    query = Complaint.select().where(Complaint.id.in_(case_ids)).order_by(Complaint.id)
    if isinstance(database_proxy.obj, PostgresqlDatabase):
        query = query.for_update()
    found = {case.id: case for case in query}
    return tuple(found[case_id] if case_id in found else cases.for_change(case_id)
                 for case_id in case_ids)


def _bump(case: Complaint, expected_version: int, now: datetime) -> None:
    """The case's next version, if it is still the one the user saw."""
    done = (Complaint.update(version=Complaint.version + 1, updated_at=now)
            .where((Complaint.id == case.id) & (Complaint.version == expected_version))
            .execute())
    if done != 1:
        raise ConflictError(
            Text("Case {number} was changed by someone else (version {mine} → {theirs}): look "
                 "at it again before merging.",
                 "投诉 {number} 已被他人修改（版本 {mine} → {theirs}），请重新查看后再合并。")
            .format(number=case.number, mine=expected_version, theirs=case.version),
            current_version=case.version,
            changes=cases.describe_conflict(case.id, expected_version))


def _link(merged_id: int, into_id: int | None, status: str) -> None:
    Complaint.update(merged_into=into_id, status=status).where(
        Complaint.id == merged_id).execute()


def _move(model: Moving, source: int,
          target: int, ids: list[int] | None = None) -> list[int]:
    """Moves the rows of `model` from case `source` to `target` (only `ids`, when given)."""
    condition = model.complaint == source
    if ids is not None:
        condition &= model.id.in_(ids)
    moving = [row.id for row in model.select(model.id).where(condition).order_by(model.id)]
    if moving:
        model.update(complaint=target).where(model.id.in_(moving)).execute()
    return moving


def _last_event(*pair: Complaint) -> int:
    return int(Event.select(fn.MAX(Event.id))
               .where(Event.complaint.in_([case.id for case in pair])).scalar() or 0)
