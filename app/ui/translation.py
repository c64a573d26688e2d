"""Loading the Chinese translation of the window (and of Qt's own buttons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.i18n import ZH
from app.resources import resource_path

CATALOG = "complaint_desk"
SETTINGS_LANGUAGE = "ui/language"  # QSettings key: the language chosen on this PC


def translation_file(language: str) -> str:
    """The compiled catalogue of `language` (.qm) under resources/translations."""
    return str(resource_path("translations", f"{CATALOG}_{language}.qm"))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs the catalogues for `language`; returns them so they stay alive."""
    if language != ZH:
        return []
    installed = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_zh_CN", qt_folder), ("qt_zh_CN", qt_folder),
                         (f"{CATALOG}_{language}", str(resource_path("translations")))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return installed
