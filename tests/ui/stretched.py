"""Every string of the window made about 1.4 times longer, and a search for what is then cut
off (Vorta's trick): a label, button, tab or column title too narrow for its text.

Translations run longer than English (German by a third and more); a layout that holds
only the English it was drawn with cuts off the first longer text it meets. `stretching()`
lengthens every string Qt translates and every `Text` of the core; `clipped(window)` lists
what no longer fits (a tree's group rows and a list's items too: what names a part of the
window, not the data in it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTabBar,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QWidget,
)

from app.i18n import Text

FACTOR = 1.4
_TAGS = re.compile(r"<[^>]+>|&\w+;")
SLACK = 1  # pixels of rounding


def stretch(text: str) -> str:
    """`text` about FACTOR times as long: visible letters added at the end of each line."""
    if not text or text.isspace():
        return text
    lines = text.split("\n")
    return "\n".join(line + "x" * math.ceil(len(_TAGS.sub("", line)) * (FACTOR - 1))
                     if line.strip() else line for line in lines)


class _Stretching(QTranslator):
    """Answers every translation with the source text stretched."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: N802
                  n: int = -1) -> str:
        return stretch(source)


@contextmanager
def stretching() -> Iterator[None]:
    """Inside, every string of the window and of the core is stretched (English)."""
    application = QCoreApplication.instance()
    assert application is not None
    translator = _Stretching()
    application.installTranslator(translator)
    plain = Text.__str__
    Text.__str__ = lambda self: stretch(self.en)  # type: ignore[method-assign]
    try:
        yield
    finally:
        Text.__str__ = plain  # type: ignore[method-assign]
        application.removeTranslator(translator)


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0


def _label(label: QLabel) -> str | None:
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    if label.wordWrap():
        if label.heightForWidth(label.width()) > label.height() + SLACK:
            return f"label (too short) {label.text()!r}"
        return None
    if label.sizeHint().width() > label.width() + SLACK:
        return f"label {label.text()!r}"
    return None


def _button(button: QAbstractButton) -> str | None:
    if button.text() and button.sizeHint().width() > button.width() + SLACK:
        return f"button {button.text()!r}"
    return None


def _tabs(bar: QTabBar, room: int) -> list[str]:
    if bar.sizeHint().width() <= room + SLACK:
        return []
    return [f"tab {bar.tabText(i)!r}" for i in range(bar.count())]


def _header(header: QHeaderView) -> list[str]:
    found = []
    model = header.model()
    for section in range(header.count()):
        if header.isSectionHidden(section) or model is None:
            continue
        needed = header.sectionSizeFromContents(section).width()
        if needed > header.sectionSize(section) + SLACK:
            found.append(f"column {model.headerData(section, header.orientation())!r}")
    return found


def _list(names: QListWidget) -> list[str]:
    metrics, room = names.fontMetrics(), names.viewport().width()
    texts = [names.item(row).text() for row in range(names.count())]
    return [f"list item {text!r}" for text in texts
            if metrics.horizontalAdvance(text) + 2 * names.spacing() + 4 > room + SLACK]


def _tree(tree: QTreeWidget) -> list[str]:
    """The group rows of a tree (its first level), which name what they hold."""
    metrics, found = tree.fontMetrics(), []
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        room = tree.viewport().width() if item.isFirstColumnSpanned() else tree.columnWidth(0)
        if metrics.horizontalAdvance(item.text(0)) + tree.indentation() + 8 > room + SLACK:
            found.append(f"tree row {item.text(0)!r}")
    return found


def clipped(window: QWidget) -> list[str]:
    """What is cut off in `window` as shown now (hidden widgets are left out)."""
    QApplication.processEvents()
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget, window):
            continue
        if isinstance(widget, QLabel):
            found += filter(None, [_label(widget)])
        elif isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QToolBar):
            found += filter(None, [_button(widget)])
        elif isinstance(widget, QListWidget):
            found += _list(widget)
        elif isinstance(widget, QTreeWidget):
            found += _tree(widget)
        elif isinstance(widget, QTabWidget):
            found += _tabs(widget.tabBar(), widget.width())
        elif isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal":
            found += _header(widget)
        elif isinstance(widget, QGroupBox) and widget.minimumSizeHint().width() > widget.width():
            found.append(f"group {widget.title()!r}")
        elif isinstance(widget, QToolBar):
            found += [f"toolbar {action.text()!r}" for action in widget.actions()
                      if action.isVisible() and not action.isSeparator()
                      and not _shown(widget.widgetForAction(action), window)]
    return found
