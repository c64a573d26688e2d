"""Training records and each user's history; an action's due and check dates among the
reminders of those who must act on them."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from app.errors import AccessError, FormError, InputError
from app.models import Complaint, CorrectiveAction, Event, User
from app.services import users
from app.services.casework import reminders
from app.services.improvement import actions, lifecycle, training
from app.services.improvement.actions import ActionForm
from app.services.improvement.view import ActionDetails
from tests.conftest import NOW, PASSWORD


def _action(manager: User, owner: User, due: date) -> CorrectiveAction:
    return actions.create_action(ActionForm(title="价签每日核对", owner=owner, due_on=due,
                                            root_causes=["RC05"]), actor=manager, now=NOW)


def test_training_is_recorded_for_an_action_and_in_each_history(manager: User, staff: User,
                                                                staff2: User) -> None:
    action = _action(manager, staff, date(2026, 3, 20))
    given = training.add_training(held_on="2026-03-03", topic="价签核对流程", trainer="李经理",
                                  attendees=["staff1", staff2, "staff1"], action_id=action.id,
                                  notes="每人实操一遍", actor=manager, now=NOW)
    training.add_training(held_on=date(2026, 3, 1), topic="投诉接待礼仪", trainer="外部讲师",
                          attendees=["staff2"], root_cause="RC01", actor=manager, now=NOW)
    mine = training.history(staff.id, actor=staff)
    assert [(t.topic, t.attendees) for t in mine] == [
        ("价签核对流程", (("staff1", "张小芳"), ("staff2", "刘明")))]
    assert [t.topic for t in training.trainings(actor=staff2)] == ["价签核对流程", "投诉接待礼仪"]
    assert training.trainings(actor=staff2)[1].root_cause == "RC01"
    assert len(training.trainings(actor=manager)) == 2
    details = ActionDetails.load(action.id, reader=manager, now=NOW)
    assert [t.id for t in details.trainings] == [given.id]
    assert details.timeline[-1].describe() == f"Training given: #{given.id}"


def test_only_managers_record_training_and_only_yours_is_shown_to_you(
        manager: User, owner: User, staff: User, staff2: User) -> None:
    with pytest.raises(AccessError):
        training.add_training(held_on="2026-03-03", topic="x", trainer="y", attendees=["staff1"],
                              actor=staff, now=NOW)
    with pytest.raises(AccessError):
        training.history(staff2.id, actor=staff)
    admin = users.create_user(username="it", display_name="网管", role="admin",
                              password=PASSWORD, actor=owner, now=NOW)
    assert training.history(staff2.id, actor=admin) == []  # accounts are an admin's to see


def test_training_needs_attendees_and_a_date_not_ahead(manager: User) -> None:
    with pytest.raises(InputError, match="attendee"):
        training.add_training(held_on="2026-03-03", topic="x", trainer="y", attendees=[],
                              actor=manager, now=NOW)
    with pytest.raises(InputError, match="future"):
        training.add_training(held_on="2026-03-05", topic="x", trainer="y",
                              attendees=["manager"], actor=manager, now=NOW)
    assert not Event.select().where(Event.kind == "training").exists()


def test_training_dates_are_refused_with_todays_date_and_within_five_years(
        manager: User) -> None:
    with pytest.raises(InputError) as ahead:
        training.add_training(held_on="2030-01-01", topic="x", trainer="y",
                              attendees=["manager"], actor=manager, now=NOW)
    assert ahead.value.text.zh == f"培训日期不能晚于今天（{NOW.date().isoformat()}）。"
    assert "2030-01-01" not in str(ahead.value.text.en)
    with pytest.raises(InputError, match="more than 5 years ago"):
        training.add_training(held_on="1900-01-01", topic="x", trainer="y",
                              attendees=["manager"], actor=manager, now=NOW)
    oldest = date(NOW.year - 5, NOW.month, NOW.day)
    assert training.add_training(held_on=oldest, topic="x", trainer="y",
                                 attendees=["manager"], actor=manager, now=NOW).held_on == oldest


def test_an_empty_training_names_every_field_missing(manager: User) -> None:
    with pytest.raises(FormError) as refused:
        training.add_training(held_on="2026-03-03", topic="", trainer=" ", attendees=[],
                              actor=manager, now=NOW)
    assert list(refused.value.by_field()) == ["topic", "trainer", "attendees"]


def test_a_due_date_is_refused_more_than_two_years_ahead(manager: User, staff: User) -> None:
    with pytest.raises(FormError, match="more than 2 years ahead"):
        _action(manager, staff, date(2999, 12, 31))
    latest = date(NOW.year + 2, NOW.month, NOW.day)
    action = _action(manager, staff, latest)
    with pytest.raises(InputError, match="more than 2 years ahead"):
        actions.update_action(action.id, values={"due_on": latest + timedelta(days=1)},
                              expected_version=action.version, actor=manager, now=NOW)


def _items(user: User | None, at: datetime) -> dict[str, list[tuple[str, str]]]:
    found = reminders.reminders(user=user, now=at)
    return {group: [(item.kind, item.number) for item in items if item.action_id]
            for group, items in found.items.items()}


def test_an_actions_due_date_reaches_its_owner_like_a_follow_up(manager: User,
                                                                 staff: User) -> None:
    action = _action(manager, staff, date(2026, 3, 5))
    label = f"Action #{action.id}"
    assert _items(staff, NOW)["action"] == []  # due by 18:00 tomorrow: beyond the next 24 hours
    assert _items(staff, datetime(2026, 3, 4, 18, 30))["action"] == [("action_due", label)]
    assert _items(staff, NOW + timedelta(days=1))["action"] == [("action_due", label)]
    late = datetime(2026, 3, 5, 18, 1)
    (item,) = reminders.reminders(user=staff, now=late).items["action"]
    assert item.due_at == datetime(2026, 3, 5, 18, 0) < late  # due by the close of business
    assert _items(manager, NOW + timedelta(days=1))["action"] == []  # not the manager's
    listed = reminders.reminders(user=staff, now=NOW + timedelta(days=1)).items["action"]
    assert [i.reason for i in listed if i.action_id] == ["Corrective action due: 价签每日核对"]
    assert all(not i.action_id for g in ("overdue", "today", "soon") for i in
               reminders.reminders(user=staff, now=late).items[g])


def test_the_check_date_reaches_managers_and_the_owner(manager: User, owner: User,
                                                       staff: User) -> None:
    action = _action(manager, staff, date(2026, 3, 20))
    action = actions.update_action(action.id, values={"cause_analysis": "没有核对制度",
                                                      "measure": "开店前核对"},
                                   expected_version=action.version, actor=staff, now=NOW)
    for target in ("in_progress", "done"):
        action = lifecycle.move_action(action.id, target, expected_version=action.version,
                                       actor=staff, now=NOW)
    check_day = datetime(2026, 4, 29, 9, 0)  # the check date, as the shop opens
    assert _items(staff, check_day)["action"] == []
    for boss in (manager, owner):
        assert _items(boss, check_day)["action"] == [("action_check", f"Action #{action.id}")]
    assert _items(manager, check_day - timedelta(days=2))["action"] == []
    assert _items(manager, check_day + timedelta(days=1))["action"] == [
        ("action_check", f"Action #{action.id}")]


def test_an_overdue_action_is_not_buried_among_many_case_items(
        make_case: Callable[..., Complaint], manager: User, staff: User) -> None:
    for n in range(60):
        make_case(phone=f"1390000{n:04d}", received_at=NOW - timedelta(days=30),
                  at=NOW - timedelta(days=30))
    action = _action(manager, staff, date(2026, 3, 5))
    found = reminders.reminders(user=staff, now=datetime(2026, 3, 20, 9, 0), limit=50)
    assert found.counts["overdue"] > 50
    assert list(found.items)[0] == "action" == next(iter(reminders.GROUPS))
    assert [(i.kind, i.action_id) for i in found.items["action"]] == [
        ("action_due", action.id)]
