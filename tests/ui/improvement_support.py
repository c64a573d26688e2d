"""What the window tests of corrective actions share: an action made through the services,
a step's button, and a step dialog confirmed."""

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from app.models import CorrectiveAction, User
from app.services.improvement import actions
from app.services.improvement.actions import ActionForm
from app.ui.improvement.steps import StepDialog
from tests.conftest import NOW
from tests.ui.conftest import type_text

CHECK = NOW + timedelta(weeks=8)


def make_action(manager: User, owner: User, **fields: object) -> CorrectiveAction:
    """An action about RC03 owned by `owner`, started by `manager` at NOW."""
    values: dict[str, object] = {"title": "电饭煲来货抽检", "owner": owner,
                                 "due_on": date(2026, 3, 31), "root_causes": ["RC03"]}
    values.update(fields)
    return actions.create_action(ActionForm(**values), actor=manager, now=NOW)  # type: ignore[arg-type]


def button(view: QWidget, name: str) -> QPushButton | None:
    """The button called `name` (a step or Change…), if the view offers it now."""
    return next((found for found in view.findChildren(QPushButton)
                 if found.objectName() == name and not found.isHidden()), None)


def confirm(note: str = "") -> Callable[[QDialog], None]:
    """Answers a step dialog: types `note` if given, then OK."""
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        if note:
            type_text(dialog.note, note)
        dialog.ok.click()
    return act
