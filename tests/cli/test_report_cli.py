"""`report` and the drill-down options of `list`: a figure checked from the command line."""

import json
from pathlib import Path

import pytest

from app.services import users
from app.services.desk.store import close_desk, open_desk
from tests.cli.conftest import Run
from tests.conftest import NOW
from tests.services.analysis_world import World


@pytest.fixture(scope="module")
def world_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-built February of tests/services/analysis_world, in a database file."""
    path = tmp_path_factory.mktemp("world") / "world.sqlite3"
    open_desk(str(path))
    owner = users.create_user(username="owner", display_name="王老板", role="owner",
                              password="secret", actor=None, now=NOW)
    made = {name: users.create_user(username=name, display_name=name, role=role,
                                    password="secret", actor=owner, now=NOW)
            for name, role in (("staff1", "staff"), ("staff2", "staff"), ("manager", "manager"))}
    World(made["staff1"], made["staff2"], made["manager"]).build()
    close_desk()
    return path


@pytest.fixture
def desk(cli: Run, world_file: Path) -> Run:
    import shutil

    shutil.copy(world_file, cli.database)  # type: ignore[attr-defined]
    return cli


def test_report_json_has_the_figures_and_each_matches_list(desk: Run) -> None:
    done = desk("report", "--period", "2026-02", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["period"]["from"] == "2026-02-01" and data["period"]["to"] == "2026-02-28"
    assert (data["received"], data["decided"], data["not_upheld"]) == (6, 4, 1)
    assert data["by_category"][0]["code"] == "product_quality"
    for key, kind in (("received", "received"), ("decided", "decided"),
                      ("decided_late", "decided_late"), ("open_at_end", "open_at_end"),
                      ("not_upheld", "not_upheld"), ("repeat_customer_cases", "repeat")):
        listed = desk("list", "--figure", kind, "--period", "2026-02", "--json",
                      "--limit", "1000")
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)) == data[key], key
    counted = desk("list", "--figure", "decided", "--period", "2026-02", "--root-cause",
                   "RC03", "--count")
    assert counted.stdout.strip() == str(data["by_root_cause"][0]["count"])


def test_list_gains_the_drill_down_filters(desk: Run) -> None:
    def count(*options: str) -> int:
        done = desk("list", *options, "--count", "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)["count"]

    assert count("--channel", "微信") == 1
    assert count("--decided-late") == 2
    assert count("--fault-department", "售后部") == 3
    assert count("--from", "2026-02-01", "--to", "2026-02-28", "--handler", "staff2") == 1
    refused = desk("list", "--figure", "decided")
    assert refused.returncode == 2 and "--period" in refused.stderr


def test_report_period_return_and_staff_scope(desk: Run) -> None:
    done = desk("report", "--kind", "return", "--period", "2026-02", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["decided_within"][0]["count"] == 4 and data["open_at_end"] == 3
    mine = desk("--user", "staff2", "report", "--period", "2026-02", "--json")
    assert json.loads(mine.stdout)["received"] == 1
    refused = desk("--user", "staff2", "report", "--period", "2026-02", "--handler", "staff1")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    text = desk("--lang", "zh_CN", "report", "--period", "2026-02")
    assert "2026年2月" in text.stdout and "受理" in text.stdout
    bad = desk("report", "--period", "February")
    assert bad.returncode == 2


def test_report_writes_the_pack_and_the_return(desk: Run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tests.reports.conftest import pdf_text, squeezed

    pack = desk("--lang", "zh_CN", "report", "--period", "2026-02", "--out",
                str(tmp_path / "review.pdf"))
    assert pack.returncode == 0, pack.stderr
    assert "产品质量占本月投诉的33%" in squeezed(pdf_text(tmp_path / "review.pdf"))
    book = desk("report", "--period", "2026-02", "--out", str(tmp_path / "review.xlsx"))
    assert book.returncode == 0 and "Summary" in load_workbook(tmp_path / "review.xlsx").sheetnames
    back = desk("report", "--kind", "return", "--period", "2026-02", "--out",
                str(tmp_path / "return.xlsx"))
    assert back.returncode == 0 and "Return" in load_workbook(tmp_path / "return.xlsx").sheetnames
    wrong = desk("report", "--out", str(tmp_path / "review.docx"))
    assert wrong.returncode == 2
