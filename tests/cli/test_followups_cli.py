"""`reminders`, `followup` and `followup-done` from the command line."""

import json
from datetime import datetime, timedelta

from tests.cli.conftest import Run, show_json

ADD = ("--user", "clerk", "add", "--customer", "张三", "--phone", "13800138000",
       "--channel", "phone", "--category", "billing", "--description", "多收了十元",
       "--received", "2026-03-02 10:00")


def test_follow_up_then_done_then_reminders(shop: Run) -> None:
    number = shop(*ADD).stdout.strip()
    added = shop("--user", "clerk", "followup", number, "--due", "2026-03-03 09:30",
                 "--note", "回电确认退款")
    assert added.returncode == 2 and "already passed" in added.stderr  # in the past
    added = shop("--user", "clerk", "followup", number, "--due", "2099-01-01 09:30",
                 "--note", "回电确认退款")
    assert added.returncode == 2 and "more than a year" in added.stderr
    at = "2026-03-02 12:00"
    listed = shop("reminders", "--user", "clerk", "--at", at, "--json")
    assert listed.returncode == 0
    found = json.loads(listed.stdout)
    assert found["counts"] == {"action": 0, "overdue": 0, "today": 1, "soon": 0, "escalated": 0,
                               "warning": 0}
    assert found["groups"]["today"][0]["kind"] == "first_answer"
    later = shop("reminders", "--at", "2026-03-20 09:00")
    assert later.returncode == 0 and "Overdue (3)" in later.stdout and number in later.stdout
    everyone = json.loads(shop("reminders", "--at", "2026-03-20 09:00", "--json").stdout)
    assert everyone["overdue_by"] == {"handler": {}, "department": {}}  # not yet assigned


def test_followup_done_records_satisfaction(shop: Run) -> None:
    number = shop(*ADD[:-2]).stdout.strip()  # received now
    tomorrow = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    follow_up_id = shop("--user", "clerk", "followup", number, "--due", tomorrow,
                        "--note", "回电确认退款").stdout.strip()
    done = shop("--user", "clerk", "followup-done", follow_up_id, "--outcome", "客户确认收到退款",
                "--satisfaction", "4")
    assert done.returncode == 0, done.stderr
    assert show_json(shop, number)["satisfaction"] == 4
    again = shop("--user", "clerk", "followup-done", follow_up_id, "--outcome", "again")
    assert again.returncode == 1 and "already done" in again.stderr
    bad = shop("--user", "clerk", "followup-done", "999", "--outcome", "x")
    assert bad.returncode == 2 and "no follow-up 999" in bad.stderr


def test_show_explains_the_deadline(shop: Run) -> None:
    number = shop(*ADD).stdout.strip()
    text = shop("show", number).stdout
    section = text.split("How the deadline was reached")[1].split("Timeline")[0]
    assert "Decision due: 2026-03-09 18:00" in section
    assert "Shop profile: first answer the same day, decision within 7 days" in section
