"""Running `complaint-desk` as a user or a script would: in this process through
`app.cli.main` (most tests), or as a separate process (the entry point, exit codes, files).

Both run the command on the same database file, with the same environment, no terminal to
ask a password at, and its output and exit code returned as a finished process.
"""

import getpass
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

import pytest

from app import cli as entry_point
from app.i18n import current_language, set_language
from app.services import users
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW

Run = Callable[..., subprocess.CompletedProcess]


def _environment(tmp_path: Path, database: Path, password: str | None,
                 env: dict[str, str] | None) -> dict[str, str]:
    """What the command sees: this one's database, no display, the password if given."""
    environment = {**os.environ, "COMPLAINT_DESK_DB": str(database), "LANG": "C.UTF-8",
                   "PYTHONIOENCODING": "utf-8",
                   "XDG_CONFIG_HOME": str(tmp_path / "config")}  # the window's QSettings
    environment.pop("COMPLAINT_DESK_PASSWORD", None)
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        environment.pop(variable, None)
    if password is not None:
        environment["COMPLAINT_DESK_PASSWORD"] = password
    environment.update(env or {})
    return environment


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """The database file the commands of a test use."""
    return tmp_path / "shop.sqlite3"


@pytest.fixture
def cli(tmp_path: Path, database: Path) -> Run:
    """Runs the command in this process on the test's database; returns it as finished."""

    def run(*args: str, password: str | None = "secret", env: dict[str, str] | None = None,
            ) -> subprocess.CompletedProcess:
        out, err = io.StringIO(), io.StringIO()
        with _as_a_process(_environment(tmp_path, database, password, env)), \
                redirect_stdout(out), redirect_stderr(err):
            code = _exit_code(list(args))
        return subprocess.CompletedProcess(["complaint-desk", *args], code, out.getvalue(),
                                           err.getvalue())

    run.database = database  # type: ignore[attr-defined]
    return run


@contextmanager
def _as_a_process(environment: dict[str, str]) -> Iterator[None]:
    """The command's own environment, no terminal, and this process's language kept."""
    language = current_language()
    with mock.patch.dict(os.environ, environment, clear=True), \
            mock.patch.object(sys, "stdin", io.StringIO()), \
            mock.patch.object(getpass, "getpass", _no_prompt):
        try:
            yield
        finally:
            close_desk()  # a command that failed half-way must not leave its database bound
            set_language(language)


def _no_prompt(prompt: str = "", stream: object = None) -> str:
    # A separate process started without a terminal cannot be asked anything either.
    raise AssertionError(f"the command asked for input: {prompt!r}")


def _exit_code(args: list[str]) -> int:
    """`main`'s return value, or the code it exits with (argparse exits on --help, errors)."""
    try:
        return entry_point.main(args)
    except SystemExit as exit_:
        if exit_.code is None:
            return 0
        if isinstance(exit_.code, int):
            return exit_.code
        print(exit_.code, file=sys.stderr)  # what the interpreter does with a message
        return 1


@pytest.fixture
def process(tmp_path: Path, database: Path) -> Run:
    """Runs the command as a separate process on the test's database; returns the process."""

    def run(*args: str, password: str | None = "secret", env: dict[str, str] | None = None,
            ) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True,
                              text=True, encoding="utf-8", timeout=120,
                              env=_environment(tmp_path, database, password, env),
                              stdin=subprocess.DEVNULL)

    run.database = database  # type: ignore[attr-defined]
    return run


@pytest.fixture(scope="session")
def shop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with an owner `boss` and a staff account `clerk`, built once."""
    path = tmp_path_factory.mktemp("template") / "shop.sqlite3"
    open_desk(str(path))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users, "SCRYPT_N", 2**8)  # cheap to check (the cost is in each hash)
        boss = users.create_user(username="boss", display_name="老板", role="owner",
                                 password="secret", actor=None, now=NOW)
        users.create_user(username="clerk", display_name="小李", role="staff",
                          password="secret", actor=boss, now=NOW)
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
