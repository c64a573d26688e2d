"""The window's backups: the automatic copies, the warning said once, the restore dialog's
confirmation, the settings pages, the About box and starting again on a restored database."""

import errno
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from app import location
from app.models import BackupRecord, Complaint, User
from app.services import users
from app.services.backup import copies, records, server
from app.services.desk.store import close_desk, database_file
from app.ui import app as window_app
from app.ui import messages
from app.ui.about import AboutDialog
from app.ui.backup import actions
from app.ui.backup.database_page import DatabasePage
from app.ui.backup.page import BackupsPage
from app.ui.backup.restore_dialog import RestoreDialog
from app.ui.context import Restart
from app.ui.main_window import MainWindow
from app.ui.runner import wait_for_jobs
from app.ui.settings.dialog import SettingsDialog
from app.ui.widgets import app_icon
from tests.conftest import NOW
from tests.postgres_desk import PG_URL, FreshPostgresDatabase
from tests.ui.conftest import signed_in


@pytest.fixture
def owner(sqlite_db: Path) -> User:  # a file: the copies are files beside it
    return users.create_user(username="owner", display_name="王老板", role="owner",
                             password="secret", actor=None, now=NOW)


@pytest.fixture
def window(qtbot: QtBot, owner: User) -> Iterator[MainWindow]:
    main = MainWindow(signed_in(owner))
    qtbot.addWidget(main)
    main.show()
    yield main
    main.restart = Restart("")  # closing in a test makes no copy
    main.close()


def test_the_first_start_of_the_day_makes_a_copy_and_warns_once(
        qtbot: QtBot, window: MainWindow, sqlite_db: Path) -> None:
    said: list[list] = []
    window.backups.warned.connect(said.append)
    window.backups.start()
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert records.latest().kind == "daily" and records.latest().ok
    assert [w.code for w in said[0]] == ["same_disk"]  # Backups beside the database
    assert window.banner.isVisible()
    assert window.banner.text.text() == "⚠ The backups are on the database's own disk"
    assert "a broken disk or a stolen PC takes both" in window.banner.details()
    for _hour in range(3):  # the hourly check: no new copy, no new warning
        window.backups.daily()
    assert wait_for_jobs() and len(said) == 1
    assert BackupRecord.select().count() == 1
    window.banner.hide_button.click()
    window.backups.daily()
    assert not window.banner.isVisible()


def test_the_program_makes_todays_copy_once_the_window_has_painted(qtbot: QtBot, owner: User,
                                                                   sqlite_db: Path) -> None:
    main = window_app.open_main_window(signed_in(owner))
    qtbot.addWidget(main)
    assert main.isVisible() and not main.backups.timer.isActive()  # not before the rows
    assert main.improvement.watch.timer.isActive()
    qtbot.waitUntil(main.backups.timer.isActive, timeout=5000)  # just after the first paint
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: records.latest() is not None, timeout=5000)
    assert records.latest().kind == "daily" and records.latest().ok
    main.restart = Restart("")  # closing in a test makes no copy
    main.close()


