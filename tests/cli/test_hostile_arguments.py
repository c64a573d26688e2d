"""Absurd and hostile arguments: every command that takes a date, an id, an amount or free
text refuses them in one line with exit code 2, never with "Unexpected error".

Most run `app.cli.main` in this process, which is the only way to hand it a NUL or half a
character; bytes a terminal sends in GBK go through a real process.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from app import cli as entry_point
from app.models import Complaint
from app.services import users
from app.services.casework import followups, workflow
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.compensation import offers
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW

CASE, OFFER, FOLLOW_UP = "TS-2026-000001", "1", "1"
HUGE = "9" * 5000
ADD = ("--user", "clerk", "add", "--customer", "张三", "--phone", "13800138000",
       "--channel", "phone", "--category", "product_quality", "--description", "电饭煲坏了")
PROPOSE = ("--user", "clerk", "compensation", "propose", CASE, "--kind", "refund")
YEARS = "not between the years 1900 and 2999"
NOT_KEPT = "contains a character that cannot be kept"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(shop_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Run:
    """`complaint-desk` in this process on a shop with case 1 in progress and follow-up 1
    open, and case 2 with offer 1 waiting for approval; returns the exit code, stdout and
    stderr."""
    database = tmp_path / "shop.sqlite3"
    shutil.copy(shop_template, database)
    open_desk(str(database))
    clerk = users.find_user("clerk")
    for _ in range(2):
        case = record_complaint(IntakeForm(customer_name="张三", phone="13800138000",
                                           channel="phone", category="product_quality",
                                           description="电饭煲坏了"), actor=clerk, now=NOW)
        case = workflow.move(case.id, "in_progress", actor=clerk, now=NOW,
                             expected_version=1,
                             values={"department": "after_sales", "handler": "clerk"})
    followups.add_follow_up(1, due_at=NOW + timedelta(days=1), note="回访", actor=clerk,
                            now=NOW)
    offers.propose(case.id, expected_version=case.version, kind="cash", amount="800",
                   reason="误工", actor=clerk, now=NOW)
    close_desk()
    monkeypatch.setenv("COMPLAINT_DESK_DB", str(database))
    monkeypatch.setenv("COMPLAINT_DESK_PASSWORD", "secret")
    monkeypatch.setenv("LANG", "C.UTF-8")
    capsys.readouterr()

    def command(*args: str) -> tuple[int, str, str]:
        try:
            code = entry_point.main(list(args))
        except SystemExit as exit_:  # argparse's own refusals
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return command


HOSTILE = [
    # dates
    (("list", "--to", "9999-12-31"), YEARS),
    (("list", "--from", "0001-01-01"), YEARS),
    (("export", "--out", "x.xlsx", "--to", "9999-12-31"), YEARS),
    (("reminders", "--at", "0001-01-01"), YEARS),
    (("reminders", "--at", "9999-12-31 23:59"), YEARS),
    ((*ADD, "--received", "0001-01-01"), YEARS),
    (("--user", "clerk", "followup", CASE, "--due", "9999-12-31", "--note", "回访"), YEARS),
    (("print", "--kind", "letter", "--status", "closed", "--since", "0001-01-01", "--out",
      "letters"), YEARS),
    (("list", "--to", "2026-13-45"), "is not a date and time"),
    # ids and counts
    (("--user", "boss", "compensation", "decide", "1" * 25, "--approve", "--reason", "同意"),
     "is not an id"),
    (("--user", "clerk", "compensation", "accept", HUGE), "is not an id"),
    (("--user", "clerk", "compensation", "withdraw", "-1", "--reason", "撤回"), "is not an id"),
    (("--user", "clerk", "compensation", "pay", HUGE, "--how", "cash", "--ref", "R1"),
     "is not an id"),
    (("--user", "clerk", "followup-done", "18446744073709551616", "--outcome", "已回访"),
     "is not an id"),
    (("--user", "clerk", "followup-done", "١", "--outcome", "已回访"), "is not an id"),
    (("list", "--limit", "99999999999999999999"), "is not a number of rows"),
    (("reminders", "--limit", "0"), "is not a number of rows"),
    (("demo", "--cases", "1e9"), "is not a number of cases"),
    (("show", "1" * 25), "There is no case"),
    # amounts
    ((*PROPOSE, "--amount", HUGE, "--reason", "误工"), "is more than ¥1,000,000"),
    ((*PROPOSE, "--amount", "١٢٠", "--reason", "误工"), "is not an amount"),
    ((*PROPOSE, "--amount", "1e5", "--reason", "误工"), "is not an amount"),
    (("--user", "boss", "compensation", "decide", OFFER, "--counter", HUGE, "--reason", "还价"),
     "is more than ¥1,000,000"),
    # free text: NUL and half characters anywhere, control characters where it is kept
    (("--user", "clerk", "add", "--customer", "张\x00三", *ADD[4:]), "a NUL character"),
    ((*ADD[:-1], "坏了\udcd5\udcc5"), "is not UTF-8 text"),
    ((*ADD[:-1], "half \ud83d of an emoji"), "is not UTF-8 text"),
    (("list", "--search", "\udcd5\udcc5"), "is not UTF-8 text"),
    (("show", "\x00"), "a NUL character"),
    (("list", "\x1b[2J"), "unrecognized arguments: \\x1b[2J"),
    ((*ADD[:-1], "\x1b[2J清屏"), NOT_KEPT),
    ((*ADD, "--wish", "退货\x07"), NOT_KEPT),
    (("--user", "clerk", "move", CASE, "--to", "awaiting_approval", "--note", "\x1b[31m"),
     NOT_KEPT),
    (("--user", "clerk", "move", CASE, "--to", "rejected", "--set", "answer=检测\x1b"),
     NOT_KEPT),
    (("--user", "clerk", "followup", CASE, "--due", "2026-12-01", "--note", "回访\x1b"),
     NOT_KEPT),
    (("--user", "clerk", "followup-done", FOLLOW_UP, "--outcome", "\x9b2J"), NOT_KEPT),
    ((*PROPOSE, "--amount", "50", "--reason", "误工\x1b"), NOT_KEPT),
    (("--user", "boss", "compensation", "decide", OFFER, "--approve", "--reason", "\x1b"),
     NOT_KEPT),
    (("--user", "boss", "user", "add", "newbie", "--role", "staff", "--name", "小\x1b王"),
     NOT_KEPT),
    (("--user", "clerk", "compensation", "pay", OFFER, "--how", "cash", "--ref", "SJ\x1b"),
     NOT_KEPT),
    # corrective actions, training and warnings
    (("--user", "boss", "action", "add", "--title", "抽检", "--owner", "clerk", "--due",
      "9999-12-31"), YEARS),
    (("--user", "boss", "action", "add", "--title", "抽检\x1b[2J", "--owner", "clerk",
      "--due", "2099-01-01"), NOT_KEPT),
    (("--user", "boss", "action", "add", "--title", "抽检", "--owner", "clerk", "--due",
      "2099-01-01", "--analysis", "为什么\x07"), NOT_KEPT),
    (("action", "show", "1" * 25), "is not an id"),
    (("--user", "boss", "action", "move", "-1", "--to", "done"), "is not an id"),
    (("--user", "boss", "action", "link", HUGE, CASE), "is not an id"),
    (("--user", "boss", "training", "add", "--date", "0001-01-01", "--topic", "接待",
      "--trainer", "李经理", "--attendee", "clerk"), YEARS),
    (("--user", "boss", "training", "add", "--date", "2025-01-01", "--topic", "接待\x07",
      "--trainer", "李经理", "--attendee", "clerk"), NOT_KEPT),
    (("warnings", "--at", "9999-12-31 23:59"), YEARS),
    (("--user", "boss", "warnings", "--dismiss", "1", "--note", "\x1b[31m"), NOT_KEPT),
]


@pytest.mark.parametrize(("args", "message"), HOSTILE,
                         ids=[f"{i}-{a[a.index('--user') + 2] if '--user' in a else a[0]}"
                              for i, (a, _) in enumerate(HOSTILE)])
def test_hostile_arguments_are_refused_in_one_line(run: Run, args: tuple[str, ...],
                                                   message: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COMPLAINT_DESK_NEW_PASSWORD", "secret")
    code, out, err = run(*args)
    lines = err.splitlines()
    assert code == 2 and len(lines) == 1, err
    assert message in lines[0] and "Unexpected error" not in err
    assert not any(ch in err for ch in "\x00\x07\x1b\x9b"), err  # shown escaped, not obeyed


def test_show_prints_control_characters_as_escapes(run: Run) -> None:
    open_desk(os.environ["COMPLAINT_DESK_DB"])
    Complaint.update(description="第一行\x1b[2J\n第二行\x07", wish="\x1b]0;title\x07").execute()
    close_desk()
    code, out, _ = run("show", CASE)
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "第一行\\x1b[2J" in out and "第二行\\x07" in out and "\\x1b]0;title\\x07" in out
    code, listed, _ = run("list", "--search", "电饭煲")
    assert code == 0 and "\x1b" not in listed


def test_bytes_that_are_not_utf8_from_a_terminal(shop_template: Path, tmp_path: Path) -> None:
    database = tmp_path / "shop.sqlite3"
    shutil.copy(shop_template, database)
    gbk = "张三".encode("gbk")
    environment = {**os.environ, "COMPLAINT_DESK_DB": str(database), "LANG": "C.UTF-8",
                   "PYTHONIOENCODING": "utf-8", "COMPLAINT_DESK_PASSWORD": "secret"}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--user", "clerk", "add", "--customer", gbk,
         "--phone", "13800138000", "--channel", "phone", "--category", "product_quality",
         "--description", "电饭煲坏了"], env=environment, capture_output=True, timeout=120)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and len(err.splitlines()) == 1, err
    assert "The value of --customer (“\\xd5\\xc5\\xc8\\xfd”) is not UTF-8 text" in err
