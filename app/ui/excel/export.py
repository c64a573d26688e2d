"""Exporting the register to Excel from the window: what to include, where, then off the
UI thread with progress and Cancel, and an offer to open the file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from app.i18n import current_language
from app.services.register import export, listing
from app.services.register.listing import CaseQuery
from app.ui import messages
from app.ui.context import UiContext
from app.ui.operations import Operation
from app.ui.runner import Progress
from app.ui.widgets import dialog_buttons


class ExportChoice(QDialog):
    """Says how many cases the current filters give, and asks whether to add timelines."""

    def __init__(self, cases: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export to Excel"))
        self.summary = QLabel(self.tr("%1 case(s) match the register's current filters and "
                                      "search; they will be exported in its order.")
                              .replace("%1", f"{cases:,}"))
        self.summary.setWordWrap(True)
        self.events = QCheckBox(self.tr("Also a sheet with every case's timeline (larger file)"))
        buttons, self.ok = dialog_buttons(self.tr("Choose file…"), self.tr("Cancel"),
                                          self.accept, self.reject)
        self.ok.setEnabled(cases > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.events)
        layout.addWidget(buttons)


def export_job(query: CaseQuery, path: Path, *, now: datetime, language: str, events: bool,
               ) -> Callable[[Progress], export.ExportResult]:
    """The background job: the workbook, reporting progress (and stopping on Cancel)."""
    def job(progress: Progress) -> export.ExportResult:
        return export.export_register(query, path, now=now, language=language,
                                               events=events, on_progress=progress.step)

    return job


def export_register(parent: QWidget, context: UiContext, query: CaseQuery) -> None:
    """Asks what and where, exports in the background, then offers to open the file."""
    translate = QCoreApplication.translate
    title = translate("excel", "Export to Excel")
    now = context.now()
    choice = ExportChoice(listing.count(query, now=now), parent)
    if not choice.exec():
        return
    name = translate("excel", "Complaints")
    path = messages.choose_save_file(
        parent, title, str(messages.documents_folder() / f"{name}-{now:%Y-%m-%d}.xlsx"),
        translate("excel", "Excel workbooks (*.xlsx)"))
    if path is None:
        return
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    job = export_job(query, path, now=now, language=current_language(),
                     events=choice.events.isChecked())

    def done(result: export.ExportResult) -> None:
        text = translate("excel", "%1 case(s) exported to %2.\n\nOpen the file now?")
        text = text.replace("%1", f"{result.cases:,}").replace("%2", str(result.path))
        if messages.confirm(parent, text, title=title):
            messages.open_file(result.path)

    Operation(parent).run_in_background(translate("excel", "Exporting to Excel…"), job, done)
