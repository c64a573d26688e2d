"""Running `complaint-desk` as a separate process, as a user or a script would."""

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.services import users
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW

Run = Callable[..., subprocess.CompletedProcess]


@pytest.fixture
def cli(tmp_path: Path) -> Run:
    """Runs the command on a database file of its own; returns the finished process."""
    database = tmp_path / "shop.sqlite3"

    def run(*args: str, password: str | None = "secret", env: dict[str, str] | None = None,
            ) -> subprocess.CompletedProcess:
        environment = {**os.environ, "COMPLAINT_DESK_DB": str(database), "LANG": "C.UTF-8",
                       "PYTHONIOENCODING": "utf-8",
                       "XDG_CONFIG_HOME": str(tmp_path / "config")}  # the window's QSettings
        environment.pop("COMPLAINT_DESK_PASSWORD", None)
        for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            environment.pop(variable, None)
        if password is not None:
            environment["COMPLAINT_DESK_PASSWORD"] = password
        environment.update(env or {})
        return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True,
                              text=True, encoding="utf-8", env=environment, timeout=120,
                              stdin=subprocess.DEVNULL)

    run.database = database  # type: ignore[attr-defined]
    return run


@pytest.fixture(scope="session")
def shop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with an owner `boss` and a staff account `clerk`, built once."""
    path = tmp_path_factory.mktemp("template") / "shop.sqlite3"
    open_desk(str(path))
    boss = users.create_user(username="boss", display_name="老板", role="owner",
                             password="secret", actor=None, now=NOW)
    users.create_user(username="clerk", display_name="小李", role="staff", password="secret",
                      actor=boss, now=NOW)
    close_desk()
    return path


@pytest.fixture
def shop(cli: Run, shop_template: Path) -> Run:
    """`cli` on a copy of the template database (password `secret` for both accounts)."""
    shutil.copy(shop_template, cli.database)  # type: ignore[attr-defined]
    return cli


def show_json(cli: Run, number: str) -> dict:
    """The case as `show --json` prints it."""
    result = cli("show", number, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
