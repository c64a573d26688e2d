"""The intake form (受理): one screen, keyboard only, while the customer waits."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError, FormError, MissingFieldsError
from app.models import Category, Complaint, RootCause
from app.services import catalog, deadlines, guidance
from app.services.casework import duplicates
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.catalog import name_of
from app.services.customers import directory
from app.services.labels import CHANNELS, FLAGS, SEVERITIES, STATUSES, label
from app.ui import messages
from app.ui.context import Changes, UiContext
from app.ui.intake.duplicate import ADD, NEW, DuplicateWarning
from app.ui.intake.success import SuccessPage
from app.ui.operations import Operation
from app.ui.widgets import (
    FieldRow,
    add_row,
    button_row,
    fill_combo,
    from_qdatetime,
    select_data,
    text_box,
    to_qdatetime,
    when,
)

SETTINGS_CHANNEL = "intake/channel"


class IntakeDialog(QDialog):
    """Records a complaint; after saving shows the number large. `open_case` asks to open it."""

    open_case = Signal(int)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._auto_name = ""
        self._promise_edited = False
        self.setWindowTitle(self.tr("New complaint"))
        self._build_ui()
        self._connect_signals()
        self._on_category_changed()
        self.phone.setFocus()

    def _build_ui(self) -> None:
        self.pages = QStackedWidget()
        self.form_page = QWidget()
        self.success = SuccessPage()
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.success)
        self._build_form()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(980, 700)

    def _build_form(self) -> None:
        self.phone, self.name, self.reference = QLineEdit(), QLineEdit(), QLineEdit()
        self.phone.setObjectName("phone")
        self.name.setObjectName("customer_name")
        self.channel, self.category, self.severity = QComboBox(), QComboBox(), QComboBox()
        fill_combo(self.channel, ((str(t), code) for code, t in CHANNELS.items()))
        select_data(self.channel, QSettings().value(SETTINGS_CHANNEL, "counter"))
        categories = catalog.entries(Category)
        self._profiles = {c.code: c.profile for c in categories}
        fill_combo(self.category, ((name_of(c), c.code) for c in categories),
                   blank=self.tr("— choose —"))
        fill_combo(self.severity, ((str(t), code) for code, t in SEVERITIES.items()))
        select_data(self.severity, "medium")
        self.flags = {code: QCheckBox(str(text)) for code, text in FLAGS.items()}
        self.description, self.wish = text_box(4), text_box(2)
        self.promised = QDateTimeEdit()
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.promised.setCalendarPopup(True)
        self.on_spot = QCheckBox(self.tr("Solved on the spot (close the case now)"))
        self.save = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save.setDefault(True)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.rows = self._form_rows()
        self.spot_box = self._spot_box()
        self.known = QLabel()
        self.earlier = QListWidget()
        self.earlier.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._lay_out_form()

    def _form_rows(self) -> dict[str, FieldRow]:
        self.form = QFormLayout()
        flags = QWidget()
        flag_row = QHBoxLayout(flags)
        flag_row.setContentsMargins(0, 0, 0, 0)
        for box in self.flags.values():
            flag_row.addWidget(box)
        flag_row.addStretch()
        rows = {}
        for key, text, editor, required in (
            ("phone", self.tr("Phone"), self.phone, True),
            ("customer_name", self.tr("Customer name"), self.name, True),
            ("channel", self.tr("Channel"), self.channel, True),
            ("category", self.tr("Category"), self.category, True),
            ("severity", self.tr("Severity"), self.severity, False),
            ("flags", self.tr("Flags"), flags, False),
            ("description", self.tr("What happened (customer's words)"), self.description, True),
            ("wish", self.tr("What the customer wants"), self.wish, False),
            ("reference", self.tr("Order / policy number"), self.reference, False),
            ("promised_at", self.tr("Promised answer by"), self.promised, False),
        ):
            rows[key] = add_row(self.form, text, editor, required=required)
        rows["received_at"] = rows["promised_at"]  # a bad intake time is shown there too
        return rows

    def _spot_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Solved on the spot"))
        form = QFormLayout(box)
        self.root_cause = QComboBox()
        fill_combo(self.root_cause, ((name_of(r), r.code) for r in catalog.entries(RootCause)),
                   blank=self.tr("— choose —"))
        self.resolution, self.feedback = text_box(2), text_box(2)
        self.rows["root_cause"] = add_row(form, self.tr("Root cause"), self.root_cause,
                                          required=True)
        self.rows["resolution"] = add_row(form, self.tr("Solution"), self.resolution,
                                          required=True)
        self.rows["feedback"] = add_row(form, self.tr("Told the customer"), self.feedback,
                                        required=True)
        box.hide()
        return box

    def _lay_out_form(self) -> None:
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.on_spot)
        left.addWidget(self.spot_box)
        left.addStretch()
        buttons = button_row(right=(self.cancel, self.save))
        left.addLayout(buttons)
        right = QVBoxLayout()
        tips = QLabel("<br><br>".join(f"<b>{s.title}</b> — {s.advice}"
                                      for s in guidance.for_case("new")))
        tips.setWordWrap(True)
        tips.setObjectName("guidance")
        right.addWidget(tips)
        right.addSpacing(12)
        right.addWidget(self.known)
        right.addWidget(self.earlier, 1)
        right.addStretch()
        columns = QHBoxLayout(self.form_page)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self._show_known(None)

    def _connect_signals(self) -> None:
        self.phone.textChanged.connect(self._on_phone_changed)
        self.category.currentIndexChanged.connect(self._on_category_changed)
        self.promised.dateTimeChanged.connect(self._on_promise_edited)
        self.on_spot.toggled.connect(self.spot_box.setVisible)
        self.save.clicked.connect(self._on_save)
        self.cancel.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.form_page, self._on_save)
        self.success.new_requested.connect(self._on_new)
        self.success.open_requested.connect(self._on_open)
        self.success.close_requested.connect(self.accept)
        self.success.receipt_requested.connect(self._on_receipt)

    def form_values(self) -> IntakeForm:
        """What the user typed, as the intake service takes it."""
        return IntakeForm(
            customer_name=self.name.text(), phone=self.phone.text(),
            channel=self.channel.currentData(), category=self.category.currentData() or "",
            description=self.description.toPlainText(), severity=self.severity.currentData(),
            wish=self.wish.toPlainText(), reference=self.reference.text(),
            flags=[code for code, box in self.flags.items() if box.isChecked()],
            promised_at=from_qdatetime(self.promised.dateTime()) if self._promise_edited
            else None,
            on_the_spot=self.on_spot.isChecked(),
            on_the_spot_values={"root_cause": self.root_cause.currentData() or "",
                                "resolution": self.resolution.toPlainText(),
                                "feedback": self.feedback.toPlainText()},
        )

    def _on_save(self) -> None:
        """Called on Save or Ctrl+Enter: record the case, or show what is wrong beside it."""
        if self.pages.currentWidget() is not self.form_page:
            return
        for row in set(self.rows.values()):
            row.clear_error()
        if not self._not_a_duplicate():
            return
        Operation(self, self._context, lambda case: Changes.case(case.id),
                  on_failure=self._on_refused).run(
            lambda: record_complaint(self.form_values(), actor=self._context.user,
                                     now=self._context.now()), self._on_recorded)

    def _not_a_duplicate(self) -> bool:
        """Before saving: an open case of the same customer and category, received in the
        last days, is said; True to record a new case, False when the words went to the
        open case (or the user went back to the form)."""
        found = duplicates.likely_duplicates(self.phone.text(), self.category.currentData() or "",
                                             now=self._context.now())
        if not found:
            return True
        warning = DuplicateWarning(found, self.description.toPlainText(), parent=self)
        warning.exec()
        if warning.choice == NEW:
            return True
        if warning.choice == ADD:
            case = warning.chosen()
            Operation(self, self._context, Changes.case(case.id),
                      on_failure=self._on_refused).run(
                lambda: duplicates.add_words(
                    case.id, description=self.description.toPlainText(),
                    wish=self.wish.toPlainText(), actor=self._context.user,
                    now=self._context.now()), self._on_added)
        return False

    def _on_added(self, case: Complaint) -> None:
        """Called when the new words went to the open case: its number, on the success page."""
        self.success.show_case(case.id, case.number, label(STATUSES, case.status), added=True)
        self.pages.setCurrentWidget(self.success)

    def _on_recorded(self, case: Complaint) -> None:
        """Called when the case is recorded: its number, large, on the success page."""
        QSettings().setValue(SETTINGS_CHANNEL, self.channel.currentData())
        self.success.show_case(case.id, case.number, label(STATUSES, case.status))
        self.pages.setCurrentWidget(self.success)

    def _on_refused(self, error: DeskError) -> None:
        """Called when the case could not be recorded: what is wrong, beside each field."""
        if isinstance(error, FormError):
            self._show_errors({e.field or "": str(e) for e in reversed(error.errors)})
        elif isinstance(error, MissingFieldsError):
            self._show_errors({name: self.tr("Required when solved on the spot.")
                               for name in error.missing})
        else:
            messages.show_error(self, error)

    def _show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for field, message in errors.items():
            row = self.rows.get(field)
            if row is not None:
                row.show_error(message)
                first = row
        if first is not None:
            first.setFocus()

    def _on_phone_changed(self, text: str) -> None:
        """Called as the phone is typed: a known number fills in the customer."""
        known = directory.lookup(text) if sum(ch.isdigit() for ch in text) >= 7 else None
        self._show_known(known)
        if known and (not self.name.text() or self.name.text() == self._auto_name):
            self._auto_name = known.name
            self.name.setText(known.name)

    def _show_known(self, known: directory.KnownCustomer | None) -> None:
        self.earlier.clear()
        self.earlier.setVisible(bool(known and known.earlier))
        if known is None:
            self.known.setText(self.tr("New customer"))
            return
        self.known.setText(self.tr("Returning customer: %n earlier case(s)", "",
                                   len(known.earlier)))
        for case in known.earlier:
            self.earlier.addItem(f"{case.number}  {when(case.received_at)}  "
                                 f"{label(STATUSES, case.status)}\n{case.description[:60]}")

    def _on_category_changed(self) -> None:
        """Called when the category changes: the promised time follows its deadline rule."""
        if self._promise_edited:
            return
        profile = self._profiles.get(self.category.currentData(), "shop")
        due = deadlines.for_intake(self._context.now(), profile=profile).first_response_due
        self.promised.blockSignals(True)
        self.promised.setDateTime(to_qdatetime(due))
        self.promised.blockSignals(False)

    def _on_promise_edited(self) -> None:
        """Called when the user changes the promised time themselves."""
        self._promise_edited = True

    def _on_receipt(self, case_id: int, number: str) -> None:
        """Called from the success page: the receipt to hand to the customer, in one click."""
        from app.ui.printing.actions import show_document

        show_document(self, self._context, "receipt", number, case_id)

    def _on_new(self) -> None:
        """Called from the success page: a fresh form for the next customer."""
        replacement = IntakeDialog(self._context, parent=self.parentWidget())
        replacement.open_case.connect(self.open_case)
        self.accept()
        replacement.exec()

    def _on_open(self, case_id: int) -> None:
        """Called from the success page: open the case just recorded."""
        self.accept()
        self.open_case.emit(case_id)
