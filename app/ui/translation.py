"""Loading the Chinese translation of the window (and of Qt's own dialogs and buttons), and
the locale Qt's own widgets speak (day and month names in calendars)."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.i18n import ZH
from app.resources import resource_path

CATALOG = "complaint_desk"
SETTINGS_LANGUAGE = "ui/language"  # QSettings key: the language chosen on this PC
# Qt's own catalogues: file dialogs ("Look in:", "Files of type:"), message box buttons,
# the print dialog. qtbase is the one that matters; qt_zh_CN is the older name for it.
QT_CATALOGS = ("qtbase", "qt")
LOCALES = {ZH: QLocale(QLocale.Language.Chinese, QLocale.Country.China)}
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def translation_file(language: str) -> str:
    """The compiled catalogue of `language` (.qm) under resources/translations."""
    return str(resource_path("translations", f"{CATALOG}_{language}.qm"))


def qt_translation_folders() -> list[str]:
    """Where Qt's own catalogues may be: where Qt says, and the PySide6 wheel's folder (a
    bundled copy's Qt may report a folder the bundle does not have)."""
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(Path(PySide6.__path__[0]) / "Qt" / "translations")]
    return list(dict.fromkeys(folder for folder in folders if folder))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs the catalogues for `language` and makes its locale Qt's default; returns the
    catalogues so they stay alive."""
    QLocale.setDefault(LOCALES.get(language, ENGLISH))
    if language != ZH:
        return []
    installed = []
    wanted = [(f"{name}_{language}", folder) for name in QT_CATALOGS
              for folder in qt_translation_folders()]
    wanted.append((f"{CATALOG}_{language}", str(resource_path("translations"))))
    loaded: set[str] = set()
    for name, folder in wanted:
        translator = QTranslator(app)
        if name not in loaded and translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
            loaded.add(name)
    return installed
