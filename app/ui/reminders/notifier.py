"""Tray notifications, behind one small class that can be switched off on this PC."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

SETTINGS_ENABLED = "notifications/enabled"


class Notifier(QObject):
    """Shows a tray message (when the system has a tray) and emits `notified` either way."""

    notified = Signal(str, str)  # title, text
    activated = Signal()  # the user clicked the tray icon or a message

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("Complaint Desk"))
            self.tray.activated.connect(lambda _reason: self.activated.emit())
            self.tray.messageClicked.connect(self.activated)
            self.tray.show()

    @staticmethod
    def enabled() -> bool:
        """Whether notifications are wanted on this PC (a setting, on by default)."""
        return bool(QSettings().value(SETTINGS_ENABLED, True, type=bool))

    def notify(self, title: str, text: str) -> None:
        """Tells the user something needs them now."""
        if not self.enabled():
            return
        self.notified.emit(title, text)
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
