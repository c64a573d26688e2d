"""Two PCs change the same case at once: each names it by id and the version it read, and
exactly one of them is saved; the other is told someone else changed it."""

import multiprocessing
from collections.abc import Callable
from queue import Empty

from app.errors import ConflictError
from app.models import Complaint, Event, User
from app.services.casework import cases
from app.services.casework.view import CaseDetails
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW

ROUNDS = 4


def _edit_in_rounds(url: str, username: str, case_id: int, barrier: object,
                    results: multiprocessing.Queue) -> None:
    open_desk(url)
    actor = User.get(User.username == username)
    for number in range(ROUNDS):
        barrier.wait(30)  # type: ignore[attr-defined]  # the previous round is over
        seen = CaseDetails.load_id(case_id).version
        barrier.wait(30)  # type: ignore[attr-defined]  # both have read the same version
        try:
            cases.update_fields(case_id, values={"facts": f"{username} round {number}"},
                                actor=actor, now=NOW, expected_version=seen)
            results.put((number, "saved"))
        except ConflictError:
            results.put((number, "conflict"))
    close_desk()


def test_one_of_two_simultaneous_edits_is_saved(db: str, staff: User, staff2: User,
                                                make_case: Callable[..., Complaint]) -> None:
    case = make_case()
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_edit_in_rounds,
                               args=(db, name, case.id, barrier, results))
               for name in ("staff1", "staff2")]
    for worker in workers:
        worker.start()
    outcomes: dict[int, list[str]] = {}
    try:
        for _ in range(2 * ROUNDS):
            number, outcome = results.get(timeout=60)
            outcomes.setdefault(number, []).append(outcome)
    except Empty:
        pass
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert {n: sorted(o) for n, o in outcomes.items()} == {
        n: ["conflict", "saved"] for n in range(ROUNDS)}
    assert Complaint.get_by_id(case.id).version == 1 + ROUNDS
    saved = Event.select().where((Event.complaint == case.id) & (Event.field == "facts"))
    assert saved.count() == ROUNDS
