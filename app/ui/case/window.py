"""The case view: every field, the timeline and related records, and the actions allowed now."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError
from app.services import guidance
from app.services.casework import actions, attachments, replies
from app.services.casework.actions import Action
from app.services.casework.view import CaseDetails
from app.services.compensation import offers
from app.services.documents import letter_content, papers
from app.services.labels import FLAGS, STATUSES, label
from app.ui import messages
from app.ui.case import tabs
from app.ui.case.action_dialog import ActionDialog
from app.ui.case.conflict import ConflictDialog
from app.ui.case.follow_ups import FollowUpsPage
from app.ui.case.offers import OffersPage
from app.ui.case.records_menu import RecordMenu
from app.ui.case.reply_dialog import ReplyDialog
from app.ui.compensation.propose import ProposeDialog
from app.ui.context import Changes, UiContext
from app.ui.improvement.case_actions import CaseActionsPage, offer_link_after_resolving
from app.ui.operations import Operation, explaining
from app.ui.printing import actions as printing
from app.ui.widgets import button_row, fill, heading, when

SETTINGS_GUIDANCE = "case/show_guidance"
# Actions that take the case a step further; the others go on the second row.
STEP_ACTIONS = frozenset({"acknowledge", "assign", "reassign", "investigate", "propose",
                          "resolve", "reject", "solve_now", "feedback", "close", "satisfaction",
                          "reopen"})


class CaseWindow(QDialog):
    """One case in its own window (non-modal: staff keep several open); `open_action(id)`
    asks the main window for a corrective action."""

    open_action = Signal(int)

    def __init__(self, context: UiContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.details = CaseDetails.load_id(case_id)
        self._case_id = self.details.id  # a merged case's number leads to the case kept
        self.setModal(False)
        self._build_ui()
        self._context.case_changed.connect(self._on_case_changed)
        self.reload()

    def _build_ui(self) -> None:
        self.title = heading("", size=16)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.actions_row, self.more_row = QHBoxLayout(), QHBoxLayout()
        self.tabs = QTabWidget()
        self.timeline = tabs.timeline_table()
        self.follow_ups = FollowUpsPage(self._context)
        self.offers, self.files = OffersPage(self._context), tabs.attachment_table()
        self.corrective = CaseActionsPage(self._context)
        self.corrective.open_action.connect(self.open_action)
        self.details_tab = QWidget()
        for widget, title in ((self.details_tab, self.tr("Details")),
                              (self.timeline, self.tr("Timeline")),
                              (self.follow_ups, self.tr("Follow-ups")),
                              (self.offers, self.tr("Compensation")),
                              (self._files_page(), self.tr("Attachments")),
                              (self.corrective, self.tr("Corrective actions"))):
            self.tabs.addTab(widget, title)
        self.guidance = QLabel()
        self.guidance.setObjectName("guidance")
        self.guidance.setWordWrap(True)
        self.show_guidance = QCheckBox(self.tr("Show the seven steps"))
        self.show_guidance.setChecked(bool(QSettings().value(SETTINGS_GUIDANCE, True, type=bool)))
        self.show_guidance.toggled.connect(self._on_guidance_toggled)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+F"), self)
        shortcut.activated.connect(self._on_follow_up_shortcut)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(self.actions_row)
        layout.addLayout(self.more_row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.guidance)
        layout.addWidget(self.show_guidance)
        self.resize(1100, 680)

    def _files_page(self) -> QWidget:
        page = QWidget()
        add, show = QPushButton(self.tr("Add file…")), QPushButton(self.tr("Open"))
        add.setObjectName("add-file")
        show.setObjectName("open-file")
        add.clicked.connect(self._on_add_file)
        show.clicked.connect(self._on_open_file)
        buttons = button_row(add, show)
        layout = QVBoxLayout(page)
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        return page

    def reload(self) -> None:
        """Reads the case again and redraws everything."""
        self.details = d = CaseDetails.load_id(self._case_id)
        self.setWindowTitle(f"{d.number} — {d.customer}")
        self.title.setText(f"{d.number}  ·  {label(STATUSES, d.status)}")
        self.summary.setText(self._summary_text(d))
        fill(self.timeline, tabs.timeline_rows(d))
        self.follow_ups.show_case(d)
        self.offers.show_case(d)
        self.corrective.show_case(d)
        fill(self.files, tabs.attachment_rows(d))
        index = self.tabs.indexOf(self.details_tab)
        self.tabs.removeTab(index)
        self.details_tab = tabs.details_page(d)
        self.tabs.insertTab(index, self.details_tab, self.tr("Details"))
        self.tabs.setCurrentIndex(index)
        self._rebuild_actions()
        self._show_guidance()

    def _summary_text(self, d: CaseDetails) -> str:
        flags = "、".join(label(FLAGS, flag) for flag in d.flags)
        due = when(d.next_due_at) or "—"
        if d.is_overdue(self._context.now()):
            late = self.tr("overdue")
            due = f"<span style='color:#c62828'><b>{due} ({late})</b></span>"
        parts = [f"<b>{d.customer}</b> {d.phone}",
                 self.tr("Category: %1").replace("%1", d.category.name),
                 self.tr("Received: %1").replace("%1", when(d.received_at)),
                 self.tr("Next due: %1").replace("%1", due)]
        if flags:
            parts.append(f"<span style='color:#e65100'><b>{flags}</b></span>")
        parts.extend(self._clock_notes(d))
        parts.extend(self._record_notes(d))
        return " &nbsp;|&nbsp; ".join(parts)

    def _record_notes(self, d: CaseDetails) -> list[str]:
        notes = ["<b>" + self.tr("Legal hold") + "</b>"] if d.legal_hold else []
        if d.merged:
            notes.append(self.tr("Merged into this case: %1").replace(
                "%1", "、".join(case.number for case in d.merged)))
        if d.redacted_at:
            notes.append(self.tr("Personal data removed %1").replace("%1", when(d.redacted_at)))
        return notes

    def _clock_notes(self, d: CaseDetails) -> list[str]:
        notes = []
        if d.clock_paused_at:
            notes.append(self.tr("Clock paused since %1").replace("%1", when(d.clock_paused_at)))
        if d.complex_case:
            notes.append(self.tr("Complex case"))
        if d.escalated_at and not d.escalation_ack_at:
            notes.append("<b>" + self.tr("Escalated: waiting for a manager") + "</b>")
        return notes

    def _rebuild_actions(self) -> None:
        """The steps of the case on the first row, everything else on the second."""
        for row in (self.actions_row, self.more_row):
            while (item := row.takeAt(0)) is not None:
                if (widget := item.widget()) is not None:
                    widget.hide()  # deleteLater waits for the event loop
                    widget.deleteLater()
        for action in actions.available(self.details, self._context.user):
            button = QPushButton(str(action.label))
            button.setObjectName(f"action-{action.code}")
            button.clicked.connect(lambda _c=False, a=action: self._on_action(a))
            row = self.actions_row if action.code in STEP_ACTIONS else self.more_row
            row.addWidget(button)
            button.show()  # a widget added to a shown window stays hidden until shown
        print_button = self._print_button()
        self.more_row.addWidget(print_button)
        print_button.show()
        if self.details.status != "closed":
            reply = QPushButton(self.tr("Reply with template…"))
            reply.setObjectName("action-reply")
            reply.clicked.connect(self._on_reply)
            self.more_row.addWidget(reply)
            reply.show()
        record = RecordMenu(self._context, self.details, self)
        self.more_row.addWidget(record)
        record.show()
        self.actions_row.addStretch()
        self.more_row.addStretch()

    def _print_button(self) -> QPushButton:
        """Print: the receipt, the summary, the letter; and the signed letter coming back."""
        button = QPushButton(self.tr("Print"))
        button.setObjectName("action-print")
        menu = QMenu(button)
        d = self.details
        for text, kind in ((self.tr("Receipt for the customer"), "receipt"),
                           (self.tr("Case summary for the file"), "summary")):
            menu.addAction(text, lambda k=kind: printing.show_document(  # type: ignore[misc]
                self, self._context, k, d.number, d.id))
        letter_item = menu.addAction(self.tr("Resolution letter…"), lambda: printing.print_letter(
            self, self._context, d.number, d.id, d.customer))
        letter_item.setEnabled(letter_content.decision(d) is not None)
        menu.addSeparator()
        menu.addAction(self.tr("The signed letter came back…"), self._on_signed_letter)
        button.setMenu(menu)
        return button

    def _on_signed_letter(self) -> None:
        """Called when the customer's signed letter (scan or photo) is brought back."""
        path = messages.choose_open_file(self, self.tr("The signed letter"),
                                         self.tr("Scans and photos (*.pdf *.jpg *.jpeg *.png)"))
        if path is not None:
            self._operation().run(lambda: papers.attach_signed_letter(
                self._case_id, file_name=path.name, data=path.read_bytes(),
                actor=self._context.user, now=self._context.now()))

    def _operation(self) -> Operation:
        """An operation on this case: when it is done, every view of the case redraws."""
        return Operation(self, self._context, Changes.case(self._case_id))

    def _show_guidance(self) -> None:
        steps = guidance.for_case(self.details.status, flags=self.details.flags,
                                  severity=self.details.severity)
        self.guidance.setText("<br>".join(f"<b>{s.title}</b> — {s.advice}" for s in steps))
        self.guidance.setVisible(self.show_guidance.isChecked() and bool(steps))

    def _on_follow_up_shortcut(self) -> None:
        """Ctrl+Shift+F: straight to the follow-up date; type the day, Enter adds it."""
        self.tabs.setCurrentWidget(self.follow_ups)
        self.follow_ups.focus_date()

    def _on_guidance_toggled(self, shown: bool) -> None:
        """Called when the user hides or shows the seven steps (remembered)."""
        QSettings().setValue(SETTINGS_GUIDANCE, shown)
        self._show_guidance()

    def _on_action(self, action: Action) -> None:
        """Called when an action button is clicked: its dialog, then the service."""
        if action.code == "compensate":
            self._on_propose()
            return

        def submit(values: dict[str, Any], inputs: dict[str, Any]) -> None:
            actions.perform(action.code, self._case_id, expected_version=self.details.version,
                            values=values, inputs=inputs, actor=self._context.user,
                            now=self._context.now())

        dialog = ActionDialog(action, self.details, submit, parent=self,
                              now=self._context.now())
        if self._operation().run_dialog(dialog) and action.code == "resolve":
            offer_link_after_resolving(self, self._context, self.details)
        if dialog.conflict is not None:
            self._explain_conflict(dialog.conflict,
                                   {**dialog.values(), **dialog.input_values()})

    def _on_propose(self) -> None:
        """Called when the user proposes compensation."""
        def submit(kind: str, amount: str, description: str, reason: str) -> None:
            with explaining():  # the dialog shows refusals beside the amount
                offers.propose(self.details.id, expected_version=self.details.version,
                               kind=kind, amount=amount, description=description,
                               reason=reason, actor=self._context.user, now=self._context.now())

        self._operation().run_dialog(ProposeDialog(self._context, self.details.number, submit,
                                                   parent=self))

    def _on_reply(self) -> None:
        """Called when the user replies to the customer with a template."""
        def submit(text: str) -> None:
            replies.record_reply(self._case_id, text, expected_version=self.details.version,
                                 actor=self._context.user, now=self._context.now())

        self._operation().run_dialog(ReplyDialog(self.details, submit, parent=self))

    def _explain_conflict(self, error: ConflictError, unsaved: dict[str, Any]) -> None:
        if ConflictDialog(error, unsaved, parent=self).exec():
            self.reload()

    def _on_add_file(self) -> None:
        """Called when the user adds a photo, receipt or scan."""
        path = messages.choose_open_file(self, self.tr("Add a file to the case"),
                                         self.tr("Images and documents (*.jpg *.jpeg *.png "
                                                 "*.pdf *.heic *.doc *.docx);;All files (*)"))
        if path is None:
            return
        self._operation().run(lambda: attachments.add_attachment(
            self._case_id, file_name=path.name, data=path.read_bytes(),
            actor=self._context.user, now=self._context.now()))

    def _on_open_file(self) -> None:
        """Called when the user opens the selected attachment with the system viewer."""
        row = self.files.currentRow()
        if row < 0:
            return
        info = self.details.attachments[row]
        folder = Path(tempfile.gettempdir()) / "complaint-desk-files"
        Operation(self).run(lambda: attachments.save_copy(info.id, folder),
                            lambda copy: QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))))

    def _on_case_changed(self, case_id: int) -> None:
        """Called when any case changes: redraw if it is this one."""
        if case_id == self._case_id:
            self.reload()
