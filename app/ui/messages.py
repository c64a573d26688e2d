"""The one seam for message boxes and file dialogs, so tests patch a single module."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from app.errors import DeskError

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def tr(text: str) -> str:
    """Translates a string of this module (lupdate reads `messages.tr("…")` calls)."""
    return QCoreApplication.translate("messages", text)


def show_error(parent: QWidget | None, error: DeskError | str, *, title: str = "") -> None:
    """Tells the user why something was refused."""
    QMessageBox.warning(parent, title or tr_not_done(), str(error))


def show_info(parent: QWidget | None, text: str, *, title: str = "") -> None:
    """Tells the user something worked or needs attention."""
    QMessageBox.information(parent, title or QCoreApplication.translate("messages",
                                                                        "Complaint Desk"), text)


def confirm(parent: QWidget | None, text: str, *, title: str = "") -> bool:
    """Asks a yes/no question; True for yes."""
    heading = title or QCoreApplication.translate("messages", "Please confirm")
    box = QMessageBox(QMessageBox.Icon.Question, heading, text, parent=parent)
    yes = box.addButton(QCoreApplication.translate("messages", "Yes"),
                        QMessageBox.ButtonRole.YesRole)
    box.addButton(QCoreApplication.translate("messages", "No"), QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes


def tr_not_done() -> str:
    """The title of a refusal."""
    return QCoreApplication.translate("messages", "Not done")


def ask_text(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """A line of text from the user, or None when they cancel."""
    text, ok = QInputDialog.getText(parent, title, prompt)
    return text if ok else None


def choose_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's printer dialog; True when the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


def choose_open_file(parent: QWidget | None, caption: str, filters: str = "") -> Path | None:
    """A file to open, or None when the user cancels."""
    name, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return Path(name) if name else None


def choose_save_file(parent: QWidget | None, caption: str, suggested: str,
                     filters: str = "") -> Path | None:
    """Where to save a file, or None when the user cancels."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return Path(name) if name else None


def choose_folder(parent: QWidget | None, caption: str, start: str = "") -> Path | None:
    """A folder (a USB stick, a network folder), or None when the user cancels."""
    name = QFileDialog.getExistingDirectory(parent, caption, start)
    return Path(name) if name else None


def open_file(path: Path) -> bool:
    """Opens a file (or a folder) in the program the system uses for it (Excel, the PDF
    viewer); when no program opens it, says so and offers its folder. True when opened."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from app.ui.opening import no_program_for

    if not no_program_for(path) and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    if path.is_dir() or not offer_folder(path):
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def offer_folder(path: Path) -> bool:
    """Tells the user no program opens `path` and where it is; True when they want its
    folder opened."""
    from PySide6.QtWidgets import QApplication

    text = QCoreApplication.translate(
        "messages", "No program on this PC opens %1 files, so the file was not opened. It is "
        "saved here:\n%2").replace("%1", path.suffix or path.name).replace("%2", str(path))
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("messages", "Complaint Desk"), text,
                      parent=QApplication.activeWindow())
    folder = box.addButton(QCoreApplication.translate("messages", "Open the folder"),
                           QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("messages", "Close"),
                  QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is folder


def documents_folder() -> Path:
    """The user's Documents folder: where saved files are suggested to go."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(location) or Path.home())
