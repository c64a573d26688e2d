"""Strings of Qt's own dialogs that Qt's Chinese catalogue (qtbase_zh_CN) lacks.

Qt 6 renamed some labels of its file and print dialogs (adding keyboard accelerators), and
its Chinese catalogue still has only the old ones, so a Chinese window showed "Look in:" and
"Files of type:" in English. Marked here under Qt's own contexts, they are translated in
this program's catalogue, which Qt consults before its own. `tests/ui/test_translations.py`
opens those dialogs in Chinese and fails on any English left in them.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_DIALOG_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)
