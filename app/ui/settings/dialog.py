"""The settings dialog: business, calendar and deadlines, lists, accounts, templates, language."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import EN, ZH
from app.models import Category, Department, RootCause
from app.services.permissions import Permission, allowed
from app.ui.backup.database_page import DatabasePage
from app.ui.backup.page import BackupsPage
from app.ui.context import UiContext
from app.ui.improvement.rules_editor import RulesEditor
from app.ui.improvement.training import TrainingHistory
from app.ui.reminders.notifier import SETTINGS_ENABLED as NOTIFICATIONS_ENABLED
from app.ui.reminders.notifier import Notifier
from app.ui.settings.accounts import AccountsEditor
from app.ui.settings.form import SettingsForm
from app.ui.settings.lists import ListEditor
from app.ui.settings.privacy import PrivacyPage
from app.ui.settings.templates import TemplatesEditor
from app.ui.translation import SETTINGS_LANGUAGE


class SettingsDialog(QDialog):
    """Every setting in tabs; each tab saves through the services, which check permissions."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        user = context.user
        self.tabs = QTabWidget()
        self.tabs.addTab(SettingsForm(context, ("business",)), self.tr("Business"))
        self.tabs.addTab(SettingsForm(context, ("calendar", "deadlines", "reminders",
                                                "improvement")),
                         self.tr("Hours and deadlines"))
        self.tabs.addTab(SettingsForm(context, ("compensation",)), self.tr("Compensation"))
        self.tabs.addTab(SettingsForm(context, ("printing",)), self.tr("Printing"))
        if allowed(user, Permission.MANAGE_LISTS):
            self.tabs.addTab(ListEditor(context, Category), self.tr("Categories"))
            self.tabs.addTab(ListEditor(context, Department), self.tr("Departments"))
            self.tabs.addTab(ListEditor(context, RootCause), self.tr("Root causes"))
            self.tabs.addTab(TemplatesEditor(context), self.tr("Reply templates"))
        if allowed(user, Permission.MANAGE_IMPROVEMENT):
            self.tabs.addTab(RulesEditor(context), self.tr("Early warnings"))
        if allowed(user, Permission.MANAGE_USERS):
            self.tabs.addTab(AccountsEditor(context), self.tr("User accounts"))
        else:
            mine = TrainingHistory(context)
            mine.show_user(user.id)
            self.tabs.addTab(mine, self.tr("My training"))
        if allowed(user, Permission.BACKUP):
            self.tabs.addTab(BackupsPage(context), self.tr("Backups"))
        if allowed(user, Permission.MANAGE_SETTINGS):
            self.tabs.addTab(DatabasePage(context), self.tr("Database"))
            self.tabs.addTab(PrivacyPage(context), self.tr("Personal data"))
        self.tabs.addTab(self._language_page(), self.tr("This PC"))
        if not allowed(user, Permission.MANAGE_SETTINGS):
            for index in range(4):  # the settings forms: business to printing
                if (page := self.tabs.widget(index)) is not None:
                    page.setEnabled(False)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(860, 600)

    def show_page(self, kind: type[QWidget]) -> None:
        """Opens at the first tab of `kind`, if this user has one."""
        for index in range(self.tabs.count()):
            if isinstance(self.tabs.widget(index), kind):
                self.tabs.setCurrentIndex(index)
                return

    def _language_page(self) -> QWidget:
        page = QWidget()
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "")
        self.language.addItem("简体中文", ZH)
        self.language.addItem("English", EN)
        saved = QSettings().value(SETTINGS_LANGUAGE, "")
        self.language.setCurrentIndex(max(0, self.language.findData(saved)))
        self.language.currentIndexChanged.connect(
            lambda _i: QSettings().setValue(SETTINGS_LANGUAGE, self.language.currentData()))
        self.notifications = QCheckBox(self.tr("Show tray notifications on this PC"))
        self.notifications.setChecked(Notifier.enabled())
        self.notifications.toggled.connect(
            lambda on: QSettings().setValue(NOTIFICATIONS_ENABLED, on))
        form = QFormLayout(page)
        form.addRow(self.tr("Language on this PC"), self.language)
        form.addRow(self.notifications)
        note = QLabel(self.tr("The new language is used the next time Complaint Desk starts."))
        note.setWordWrap(True)
        form.addRow(note)
        return page
