"""The window: PySide6 widgets, dialogs and Qt item models. The only layer that imports Qt."""

from app.ui import qt_binding

# Before any module here can emit a signal (see qt_binding for why).
qt_binding.install()
