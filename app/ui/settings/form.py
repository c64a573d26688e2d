"""A settings page built from the declarative settings list: one editor per setting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services import settings
from app.services.settings import SettingSpec
from app.ui.context import UiContext
from app.ui.operations import explaining
from app.ui.settings.image import ImagePicker
from app.ui.widgets import FieldRow, add_row, button_row

# The days of the week in the window's language (the system's would be Chinese on an English
# screen on a Chinese PC, and the other way round).
WEEKDAYS = (QT_TRANSLATE_NOOP("SettingsForm", "Mon"), QT_TRANSLATE_NOOP("SettingsForm", "Tue"),
            QT_TRANSLATE_NOOP("SettingsForm", "Wed"), QT_TRANSLATE_NOOP("SettingsForm", "Thu"),
            QT_TRANSLATE_NOOP("SettingsForm", "Fri"), QT_TRANSLATE_NOOP("SettingsForm", "Sat"),
            QT_TRANSLATE_NOOP("SettingsForm", "Sun"))


class SettingsForm(QWidget):
    """Edits the settings of some groups; Save stores each changed one through the services."""

    saved = Signal()

    def __init__(self, context: UiContext, groups: tuple[str, ...]) -> None:
        super().__init__()
        self._context = context
        self._specs = [spec for spec in settings.SETTINGS if spec.group in groups]
        form = QFormLayout()
        self.editors = {spec.key: self._editor(spec) for spec in self._specs}
        self.rows: dict[str, FieldRow] = {
            spec.key: add_row(form, str(spec.label), self.editors[spec.key])
            for spec in self._specs
        }
        self.save = QPushButton(self.tr("Save"))
        self.save.clicked.connect(self._on_save)
        buttons = button_row(right=(self.save,))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch()
        layout.addLayout(buttons)
        self.load()

    def _editor(self, spec: SettingSpec) -> QWidget:
        if spec.kind == "int":
            box = QSpinBox()
            box.setRange(spec.minimum or 0, spec.maximum or 10_000)
            return box
        if spec.kind == "time":
            edit = QTimeEdit()
            edit.setDisplayFormat("HH:mm")
            return edit
        if spec.kind == "choice":
            combo = QComboBox()
            combo.addItems(list(spec.choices))
            return combo
        if spec.kind == "weekdays":
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            for day in WEEKDAYS:  # the setting counts from Monday, 0
                row.addWidget(QCheckBox(QCoreApplication.translate("SettingsForm", str(day))))
            row.addStretch()
            return holder
        if spec.kind == "image":
            return ImagePicker(can_sign=spec.key == "letter.owner_signature")
        if spec.kind == "dates":
            dates = QPlainTextEdit()
            dates.setPlaceholderText(self.tr("One date per line, e.g. 2026-10-01"))
            dates.setFixedHeight(90)
            return dates
        return QLineEdit()

    def load(self) -> None:
        """Shows the stored values."""
        values = settings.get_all()
        for spec in self._specs:
            self._set(self.editors[spec.key], spec, values[spec.key])

    def _set(self, editor: QWidget, spec: SettingSpec, value: Any) -> None:
        if isinstance(editor, ImagePicker):
            editor.set_value(value)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QTimeEdit):
            editor.setTime(QTime.fromString(value, "HH:mm"))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(str(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText("\n".join(value))
        elif isinstance(editor, QLineEdit):  # a list (day bands) as the user types it
            editor.setText(", ".join(map(str, value)) if isinstance(value, list) else str(value))
        else:
            for day, box in enumerate(editor.findChildren(QCheckBox)):
                box.setChecked(day in value)

    def value(self, key: str) -> Any:
        """What the editor of `key` holds, in the setting's own type."""
        editor = self.editors[key]
        if isinstance(editor, ImagePicker):
            return editor.value()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QTimeEdit):
            return editor.time().toString("HH:mm")
        if isinstance(editor, QComboBox):
            return editor.currentText()
        if isinstance(editor, QPlainTextEdit):
            return [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
        if isinstance(editor, QLineEdit):
            return editor.text()
        return [day for day, box in enumerate(editor.findChildren(QCheckBox)) if box.isChecked()]

    def _on_save(self) -> None:
        """Called when the user saves: each setting is checked and stored, or its error shown."""
        failed = False
        for spec in self._specs:
            self.rows[spec.key].clear_error()
            try:
                with explaining():
                    settings.set_value(spec.key, self.value(spec.key),
                                       actor=self._context.user, now=self._context.now())
            except DeskError as error:
                self.rows[spec.key].show_error(str(error))
                failed = True
        if not failed:
            self.load()
            self.saved.emit()

