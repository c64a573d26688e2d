"""Early warnings (预警): rules checked when a case is recorded or changes and every minute,
each firing once for its cases and not again until new cases join them.

A finding fires when enough of its cases are new: not among those of the rule's last
warning about the same subject. The same cases never fire twice. A new case joining a
repeat customer's cases, a department's late decisions or a low score fires again at
once; a count of cases fires again when as many new cases as its threshold have joined
(five more complaints of a category, not each one: a busy category would otherwise fire
on every case). The earlier warning, if still waiting, is then replaced, so managers see
one warning per subject with all its cases. The set of cases is part of a unique key, so
two PCs checking at the same moment fire it once. Each warning fired or dismissed is an event
of the log, so the review can count them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from peewee import IntegrityError, fn

from app.errors import NotFoundError, RuleError
from app.i18n import Text
from app.models import (
    EarlyWarning,
    User,
    WarningCase,
    WarningRule,
    database_proxy,
)
from app.services import audit
from app.services.improvement import checks, rules
from app.services.improvement.checks import Finding
from app.services.improvement.words import WARNING_STATUSES
from app.services.permissions import Permission, require
from app.services.text import checked_text

T = Text
KIND = "warning"


@dataclass(frozen=True)
class Fired:
    """A warning that has just fired."""

    id: int
    rule_id: int
    subject: str
    case_ids: tuple[int, ...]


def check_case(case_id: int, *, now: datetime) -> list[Fired]:
    """Checks the groups one case belongs to (called on every change of a case)."""
    active = rules.all_rules(active_only=True)
    case = checks.facts(case_id) if active else None
    if case is None:
        return []
    return fire(checks.for_case(case, active, now), now=now)


def check_all(*, now: datetime) -> list[Fired]:
    """Checks every rule over every group (the window's minute check, the command line)."""
    return fire(checks.for_all(rules.all_rules(active_only=True), now), now=now)


def fire(findings: Iterable[Finding], *, now: datetime) -> list[Fired]:
    """Records a warning for each finding that holds a case not warned about before."""
    fired = []
    by_rule: dict[int, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule.id, []).append(finding)
    for rule_id, found in by_rule.items():
        known = _last_cases(rule_id, [finding.subject for finding in found])
        for finding in found:
            new = set(finding.case_ids) - known.get(finding.subject, set())
            if not new or len(new) < renewal(finding.rule):
                continue
            warning = _record(finding, now)
            if warning is not None:
                fired.append(warning)
    return fired


def renewal(rule: WarningRule) -> int:
    """How many new cases fire a rule again about the same subject."""
    return rule.threshold if rule.kind == "count" else 1


def dismiss(warning_id: int, *, note: str, actor: User, now: datetime) -> None:
    """Closes a waiting warning with a note saying why (managers and the owner).

    Raises:
        RuleError: the warning is no longer waiting (someone dismissed it, or acted on it).
    """
    require(actor, Permission.MANAGE_IMPROVEMENT)
    text = checked_text(note, field="note", label=T("Note", "说明"), max_length=2000,
                        required=True)
    with database_proxy.atomic():
        _close(warning_id, "dismissed", actor=actor, now=now, note=text)
        audit.record(None, actor, now, kind=KIND, field="warning.dismissed",
                     new=str(warning_id), note=text)


def mark_acted(warning_id: int, action_id: int, *, actor: User, now: datetime,
               ) -> audit.Change:
    """Closes a waiting warning as answered by a corrective action being started; returns
    the event saying so, for the action's timeline (appended with the action's own)."""
    _close(warning_id, "acted", actor=actor, now=now, action=action_id)
    return audit.Change("warning.acted", "", str(warning_id), kind=KIND)


def case_ids(warning_id: int) -> list[int]:
    """The cases a warning is about, oldest first."""
    return [row.complaint_id for row in WarningCase.select(WarningCase.complaint)
            .where(WarningCase.warning == warning_id).order_by(WarningCase.complaint)]


def _last_cases(rule_id: int, subjects: list[str]) -> dict[str, set[int]]:
    """The cases of the rule's last warning about each subject, read in a few queries."""
    last: dict[int, str] = {}
    for chunk in checks.chunks(subjects):
        last.update(checks.rows(EarlyWarning.select(fn.MAX(EarlyWarning.id),
                                                    EarlyWarning.subject)
                                .where((EarlyWarning.rule == rule_id)
                                       & EarlyWarning.subject.in_(chunk))
                                .group_by(EarlyWarning.subject)))
    found: dict[str, set[int]] = {}
    for chunk in checks.chunks(list(last)):
        for warning_id, case_id in checks.rows(WarningCase.select(
                WarningCase.warning, WarningCase.complaint)
                .where(WarningCase.warning.in_(chunk))):
            found.setdefault(last[warning_id], set()).add(case_id)
    return found


def _record(finding: Finding, now: datetime) -> Fired | None:
    ids = tuple(sorted(finding.case_ids))
    signature = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()
    rule = finding.rule
    with database_proxy.atomic():
        # The chain first: a case's change holds it when it checks, and may then wait for
        # this warning's key; taking it here too keeps everyone waiting in the same order.
        audit.hold_chain()
        try:
            with database_proxy.atomic():  # a savepoint: a twin fired by another PC is skipped
                warning = EarlyWarning.create(
                    rule=rule.id, subject=finding.subject, signature=signature, fired_at=now,
                    size=len(ids), value=finding.value, threshold=rule.threshold,
                    days=rule.days)
        except IntegrityError:
            return None
        WarningCase.insert_many([{"warning": warning.id, "complaint": case_id}
                                 for case_id in ids]).execute()
        (EarlyWarning.update(status="superseded", closed_at=now)
         .where((EarlyWarning.rule == rule.id) & (EarlyWarning.subject == finding.subject)
                & (EarlyWarning.status == "open") & (EarlyWarning.id != warning.id)).execute())
        audit.record(None, None, now, kind=KIND, field="warning.fired", old=rule.kind,
                     new=str(warning.id), note=finding.subject)
    return Fired(warning.id, rule.id, finding.subject, ids)


def _close(warning_id: int, status: str, *, actor: User, now: datetime, note: str = "",
           action: int | None = None) -> None:
    """A conditional write: only a waiting warning is closed, so of two people closing it
    at once the second is told who came first."""
    done = (EarlyWarning.update(status=status, closed_at=now, closed_by=actor, note=note,
                                action=action)
            .where((EarlyWarning.id == warning_id) & (EarlyWarning.status == "open")).execute())
    if done == 1:
        return
    warning = EarlyWarning.get_or_none(EarlyWarning.id == warning_id)
    if warning is None:
        raise NotFoundError(T("There is no early warning {id}.", "没有编号为 {id} 的预警。")
                            .format(id=warning_id), field="warning")
    who = User.get_by_id(warning.closed_by_id).display_name if warning.closed_by_id else "—"
    raise RuleError(T("Early warning {id} is no longer waiting: {state} ({who}, {at}).",
                      "预警 {id} 已不在待处理状态：{state}（{who}，{at}）。").format(
        id=warning_id, state=WARNING_STATUSES.get(warning.status, T(warning.status,
                                                                     warning.status)),
        who=who, at=f"{warning.closed_at:%Y-%m-%d %H:%M}" if warning.closed_at else "—"))
