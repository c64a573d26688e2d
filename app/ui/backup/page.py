"""Settings › Backups: where the copies go, the last one and its result, the record, a copy
now and a restore."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services import settings
from app.services.backup import places, records, restore, retention
from app.services.desk import store
from app.services.permissions import Permission, allowed
from app.ui import messages
from app.ui.backup import actions
from app.ui.backup.restore_dialog import RestoreDialog
from app.ui.backup.wording import kind_name, last_backup, size
from app.ui.context import UiContext
from app.ui.operations import explaining
from app.ui.widgets import FieldRow, button_row, fill, read_only_table

HISTORY = 12


class BackupsPage(QWidget):
    """The backups tab of the settings."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._database = store.database_file()
        self._build_ui()
        self.load()

    def _build_ui(self) -> None:
        user = self._context.user
        where = self._where()
        self.last = QLabel()
        self.last.setWordWrap(True)
        self.history = read_only_table([self.tr("When"), self.tr("Kind"), self.tr("Result"),
                                        self.tr("Cases"), self.tr("Size"), self.tr("File")])
        self.back_up = QPushButton(self.tr("Back up now"))
        self.back_up.clicked.connect(self._on_back_up)
        self.back_up.setVisible(allowed(user, Permission.BACKUP))
        self.restore = QPushButton(self.tr("Restore a backup…"))
        self.restore.clicked.connect(self._on_restore)
        self.restore.setVisible(allowed(user, Permission.RESTORE) and self._database is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.last)
        layout.addWidget(self.history, 1)
        layout.addLayout(button_row(self.back_up, right=(self.restore,)))

    def _where(self) -> QGroupBox:
        """The folder setting, where copies go now, and the advice."""
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Empty: a folder beside the database"))
        self.folder_row = FieldRow(self.folder)
        self.goes_to = QLineEdit()  # a path: selectable, and never mistaken for words
        self.goes_to.setReadOnly(True)
        self.choose = QPushButton(self.tr("Choose…"))
        self.save = QPushButton(self.tr("Save"))
        self.choose.clicked.connect(self._on_choose)
        self.save.clicked.connect(self._on_save)
        for widget in (self.folder, self.choose, self.save):
            widget.setEnabled(allowed(self._context.user, Permission.MANAGE_SETTINGS))
        where = QGroupBox(self.tr("Where the copies go"))
        form = QFormLayout(where)
        form.addRow(self.tr("Backup folder"), self.folder_row)
        form.addRow("", button_row(self.choose, self.save))
        form.addRow(self.tr("Copies go to"), self.goes_to)
        advice = QLabel(self.tr(
            "A USB stick or a network folder is safer than a folder beside the database: a "
            "broken disk or a stolen PC takes the database and the copies beside it. A copy "
            "is made at the first start of each day and on closing after a few hours; the "
            "folder keeps every copy of the last day, then %1 daily, %2 weekly and %3 "
            "monthly copies.").replace("%1", str(retention.DAILY))
            .replace("%2", str(retention.WEEKLY)).replace("%3", str(retention.MONTHLY)))
        advice.setWordWrap(True)
        form.addRow(advice)
        return where

    def load(self) -> None:
        """Shows the folder setting, the last backup and the record."""
        self.folder.setText(str(settings.get("backup.folder") or ""))
        self.goes_to.setText(str(places.backup_folder(self._database) or ""))
        self.last.setText(self.tr("Last backup: %1").replace("%1", last_backup(
            records.latest())))
        history = records.history(HISTORY)
        fill(self.history, [
            [info.started_at.strftime("%Y-%m-%d %H:%M"), kind_name(info.kind),
             self.tr("checked") if info.ok else self.tr("failed (point at it for why)"),
             f"{info.cases:,}" if info.cases is not None else "", size(info.size), info.path]
            for info in history])
        for row, info in enumerate(history):
            item = self.history.item(row, 2)
            if item is not None and not info.ok:  # the reason is long: under the pointer
                item.setToolTip(str(info.problem_text()))
        self.history.resizeColumnsToContents()
        self.history.resizeRowsToContents()

    def _on_choose(self) -> None:
        """Called when the user picks the backup folder."""
        folder = messages.choose_folder(self, self.tr("Backup folder"), self.folder.text())
        if folder is not None:
            self.folder.setText(str(folder))

    def _on_save(self) -> None:
        """Called when the user saves the folder."""
        self.folder_row.clear_error()
        try:
            with explaining():
                settings.set_value("backup.folder", self.folder.text(),
                                   actor=self._context.user, now=self._context.now())
        except DeskError as error:
            self.folder_row.show_error(str(error))
            return
        self.load()

    def _on_back_up(self) -> None:
        """Called when the user asks for a copy now."""
        actions.back_up_now(self, self._context, lambda _info: self.load())

    def _on_restore(self) -> None:
        """Called when the user wants to put a backup back."""
        dialog = RestoreDialog(restore.cases_now(), self)
        if dialog.exec() and dialog.chosen is not None:
            actions.restore_backup(self, self._context, dialog.chosen)

