"""Print a receipt, a summary or a letter from the window; letters in bulk in the background."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QWidget,
)

from app.i18n import EN, ZH, current_language
from app.services.documents import papers, print_jobs
from app.services.labels import STATUSES, label
from app.ui import messages
from app.ui.context import CASES, Changes, UiContext
from app.ui.operations import Operation
from app.ui.printing.preview import DocumentPreview
from app.ui.printing.signature import SignatureDialog
from app.ui.runner import Progress
from app.ui.widgets import dialog_buttons


def temp_pdf(name: str) -> Path:
    """A new file name in this program's folder for documents about to be printed."""
    folder = Path(tempfile.gettempdir()) / "complaint-desk-print"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}-{datetime.now():%Y%m%d-%H%M%S-%f}.pdf"


def build_document(kind: str, number: str, *, language: str, now: datetime,
                   signature: bytes | None = None) -> Path:
    """Writes one document of a case to a new temporary PDF."""
    return print_jobs.write_document(kind, number, temp_pdf(f"{number}-{kind}"),
                                     language=language, now=now, signature=signature)


def show_document(parent: QWidget, context: UiContext, kind: str, number: str, case_id: int,
                  *, language: str | None = None, signature: bytes | None = None) -> None:
    """Builds the document and shows it to print or save; issuing it goes on the timeline."""
    def issued() -> None:
        Operation(parent, context, Changes.case(case_id)).run(lambda: papers.record_printed(
            number, kind, actor=context.user, now=context.now()))

    Operation(parent).run(
        lambda: build_document(kind, number, language=language or current_language(),
                               now=context.now(), signature=signature),
        lambda path: DocumentPreview(path, f"{number}", issued=issued, parent=parent).exec())


class LetterOptions(QDialog):
    """The letter's language, and whether the customer signs on screen now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolution letter"))
        self.language = QComboBox()
        self.language.addItem("简体中文", ZH)
        self.language.addItem("English", EN)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.sign = QCheckBox(self.tr("The customer signs on screen now"))
        buttons, _ = dialog_buttons(self.tr("Continue"), self.tr("Cancel"),
                                    self.accept, self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.sign)
        form.addRow(buttons)


def print_letter(parent: QWidget, context: UiContext, number: str, case_id: int,
                 customer: str) -> None:
    """Asks for the language and (if wanted) the customer's signature, then shows the letter."""
    options = LetterOptions(parent)
    if not options.exec():
        return
    signature = None
    if options.sign.isChecked():
        pad = SignatureDialog(customer, parent)
        if not pad.exec():
            return
        signature = pad.png
    show_document(parent, context, "letter", number, case_id,
                  language=options.language.currentData(), signature=signature)


class BatchLetters(QDialog):
    """Which cases' letters to print together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print letters"))
        self.status = QComboBox()
        for code in ("resolved", "rejected", "closed"):
            self.status.addItem(label(STATUSES, code), code)
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setDate(self.since.date().currentDate().addDays(-7))
        self.language = QComboBox()
        self.language.addItem("简体中文", ZH)
        self.language.addItem("English", EN)
        buttons, _ = dialog_buttons(self.tr("Prepare"), self.tr("Cancel"),
                                    self.accept, self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Cases now"), self.status)
        form.addRow(self.tr("Decided since"), self.since)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(buttons)


def letters_job(status: str, since: datetime, language: str, now: datetime,
                ) -> Callable[[Progress], print_jobs.PrintRun]:
    """The background job: the letters of the chosen cases in one PDF, with progress."""
    def job(progress: Progress) -> print_jobs.PrintRun:
        numbers = papers.decided_numbers(status=status, since=since)
        return print_jobs.letters_in_one_file(numbers, temp_pdf("letters"), language=language,
                                              now=now, on_progress=progress.step)

    return job


def print_letters(parent: QWidget, context: UiContext) -> None:
    """Asks which letters, prepares them in the background, then shows them to print."""
    choice = BatchLetters(parent)
    if not choice.exec():
        return
    since = datetime.combine(cast(date, choice.since.date().toPython()), datetime.min.time())
    job = letters_job(choice.status.currentData(), since, choice.language.currentData(),
                      context.now())

    def done(run: print_jobs.PrintRun) -> None:
        if run.refused:
            messages.show_info(parent, "\n".join(run.refusals()[:20]))
        if not run.files:
            return

        def issued() -> None:
            Operation(parent, context, CASES).run(lambda: papers.record_printed(
                run.printed, "letter", actor=context.user, now=context.now()))

        title = QCoreApplication.translate("printing", "Letters")
        DocumentPreview(run.files[0], title, issued=issued, parent=parent).exec()

    Operation(parent).run_in_background(
        QCoreApplication.translate("printing", "Preparing letters…"), job, done)
