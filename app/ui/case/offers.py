"""The case view's compensation tab: the offers, and what can be done with them now."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.casework.case_parts import OfferInfo
from app.services.casework.view import CaseDetails
from app.services.compensation import offers, payments
from app.services.labels import OFFER_KINDS, OFFER_STATUSES, label
from app.services.text import yuan
from app.ui import messages
from app.ui.case import tabs
from app.ui.compensation.approval import decide_offer
from app.ui.compensation.pay import PayDialog
from app.ui.context import Changes, UiContext
from app.ui.operations import Operation, explaining
from app.ui.widgets import button_row, fill


class OffersPage(QWidget):
    """Offers with Withdraw, Accept counter-offer, Decide… and Mark paid…, as the user may."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._details: CaseDetails | None = None
        self.table = tabs.offer_table()
        self.withdraw = QPushButton(self.tr("Withdraw…"))
        self.accept_counter = QPushButton(self.tr("Accept the counter-offer"))
        self.decide = QPushButton(self.tr("Decide…"))
        self.pay = QPushButton(self.tr("Mark paid…"))
        self.content = QLabel()
        self.content.setObjectName("offer-content")
        self.content.setWordWrap(True)
        self.content.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = button_row(self.decide, self.accept_counter, self.withdraw, self.pay)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.content)
        layout.addLayout(buttons)
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())
        self.withdraw.clicked.connect(self._on_withdraw)
        self.accept_counter.clicked.connect(self._on_accept)
        self.decide.clicked.connect(self._on_decide)
        self.pay.clicked.connect(self._on_pay)

    def show_case(self, details: CaseDetails) -> None:
        """Lists the offers of the case."""
        self._details = details
        fill(self.table, tabs.offer_rows(details))
        if details.offers:  # the latest offer, in full below the table
            self.table.selectRow(len(details.offers) - 1)
        self._update_buttons()

    def selected(self) -> OfferInfo | None:
        """The selected offer, if any."""
        row = self.table.currentRow()
        listed = self._details.offers if self._details else ()
        return listed[row] if 0 <= row < len(listed) else None

    def _show_content(self, offer: OfferInfo | None) -> None:
        """The selected offer in full: what exactly, why, and what was decided."""
        if offer is None:
            self.content.setText(self.tr("Select an offer to see what it holds."))
            return
        lines = [f"<b>{label(OFFER_KINDS, offer.kind)} {yuan(int(offer.amount * 100))}</b>"
                 f" · {label(OFFER_STATUSES, offer.status)}"]
        for caption, text in ((self.tr("What exactly"), offer.description),
                              (self.tr("Why"), offer.reason),
                              (self.tr("Decision"), offer.describe_reason())):
            if text:
                lines.append(f"<b>{caption}:</b> {html.escape(text)}")
        if offer.counter is not None:
            lines.append(self.tr("Counter-offer: %1").replace("%1",
                                                                yuan(int(offer.counter * 100))))
        self.content.setText("<br>".join(lines))

    def _update_buttons(self) -> None:
        offer = self.selected()
        self._show_content(offer)
        possible: frozenset[str] = frozenset()
        if offer is not None:
            requester = offer.requester.username if offer.requester else None
            possible = offers.actions_allowed(status=offer.status, requested_by=requester,
                                              user=self._context.user)
        self.withdraw.setEnabled("withdraw" in possible)
        self.accept_counter.setEnabled("accept_counter" in possible)
        self.decide.setEnabled("decide" in possible)
        self.pay.setEnabled(offer is not None and payments.may_pay(
            status=offer.status, amount_fen=int(offer.amount * 100),
            paid=offer.paid is not None, user=self._context.user))

    def _changes(self) -> Changes:
        return Changes.case(self._details.id) if self._details is not None else Changes()

    def _on_withdraw(self) -> None:
        """Called when the user takes back the selected offer."""
        offer = self.selected()
        reason = messages.ask_text(self, self.tr("Withdraw the offer"), self.tr("Why?"))
        if offer and reason is not None:
            Operation(self, self._context, self._changes()).run(lambda: offers.withdraw(
                offer.id, reason=reason, actor=self._context.user, now=self._context.now()))

    def _on_accept(self) -> None:
        """Called when the proposer takes the approver's counter-offer."""
        offer = self.selected()
        if offer:
            Operation(self, self._context, self._changes()).run(lambda: offers.accept_counter(
                offer.id, actor=self._context.user, now=self._context.now()))

    def _on_decide(self) -> None:
        """Called when a manager or the owner decides on the selected offer."""
        offer = self.selected()
        if offer is not None and decide_offer(self, self._context, offer.id):
            self._context.announce(self._changes())  # the approval dialog made the call

    def _on_pay(self) -> None:
        """Called when the user records that the selected approved offer was paid."""
        offer = self.selected()
        if offer is None:
            return

        def submit(how: str, reference: str, amount: str, paid_at: datetime, note: str) -> None:
            with explaining():  # the dialog shows refusals beside its fields
                payments.pay(offer.id, method=how, reference=reference, amount=amount,
                             paid_at=paid_at, note=note, actor=self._context.user,
                             now=self._context.now())

        Operation(self, self._context, self._changes()).run_dialog(
            PayDialog(offer, submit, now=self._context.now(), parent=self))
