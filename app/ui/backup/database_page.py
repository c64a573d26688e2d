"""Settings › Database: which database this PC uses, a shared server's address with a
connection test, moving this PC's database to the server, and switching to it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.location import database_source, resolve_database_url
from app.services.backup import migrate, server
from app.services.backup.migrate import MigrationResult
from app.services.backup.server import ServerFacts
from app.services.desk import store
from app.services.permissions import Permission, allowed
from app.ui import messages
from app.ui.backup.actions import restart
from app.ui.context import Restart, UiContext
from app.ui.operations import Operation, explaining
from app.ui.runner import Progress
from app.ui.widgets import button_row


class DatabasePage(QWidget):
    """The database tab of the settings (this PC's choice, kept in this user's profile)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.facts: ServerFacts | None = None
        self._build_ui()
        self._fill(server.parts(resolve_database_url(None)))
        self._show_state()

    def _build_ui(self) -> None:
        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        self.location = QLineEdit()  # a path or an address: selectable, not words
        self.location.setReadOnly(True)
        box = self._server_box()
        self.own = QPushButton(self.tr("Use this PC's own file again"))
        note = QLabel(self.tr(
            "Each PC keeps its own choice, in this Windows user's profile (the password "
            "too). Moving copies every case, event and attachment into an empty database on "
            "the server and checks it there; this PC's file is left as it is."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_use)
        layout.addWidget(self.location)
        layout.addWidget(box)
        layout.addWidget(note)
        layout.addLayout(button_row(self.own))
        layout.addStretch()
        self.test.clicked.connect(self._on_test)
        self.move_button.clicked.connect(self._on_move)
        self.use.clicked.connect(self._on_use)
        self.own.clicked.connect(self._on_own)

    def _server_box(self) -> QGroupBox:
        """The server's address, and what can be done with it."""
        self.host, self.database, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        box = QGroupBox(self.tr("A shared server (PostgreSQL)"))
        form = QFormLayout(box)
        for label, editor in ((self.tr("Server"), self.host), (self.tr("Port"), self.port),
                              (self.tr("Database"), self.database),
                              (self.tr("User"), self.user),
                              (self.tr("Password"), self.password)):
            form.addRow(label, editor)
        self.test = QPushButton(self.tr("Test the connection"))
        self.move_button = QPushButton(self.tr("Move this PC's database to the server…"))
        self.use = QPushButton(self.tr("Use this server on this PC"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        form.addRow("", button_row(self.test, right=(self.move_button, self.use)))
        form.addRow(self.result)
        return box

    def _fill(self, parts: dict[str, object]) -> None:
        self.host.setText(str(parts["host"]))
        self.port.setValue(int(str(parts["port"])))
        self.database.setText(str(parts["database"]))
        self.user.setText(str(parts["user"]))
        self.password.setText(str(parts["password"]))

    def _show_state(self) -> None:
        source = database_source(None)
        self.in_use.setText({
            "environment": self.tr("Database in use (set by the COMPLAINT_DESK_DB variable, "
                                   "which overrides the choice made here):"),
            "this_pc": self.tr("Database in use (this PC's choice):"),
            "option": self.tr("Database in use (named when Complaint Desk was started):"),
        }.get(source, self.tr("Database in use (this PC's own file):")))
        self.location.setText(store.location())
        may = allowed(self._context.user, Permission.MANAGE_SETTINGS)
        moving = allowed(self._context.user, Permission.MOVE_DATABASE)
        self.move_button.setEnabled(moving and store.database_file() is not None and self._empty())
        self.use.setEnabled(may and self.facts is not None and self.facts.holds_desk)
        self.own.setVisible(source == "this_pc")
        self.own.setEnabled(may)

    def _empty(self) -> bool:
        return self.facts is not None and self.facts.empty

    def _url(self) -> str | None:
        try:
            return server.address(host=self.host.text(), port=self.port.value(),
                                  database=self.database.text(), user=self.user.text(),
                                  password=self.password.text())
        except DeskError as error:
            self.result.setText(str(error))
            return None

    def _on_test(self) -> None:
        """Called when the user tests the address: what the server holds."""
        url = self._url()
        if url is None:
            return
        self.facts = None
        try:
            with explaining():
                self.facts = server.test_server(url)
        except DeskError as error:
            self.result.setText(self.tr("Not connected: %1").replace("%1", str(error)))
        else:
            self.result.setText(self._describe(self.facts))
        self._show_state()

    def _describe(self, facts: ServerFacts) -> str:
        found = self.tr("Connected to PostgreSQL %1.").replace("%1", facts.version)
        if facts.empty:
            return found + " " + self.tr("The database is empty: this PC's database can be "
                                         "moved there.")
        if facts.holds_desk:
            return found + " " + self.tr("It holds a Complaint Desk database with %1 cases: "
                                         "this PC can use it.").replace("%1",
                                                                        f"{facts.cases or 0:,}")
        return found + " " + self.tr("It holds tables of another program: choose another "
                                     "database.")

    def _on_move(self) -> None:
        """Called when the user moves this PC's database to the server."""
        url = self._url()
        if url is None or not messages.confirm(self, self.tr(
                "Copy this PC's database to %1? This PC keeps using its file until you "
                "choose to use the server.").replace("%1", self.host.text())):
            return
        user = self._context.user

        def job(progress: Progress) -> MigrationResult:
            return migrate.migrate_to_server(url, actor=user, step=progress.step)

        Operation(self).run_in_background(self.tr("Moving the database to the server…"), job,
                                          lambda result: self._moved(url, result))

    def _moved(self, url: str, result: MigrationResult) -> None:
        copied = next((c.target for c in result.counts if c.table == "complaint"), 0)
        text = self.tr("%1 cases were copied to the server and checked there in %2 s. Use "
                       "the server on this PC now? (Complaint Desk starts again.)")
        self._on_test()
        if messages.confirm(self, text.replace("%1", f"{copied:,}")
                            .replace("%2", f"{result.seconds:.0f}")):
            self._switch(url)

    def _on_use(self) -> None:
        """Called when the user makes this PC use the server."""
        url = self._url()
        if url is not None and messages.confirm(self, self.tr(
                "Use the server from now on? Complaint Desk starts again on it.")):
            self._switch(url)

    def _switch(self, url: str) -> None:
        if Operation(self).run(lambda: server.use_server(url)):
            restart(self, self._context, Restart(resolve_database_url(None)))

    def _on_own(self) -> None:
        """Called when the user goes back to this PC's own database file."""
        if Operation(self).run(server.use_own_file):
            restart(self, self._context, Restart(resolve_database_url(None)))
