"""Editing the approved reply templates, in Chinese and in English."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import EN, ZH, current_language
from app.services.casework import replies
from app.ui.context import LISTS, UiContext
from app.ui.operations import Operation
from app.ui.widgets import button_row, text_box


class TemplatesEditor(QWidget):
    """A list of templates by language, and an editor for the selected or a new one."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self.language = QComboBox()
        self.language.addItem(self.tr("Chinese"), ZH)
        self.language.addItem(self.tr("English"), EN)
        self.list = QListWidget()
        self.code, self.title = QLineEdit(), QLineEdit()
        self.body = text_box(6)
        self.save = QPushButton(self.tr("Save template"))
        language = current_language()
        hint = QLabel(self.tr("Placeholders: %1. Letters also take %2: the approved "
                              "compensation, a line per offer.")
                      .replace("%1", " ".join(replies.placeholder_names(language)))
                      .replace("%2", " ".join(replies.placeholder_names(language,
                                                                        letters=True))))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Text"), self.body)
        buttons = button_row(right=(self.save,))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.language.currentIndexChanged.connect(lambda _i: self.reload())
        self.list.currentRowChanged.connect(self._on_selected)
        self.save.clicked.connect(self._on_save)
        self.reload()

    def reload(self) -> None:
        """Lists the templates of the chosen language."""
        self._templates = replies.templates(self.language.currentData())
        self.list.clear()
        self.list.addItems([t.title for t in self._templates])

    def _on_selected(self, row: int) -> None:
        """Called when a template is selected: it fills the editor."""
        if 0 <= row < len(self._templates):
            template = self._templates[row]
            self.code.setText(template.code)
            self.title.setText(template.title)
            self.body.setPlainText(template.body)

    def _on_save(self) -> None:
        """Called when the user saves the template in the editor."""
        Operation(self, self._context, LISTS).run(lambda: replies.save_template(
            code=self.code.text(), language=self.language.currentData(),
            title=self.title.text(), body=self.body.toPlainText(),
            actor=self._context.user, now=self._context.now()), lambda _saved: self.reload())
