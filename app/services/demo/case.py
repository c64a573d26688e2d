"""Builds the rows of one demo case: the case, its timeline, follow-up and offer.

The life of a case follows the real rules: each state it reached left the events and
fields that state needs (no resolution without a root cause, no close without feedback).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import ModuleType
from typing import Any, TypeVar

from app.models import chain
from app.services import deadlines, notes
from app.services.casework.numbering import format_number
from app.services.deadlines import BusinessCalendar
from app.services.demo import words as chinese

# (minimum age in days, [(status, weight), ...]): older cases are further along.
STATUS_BY_AGE = (
    (30, (("closed", 92), ("resolved", 3), ("rejected", 2), ("reopened", 2), ("in_progress", 1))),
    (7, (("closed", 62), ("resolved", 15), ("in_progress", 10), ("rejected", 5),
         ("reopened", 5), ("awaiting_approval", 3))),
    (1, (("in_progress", 45), ("resolved", 20), ("closed", 15), ("acknowledged", 10),
         ("rejected", 5), ("awaiting_approval", 5))),
    (0, (("new", 50), ("acknowledged", 30), ("in_progress", 20))),
)
CHANNELS = (("phone", 35), ("counter", 30), ("wechat", 20), ("email", 5), ("letter", 3),
            ("regulator", 2), ("other", 5))
CATEGORY_WEIGHTS = {"product_quality": 25, "delivery": 15, "billing": 12, "repair": 15,
                    "service": 15, "other": 5, "transparency": 4, "claims": 4, "mis_selling": 3,
                    "cancellation": 2}
SEVERITY = (("low", 40), ("medium", 40), ("high", 15), ("critical", 5))
HANDLING = {"product_quality": "after_sales", "repair": "after_sales", "delivery": "logistics",
            "billing": "finance", "service": "front_desk"}
OFFER_KINDS = (("refund", 30), ("replacement", 20), ("voucher", 20), ("repair", 10),
               ("gift", 10), ("apology", 10))
STAFF_LIMIT_FEN = 20_000
# The department at fault (责任部门) follows from the root cause; a customer's misunderstanding
# or an unknown cause has none. Chosen without the random generator, so the rest of the
# demo data stays the same for a seed.
FAULT_BY_CAUSE = {"RC01": "front_desk", "RC02": "customer_service", "RC03": "after_sales",
                  "RC04": "logistics", "RC05": "finance", "RC06": "front_desk",
                  "RC08": "after_sales", "RC09": "management"}
DECIDED = ("resolved", "rejected", "closed", "reopened")
CALLBACK = notes.written("callback")  # as the desk schedules it after a decision


T = TypeVar("T")


def pick(rng: random.Random, weighted: tuple[tuple[T, int], ...]) -> T:
    """One value of `(value, weight)` pairs, chosen with those weights."""
    total = sum(weight for _, weight in weighted)
    point = rng.uniform(0, total)
    for value, weight in weighted:
        point -= weight
        if point <= 0:
            return value
    return weighted[-1][0]


@dataclass
class Pools:
    """Ids and settings the demo cases draw from."""

    categories: list[tuple[int, str, str]]  # id, code, profile
    departments: dict[str, int]
    root_causes: list[tuple[int, str]]  # id, code
    users: dict[str, int]
    calendar: BusinessCalendar
    resolution_days: int
    words: ModuleType = chinese  # words or words_en: the language the demo speaks


class CaseBuilder:
    """Collects rows for a chunk of demo cases, ready for `bulk_insert`."""

    CUSTOMER_COLUMNS = ("id", "name", "phone", "address", "note", "created_at", "updated_at")
    CASE_COLUMNS = (
        "id", "number", "customer_id", "channel", "category_id", "severity", "flag_group",
        "flag_risk", "flag_management", "description", "wish", "mood", "reference",
        "received_at", "received_by_id", "status", "profile", "first_response_due",
        "first_response_at", "resolution_due", "next_due_at", "department_id", "handler_id",
        "subject_user_id", "fault_department_id", "fault_party", "facts", "root_cause_id",
        "resolution", "answer", "feedback", "feedback_at", "satisfaction", "resolved_at",
        "closed_at", "created_at", "updated_at", "version", "clock_paused_at", "complex_case",
        "last_contact_at", "escalated_at", "escalation_ack_at", "escalation_ack_by_id",
    )
    EVENT_COLUMNS = chain.COLUMNS  # what audit.append takes
    FOLLOW_UP_COLUMNS = ("complaint_id", "kind", "due_at", "assignee_id", "note",
                         "created_by_id", "created_at", "done_at", "outcome")
    OFFER_COLUMNS = ("complaint_id", "kind", "amount_fen", "description", "reason", "status",
                     "requester_id", "approver_id", "decision_reason", "counter_fen",
                     "parent_id", "created_at", "decided_at")

    def __init__(self, rng: random.Random, now: datetime, pools: Pools) -> None:
        self.rng, self.now, self.pools = rng, now, pools
        self.customers: list[tuple] = []
        self.cases: list[tuple] = []
        self.events: list[tuple] = []
        self.follow_ups: list[tuple] = []
        self.offers: list[tuple] = []
        self._category_choice = tuple(
            ((cid, code, profile), CATEGORY_WEIGHTS.get(code, 1))
            for cid, code, profile in pools.categories
        )

    def add_customer(self, customer_id: int, when: datetime) -> None:
        """A new customer with a name, a mobile number and an address."""
        rng, words = self.rng, self.pools.words
        name = words.NAME.format(surname=rng.choice(words.SURNAMES),
                                 given=rng.choice(words.GIVEN_NAMES))
        phone = rng.choice(words.PHONE_PREFIXES) + f"{customer_id * 7919 % 10**8:08d}"
        address = (words.ADDRESS.format(city=rng.choice(words.CITIES),
                                        street=rng.choice(words.STREETS),
                                        number=rng.randint(1, 300))
                   if rng.random() < 0.6 else "")
        self.customers.append((customer_id, name, phone, address, "", when, when))

    def add_case(self, case_id: int, received: datetime, sequence: int, *,
                 customer_id: int) -> None:
        """One case received at `received`, taken as far as its age makes likely."""
        rng = self.rng
        (category_id, code, profile) = pick(rng, self._category_choice)
        life = _Life(self, case_id, received)
        row = self._intake_fields(case_id, received, sequence, customer_id, category_id, code,
                                  profile)
        life.created(row["received_by_id"], row["number"])
        life.run(self._status_for(received), code, row)
        follow_up_due = life.follow_up(row)
        life.escalation(row)
        row["next_due_at"] = deadlines.next_due(
            status=row["status"], first_response_due=row["first_response_due"],
            first_response_at=row["first_response_at"], resolution_due=row["resolution_due"],
            follow_up_due=follow_up_due, paused=row["clock_paused_at"] is not None,
        )
        row["version"] = life.version
        row["updated_at"] = life.last
        self.cases.append(tuple(row[c] for c in self.CASE_COLUMNS))

    def _status_for(self, received: datetime) -> str:
        age = (self.now - received).days
        for minimum, weights in STATUS_BY_AGE:
            if age >= minimum:
                return pick(self.rng, weights)
        return "new"

    def _intake_fields(self, case_id: int, received: datetime, sequence: int, customer_id: int,
                       category_id: int, code: str, profile: str) -> dict[str, Any]:
        rng, words = self.rng, self.pools.words
        patterns, wishes = words.PATTERNS.get(code, words.PATTERNS["other"])
        due = deadlines.compute(received, profile=profile, calendar=self.pools.calendar,
                                resolution_days=self.pools.resolution_days)
        staff = self.pools.users[rng.choice(("staff1", "staff2", "staff1", "manager"))]
        row = dict.fromkeys(self.CASE_COLUMNS)
        row.update(
            id=case_id, number=format_number(received.year, sequence), customer_id=customer_id,
            channel=pick(rng, CHANNELS), category_id=category_id, severity=pick(rng, SEVERITY),
            flag_group=rng.random() < 0.02, flag_risk=rng.random() < 0.04,
            flag_management=rng.random() < 0.03,
            description=self._fill(rng.choice(patterns)), wish=self._fill(rng.choice(wishes)),
            mood=rng.choice(words.MOODS),
            reference=f"DD{received:%Y%m%d}{case_id % 10000:04d}" if rng.random() < 0.5 else "",
            received_at=received, received_by_id=staff, status="new", profile=profile,
            first_response_due=due.first_response_due, resolution_due=due.resolution_due,
            fault_party="", facts="", resolution="", answer="", feedback="", created_at=received,
            last_contact_at=received, complex_case=profile == "financial" and rng.random() < 0.2,
        )
        return row

    def _fill(self, pattern: str) -> str:
        rng, words = self.rng, self.pools.words
        price = rng.randint(30, 3000)
        return pattern.format(
            days=rng.randint(2, 30), product=rng.choice(words.PRODUCTS),
            defect=rng.choice(words.DEFECTS), order=f"DD{rng.randint(10**7, 10**8 - 1)}",
            price=price, charged=price + rng.randint(5, 200), extra=rng.randint(5, 200),
            times=rng.randint(2, 5), minutes=rng.randint(15, 60), fee=rng.choice(words.FEES),
            service=rng.choice(words.SERVICES), promise=rng.choice(words.PROMISES),
            weeks=rng.randint(2, 8),
        )


class _Life:
    """Walks one case through its states, writing events and fields as the rules require."""

    def __init__(self, builder: CaseBuilder, case_id: int, received: datetime) -> None:
        self.b, self.case_id, self.version, self.last = builder, case_id, 0, received
        self.rng, self.words = builder.rng, builder.pools.words

    def event(self, actor: int, kind: str, name: str, old: Any, new: Any, note: str = "") -> None:
        self.b.events.append((self.case_id, self.last, actor, kind, name, str(old or ""),
                              str(new or ""), note, self.version))

    def step(self, hours: float) -> datetime:
        """Moves the clock on, never past now; a new step means a new case version."""
        moment = self.last + timedelta(hours=hours)
        self.last = min(moment, self.b.now - timedelta(minutes=1)).replace(microsecond=0)
        self.version += 1
        return self.last

    def created(self, actor: int, number: str) -> None:
        self.version = 1
        self.event(actor, "created", "number", "", number)

    def run(self, target: str, code: str, row: dict[str, Any]) -> None:
        """Takes the case from new to `target`."""
        if target == "new":
            return
        users, rng = self.b.pools.users, self.rng
        handler = users[rng.choice(("staff1", "staff2", "manager"))]
        self._status(row, handler, "new", "acknowledged", hours=rng.uniform(0.2, 5))
        row["first_response_at"] = row["last_contact_at"] = self.last
        if target == "acknowledged":
            return
        self._assign(row, handler, code)
        if target in ("in_progress", "awaiting_approval"):
            if target == "in_progress" and rng.random() < 0.03:
                self._pause(row, handler)
            if target == "awaiting_approval":
                self._offer(row, handler, proposed=True)
                self._status(row, handler, "in_progress", "awaiting_approval", hours=2)
            return
        upheld = target != "rejected" and rng.random() > 0.12
        self._decide(row, handler, code, upheld)
        if target in ("closed", "reopened"):
            self._close(row, handler)
        if target == "reopened":
            self._status(row, handler, "closed", "reopened", hours=rng.uniform(24, 240),
                         note=self.words.REOPENED)
            row.update(resolved_at=None, closed_at=None)

    def _status(self, row: dict[str, Any], actor: int, old: str, new: str, *, hours: float,
                note: str = "") -> None:
        self.step(hours)
        row["status"] = new
        self.event(actor, "status", "status", old, new, note)

    def _assign(self, row: dict[str, Any], handler: int, code: str) -> None:
        department = self.b.pools.departments[HANDLING.get(code, "customer_service")]
        self.step(self.rng.uniform(0.5, 24))
        row.update(department_id=department, handler_id=handler, status="in_progress")
        self.event(handler, "field", "department", "", HANDLING.get(code, "customer_service"))
        self.event(handler, "field", "handler", "", _username(self.b, handler))
        self.event(handler, "status", "status", "acknowledged", "in_progress")

    def _decide(self, row: dict[str, Any], handler: int, code: str, upheld: bool) -> None:
        rng = self.rng
        self.step(rng.uniform(12, 24 * self.b.pools.resolution_days * 1.2))
        words = self.words
        row["facts"] = rng.choice(words.FACTS)
        if upheld:
            row["root_cause_id"], cause_code = rng.choice(self.b.pools.root_causes)
            row["resolution"] = words.RESOLUTIONS.get(code, words.RESOLVED).format(
                remedy=rng.choice(words.REMEDIES))
            self.event(handler, "field", "root_cause", "", cause_code)
            fault = FAULT_BY_CAUSE.get(cause_code)
            if fault is not None:
                row["fault_department_id"] = self.b.pools.departments[fault]
                self.event(handler, "field", "fault_department", "", fault)
            self.event(handler, "field", "resolution", "", row["resolution"])
            if rng.random() < 0.25:
                self._offer(row, handler, proposed=False)
        else:
            row["answer"] = rng.choice(words.ANSWERS)
            self.event(handler, "field", "answer", "", row["answer"])
        row["status"] = "resolved" if upheld else "rejected"
        row["resolved_at"] = self.last
        self.event(handler, "status", "status", "in_progress", row["status"])

    def _close(self, row: dict[str, Any], handler: int) -> None:
        rng = self.rng
        self.step(rng.uniform(1, 72))
        row.update(feedback=rng.choice(self.words.FEEDBACKS), feedback_at=self.last,
                   closed_at=self.last, status="closed", last_contact_at=self.last)
        self.event(handler, "field", "feedback", "", row["feedback"])
        self.event(handler, "status", "status", "resolved" if row["answer"] == "" else "rejected",
                   "closed")
        if rng.random() < 0.7:
            row["satisfaction"] = int(pick(rng, (("5", 40), ("4", 30), ("3", 15), ("2", 10),
                                                 ("1", 5))))
            self.event(handler, "field", "satisfaction", "", row["satisfaction"])

    def _offer(self, row: dict[str, Any], requester: int, *, proposed: bool) -> None:
        rng, users = self.rng, self.b.pools.users
        kind = pick(rng, OFFER_KINDS)
        amount = 0 if kind == "apology" else rng.randint(20, 2000) * 100
        if proposed:
            amount = max(amount, STAFF_LIMIT_FEN + 10_000)
        approver = None if proposed else (users["manager"] if amount > STAFF_LIMIT_FEN
                                          else requester)
        status = "proposed" if proposed else "approved"
        reason, decision = self.words.OFFER_REASON, self.words.OFFER_DECISION
        self.b.offers.append((self.case_id, kind, amount, "", reason, status, requester,
                              approver, "" if proposed else decision, None, None,
                              self.last, None if proposed else self.last))
        self.event(requester, "compensation", "offer", "", f"{kind} {amount / 100:.2f}")

    def _pause(self, row: dict[str, Any], handler: int) -> None:
        self.step(self.rng.uniform(2, 48))
        row["clock_paused_at"] = self.last
        self.event(handler, "clock", "clock_paused_at", "", self.last.isoformat(sep=" "),
                   self.words.PAUSED)

    def escalation(self, row: dict[str, Any]) -> None:
        """Serious cases were escalated at intake; decided ones were taken on by a manager."""
        if not (row["flag_group"] or row["flag_risk"] or row["severity"] == "critical"):
            return
        row["escalated_at"] = row["received_at"]
        if row["status"] in ("resolved", "rejected", "closed") or self.rng.random() < 0.5:
            row["escalation_ack_at"] = row["received_at"] + timedelta(minutes=30)
            row["escalation_ack_by_id"] = self.b.pools.users["manager"]

    def follow_up(self, row: dict[str, Any]) -> datetime | None:
        """Open cases get a progress call, decided ones the satisfaction call-back (done once
        the case is closed with a score). Returns the due time of what is still open."""
        rng, status = self.rng, row["status"]
        assignee = row["handler_id"] or row["received_by_id"]
        if status == "closed":
            if row["satisfaction"] is None:
                return None
            done = row["closed_at"]
            self.b.follow_ups.append((self.case_id, "callback", done, assignee,
                                      CALLBACK, assignee, done, done,
                                      self.words.SATISFACTION.format(score=row["satisfaction"])))
            return None
        if status in ("resolved", "rejected"):
            due, kind, note = self.last + timedelta(days=3), "callback", CALLBACK
        else:
            due = self.last + timedelta(hours=rng.uniform(4, 96))
            kind, note = "progress", self.words.PROGRESS_CALL
        due = due.replace(microsecond=0)
        self.b.follow_ups.append((self.case_id, kind, due, assignee, note, assignee, self.last,
                                  None, ""))
        return due


def _username(builder: CaseBuilder, user_id: int) -> str:
    return next(name for name, ident in builder.pools.users.items() if ident == user_id)
