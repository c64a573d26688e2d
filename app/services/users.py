"""User accounts: creation, sign-in with a slow password hash and a throttle, roles.

Signing in (the window, the command line, and the password typed again for a decision)
goes through one throttle kept on the account in the database, so every PC and the
command line share it: after a second wrong password in a row the next try must wait
2 s, then 4, then 8, and the fifth wrong one in a row locks the account for 15 minutes
(a new password set by the owner or an administrator unlocks it). Every refusal is an
event in the audit log. An unknown name costs the same scrypt as a known one, so the time
taken does not tell which names exist.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from app.errors import InputError, NotFoundError, RuleError, SignInError
from app.i18n import Text
from app.models import User, database_proxy
from app.services import audit
from app.services.labels import ROLE_NAMES, lookup
from app.services.permissions import require_manage
from app.services.text import checked_text, when

# scrypt cost; stored in each hash, so it can be raised later without breaking old ones.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSWORD_LENGTH = 4
MAX_FAILURES = 5  # wrong passwords in a row that lock the account
LOCK = timedelta(minutes=15)

_USERNAME = Text("User name", "用户名")
_DISPLAY_NAME = Text("Name", "姓名")
WRONG = Text("Wrong user name or password.", "用户名或密码错误。")


def hash_password(password: str) -> str:
    """A salted scrypt hash in the form `scrypt$n$r$p$salt$hash` (base64 parts)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    parts = (base64.b64encode(salt).decode(), base64.b64encode(digest).decode())
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${parts[0]}${parts[1]}"


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the `stored` hash (compared in constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p)
        )
    except ValueError:
        return False
    return scheme == "scrypt" and hmac.compare_digest(actual, expected)


def _dummy_hash() -> str:
    """A hash no password matches, at today's cost: checked for unknown names so that they
    take as long as known ones."""
    zeros = base64.b64encode(bytes(16)).decode()
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${zeros}${zeros}"


def create_user(
    *, username: str, display_name: str, role: str, password: str, actor: User | None,
    now: datetime,
) -> User:
    """Creates an account. With no users yet, the first account (an owner) needs no actor;
    otherwise `actor` must be allowed to give `role` (permissions.MANAGES)."""
    code = lookup(ROLE_NAMES, role, what=Text("role", "角色"))
    if actor is None:
        if User.select().exists():
            raise RuleError(Text("Only an owner or administrator can add users.",
                                 "只有负责人或系统管理员可以添加用户。"))
        if code != "owner":
            raise RuleError(Text("The first account must be the owner's.",
                                 "第一个账户必须是负责人账户。"))
    else:
        require_manage(actor, code)
    name = _check_username(username)
    with database_proxy.atomic():
        if User.select().where(User.username == name).exists():
            raise InputError(Text("The user name “{name}” is taken.", "用户名“{name}”已被使用。")
                             .format(name=name), field="username")
        audit.record(None, actor, now, kind="user", field="username", new=name, note=code)
        return User.create(
            username=name,
            display_name=checked_text(display_name or name, field="display_name",
                                      label=_DISPLAY_NAME, max_length=60, required=True),
            role=code, password_hash=hash_password(_check_password(password)), created_at=now)


def authenticate(username: str, password: str, *, now: datetime) -> User:
    """The active user with this name and password (read afresh).

    Raises:
        SignInError: the same message whether the name or the password is wrong; another
            one while the account must wait or is locked.
    """
    user = User.get_or_none(User.username == username.strip())
    if user is None:
        verify_password(password, _dummy_hash())  # the same time as for a real name
        _refused(None, username.strip(), now, "unknown_user")
        raise SignInError(WRONG)
    return check_password(user, password, now=now, wrong=WRONG)


def check_password(user: User, password: str, *, now: datetime, wrong: Text) -> User:
    """`user` as stored now, once `password` proves to be theirs (at sign-in, and when a
    decision asks for it again), through the account's throttle; `wrong` is the refusal.

    Raises:
        SignInError: `wrong`, or when the account must wait or is locked.
    """
    user = User.get_by_id(user.id)  # the password and the throttle as they are now
    wait = _claim_try(user, now)
    matches = verify_password(password, user.password_hash)  # always once, for the timing
    if wait is not None:
        _refused(user, user.username, now, "locked" if wait - now > timedelta(minutes=1)
                 else "too_soon")
        raise SignInError(_wait_text(wait, now))
    if not matches or not user.active:
        _refused(user, user.username, now, "inactive" if matches else "wrong_password",
                 locked=user.failed_sign_ins + 1 >= MAX_FAILURES)
        raise SignInError(wrong)
    User.update(failed_sign_ins=0, last_failed_at=None, locked_until=None).where(
        User.id == user.id).execute()
    return User.get_by_id(user.id)


def _delay(failures: int) -> timedelta:
    """How long after the last of `failures` wrong passwords the account may be tried."""
    return timedelta(seconds=2 ** (failures - 1)) if failures > 1 else timedelta(0)


