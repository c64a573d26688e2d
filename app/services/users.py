"""User accounts: creation, sign-in with a slow password hash, roles."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime

from app.errors import InputError, NotFoundError, RuleError, SignInError
from app.i18n import Text
from app.models import User
from app.services import audit
from app.services.labels import ROLE_NAMES, lookup
from app.services.permissions import Permission, require
from app.services.text import checked_text

# scrypt cost; stored in each hash, so it can be raised later without breaking old ones.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSWORD_LENGTH = 4

_USERNAME = Text("User name", "用户名")
_DISPLAY_NAME = Text("Name", "姓名")


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


def create_user(
    *, username: str, display_name: str, role: str, password: str, actor: User | None,
    now: datetime,
) -> User:
    """Creates an account. With no users yet, the first account (an owner) needs no actor."""
    if actor is None:
        if User.select().exists():
            raise RuleError(Text("Only an owner or administrator can add users.",
                                   "只有负责人或系统管理员可以添加用户。"))
        if role != "owner":
            raise RuleError(Text("The first account must be the owner's.",
                                   "第一个账户必须是负责人账户。"))
    else:
        require(actor, Permission.MANAGE_USERS)
    name = _check_username(username)
    if User.select().where(User.username == name).exists():
        raise InputError(Text("The user name “{name}” is taken.", "用户名“{name}”已被使用。")
                           .format(name=name), field="username")
    user = User.create(
        username=name,
        display_name=checked_text(display_name or name, field="display_name",
                                  label=_DISPLAY_NAME, max_length=60, required=True),
        role=lookup(ROLE_NAMES, role, what=Text("role", "角色")),
        password_hash=hash_password(_check_password(password)),
        created_at=now,
    )
    audit.record(None, actor, now, kind="user", field="username", new=name, note=user.role)
    return user


def authenticate(username: str, password: str) -> User:
    """The active user with this name and password.

    Raises:
        SignInError: the same message whether the name or the password is wrong.
    """
    user = User.get_or_none(User.username == username.strip())
    if user is None or not user.active or not verify_password(password, user.password_hash):
        raise SignInError(Text("Wrong user name or password.", "用户名或密码错误。"))
    return user


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
    """Sets a new password: one's own, or anyone's for an owner or administrator."""
    if actor.id != user.id:
        require(actor, Permission.MANAGE_USERS)
    user.password_hash = hash_password(_check_password(new_password))
    user.save()
    audit.record(None, actor, now, kind="user", field="password", new=user.username)


def set_active(*, user: User, active: bool, actor: User, now: datetime) -> None:
    """Deactivates (never deletes) or reactivates an account; the last owner stays."""
    require(actor, Permission.MANAGE_USERS)
    if not active and user.role == "owner" and _active_owner_count() <= 1:
        raise RuleError(Text("The last owner account cannot be switched off.",
                               "不能停用最后一个负责人账户。"))
    old = user.active
    user.active = active
    user.save()
    audit.record(None, actor, now, kind="user", field="active", old=str(old), new=str(active),
                 note=user.username)


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
