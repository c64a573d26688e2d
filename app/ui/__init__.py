"""The window: PySide6 widgets, dialogs and Qt item models. The only layer that imports Qt."""
