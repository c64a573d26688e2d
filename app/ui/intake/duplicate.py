"""A likely duplicate, said before saving: the customer already has an open case of the same
category received in the last days. Add the new words to it, record a new case anyway, or
go back to the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.casework.duplicates import OpenCase
from app.services.labels import STATUSES, label
from app.ui.widgets import clipped, heading, when

ADD, NEW, BACK = "add", "new", "back"


class DuplicateWarning(QDialog):
    """Asks what to do about the open cases a new complaint seems to repeat; `choice` says
    (ADD, NEW or BACK) and `chosen()` which case the words go to."""

    def __init__(self, found: list[OpenCase], words: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = BACK
        self.setWindowTitle(self.tr("Possibly a duplicate"))
        self.cases = QListWidget()
        self.cases.setObjectName("open-cases")
        for case in found:
            item = QListWidgetItem(f"{case.number}   {when(case.received_at)}   "
                                   f"{label(STATUSES, case.status)}\n"
                                   f"{clipped(case.description, 80)}")
            item.setData(Qt.ItemDataRole.UserRole, case)
            self.cases.addItem(item)
        self.cases.setCurrentRow(0)
        self._build_ui(words, len(found))

    def _build_ui(self, words: str, count: int) -> None:
        explain = QLabel(self.tr(
            "This customer already has %n open case(s) of the same category, received in "
            "the last days. If they are calling about it again, add what they said to that "
            "case instead of recording a second one.", "", count))
        explain.setWordWrap(True)
        said = QLabel(self.tr("What they said now: %1").replace("%1", clipped(words, 200)))
        said.setWordWrap(True)
        self.add = QPushButton(self.tr("Add the words to the selected case"))
        self.add.setObjectName("add-to-case")
        self.add.setDefault(True)
        self.new = QPushButton(self.tr("Record a new case anyway"))
        self.new.setObjectName("record-new")
        self.back = QPushButton(self.tr("Back to the form"))
        for button, choice in ((self.add, ADD), (self.new, NEW), (self.back, BACK)):
            button.clicked.connect(lambda _c=False, c=choice: self._choose(c))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch()
        buttons.addWidget(self.new)
        buttons.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Possibly a duplicate")))
        layout.addWidget(explain)
        layout.addWidget(self.cases, 1)
        layout.addWidget(said)
        layout.addLayout(buttons)
        self.resize(720, 420)

    def chosen(self) -> OpenCase:
        """The open case the words go to."""
        return self.cases.currentItem().data(Qt.ItemDataRole.UserRole)

    def _choose(self, choice: str) -> None:
        """Called when the user picks what to do."""
        self.choice = choice
        self.accept() if choice != BACK else self.reject()
