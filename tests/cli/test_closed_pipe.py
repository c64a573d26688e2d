"""`complaint-desk … | head`: a reader that stops early closes the pipe, and the command
ends quietly with the exit code a shell gives a program stopped by SIGPIPE, not with a
file error as if the database could not be read."""

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import Run, _environment

SIGPIPE_EXIT = 141


@pytest.mark.parametrize("command", [("list",), ("action", "list"), ("reminders",)])
def test_a_closed_pipe_ends_the_command_quietly(shop: Run, tmp_path: Path,
                                                command: tuple[str, ...]) -> None:
    for n in range(3):
        shop("--user", "clerk", "add", "--customer", "张三", "--phone", f"1380013800{n}",
             "--channel", "phone", "--category", "product_quality", "--description", "坏了")
    due = (date.today() + timedelta(days=30)).isoformat()
    shop("--user", "boss", "action", "add", "--title", "抽检", "--owner", "clerk", "--due", due,
         "--root-cause", "RC03")
    database = shop.database  # type: ignore[attr-defined]
    started = subprocess.Popen([sys.executable, "-m", "app", *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                               env=_environment(tmp_path, database, "secret", None))
    assert started.stdout is not None and started.stderr is not None
    started.stdout.close()  # the reader is gone before the command writes anything
    error = started.stderr.read().decode("utf-8")
    assert started.wait(timeout=120) == SIGPIPE_EXIT
    assert error == ""
