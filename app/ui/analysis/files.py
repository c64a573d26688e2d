"""The analysis' documents from the window: the review pack to preview, print or save, and
the workbook and the period return saved as Excel, each prepared in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.i18n import current_language
from app.services.analysis.filters import Filters
from app.services.analysis.overview import Overview, analyse
from app.services.analysis.period import Period
from app.services.analysis.period_return import period_return
from app.services.analysis.review_files import write_return, write_review
from app.ui import messages
from app.ui.context import UiContext
from app.ui.operations import Operation
from app.ui.printing.actions import temp_pdf
from app.ui.printing.preview import DocumentPreview


def show_pack(parent: QWidget, context: UiContext, shown: Overview | None) -> None:
    """Builds the review pack of the period shown (with the year-earlier comparison the view
    leaves out) and opens it to print or save."""
    if shown is None:
        return
    language, user, now = current_language(), context.user, context.now()

    def job(_progress: object) -> Path:
        full = analyse(shown.period, shown.filters, actor=user, now=now)
        return write_review(full, temp_pdf("review"), language=language)

    def done(path: Path) -> None:
        DocumentPreview(path, str(shown.period.label()), parent=parent).exec()

    title = QCoreApplication.translate("analysis", "Preparing the review pack…")
    Operation(parent).run_in_background(title, job, done)


def _save(parent: QWidget, name: str, write: object) -> None:
    target = messages.choose_save_file(
        parent, QCoreApplication.translate("analysis", "Save as Excel"), name,
        QCoreApplication.translate("analysis", "Excel workbooks (*.xlsx)"))
    if target is None:
        return

    def job(_progress: object) -> Path:
        return write(target)  # type: ignore[operator]

    def done(path: Path) -> None:
        question = QCoreApplication.translate("analysis", "Saved to %1. Open it now?")
        if messages.confirm(parent, question.replace("%1", str(path))):
            messages.open_file(path)

    title = QCoreApplication.translate("analysis", "Writing the workbook…")
    Operation(parent).run_in_background(title, job, done)


def save_workbook(parent: QWidget, context: UiContext, shown: Overview | None) -> None:
    """The review pack's tables as a workbook."""
    if shown is not None:
        language, user, now = current_language(), context.user, context.now()
        _save(parent, f"review-{shown.period.code()}.xlsx",
              lambda path: write_review(analyse(shown.period, shown.filters, actor=user,
                                                now=now), path, language=language))


def save_return(parent: QWidget, context: UiContext, period: Period, filters: Filters) -> None:
    """The period return (投诉情况统计表) as a workbook."""
    language, user, now = current_language(), context.user, context.now()
    _save(parent, f"return-{period.code()}.xlsx",
          lambda path: write_return(period_return(period, filters, actor=user, now=now),
                                    path, language=language))
