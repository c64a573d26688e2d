"""Upgrading databases saved by older versions, from the stored files of each version."""

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from peewee import Database
from playhouse.migrate import SchemaMigrator

from app.errors import DatabaseUnusableError
from app.models import Complaint, Customer, SchemaVersion, database_proxy
from app.models.migrations import CURRENT_VERSION, STEPS
from app.services.desk import integrity
from app.services.desk.store import close_desk, open_desk
from app.services.register import listing
from tests.conftest import NOW

FIXTURES = Path(__file__).parent.parent / "fixtures"
OLD_VERSIONS = sorted(int(p.stem.split("-v")[1]) for p in FIXTURES.glob("schema-v*.sqlite3"))


def _copy_fixture(version: int, tmp_path: Path) -> Path:
    target = tmp_path / f"shop-v{version}.sqlite3"
    shutil.copy(FIXTURES / f"schema-v{version}.sqlite3", target)
    return target


def _schema(path: Path) -> dict[str, object]:
    """Every table's columns (name, type, not-null, default); every index's and trigger's SQL."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'complaint_search_%' ORDER BY name").fetchall()
        shape: dict[str, object] = {}
        for kind, name, sql in rows:
            if kind == "table":
                shape[name] = [r[1:5] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            else:
                shape[name] = " ".join((sql or "").replace('"', "").split())
    conn.close()
    return shape


def test_every_step_up_to_the_current_version_exists() -> None:
    assert sorted(STEPS) == list(range(2, CURRENT_VERSION + 1))
    assert OLD_VERSIONS and OLD_VERSIONS[0] == 1


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_old_database_upgrades_to_the_same_schema_as_a_new_one(version: int,
                                                               tmp_path: Path) -> None:
    old = _copy_fixture(version, tmp_path)
    opened = open_desk(str(old))
    assert opened.upgraded_from == version
    assert SchemaVersion.get().version == CURRENT_VERSION
    close_desk()
    fresh = tmp_path / "fresh.sqlite3"
    open_desk(str(fresh))
    close_desk()
    assert _schema(old) == _schema(fresh)


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_the_file_is_copied_before_it_is_upgraded(version: int, tmp_path: Path) -> None:
    old = _copy_fixture(version, tmp_path)
    opened = open_desk(str(old))
    close_desk()
    assert opened.backup is not None and opened.backup.exists()
    with sqlite3.connect(opened.backup) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == version
    conn.close()


def test_cases_saved_before_the_search_index_existed_are_found_after_upgrade(
        tmp_path: Path) -> None:
    old = _copy_fixture(1, tmp_path)
    with sqlite3.connect(old) as conn:
        conn.execute("INSERT INTO customer (name, phone, address, note, created_at, updated_at) "
                     "VALUES ('陈静', '13912345678', '', '', '2025-06-01', '2025-06-01')")
        conn.execute(
            "INSERT INTO category (code, name_zh, name_en, profile, active, sort_order) "
            "VALUES ('product_quality', '产品质量', 'Product quality', 'shop', 1, 0)")
        conn.execute(
            "INSERT INTO complaint (number, customer_id, channel, category_id, severity, "
            "flag_group, flag_risk, flag_management, description, wish, mood, reference, "
            "received_at, status, profile, fault_party, facts, resolution, answer, feedback, "
            "created_at, updated_at, version) VALUES ('TS-2025-000001', 1, 'phone', 1, "
            "'medium', 0, 0, 0, '冰箱冷藏室不制冷', '', '', '', '2025-06-01 10:00:00', 'new', "
            "'shop', '', '', '', '', '', '2025-06-01', '2025-06-01', 1)")
    conn.close()
    open_desk(str(old))
    try:
        found = listing.fetch_page(listing.CaseQuery(search="不制冷"), now=NOW)
        assert [row.number for row in found] == ["TS-2025-000001"]
    finally:
        close_desk()


def test_cases_saved_before_step_10_are_found_by_one_or_two_characters(
        tmp_path: Path) -> None:
    open_desk(str(_copy_fixture(9, tmp_path)))
    try:
        rows = (Complaint.select(Complaint.id, Complaint.number, Customer.name, Customer.phone,
                                 Complaint.description, Complaint.wish).join(Customer).tuples())
        for term in ("思", "停车", "元", "13", "-2"):
            expected = {case_id for case_id, *texts in rows if any(term in t for t in texts)}
            found = listing.ordered_ids(listing.CaseQuery(search=term), now=NOW)
            assert expected and set(found) == expected, term
        assert [check.name.en for check in integrity.run_checks() if not check.ok] == []
    finally:
        close_desk()


def test_a_failing_step_leaves_the_old_version_and_data(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    old = _copy_fixture(1, tmp_path)

    def broken(database: Database, migrator: SchemaMigrator) -> None:
        database.execute_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("power cut")

    monkeypatch.setitem(STEPS, 2, broken)
    with pytest.raises(DatabaseUnusableError, match="failed \\(power cut\\)"):
        open_desk(str(old))
    close_desk()
    with sqlite3.connect(old) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "half_done" not in tables


def test_open_leaves_a_current_database_alone(sqlite_db: Path) -> None:
    close_desk()
    opened = open_desk(str(sqlite_db))
    assert not opened.created and opened.upgraded_from is None and opened.backup is None
    assert database_proxy.obj is not None


def test_step_3_fills_in_last_contact_and_escalations(tmp_path: Path) -> None:
    old = _copy_fixture(2, tmp_path)
    with sqlite3.connect(old) as conn:
        conn.execute("INSERT INTO customer (name, phone, address, note, created_at, updated_at) "
                     "VALUES ('陈静', '13912345678', '', '', '2025-06-01', '2025-06-01')")
        conn.execute("INSERT INTO category (code, name_zh, name_en, profile, active, sort_order)"
                     " VALUES ('service', '服务不周', 'Service', 'shop', 1, 0)")
        for number, status, flag_risk, first_answer in (
                ("TS-2025-000001", "in_progress", 1, "2025-06-01 12:00:00"),
                ("TS-2025-000002", "closed", 1, None), ("TS-2025-000003", "new", 0, None)):
            conn.execute(
                "INSERT INTO complaint (number, customer_id, channel, category_id, severity, "
                "flag_group, flag_risk, flag_management, description, wish, mood, reference, "
                "received_at, status, profile, fault_party, facts, resolution, answer, "
                "feedback, first_response_at, created_at, updated_at, version) VALUES "
                "(?, 1, 'phone', 1, 'medium', 0, ?, 0, '店员态度差', '', '', '', "
                "'2025-06-01 10:00:00', ?, 'shop', '', '', '', '', '', ?, '2025-06-01', "
                "'2025-06-01', 1)", (number, flag_risk, status, first_answer))
    conn.close()
    open_desk(str(old))
    try:
        rows = {c.number: c for c in Complaint.select()}
        assert rows["TS-2025-000001"].last_contact_at == datetime(2025, 6, 1, 12, 0)
        assert rows["TS-2025-000003"].last_contact_at == datetime(2025, 6, 1, 10, 0)
        assert rows["TS-2025-000001"].escalated_at is not None
        assert rows["TS-2025-000001"].escalation_ack_at is None  # still open: managers see it
        assert rows["TS-2025-000002"].escalation_ack_at is not None  # decided long ago
        assert rows["TS-2025-000003"].escalated_at is None
        assert not rows["TS-2025-000003"].complex_case
    finally:
        close_desk()


def test_step_7_carries_an_old_corrective_action_over(tmp_path: Path) -> None:
    from app.models import ActionCase, ActionRootCause, CorrectiveAction, Event, RootCause

    old = _copy_fixture(6, tmp_path)
    with sqlite3.connect(old) as conn:  # the old one-case table no version ever wrote to
        conn.execute(
            "INSERT INTO corrective_action (complaint_id, root_cause_id, owner_id, description, "
            "due_at, done_at, created_at) VALUES (1, 3, 2, ?, '2026-04-30 18:00:00', NULL, "
            "'2026-03-01 09:00:00')", ("供应商来货抽检：每批电饭煲开箱检查十台",))
    conn.close()
    open_desk(str(old))
    try:
        action = CorrectiveAction.get()
        assert action.title.startswith("供应商来货抽检") and action.measure == action.title
        assert (action.status, action.owner_id, str(action.due_on)) == ("open", 2, "2026-04-30")
        assert [link.complaint_id for link in ActionCase.select()] == [1]
        causes = [RootCause.get_by_id(r.root_cause_id).code for r in ActionRootCause.select()]
        assert causes == ["RC03"]
        assert not Event.select().where(Event.action.is_null(False)).exists()
        assert all(result.ok for result in integrity.run_checks())  # the chain still holds
    finally:
        close_desk()
