"""The approvals queue for managers and the owner: offers waiting, oldest first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.services.compensation import figures
from app.services.compensation.figures import OfferRow
from app.services.labels import OFFER_KINDS, label
from app.services.text import when, yuan
from app.ui.compensation.approval import decide_offer
from app.ui.context import Changes, UiContext
from app.ui.widgets import button_row, fill, read_only_table


class ApprovalsPanel(QWidget):
    """Waiting offers; Decide… opens the decision, Open case shows the whole case."""

    open_case = Signal(int)

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._offers: list[OfferRow] = []
        self.table = read_only_table([self.tr("Proposed"), self.tr("Case"), self.tr("Customer"),
                                      self.tr("Offer"), self.tr("Proposed by"), self.tr("Why")])
        self.table.setObjectName("approvals")
        self.decide = QPushButton(self.tr("Decide…"))
        self.open = QPushButton(self.tr("Open case"))
        buttons = button_row(self.decide, self.open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self.decide.clicked.connect(self.decide_selected)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.decide_selected())
        self.open.clicked.connect(self._on_open)

    def refresh(self) -> int:
        """Reads the waiting offers again; returns how many there are."""
        self._offers = figures.waiting()
        fill(self.table, [[when(o.created_at), o.number, o.customer,
                           f"{label(OFFER_KINDS, o.kind)} {yuan(o.amount_fen)}", o.requester,
                           o.reason] for o in self._offers])
        return len(self._offers)

    def selected(self) -> OfferRow | None:
        """The selected offer, if any."""
        row = self.table.currentRow()
        return self._offers[row] if 0 <= row < len(self._offers) else None

    def decide_selected(self) -> None:
        """Opens the decision on the selected offer."""
        offer = self.selected()
        if offer is not None and decide_offer(self, self._context, offer.id):
            self._context.announce(Changes.case(offer.case_id))

    def _on_open(self) -> None:
        """Called when the user opens the selected offer's case."""
        offer = self.selected()
        if offer is not None:
            self.open_case.emit(offer.case_id)
