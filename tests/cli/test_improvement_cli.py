"""`action`, `training` and `warnings` from the command line: stable JSON keys, the same
exit codes and one-line refusals as every other command."""

import json
from datetime import date, timedelta

from tests.cli.conftest import Run

ADD = ("--user", "clerk", "add", "--customer", "张三", "--phone", "13800138000",
       "--channel", "phone", "--category", "product_quality", "--description", "电饭煲坏了")
DUE = (date.today() + timedelta(days=90)).isoformat()  # the command line runs on today


def _case(shop: Run, phone: str = "13800138000") -> str:
    added = shop(*ADD[:6], phone, *ADD[7:])
    assert added.returncode == 0, added.stderr
    return added.stdout.strip()


def _action(shop: Run, *more: str) -> str:
    added = shop("--user", "boss", "action", "add", "--title", "电饭煲来货抽检",
                 "--owner", "clerk", "--due", DUE, "--root-cause", "RC03", *more)
    assert added.returncode == 0, added.stderr
    return added.stdout.strip()


def test_an_action_from_add_to_done_with_its_cases(shop: Run) -> None:
    first, second = _case(shop), _case(shop, "13900000002")
    action = _action(shop, "--case", first, "--category", "产品质量")
    linked = shop("--user", "clerk", "action", "link", action, second)
    assert linked.returncode == 0 and "1 case(s) linked" in linked.stdout
    again = shop("--user", "clerk", "action", "link", action, second, "--lang", "zh_CN")
    assert again.returncode == 0
    assert again.stdout.strip() == f"已关联第 {action} 号整改措施，未重复添加：{second}。"
    listed = json.loads(shop("action", "list", "--json").stdout)
    assert listed == [{"id": int(action), "title": "电饭煲来货抽检", "status": "open",
                       "owner": "clerk", "due": DUE, "check_due": None, "case_count": 2}]
    moved = shop("--user", "clerk", "action", "move", action, "--to", "in_progress")
    assert moved.returncode == 0 and moved.stdout.strip() == f"#{action}: In progress"
    early = shop("--user", "clerk", "action", "move", action, "--to", "done")
    assert early.returncode == 1 and "fill in: Cause analysis" in early.stderr
    done = shop("--user", "clerk", "action", "move", action, "--to", "done",
                "--set", "analysis=为什么：模具磨损", "--set", "action=每批抽检十台")
    assert done.returncode == 0, done.stderr
    shown = json.loads(shop("action", "show", action, "--json").stdout)
    assert {k: shown[k] for k in ("id", "title", "status", "owner", "due", "cases",
                                  "root_causes", "before_count", "after_count")} == {
        "id": int(action), "title": "电饭煲来货抽检", "status": "done", "owner": "clerk",
        "due": DUE, "cases": [first, second], "root_causes": ["RC03"], "before_count": 0,
        "after_count": 0}
    assert shown["check_due"] is not None and shown["categories"] == ["product_quality"]
    text = shop("action", "show", action, "--lang", "zh_CN")
    assert text.returncode == 0 and "整改责任人" in text.stdout and first in text.stdout
    unlinked = shop("--user", "clerk", "action", "unlink", action, first)
    assert unlinked.returncode == 0
    assert json.loads(shop("action", "show", action, "--json").stdout)["cases"] == [second]


def test_refusals_are_one_line_with_the_usual_exit_codes(shop: Run) -> None:
    staff = shop("--user", "clerk", "action", "add", "--title", "x", "--owner", "clerk",
                 "--due", DUE)
    assert staff.returncode == 1 and "may not direct corrective actions" in staff.stderr
    bad = shop("--user", "boss", "action", "add", "--title", "x", "--owner", "nobody",
               "--due", "2020-01-01")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "nobody" in bad.stderr and "before today" in bad.stderr
    missing = shop("action", "show", "999")
    assert missing.returncode == 2 and "no corrective action #999" in missing.stderr
    huge = shop("action", "show", "9" * 25)
    assert huge.returncode == 2
    action = _action(shop)
    wrong = shop("--user", "boss", "action", "move", action, "--to", "verified")
    assert wrong.returncode == 1 and "cannot go to" in wrong.stderr
    state = shop("--user", "boss", "action", "move", action, "--to", "finished")
    assert state.returncode == 2 and "Unknown state" in state.stderr
    setting = shop("--user", "boss", "action", "move", action, "--to", "cancelled",
                   "--set", "colour=red")
    assert setting.returncode == 2 and "--set needs FIELD=VALUE" in setting.stderr
    cancelled = shop("--user", "boss", "action", "move", action, "--to", "cancelled",
                     "--note", "重复")
    assert cancelled.returncode == 0


