"""The main window: the register, the toolbar and menus, and who is signed in (what its
commands open is in app.ui.window_commands, its base class)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import app
from app.services import settings
from app.services.labels import ROLE_NAMES, label
from app.services.permissions import Permission, allowed
from app.ui.backup.banner import BackupBanner
from app.ui.backup.watch import BackupWatch
from app.ui.context import Restart, UiContext
from app.ui.improvement.windows import ImprovementWindows
from app.ui.register.panel import RegisterPanel
from app.ui.reminders.notice import ReminderNotice
from app.ui.reminders.notifier import Notifier
from app.ui.reminders.panel import RemindersPanel
from app.ui.reminders.watch import CHECK_EVERY_MS, ReminderWatch
from app.ui.session import SessionGuard
from app.ui.widgets import FirstPaint, app_icon
from app.ui.window_commands import WindowCommands

if TYPE_CHECKING:
    from app.services.casework.reminder_items import Reminders
    from app.ui.analysis.view import AnalysisView
    from app.ui.case.window import CaseWindow
    from app.ui.compensation.queue import ApprovalsPanel

SETTINGS_GEOMETRY = "main/geometry"
SETTINGS_STATE = "main/state"  # the docks and toolbar


class MainWindow(WindowCommands):
    """The window staff live in all day."""

    def __init__(self, context: UiContext, *, watch_interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__()
        self._context = context
        self._case_windows: dict[int, CaseWindow] = {}
        self.setWindowIcon(app_icon())
        self.notifier = Notifier(app_icon(), self)
        self.watch = ReminderWatch(context, self.notifier, watch_interval_ms)
        self._first_paint: FirstPaint | None = None
        self.backups = BackupWatch(self, context)  # started by the program, not by tests
        self.improvement = ImprovementWindows(self, context)
        self.restart: Restart | None = None  # set when the window closes to start again
        self.session = SessionGuard(context, self)  # watches once the window is shown
        self._build_ui()
        self._connect_signals()
        self._on_user_changed()
        self.register.apply_filters()

    def _build_ui(self) -> None:
        self.register = RegisterPanel(self._context)
        self.banner = BackupBanner()
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        self.notice = ReminderNotice()
        column.addWidget(self.banner)
        column.addWidget(self.notice)
        column.addWidget(self.register, 1)
        self.setCentralWidget(middle)
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self.new_action = self._action(self.tr("New complaint"), QKeySequence.StandardKey.New,
                                       self._on_new_complaint)
        self.open_action = self._action(self.tr("Open case"), "", self._on_open_selected)
        self.refresh_action = self._action(self.tr("Refresh"), QKeySequence.StandardKey.Refresh,
                                           self.register.refresh)
        self.search_action = self._action(self.tr("Search"), QKeySequence.StandardKey.Find,
                                          self._on_find)
        self.settings_action = self._action(self.tr("Settings…"), "", self._on_settings)
        self.letters_action = self._action(self.tr("Print letters…"), "", self._on_print_letters)
        self.export_action = self._action(self.tr("Export to Excel…"), "", self._on_export)
        self.analysis_action = self._action(self.tr("Analysis"), "Ctrl+Shift+A", self._on_analysis)
        self.actions_action = self._action(self.tr("Corrective actions"), "Ctrl+Shift+I",
                                           self.improvement.show_list)
        self.start_action = self._action(self.tr("Start a corrective action from the selected "
                                                 "cases…"), "", self._on_start_action)
        self._analysis: AnalysisView | None = None
        self.import_action = self._action(self.tr("Import from Excel…"), "", self._on_import)
        self.switch_action = self._action(self.tr("Switch user…"), "", self._on_switch_user)
        self.about_action = self._action(self.tr("About Complaint Desk"), "", self._on_about)
        self.reminders = RemindersPanel(self._context)
        self.reminders_dock = QDockWidget(self.tr("Reminders"), self)
        self.reminders_dock.setObjectName("reminders-dock")
        self.reminders_dock.setWidget(self.reminders)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.reminders_dock)
        self.reminders_action = self._action(self.tr("Reminders"), "",
                                             lambda: self._bring_forward(self.reminders_dock))
        self._approvals: ApprovalsPanel | None = None  # made for those who may approve
        self.approvals_dock = QDockWidget(self.tr("Approvals"), self)
        self.approvals_dock.setObjectName("approvals-dock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.approvals_dock)
        self.tabifyDockWidget(self.reminders_dock, self.approvals_dock)
        self.reminders_dock.raise_()
        # The toolbar's buttons always bring their panel to the front (a toggle would take
        # away the panel the user wanted to see); a panel closes by its own title bar.
        self.approvals_action = self._action(self.tr("Approvals"), "",
                                             lambda: self._bring_forward(self.approvals_dock))
        self.quit_action = self._action(self.tr("Quit"), QKeySequence.StandardKey.Quit,
                                        self.close)
        self._build_menus()
        self.resize(1280, 720)
        geometry = QSettings().value(SETTINGS_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = QSettings().value(SETTINGS_STATE)
        if state is not None:
            self.restoreState(state)
        else:
            self.resizeDocks([self.reminders_dock], [180], Qt.Orientation.Vertical)

    def _build_menus(self) -> None:
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.open_action, self.refresh_action,
                       self.reminders_action, self.approvals_action, self.export_action,
                       self.analysis_action, self.actions_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.settings_action)
        toolbar.addAction(self.switch_action)
        self.addToolBar(toolbar)
        menus = self.menuBar()
        desk = menus.addMenu(self.tr("&Desk"))
        for action in (self.switch_action, self.settings_action, self.quit_action):
            desk.addAction(action)
        cases = menus.addMenu(self.tr("&Cases"))
        for action in (self.new_action, self.open_action, self.search_action,
                       self.refresh_action, self.letters_action, self.export_action,
                       self.import_action, self.analysis_action, self.actions_action,
                       self.start_action):
            cases.addAction(action)
        self.register.table.addAction(self.start_action)  # its context menu
        menus.addMenu(self.tr("&Help")).addAction(self.about_action)

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | str,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _connect_signals(self) -> None:
        self.register.open_case.connect(self.open_case)
        self.reminders.open_case.connect(self.open_case)
        self.reminders.open_action.connect(self.improvement.open_action)
        self.reminders.open_warning.connect(self.improvement.open_warning)
        self.improvement.open_case.connect(self.open_case)
        self.improvement.watch.fired.connect(lambda _n: self.watch.check())
        self.watch.updated.connect(self._on_reminders)
        self.notifier.activated.connect(self._on_tray_activated)
        if self.notifier.tray is None:  # no tray to show them: the window says it
            self.notifier.notified.connect(self.notice.notify)
        self.notice.open_reminders.connect(lambda: self._bring_forward(self.reminders_dock))
        self._context.user_changed.connect(self._on_user_changed)
        self._context.restart_requested.connect(self._on_restart_requested)
        self.backups.warned.connect(self.banner.show_warnings)
        self.banner.back_up.connect(self._on_back_up)
        self.banner.open_settings.connect(lambda: self._on_settings(backups=True))
        self.session.ended.connect(self._on_session_ended)
        # The approvals queue follows a decision at once, not with the next reminders check.
        self._context.case_changed.connect(lambda _id: self._refresh_approvals())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """The first show starts the reminders check (and its summary) once the register
        has painted: the rows are what the user is waiting for. The session guard watches
        from the show on (not while the window is built: thousands of events, none of them
        the user's), stepping aside until the first paint."""
        super().showEvent(event)
        self.session.watch()
        if not self.watch.timer.isActive() and self._first_paint is None:
            self._first_paint = FirstPaint(self.register.table.viewport(), self._start_watch)
            self.session.step_aside()  # until the first paint: see app.ui.session

    def _start_watch(self) -> None:
        """Called just after the register's first paint."""
        self.session.watch()
        if not self.watch.timer.isActive():
            self.watch.start()

    def _on_reminders(self, found: Reminders) -> None:
        """Called after each check: the panel, and the count on the toolbar."""
        self.reminders.show_reminders(found)
        urgent = (found.counts["overdue"] + found.counts["today"] + found.counts["escalated"]
                  + found.counts.get("warning", 0) + found.counts.get("action", 0))
        text = self.tr("Reminders")
        self.reminders_action.setText(f"{text} ({urgent})" if urgent else text)
        self._refresh_approvals()

    @property
    def approvals(self) -> ApprovalsPanel:
        """The approvals queue, made when first needed: staff, who may not approve, never
        load it (nor what it imports) when the window starts."""
        if self._approvals is None:
            from app.ui.compensation.queue import ApprovalsPanel

            self._approvals = ApprovalsPanel(self._context)
            self._approvals.open_case.connect(self.open_case)
            self.approvals_dock.setWidget(self._approvals)
        return self._approvals

    def _refresh_approvals(self) -> None:
        """The approvals queue and its count, for those who may approve."""
        if not allowed(self._context.user, Permission.APPROVE_COMPENSATION):
            return
        waiting = self.approvals.refresh()
        text = self.tr("Approvals")
        self.approvals_action.setText(f"{text} ({waiting})" if waiting else text)

    def _bring_forward(self, dock: QDockWidget) -> None:
        """Called from the toolbar: the panel shown, in front of the one it shares a place
        with, its list ready for the keyboard."""
        dock.show()
        dock.raise_()
        inner = dock.widget()
        if inner is not None:
            inner.setFocus()

    def _on_tray_activated(self) -> None:
        """Called when the user clicks the tray icon or a notification."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Makes the copy due on closing first; remembers the window's place and the
        register's layout."""
        if self.backups.running or (self.restart is None and self.backups.timer.isActive()
                                    and self.backups.at_exit(on_end=self._close_after_backup)):
            event.ignore()  # closes once the copy is made
            return
        QSettings().setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        QSettings().setValue(SETTINGS_STATE, self.saveState())
        for timer in (self.watch.timer, self.register.timer, self.register.counts_timer,
                      self.backups.timer, self.improvement.watch.timer):
            timer.stop()  # nothing may query a database that is about to close
        self.register.save_layout()
        self.session.stop()
        super().closeEvent(event)

    def _close_after_backup(self) -> None:
        """Called when the copy made on closing ended, however it ended."""
        self.backups.timer.stop()
        self.close()

    def _on_restart_requested(self, request: Restart) -> None:
        """Called when another database is chosen or a backup is ready to put back."""
        self.restart = request
        self.close()

    def _on_user_changed(self) -> None:
        """Called when someone signs in: their name and role stay in view."""
        user = self._context.user
        approver = allowed(user, Permission.APPROVE_COMPENSATION)
        self.approvals_dock.setVisible(approver)
        self.approvals_action.setVisible(approver)
        self.import_action.setVisible(allowed(user, Permission.IMPORT_CASES))
        self.start_action.setVisible(allowed(user, Permission.MANAGE_IMPROVEMENT))
        self.banner.allow(allowed(user, Permission.BACKUP))
        self._refresh_approvals()
        self.user_label.setText(self.tr("Signed in: %1 (%2)").replace("%1", user.display_name)
                                .replace("%2", label(ROLE_NAMES, user.role)))
        business = settings.get("business.name")
        name = self.tr("Complaint Desk")
        title = f"{name} {app.__version__}"
        self.setWindowTitle(f"{title} — {business}" if business else title)

    def _on_start_action(self) -> None:
        """Called from Cases › Start a corrective action: the cases selected in the register."""
        self.improvement.start_from_cases(self.register.selected_cases())

    def _on_find(self) -> None:
        """Called on Ctrl+F."""
        self.register.search.setFocus()
        self.register.search.selectAll()

    def _on_switch_user(self) -> None:
        """Called when the user chooses Switch user: sign in again without restarting."""
        from app.ui.signin import SignInDialog

        dialog = SignInDialog(parent=self)
        if dialog.exec() and dialog.user is not None:
            for window in list(self._case_windows.values()):
                window.close()
            if self._analysis is not None:
                self._analysis.close()
                self._analysis = None
            self.improvement.close_all()
            self._context.sign_in(dialog.user)

    def _on_session_ended(self) -> None:
        """Called when the signed-in account was switched off, given another role or a new
        password elsewhere: open dialogs close, the user is told, and signs in again."""
        from app.ui import messages
        from app.ui.signin import SignInDialog

        for _ in range(20):  # the dialogs open over one another, innermost first
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog):
                break
            dialog.reject()
        for window in list(self._case_windows.values()):
            window.close()
        self.improvement.close_all()
        messages.show_info(self, self.tr(
            "Your account was switched off, given another role or a new password since you "
            "signed in. Please sign in again."))
        signing_in = SignInDialog(parent=self)
        if signing_in.exec() and signing_in.user is not None:
            self._context.sign_in(signing_in.user)
            self.session.resume()
        else:
            self.close()
