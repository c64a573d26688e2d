"""Importing an old register from the window: a wizard (file, columns, check), then the
import itself off the UI thread with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget, QWizard

from app.models import User
from app.services.importing import importer
from app.services.importing.importer import ImportReport
from app.ui import messages
from app.ui.context import CASES, UiContext
from app.ui.excel.import_pages import CheckPage, ColumnsPage, FilePage
from app.ui.operations import Operation
from app.ui.runner import Progress


@dataclass(frozen=True)
class ImportChoice:
    """What the wizard settled: the file, the sheet, the columns, whether to skip bad rows."""

    path: Path
    sheet: str
    mapping: dict[str, str]
    skip_bad_rows: bool


class ImportWizard(QWizard):
    """File and sheet → columns → check; Finish imports."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("Import from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.files = FilePage()
        self.columns = ColumnsPage(self.files)
        self.check = CheckPage(self._start_check)
        for page in (self.files, self.columns, self.check):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.resize(820, 620)

    def choice(self) -> ImportChoice:
        """What to import, as chosen on the pages."""
        assert self.files.path is not None and self.files.peeked is not None
        return ImportChoice(self.files.path, self.files.peeked.sheet, self.columns.mapping(),
                            self.check.skip.isChecked())

    def _start_check(self) -> None:
        """The dry run, in the background; the check page shows its report."""
        choice = self.choice()
        job = import_job(choice, actor=self._context.user, now=self._context.now(),
                         dry_run=True)
        title = QCoreApplication.translate("excel", "Checking the sheet…")
        Operation(self).run_in_background(title, job, self.check.show_report)


def import_job(choice: ImportChoice, *, actor: User, now: datetime, dry_run: bool = False,
               ) -> Callable[[Progress], ImportReport]:
    """The background job: the dry run, or the import reporting progress."""
    def job(progress: Progress) -> ImportReport:
        return importer.import_cases(choice.path, actor=actor, now=now,
                                      sheet=choice.sheet, mapping=choice.mapping,
                                      dry_run=dry_run, skip_bad_rows=choice.skip_bad_rows,
                                      on_progress=progress.step)

    return job


def start_import(parent: QWidget, context: UiContext, choice: ImportChoice) -> None:
    """Imports in the background, then says what was recorded."""
    translate = QCoreApplication.translate

    def done(report: ImportReport) -> None:
        text = translate("excel", "%1 case(s) imported from “%2”; %3 row(s) skipped, %4 "
                                  "already recorded.")
        messages.show_info(parent, text.replace("%1", str(len(report.created)))
                           .replace("%2", report.file)
                           .replace("%3", str(report.bad_rows))
                           .replace("%4", str(len(report.duplicates))))

    job = import_job(choice, actor=context.user, now=context.now())
    Operation(parent, context, CASES).run_in_background(translate("excel", "Importing…"), job,
                                                        done)


def import_from_excel(parent: QWidget, context: UiContext) -> None:
    """The wizard, then the import."""
    wizard = ImportWizard(context, parent)
    if wizard.exec():
        start_import(parent, context, wizard.choice())
