"""A guard against a reference-counting fault of PySide6 6.12: each call of a Qt method that
returns nothing (`setEnabled`, `setText`, a tree item's `setToolTip` …) hands back Python's
None without counting the reference it gives, so every such call lowers None's reference
count by one. When the count reaches zero, Python aborts the program ("deallocating None").
A busy desk makes hundreds of such calls each time its reminders are redrawn (two for each of
up to 600 items, every minute), enough to abort the window within the hour.

None lives as long as the interpreter, and from Python 3.12 on its count is fixed
("immortal") for exactly this kind of fault; on 3.11 the guard does by hand what 3.12 does:
it raises the count far above anything a day's calls can take away, when the application
starts and again whenever the minute's check finds it below a floor. Nothing else reads that
count, and no memory is held for it.
"""

from __future__ import annotations

import ctypes
import sys

FLOOR = 1 << 24  # about 16 million void calls of headroom before a top-up is due
TOP_UP = 1 << 30  # about a billion: more than a window makes in weeks


def needs_guard() -> bool:
    """Whether None's count can run out here: CPython before 3.12 (3.12 made None immortal)."""
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def top_up() -> None:
    """Raises None's reference count by TOP_UP when it is below FLOOR."""
    if needs_guard() and sys.getrefcount(None) < FLOOR:
        # ob_refcnt is the first field of every CPython object, at the object's address.
        ctypes.c_ssize_t.from_address(id(None)).value += TOP_UP
