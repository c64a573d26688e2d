"""Retention (个人信息保存期限): a complaint register holds personal data, which is kept no
longer than needed (个人信息保护法). Cases closed before a date — by default the setting's
years before today — lose their personal data (customers.redaction); the numbers, dates,
categories, causes, amounts and outcomes stay, so the figures still count them.

Passed by: cases on legal hold, and cases whose decision may still be reviewed (核查: within
30 days of it). A duplicate merged into a case goes with it, and is kept with it. The owner
runs it (the settings show how many cases a run would take first), and each run is an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from app.errors import InputError
from app.i18n import Text
from app.models import Complaint, Event, TupleRows, User
from app.services import audit, settings
from app.services.customers import redaction
from app.services.deadlines import REVIEW_WINDOW_DAYS
from app.services.permissions import Permission, require


@dataclass(frozen=True)
class RetentionPlan:
    """What a run up to `before` would do: the cases whose personal data would go, and those
    passed by."""

    before: date
    case_ids: tuple[int, ...]  # the closed cases and the duplicates merged into them
    held: int  # closed before the date, on legal hold
    reviewable: int  # closed before the date, their decision still open to review

    @property
    def cases(self) -> int:
        """How many cases would lose their personal data."""
        return len(self.case_ids)

    def to_json(self) -> dict[str, object]:
        """The plan with stable English keys."""
        return {"before": self.before.isoformat(), "cases": self.cases,
                "skipped_legal_hold": self.held, "skipped_review": self.reviewable}


@dataclass(frozen=True)
class RetentionRun:
    """A run: its plan and what was removed (None for a dry run)."""

    plan: RetentionPlan
    removal: redaction.Removal | None


def default_before(now: datetime) -> date:
    """Today, the setting's years back: cases closed before it are past retention."""
    years = int(settings.get("retention.years"))
    today = now.date()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def plan(before: date, *, now: datetime) -> RetentionPlan:
    """The cases a run up to `before` would take (nothing is changed)."""
    if before > now.date() + timedelta(days=1):
        raise InputError(Text("Retention takes cases closed before a date that has come: "
                              "{date} is in the future.",
                              "只能清理在已到日期之前结案的投诉：{date} 是将来的日期。")
                         .format(date=before.isoformat()), field="before")
    end = datetime.combine(before, datetime.min.time())
    closed = (Complaint.select(Complaint.id, Complaint.legal_hold, Complaint.closed_at)
              .where((Complaint.status == "closed") & (Complaint.closed_at < end)
                     & Complaint.redacted_at.is_null()))
    held_by_merged = {row.merged_into_id for row in Complaint.select(Complaint.merged_into)
                      .where(Complaint.merged_into.is_null(False) & Complaint.legal_hold)}
    taken, held, reviewable = [], 0, 0
    recent = now - timedelta(days=REVIEW_WINDOW_DAYS)
    for case_id, hold, closed_at in cast(TupleRows, closed.tuples()):
        if hold or case_id in held_by_merged:
            held += 1
        elif closed_at >= recent and _reviewable(case_id, now):
            reviewable += 1
        else:
            taken.append(case_id)
    merged = _merged_into(taken)
    return RetentionPlan(before, tuple(sorted(taken + merged)), held, reviewable)


def _reviewable(case_id: int, now: datetime) -> bool:
    """A decision may be reviewed for 30 days; only cases closed within them need asking."""
    decided = audit.last_decision(case_id)
    return decided is not None and decided + timedelta(days=REVIEW_WINDOW_DAYS) > now


def _merged_into(case_ids: list[int]) -> list[int]:
    found: list[int] = []
    for start in range(0, len(case_ids), redaction.CHUNK):
        chunk = case_ids[start:start + redaction.CHUNK]
        found += [row.id for row in Complaint.select(Complaint.id).where(
            Complaint.merged_into.in_(chunk) & Complaint.redacted_at.is_null())]
    return found


def run(before: date, *, actor: User, now: datetime, dry_run: bool = False) -> RetentionRun:
    """Removes the personal data of the cases past retention (see `plan`), or only says what
    it would remove (`dry_run`); the run is recorded as an event.

    Raises:
        AccessError: anyone but the owner (a dry run too: it is the owner's decision).
    """
    require(actor, Permission.REMOVE_PERSONAL_DATA)
    found = plan(before, now=now)
    if dry_run:
        return RetentionRun(found, None)
    removal = redaction.remove(found.case_ids, reason="retention", actor=actor, now=now)
    audit.record(None, actor, now, kind="retention", field="retention",
                 old=before.isoformat(), new=str(removal.cases))
    return RetentionRun(found, removal)


def last_run() -> tuple[datetime, str, int] | None:
    """When retention last ran, up to which date, and how many cases it took."""
    row = (Event.select(Event.at, Event.old_value, Event.new_value)
           .where((Event.kind == "retention") & Event.complaint.is_null())
           .order_by(Event.id.desc()).first())
    return (row.at, row.old_value, int(row.new_value or 0)) if row else None
