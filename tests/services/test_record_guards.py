"""The record cannot be rewritten (problem 7 of the money-and-trust report): the database
refuses to alter the append-only rows, and `check` notices what was done behind its back."""

import shutil
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

import peewee
import pytest

from app.models import (
    CompensationOffer,
    Complaint,
    Event,
    EventChain,
    Payment,
    User,
    database_proxy,
)
from app.services import audit
from app.services.casework import attachments, followups, workflow
from app.services.compensation import offers, payments
from app.services.demo import generate
from app.services.desk import integrity
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW
from tests.races import at_once

MakeCase = Callable[..., Complaint]
DEMO_NOW = NOW


def _is_postgres() -> bool:
    return isinstance(database_proxy.obj, peewee.PostgresqlDatabase)


def _refused(sql: str) -> None:
    """`sql` must fail, leaving the database as it was."""
    with pytest.raises(peewee.DatabaseError), database_proxy.atomic():
        database_proxy.execute_sql(sql)


def _failed() -> dict[str, str]:
    return {r.name.en: r.detail for r in integrity.run_checks() if not r.ok}


@pytest.fixture
def paid_case(make_case: MakeCase, staff: User) -> Complaint:
    """A case with an approved, paid offer and a refused one."""
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    offer = offers.propose(case.id, expected_version=case.version, kind="voucher",
                           amount="100", reason="补偿", actor=staff, now=NOW)
    payments.pay(offer.id, method="voucher", reference="Q-001", actor=staff, now=NOW)
    followups.add_follow_up(case.id, due_at=NOW, note="回电",
                            actor=staff, now=NOW)
    attachments.add_attachment(Complaint.get_by_id(case.id), file_name="receipt.jpg",
                               data=b"\xff\xd8\xff photo", actor=staff, now=NOW)
    return Complaint.get_by_id(case.id)


def test_events_decided_offers_and_payments_cannot_be_rewritten(paid_case: Complaint) -> None:
    for sql in ("UPDATE event SET note = 'x'", "DELETE FROM event",
                "UPDATE compensation_offer SET amount_fen = 1",
                "UPDATE compensation_offer SET status = 'refused'",
                "DELETE FROM compensation_offer", "UPDATE payment SET amount_fen = 99999",
                "DELETE FROM payment", 'DELETE FROM "user"', "DELETE FROM follow_up",
                "DELETE FROM event_chain", "DELETE FROM complaint", "DELETE FROM customer",
                "DELETE FROM attachment", "DELETE FROM attachment_data",
                "UPDATE attachment_data SET attachment_id = attachment_id"):
        _refused(sql)
    if _is_postgres():
        for table in ("event", "payment", "compensation_offer", "complaint", '"user"'):
            _refused(f"TRUNCATE {table} CASCADE")
    else:  # REPLACE deletes the row it replaces: the delete guards see it
        first = Event.select().order_by(Event.id).first()
        _refused(f"REPLACE INTO event (id, at, kind, field, old_value, new_value, note, hash) "
                 f"VALUES ({first.id}, '2026-01-01', 'note', '', '', 'rewritten', '', '')")
        _refused("INSERT OR REPLACE INTO payment (id, offer_id, amount_fen, paid_at, method, "
                 "reference, paid_by_id, recorded_at, note) SELECT id, offer_id, 1, paid_at, "
                 "method, reference, paid_by_id, recorded_at, note FROM payment")
    assert Payment.get().amount_fen == 10000 and Event.select().count() > 3
    assert not _failed()


def test_a_waiting_offer_changes_only_by_its_decision(make_case: MakeCase, staff: User) -> None:
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    offer = offers.propose(case.id, expected_version=case.version, kind="refund",
                           amount="900", reason="退款", actor=staff, now=NOW)
    _refused(f"UPDATE compensation_offer SET amount_fen = 5 WHERE id = {offer.id}")
    _refused(f"UPDATE compensation_offer SET requester_id = 1 WHERE id = {offer.id}")
    assert CompensationOffer.get_by_id(offer.id).amount_fen == 90000


def test_the_database_pays_only_approved_offers_up_to_their_amount(paid_case: Complaint,
                                                                  staff: User) -> None:
    approved = CompensationOffer.get(CompensationOffer.status == "approved")
    waiting = offers.propose(paid_case.id, expected_version=paid_case.version, kind="refund",
                             amount="900", reason="退款", actor=staff, now=NOW)
    for offer_id, fen in ((waiting.id, 100), (approved.id, 10001)):
        _refused(f"INSERT INTO payment (offer_id, amount_fen, paid_at, method, reference, "
                 f"paid_by_id, recorded_at, note) VALUES ({offer_id}, {fen}, "
                 f"'2026-03-04 10:00:00', 'cash', 'x', {staff.id}, '2026-03-04 10:00:00', '')")


