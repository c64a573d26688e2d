"""The background worker: results, errors, cancel, and no deadlock between Qt and Python."""

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.errors import RuleError
from app.i18n import Text
from app.ui import runner
from app.ui.runner import CancelledError, Progress, run_and_wait, run_in_background
from tests.ui.conftest import PausedJob


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_job_returns_its_result_to_the_ui_thread(parent: QWidget) -> None:
    steps: list[int] = []

    def job(progress: Progress) -> str:
        for page in range(3):
            progress.step(page, 3)
            steps.append(page)
        return "printed"

    assert run_and_wait(parent, "job", job) == "printed"
    assert steps == [0, 1, 2]
    assert not runner._relay().jobs  # nothing left waiting


def test_a_refusal_is_shown_once_and_the_wait_ends(parent: QWidget,
                                                  shown: list[tuple[str, str]]) -> None:
    def job(_progress: Progress) -> None:
        raise RuleError(Text("The printer is out of paper.", "打印机缺纸。"))

    assert run_and_wait(parent, "job", job) is None
    assert shown == [("error", "The printer is out of paper.")]


def test_cancel_stops_the_job_at_its_next_step(parent: QWidget) -> None:
    reached: list[int] = []
    done: list[object] = []

    def job(progress: Progress) -> None:
        for page in range(1000):
            progress.step(page, 1000)
            reached.append(page)

    paused = PausedJob(job, at=3)
    progress = run_in_background(parent, "job", paused, done.append)
    paused.cancel(progress)
    assert runner.wait_for_jobs()
    QApplication.processEvents()
    assert done == [] and len(reached) < 1000
    assert reached == [0, 1, 2]  # the step after the cancel raised
    with pytest.raises(CancelledError):
        progress.step(0, 1)


def test_many_jobs_with_ui_objects_end_without_a_deadlock(parent: QWidget) -> None:
    # Each job uses a QObject the UI thread owns and reports progress while its dialog
    # closes: the pattern that once deadlocked Qt's signal lock against Python's.
    owned = QObject(parent)
    for number in range(60):
        def job(progress: Progress, number: int = number) -> int:
            progress.step(0, 1, owned.objectName())
            return number

        assert run_and_wait(parent, "job", job) == number
