"""The pages of the import wizard: the file and sheet, the columns, the check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.errors import DeskError
from app.services.importing import reader
from app.services.importing.columns import FIELDS
from app.services.importing.importer import ImportReport
from app.ui import messages
from app.ui.widgets import button_row

PREVIEW_ROWS = 10


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)  # the sheet's own row numbers are what count
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)  # a long reason is cut at the edge; the tip shows it all
            table.setItem(row, column, item)
    table.resizeColumnsToContents()


class FilePage(QWizardPage):
    """Which workbook, and which of its sheets."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The spreadsheet"))
        self.setSubTitle(self.tr("Choose the Excel file (.xlsx) your complaints were kept in, "
                                 "and the sheet that holds them."))
        self.path: Path | None = None
        self.peeked: reader.SheetPeek | None = None
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.browse = QPushButton(self.tr("Choose file…"))
        self.sheet = QComboBox()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.tr("File"), button_row(self.file, self.browse))
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.error)
        self.browse.clicked.connect(self._on_browse)
        self.sheet.currentTextChanged.connect(self._on_sheet)

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        """A sheet with a header row has been found."""
        return self.peeked is not None

    def load(self, path: Path, sheet: str | None = None) -> None:
        """Reads the top of the sheet; a file that cannot be used says why on the page."""
        self.path = path
        self.file.setText(str(path))
        try:
            self.peeked = reader.peek(path, sheet=sheet, rows=PREVIEW_ROWS)
            self.error.clear()
        except DeskError as error:
            self.peeked = None
            self.error.setText(str(error))
        if self.peeked is not None and sheet is None:
            self.sheet.blockSignals(True)
            self.sheet.clear()
            self.sheet.addItems(self.peeked.sheets)
            self.sheet.setCurrentText(self.peeked.sheet)
            self.sheet.blockSignals(False)
        self.completeChanged.emit()

    def _on_browse(self) -> None:
        """Called when the user chooses the file."""
        path = messages.choose_open_file(self, self.tr("Import from Excel"),
                                         self.tr("Excel workbooks (*.xlsx)"))
        if path is not None:
            self.load(path)

    def _on_sheet(self, name: str) -> None:
        """Called when the user picks another sheet."""
        if self.path is not None and name:
            self.load(self.path, name)


class ColumnsPage(QWizardPage):
    """Which column feeds which field: matched from the titles, changeable; a preview."""

    def __init__(self, files: FilePage) -> None:
        super().__init__()
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Columns were matched from their titles. Check them, and "
                                 "choose a column for each field marked *."))
        self._files = files
        self.choices: dict[str, QComboBox] = {}
        self.grid = QGridLayout()  # two fields to a line: the preview keeps its room
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.preview = _table([])
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("The first rows of the sheet:")))
        layout.addWidget(self.preview, 1)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        """Builds a choice per field from the sheet's header, and the preview."""
        peeked = self._files.peeked
        assert peeked is not None
        while (item := self.grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.choices = {}
        for place, (name, field) in enumerate(FIELDS.items()):
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), -1)
            for index, title in enumerate(peeked.headers):
                if title:
                    combo.addItem(title, index)
            combo.setCurrentIndex(combo.findData(peeked.columns.get(name, -1)))
            combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
            self.choices[name] = combo
            line, side = divmod(place, 2)
            self.grid.addWidget(QLabel(f"{field.label}{' *' if field.required else ''}"),
                                line, side * 2)
            self.grid.addWidget(combo, line, side * 2 + 1)
        self.preview.setColumnCount(len(peeked.headers))
        self.preview.setHorizontalHeaderLabels(peeked.headers)
        _fill(self.preview, peeked.sample)

    def mapping(self) -> dict[str, str]:
        """Field → column title as the import takes it ("" for a field left out)."""
        headers = self._files.peeked.headers if self._files.peeked else []
        return {name: headers[combo.currentData()] if combo.currentData() >= 0 else ""
                for name, combo in self.choices.items()}

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        """Every required field has a column, and no column feeds two fields."""
        chosen = [combo.currentData() for combo in self.choices.values()
                  if combo.currentData() >= 0]
        missing = [str(FIELDS[name].label) for name, combo in self.choices.items()
                   if FIELDS[name].required and combo.currentData() < 0]
        twice = len(chosen) != len(set(chosen))
        if missing:
            self.note.setText(self.tr("Choose a column for: %1").replace(
                "%1", self.tr(", ").join(missing)))
        elif twice:
            self.note.setText(self.tr("A column can feed only one field."))
        else:
            self.note.clear()
        return not missing and not twice


class CheckPage(QWizardPage):
    """The dry run: what would be imported, every row that cannot be, and repeats."""

    def __init__(self, check: Callable[[], None]) -> None:
        super().__init__()
        self._check = check  # starts the dry run; its report comes back to show_report
        self.setTitle(self.tr("Check"))
        self.setSubTitle(self.tr("Nothing has been changed yet. Rows with problems are listed "
                                 "with the reason; correct them in the file and check again, "
                                 "or skip them."))
        self.report: ImportReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = _table([self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                self.tr("Why")])
        self.skip = QCheckBox(self.tr("Skip the rows with problems and import the others"))
        self.skip.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.skip)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        """Starts the dry run of the file as the columns now stand."""
        self.report = None
        self.summary.setText(self.tr("Checking every row…"))
        _fill(self.problems, [])
        self.skip.setChecked(False)
        self.skip.setVisible(False)
        self._check()

    def show_report(self, report: ImportReport) -> None:
        """Shows what the dry run found."""
        self.report = report
        self.summary.setText(self.tr(
            "%1 row(s) read from the sheet “%2”: %3 can be imported, %4 have problems, "
            "%5 are already recorded.").replace("%1", str(report.rows))
            .replace("%2", report.sheet).replace("%3", str(report.ready))
            .replace("%4", str(report.bad_rows))
            .replace("%5", str(len(report.duplicates))))
        rows = [[str(p.row), p.column, p.value, str(p.reason)] for p in report.problems]
        rows += [[str(d.row), "", "", self.tr("Already recorded as %1").replace("%1", d.of)]
                 for d in report.duplicates]
        _fill(self.problems, rows)
        self.skip.setVisible(bool(report.problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        """Checked, something to import, and no problems left unless they are skipped."""
        report = self.report
        return (report is not None and report.ready > 0
                and (not report.problems or self.skip.isChecked()))
