"""Money is decided once: no repeated, split or simultaneous request gives more than approved.

Each numbered problem of the report this answers has a test here, on SQLite and on
PostgreSQL; the races run real concurrent transactions (threads, each with its own
connection), many rounds over.
"""

from collections.abc import Callable
from datetime import timedelta
from functools import partial

import pytest

from app.errors import ConflictError, RuleError
from app.models import CompensationOffer, Complaint, FollowUp, User
from app.services import settings
from app.services.casework import workflow
from app.services.compensation import figures, offers
from tests.conftest import NOW, PASSWORD
from tests.races import at_once, split

MakeCase = Callable[..., Complaint]
ROUNDS = 20


def _handled(make_case: MakeCase, staff: User, phone: str = "13800138000") -> Complaint:
    case = make_case(phone=phone)
    return workflow.move(case.id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})


def _propose(case: Complaint, amount: str, actor: User) -> CompensationOffer:
    current = Complaint.get_by_id(case.id)
    return offers.propose(current.id, expected_version=current.version, kind="cash",
                          amount=amount, reason="误工补偿", actor=actor, now=NOW)


def _counter(case: Complaint, staff: User, owner: User) -> CompensationOffer:
    offer = _propose(case, "1000", staff)
    return offers.decide(offer.id, decision="counter", counter="800", reason="部分补偿",
                         password=PASSWORD, actor=owner, now=NOW)


# 1. A counter-offer can be accepted any number of times.

def test_a_counter_offer_is_accepted_once(make_case: MakeCase, staff: User,
                                          owner: User) -> None:
    case = _handled(make_case, staff)
    countered = _counter(case, staff, owner)
    accepted = offers.accept_counter(countered.id, actor=staff, now=NOW)
    for _ in range(2):
        with pytest.raises(RuleError, match="already accepted by 张小芳 at 2026-03-04 10:00"):
            offers.accept_counter(countered.id, actor=staff, now=NOW)
    assert figures.approved_fen(case_id=case.id) == accepted.amount_fen == 80000


def test_simultaneous_acceptances_of_a_counter_offer_give_it_once(make_case: MakeCase,
                                                                 staff: User,
                                                                 owner: User) -> None:
    for round_ in range(ROUNDS):
        case = _handled(make_case, staff, phone=f"139{round_:08d}")
        countered = _counter(case, staff, owner)
        done, refused = split(at_once([
            partial(offers.accept_counter, countered.id, actor=staff, now=NOW)] * 3))
        assert len(done) == 1 and len(refused) == 2, refused
        assert all(isinstance(e, RuleError) and "already accepted" in str(e) for e in refused)
        assert figures.approved_fen(case_id=case.id) == 80000


# 2. One offer decided twice.

def test_the_second_decision_on_an_offer_is_refused_and_names_the_first(
        make_case: MakeCase, staff: User, manager: User, owner: User) -> None:
    case = _handled(make_case, staff)
    offer = _propose(case, "1500", staff)
    offers.decide(offer.id, decision="approve", reason="属实", password=PASSWORD,
                  actor=manager, now=NOW)
    with pytest.raises(RuleError, match="already decided: Approved by 李经理 at 2026-03-04"):
        offers.decide(offer.id, decision="refuse", reason="不同意", password=PASSWORD,
                      actor=owner, now=NOW)


def test_an_approval_and_a_refusal_at_the_same_moment_one_wins(
        make_case: MakeCase, staff: User, manager: User, owner: User) -> None:
    outcomes = set()
    for round_ in range(ROUNDS):
        case = _handled(make_case, staff, phone=f"137{round_:08d}")
        offer = _propose(case, "1500", staff)
        results = at_once([
            partial(offers.decide, offer.id, decision="approve", reason="属实",
                    password=PASSWORD, actor=manager, now=NOW),
            partial(offers.decide, offer.id, decision="refuse", reason="不同意",
                    password=PASSWORD, actor=owner, now=NOW)])
        done, refused = split(results)
        assert len(done) == 1 and len(refused) == 1, refused
        winner = done[0]
        first = "李经理" if winner.approver_id == manager.id else "王老板"
        assert isinstance(refused[0], RuleError), refused[0]
        assert f"already decided: {_shown(winner.status)} by {first} at 2026-03-04 10:00" in \
            str(refused[0])
        outcomes.add(winner.status)
        stored = CompensationOffer.get_by_id(offer.id)
        assert (stored.status, stored.approver_id) == (winner.status, winner.approver_id)
        told = FollowUp.select().where(FollowUp.complaint == case.id,
                                       FollowUp.assignee == staff.id).count()
        assert told == 1  # the proposer hears one decision, not two contradictory ones
        assert Complaint.get_by_id(case.id).status == "in_progress"
    assert outcomes <= {"approved", "refused"}


