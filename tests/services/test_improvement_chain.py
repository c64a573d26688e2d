"""An action's events are links of the one hash chain: its id is part of what is hashed, so
moving an event to another action is found by `check`; the events chained before actions
existed keep their hashes."""

from datetime import datetime

import peewee

from app.models import Event, chain, database_proxy
from app.services.demo import generate
from app.services.desk import integrity

DEMO_NOW = datetime(2026, 11, 20, 16, 30)


def _failed() -> dict[str, str]:
    return {r.name.en: r.detail for r in integrity.run_checks() if not r.ok}


def test_moving_an_event_to_another_action_breaks_the_chain(db: str) -> None:
    generate.fill_demo(cases=30, seed=5, now=DEMO_NOW)
    assert _failed() == {}
    moved = Event.select().where(Event.action == 2).order_by(Event.id).first()
    postgres = isinstance(database_proxy.obj, peewee.PostgresqlDatabase)
    guard = "event_no_update"  # on both: the guard that lets only a removal of texts through
    database_proxy.execute_sql(f"DROP TRIGGER {guard} ON event" if postgres
                               else f"DROP TRIGGER {guard}")
    database_proxy.execute_sql(f"UPDATE event SET action_id = 1 WHERE id = {moved.id}")
    assert _failed()["Event hash chain"].startswith(f"the chain breaks at event {moved.id}:")


def test_an_event_of_no_action_is_hashed_as_before_actions_existed() -> None:
    before = (None, "2026-03-04 10:00:00", 2, "note", "", "", "x", "", None)
    assert chain.content(before) == chain.content((*before, None))
    assert chain.content((*before, 7)) == chain.content(before) + b"\x007"
    assert chain.chained(chain.GENESIS, [before])[0][-1] == \
        chain.chained(chain.GENESIS, [(*before, None)])[0][-1]
