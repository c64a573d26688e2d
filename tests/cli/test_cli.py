"""The command line: every command, its JSON, its exit codes and its refusals."""

import json
import tomllib
from pathlib import Path

import pytest

from tests.cli.conftest import Run, show_json

ADD = ("--user", "clerk", "add", "--customer", "张三", "--phone", "138-0013-8000",
       "--channel", "电话", "--category", "产品质量", "--description", "电饭煲用了三天就坏了",
       "--wish", "换新")
CASE_KEYS = {"number", "status", "received_at", "customer", "phone", "channel", "category",
             "severity", "flags", "description", "wish", "department", "handler",
             "first_response_due", "resolution_due", "root_cause", "resolution", "satisfaction",
             "version", "events"}


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_version_and_help(process: Run) -> None:
    version = process("--version")
    assert version.returncode == 0 and version.stdout.startswith("complaint-desk ")
    bare = process()
    assert bare.returncode == 0
    assert "No display found" in bare.stdout and "xvfb-run" in bare.stdout
    assert "COMMAND" in bare.stdout and "demo" in bare.stdout


def test_the_version_is_the_one_pyproject_gives(cli: Run) -> None:
    with (Path(__file__).resolve().parents[2] / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    assert cli("--version").stdout == f"complaint-desk {version}\n"


def test_the_smoke_test_opens_the_window_and_reports_what_it_loaded(shop: Run,
                                                                    process: Run) -> None:
    done = process("--smoke-test", "--user", "boss", "--lang", "zh_CN")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("OK    window: 投诉处理台 ")
    assert "complaint_desk_zh_CN.qm" in lines[1] and lines[1].startswith("OK")
    assert "qtbase_zh_CN.qm" in lines[1]  # Qt's own dialogs in Chinese too
    assert lines[2:5] == ["OK    icon: yes", "OK    pdf viewer: 1 page(s)",
                          "OK    chinese font: WenQuanYi Micro Hei"]
    assert lines[5] == "OK    platform: offscreen"  # no display here
    refused = process("--smoke-test", "--user", "boss", password="wrong")
    assert refused.returncode == 2 and refused.stdout == ""
    assert "--smoke-test" not in shop("--help").stdout  # for checking installs, not daily use


def test_init_then_add_users_on_a_fresh_database(cli: Run) -> None:
    env = {"COMPLAINT_DESK_NEW_PASSWORD": "secret"}
    created = cli("init", "--owner", "boss", "--business", "惠民小店", env=env)
    assert created.returncode == 0, created.stderr
    assert cli("init", "--owner", "again", env=env).returncode == 1
    added = cli("--user", "boss", "user", "add", "clerk", "--role", "staff", "--name", "小李",
                env=env)
    assert added.returncode == 0, added.stderr
    accounts = json.loads(cli("user", "list", "--json").stdout)
    assert [(a["username"], a["role"]) for a in accounts] == [("boss", "owner"),
                                                             ("clerk", "staff")]


def test_record_list_show_and_move_a_case(shop: Run) -> None:
    added = shop(*ADD, "--flag", "risk", "--received", "2026-03-05 10:30")
    assert added.returncode == 0, added.stderr
    number = added.stdout.strip()
    assert number == "TS-2026-000001"

    listed = shop("list", "--search", "电饭煲", "--json")
    assert [row["number"] for row in json.loads(listed.stdout)] == [number]
    assert "张三" in shop("--lang", "zh_CN", "list").stdout

    case = show_json(shop, number)
    assert set(case) >= CASE_KEYS
    assert (case["channel"], case["category"], case["phone"], case["flags"]) == (
        "phone", "product_quality", "13800138000", ["risk"])
    assert case["received_at"] == "2026-03-05T10:30:00"

    moved = shop("--user", "clerk", "move", number, "--to", "in_progress",
                 "--set", "department=售后部", "--set", "handler=clerk", "--note", "转售后")
    assert moved.returncode == 0, moved.stderr
    case = show_json(shop, number)
    assert (case["status"], case["department"], case["handler"]) == (
        "in_progress", "after_sales", "clerk")
    assert [e["field"] for e in case["events"]][-3:] == ["department", "handler", "status"]

    text = shop("--lang", "zh_CN", "show", number).stdout
    assert "处理记录" in text and "处理部门：售后部" in text and "新受理 → 处理中" in text


def test_solved_path_to_closed_from_the_command_line(shop: Run) -> None:
    number = shop(*ADD).stdout.strip()
    steps = [
        ("acknowledged",),
        ("in_progress", "department=after_sales", "handler=clerk"),
        ("resolved", "root_cause=RC03", "resolution=更换新品"),
        ("closed", "feedback=电话告知，客户满意", "satisfaction=5"),
    ]
    for target, *values in steps:
        sets = [arg for value in values for arg in ("--set", value)]
        result = shop("--user", "clerk", "move", number, "--to", target, *sets)
        assert result.returncode == 0, result.stderr
    case = show_json(shop, number)
    assert (case["status"], case["satisfaction"], case["root_cause"]) == ("closed", 5, "RC03")


@pytest.mark.parametrize(("args", "code", "message"), [
    (("move", "{n}", "--to", "resolved"), 1, "cannot go to Resolved"),
    (("move", "{n}", "--to", "rejected"), 1, "missing Reasoned answer (not upheld) (set answer)"),
    (("move", "{n}", "--to", "finished"), 2, "Unknown state “finished”"),
    (("move", "{n}", "--to", "acknowledged", "--set", "colour"), 2, "--set needs FIELD=VALUE"),
    (("move", "TS-2026-999999", "--to", "acknowledged"), 2, "There is no case TS-2026-999999"),
    (("move", "{n}", "--to", "in_progress", "--set", "department=仓库", "--set", "handler=clerk"),
     2, "Unknown department “仓库”"),
])
def test_refused_moves_say_why_and_change_nothing(shop: Run, args: tuple, code: int,
                                                  message: str) -> None:
    number = shop(*ADD).stdout.strip()
    before = show_json(shop, number)
    result = shop("--user", "clerk", *[a.format(n=number) for a in args])
    assert result.returncode == code
    assert message in _one_line(result.stderr)
    assert show_json(shop, number) == before


@pytest.mark.parametrize(("extra", "message"), [
    (("--received", "2026-13-45"), "is not a date and time"),
    (("--received", "2099-01-01"), "cannot be in the future"),
    (("--phone", "12"), "is not a phone number"),
    (("--description", "很" * 5001), "too long: 5001 characters"),
    (("--channel", "fax"), "Unknown channel “fax”"),
    (("--severity", "apocalyptic"), "Unknown severity"),
])
def test_bad_input_is_refused_with_exit_code_2(shop: Run, extra: tuple, message: str) -> None:
    args = list(ADD)
    for option, value in zip(extra[::2], extra[1::2], strict=True):
        if option in args:
            args[args.index(option) + 1] = value
        else:
            args += [option, value]
    result = shop(*args)
    assert result.returncode == 2 and message in _one_line(result.stderr)
    assert json.loads(shop("list", "--json").stdout) == []


def test_refusals_read_in_chinese(shop: Run) -> None:
    result = shop("--lang", "zh_CN", *ADD[:-2], "--description", "")
    assert result.returncode == 2 and "请填写投诉事件" in _one_line(result.stderr)


def test_acting_user_and_password_are_required_to_change_data(shop: Run) -> None:
    no_user = shop(*ADD[2:])
    assert no_user.returncode == 2 and "--user" in _one_line(no_user.stderr)
    wrong = shop(*ADD, password="guess")
    assert wrong.returncode == 1 and "Wrong user name or password" in wrong.stderr
    missing = shop(*ADD, password=None)
    assert missing.returncode == 2 and "COMPLAINT_DESK_PASSWORD" in missing.stderr
    staff_adds_user = shop("--user", "clerk", "user", "add", "x", "--role", "owner",
                           env={"COMPLAINT_DESK_NEW_PASSWORD": "secret"})
    assert staff_adds_user.returncode == 1 and "may not manage user accounts" in \
        staff_adds_user.stderr


def test_a_file_that_is_not_a_database(cli: Run, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("购物清单", encoding="utf-8")
    result = cli("--db", str(notes), "list")
    assert result.returncode == 2 and "not a Complaint Desk database" in _one_line(result.stderr)
    assert notes.read_text(encoding="utf-8") == "购物清单"
    assert cli("--db", str(notes), "check").returncode == 1


def test_usage_errors_are_one_line_with_exit_code_2(process: Run) -> None:
    result = process("list", "--limit", "many")
    assert result.returncode == 2 and "“many” is not a number of rows" in _one_line(result.stderr)
    assert process("list", "--limit", "0").returncode == 2
    assert process("frobnicate").returncode == 2


def test_demo_list_filters_and_check(cli: Run) -> None:
    filled = cli("demo", "--cases", "300", "--seed", "5")
    assert filled.returncode == 0 and "password “demo”" in filled.stdout
    assert cli("check").returncode == 0
    overdue = json.loads(cli("list", "--overdue", "--limit", "500", "--json").stdout)
    assert overdue and all(row["overdue"] for row in overdue)
    closed = json.loads(cli("list", "--status", "closed", "--category", "delivery",
                            "--json").stdout)
    assert closed and {(r["status"], r["category"]) for r in closed} == {("closed", "delivery")}
    again = cli("demo", "--cases", "5")
    assert again.returncode == 1 and "already has users or cases" in again.stderr


def test_check_fails_on_a_damaged_database(cli: Run) -> None:
    assert cli("demo", "--cases", "20").returncode == 0
    path = cli.database  # type: ignore[attr-defined]
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data), 4096):  # scribble over every page after the schema
        data[offset + 100: offset + 300] = b"\x00\x13" * 100
    path.write_bytes(bytes(data))
    result = cli("check")
    assert result.returncode == 1 and "FAIL" in result.stdout
