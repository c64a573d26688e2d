"""Printing from the window: preview, printer, signature pad, letters in bulk."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.models import Complaint, Event, User
from app.services.casework import workflow
from app.ui import messages
from app.ui.context import UiContext
from app.ui.intake.dialog import IntakeDialog
from app.ui.printing import actions
from app.ui.printing.preview import DocumentPreview
from app.ui.printing.signature import SignatureDialog, SignaturePad
from app.ui.runner import wait_for_jobs
from tests.conftest import NOW
from tests.reports.conftest import pdf_info, pdf_text, squeezed
from tests.ui.conftest import PausedJob, type_text, when_dialog

MakeCase = Callable[..., Complaint]


@pytest.fixture
def to_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The printer dialog answered with 'print to this PDF file'."""
    target = tmp_path / "printed.pdf"

    def choose(_parent: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(messages, "choose_printer", choose)
    return target


def _decided(make_case: MakeCase, staff: User, name: str = "王小芳") -> Complaint:
    return workflow.move(make_case(customer_name=name).id, "rejected", actor=staff, now=NOW,
                         expected_version=1, values={"answer": "收银记录与标价一致"})


def test_the_receipt_prints_in_one_click_from_the_success_page(
        qtbot: QtBot, context: UiContext, to_file: Path, shown: list[tuple[str, str]]) -> None:
    dialog = IntakeDialog(context)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.phone, "13800138000")
    type_text(dialog.name, "李雷")
    dialog.category.setCurrentIndex(1)
    type_text(dialog.description, "多收了十元")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    pages: list[int] = []

    def print_it(preview: DocumentPreview) -> None:
        pages.append(preview.page_count())
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
        preview.accept()

    when_dialog(DocumentPreview, print_it)
    qtbot.mouseClick(dialog.success.receipt, Qt.MouseButton.LeftButton)
    assert not shown
    assert pages == [1] and pdf_info(to_file)["Pages"].strip() == "1"
    assert Event.get(Event.kind == "document").field == "receipt"


def _sign(qtbot: QtBot, pad: SignaturePad) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 120))
    for x in range(40, 300, 20):
        qtbot.mouseMove(pad, QPoint(x, 120 - (x % 60)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 100))


def test_a_letter_signed_on_screen(qtbot: QtBot, context: UiContext, make_case: MakeCase,
                                   staff: User, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    case = _decided(make_case, staff)
    saved = tmp_path / "letter.pdf"
    monkeypatch.setattr(messages, "choose_save_file", lambda *_a, **_k: saved)
    parent = QWidget()
    qtbot.addWidget(parent)

    def options(dialog: actions.LetterOptions) -> None:
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.sign.setChecked(True)
        dialog.accept()

    def sign(dialog: SignatureDialog) -> None:
        assert not dialog.ok.isEnabled()
        _sign(qtbot, dialog.pad)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    def save(preview: DocumentPreview) -> None:
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
        preview.accept()

    when_dialog(actions.LetterOptions, options)
    when_dialog(SignatureDialog, sign)
    when_dialog(DocumentPreview, save)
    actions.print_letter(parent, context, case.number, case.id, "王小芳")
    text = pdf_text(saved)
    assert "Signed on screen at 2026-03-04 10:00" in text and "王小芳" in text
    assert Event.get(Event.kind == "document").field == "letter"


def test_no_letter_for_an_undecided_case(qtbot: QtBot, context: UiContext, make_case: MakeCase,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, error, **_k: shown.append(str(error)))
    parent = QWidget()
    qtbot.addWidget(parent)
    case = make_case()
    actions.show_document(parent, context, "letter", case.number, case.id)
    assert "no decision yet" in shown[0]


def test_letters_in_bulk_in_the_background(qtbot: QtBot, context: UiContext,
                                           make_case: MakeCase, staff: User) -> None:
    numbers = [_decided(make_case, staff, f"客户{i}").number for i in range(5)]
    parent = QWidget()
    qtbot.addWidget(parent)
    previews: list[int] = []

    def choose(dialog: actions.BatchLetters) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData("rejected"))
        dialog.since.setDate(NOW.date())
        dialog.accept()

    def look(preview: DocumentPreview) -> None:
        previews.append(preview.page_count())
        text = squeezed(pdf_text(preview.path))
        assert all(number in text for number in numbers)
        preview.accept()

    when_dialog(actions.BatchLetters, choose)
    when_dialog(DocumentPreview, look)
    actions.print_letters(parent, context)
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: previews == [5], timeout=5000)


def test_a_cancelled_batch_shows_nothing(qtbot: QtBot, context: UiContext, make_case: MakeCase,
                                         staff: User) -> None:
    from app.ui.runner import run_in_background

    _decided(make_case, staff)
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[object] = []
    job = actions.letters_job("rejected", NOW.replace(hour=0), "zh_CN", NOW)
    paused = PausedJob(job)
    progress = run_in_background(parent, "letters", paused, done.append)
    paused.cancel(progress)
    assert wait_for_jobs()
    QApplication.processEvents()
    assert done == []


def test_the_signature_pad_clears_and_undoes(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    assert pad.is_empty()
    _sign(qtbot, pad)
    _sign(qtbot, pad)
    assert len(pad.strokes) == 2 and not pad.is_empty()
    image = QImage.fromData(pad.to_png())
    assert not image.isNull() and image.width() > 200
    pad.undo()
    assert len(pad.strokes) == 1
    pad.clear()
    assert pad.is_empty()
