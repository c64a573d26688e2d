"""Proposing compensation: what, how much, why — and whether it needs approval."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services.compensation import offers
from app.services.labels import OFFER_KINDS
from app.services.text import parse_amount, yuan
from app.ui.context import UiContext
from app.ui.widgets import FieldRow, add_row, dialog_buttons, fill_combo, text_box

Submit = Callable[[str, str, str, str], None]  # kind, amount, description, reason


class ProposeDialog(QDialog):
    """The offer form; a line under the amount says if it is within the user's limit."""

    def __init__(self, context: UiContext, number: str, submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._submit = submit
        self.setWindowTitle(self.tr("Propose compensation — %1").replace("%1", number))
        self.kind = QComboBox()
        fill_combo(self.kind, ((str(text), code) for code, text in OFFER_KINDS.items()))
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText("0.00")
        self.description, self.reason = text_box(2), text_box(3)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        self.rows: dict[str, FieldRow] = {
            "kind": add_row(form, self.tr("Kind"), self.kind, required=True),
            "amount": add_row(form, self.tr("Amount (CNY)"), self.amount, required=True),
            "description": add_row(form, self.tr("What exactly"), self.description),
            "reason": add_row(form, self.tr("Why"), self.reason, required=True),
        }
        form.addRow(self.hint)
        buttons, self.ok = dialog_buttons(self.tr("Propose"), self.tr("Cancel"),
                                          self._on_ok, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.amount.textChanged.connect(self._on_amount_changed)
        self.kind.currentIndexChanged.connect(lambda _i: self._on_amount_changed())
        self._on_amount_changed()
        self.setMinimumWidth(520)

    def _on_amount_changed(self) -> None:
        """Called as the amount is typed: within the limit, or waiting for approval?"""
        limit = offers.limit_fen(self._context.user)
        mine = self.tr("No limit") if limit is None else yuan(limit)
        try:
            fen = parse_amount(self.amount.text() or "0")
        except DeskError:
            self.hint.setText(self.tr("Your limit: %1.").replace("%1", mine))
            return
        if offers.covers(self._context.user, fen):
            text = self.tr("Your limit: %1. Within it: approved at once.")
        else:
            text = self.tr("Your limit: %1. Above it: a manager or the owner must approve, and "
                           "the case shows “awaiting approval” until then.")
        self.hint.setText(text.replace("%1", mine))
        self.hint.setStyleSheet("" if offers.covers(self._context.user, fen)
                                else "color: #e65100;")

    def _on_ok(self) -> None:
        """Called when the user proposes: the caller's service call decides."""
        for row in self.rows.values():
            row.clear_error()
        try:
            self._submit(self.kind.currentData(), self.amount.text(),
                         self.description.toPlainText(), self.reason.toPlainText())
        except DeskError as error:
            row = self.rows.get(error.field or "", self.rows["amount"])
            row.show_error(str(error))
            return
        self.accept()


