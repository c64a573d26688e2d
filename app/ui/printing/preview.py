"""A PDF shown before it is printed: pages on screen, Print, Save as PDF, Open.

Pages are drawn as they scroll into view (a batch of letters may have a thousand), and
printing runs on the worker thread, page by page, with progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from app.errors import DeskError
from app.i18n import Text
from app.reports.files import copy_file
from app.ui import messages
from app.ui.operations import Operation
from app.ui.runner import CancelledError, Progress, run_and_wait
from app.ui.widgets import button_row

PREVIEW_WIDTH = 760  # pixels of a page on screen
PRINT_DPI = 300  # pages go to the printer as images this sharp (sharper is slower, not better)


def on_white(image: QImage) -> QImage:
    """QtPdf renders pages with a transparent background: paint them onto white."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


def page_image(document: QPdfDocument, index: int, width: int) -> QImage:
    """Page `index` of `document` rendered `width` pixels wide, on white."""
    points = document.pagePointSize(index)
    height = round(width * points.height() / points.width())
    return on_white(document.render(index, QSize(width, height)))


class DocumentPreview(QDialog):
    """Shows the pages; `issued` is called once the document is printed or saved."""

    def __init__(self, path: Path, title: str, *, issued: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._issued = issued or (lambda: None)
        self.setWindowTitle(title)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.open_button = QPushButton(self.tr("Open in the PDF viewer"))
        close = QPushButton(self.tr("Close"))
        buttons = button_row(self.print_button, self.save_button, self.open_button, right=(close,))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        self.open_button.clicked.connect(self._on_open)  # a method: a lambda on self is a
        # reference cycle that keeps the dialog alive until after QApplication is gone
        close.clicked.connect(self.accept)
        self.resize(PREVIEW_WIDTH + 80, 700)

    def page_count(self) -> int:
        """How many pages the document has."""
        return self.document.pageCount()

    def page_image(self, index: int, width: int) -> QImage:
        """Page `index` rendered `width` pixels wide, on white."""
        return page_image(self.document, index, width)

    def _on_print(self) -> None:
        """Called when the user prints: the system's printer dialog, then the pages."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        _match_paper(printer, self.document)
        if not messages.choose_printer(self, printer):
            return
        title = QCoreApplication.translate("printing", "Printing…")
        if run_and_wait(self, title, print_job(self.document, printer)) is not None:
            self._issued()

    def _on_open(self) -> None:
        """Called when the user opens the PDF in the system's viewer."""
        messages.open_file(self.path)

    def _on_save(self) -> None:
        """Called when the user saves the document as a PDF file."""
        target = messages.choose_save_file(self, self.tr("Save as PDF"), self.path.name,
                                           self.tr("PDF files (*.pdf)"))
        # Copied whole or not at all; a folder not allowed or a full disk is said, not a crash.
        if target is not None:
            Operation(self).run(lambda: copy_file(self.path, target),
                                lambda _copy: self._issued())


def _match_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Proposes the document's own paper (A4, Letter, A5 across) in the printer dialog."""
    if document.pageCount() == 0:
        return
    points = document.pagePointSize(0)
    landscape = points.width() > points.height()
    size = points.transposed() if landscape else points
    printer.setPageSize(QPageSize(size, QPageSize.Unit.Point))  # fuzzy: finds "A4"
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)


NO_PRINTER = Text("The printer could not be started. Check that it is switched on and "
                  "connected, or save the document as PDF and print it later.",
                  "无法启动打印机。请检查打印机是否开机并已连接，或先另存为 PDF 稍后打印。")


def print_job(document: QPdfDocument, printer: QPrinter) -> Callable[[Progress], int]:
    """The background job that sends each page of `document` to `printer` at its true size.

    The document belongs to the UI thread (see app.ui.runner); the job only renders pages
    from it, which QtPdf allows from any thread.
    """
    def job(progress: Progress) -> int:
        total = document.pageCount()
        printer.setFullPage(True)  # the PDF has its own margins: print it 1:1 on the paper
        painter = QPainter()
        if not painter.begin(printer):
            raise DeskError(NO_PRINTER)
        try:
            for index in range(total):
                progress.step(index, total, f"{index + 1} / {total}")
                if index:
                    printer.newPage()
                _draw_page(painter, printer, document, index)
        except CancelledError:
            printer.abort()
            raise
        finally:
            painter.end()
        return total

    return job


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument,
               index: int) -> None:
    area = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    points = document.pagePointSize(index)
    scale = min(area.width() / points.width(), area.height() / points.height())
    width, height = points.width() * scale, points.height() * scale
    dpi = min(printer.resolution(), PRINT_DPI)
    image = page_image(document, index, round(points.width() / 72 * dpi))
    painter.drawImage(QRectF(0, 0, width, height), image)
