"""The main window's part in continuous improvement: the list of corrective actions, a
window per action, a warning's dialog, starting an action from selected cases, and the
minute check of the early-warning rules. One object, so the main window stays small."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.errors import DeskError
from app.ui import messages
from app.ui.context import UiContext
from app.ui.improvement.warning_watch import WarningWatch
from app.ui.operations import explaining

if TYPE_CHECKING:  # the windows are loaded when first opened, not with the main window
    from app.ui.improvement.action_list import ActionsWindow
    from app.ui.improvement.action_view import ActionView
    from app.ui.improvement.warning_dialog import WarningDialog


class ImprovementWindows(QObject):
    """Opens and keeps the improvement windows; `open_case(id)` asks for a case."""

    open_case = Signal(int)

    def __init__(self, parent: QWidget, context: UiContext) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self._list: ActionsWindow | None = None
        self._views: dict[int, ActionView] = {}
        self.watch = WarningWatch(parent, context)  # started by the program, not by tests

    def show_list(self) -> ActionsWindow:
        """The list of actions and training, opened once and raised after."""
        if self._list is None:
            from app.ui.improvement.action_list import ActionsWindow

            self._list = ActionsWindow(self._context, parent=self._parent)
            self._list.open_action.connect(self.open_action)
        self._list.show()
        self._list.raise_()
        return self._list

    def open_action(self, action_id: int) -> ActionView | None:
        """The action's window (raised if already open)."""
        view = self._views.get(action_id)
        if view is None or not view.isVisible():
            from app.ui.improvement.action_view import ActionView

            try:
                with explaining():
                    view = ActionView(self._context, action_id, parent=self._parent)
            except DeskError as error:
                messages.show_error(self._parent, error)
                return None
            view.open_case.connect(self.open_case)
            view.finished.connect(lambda _r, key=action_id: self._views.pop(key, None))
            self._views[action_id] = view
        view.show()
        view.raise_()
        return view

    def open_warning(self, warning_id: int) -> WarningDialog | None:
        """A warning's dialog (modal: it is answered, then closed)."""
        from app.ui.improvement.warning_dialog import WarningDialog

        try:
            with explaining():
                dialog = WarningDialog(self._context, warning_id, parent=self._parent)
        except DeskError as error:
            messages.show_error(self._parent, error)
            return None
        dialog.open_case.connect(self.open_case)
        dialog.open_action.connect(self.open_action)
        dialog.exec()
        return dialog

    def start_from_cases(self, case_ids: Sequence[int]) -> int | None:
        """A new action about the cases selected in the register; its window opens."""
        from app.ui.improvement.start import start_action

        made = start_action(self._parent, self._context, case_ids)
        if made is not None:
            self.open_action(made)
        return made

    def close_all(self) -> None:
        """Closes every improvement window (another user signs in)."""
        for view in list(self._views.values()):
            view.close()
        self._views.clear()
        if self._list is not None:
            self._list.close()
            self._list = None