def test_a_failed_copy_is_new_news(qtbot: QtBot, window: MainWindow,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    window.backups.check()
    window.banner.hide_button.click()

    def unplugged(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(copies, "copy_database", unplugged)
    window.backups.daily()
    assert wait_for_jobs()
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert window.banner.text.text().startswith("⚠ The last backup failed")
    text = window.banner.details()
    assert "The last backup (2026-03-04 10:00) failed" in text and "USB stick" in text
    shown = list(window.banner.shown)
    window.backups.check()
    assert window.banner.shown == shown  # said once


def test_closing_after_a_few_hours_makes_a_copy_first(qtbot: QtBot, owner: User,
                                                      sqlite_db: Path) -> None:
    copies.back_up(kind="daily", now=NOW - timedelta(hours=5))
    main = MainWindow(signed_in(owner))
    qtbot.addWidget(main)
    main.show()
    main.backups.timer.start()
    main.close()
    assert main.isVisible()  # waits for the copy
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: not main.isVisible(), timeout=5000)
    assert records.latest().kind == "on_exit"


def test_the_restore_dialog_shows_each_copy_and_confirms(qtbot: QtBot, owner: User,
                                                         sqlite_db: Path,
                                                         make_case: Callable[..., Complaint],
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         ) -> None:
    case = make_case()
    copies.back_up(kind="daily", now=NOW - timedelta(days=1))
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(messages, "confirm",
                        lambda _p, text, **_k: asked.append(text) or answer[0])
    dialog = RestoreDialog(current_cases=7)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "2026-03-03 10:00"
    assert dialog.details.text() == (f"Backup made 2026-03-03 10:00: 1 cases, the newest "
                                     f"{case.number} (received 2026-03-04 10:00).")
    dialog.restore.click()
    assert asked[0].startswith("Replace the database in use (7 cases) with the backup made "
                               f"2026-03-03 10:00 (1 cases, the newest {case.number})?")
    assert "kept aside first" in asked[0] and not dialog.result() and dialog.chosen is None
    answer[0] = True
    dialog.restore.click()
    assert dialog.result() and dialog.chosen is not None and dialog.chosen.is_file()


def test_a_restore_from_the_window_starts_again_on_the_backup(
        qtbot: QtBot, owner: User, sqlite_db: Path, make_case: Callable[..., Complaint],
        monkeypatch: pytest.MonkeyPatch) -> None:
    kept = make_case()
    backup = Path(copies.back_up(kind="manual", now=NOW, actor=owner).path)
    make_case(description="备份之后才记录")
    context = signed_in(owner)
    page = BackupsPage(context)
    qtbot.addWidget(page)
    requested: list[Restart] = []
    context.restart_requested.connect(requested.append)
    actions.restore_backup(page, context, backup)
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: bool(requested), timeout=5000)
    monkeypatch.setattr(window_app, "first_user", lambda ctx, _name: owner)
    user, url = window_app.restart(requested[0], context, str(sqlite_db))
    assert user is owner and url == str(sqlite_db) and database_file() == sqlite_db.resolve()
    assert [c.number for c in Complaint.select()] == [kept.number]
    assert records.history(1)[0].kind == "restored"


def test_a_restore_that_cannot_swap_comes_back_on_the_same_database(
        qtbot: QtBot, owner: User, sqlite_db: Path, shown: list) -> None:
    def refused() -> None:
        raise OSError(errno.EACCES, "Permission denied", str(sqlite_db))

    user, url = window_app.restart(Restart("elsewhere.sqlite3", refused), signed_in(owner),
                                   str(sqlite_db))
    assert user is not None and user.id == owner.id and url == str(sqlite_db)
    assert shown and "Permission denied" in shown[0][1]
    assert not Path("elsewhere.sqlite3").exists()


def test_the_backups_page_for_each_role(qtbot: QtBot, owner: User, sqlite_db: Path,
                                        shown: list) -> None:
    manager = users.create_user(username="manager", display_name="李经理", role="manager",
                                password="secret", actor=owner, now=NOW)
    staff = users.create_user(username="staff1", display_name="张小芳", role="staff",
                              password="secret", actor=owner, now=NOW)
    titles = {}
    for user in (owner, manager, staff):
        dialog = SettingsDialog(signed_in(user))
        qtbot.addWidget(dialog)
        titles[user.role] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert {"Backups", "Database"} <= set(titles["owner"])
    assert "Backups" in titles["manager"] and "Database" not in titles["manager"]
    assert "Backups" not in titles["staff"]
    page = BackupsPage(signed_in(manager))
    qtbot.addWidget(page)
    assert page.restore.isHidden() and not page.back_up.isHidden()
    assert page.last.text() == "Last backup: None yet"
    page.back_up.click()
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=5000)
    assert page.history.item(0, 1).text() == "made by hand"
    assert shown[0][0] == "info" and "Backup made and checked" in shown[0][1]
    assert not page.folder.isEnabled()  # managers do not choose the folder
    owners = BackupsPage(signed_in(owner))
    qtbot.addWidget(owners)
    owners.folder.setText("not/a/full/path")
    owners.save.click()
    assert "not a valid value" in owners.folder_row.error.text()


