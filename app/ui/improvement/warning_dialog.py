"""An early warning (预警) opened from the reminders: what fired, its cases, and what a
manager does with it: start a corrective action with those cases linked, or dismiss it with
a note saying why."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.improvement import warnings
from app.services.improvement.prefill import warning_addresses
from app.services.improvement.warning_view import WarnedCase, WarningInfo, cases_of, warning
from app.services.improvement.words import WARNING_STATUSES, label
from app.services.labels import STATUSES
from app.services.labels import label as case_label
from app.services.permissions import Permission, allowed
from app.ui.context import ACTIONS, UiContext
from app.ui.improvement.start import start_action
from app.ui.improvement.steps import StepDialog
from app.ui.improvement.tables import fitted_table
from app.ui.operations import Operation, explaining
from app.ui.widgets import button_row, fill, heading, when


class WarningDialog(QDialog):
    """One warning; `open_case(id)` and `open_action(id)` ask the main window."""

    open_case = Signal(int)
    open_action = Signal(int)

    def __init__(self, context: UiContext, warning_id: int, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self._context = context
        self.info: WarningInfo = warning(warning_id, reader=context.user)
        self.cases: list[WarnedCase] = cases_of(warning_id, reader=context.user)
        self.setWindowTitle(self.tr("Early warning"))
        self.heading = heading(str(self.info.text), size=13)
        self.heading.setWordWrap(True)
        state = self.tr("Fired %1 · %2").replace("%1", when(self.info.fired_at)).replace(
            "%2", label(WARNING_STATUSES, self.info.status))
        self.table = fitted_table([self.tr("Case"), self.tr("Received"), self.tr("Customer"),
                                   self.tr("Category"), self.tr("State")], stretch=4)
        self.table.setObjectName("warning-cases")
        fill(self.table, [(c.number, when(c.received_at), c.customer, str(c.category),
                           case_label(STATUSES, c.status)) for c in self.cases])
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_case.emit(
            self.cases[row].id))
        self.start = QPushButton(self.tr("Start a corrective action…"))
        self.start.setObjectName("start-action")
        self.dismiss = QPushButton(self.tr("Dismiss…"))
        self.dismiss.setObjectName("dismiss-warning")
        close = QPushButton(self.tr("Close"))
        self.start.clicked.connect(self._on_start)
        self.dismiss.clicked.connect(self._on_dismiss)
        close.clicked.connect(self.reject)
        may = allowed(context.user, Permission.MANAGE_IMPROVEMENT) and self.info.status == "open"
        self.start.setEnabled(may)
        self.dismiss.setEnabled(may)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(QLabel(state))
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.start, self.dismiss, right=(close,)))
        self.resize(760, 420)

    def _on_start(self) -> None:
        """Called when a manager starts an action about the warning's cases."""
        info = self.info
        given = warning_addresses(info)
        made = start_action(self, self._context, list(info.case_ids), title=str(info.text),
                            warning_id=info.id, root_causes=given.get("root_causes"),
                            categories=given.get("categories"))
        if made is not None:
            self.open_action.emit(made)
            self.accept()

    def _on_dismiss(self) -> None:
        """Called when a manager dismisses the warning, saying why."""
        def submit(note: str) -> None:
            with explaining():
                warnings.dismiss(self.info.id, note=note, actor=self._context.user,
                                 now=self._context.now())

        dialog = StepDialog(self.tr("Dismiss the warning"), str(self.info.text), submit,
                            note_label=self.tr("Why (kept with the warning)"), parent=self)
        if Operation(self, self._context, ACTIONS).run_dialog(dialog):
            self.accept()
