"""A small desk built by hand through the services, with known answers for February 2026.

Every case is written at its own frozen time, so its events, deadlines and follow-ups are
what the real program would have left. The shop's default calendar: open every day
09:00–18:00, a first answer due the same day (the next one after closing time), a decision
within 7 days.

    A  20 Jan  product_quality  decided 3 Feb (late: due 27 Jan), root cause RC03
    B   1 Feb 00:00  product_quality  customer X; answered 09:30; decided 5 Feb; closed 6 Feb;
                     call-back done, satisfaction 5
    C  28 Feb 23:59  delivery, WeChat  never answered (first answer late), still new
    D  10 Feb  billing, counter  answered 19:00 (late); not upheld 20 Feb (late)
    E  15 Feb  delivery  logistics/staff2; deadline extended 20 Feb to 5 Mar; decided 2 Mar
    F   1 Mar  product_quality  (after the period)
    G  12 Feb  service  group + risk, front desk; decided 13 Feb, reopened 25 Feb (overdue now)
    H   5 Feb  product_quality  customer X; refund ¥150 approved 6 Feb; decided 6 Feb;
                     closed 7 Feb; call-back done, satisfaction 2
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.models import CompensationOffer, Complaint, FollowUp, User
from app.services.casework import clock, outcomes, workflow
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.compensation import offers, payments
from tests.conftest import account

PHONES = {"A": "13900000001", "B": "13900000002", "C": "13900000003", "D": "13900000004",
          "E": "13900000005", "F": "13900000006", "G": "13900000007", "H": "13900000002"}


def at(text: str) -> datetime:
    """`02-05 10:00` → 5 February 2026 10:00 (January too: `01-20 10:00`)."""
    return datetime.fromisoformat(f"2026-{text}")


class World:
    """Builds the cases; `cases[letter]` is each case's id."""

    def __init__(self, staff: User, staff2: User, manager: User) -> None:
        self.staff, self.staff2, self.manager = staff, staff2, manager
        self.cases: dict[str, int] = {}

    def new(self, letter: str, when: str, category: str, **extra: Any) -> None:
        form = IntakeForm(customer_name=f"客户{letter}", phone=PHONES[letter],
                          channel=extra.pop("channel", "phone"), category=category,
                          description=f"案例 {letter} 的投诉内容", wish="处理",
                          received_at=at(when), **extra)
        self.cases[letter] = record_complaint(form, actor=self.staff, now=at(when)).id

    def move(self, letter: str, target: str, when: str, actor: User | None = None,
             note: str = "", **values: Any) -> None:
        case = Complaint.get_by_id(self.cases[letter])
        workflow.move(case, target, values=values, note=note, actor=actor or self.staff,
                      now=at(when), expected_version=case.version)

    def start(self, letter: str, answered: str, assigned: str, department: str = "after_sales",
              handler: str = "staff1") -> None:
        self.move(letter, "acknowledged", answered)
        self.move(letter, "in_progress", assigned, department=department, handler=handler)

    def resolve(self, letter: str, when: str, cause: str, fault: str) -> None:
        self.move(letter, "resolved", when, root_cause=cause, resolution="更换新品",
                  fault_department=fault)

    def callback(self, letter: str, when: str, score: int) -> None:
        row = FollowUp.get((FollowUp.complaint == self.cases[letter])
                           & (FollowUp.kind == "callback") & FollowUp.done_at.is_null())
        outcomes.complete_follow_up(row.id, outcome="已回访", satisfaction=score,
                                    actor=self.staff, now=at(when))

    def build(self) -> dict[str, int]:
        """Writes the eight cases in the order their events happened."""
        self.new("A", "01-20 10:00", "product_quality")
        self.start("A", "01-20 11:00", "01-20 12:00")
        self.new("B", "02-01 00:00", "product_quality")
        self.start("B", "02-01 09:30", "02-01 10:00")
        self.resolve("A", "02-03 10:00", "RC03", "after_sales")
        self.resolve("B", "02-05 10:00", "RC03", "after_sales")
        self.new("H", "02-05 10:00", "product_quality")
        self.start("H", "02-05 10:30", "02-05 11:00")
        case = Complaint.get_by_id(self.cases["H"])
        offers.propose(case.id, expected_version=case.version, kind="refund", amount=150,
                       reason="质量问题", actor=self.staff, now=at("02-06 09:00"))
        self.resolve("H", "02-06 10:00", "RC03", "after_sales")
        offer = CompensationOffer.get(CompensationOffer.complaint == self.cases["H"])
        payments.pay(offer.id, method="cash", reference="R-0001", actor=self.staff,
                     now=at("02-08 15:00"))
        self.callback("B", "02-06 10:05", 5)
        self.move("B", "closed", "02-06 11:00", feedback="已电话告知")
        self.move("H", "closed", "02-07 10:00", feedback="已电话告知")
        self.callback("H", "02-07 10:05", 2)
        self.new("D", "02-10 10:00", "billing", channel="counter")
        self.start("D", "02-10 19:00", "02-11 10:00")
        self.new("G", "02-12 10:00", "service", flags=["group", "risk"])
        self.start("G", "02-12 10:10", "02-12 10:20", department="front_desk")
        self.resolve("G", "02-13 10:00", "RC01", "front_desk")
        self.new("E", "02-15 10:00", "delivery")
        self.start("E", "02-15 10:30", "02-15 11:00", department="logistics", handler="staff2")
        case = Complaint.get_by_id(self.cases["E"])
        clock.extend(case.id, new_due=at("03-05 18:00"), reason="等待厂家检测", told="电话告知",
                     actor=self.manager, now=at("02-20 09:00"), expected_version=case.version)
        self.move("D", "rejected", "02-20 10:00", answer="价格符合公示标准")
        self.move("G", "reopened", "02-25 10:00", note="客户反映问题再次出现")
        self.new("C", "02-28 23:59", "delivery", channel="wechat")
        self.new("F", "03-01 10:00", "product_quality")
        self.resolve("E", "03-02 10:00", "RC04", "logistics")
        return self.cases


def seed_world() -> dict[str, int]:
    """The accounts as the fixtures of `World(staff, staff2, manager)` make them (the owner,
    staff1, staff2, the manager, in that order) and the eight cases: a builder for `seeded`."""
    owner = account("owner", None)
    staff, staff2 = account("staff1", owner), account("staff2", owner)
    return World(staff, staff2, account("manager", owner)).build()