def _claim_try(user: User, now: datetime) -> datetime | None:
    """Counts this try as a failure until the password proves right, in one conditional
    write (two PCs trying the same account at once cannot both get the same try); returns
    the time the account may be tried again when it may not be tried now."""
    failures, last, locked = user.failed_sign_ins, user.last_failed_at, user.locked_until
    if locked is not None and now < locked:
        return locked
    if 0 < failures < MAX_FAILURES and last is not None and now < last + _delay(failures):
        return last + _delay(failures)
    count = failures + 1
    done = (User.update(failed_sign_ins=count, last_failed_at=now,
                        locked_until=now + LOCK if count >= MAX_FAILURES else None)
            .where((User.id == user.id) & (User.failed_sign_ins == failures)).execute())
    return None if done == 1 else now + timedelta(seconds=1)


def _wait_text(until: datetime, now: datetime) -> Text:
    if until - now > timedelta(minutes=1):
        return Text("Too many wrong passwords: the account is locked until {at}. Wait, or ask "
                    "the owner or an administrator to set a new password.",
                    "密码错误次数过多，账户已锁定至 {at}。请稍候，或请负责人、系统管理员重设密码。"
                    ).format(at=when(until))
    seconds = max(1, round((until - now).total_seconds()))
    return Text("Wrong password: wait {n} s before trying again.",
                "密码错误，请等待 {n} 秒后再试。").format(n=seconds)


def _refused(user: User | None, name: str, now: datetime, reason: str, *,
             locked: bool = False) -> None:
    """Records a refused sign-in (and the lock it started) in the audit log."""
    audit.record(None, None, now, kind="sign_in", field=reason, new=name[:40],
                 note=str(user.id) if user else "")
    if locked:
        audit.record(None, None, now, kind="sign_in", field="locked_out", new=name,
                     note=(now + LOCK).isoformat(sep=" "))


def find_user(username: str) -> User:
    """The user called `username` (active or not)."""
    user = User.get_or_none(User.username == username.strip())
    if user is None:
        raise NotFoundError(Text("There is no user “{name}”.", "没有用户“{name}”。")
                       .format(name=username), field="username")
    return user


def list_users(*, include_inactive: bool = False) -> list[User]:
    """Users by role then name; active ones only unless asked."""
    query = User.select().order_by(User.role, User.username)
    if not include_inactive:
        query = query.where(User.active)
    return list(query)


def change_password(*, user: User, new_password: str, actor: User, now: datetime) -> None:
    """Sets a new password: one's own, or that of an account `actor` may manage. Sessions
    signed in with the old password end; a lock from wrong passwords is lifted."""
    password = hash_password(_check_password(new_password))
    with database_proxy.atomic():
        target = _account(user, actor)
        audit.record(None, actor, now, kind="user", field="password", new=target.username)
        User.update(password_hash=password, password_generation=User.password_generation + 1,
                    failed_sign_ins=0, last_failed_at=None, locked_until=None).where(
            User.id == target.id).execute()
    user.password_hash = password
    user.password_generation = target.password_generation + 1
    if actor.id == user.id:  # one's own new password keeps one's own session going
        actor.password_generation = user.password_generation


def set_active(*, user: User, active: bool, actor: User, now: datetime) -> None:
    """Deactivates (never deletes) or reactivates an account; the last owner stays."""
    with database_proxy.atomic():
        target = _account(user, actor, own=False)
        if not active and target.role == "owner" and _active_owner_count() <= 1:
            raise RuleError(Text("The last owner account cannot be switched off.",
                                 "不能停用最后一个负责人账户。"))
        audit.record(None, actor, now, kind="user", field="active", old=str(target.active),
                     new=str(active), note=target.username)
        User.update(active=active).where(User.id == target.id).execute()
    user.active = active


def set_role(*, user: User, role: str, actor: User, now: datetime) -> None:
    """Gives an account another role: `actor` must manage both the old and the new role
    (only an owner makes an owner); the last owner stays one."""
    code = lookup(ROLE_NAMES, role, what=Text("role", "角色"))
    with database_proxy.atomic():
        target = _account(user, actor, own=False)
        require_manage(actor, code)
        if target.role == "owner" and code != "owner" and _active_owner_count() <= 1:
            raise RuleError(Text("The last owner account must stay an owner.",
                                 "最后一个负责人账户必须保留负责人角色。"))
        audit.record(None, actor, now, kind="user", field="role", old=target.role, new=code,
                     note=target.username)
        User.update(role=code).where(User.id == target.id).execute()
    user.role = code


def _account(user: User, actor: User, *, own: bool = True) -> User:
    """The account as stored now, once `actor` may look after it (anyone their own
    password, when `own`)."""
    target = User.get_or_none(User.id == user.id)
    if target is None:
        raise NotFoundError(Text("There is no user “{name}”.", "没有用户“{name}”。")
                            .format(name=user.username), field="username")
    if not (own and target.id == actor.id):
        require_manage(actor, target.role)
    return target


def _active_owner_count() -> int:
    return User.select().where((User.role == "owner") & User.active).count()


def _check_username(username: str) -> str:
    name = checked_text(username, field="username", label=_USERNAME, max_length=40, required=True)
    if any(ch.isspace() for ch in name):
        raise InputError(Text("A user name cannot contain spaces.", "用户名不能包含空格。"),
                           field="username")
    return name


def _check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(
            Text("The password needs at least {n} characters.", "密码至少需要 {n} 个字符。")
            .format(n=MIN_PASSWORD_LENGTH),
            field="password",
        )
    return password