def _shown(status: str) -> str:
    return {"approved": "Approved", "refused": "Refused"}[status]


# 3. Limits are per offer.

def test_split_offers_count_together_against_the_limit(make_case: MakeCase, staff: User,
                                                       manager: User) -> None:
    case = _handled(make_case, staff)
    made = [_propose(case, "200", staff) for _ in range(10)]
    assert [o.status for o in made] == ["approved"] + ["proposed"] * 9
    assert figures.approved_fen(case_id=case.id) == 20000
    assert Complaint.get_by_id(case.id).status == "awaiting_approval"
    # The manager's ¥2,000 covers the case's total of ¥2,000, but not one more offer.
    offers.decide(made[1].id, decision="approve", reason="可以", password=PASSWORD,
                  actor=manager, now=NOW)
    _propose(case, "300", staff)
    with pytest.raises(RuleError, match="would come to ¥2,300.00, above your limit"):
        offers.decide(made[2].id, decision="approve", reason="可以", password=PASSWORD,
                      actor=manager, now=NOW)


def test_a_proposers_offers_to_one_customer_count_together_over_the_period(
        make_case: MakeCase, staff: User, owner: User) -> None:
    first = _handled(make_case, staff)
    second = _handled(make_case, staff)  # the same customer (same phone), another case
    assert _propose(first, "150", staff).status == "approved"
    assert _propose(second, "100", staff).status == "proposed"  # ¥250 to one customer
    settings.set_value("compensation.period_days", 1, actor=owner, now=NOW)
    later = _handled(make_case, staff)
    current = Complaint.get_by_id(later.id)
    offer = offers.propose(current.id, expected_version=current.version, kind="voucher",
                           amount="150", reason="x", actor=staff, now=NOW + timedelta(days=2))
    assert offer.status == "approved"  # the earlier offers fall outside the period


def test_simultaneous_small_offers_do_not_add_up_past_the_limit(make_case: MakeCase,
                                                                staff: User) -> None:
    for round_ in range(ROUNDS):
        case = _handled(make_case, staff, phone=f"136{round_:08d}")
        version = Complaint.get_by_id(case.id).version
        results = at_once([
            partial(offers.propose, case.id, expected_version=version, kind="cash",
                    amount="200", reason="x", actor=staff, now=NOW)] * 5)
        done, refused = split(results)
        assert all(isinstance(e, ConflictError) for e in refused), refused
        assert [o.status for o in done].count("approved") == 1
        assert figures.approved_fen(case_id=case.id) == 20000


def test_the_approval_view_shows_the_cases_running_total(make_case: MakeCase, staff: User,
                                                         ) -> None:
    case = _handled(make_case, staff)
    _propose(case, "150", staff)
    waiting = _propose(case, "300", staff)
    view = figures.approval_view(waiting.id)
    assert (view.approved_so_far_fen, view.case_total_fen) == (15000, 45000)


def test_a_decision_and_an_edit_of_the_same_case_at_once_never_deadlock(
        make_case: MakeCase, staff: User, owner: User) -> None:
    from app.services.casework import cases

    for round_ in range(ROUNDS):
        case = _handled(make_case, staff, phone=f"133{round_:08d}")
        offer = _propose(case, "1500", staff)
        current = Complaint.get_by_id(case.id)
        decided, edited = at_once([
            partial(offers.decide, offer.id, decision="approve", reason="属实",
                    password=PASSWORD, actor=owner, now=NOW),
            partial(cases.update_fields, current.id, values={"facts": f"检测报告 {round_}"},
                    actor=staff, now=NOW, expected_version=current.version)])
        assert not isinstance(decided, Exception), decided
        assert not isinstance(edited, Exception) or isinstance(edited, ConflictError), edited
