"""The demo holds corrective actions in every state with their cases, comparisons and
timelines, training given, and the warnings its cases set off."""

from datetime import datetime

from app.models import CorrectiveAction, EarlyWarning, Event, Training, User
from app.services.casework import reminders
from app.services.demo import generate
from app.services.desk import integrity
from app.services.improvement.view import ActionDetails
from app.services.improvement.words import ACTION_STATUSES

DEMO_NOW = datetime(2026, 11, 20, 16, 30)


def test_the_demo_shows_the_loop_from_cause_to_verified_fix(db: str) -> None:
    generate.fill_demo(cases=400, seed=3, now=DEMO_NOW)
    states = {action.status for action in CorrectiveAction.select()}
    assert states == set(ACTION_STATUSES)
    manager = User.get(User.username == "manager")
    for action in CorrectiveAction.select():
        details = ActionDetails.load(action.id, reader=manager, now=DEMO_NOW)
        assert details.timeline and details.timeline[0].field == "action.created"
        if action.status != "open":
            assert details.cases, action.title
        if action.status in ("done", "verified", "not_effective"):
            assert details.comparison is not None, action.title
    verdicts = Event.select().where(Event.field == "action.measured").count()
    assert verdicts == 2  # verified and not effective, each with its comparison
    assert Training.select().count() == 3
    assert EarlyWarning.select().count() > 0
    waiting = reminders.reminders(user=manager, now=DEMO_NOW).counts["warning"]
    assert waiting == EarlyWarning.select().where(EarlyWarning.status == "open").count() > 0
    assert all(result.ok for result in integrity.run_checks())
