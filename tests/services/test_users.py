"""Accounts, sign-in and permissions, enforced in the services."""

import pytest

from app.errors import AccessError, InputError, RuleError, SignInError
from app.models import Event, User
from app.services import users
from app.services.permissions import Permission, allowed, require
from app.services.users import hash_password, verify_password
from tests.conftest import NOW, PASSWORD


def test_passwords_are_salted_slow_hashes() -> None:
    first, second = hash_password("demo"), hash_password("demo")
    assert first != second and first.startswith("scrypt$")
    assert "demo" not in first
    assert verify_password("demo", first) and not verify_password("Demo", first)
    assert not verify_password("demo", "not-a-hash")


def test_the_first_account_must_be_an_owner_and_needs_no_actor(db: str) -> None:
    with pytest.raises(RuleError, match="first account must be the owner"):
        users.create_user(username="a", display_name="A", role="staff", password="xxxx",
                          actor=None, now=NOW)
    owner = users.create_user(username="boss", display_name="老板", role="owner",
                              password="xxxx", actor=None, now=NOW)
    assert owner.role == "owner"
    with pytest.raises(RuleError, match="Only an owner or administrator"):
        users.create_user(username="b", display_name="B", role="staff", password="xxxx",
                          actor=None, now=NOW)


def test_staff_cannot_add_users(staff: User) -> None:
    with pytest.raises(AccessError, match=r"张小芳 \(Staff\) may not manage user accounts"):
        users.create_user(username="x", display_name="X", role="owner", password="xxxx",
                          actor=staff, now=NOW)


def test_sign_in_gives_the_same_message_for_unknown_user_and_wrong_password(staff: User) -> None:
    assert users.authenticate("staff1", PASSWORD, now=NOW).id == staff.id
    with pytest.raises(SignInError) as wrong:
        users.authenticate("staff1", "nope", now=NOW)
    with pytest.raises(SignInError) as unknown:
        users.authenticate("ghost", PASSWORD, now=NOW)
    assert str(wrong.value) == str(unknown.value) == "Wrong user name or password."


def test_deactivated_users_cannot_sign_in_and_the_last_owner_stays(owner: User,
                                                                   staff: User) -> None:
    users.set_active(user=staff, active=False, actor=owner, now=NOW)
    with pytest.raises(SignInError):
        users.authenticate("staff1", PASSWORD, now=NOW)
    with pytest.raises(RuleError, match="last owner"):
        users.set_active(user=owner, active=False, actor=owner, now=NOW)
    assert [u.username for u in users.list_users()] == ["owner"]
    assert len(users.list_users(include_inactive=True)) == 2


@pytest.mark.parametrize(("name", "password", "message"), [
    ("two words", "xxxx", "cannot contain spaces"),
    ("", "xxxx", "User name is required"),
    ("ok", "abc", "at least 4 characters"),
    ("owner", "xxxx", "is taken"),
])
def test_bad_account_details_are_refused(owner: User, name: str, password: str,
                                         message: str) -> None:
    with pytest.raises(InputError, match=message):
        users.create_user(username=name, display_name="", role="staff", password=password,
                          actor=owner, now=NOW)


def test_passwords_change_for_oneself_or_by_the_owner(owner: User, staff: User,
                                                      staff2: User) -> None:
    users.change_password(user=staff, new_password="new-pass", actor=staff, now=NOW)
    assert users.authenticate("staff1", "new-pass", now=NOW)
    with pytest.raises(AccessError):
        users.change_password(user=staff, new_password="hijack", actor=staff2, now=NOW)
    users.change_password(user=staff, new_password="reset-1", actor=owner, now=NOW)
    assert users.authenticate("staff1", "reset-1", now=NOW)
    assert Event.select().where(Event.kind == "user", Event.field == "password").count() == 2


def test_role_permissions(owner: User, manager: User, staff: User) -> None:
    assert allowed(owner, Permission.APPROVE_COMPENSATION)
    assert allowed(manager, Permission.EXTEND_DEADLINE)
    assert not allowed(manager, Permission.MANAGE_USERS)
    assert not allowed(staff, Permission.APPROVE_COMPENSATION)
    with pytest.raises(AccessError):
        require(staff, Permission.MANAGE_SETTINGS)
