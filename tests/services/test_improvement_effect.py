"""The effect of a corrective action, measured from the data: new cases with the same root
cause (and category) since it was done, against the same length of time before, counted
exactly at the edges of the windows."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from app.models import Complaint, CorrectiveAction, User
from app.services.casework import cases
from app.services.improvement import actions, effect, lifecycle
from app.services.improvement.actions import ActionForm
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
DONE = NOW  # the action is done at 2026-03-04 10:00
CHECK = DONE + timedelta(weeks=8)  # 2026-04-29 10:00
SECOND = timedelta(seconds=1)


def _done_action(manager: User, **fields: object) -> CorrectiveAction:
    values: dict[str, object] = {"title": "来货抽检", "owner": manager, "due_on": date(2026, 3, 31),
                                 "root_causes": ["RC03"], "cause_analysis": "模具磨损",
                                 "measure": "每批抽检"}
    values.update(fields)
    before = DONE - timedelta(days=1)
    action = actions.create_action(ActionForm(**values), actor=manager, now=before)  # type: ignore[arg-type]
    action = lifecycle.move_action(action.id, "in_progress", expected_version=action.version,
                                   actor=manager, now=before)
    return lifecycle.move_action(action.id, "done", expected_version=action.version,
                                 actor=manager, now=DONE)


def _case(make_case: MakeCase, staff: User, at: datetime, *, cause: str | None = "RC03",
          category: str = "product_quality", phone: int = 0) -> Complaint:
    case = make_case(received_at=at, at=at, category=category,
                     phone=f"139{phone:08d}")
    if cause:
        cases.update_fields(case.id, values={"root_cause": cause}, actor=staff, now=at,
                            expected_version=case.version)
    return case


def test_the_windows_count_their_first_moment_and_not_their_last(make_case: MakeCase,
                                                                 manager: User,
                                                                 staff: User) -> None:
    length = CHECK - DONE
    for number, at in enumerate((DONE - length - SECOND,  # just before the "before" window
                                 DONE - length,  # its first moment: counted before
                                 DONE - SECOND,  # its last moment: before
                                 DONE,  # the moment it was done: after
                                 CHECK - SECOND)):  # the last moment of "after"
        _case(make_case, staff, at, phone=number)
    action = _done_action(manager)
    _case(make_case, staff, CHECK, phone=9)  # the check date itself: no longer counted
    found = effect.compare(CorrectiveAction.get_by_id(action.id), now=CHECK + timedelta(days=30))
    assert found is not None
    assert (found.before, found.after, found.days, found.complete) == (2, 2, 56, True)
    assert (found.before_from, found.after_to) == (DONE - length, CHECK)


def test_before_the_check_date_both_windows_run_to_now(make_case: MakeCase, manager: User,
                                                       staff: User) -> None:
    week = timedelta(days=7)
    for number, at in enumerate((DONE - week - SECOND, DONE - week, DONE + week - SECOND)):
        _case(make_case, staff, at, phone=number)
    action = CorrectiveAction.get_by_id(_done_action(manager).id)
    found = effect.compare(action, now=DONE + week)
    assert found is not None
    assert (found.before, found.after, found.days, found.complete) == (1, 1, 7, False)
    at_done = effect.compare(action, now=DONE)
    assert at_done is not None and (at_done.before, at_done.after) == (0, 0)


def test_a_category_narrows_the_count_and_cases_without_a_cause_are_shown(
        make_case: MakeCase, manager: User, staff: User) -> None:
    day = timedelta(days=1)
    _case(make_case, staff, DONE - day, phone=1)  # defect, product quality: counted
    _case(make_case, staff, DONE - day, category="repair", phone=2)  # other category
    _case(make_case, staff, DONE - day, cause="RC01", phone=3)  # other cause
    action = _done_action(manager, categories=["product_quality"])
    _case(make_case, staff, DONE + day, phone=4)
    _case(make_case, staff, DONE + day, cause=None, phone=5)  # still being looked into
    found = effect.compare(CorrectiveAction.get_by_id(action.id), now=CHECK)
    assert found is not None and (found.before, found.after, found.unclassified) == (1, 1, 1)
    assert (found.before_total, found.after_total) == (3, 2)  # every case of each window
    assert (found.before_share, found.after_share) == (1 / 3, 1 / 2)


def test_no_comparison_before_done_or_without_a_cause(manager: User) -> None:
    open_action = actions.create_action(
        ActionForm(title="x", owner=manager, due_on=date(2026, 3, 31), root_causes=["RC03"]),
        actor=manager, now=NOW)
    assert effect.compare(open_action, now=CHECK) is None
    done = _done_action(manager, root_causes=[], categories=["repair"])
    assert effect.compare(CorrectiveAction.get_by_id(done.id), now=CHECK) is not None


def test_a_merged_duplicate_counts_once(make_case: MakeCase, manager: User, staff: User) -> None:
    from app.services.casework import merging

    day = timedelta(days=1)
    kept = _case(make_case, staff, DONE + day, phone=1)
    duplicate = _case(make_case, staff, DONE + day, phone=1)  # the same customer, again
    _case(make_case, staff, DONE - day, phone=2)
    action = CorrectiveAction.get_by_id(_done_action(manager).id)
    found = effect.compare(action, now=DONE + 2 * day)
    assert found is not None and (found.before, found.after, found.after_total) == (1, 2, 2)
    duplicate, kept = Complaint.get_by_id(duplicate.id), Complaint.get_by_id(kept.id)
    merging.merge(duplicate.id, kept.id, actor=manager, now=DONE + day,
                  merged_version=duplicate.version, into_version=kept.version)
    found = effect.compare(action, now=DONE + 2 * day)
    assert found is not None and (found.before, found.after, found.after_total) == (1, 1, 1)
