"""Who may manage which accounts, sessions that end when the account changes, and sign-in
that cannot be guessed at: problems 4, 5 and 6 of the money-and-trust report."""

import hashlib
from collections.abc import Callable
from datetime import timedelta

import pytest

from app.errors import AccessError, SessionEndedError, SignInError
from app.models import Complaint, Event, User
from app.services import users
from app.services.casework import workflow
from app.services.compensation import offers
from app.services.permissions import MANAGES, may_manage
from tests.conftest import NOW, PASSWORD

MakeCase = Callable[..., Complaint]
ROLES = ("staff", "manager", "admin", "owner")

# 4. Role rules, written once and tested as a table: may the acting role create an account
# of the target role (and raise or lower an account to it, and look after it)?
RULES = {
    ("owner", "staff"): True, ("owner", "manager"): True, ("owner", "admin"): True,
    ("owner", "owner"): True,
    ("admin", "staff"): True, ("admin", "manager"): True, ("admin", "admin"): False,
    ("admin", "owner"): False,
    ("manager", "staff"): False, ("manager", "manager"): False, ("manager", "admin"): False,
    ("manager", "owner"): False,
    ("staff", "staff"): False, ("staff", "manager"): False, ("staff", "admin"): False,
    ("staff", "owner"): False,
}


def _account(name: str, role: str, actor: User) -> User:
    return users.create_user(username=name, display_name=name, role=role, password=PASSWORD,
                             actor=actor, now=NOW)


@pytest.fixture
def people(owner: User) -> dict[str, User]:
    """One active account of each role (the owner made them all)."""
    made = {role: _account(f"{role}-1", role, owner) for role in ROLES if role != "owner"}
    return {**made, "owner": owner}


def test_the_rule_table_is_the_one_the_services_use() -> None:
    assert {(a, t): t in MANAGES[a] for a in ROLES for t in ROLES} == RULES


@pytest.mark.parametrize(("actor_role", "target"), sorted(RULES))
def test_who_may_create_which_account(people: dict[str, User], actor_role: str,
                                      target: str) -> None:
    actor = people[actor_role]
    assert may_manage(actor, target) is RULES[actor_role, target]
    if RULES[actor_role, target]:
        assert _account("new-one", target, actor).role == target
    else:
        with pytest.raises(AccessError):
            _account("new-one", target, actor)
        assert not User.select().where(User.username == "new-one").exists()


@pytest.mark.parametrize(("actor_role", "target"), sorted(RULES))
def test_who_may_raise_an_account_to_which_role(people: dict[str, User], owner: User,
                                                actor_role: str, target: str) -> None:
    account = _account("someone", "staff", owner)
    actor = people[actor_role]
    if RULES[actor_role, target] and RULES[actor_role, "staff"]:
        users.set_role(user=account, role=target, actor=actor, now=NOW)
        assert User.get_by_id(account.id).role == target
    else:
        with pytest.raises(AccessError):
            users.set_role(user=account, role=target, actor=actor, now=NOW)
        assert User.get_by_id(account.id).role == "staff"


def test_an_administrator_cannot_make_an_owner_nor_touch_one(people: dict[str, User],
                                                              owner: User) -> None:
    admin = people["admin"]
    with pytest.raises(AccessError, match="may not manage Owner accounts"):
        _account("boss2", "owner", admin)
    with pytest.raises(AccessError):
        users.set_role(user=people["manager"], role="owner", actor=admin, now=NOW)
    with pytest.raises(AccessError):
        users.change_password(user=owner, new_password="taken-over", actor=admin, now=NOW)
    with pytest.raises(AccessError):
        users.set_active(user=owner, active=False, actor=admin, now=NOW)
    users.change_password(user=admin, new_password="own-one", actor=admin, now=NOW)


# 5. Services trust the caller's User object.

@pytest.fixture
def waiting_offer(make_case: MakeCase, staff: User) -> int:
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    return offers.propose(case.id, expected_version=case.version, kind="refund", amount="900",
                          reason="退款", actor=staff, now=NOW).id


def test_a_manager_switched_off_after_signing_in_cannot_approve(
        owner: User, manager: User, waiting_offer: int) -> None:
    signed_in = users.authenticate("manager", PASSWORD, now=NOW)
    users.set_active(user=users.find_user("manager"), active=False, actor=owner, now=NOW)
    with pytest.raises(SessionEndedError, match="sign in again"):
        offers.decide(waiting_offer, decision="approve", reason="同意", password=PASSWORD,
                      actor=signed_in, now=NOW)
    assert offers.CompensationOffer.get_by_id(waiting_offer).status == "proposed"


def test_a_password_changed_elsewhere_ends_the_session(owner: User, manager: User,
                                                      waiting_offer: int) -> None:
    signed_in = users.authenticate("manager", PASSWORD, now=NOW)
    users.change_password(user=users.find_user("manager"), new_password="changed",
                          actor=owner, now=NOW)
    for password in (PASSWORD, "changed"):
        with pytest.raises((SessionEndedError, SignInError)):
            offers.decide(waiting_offer, decision="approve", reason="同意", password=password,
                          actor=signed_in, now=NOW)
    assert offers.CompensationOffer.get_by_id(waiting_offer).status == "proposed"


