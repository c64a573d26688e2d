"""A choice that jumps as letters are typed: `c` or `cp` to 产品质量 (its pinyin initials),
`p` to Product quality, whatever the window's language."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox

from app.services.initials import initials

KEYS = Qt.ItemDataRole.UserRole + 1
PAUSE = 1.0  # seconds: letters typed closer together make one word


class JumpingCombo(QComboBox):
    """A combo whose items carry names to jump to by their initials."""

    def __init__(self) -> None:
        super().__init__()
        self._typed = ""
        self._last = 0.0

    def set_items(self, items: Iterable[tuple[str, Any, Sequence[str]]]) -> None:
        """Replaces the items: (text shown, data, every name of the item)."""
        self.clear()
        for text, data, names in items:
            self.addItem(text, data)
            keys = {key for name in names for key in (initials(name), name.lower()) if key}
            self.setItemData(self.count() - 1, sorted(keys), KEYS)

    def jump(self, letters: str) -> bool:
        """Selects the first item a name of which starts with `letters`; True if found."""
        for index in range(self.count()):
            if any(key.startswith(letters) for key in self.itemData(index, KEYS) or ()):
                self.setCurrentIndex(index)
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """A letter jumps (with the letters typed just before it)."""
        letter = event.text().lower()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier)
        if plain and len(letter) == 1 and letter.isascii() and letter.isalnum():
            now = time.monotonic()
            self._typed = (self._typed if now - self._last < PAUSE else "") + letter
            self._last = now
            if self.jump(self._typed):
                return
            if self.jump(letter):  # a new word: start again from this letter
                self._typed = letter
                return
        super().keyPressEvent(event)
