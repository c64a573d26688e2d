"""The binding fault guard: emitting signals must never wear down the count of True."""

import sys

from PySide6.QtCore import QObject, Signal

from app.ui import qt_binding


class _Sender(QObject):
    plain = Signal()
    carrying = Signal(int, object)


def test_emits_leave_the_count_of_true_as_it_was() -> None:
    sender = _Sender()
    received: list[object] = []
    sender.carrying.connect(lambda _n, value: received.append(value))
    before = sys.getrefcount(True)
    for number in range(1000):
        sender.plain.emit()
        sender.carrying.emit(number, None)
    assert len(received) == 1000
    # A faulty emit would have lost 2,000 references by now (and aborted Python sooner).
    assert abs(sys.getrefcount(True) - before) < 50


def test_the_guard_is_in_place_once_the_ui_is_imported() -> None:
    assert not qt_binding.emit_loses_references()
    qt_binding.install()  # a second call changes nothing
    assert not qt_binding.emit_loses_references()
