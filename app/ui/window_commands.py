"""What the main window opens: a case's own window, the intake form, the settings, letters,
the Excel export and import, the analysis, About, a backup now.

The base class of the main window (app.ui.main_window), which builds the menus, toolbar and
panels that call these. Each window's module is loaded when it is first opened: none of them
is needed for the register's first paint, which is what the user waits for at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from app.ui.widgets import app_icon

if TYPE_CHECKING:
    from app.ui.analysis.view import AnalysisView
    from app.ui.backup.watch import BackupWatch
    from app.ui.case.window import CaseWindow
    from app.ui.context import UiContext
    from app.ui.improvement.windows import ImprovementWindows
    from app.ui.register.panel import RegisterPanel


class WindowCommands(QMainWindow):
    """The main window's commands that open another window or dialog."""

    # Made by the main window as it builds itself.
    _context: UiContext
    _case_windows: dict[int, CaseWindow]
    _analysis: AnalysisView | None
    register: RegisterPanel
    improvement: ImprovementWindows
    backups: BackupWatch

    def open_case(self, case_id: int) -> CaseWindow:
        """Shows the case in its own window (raising it if already open)."""
        from app.ui.case.window import CaseWindow  # loaded when the first case opens

        window = self._case_windows.get(case_id)
        if window is None or not window.isVisible():
            window = CaseWindow(self._context, case_id, parent=self)
            window.open_action.connect(self.improvement.open_action)
            window.finished.connect(lambda _r, key=case_id: self._case_windows.pop(key, None))
            self._case_windows[case_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _on_new_complaint(self) -> None:
        """Called on Ctrl+N: the intake form, for a customer who is waiting."""
        from app.ui.intake.dialog import IntakeDialog

        dialog = IntakeDialog(self._context, parent=self)
        dialog.open_case.connect(self.open_case)
        dialog.exec()

    def _on_open_selected(self) -> None:
        """Called when the user clicks Open case."""
        case_id = self.register.selected_case()
        if case_id is not None:
            self.open_case(case_id)

    def _on_settings(self, *, backups: bool = False) -> None:
        """Called when the user opens the settings (at the backups, from the warning)."""
        from app.ui.backup.page import BackupsPage
        from app.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self._context, parent=self)
        if backups:
            dialog.show_page(BackupsPage)
        dialog.exec()

    def _on_print_letters(self) -> None:
        """Called from Cases › Print letters: many letters, prepared in the background."""
        from app.ui.printing.actions import print_letters

        print_letters(self, self._context)

    def _on_export(self) -> None:
        """Called from Export to Excel: the register as filtered now, in the background."""
        from app.ui.excel.export import export_register

        export_register(self, self._context, self.register.current_query())

    def _on_import(self) -> None:
        """Called from Cases › Import from Excel: the wizard, then the import."""
        from app.ui.excel.import_wizard import import_from_excel

        import_from_excel(self, self._context)

    def _on_analysis(self) -> None:
        """Called from Analysis: the period's figures, loaded in the background."""
        from app.ui.analysis.view import AnalysisView  # loaded when first opened

        if self._analysis is None:
            self._analysis = AnalysisView(self._context, parent=self)
            self._analysis.open_register.connect(self.show_figure)
            self._analysis.action_started.connect(self.improvement.open_action)
        self._analysis.show()
        self._analysis.raise_()
        self._analysis.reload()

    def show_figure(self, fields: dict, description: str) -> None:
        """Lists the cases behind a figure of the analysis in the register."""
        self.register.show_figure(fields, description)
        self.raise_()
        self.activateWindow()

    def _on_back_up(self) -> None:
        """Called from the backup warning: a copy now, then the warnings again."""
        from app.ui.backup.actions import back_up_now

        back_up_now(self, self._context, lambda _info: self.backups.check())

    def _on_about(self) -> None:
        """Called from Help › About."""
        from app.ui.about import AboutDialog

        AboutDialog(app_icon(), parent=self).exec()