def test_a_demoted_manager_cannot_approve_with_the_old_role(owner: User, manager: User,
                                                            waiting_offer: int) -> None:
    signed_in = users.authenticate("manager", PASSWORD, now=NOW)
    users.set_role(user=users.find_user("manager"), role="staff", actor=owner, now=NOW)
    with pytest.raises(SessionEndedError):
        offers.decide(waiting_offer, decision="approve", reason="同意", password=PASSWORD,
                      actor=signed_in, now=NOW)


def test_any_change_to_a_case_rereads_the_acting_user(owner: User, staff: User,
                                                     make_case: MakeCase) -> None:
    case = make_case()
    users.set_active(user=users.find_user("staff1"), active=False, actor=owner, now=NOW)
    with pytest.raises(SessionEndedError):
        workflow.move(case.id, "acknowledged", actor=staff, now=NOW, expected_version=1)
    assert Complaint.get_by_id(case.id).status == "new"


def test_ones_own_new_password_keeps_ones_own_session(staff: User, make_case: MakeCase) -> None:
    users.change_password(user=staff, new_password="mine-now", actor=staff, now=NOW)
    make_case(actor=staff)  # still signed in


# 6. Passwords.

def test_five_wrong_passwords_lock_the_account_for_everyone(staff: User) -> None:
    moment = NOW
    for attempt in range(5):
        with pytest.raises(SignInError, match="Wrong user name or password"):
            users.authenticate("staff1", f"guess-{attempt}", now=moment)
        moment += timedelta(seconds=10)  # past each growing wait
    with pytest.raises(SignInError, match="locked until 2026-03-04 10:15"):
        users.authenticate("staff1", PASSWORD, now=moment)  # the right one, too late
    assert users.authenticate("staff1", PASSWORD, now=NOW + timedelta(minutes=16)).id == staff.id
    assert User.get_by_id(staff.id).failed_sign_ins == 0


def test_the_wait_grows_after_each_wrong_password(staff: User) -> None:
    with pytest.raises(SignInError, match="Wrong user name"):
        users.authenticate("staff1", "typo", now=NOW)
    with pytest.raises(SignInError, match="Wrong user name"):
        users.authenticate("staff1", "typo-2", now=NOW)  # one typo costs no wait
    with pytest.raises(SignInError, match="wait 2 s"):
        users.authenticate("staff1", PASSWORD, now=NOW)
    with pytest.raises(SignInError, match="wait 1 s"):  # what is left of the 2 s
        users.authenticate("staff1", PASSWORD, now=NOW + timedelta(seconds=1))
    with pytest.raises(SignInError, match="Wrong user name"):
        users.authenticate("staff1", "typo-3", now=NOW + timedelta(seconds=2))
    with pytest.raises(SignInError, match="wait 4 s"):
        users.authenticate("staff1", PASSWORD, now=NOW + timedelta(seconds=2))
    assert users.authenticate("staff1", PASSWORD, now=NOW + timedelta(seconds=6)).id == staff.id


def test_a_new_password_from_the_owner_lifts_the_lock(owner: User, staff: User) -> None:
    for attempt in range(5):
        with pytest.raises(SignInError):
            users.authenticate("staff1", f"x{attempt}", now=NOW + timedelta(minutes=attempt))
    users.change_password(user=users.find_user("staff1"), new_password="fresh", actor=owner,
                          now=NOW)
    assert users.authenticate("staff1", "fresh", now=NOW + timedelta(minutes=5))


def test_unknown_names_and_known_ones_cost_one_scrypt_each(staff: User,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          ) -> None:
    calls: list[int] = []
    real = hashlib.scrypt

    def counted(*args: object, **kwargs: object) -> bytes:
        calls.append(kwargs["n"])  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(users.hashlib, "scrypt", counted)
    for name in ("ghost", "staff1"):
        calls.clear()
        with pytest.raises(SignInError, match="Wrong user name or password"):
            users.authenticate(name, "wrong", now=NOW + timedelta(minutes=len(name)))
        assert calls == [users.SCRYPT_N], name  # the same work, at the same cost


def test_every_refused_sign_in_is_in_the_audit_log(staff: User) -> None:
    for name in ("ghost", "staff1"):
        with pytest.raises(SignInError):
            users.authenticate(name, "wrong", now=NOW)
    refused = [(e.field, e.new_value, e.complaint_id) for e in
               Event.select().where(Event.kind == "sign_in").order_by(Event.id)]
    assert refused == [("unknown_user", "ghost", None), ("wrong_password", "staff1", None)]
    for minute in range(1, 5):
        with pytest.raises(SignInError):
            users.authenticate("staff1", "wrong", now=NOW + timedelta(minutes=minute))
    fields = [e.field for e in Event.select().where(Event.kind == "sign_in")]
    assert fields.count("locked_out") == 1 and fields.count("wrong_password") == 5


def test_demo_accounts_have_their_own_salts(db: str) -> None:
    from app.services.demo import generate

    generate.fill_demo(cases=0, seed=1, now=NOW)
    hashes = [u.password_hash for u in User.select()]
    salts = {h.split("$")[4] for h in hashes}
    assert len(hashes) == len(set(hashes)) == len(salts) == 4
