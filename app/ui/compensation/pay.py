"""Mark paid: an approved offer handed over — when, how, and the receipt or voucher number."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services.casework.case_parts import OfferInfo
from app.services.labels import OFFER_KINDS, PAYMENT_METHODS, label
from app.ui.widgets import (
    FieldRow,
    add_row,
    dialog_buttons,
    fill_combo,
    from_qdatetime,
    text_box,
    to_qdatetime,
)

Submit = Callable[[str, str, str, datetime, str], None]  # how, ref, amount, paid at, note


class PayDialog(QDialog):
    """The payment form; the amount starts at the amount approved (it may not exceed it)."""

    def __init__(self, offer: OfferInfo, submit: Submit, *, now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Mark paid"))
        self.method = QComboBox()
        fill_combo(self.method, ((str(text), code) for code, text in PAYMENT_METHODS.items()))
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.amount = QLineEdit(f"{offer.amount:.2f}")
        self.amount.setObjectName("amount")
        self.paid_at = QDateTimeEdit(to_qdatetime(now))
        self.paid_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.note = text_box(2)
        form = QFormLayout()
        form.addRow(self.tr("Approved"), QLabel(
            f"<b>{label(OFFER_KINDS, offer.kind)} ¥{offer.amount:,.2f}</b>"))
        self.rows: dict[str, FieldRow] = {
            "method": add_row(form, self.tr("How"), self.method, required=True),
            "reference": add_row(form, self.tr("Receipt or voucher number"), self.reference,
                                 required=True),
            "amount": add_row(form, self.tr("Amount paid (CNY)"), self.amount, required=True),
            "paid_at": add_row(form, self.tr("Paid or handed over at"), self.paid_at),
            "note": add_row(form, self.tr("Note"), self.note),
        }
        buttons, self.ok = dialog_buttons(self.tr("Record the payment"), self.tr("Cancel"),
                                          self._on_ok, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _on_ok(self) -> None:
        """Called when the user records the payment (the service checks it all)."""
        for row in self.rows.values():
            row.clear_error()
        try:
            self._submit(self.method.currentData(), self.reference.text(), self.amount.text(),
                         from_qdatetime(self.paid_at.dateTime()), self.note.toPlainText())
        except DeskError as error:
            self.rows.get(error.field or "", self.rows["reference"]).show_error(str(error))
            return
        self.accept()
