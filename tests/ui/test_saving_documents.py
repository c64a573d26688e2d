"""Save as PDF from the preview: the copy is whole or not made, and a full disk is said."""

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.models import Complaint, Event
from app.ui import messages
from app.ui.context import UiContext
from app.ui.printing import actions
from app.ui.printing.preview import DocumentPreview
from tests.ui.conftest import when_dialog

MakeCase = Callable[..., Complaint]


def test_saving_to_a_full_disk_keeps_the_earlier_file_and_says_so(
        qtbot: QtBot, context: UiContext, make_case: MakeCase, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, shown: list[tuple[str, str]]) -> None:
    case = make_case()
    target = tmp_path / "receipt.pdf"
    target.write_bytes(b"%PDF-1.4 the copy saved yesterday %%EOF")
    monkeypatch.setattr(messages, "choose_save_file", lambda *_a, **_k: target)
    parent = QWidget()
    qtbot.addWidget(parent)

    def disk_full(_handle: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def save(preview: DocumentPreview) -> None:
        with monkeypatch.context() as full:
            full.setattr(os, "write", disk_full)
            qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
        preview.accept()

    when_dialog(DocumentPreview, save)
    actions.show_document(parent, context, "receipt", case.number, case.id)
    assert shown == [("error", f"The disk is full: {target} could not be written. Free some "
                               "space or choose another disk, then try again.")]
    assert target.read_bytes() == b"%PDF-1.4 the copy saved yesterday %%EOF"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "desk.sqlite3"
                  and not p.name.startswith("desk.sqlite3-")) == ["receipt.pdf"]
    assert not Event.select().where(Event.kind == "document").exists()  # not issued
