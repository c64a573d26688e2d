"""Two PCs at once: the verdict on an action is recorded once (the other is told who came
first), and a warning two PCs find at the same moment fires once."""

import multiprocessing
from collections.abc import Callable
from datetime import date, timedelta

from app.errors import DeskError
from app.models import Complaint, CorrectiveAction, EarlyWarning, Event, User, WarningRule
from app.services.desk.store import close_desk, open_desk
from app.services.improvement import actions, lifecycle, warnings
from app.services.improvement.actions import ActionForm
from tests.conftest import NOW

CHECK = NOW + timedelta(weeks=8)


def _judge(url: str, username: str, action_id: int, version: int, barrier: object,
           results: multiprocessing.Queue) -> None:
    open_desk(url)
    actor = User.get(User.username == username)
    target = "verified" if username == "owner" else "not_effective"
    barrier.wait(30)  # type: ignore[attr-defined]
    try:
        lifecycle.move_action(action_id, target, expected_version=version, actor=actor,
                              now=CHECK, note="看数据")
        results.put((username, "saved"))
    except DeskError as error:
        results.put((username, str(error)))
    close_desk()


def _check(url: str, barrier: object, results: multiprocessing.Queue) -> None:
    open_desk(url)
    barrier.wait(30)  # type: ignore[attr-defined]
    results.put(len(warnings.check_all(now=NOW)))
    close_desk()


def _run(target: Callable[..., None], argument_sets: list[tuple]) -> list:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(argument_sets)), context.Queue()
    workers = [context.Process(target=target, args=(*args, barrier, results))
               for args in argument_sets]
    for worker in workers:
        worker.start()
    found = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    return found


def test_two_verdicts_at_once_one_is_recorded(db: str, owner: User, manager: User) -> None:
    action = actions.create_action(ActionForm(
        title="来货抽检", owner=manager, due_on=date(2026, 3, 31), root_causes=["RC03"],
        cause_analysis="模具磨损", measure="每批抽检"), actor=manager, now=NOW)
    for target in ("in_progress", "done"):
        action = lifecycle.move_action(action.id, target, expected_version=action.version,
                                       actor=manager, now=NOW)
    found = dict(_run(_judge, [(db, name, action.id, action.version)
                               for name in ("owner", "manager")]))
    saved = [name for name, outcome in found.items() if outcome == "saved"]
    assert len(saved) == 1
    loser = "manager" if saved == ["owner"] else "owner"
    winner_name = "王老板" if saved == ["owner"] else "李经理"
    assert winner_name in found[loser]
    assert CorrectiveAction.get_by_id(action.id).status in ("verified", "not_effective")
    verdicts = Event.select().where((Event.action == action.id)
                                    & (Event.field == "action.measured"))
    assert verdicts.count() == 1


def test_a_warning_found_by_two_pcs_at_once_fires_once(
        db: str, make_case: Callable[..., Complaint]) -> None:
    WarningRule.update(active=False).execute()
    for number in range(3):
        make_case(phone=f"1390000{number:04d}")
    (WarningRule.update(active=True, threshold=3)
     .where((WarningRule.kind == "count") & (WarningRule.dimension == "category")).execute())
    fired = _run(_check, [(db,), (db,), (db,)])
    assert sorted(fired) == [0, 0, 1]
    assert EarlyWarning.select().count() == 1
    assert Event.select().where(Event.field == "warning.fired").count() == 1
