"""Starting a corrective action from cases: a selection in the register, a bar of the
analysis, an early warning. The form starts with the cases' causes and categories."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from app.services.improvement import actions
from app.services.improvement.actions import ActionForm
from app.services.improvement.prefill import causes_of, numbers_of
from app.ui.context import Changes, UiContext
from app.ui.improvement.form import ActionFormDialog
from app.ui.operations import Operation, explaining


def start_action(parent: QWidget, context: UiContext, case_ids: Sequence[int], *,
                 title: str = "", root_causes: Sequence[str] | None = None,
                 categories: Sequence[str] | None = None,
                 warning_id: int | None = None) -> int | None:
    """Shows the form for a new action with `case_ids` linked; the new action's id, or None
    when the user cancels. Given neither root causes nor categories, the form starts with
    the cases' most frequent root causes (a category narrows the count of its effect, so
    it is ticked only when asked for)."""
    if root_causes is None and categories is None:
        root_causes = causes_of(case_ids)[0][:3]
    values: dict[str, Any] = {
        "title": title, "owner": context.user.username, "root_causes": list(root_causes or ()),
        "categories": list(categories or ())}
    made: list[int] = []

    def submit(given: dict[str, Any]) -> None:
        with explaining():
            action = actions.create_action(
                ActionForm(**given, case_ids=list(case_ids), warning_id=warning_id),
                actor=context.user, now=context.now())
        made.append(action.id)

    dialog = ActionFormDialog(submit, today=context.now().date(), values=values,
                              cases=numbers_of(case_ids), parent=parent)
    changes = Changes(cases=bool(case_ids), actions=True)
    Operation(parent, context, changes).run_dialog(dialog)
    return made[0] if made else None
