"""A PDF shown before it is printed: pages on screen, Print, Save as PDF, Open."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui import messages
from app.ui.widgets import button_row

PREVIEW_WIDTH = 760  # pixels of a page on screen


def on_white(image: QImage) -> QImage:
    """QtPdf renders pages with a transparent background: paint them onto white."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


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
        pages = QWidget()
        column = QVBoxLayout(pages)
        for index in range(self.document.pageCount()):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(self.page_image(index, PREVIEW_WIDTH)))
            label.setStyleSheet("border: 1px solid #bbb;")
            column.addWidget(label, alignment=Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.open_button = QPushButton(self.tr("Open in the PDF viewer"))
        close = QPushButton(self.tr("Close"))
        buttons = button_row(self.print_button, self.save_button, self.open_button, right=(close,))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))))
        close.clicked.connect(self.accept)
        self.resize(PREVIEW_WIDTH + 80, 700)

    def page_count(self) -> int:
        """How many pages the document has."""
        return self.document.pageCount()

    def page_image(self, index: int, width: int) -> QImage:
        """Page `index` rendered `width` pixels wide, on white."""
        points = self.document.pagePointSize(index)
        height = round(width * points.height() / points.width())
        return on_white(self.document.render(index, QSize(width, height)))

    def print_to(self, printer: QPrinter) -> None:
        """Draws every page on `printer`, each filling its printable area."""
        painter = QPainter(printer)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for index in range(self.page_count()):
            if index:
                printer.newPage()
            image = self.page_image(index, area.width())
            painter.drawImage(0, 0, image.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        painter.end()

    def _on_print(self) -> None:
        """Called when the user prints: the system's printer dialog, then the pages."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if messages.choose_printer(self, printer):
            self.print_to(printer)
            self._issued()

    def _on_save(self) -> None:
        """Called when the user saves the document as a PDF file."""
        target = messages.choose_save_file(self, self.tr("Save as PDF"), self.path.name,
                                           self.tr("PDF files (*.pdf)"))
        if target is not None:
            shutil.copyfile(self.path, target)
            self._issued()
