"""`backup`, `restore` and `migrate` through the entry point, as a script would run them."""

import json
from pathlib import Path

import pytest

from app.models.connection import display_url
from tests.cli.conftest import Run
from tests.postgres_desk import PG_URL, FreshPostgresDatabase

ADD = ("--user", "clerk", "add", "--customer", "张三", "--phone", "13800138000", "--channel",
       "电话", "--category", "产品质量", "--json", "--description")


def _add(shop: Run, description: str) -> str:
    result = shop(*ADD, description)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["number"]


def test_backup_then_restore_round_trip(shop: Run, tmp_path: Path) -> None:
    kept = _add(shop, "备份前的投诉")
    made = shop("backup", "--json")
    assert made.returncode == 0, made.stderr
    info = json.loads(made.stdout)
    assert info["ok"] and info["cases"] == 1 and info["newest_case"] == kept
    assert Path(info["file"]).parent == shop.database.parent / "Backups"  # type: ignore[attr-defined]
    added = _add(shop, "备份后的投诉")
    refused = shop("--user", "clerk", "restore", info["file"])
    assert refused.returncode == 1 and "may not restore a backup" in refused.stderr
    done = shop("--user", "boss", "restore", info["file"], "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["cases"] == 1 and Path(result["previous_kept_at"]).is_file()
    numbers = [c["number"] for c in json.loads(shop("list", "--json").stdout)]
    assert numbers == [kept] and added not in numbers
    check = shop("check")
    assert check.returncode == 0 and "FAIL" not in check.stdout


def test_backup_to_a_folder_and_a_failure_exits_1(shop: Run, tmp_path: Path) -> None:
    made = shop("backup", "--to", str(tmp_path / "U盘"))
    assert made.returncode == 0 and "Backup made and checked" in made.stdout
    assert len(list((tmp_path / "U盘").glob("shop-*.sqlite3"))) == 1
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    failed = shop("backup", "--to", str(blocker / "sub"))
    assert failed.returncode == 1 and failed.stderr.startswith("complaint-desk: The backup "
                                                               "failed:")
    wrong = shop("backup", "--to", str(blocker))
    assert wrong.returncode == 2 and "--to names a folder" in wrong.stderr


def test_restore_without_a_user_says_so(shop: Run) -> None:
    made = json.loads(shop("backup", "--json").stdout)
    result = shop("restore", made["file"])
    assert result.returncode == 2 and "--user NAME" in result.stderr


@pytest.mark.skipif(not PG_URL, reason="needs COMPLAINT_DESK_TEST_PG")
def test_migrate_to_a_server_then_back_it_up_there(shop: Run, tmp_path: Path) -> None:
    number = _add(shop, "迁移前的投诉")
    with FreshPostgresDatabase() as url:
        moved = shop("--user", "boss", "migrate", "--to", url, "--json")
        assert moved.returncode == 0, moved.stderr
        result = json.loads(moved.stdout)
        assert result["tables"]["complaint"] == {"file": 1, "server": 1}
        assert all(check["ok"] for check in result["check"])
        assert result["server"] == display_url(url)  # never a password
        listed = shop("--db", url, "list", "--json")
        assert [c["number"] for c in json.loads(listed.stdout)] == [number]
        dump = shop("--db", url, "backup", "--to", str(tmp_path), "--json")
        if dump.returncode == 0:  # pg_dump installed
            assert json.loads(dump.stdout)["file"].endswith(".dump")
        else:
            assert "is not installed on this PC" in dump.stderr
        again = shop("--user", "boss", "migrate", "--to", url)
        assert again.returncode == 1 and "already holds tables" in again.stderr