def test_training_is_recorded_and_listed(shop: Run) -> None:
    action = _action(shop)
    added = shop("--user", "boss", "training", "add", "--date", "2025-12-01", "--topic",
                 "来货检验", "--trainer", "供应商质检员", "--attendee", "clerk,boss",
                 "--action", action)
    assert added.returncode == 0, added.stderr
    listed = json.loads(shop("training", "list", "--json").stdout)
    assert [(t["topic"], t["attendees"], t["action"]) for t in listed] == [
        ("来货检验", ["boss", "clerk"], int(action))]
    mine = json.loads(shop("--user", "clerk", "training", "list", "--json").stdout)
    assert [t["id"] for t in mine] == [int(added.stdout)]
    staff = shop("--user", "clerk", "training", "add", "--date", "2025-12-01", "--topic", "x",
                 "--trainer", "y", "--attendee", "clerk")
    assert staff.returncode == 1
    ahead = shop("--user", "boss", "training", "add", "--date", "2099-01-01", "--topic", "x",
                 "--trainer", "y", "--attendee", "clerk")
    assert ahead.returncode == 2 and "future" in ahead.stderr


def test_warnings_fire_once_and_are_dismissed(shop: Run) -> None:
    for phone in ("13900000001", "13900000002", "13900000003", "13900000004"):
        _case(shop, phone)
    quiet = json.loads(shop("warnings", "--json").stdout)
    assert quiet["fired"] == [] and quiet["warnings"] == []  # 4 of one category: not yet
    _case(shop, "13900000005")
    listed = json.loads(shop("warnings", "--json").stdout)
    assert listed["fired"] == []  # it fired when the fifth case was recorded
    (warning,) = listed["warnings"]
    assert (warning["rule"], warning["status"], len(warning["cases"])) == ("count", "open", 5)
    assert warning["text"] == "5 cases of Product quality within 7 days"
    later = json.loads(shop("warnings", "--at", "2099-01-01 09:00", "--json").stdout)
    assert later["fired"] == [] and len(later["warnings"]) == 1
    staff = shop("--user", "clerk", "warnings", "--dismiss", str(warning["id"]), "--note", "知道了")
    assert staff.returncode == 1
    looking = shop("--user", "clerk", "warnings", "--all", "--json")
    assert looking.returncode == 1 and looking.stdout == ""
    assert "for managers and the owner" in looking.stderr
    assert len(looking.stderr.strip().splitlines()) == 1
    assert json.loads(shop("--user", "boss", "warnings", "--json").stdout)["warnings"]
    dismissed = shop("--user", "boss", "warnings", "--dismiss", str(warning["id"]), "--note",
                     "同一批次，已通知供应商")
    assert dismissed.returncode == 0 and "0 listed" in dismissed.stdout
    every = json.loads(shop("warnings", "--all", "--json").stdout)["warnings"]
    assert [(w["status"], w["note"]) for w in every] == [("dismissed", "同一批次，已通知供应商")]


def test_an_action_added_for_a_warning_links_its_cases_and_addresses_its_category(
        shop: Run) -> None:
    numbers = [_case(shop, f"1390000000{n}") for n in range(1, 6)]
    (warning,) = json.loads(shop("warnings", "--json").stdout)["warnings"]
    added = shop("--user", "boss", "action", "add", "--title", "电饭煲来货抽检", "--owner",
                 "clerk", "--due", DUE, "--warning", str(warning["id"]), "--json")
    assert added.returncode == 0, added.stderr
    action = json.loads(added.stdout)
    assert sorted(action["cases"]) == sorted(numbers)
    assert (action["categories"], action["root_causes"]) == (["product_quality"], [])
    every = json.loads(shop("warnings", "--all", "--json").stdout)["warnings"]
    assert [w["status"] for w in every] == ["acted"]


def test_action_list_prints_english_words_whole(shop: Run) -> None:
    action = _action(shop)
    shop("--user", "boss", "action", "move", action, "--to", "in_progress")
    listed = shop("action", "list")
    assert listed.returncode == 0, listed.stderr
    header, row = listed.stdout.splitlines()[:2]
    for words in ("Action owner", "Effect checked on"):
        assert words in header
    assert "In progress" in row and "…" not in listed.stdout
