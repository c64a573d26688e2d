"""Case numbers stay unique and gap-free when two processes take complaints at once."""

import multiprocessing
import re

from app.models import Complaint, User
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW

PER_PROCESS = 15


def _take_complaints(url: str, username: str, start: multiprocessing.Event) -> None:
    open_desk(url)
    actor = User.get(User.username == username)
    start.wait(10)
    for i in range(PER_PROCESS):
        form = IntakeForm(customer_name=f"客户{i}", phone=f"139{username[-1]}{i:07d}",
                          channel="counter", category="billing",
                          description=f"{username} 第 {i} 件")
        record_complaint(form, actor=actor, now=NOW)
    close_desk()


def test_two_processes_get_distinct_consecutive_numbers(db: str, staff: User,
                                                        staff2: User) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [context.Process(target=_take_complaints, args=(db, name, start))
               for name in ("staff1", "staff2")]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    numbers = sorted(Complaint.select(Complaint.number).tuples())
    sequence = [int(re.fullmatch(r"TS-2026-(\d{6})", n).group(1)) for (n,) in numbers]
    assert sequence == list(range(1, 2 * PER_PROCESS + 1))
