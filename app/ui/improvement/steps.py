"""Taking an action a step further (start, done, the verdict, cancel) and noting progress.

The verdict is recorded with the before/after comparison in front of whoever records it:
the dialog shows what the data says before they choose."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from app.errors import DeskError
from app.services.improvement.effect import Comparison
from app.ui.widgets import ERROR_STYLE, dialog_buttons, text_box

Submit = Callable[[str], None]  # the note


class StepDialog(QDialog):
    """A step's confirmation: what it means, the comparison for a verdict, and a note."""

    def __init__(self, title: str, explanation: str, submit: Submit, *,
                 note_label: str, comparison: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(title)
        said = QLabel(explanation)
        said.setWordWrap(True)
        self.comparison = QLabel(comparison)
        self.comparison.setObjectName("comparison")
        self.comparison.setWordWrap(True)
        self.comparison.setStyleSheet("background: #f5f5f5; padding: 8px;")
        self.comparison.setVisible(bool(comparison))
        self.note = text_box(3)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons, self.ok = dialog_buttons(title, self.tr("Cancel"), self._on_ok, self.reject)
        layout = QVBoxLayout(self)
        for widget in (said, self.comparison, QLabel(note_label), self.note, self.error):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _on_ok(self) -> None:
        """Called when the user confirms the step."""
        try:
            self._submit(self.note.toPlainText())
        except DeskError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()


def comparison_text(found: Comparison | None) -> str:
    """The before/after comparison in a sentence of the window's language."""
    if found is None:
        return QCoreApplication.translate(
            "improvement", "No comparison: the action names no root cause or category to count.")
    if found.after_to <= found.done_at:
        return QCoreApplication.translate(
            "improvement", "Just done: new cases with the same cause are counted from now on "
            "and set against as long a time before it was done.")
    text = QCoreApplication.translate(
        "improvement", "New cases with the same cause: %1 in the %3 days before it was done "
        "(from %4), %2 in the %3 days since (to %5).")
    for key, value in (("%1", _part(found.before, found.before_total)),
                       ("%2", _part(found.after, found.after_total)), ("%3", found.days),
                       ("%4", f"{found.before_from:%Y-%m-%d}"),
                       ("%5", f"{found.after_to:%Y-%m-%d}")):
        text = text.replace(key, str(value))
    if found.unclassified:
        text += " " + QCoreApplication.translate(
            "improvement", "%1 more of its categories have no root cause yet.").replace(
            "%1", str(found.unclassified))
    if not found.complete:
        text += " " + QCoreApplication.translate("improvement",
                                                 "Still counting until the check date.")
    return text


def _part(count: int, total: int) -> str:
    """`9 of 120 cases (7.5%)`: a count with its share of every case of the window."""
    if not total:
        return QCoreApplication.translate("improvement", "none (no case at all then)")
    return QCoreApplication.translate("improvement", "%1 of %2 (%3%)").replace(
        "%1", str(count)).replace("%2", str(total)).replace("%3", f"{100 * count / total:.1f}")