def test_concurrent_writers_never_fork_the_chain(make_case: MakeCase, staff: User) -> None:
    case = make_case()
    writers = [partial(_write_events, case, staff, writer) for writer in range(6)]
    at_once(writers)
    assert Event.select().where(Event.kind == "note").count() == 6 * 15
    report = integrity.verify_chain()
    assert report.problem() == "" and report.whole == Event.select().count()
    assert EventChain.get().events == report.whole


def _write_events(case: Complaint, actor: User, writer: int) -> None:
    for number in range(15):
        with database_proxy.atomic():
            audit.record(case, actor, NOW, kind="note", field="", new=f"{writer}-{number}")


# `check` on a copy of a demo database, tampered with as someone with the file would.

@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    open_desk(str(path))
    generate.fill_demo(cases=60, seed=5, now=DEMO_NOW)
    close_desk()
    return path


@pytest.fixture
def copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.sqlite3"
    shutil.copy(demo_file, target)
    return target


def _tamper(path: Path, *statements: str) -> dict[str, str]:
    """Runs `statements` on the file outside the program, then `check` inside it."""
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    open_desk(str(path))
    try:
        return _failed()
    finally:
        close_desk()


def test_check_passes_a_demo_database(copy: Path) -> None:
    assert _tamper(copy) == {}


def test_check_finds_a_dropped_trigger(copy: Path) -> None:
    failed = _tamper(copy, "DROP TRIGGER event_no_update")
    assert failed == {"Record guards (triggers)": "missing: event_no_update"}


def test_check_finds_an_edited_event_and_names_it(copy: Path) -> None:
    failed = _tamper(copy, "DROP TRIGGER event_no_update",
                     "UPDATE event SET new_value = '全额退款' WHERE id = 42")
    assert failed["Event hash chain"].startswith("the chain breaks at event 42:")


def test_check_finds_deleted_events(copy: Path) -> None:
    failed = _tamper(copy, "DROP TRIGGER event_no_delete",
                     "DELETE FROM event WHERE id BETWEEN 100 AND 198")
    assert failed["Event hash chain"].startswith(
        "the chain breaks at event 199: it was changed, or events between event 99 and it")


def test_check_finds_events_removed_from_the_end(copy: Path) -> None:
    failed = _tamper(copy, "DROP TRIGGER event_no_delete",
                     "DELETE FROM event WHERE id > (SELECT MAX(id) - 3 FROM event)")
    assert "events were removed from the end" in failed["Event hash chain"]


def test_check_finds_tampering_on_the_server_too(db: str) -> None:
    """The same on whichever database the tests run (PostgreSQL included)."""
    generate.fill_demo(cases=30, seed=5, now=DEMO_NOW)
    assert _failed() == {}
    guard = "event_no_update"  # on both: the guard that lets only a redaction through
    drop = f"DROP TRIGGER {guard} ON event" if _is_postgres() else f"DROP TRIGGER {guard}"
    database_proxy.execute_sql(drop)
    database_proxy.execute_sql("UPDATE event SET note = 'changed' WHERE id = 7")
    failed = _failed()
    assert failed["Record guards (triggers)"] == f"missing: {guard}"
    assert failed["Event hash chain"].startswith("the chain breaks at event 7:")


@pytest.mark.parametrize("version", [3, 4, 5])
def test_the_upgrade_chains_the_events_already_there(tmp_path: Path, version: int) -> None:
    old = tmp_path / f"v{version}.sqlite3"
    shutil.copy(Path(__file__).parent.parent / "fixtures" / f"schema-v{version}.sqlite3", old)
    with sqlite3.connect(old) as conn:
        events = conn.execute("SELECT count(*) FROM event").fetchone()[0]
    conn.close()
    open_desk(str(old))
    try:
        assert _failed() == {}
        assert EventChain.get().events == events == Event.select().count()
        assert User.select().where(User.failed_sign_ins == 0).count() == 4
    finally:
        close_desk()


def test_the_database_and_python_agree_on_each_events_content(sqlite_db: Path) -> None:
    """`check` lets SQLite build the content; it must be the very bytes the writer hashed."""
    from app.models import chain

    generate.fill_demo(cases=20, seed=2, now=DEMO_NOW)
    columns = ", ".join(chain.COLUMNS)
    rows = database_proxy.execute_sql(
        f"SELECT {chain.sqlite_content_sql()}, {columns} FROM event ORDER BY id").fetchall()
    assert rows and all(row[0] == chain.content(row[1:]) for row in rows)


def test_a_hash_that_is_not_even_hex_breaks_the_chain_there() -> None:
    from app.models import chain

    rows = [(None, "2026-03-04 10:00:00", None, "note", "", "", str(i), "", None)
            for i in range(4)]
    hashes = [row[-1] for row in chain.chained(chain.GENESIS, rows)]
    contents = [chain.content(row) for row in rows]
    assert chain.first_mismatch(chain.GENESIS, hashes, contents) is None
    assert chain.first_mismatch(chain.GENESIS, [*hashes[:2], "zz", hashes[3]], contents) == 2
    assert chain.first_mismatch(chain.GENESIS, hashes, [*contents[:1], b"x", *contents[2:]]) == 1
