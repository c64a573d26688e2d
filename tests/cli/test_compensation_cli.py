"""`compensation` from the command line: propose, list, decide with the password."""

import json
from datetime import datetime, timedelta

import pytest

from app.errors import SignInError
from app.services import users
from app.services.desk.store import close_desk, open_desk
from tests.cli.conftest import Run, show_json

ADD = ("--user", "clerk", "add", "--customer", "张三", "--phone", "13800138000",
       "--channel", "phone", "--category", "product_quality", "--description", "电饭煲坏了")


def _handled_case(shop: Run) -> str:
    number = shop(*ADD).stdout.strip()
    moved = shop("--user", "clerk", "move", number, "--to", "in_progress",
                 "--set", "department=after_sales", "--set", "handler=clerk")
    assert moved.returncode == 0, moved.stderr
    return number


def test_propose_above_the_limit_then_the_owner_approves(shop: Run) -> None:
    number = _handled_case(shop)
    proposed = shop("--user", "clerk", "compensation", "propose", number, "--kind", "退款",
                    "--amount", "¥1,200", "--reason", "质量问题，全额退款")
    assert proposed.returncode == 0, proposed.stderr
    offer_id, _, state = proposed.stdout.strip().partition(" ")
    assert state == "Waiting for approval"
    assert show_json(shop, number)["status"] == "awaiting_approval"
    pending = json.loads(shop("compensation", "list", "--pending", "--json").stdout)
    assert [(p["id"], p["amount"], p["kind"]) for p in pending] == [(int(offer_id), 1200.0,
                                                                     "refund")]
    staff_try = shop("--user", "clerk", "compensation", "decide", offer_id, "--approve",
                     "--reason", "同意")
    assert staff_try.returncode == 1 and "may not approve compensation" in staff_try.stderr
    approved = shop("--user", "boss", "compensation", "decide", offer_id, "--approve",
                    "--reason", "质量问题属实")
    assert approved.returncode == 0 and "Approved" in approved.stdout
    assert show_json(shop, number)["status"] == "in_progress"
    assert json.loads(shop("compensation", "list", "--pending", "--json").stdout) == []


def test_counter_offer_accepted_and_bad_amounts(shop: Run) -> None:
    number = _handled_case(shop)
    offer_id = shop("--user", "clerk", "compensation", "propose", number, "--kind", "cash",
                    "--amount", "800", "--reason", "误工").stdout.split()[0]
    countered = shop("--user", "boss", "compensation", "decide", offer_id, "--counter", "500",
                     "--reason", "部分补偿")
    assert countered.returncode == 0 and "Counter-offer" in countered.stdout
    accepted = shop("--user", "clerk", "compensation", "accept", offer_id)
    assert accepted.returncode == 0 and "Approved" in accepted.stdout
    everything = json.loads(shop("compensation", "list", "--json").stdout)
    assert [(o["status"], o["amount"]) for o in everything] == [("countered", 800.0),
                                                                ("approved", 500.0)]
    for amount, message in (("-5", "not an amount"), ("abc", "not an amount"),
                            ("9999999", "more than ¥1,000,000")):
        bad = shop("--user", "clerk", "compensation", "propose", number, "--kind", "cash",
                   "--amount", amount, "--reason", "x")
        assert bad.returncode == 2 and message in bad.stderr
    unknown = shop("--user", "clerk", "compensation", "propose", number, "--kind", "gold",
                   "--amount", "5", "--reason", "x")
    assert unknown.returncode == 2 and "Unknown kind of compensation" in unknown.stderr


def test_a_counter_offer_is_accepted_once_and_paid_once(shop: Run) -> None:
    number = _handled_case(shop)
    offer_id = shop("--user", "clerk", "compensation", "propose", number, "--kind", "cash",
                    "--amount", "1000", "--reason", "误工").stdout.split()[0]
    shop("--user", "boss", "compensation", "decide", offer_id, "--counter", "800",
         "--reason", "部分补偿")
    accepted = shop("--user", "clerk", "compensation", "accept", offer_id)
    assert accepted.returncode == 0, accepted.stderr
    for _ in range(2):
        again = shop("--user", "clerk", "compensation", "accept", offer_id)
        assert again.returncode == 1 and "already accepted by 小李" in again.stderr
    new_id = accepted.stdout.split()[0]
    paid = shop("--user", "clerk", "compensation", "pay", new_id, "--how", "cash",
                "--ref", "SJ-0042")
    assert paid.returncode == 0 and "¥800.00" in paid.stdout, paid.stderr
    twice = shop("--user", "boss", "compensation", "pay", new_id, "--how", "cash", "--ref", "x")
    assert twice.returncode == 1 and "already paid" in twice.stderr
    more = shop("--user", "clerk", "compensation", "pay", offer_id, "--how", "cash",
                "--ref", "x", "--amount", "900")
    assert more.returncode == 1  # the countered offer itself is not the one approved
    listed = {o["id"]: o for o in json.loads(shop("compensation", "list", "--json").stdout)}
    assert (listed[int(new_id)]["paid"], listed[int(new_id)]["paid_ref"]) == (800.0, "SJ-0042")
    assert listed[int(offer_id)]["paid"] is None


def test_an_administrator_cannot_make_an_owner(shop: Run) -> None:
    made = shop("--user", "boss", "user", "add", "adm", "--role", "admin",
                env={"COMPLAINT_DESK_NEW_PASSWORD": "admin-pw"})
    assert made.returncode == 0, made.stderr
    boss2 = shop("--user", "adm", "user", "add", "boss2", "--role", "owner", password="admin-pw",
                 env={"COMPLAINT_DESK_NEW_PASSWORD": "boss2-pw"})
    assert boss2.returncode == 1 and "may not manage Owner accounts" in boss2.stderr
    raised = shop("--user", "adm", "user", "role", "clerk", "--role", "owner",
                  password="admin-pw")
    assert raised.returncode == 1 and "may not manage Owner accounts" in raised.stderr
    manager = shop("--user", "adm", "user", "role", "clerk", "--role", "manager",
                   password="admin-pw")
    assert manager.returncode == 0, manager.stderr


def test_wrong_passwords_lock_the_account_for_the_command_line_too(shop: Run) -> None:
    """Five wrong passwords typed on another PC (here: in this process, a minute ago) lock
    the account for the command line as well: the lock is kept in the database."""
    open_desk(str(shop.database))  # type: ignore[attr-defined]
    try:
        for seconds in range(60, 10, -10):
            with pytest.raises(SignInError):
                users.authenticate("clerk", "guess", now=datetime.now() - timedelta(
                    seconds=seconds))
    finally:
        close_desk()
    locked = shop("--user", "clerk", "compensation", "propose", "TS-2026-000001", "--kind",
                  "cash", "--amount", "5", "--reason", "x")
    assert locked.returncode == 1 and "locked until" in locked.stderr
