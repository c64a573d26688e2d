"""`merge`, `unmerge`, `customer …` and `retention` from the command line: what they print,
their JSON and their exit codes."""

import json
from datetime import date, timedelta
from pathlib import Path

from tests.cli.conftest import Run, show_json

ADD = ("--user", "clerk", "add", "--customer", "张三", "--phone", "13800138000",
       "--channel", "phone", "--category", "billing", "--description", "多收了十元")


def _add(shop: Run, *more: str) -> str:
    result = shop(*ADD, *more)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_merge_and_unmerge(shop: Run) -> None:
    kept = _add(shop, "--received", "2026-03-02 10:00")
    duplicate = _add(shop, "--received", "2026-03-02 11:00")
    refused = shop("--user", "clerk", "merge", duplicate, "--into", kept)
    assert refused.returncode == 1 and "may not merge cases" in refused.stderr
    merged = shop("--user", "boss", "merge", duplicate, "--into", kept, "--json")
    assert merged.returncode == 0, merged.stderr
    assert json.loads(merged.stdout)["into"] == kept
    shown = show_json(shop, duplicate)  # the old number leads to the case kept
    assert shown["number"] == kept and shown["merged"] == [duplicate]
    assert f"{duplicate} was merged into {kept}" in shop("show", duplicate).stdout
    again = shop("--user", "boss", "merge", duplicate, "--into", kept)
    assert again.returncode == 1 and "already merged" in again.stderr
    undone = shop("--user", "boss", "unmerge", duplicate)
    assert undone.returncode == 0 and duplicate in undone.stdout
    assert show_json(shop, duplicate)["number"] == duplicate
    missing = shop("--user", "boss", "unmerge", "TS-2026-999999")
    assert missing.returncode == 2 and "no case" in missing.stderr


def test_customer_show_merge_correct_and_export(shop: Run, tmp_path: Path) -> None:
    first = _add(shop)
    second = _add(shop, "--phone", "13911112222")
    joined = shop("--user", "boss", "customer", "merge", "13911112222", "--into", "13800138000")
    assert joined.returncode == 0, joined.stderr
    shown = json.loads(shop("customer", "show", "139-1111-2222", "--json").stdout)
    assert shown["phone"] == "13800138000" and shown["other_phones"] == ["13911112222"]
    assert sorted(case["number"] for case in shown["cases"]) == sorted([first, second])
    assert shop("customer", "show", "13000000000").returncode == 2
    fixed = shop("--user", "clerk", "customer", "correct", "13800138000", "--name", "张三丰")
    assert fixed.returncode == 0, fixed.stderr
    assert show_json(shop, first)["customer"] == "张三丰"
    files = [str(tmp_path / "record.pdf"), str(tmp_path / "record.xlsx")]
    exported = shop("--user", "clerk", "customer", "export", "13800138000", "--out", files[0],
                    "--out", files[1])
    assert exported.returncode == 0, exported.stderr
    assert all(Path(name).stat().st_size > 1000 for name in files)
    wrong = shop("--user", "clerk", "customer", "export", "13800138000", "--out", "r.doc")
    assert wrong.returncode == 2


def test_retention_and_erasure_are_the_owners(shop: Run) -> None:
    number = _add(shop, "--received", "2020-03-02 10:00")
    closed = shop("--user", "clerk", "move", number, "--to", "closed", "--set",
                  "root_cause=RC03", "--set", "resolution=退款", "--set", "feedback=已告知")
    assert closed.returncode == 0, closed.stderr
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    dry = json.loads(shop("retention", "--before", tomorrow, "--dry-run", "--json").stdout)
    assert (dry["dry_run"], dry["cases"], dry["skipped_review"]) == (True, 0, 1)  # just decided
    future = shop("retention", "--before", "2099-01-01", "--dry-run")
    assert future.returncode == 2 and "in the future" in future.stderr
    refused = shop("--user", "clerk", "retention", "--before", tomorrow)
    assert refused.returncode == 1 and "may not remove personal data" in refused.stderr
    refused = shop("--user", "clerk", "customer", "erase", "13800138000")
    assert refused.returncode == 1
    erased = shop("--user", "boss", "customer", "erase", "13800138000")
    assert erased.returncode == 0 and "1 case" in erased.stdout, erased.stderr
    assert show_json(shop, number)["customer"] == "[removed]"
    gone = shop("customer", "show", "13800138000")
    assert gone.returncode == 2 and "No customer" in gone.stderr
