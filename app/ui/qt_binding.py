"""A guard against a reference-counting fault in the Qt binding.

PySide6 6.12.0 returns `True` from `Signal.emit()` without taking a reference to it. On
Python 3.11, where `True` is an ordinary object, every emit lowers its count by one, and after
a few hundred clicks the interpreter aborts ("deallocating True or False"), taking unsaved
work with it. (From Python 3.12 `True` is immortal and the fault is harmless.)

`install()` measures the fault instead of trusting version numbers, and only when it is
there wraps `emit` to give back the reference the binding took. A fixed binding is left as
it is.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16
_installed = False


class _Probe(QObject):
    ping = Signal()


def emit_loses_references() -> bool:
    """True when a discarded `emit()` result lowers the count of the object it returned."""
    probe = _Probe()
    result = probe.ping.emit()  # type: ignore[func-returns-value]  # what it returns is the point
    before = sys.getrefcount(result)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(result)
    # Undo what the probe itself took, so measuring never leaves True short.
    for _ in range(max(lost, 0)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
    return lost >= _PROBES


def install() -> None:
    """Wraps `SignalInstance.emit` if the binding drops references; safe to call twice."""
    global _installed
    if _installed or not emit_loses_references():
        return
    emit = SignalInstance.emit

    def balanced_emit(self: SignalInstance, *args: Any) -> Any:
        result = emit(self, *args)
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    SignalInstance.emit = balanced_emit  # type: ignore[method-assign]
    _installed = True
