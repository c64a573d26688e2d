"""The case view from the keyboard: an access key (Alt+letter) on every action button, in
either language, Ctrl+1… for the tabs, and the focus starting on the first action.

Letters come from the English names, word initials first, so a button keeps its letter
whatever the window's language: `&Acknowledge` in English, `答复受理(&A)` in Chinese (the
way Chinese programs show them).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QTabWidget, QWidget

from app.i18n import ZH, current_language


def access_letters(english: Sequence[str]) -> list[str]:
    """A different letter for each English name ('' when none is left): the first free
    word initial, else the first free letter."""
    used: set[str] = set()
    chosen = []
    for name in english:
        words = name.replace("…", "").split()
        initials = [word[0] for word in words if word[:1].isalpha()]
        letters = [ch for ch in name if ch.isalpha()]
        letter = next((c.upper() for c in [*initials, *letters] if c.upper() not in used), "")
        used.add(letter)
        chosen.append(letter)
    return chosen


def with_access_key(english: str, shown: str, letter: str) -> str:
    """`shown` (the name in the window's language) marked with `letter` as its access key."""
    if not letter:
        return shown
    if current_language() == ZH or shown != english:
        return f"{shown}(&{letter})"
    at = next((i for i, word_start in enumerate(shown)
               if word_start.upper() == letter and (i == 0 or shown[i - 1] == " ")), None)
    if at is None:
        at = next(i for i, ch in enumerate(shown) if ch.upper() == letter)
    return f"{shown[:at]}&{shown[at:]}"


def give_access_keys(buttons: Sequence[tuple[QAbstractButton, str]]) -> None:
    """Puts an access key on each (button, English name) pair, in order."""
    letters = access_letters([english for _button, english in buttons])
    for (button, english), letter in zip(buttons, letters, strict=True):
        button.setText(with_access_key(english, button.text(), letter))
        if letter:
            button.setToolTip(f"Alt+{letter}")


def tab_shortcuts(window: QWidget, tabs: QTabWidget) -> None:
    """Ctrl+1, Ctrl+2… show the first, second… tab."""
    for index in range(min(tabs.count(), 9)):
        keys = QKeySequence(f"Ctrl+{index + 1}")
        QShortcut(keys, window, lambda i=index: tabs.setCurrentIndex(i))
        tabs.setTabToolTip(index, keys.toString(QKeySequence.SequenceFormat.NativeText))


def first_focus(buttons: Sequence[QWidget], after: QWidget) -> None:
    """The keyboard starts on the first button, goes through them in order, then to
    `after` (the tabs)."""
    if not buttons:
        return
    for before, following in zip(buttons, [*buttons[1:], after], strict=True):
        QWidget.setTabOrder(before, following)
    buttons[0].setFocus()
