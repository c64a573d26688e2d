"""The window's Chinese font: the system's, or the bundled WenQuanYi Micro Hei.

A PC without a Chinese font (a bare Linux machine, a thin client) would draw every Chinese
character as a box. The font the PDFs embed (resources/fonts) is registered for the window
too, and where the system has no Chinese font it follows the default family, so Chinese
text is drawn with it and Latin text keeps the system's look.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from app.resources import resource_path

BUNDLED = ("fonts", "wqy-microhei.ttc")


@dataclass(frozen=True)
class ChineseFont:
    """The family the window draws Chinese with, and whether it is the bundled one."""

    family: str
    bundled: bool


_chosen: list[ChineseFont | None] = []  # what set_up_chinese_font found, once it ran


def chinese_families() -> list[str]:
    """The families Qt knows that can write Simplified Chinese."""
    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def set_up_chinese_font(app: QApplication) -> ChineseFont | None:
    """Registers the bundled font and, when the system has no Chinese font of its own, makes
    it the fallback of the application's font. None if neither is there (a broken copy).
    Once is enough: a second call answers what the first found."""
    if not _chosen:
        _chosen.append(_set_up(app))
    return _chosen[0]


def chosen() -> ChineseFont | None:
    """The Chinese font `set_up_chinese_font` chose (None before it ran or if none)."""
    return _chosen[0] if _chosen else None


def _set_up(app: QApplication) -> ChineseFont | None:
    system = chinese_families()
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*BUNDLED)))
    bundled = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if system:
        return ChineseFont(system[0], bundled=False)
    if not bundled:
        return None
    font = app.font()
    font.setFamilies([font.family(), bundled[0]])
    app.setFont(font)
    return ChineseFont(bundled[0], bundled=True)
