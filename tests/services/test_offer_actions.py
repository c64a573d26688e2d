"""Which actions an offer allows a user: the answer the window's buttons follow, checked
against what the decisions themselves accept."""

from collections.abc import Callable

import pytest

from app.errors import DeskError
from app.models import CompensationOffer, Complaint, User, database_proxy
from app.services.casework import workflow
from app.services.compensation import offers
from tests.conftest import NOW, PASSWORD

MakeCase = Callable[..., Complaint]
Attempt = Callable[[CompensationOffer, User], object]

ATTEMPTS: dict[str, Attempt] = {
    "withdraw": lambda offer, user: offers.withdraw(offer.id, reason="客户不再需要",
                                                    actor=user, now=NOW),
    "accept_counter": lambda offer, user: offers.accept_counter(offer.id, actor=user, now=NOW),
    # Refusing has no limit to check: whoever may decide may at least refuse.
    "decide": lambda offer, user: offers.decide(offer.id, decision="refuse", reason="不符合规定",
                                                password=PASSWORD, actor=user, now=NOW),
}


@pytest.fixture
def handled(make_case: MakeCase, staff: User) -> Complaint:
    """A case being handled by staff1."""
    return workflow.move(make_case(), "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})


def _offer(case: Complaint, state: str, *, staff: User, manager: User) -> CompensationOffer:
    """staff1's ¥1,500 refund (above staff's limit), left `state`."""
    offer = offers.propose(case.id, expected_version=case.version, kind="refund",
                           amount="1500", reason="退还全款", actor=staff, now=NOW)
    if state == "countered":
        offer = offers.decide(offer.id, decision="counter", counter="800", reason="部分退款",
                              password=PASSWORD, actor=manager, now=NOW)
    elif state == "approved":
        offer = offers.decide(offer.id, decision="approve", reason="属实", password=PASSWORD,
                              actor=manager, now=NOW)
    assert offer.status == state
    return offer


def _allowed(offer: CompensationOffer, user: User) -> frozenset[str]:
    requester = User.get_by_id(offer.requester_id).username
    return offers.actions_allowed(status=offer.status, requested_by=requester, user=user)


def _accepted(attempt: Attempt, offer: CompensationOffer, user: User) -> bool:
    """Whether the service takes the action; nothing it does is kept."""
    with database_proxy.atomic() as transaction:
        try:
            attempt(offer, user)
        except DeskError:
            return False
        finally:
            transaction.rollback()
    return True


@pytest.mark.parametrize(("state", "expected"), [
    ("proposed", {"staff1": {"withdraw"}, "staff2": set(), "manager": {"withdraw", "decide"},
                  "owner": {"withdraw", "decide"}}),
    ("countered", {"staff1": {"withdraw", "accept_counter"}, "staff2": set(),
                   "manager": {"withdraw"}, "owner": {"withdraw"}}),
    ("approved", {"staff1": set(), "staff2": set(), "manager": set(), "owner": set()}),
])
def test_each_user_is_offered_what_the_decisions_accept(
        handled: Complaint, state: str, expected: dict[str, set[str]], staff: User,
        staff2: User, manager: User, owner: User) -> None:
    offer = _offer(handled, state, staff=staff, manager=manager)
    for user in (staff, staff2, manager, owner):
        allowed = _allowed(offer, user)
        assert allowed == expected[user.username], user.username
        accepted = {name for name, attempt in ATTEMPTS.items()
                    if _accepted(attempt, offer, user)}
        assert accepted == allowed, user.username
    assert CompensationOffer.get_by_id(offer.id).status == state  # the attempts left no trace


def test_whoever_proposed_an_offer_cannot_decide_it(handled: Complaint, manager: User,
                                                    owner: User) -> None:
    offer = offers.propose(handled.id, expected_version=handled.version, kind="cash",
                           amount="5000", reason="误工损失", actor=manager, now=NOW)
    assert _allowed(offer, manager) == {"withdraw"}
    assert _allowed(offer, owner) == {"withdraw", "decide"}


def test_an_offer_nobody_proposed_is_decided_by_approvers_only(staff: User,
                                                               manager: User) -> None:
    assert offers.actions_allowed(status="proposed", requested_by=None, user=staff) == set()
    assert offers.actions_allowed(status="proposed", requested_by=None,
                                  user=manager) == {"withdraw", "decide"}
