"""The case view's compensation tab: the offers, and what can be done with them now."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.services.casework.view import CaseDetails, OfferInfo
from app.services.compensation import offers, payments
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
        buttons = button_row(self.decide, self.accept_counter, self.withdraw, self.pay)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
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
        self._update_buttons()

    def selected(self) -> OfferInfo | None:
        """The selected offer, if any."""
        row = self.table.currentRow()
        listed = self._details.offers if self._details else ()
        return listed[row] if 0 <= row < len(listed) else None

    def _update_buttons(self) -> None:
        offer = self.selected()
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
