"""Choosing the backup to restore: the copies in the backup folder (or another file), what
each holds, and a confirmation that says what will be lost."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import DeskError
from app.models.snapshot import CopyFacts
from app.services.backup import restore
from app.services.backup.restore import Choice
from app.ui import messages
from app.ui.backup.wording import size, translate
from app.ui.operations import explaining
from app.ui.widgets import button_row, fill, read_only_table


class RestoreDialog(QDialog):
    """After `exec()` accepted: `chosen` is the backup the user confirmed."""

    def __init__(self, current_cases: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.chosen: Path | None = None
        self._current_cases = current_cases
        with explaining():
            self.choices: list[Choice] = restore.choices()
        self._build_ui()
        self._show_choices()

    def _build_ui(self) -> None:
        intro = QLabel(self.tr("Choose the copy to put back. Everything recorded after it was "
                               "made will no longer be in the database; the database in use "
                               "now is kept aside first."))
        intro.setWordWrap(True)
        self.table = read_only_table([self.tr("Made"), self.tr("Cases"),
                                      self.tr("Newest case"), self.tr("Size")])
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.other = QPushButton(self.tr("Another file…"))
        self.other.clicked.connect(self._on_other)
        self.restore = QPushButton(self.tr("Restore…"))
        self.restore.setEnabled(False)
        self.restore.clicked.connect(self._on_restore)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addLayout(button_row(self.other, right=(self.restore, cancel)))
        self.resize(640, 420)

    def _show_choices(self) -> None:
        fill(self.table, [[c.made_at.strftime("%Y-%m-%d %H:%M"),
                           f"{c.facts.cases:,}" if c.facts.ok else "—",
                           c.facts.newest_case or "—", size(c.facts.size)]
                          for c in self.choices])
        self.table.resizeColumnsToContents()
        if self.choices:
            self.table.selectRow(0)
        else:
            self.details.setText(self.tr("There is no copy in the backup folder yet: choose "
                                         "another file."))

    def _selected(self) -> Choice | None:
        rows = self.table.selectionModel().selectedRows()
        return self.choices[rows[0].row()] if rows else None

    def _on_selected(self) -> None:
        """Called when the user selects a copy: what it holds."""
        choice = self._selected()
        self.restore.setEnabled(choice is not None and choice.facts.ok)
        if choice is not None:
            self.details.setText(describe(choice.facts, choice.made_at.strftime(
                "%Y-%m-%d %H:%M")))

    def _on_other(self) -> None:
        """Called when the user picks a backup kept somewhere else."""
        path = messages.choose_open_file(self, self.tr("Restore a backup"),
                                         self.tr("Complaint Desk backups (*.sqlite3 *.bak)"))
        if path is None:
            return
        try:
            with explaining():
                facts = restore.describe(path)
        except DeskError as error:
            messages.show_error(self, error)
            return
        made = datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
        self.choices.insert(0, Choice(path, made, facts))
        self._show_choices()

    def _on_restore(self) -> None:
        """Called when the user restores the selected copy: confirm what will be lost."""
        choice = self._selected()
        if choice is None:
            return
        text = (self.tr("Replace the database in use (%1 cases) with the backup made %2 "
                        "(%3 cases, the newest %4)?\n\nEverything recorded after %2 will no "
                        "longer be in the database. The database in use now is kept aside "
                        "first. Complaint Desk then starts again on the backup and asks you "
                        "to sign in.")
                .replace("%1", f"{self._current_cases:,}")
                .replace("%2", choice.made_at.strftime("%Y-%m-%d %H:%M"))
                .replace("%3", f"{choice.facts.cases:,}")
                .replace("%4", choice.facts.newest_case or "—"))
        if messages.confirm(self, text, title=self.tr("Restore a backup")):
            self.chosen = choice.path
            self.accept()


def describe(facts: CopyFacts, made: str) -> str:
    """What a copy holds, in a sentence."""
    newest = facts.newest_case or "—"
    if facts.newest_at is not None:
        received = facts.newest_at.strftime("%Y-%m-%d %H:%M")
        newest += translate("backup", " (received %1)").replace("%1", received)
    return (translate("backup", "Backup made %1: %2 cases, the newest %3.").replace("%1", made)
            .replace("%2", f"{facts.cases:,}").replace("%3", newest))

