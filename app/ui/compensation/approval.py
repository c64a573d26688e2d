"""The owner's decision on an offer: everything needed in one view, then the password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError, SignInError
from app.services.compensation import figures, offers
from app.services.compensation.figures import ApprovalView
from app.services.labels import OFFER_KINDS, STATUSES, label
from app.services.text import when, yuan
from app.ui.context import UiContext
from app.ui.widgets import FieldRow, add_row, dialog_buttons, fill, read_only_table, text_box

Submit = Callable[[str, str, str, str], None]  # decision, reason, password, counter amount


def _shown(text: str) -> QLabel:
    label_ = QLabel(text or "—")
    label_.setWordWrap(True)
    label_.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label_


class ApprovalDialog(QDialog):
    """Approve, refuse or counter, with a reason and the approver's password."""

    def __init__(self, view: ApprovalView, submit: Submit, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self._submit = submit
        offer = view.offer
        self.setWindowTitle(self.tr("Decide on compensation — %1").replace("%1", offer.number))
        grid = QGridLayout()
        grid.addWidget(self._offer_box(view), 0, 0)
        grid.addWidget(self._case_box(view), 1, 0)
        grid.addWidget(self._history_box(view), 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)  # the room to spare goes to what is read, not to the form
        layout.addWidget(self._decision_box())
        buttons, self.ok = dialog_buttons(self.tr("Record the decision"), self.tr("Cancel"),
                                          self._on_ok, self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 660)

    def _offer_box(self, view: ApprovalView) -> QGroupBox:
        offer = view.offer
        box = QGroupBox(self.tr("The offer"))
        form = QFormLayout(box)
        amount = QLabel(f"<b>{label(OFFER_KINDS, offer.kind)} {yuan(offer.amount_fen)}</b>")
        form.addRow(self.tr("Offer"), amount)
        form.addRow(self.tr("What exactly"), _shown(view.description))
        form.addRow(self.tr("Why"), _shown(offer.reason))
        form.addRow(self.tr("Proposed by"), _shown(f"{offer.requester}  {when(offer.created_at)}"))
        return box

    def _case_box(self, view: ApprovalView) -> QGroupBox:
        d = view.details
        box = QGroupBox(self.tr("The case: %1, %2").replace("%1", d.number)
                        .replace("%2", d.customer))
        form = QFormLayout(box)
        form.addRow(self.tr("State"), _shown(label(STATUSES, d.status)))
        form.addRow(self.tr("What happened"), _shown(d.description))
        form.addRow(self.tr("What the customer wants"), _shown(d.wish))
        form.addRow(self.tr("Findings"), _shown(d.facts))
        form.addRow(self.tr("Root cause"), _shown(d.root_cause.name if d.root_cause else ""))
        return box

    def _history_box(self, view: ApprovalView) -> QGroupBox:
        box = QGroupBox(self.tr("For comparison"))
        column = QVBoxLayout(box)
        self.history = read_only_table([self.tr("Earlier case"), self.tr("Received"),
                                        self.tr("State"), self.tr("Given")])
        fill(self.history, [[number, when(received), label(STATUSES, status), yuan(fen)]
                            for number, received, status, fen in view.history.cases])
        column.addWidget(QLabel(self.tr("This customer's earlier cases")))
        column.addWidget(self.history)
        facts = QFormLayout()
        facts.addRow(self.tr("Given to this customer before"),
                     QLabel(yuan(view.history.approved_fen)))
        facts.addRow(self.tr("Already given on this case"), QLabel(yuan(view.approved_so_far_fen)))
        self.case_total = QLabel(f"<b>{yuan(view.case_total_fen)}</b>")
        self.case_total.setToolTip(self.tr("Your limit counts the case's total: every offer on "
                                           "it approved or waiting, this one included."))
        facts.addRow(self.tr("Case total with this offer"), self.case_total)
        similar = (self.tr("%1 on average over %2 case(s)")
                   .replace("%1", yuan(view.similar_average_fen))
                   .replace("%2", str(view.similar_cases)) if view.similar_cases
                   else self.tr("no earlier compensation"))
        facts.addRow(self.tr("Same category"), QLabel(similar))
        column.addLayout(facts)
        return box

    def _decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Decision"))
        form = QFormLayout(box)
        self.choices = QButtonGroup(self)
        row = QHBoxLayout()
        for code, text in (("approve", self.tr("Approve")), ("refuse", self.tr("Refuse")),
                           ("counter", self.tr("Counter-offer"))):
            button = QRadioButton(text)
            button.setObjectName(f"decision-{code}")
            button.setProperty("code", code)
            self.choices.addButton(button)
            row.addWidget(button)
        self.choices.buttons()[0].setChecked(True)
        self.counter = QLineEdit()
        self.counter.setPlaceholderText(self.tr("amount (CNY)"))
        row.addWidget(self.counter)
        row.addStretch()
        form.addRow(row)
        self.reason, self.password = text_box(2), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.rows: dict[str, FieldRow] = {
            "reason": add_row(form, self.tr("Reason"), self.reason, required=True),
            "password": add_row(form, self.tr("Your password"), self.password, required=True),
        }
        self.rows["counter"] = self.rows["reason"]
        return box

    def decision(self) -> str:
        """approve, refuse or counter."""
        chosen = self.choices.checkedButton()
        assert chosen is not None  # the first choice is checked from the start
        return str(chosen.property("code"))

    def _on_ok(self) -> None:
        """Called when the decision is recorded (the services check it all again)."""
        for row in self.rows.values():
            row.clear_error()
        try:
            self._submit(self.decision(), self.reason.toPlainText(), self.password.text(),
                         self.counter.text())
        except DeskError as error:
            target = "password" if isinstance(error, SignInError) else (error.field or "reason")
            self.password.clear()  # first: typing again clears the message, clearing does too
            self.rows.get(target, self.rows["reason"]).show_error(str(error))
            return
        self.accept()


def decide_offer(parent: QWidget, context: UiContext, offer_id: int) -> bool:
    """Opens the decision on an offer (from the case or the approvals queue); True once the
    approver has decided."""
    def submit(decision: str, reason: str, password: str, counter: str) -> None:
        offers.decide(offer_id, decision=decision, reason=reason, password=password,
                            counter=counter or None, actor=context.user, now=context.now())

    view = figures.approval_view(offer_id)
    return bool(ApprovalDialog(view, submit, parent=parent).exec())
