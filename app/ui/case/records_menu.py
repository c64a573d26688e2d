"""The case view's "Record" menu: merging duplicates and undoing a merge, the legal hold, and
the customer's personal data (their own record, a correction, an erasure) — each offered to
the roles the services allow."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from app.i18n import current_language
from app.services.casework import hold, merging
from app.services.casework.view import CaseDetails
from app.services.customers import details as customers
from app.services.customers import joining
from app.services.documents import own_record
from app.services.labels import OPEN_STATUSES
from app.services.permissions import Permission, allowed
from app.ui import messages
from app.ui.case.customer_dialog import CorrectDialog
from app.ui.case.merge_dialog import MergeDialog
from app.ui.context import CASES, Changes, UiContext
from app.ui.operations import Operation


class RecordMenu(QPushButton):
    """A button whose menu holds what is done to the case's record and its customer."""

    def __init__(self, context: UiContext, case: CaseDetails, parent: QWidget) -> None:
        super().__init__(self.tr("Record"), parent)
        self.setObjectName("action-record")
        self._context, self._case, self._parent = context, case, parent
        menu = QMenu(self)
        user = context.user
        if allowed(user, Permission.MERGE) and case.status in OPEN_STATUSES:
            menu.addAction(self.tr("Merge duplicate cases…"), self._on_merge)
        for merged in case.merged if allowed(user, Permission.MERGE) else ():
            menu.addAction(self.tr("Undo the merge of %1…").replace("%1", merged.number),
                           lambda n=merged.number: self._on_unmerge(n))  # type: ignore[misc]
        if allowed(user, Permission.MERGE) and case.redacted_at is None:
            menu.addAction(self.tr("Join another record of this customer…"), self._on_join)
        if allowed(user, Permission.LEGAL_HOLD) and case.redacted_at is None:
            menu.addAction(self.tr("Lift the legal hold…") if case.legal_hold
                           else self.tr("Put on legal hold…"), self._on_hold)
        menu.addSeparator()
        if case.redacted_at is None:
            menu.addAction(self.tr("Customer's own record (PDF and Excel)…"), self._on_record)
            menu.addAction(self.tr("Correct the customer's details…"), self._on_correct)
            if allowed(user, Permission.REMOVE_PERSONAL_DATA):
                menu.addAction(self.tr("Erase the customer's personal data…"), self._on_erase)
        self.setMenu(menu)

    def _operation(self, changes: Changes | None = None) -> Operation:
        return Operation(self._parent, self._context, changes or Changes.case(self._case.id))

    def _on_merge(self) -> None:
        """Called when the user merges this case with another."""
        def submit(merged: int, kept: int, merged_version: int, kept_version: int,
                   different: bool) -> None:
            merging.merge(merged, kept, actor=self._context.user, now=self._context.now(),
                          merged_version=merged_version, into_version=kept_version,
                          different_customers=different)

        self._operation(CASES).run_dialog(MergeDialog(self._context, self._case.id, submit,
                                                      parent=self._parent))

    def _on_unmerge(self, number: str) -> None:
        """Called when the user undoes the merge of a case into this one."""
        question = self.tr("Undo the merge: %1 becomes a case of its own again, with its "
                           "follow-ups, offers and attachments?").replace("%1", number)
        if messages.confirm(self._parent, question):
            self._operation(CASES).run(lambda: merging.unmerge(
                number, actor=self._context.user, now=self._context.now()))

    def _on_join(self) -> None:
        """Called when the same person is on record under another phone or spelling."""
        phone = messages.ask_text(self._parent, self.tr("Join another record of this customer"),
                                  self.tr("Phone of the other record (the same person under "
                                          "another number or spelling); their cases then show "
                                          "as one history:"))
        if phone:
            self._operation(CASES).run(lambda: joining.join(
                self._case.customer_id, customers.customer_by_phone(phone).id,
                actor=self._context.user, now=self._context.now()))

    def _on_hold(self) -> None:
        """Called when the user puts the case on legal hold or lifts it."""
        title = self.tr("Legal hold")
        reason = messages.ask_text(self._parent, title, self.tr(
            "Why (a dispute, a lawsuit, a regulator's request…)?"))
        if reason is None:
            return
        self._operation().run(lambda: hold.set_legal_hold(
            self._case.id, hold=not self._case.legal_hold, reason=reason,
            actor=self._context.user, now=self._context.now(),
            expected_version=self._case.version))

    def _on_record(self) -> None:
        """Called when the customer asks what is kept about them."""
        path = messages.choose_save_file(
            self._parent, self.tr("The customer's own record"),
            str(messages.documents_folder() / f"{self._case.phone}.pdf"), "PDF (*.pdf)")
        if path is None:
            return
        book = path.with_suffix(".xlsx")
        self._operation().run(lambda: own_record.write(
            self._case.customer_id, pdf=path, workbook=book, language=current_language(),
            actor=self._context.user, now=self._context.now()),
            lambda _record: messages.show_info(self._parent, self.tr(
                "Written: %1 and %2").replace("%1", str(path)).replace("%2", str(book))))

    def _on_correct(self) -> None:
        """Called when the customer asks for their details to be corrected."""
        def submit(name: str, address: str, phone: str) -> None:
            customers.correct(self._case.customer_id, name=name, address=address,
                              phone=phone, actor=self._context.user, now=self._context.now())

        self._operation(CASES).run_dialog(CorrectDialog(self._case, submit, self._parent))

    def _on_erase(self) -> None:
        """Called when the owner erases the customer's personal data on their request."""
        question = self.tr("Erase the personal data of %1 (%2) from every case of theirs? "
                           "Names, phones, addresses and free texts are removed for good; "
                           "backups made before keep them until they are deleted."
                           ).replace("%1", self._case.customer).replace("%2", self._case.phone)
        if messages.confirm(self._parent, question):
            self._operation(CASES).run(lambda: joining.erase(
                self._case.customer_id, actor=self._context.user, now=self._context.now()))
