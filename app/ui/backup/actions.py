"""What the window does with backups: a copy now, a restore, a switch of database — each a
service call run by app.ui.operations, in the background with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from app.services.backup import copies, restore
from app.services.backup.records import BackupInfo
from app.services.desk import store
from app.ui import messages
from app.ui.backup.wording import size, translate
from app.ui.context import Restart, UiContext
from app.ui.operations import Operation
from app.ui.runner import Progress


def back_up_now(parent: QWidget, context: UiContext,
                on_done: Callable[[BackupInfo], object] | None = None) -> None:
    """Makes a copy in the background and says how it went."""
    now, user = context.now(), context.user

    def job(progress: Progress) -> BackupInfo:
        return copies.back_up(kind="manual", now=now, actor=user, step=progress.step)

    def done(info: BackupInfo) -> None:
        if info.ok:
            said = translate("backup", "Backup made and checked: %1 (%2), %3 cases.")
            messages.show_info(parent, said.replace("%1", info.path)
                               .replace("%2", size(info.size))
                               .replace("%3", f"{info.cases or 0:,}"))
        else:
            messages.show_error(parent, str(info.problem_text()),
                                title=translate("backup", "The backup failed"))
        if on_done is not None:
            on_done(info)

    Operation(parent).run_in_background(translate("backup", "Making a backup…"), job, done)


def restore_backup(parent: QWidget, context: UiContext, backup: Path) -> None:
    """Checks `backup` and keeps the database aside in the background, then restarts the
    window on the restored database (the swap itself runs with every connection closed)."""
    database = store.database_file()
    assert database is not None, "restoring replaces a file"
    now, user = context.now(), context.user

    def job(progress: Progress) -> restore.PreparedRestore:
        progress.step(0, 1, translate("backup", "Checking the backup and keeping the "
                                                "database aside…"))
        return restore.prepare(backup, database=database, actor=user, now=now)

    def done(prepared: restore.PreparedRestore) -> None:
        restart(parent, context, Restart(str(database), lambda: restore.finish(prepared)))

    Operation(parent).run_in_background(translate("backup", "Restoring a backup…"), job, done)


def restart(parent: QWidget, context: UiContext, request: Restart) -> None:
    """Closes the dialog `parent` is in, then asks the window to start again."""
    top = parent.window()
    if isinstance(top, QDialog):
        top.accept()
    QTimer.singleShot(0, lambda: context.restart_requested.emit(request))
