"""Acknowledging a complaint (答复受理): what the customer is told, from an approved template
(统一回复口径), and the time the decision is promised for."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QPlainTextEdit, QWidget

from app.i18n import current_language
from app.services.casework import replies
from app.services.casework.actions import Action
from app.services.casework.view import CaseDetails
from app.ui.case.action_dialog import ActionDialog, Submit
from app.ui.widgets import from_qdatetime

FIRST_CHOICE = "ack"  # the template a shop's first answer usually starts from


class AcknowledgeDialog(ActionDialog):
    """The action's form with a template above it: picking one writes the reply from the
    case and the promised time, which the user may then edit."""

    def __init__(self, action: Action, details: CaseDetails, submit: Submit,
                 parent: QWidget | None = None, *, now: datetime | None = None) -> None:
        super().__init__(action, details, submit, parent, now=now)
        self._details = details
        self._rendered = ""
        self.reply: QPlainTextEdit = self.inputs["reply"]  # type: ignore[assignment]
        self.promised: QDateTimeEdit = self.inputs["promised"]  # type: ignore[assignment]
        self.template = QComboBox()
        self.template.setObjectName("template")
        self.template.addItem(self.tr("— write freely —"), "")
        for template in replies.templates(current_language()):
            self.template.addItem(template.title, template.body)
        self.form.insertRow(0, self.tr("Template"), self.template)
        self.template.currentIndexChanged.connect(lambda _i: self._fill(force=True))
        self.promised.dateTimeChanged.connect(lambda _t: self._fill(force=False))
        codes = [t.code for t in replies.templates(current_language())]
        if FIRST_CHOICE in codes:
            self.template.setCurrentIndex(codes.index(FIRST_CHOICE) + 1)
        self.reply.setFocus()

    def _fill(self, *, force: bool) -> None:
        """Called when a template or the promised time is chosen: the reply written from
        them, unless the user has changed it since (a new template always replaces it)."""
        body = self.template.currentData()
        if not body or (not force and self.reply.toPlainText() != self._rendered):
            return
        promised = from_qdatetime(self.promised.dateTime())
        self._rendered = replies.render(body, replace(self._details, resolution_due=promised))
        self.reply.setPlainText(self._rendered)
