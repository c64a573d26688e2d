"""`compensation` from the command line: propose, list, decide with the password."""

import json

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