def test_the_about_box_says_the_last_backup(qtbot: QtBot, owner: User, sqlite_db: Path,
                                           make_case: Callable[..., Complaint]) -> None:
    def about_line() -> str:
        dialog = AboutDialog(app_icon())
        qtbot.addWidget(dialog)
        form = dialog.findChild(QFormLayout)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and label.widget().text() == "Last backup:":
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
                assert isinstance(field, QLabel)
                return field.text()
        raise AssertionError("no backup line")

    assert about_line() == "None yet"
    case = make_case()
    copies.back_up(kind="daily", now=NOW)
    assert about_line() == f"2026-03-04 10:00, checked: 1 cases, the newest {case.number}"


@pytest.fixture
def this_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This PC's choice of database, kept in the test's own folder."""
    choice = tmp_path / "config" / "database.json"
    monkeypatch.setattr(location, "choice_path", lambda: choice)
    monkeypatch.delenv(location.ENV_VAR, raising=False)
    return choice


def test_the_database_page_tests_an_address(qtbot: QtBot, owner: User, sqlite_db: Path,
                                            this_pc: Path) -> None:
    page = DatabasePage(signed_in(owner))
    qtbot.addWidget(page)
    assert page.in_use.text() == "Database in use (this PC's own file):"
    assert page.location.text() == str(sqlite_db.resolve())
    assert not page.move_button.isEnabled() and not page.use.isEnabled() and page.own.isHidden()
    page.host.setText("")
    page.test.click()
    assert page.result.text() == "Please fill in the server."
    for editor, value in ((page.host, "127.0.0.1"), (page.database, "desk"),
                          (page.user, "desk")):
        editor.setText(value)
    page.port.setValue(1)
    page.test.click()
    assert page.result.text().startswith("Not connected: ")
    assert not this_pc.exists()


@pytest.mark.skipif(not PG_URL, reason="needs COMPLAINT_DESK_TEST_PG")
def test_the_database_page_moves_the_desk_and_switches_this_pc(
        qtbot: QtBot, owner: User, sqlite_db: Path, this_pc: Path,
        make_case: Callable[..., Complaint], monkeypatch: pytest.MonkeyPatch) -> None:
    case = make_case()
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    context = signed_in(owner)
    requested: list[Restart] = []
    context.restart_requested.connect(requested.append)
    with FreshPostgresDatabase() as url:
        page = DatabasePage(context)
        qtbot.addWidget(page)
        split = server.parts(url)
        page.host.setText(str(split["host"]))
        page.port.setValue(int(str(split["port"])))
        page.database.setText(str(split["database"]))
        page.user.setText(str(split["user"]))
        page.test.click()
        assert "The database is empty" in page.result.text() and page.move_button.isEnabled()
        page.move_button.click()
        assert wait_for_jobs()
        qtbot.waitUntil(lambda: bool(requested), timeout=10_000)
        assert requested[0].url == url and requested[0].before is None
        assert location.chosen_database() == url
        assert server.test_server(url).cases == 1
        close_desk()
        window_app.open_desk(url, create=False)
        assert Complaint.get().number == case.number
        close_desk()


def test_staff_see_the_warning_without_the_backup_buttons(qtbot: QtBot, owner: User) -> None:
    clerk = users.create_user(username="clerk", display_name="小李", role="staff",
                              password="secret", actor=owner, now=NOW)
    main = MainWindow(signed_in(clerk))
    qtbot.addWidget(main)
    main.show()
    main.backups.check()
    assert main.banner.isVisible() and main.banner.details_button.isVisible()
    assert not main.banner.back_up_button.isVisible()
    assert not main.banner.settings_button.isVisible()
    main.close()
