"""What every command handler receives besides its arguments: the time and the acting user."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass, field
from datetime import datetime

from app.errors import InputError
from app.i18n import Text
from app.models import User
from app.services import users
from app.services.text import to_seconds

PASSWORD_VAR = "COMPLAINT_DESK_PASSWORD"


@dataclass
class Context:
    """The moment the command runs and, when it changes data, who is acting."""

    args: argparse.Namespace
    now: datetime = field(default_factory=lambda: to_seconds(datetime.now()))
    _actor: User | None = None
    _password: str = ""

    def actor(self) -> User:
        """The user named by `--user`, signed in with COMPLAINT_DESK_PASSWORD or a prompt."""
        if self._actor is None:
            if not self.args.user:
                raise InputError(Text(
                    "This command changes data: name the acting user with --user NAME.",
                    "该命令会修改数据：请用 --user 用户名 指定操作人。"))
            self._password = read_password(self.args.user)
            self._actor = users.authenticate(self.args.user, self._password, now=self.now)
        return self._actor

    def password(self) -> str:
        """The acting user's password, for decisions that check it again (approvals)."""
        self.actor()
        return self._password


def read_password(username: str, *, variable: str = PASSWORD_VAR, prompt: str = "") -> str:
    """The password from the environment variable, else asked for at the terminal."""
    if os.environ.get(variable):
        return os.environ[variable]
    if not sys.stdin.isatty():
        raise InputError(Text("No password for {user}: set {var} or run in a terminal.",
                              "没有 {user} 的密码：请设置 {var} 或在终端中运行。")
                         .format(user=username, var=variable))
    return getpass.getpass(prompt or f"{username} password / 密码: ")
