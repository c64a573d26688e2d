"""The reminders' counts and lists read through their prepared statements: every kind of
item counted in its group (notices apart from the other follow-ups, a decided case's
notice in none), and the most urgent of each group kept across the kinds when a list is
cut."""

from collections.abc import Callable
from datetime import timedelta

import pytest

from app.models import Complaint, FollowUp, User
from app.services import settings
from app.services.casework import followups, workflow
from app.services.casework.reminders import Reminders
from app.services.casework.reminders import reminders as reminders_of
from app.services.compensation import offers
from tests.conftest import NOW, PASSWORD

MakeCase = Callable[..., Complaint]
DATED = ("overdue", "today", "soon")


def _handled(case: Complaint, staff: User, handler: str = "staff1") -> Complaint:
    return workflow.move(case.id, "in_progress", actor=staff, now=NOW,
                         expected_version=case.version,
                         values={"department": "after_sales", "handler": handler})


def _notice(case: Complaint, staff: User, manager: User) -> Complaint:
    """Approves an offer on `case` (handled by staff1): a notice to tell the customer."""
    offer = offers.propose(case.id, expected_version=case.version, kind="refund",
                           amount="1500", reason="退还全款", actor=staff, now=NOW)
    offers.decide(offer.id, decision="approve", reason="属实", password=PASSWORD,
                  actor=manager, now=NOW)
    return Complaint.get_by_id(case.id)


@pytest.fixture
def busy_desk(make_case: MakeCase, staff: User, staff2: User, manager: User,
              owner: User) -> None:
    """Every kind of item, for two members of staff, in every group; the notices (due by
    tomorrow's closing) within the window of "soon", where the other follow-ups are too."""
    settings.set_value("reminders.due_soon_hours", 48, actor=owner, now=NOW)
    late = make_case(received_at=NOW - timedelta(days=9), at=NOW - timedelta(days=9))
    _handled(late, staff)
    make_case(phone="13900000002")  # received by staff1, nobody handles it: first answer
    told = _notice(_handled(make_case(phone="13900000003"), staff), staff, manager)
    decided = _notice(_handled(make_case(phone="13900000004"), staff), staff, manager)
    workflow.move(decided.id, "resolved", actor=staff, now=NOW,
                  expected_version=decided.version,
                  values={"root_cause": "RC01", "resolution": "退还差价"})
    other = _handled(make_case(phone="13900000005"), staff, "staff2")
    for hours, case, who in ((-5, late, staff), (-1, told, staff), (3, told, staff),
                             (3, told, staff2), (20, other, staff2), (-2, other, staff2)):
        followups.add_follow_up(case.id, due_at=NOW + timedelta(hours=hours),
                                note=f"{hours}h", actor=staff, now=NOW - timedelta(days=1),
                                assignee=who)
    assert FollowUp.select().where(FollowUp.kind == "notice").count() == 2


def _listed(found: Reminders, group: str) -> list[tuple[object, ...]]:
    return [(r.kind, r.number, r.due_at, r.follow_up_id) for r in found.items[group]]


@pytest.mark.usefixtures("busy_desk")
@pytest.mark.parametrize("who", ["staff1", "staff2", "manager", None])
def test_each_group_counts_exactly_the_items_it_lists(who: str | None) -> None:
    user = User.get(User.username == who) if who else None
    found = reminders_of(user=user, now=NOW, limit=1000)
    for group in (*DATED, "escalated"):
        assert found.counts[group] == len(found.items[group]), group
    kinds = {r.kind for r in found.all_items()}
    if who == "staff1":
        assert kinds >= {"first_answer", "decision", "progress", "follow_up", "notice"}
        notices = [r for r in found.all_items() if r.kind == "notice"]
        assert len(notices) == 1 and notices[0].group == "soon"  # the decided case's: none
    if who == "staff2":
        assert {(r.group, r.kind) for r in found.all_items()} >= {
            ("overdue", "follow_up"), ("today", "follow_up"), ("soon", "follow_up")}


@pytest.mark.usefixtures("busy_desk")
@pytest.mark.parametrize("who", ["staff1", None])
def test_a_cut_list_keeps_the_most_urgent_across_the_kinds(who: str | None) -> None:
    user = User.get(User.username == who) if who else None
    whole = reminders_of(user=user, now=NOW, limit=1000)
    for limit in (1, 2, 3):
        cut = reminders_of(user=user, now=NOW, limit=limit)
        assert cut.counts == whole.counts
        for group in DATED:
            assert _listed(cut, group) == _listed(whole, group)[:limit], (group, limit)
    overdue = _listed(whole, "overdue")
    assert overdue == sorted(overdue, key=lambda item: (item[2], item[1]))
