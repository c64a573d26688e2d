"""Merging a duplicate into the case kept: the two side by side, the case kept found by
search (the customer's other open cases first), and what will move before it does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services.casework import merging
from app.services.casework.merging import CaseBrief, MergePreview
from app.services.labels import STATUSES, label
from app.services.register import listing
from app.ui.context import UiContext
from app.ui.operations import explaining
from app.ui.widgets import ERROR_STYLE, clipped, dialog_buttons, when

# merged id, kept id, their versions, different customers confirmed
Submit = Callable[[int, int, int, int, bool], None]


class MergeDialog(QDialog):
    """Merges the case it opens on (or, swapped, keeps it) with a case chosen beside it."""

    def __init__(self, context: UiContext, case_id: int, submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._submit = submit
        self._this = merging.brief(case_id)
        self._other: CaseBrief | None = None
        self._keep_this = False
        self.preview: MergePreview | None = None
        self.setWindowTitle(self.tr("Merge duplicate cases — %1").replace("%1",
                                                                         self._this.number))
        self._build_ui()
        self._connect_signals()
        self._show_candidates(merging.same_customer(case_id))
        self._refresh()

    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Number, phone, name or words of the other case"))
        self.candidates = QListWidget()
        self.candidates.setObjectName("candidates")
        self.left, self.right = QGroupBox(), QGroupBox()
        self.left_fields, self.right_fields = QFormLayout(self.left), QFormLayout(self.right)
        self.swap = QPushButton(self.tr("Keep the other one instead ⇄"))
        self.moves = QLabel()
        self.moves.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_STYLE)
        self.confirm = QCheckBox(self.tr("They are different customers, but it is the same "
                                         "complaint"))
        buttons, self.ok = dialog_buttons(self.tr("Merge"), self.tr("Cancel"), self._on_ok,
                                          self.reject)
        sides = QHBoxLayout()
        sides.addWidget(self.left, 1)
        sides.addWidget(self.swap, 0, Qt.AlignmentFlag.AlignVCenter)
        sides.addWidget(self.right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Find the other case:")))
        layout.addWidget(self.search)
        layout.addWidget(self.candidates, 1)
        layout.addLayout(sides, 2)
        for widget in (self.moves, self.refusal, self.confirm, buttons):
            layout.addWidget(widget)
        self.resize(1100, 680)

    def _connect_signals(self) -> None:
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self._on_search)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.candidates.currentRowChanged.connect(self._on_candidate)
        self.swap.clicked.connect(self._on_swap)
        self.confirm.toggled.connect(lambda _on: self._refresh_button())

    def _on_search(self) -> None:
        """Called when the user pauses typing: the open cases that match."""
        text = self.search.text().strip()
        if not text:
            self._show_candidates(merging.same_customer(self._this.id))
            return
        rows = listing.fetch_page(listing.CaseQuery(search=text, open_only=True),
                                  now=self._context.now(), limit=50)
        self._show_candidates([merging.brief(row.id) for row in rows
                               if row.id != self._this.id])

    def _show_candidates(self, briefs: list[CaseBrief]) -> None:
        self.candidates.clear()
        for brief in briefs:
            item = QListWidgetItem(f"{brief.number}  {when(brief.received_at)}  "
                                   f"{label(STATUSES, brief.status)}  {brief.channel}  "
                                   f"{brief.customer} {brief.phone}  {brief.category}  "
                                   f"{clipped(brief.description, 60)}")
            item.setData(Qt.ItemDataRole.UserRole, brief)
            self.candidates.addItem(item)
        if briefs:
            self.candidates.setCurrentRow(0)

    def _on_candidate(self, row: int) -> None:
        """Called when the user picks the other case."""
        item = self.candidates.item(row) if row >= 0 else None
        self._other = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.confirm.setChecked(False)
        self._refresh()

    def _on_swap(self) -> None:
        """Called when the user wants to keep this case and merge the other into it."""
        self._keep_this = not self._keep_this
        self._refresh()

    def pair(self) -> tuple[CaseBrief, CaseBrief | None]:
        """(the duplicate, the case kept) as now chosen."""
        if self._keep_this and self._other is not None:
            return self._other, self._this
        return self._this, self._other

    def _refresh(self) -> None:
        merged, kept = self.pair()
        self._fill_side(self.left, self.left_fields, self.tr("Merged (the duplicate)"), merged)
        self._fill_side(self.right, self.right_fields, self.tr("Kept"), kept)
        self.preview = merging.preview(merged.id, kept.id) if kept else None
        self._show_preview()

    def _fill_side(self, box: QGroupBox, form: QFormLayout, title: str,
                   brief: CaseBrief | None) -> None:
        box.setTitle(title)
        while form.rowCount():
            form.removeRow(0)
        if brief is None:
            form.addRow(QLabel(self.tr("Choose the other case above.")))
            return
        for text, value in ((self.tr("Number"), brief.number),
                            (self.tr("Customer"), f"{brief.customer}  {brief.phone}"),
                            (self.tr("Channel"), brief.channel),
                            (self.tr("Category"), brief.category),
                            (self.tr("State"), label(STATUSES, brief.status)),
                            (self.tr("Received"), when(brief.received_at)),
                            (self.tr("What happened"), brief.description)):
            shown = QLabel(value)
            shown.setWordWrap(True)
            form.addRow(text, shown)

    def _show_preview(self) -> None:
        found = self.preview
        self.moves.setVisible(found is not None)
        self.refusal.setVisible(bool(found and found.refusal))
        self.confirm.setVisible(bool(found and found.different_customers
                                     and not found.refusal))
        if found is not None:
            self.moves.setText(self.tr(
                "Moves to %1 with their times and authors: %2 follow-up(s), %3 offer(s), "
                "%4 attachment(s). The %5 event(s) of %6 stay as they were written and show "
                "in %1's timeline. %6 will lead to %1. Nothing is sent or printed.")
                .replace("%1", found.into.number).replace("%2", str(found.follow_ups))
                .replace("%3", str(found.offers)).replace("%4", str(found.attachments))
                .replace("%5", str(found.events)).replace("%6", found.merged.number))
            self.refusal.setText(str(found.refusal) if found.refusal else "")
        self._refresh_button()

    def _refresh_button(self) -> None:
        found = self.preview
        self.ok.setEnabled(found is not None and found.refusal is None
                           and (not found.different_customers or self.confirm.isChecked()))

    def done(self, result: int) -> None:  # noqa: D102 (Qt's)
        self.timer.stop()  # no search after the dialog has gone
        super().done(result)

    def _on_ok(self) -> None:
        """Called when the user merges: the caller's service call decides."""
        found = self.preview
        if found is None:
            return
        try:
            with explaining():
                self._submit(found.merged.id, found.into.id, found.merged.version,
                             found.into.version, self.confirm.isChecked())
        except DeskError as error:
            self.refusal.setText(str(error))
            self.refusal.show()
            return
        self.accept()
