"""Every visible string of the Chinese window is translated, and the catalogue is compiled."""

import importlib.util
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.i18n import current_language
from app.models import Complaint, EarlyWarning, User
from app.services.casework import actions, cases, duplicates
from app.services.casework.view import CaseDetails
from app.services.improvement import actions as improvement
from app.services.improvement import listing
from app.services.improvement.actions import ActionForm
from app.ui.backup.restore_dialog import RestoreDialog
from app.ui.case.action_dialog import ActionDialog
from app.ui.case.customer_dialog import CorrectDialog
from app.ui.case.merge_dialog import MergeDialog
from app.ui.case.reply_dialog import ReplyDialog
from app.ui.case.window import CaseWindow
from app.ui.compensation.propose import ProposeDialog
from app.ui.context import UiContext
from app.ui.improvement.action_list import ActionsWindow
from app.ui.improvement.action_view import ActionView
from app.ui.improvement.case_actions import ChooseActionDialog
from app.ui.improvement.form import ActionFormDialog
from app.ui.improvement.steps import StepDialog
from app.ui.improvement.training import TrainingDialog
from app.ui.improvement.warning_dialog import WarningDialog
from app.ui.intake.dialog import IntakeDialog
from app.ui.intake.duplicate import DuplicateWarning
from app.ui.main_window import MainWindow
from app.ui.printing.actions import BatchLetters, LetterOptions, build_document
from app.ui.printing.preview import DocumentPreview
from app.ui.printing.signature import SignatureDialog
from app.ui.settings.dialog import SettingsDialog
from app.ui.signin import SignInDialog
from app.ui.welcome import WelcomeDialog

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("translations", ROOT / "tools" / "translations.py")
translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(translations)  # type: ignore[union-attr]

# Latin words that may stay in a Chinese window: key names, units, data and codes.
ALLOWED = {"Ctrl", "Enter", "CNY", "KB", "MB", "jpg", "jpeg", "png", "pdf", "heic", "doc",
           "docx", "English", "A4", "Letter", "TS", "RC", "DD", "HH", "mm", "yyyy", "PNG",
           "JPEG", "PDF", "Excel", "xlsx", "PostgreSQL"}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def test_every_tr_string_has_a_chinese_translation(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copy(translations.TS, copy)
    translations.update(copy)  # adds any string the code has but the catalogue lacks
    assert translations.untranslated(copy) == []


def test_the_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    translations.release(translations.TS, fresh)
    assert fresh.read_bytes() == translations.QM.read_bytes(), \
        "run: python tools/translations.py release"


def _texts(root: QWidget) -> Iterator[str]:
    """Every text a user can see in `root` and its children."""
    yield root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        if isinstance(widget, QGroupBox):
            yield widget.title()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        if isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            yield from (widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            yield from (widget.item(i).text() for i in range(widget.count()))
        if isinstance(widget, QTableView | QTableWidget) and widget.model() is not None:
            model = widget.model()
            yield from (str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                        for c in range(model.columnCount()))
        if isinstance(widget, QMainWindow):
            for action in widget.findChildren(type(widget.menuBar().actions()[0])):
                yield action.text()


def _untranslated(root: QWidget) -> set[str]:
    found = set()
    for text in _texts(root):
        words = set(LATIN_WORD.findall(re.sub(r"<[^>]+>|TS-\d{4}-\d{6}|DD\d+|&\w+;", "", text)))
        if words - ALLOWED:
            found.add(text)
    return found


@pytest.fixture
def case_window(qtbot: QtBot, context: UiContext, make_case: Callable[..., Complaint],
                ) -> CaseWindow:
    case = make_case(flags=["risk"])
    window = CaseWindow(context, case.id)
    qtbot.addWidget(window)
    return window


def _improvement_screens(as_owner: UiContext, case_id: int) -> list[QWidget]:
    """The corrective-action windows, on an action and a warning about the case."""
    owner, now = as_owner.user, as_owner.now()
    action = improvement.create_action(ActionForm(
        title="来货抽检", owner=owner, due_on=now.date(), root_causes=["RC03"],
        case_ids=[case_id]), actor=owner, now=now)
    case = cases.for_change(case_id)
    cases.update_fields(case_id, values={"satisfaction": 1}, actor=owner, now=now,
                        expected_version=case.version)  # a low score: a warning
    warning = EarlyWarning.get()
    rows = listing.list_actions(actor=owner)
    return [ActionsWindow(as_owner), ActionView(as_owner, action.id),
            ActionFormDialog(lambda _v: None, today=now.date(), cases=[case.number]),
            ActionFormDialog(lambda _v: None, today=now.date(), editing=True),
            StepDialog("整改", "说明", lambda _n: None, note_label="备注"),
            TrainingDialog(as_owner), TrainingDialog(as_owner, action_id=action.id),
            WarningDialog(as_owner, warning.id), ChooseActionDialog("关联", "说明", rows)]


def _screens(context: UiContext, owner: User, case_id: int) -> list[QWidget]:
    """One of every window and dialog; settings as the owner, who sees every tab."""
    details = CaseDetails.load_id(case_id)
    as_owner = UiContext(clock=context.now)
    as_owner.sign_in(owner)
    return [*_improvement_screens(as_owner, case_id),
        MainWindow(context), IntakeDialog(context), SettingsDialog(as_owner),
        SignInDialog(), WelcomeDialog(context), ReplyDialog(details, lambda _t: None),
        *(ActionDialog(action, details, lambda *_a: None) for action in actions.ACTIONS),
        CaseWindow(context, case_id), LetterOptions(), BatchLetters(), SignatureDialog("张三"),
        ProposeDialog(context, details.number, lambda *_a: None), RestoreDialog(0),
        DocumentPreview(build_document("receipt", details.number, language=current_language(),
                                       now=details.received_at), details.number),
        MergeDialog(context, case_id, lambda *_a: None), CorrectDialog(details, lambda *_a: None),
        DuplicateWarning(duplicates.likely_duplicates(details.phone, details.category.code,
                                                      now=context.now()), "又来电"),
    ]


def test_no_english_is_left_in_the_chinese_window(qtbot: QtBot, chinese: None,
                                                  context: UiContext, owner: User,
                                                  case_window: CaseWindow) -> None:
    leftovers = {}
    for screen in _screens(context, owner, case_window.details.id):
        qtbot.addWidget(screen)
        left = _untranslated(screen)
        if left:
            leftovers[type(screen).__name__] = sorted(left)
    assert leftovers == {}


def test_the_check_would_catch_english(qtbot: QtBot, context: UiContext, owner: User,
                                       case_window: CaseWindow) -> None:
    screens = _screens(context, owner, case_window.details.id)
    for screen in screens:
        qtbot.addWidget(screen)
    assert all(_untranslated(screen) for screen in screens)  # the English window is caught
