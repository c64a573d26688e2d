"""Upgrading a schema-6 database, whose chain linked each event's content itself, to the
chain of content digests: every event checked against the old chain, then chained anew;
a log changed outside the program refuses the upgrade and is left as it was."""

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import DatabaseUnusableError
from app.models import Complaint, Event, EventChain, User, chain, database_proxy, rechain
from app.models.guards import drop_event_guards, install_guards
from app.models.migrations import STEPS
from app.services.desk import integrity
from app.services.desk.store import close_desk, open_desk
from app.services.improvement import actions as improvement
from app.services.improvement.forms import ActionForm
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
# The personal-data step, which moves the chain to content digests.
PERSONAL = next(n for n, step in STEPS.items() if step.__name__.endswith("_personal_data"))
FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema-v6.sqlite3"


def _copy(tmp_path: Path, *statements: str) -> Path:
    """The stored schema-6 database, with `statements` run on it outside the program."""
    old = tmp_path / "shop-v6.sqlite3"
    shutil.copy(FIXTURE, old)
    with sqlite3.connect(old) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    return old


def _hashes(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = [row[0] for row in conn.execute("SELECT hash FROM event ORDER BY id")]
    conn.close()
    return rows


def test_the_upgrade_chains_each_events_digest(tmp_path: Path) -> None:
    old = _copy(tmp_path)
    before = _hashes(old)
    open_desk(str(old))
    try:
        assert all(result.ok for result in integrity.run_checks())
        assert EventChain.get().events == len(before) == Event.select().count() > 0
        rows = Event.select().order_by(Event.id)
        first = rows[0]
        values = [getattr(first, column) for column in chain.COLUMNS]
        values[1] = first.at.strftime("%Y-%m-%d %H:%M:%S")
        expected = hashlib.sha256(bytes(32) + hashlib.sha256(chain.content(values)).digest())
        assert first.hash == expected.hexdigest() != before[0]
        assert EventChain.get().last_hash == rows[-1].hash
    finally:
        close_desk()


@pytest.mark.parametrize(("tampering", "where"), [
    ("UPDATE event SET note = 'changed' WHERE id = 7", "at event 7"),
    ("DELETE FROM event WHERE id = (SELECT MAX(id) FROM event)", "at its end"),
])
def test_a_log_changed_outside_the_program_is_not_sealed(tmp_path: Path, tampering: str,
                                                         where: str) -> None:
    old = _copy(tmp_path, "DROP TRIGGER event_no_update", "DROP TRIGGER event_no_delete",
                tampering)
    before = _hashes(old)
    with pytest.raises(DatabaseUnusableError, match=f"changed outside Complaint Desk \\({where}"):
        open_desk(str(old))
    close_desk()
    with sqlite3.connect(old) as conn:
        # the steps before stay done, each in its own transaction
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == PERSONAL - 1
    conn.close()
    assert _hashes(old) == before


def _chain_as_schema_6(tamper: str = "") -> None:
    """Every event hashed as schema 6 did (the content itself), then `tamper` run."""
    database = database_proxy.obj
    drop_event_guards(database)
    columns = ", ".join(f'"{c}"' for c in chain.COLUMNS)
    last = chain.GENESIS
    for row in database.execute_sql(f"SELECT id, {columns} FROM event ORDER BY id").fetchall():
        last = hashlib.sha256(bytes.fromhex(last) + chain.content(row[1:])).hexdigest()
        database.execute_sql(f"UPDATE event SET hash = {database.param} WHERE id = "
                             f"{database.param}", (last, row[0]))
    database.execute_sql(f"UPDATE event_chain SET last_hash = {database.param}", (last,))
    if tamper:
        database.execute_sql(tamper)


@pytest.mark.parametrize("tamper", ["", "UPDATE event SET note = 'changed' WHERE id = 3"])
def test_each_database_is_checked_and_chained_anew(db: str, make_case: MakeCase,
                                                  manager: User, tamper: str) -> None:
    """The same on whichever database the tests run (PostgreSQL builds no content itself)."""
    made = [make_case(phone=phone, description="电饭煲不能开机")
            for phone in ("13800138000", "13900139000")]
    improvement.create_action(ActionForm(  # events of an action: its id is in their content
        title="来货抽检", owner=manager, due_on=NOW.date(), root_causes=["RC03"],
        case_ids=[made[0].id]), actor=manager, now=NOW)
    assert Event.select().where(Event.action.is_null(False)).exists()
    with database_proxy.atomic():
        _chain_as_schema_6(tamper)
    assert integrity.verify_chain().problem() != ""
    if tamper:
        with pytest.raises(DatabaseUnusableError, match="at event 3"), database_proxy.atomic():
            rechain.link_digests(database_proxy.obj)
        return
    with database_proxy.atomic():
        assert rechain.link_digests(database_proxy.obj) == Event.select().count()
        install_guards(database_proxy.obj)
    assert integrity.verify_chain().problem() == ""
