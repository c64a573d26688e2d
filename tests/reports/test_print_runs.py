"""Letters for many cases at once: order, refusals, progress, and few database queries."""

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.errors import NotFoundError, RuleError
from app.models import Complaint, Event, User, database_proxy
from app.services.casework import workflow
from app.services.compensation import offers
from app.services.documents import letter_content, papers, print_jobs
from tests.conftest import NOW
from tests.reports.conftest import pdf_info, pdf_text, squeezed

MakeCase = Callable[..., Complaint]
PHONES = itertools.count(10_000_000)


def _customer(name: str) -> dict[str, str]:
    """Form fields for a customer of their own (customers are known by phone number)."""
    return {"customer_name": name, "phone": f"139{next(PHONES):08d}"}


def _rejected(make_case: MakeCase, staff: User, name: str) -> Complaint:
    return workflow.move(make_case(**_customer(name)).id, "rejected", actor=staff, now=NOW,
                         expected_version=1, values={"answer": "收银记录与标价一致"})


@contextmanager
def counted_queries() -> Iterator[list[str]]:
    """Collects the SQL of every query run inside the block."""
    database = database_proxy.obj
    original = database.execute_sql
    seen: list[str] = []

    def counting(sql: str, params: object = None, *args: object, **kwargs: object) -> object:
        seen.append(sql)
        return original(sql, params, *args, **kwargs)

    database.execute_sql = counting
    try:
        yield seen
    finally:
        database.execute_sql = original


def test_letters_keep_their_order_and_say_why_some_are_refused(
        make_case: MakeCase, staff: User, tmp_path: Path) -> None:
    first = _rejected(make_case, staff, "王一")
    undecided = make_case(**_customer("李二"))
    waiting = workflow.move(make_case(**_customer("赵三")).id, "in_progress", actor=staff, now=NOW,
                            expected_version=1, values={"department": "after_sales",
                                                        "handler": "staff1"})
    offers.propose(waiting.id, expected_version=waiting.version, kind="voucher",
                   amount="5000", reason="久等", actor=staff, now=NOW)
    # decided some other way while the offer still waits: still no letter
    Complaint.update(status="resolved", resolution="x").where(Complaint.id == waiting.id).execute()
    last = _rejected(make_case, staff, "孙四")
    numbers = [last.number, undecided.number, first.number, waiting.number, "TS-2000-000001"]
    made, refused = letter_content.letters(numbers, language="zh_CN", now=NOW)
    assert [number for number, _ in made] == [last.number, first.number]
    assert [letter.customer_name for _, letter in made] == ["孙四", "王一"]
    reasons = dict(refused)
    assert isinstance(reasons[undecided.number], RuleError)
    assert "尚未批准" in reasons[waiting.number].text.zh
    assert isinstance(reasons["TS-2000-000001"], NotFoundError)


def test_a_run_of_letters_reads_the_database_a_chunk_at_a_time(
        make_case: MakeCase, staff: User) -> None:
    numbers = [_rejected(make_case, staff, f"客户{i}").number for i in range(12)]
    with counted_queries() as few:
        letter_content.letters(numbers[:2], language="zh_CN", now=NOW)
    with counted_queries() as many:
        made, _ = letter_content.letters(numbers, language="zh_CN", now=NOW)
    assert len(made) == 12
    assert len(many) == len(few)  # the same queries for 12 cases as for 2


def test_many_letters_in_one_file_for_one_print_job(make_case: MakeCase, staff: User,
                                                    tmp_path: Path) -> None:
    cases = [_rejected(make_case, staff, name) for name in ("王一", "钱二", "孙三")]
    steps: list[tuple[int, int]] = []
    run = print_jobs.letters_in_one_file([c.number for c in cases], tmp_path / "all.pdf",
                                         language="zh_CN", now=NOW,
                                         on_progress=lambda done, total: steps.append(
                                             (done, total)))
    assert run.files == [tmp_path / "all.pdf"] and not run.refused
    assert int(pdf_info(run.files[0])["Pages"]) == 3
    text = squeezed(pdf_text(run.files[0]))
    assert all(c.number in text for c in cases) and "钱二" in text
    assert steps[0] == (3, 6) and steps[-1] == (6, 6)


def test_stopping_a_run_writes_no_file(make_case: MakeCase, staff: User,
                                       tmp_path: Path) -> None:
    number = _rejected(make_case, staff, "王一").number

    def stop(_done: int, _total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        print_jobs.letters_in_one_file([number], tmp_path / "all.pdf", language="zh_CN",
                                       now=NOW, on_progress=stop)
    assert not (tmp_path / "all.pdf").exists()


def test_one_file_per_letter_in_a_folder(make_case: MakeCase, staff: User,
                                         tmp_path: Path) -> None:
    done = _rejected(make_case, staff, "王一")
    open_case = make_case(**_customer("李二"))
    run = print_jobs.letters_in_folder([done.number, open_case.number], tmp_path,
                                       language="en", now=NOW)
    assert run.files == [tmp_path / f"{done.number}-letter.pdf"]
    assert run.printed == [done.number]
    assert run.refusals()[0].startswith(f"{open_case.number}: ")
    assert "Resolution letter" in pdf_text(run.files[0])


def test_printing_a_batch_is_noted_on_each_case(make_case: MakeCase, staff: User) -> None:
    cases = [_rejected(make_case, staff, name) for name in ("王一", "钱二")]
    papers.record_printed([c.number.lower() for c in cases], "letter", actor=staff, now=NOW)
    noted = {e.complaint_id for e in Event.select().where(Event.kind == "document")}
    assert noted == {c.id for c in cases}
