"""The analysis view (统计分析): a period's figures, their change, and charts whose every
figure, bar and table row opens the register on exactly those cases."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import Category, Department
from app.reports.review_data import Bars
from app.services import catalog
from app.services.analysis.filters import Filters
from app.services.analysis.names import describe
from app.services.analysis.overview import Overview, analyse, with_details
from app.services.analysis.pareto import pareto
from app.services.analysis.period import MONTH, QUARTER, YEAR, Period
from app.services.analysis.slices import Slice
from app.services.catalog import name_of
from app.services.improvement.prefill import addresses
from app.services.labels import CHANNELS, label
from app.services.permissions import Permission, allowed
from app.services.register.listing import CaseQuery, ordered_ids
from app.ui.analysis import files
from app.ui.analysis.charts import BarChart
from app.ui.analysis.tables import DOOR, door_table, fill_pareto, fill_teams
from app.ui.analysis.tiles import COUNT, DAYS, MONEY, PERCENT, SCORE, FigureTile
from app.ui.context import UiContext
from app.ui.improvement.start import start_action
from app.ui.operations import Operation
from app.ui.widgets import fill_combo

PARETO_DIMENSIONS = ("category", "root_cause", "fault_department", "channel")


class AnalysisView(QDialog):
    """The owner's view of a period; `open_register(fields, description)` asks the main
    window to list a figure's cases (CaseQuery fields, and what they are in words)."""

    open_register = Signal(dict, str)
    action_started = Signal(int)  # a corrective action started from a figure's cases
    figures_shown = Signal()  # the tiles and the Pareto chart in view
    loaded = Signal()  # and the other tabs filled

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.overview: Overview | None = None
        self.period = Period.containing(context.now().date())
        self.setWindowTitle(self.tr("Analysis"))
        self._build_ui()
        self._connect_signals()
        self.resize(1340, 740)

    def _tiles(self) -> list[tuple[str, str, str]]:
        return [("received", self.tr("Received"), COUNT),
                ("decided", self.tr("Decided"), COUNT),
                ("open_at_end", self.tr("Open at the end"), COUNT),
                ("reopened", self.tr("Reopened"), COUNT),
                ("first_answer_on_time_pct", self.tr("First answers on time"), PERCENT),
                ("decision_on_time_pct", self.tr("Decisions on time"), PERCENT),
                ("median_days_to_decision", self.tr("Median business days to decision"), DAYS),
                ("overdue_now", self.tr("Overdue now"), COUNT),
                ("not_upheld", self.tr("Not upheld"), COUNT),
                ("compensation_approved_amount", self.tr("Compensation approved"), MONEY),
                ("satisfaction_avg", self.tr("Average satisfaction"), SCORE),
                ("repeat_customers", self.tr("Repeat customers"), COUNT)]

    def _build_ui(self) -> None:
        self.kind = QComboBox()
        for kind, text in ((MONTH, self.tr("Month")), (QUARTER, self.tr("Quarter")),
                           (YEAR, self.tr("Year"))):
            self.kind.addItem(text, kind)
        self.previous_button, self.next_button = QPushButton("◀"), QPushButton("▶")
        self.period_label = QLabel()
        self.category, self.department, self.channel = QComboBox(), QComboBox(), QComboBox()
        fill_combo(self.category, ((name_of(c), c.id) for c in catalog.entries(Category)),
                   blank=self.tr("Any category"))
        fill_combo(self.department, ((name_of(d), d.id) for d in catalog.entries(Department)),
                   blank=self.tr("Any department"))
        fill_combo(self.channel, ((label(CHANNELS, code), code) for code in CHANNELS),
                   blank=self.tr("Any channel"))
        self.pack_button = QPushButton(self.tr("Review pack…"))
        self.workbook_button = QPushButton(self.tr("Workbook…"))
        self.return_button = QPushButton(self.tr("Period return…"))
        self.tiles = {key: FigureTile(key, title, unit) for key, title, unit in self._tiles()}
        self.pareto_dimension = QComboBox()
        for dimension, text in zip(PARETO_DIMENSIONS, (
                self.tr("Category"), self.tr("Root cause"), self.tr("Department at fault"),
                self.tr("Channel")), strict=True):
            self.pareto_dimension.addItem(text, dimension)
        self.pareto_chart, self.trend_chart, self.team_chart = BarChart(), BarChart(), BarChart()
        self.pareto_table = door_table([self.tr("Cause"), self.tr("Cases"), self.tr("Share"),
                                        self.tr("Cumulative"), self.tr("Class")])
        self.team_table = door_table([self.tr("Department"), self.tr("Cases"),
                                      self.tr("On time"), self.tr("Median days"),
                                      self.tr("Overdue now"), self.tr("Satisfaction")])
        self.handler_table = door_table([self.tr("Handler"), self.tr("Cases"),
                                         self.tr("On time"), self.tr("Median days"),
                                         self.tr("Overdue now"), self.tr("Satisfaction")])
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for widget in (self.kind, self.previous_button, self.period_label, self.next_button):
            top.addWidget(widget)
        top.addSpacing(16)
        for widget in (self.category, self.department, self.channel):
            top.addWidget(widget)
        top.addStretch()
        for widget in (self.pack_button, self.workbook_button, self.return_button):
            top.addWidget(widget)
        grid = QGridLayout()
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 6, index % 6)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._page(self.pareto_dimension, self.pareto_chart, self.pareto_table),
                         self.tr("Pareto: what to fix first"))
        self.tabs.addTab(self._page(None, self.trend_chart, None), self.tr("12-month trend"))
        self.tabs.addTab(self._page(None, self.team_chart, self.team_table, self.handler_table),
                         self.tr("Departments and handlers"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)

    def _page(self, header: QWidget | None, chart: BarChart, *tables: QTableWidget | None,
              ) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        if header is not None:
            column.addWidget(header)
        row = QHBoxLayout()
        row.addWidget(chart, 3)
        side = QVBoxLayout()
        for table in tables:
            if table is not None:
                side.addWidget(table)
        if side.count():
            row.addLayout(side, 2)
        column.addLayout(row, 1)
        return page

    def _connect_signals(self) -> None:
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.kind.currentIndexChanged.connect(self._on_kind)
        for combo in (self.category, self.department, self.channel):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.pareto_dimension.currentIndexChanged.connect(lambda _i: self._show_pareto())
        for tile in self.tiles.values():
            tile.clicked.connect(self._on_tile)
        self.pareto_chart.bar_clicked.connect(lambda i: self._open_row(self.pareto_table, i))
        # Corrective actions: right-click a Pareto bar or row to start one on its cases.
        self.pareto_chart.bar_menu.connect(lambda i, at: self._action_menu(self.pareto_table,
                                                                          i, at))
        self.pareto_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.pareto_table.customContextMenuRequested.connect(lambda at: self._action_menu(
            self.pareto_table, self.pareto_table.rowAt(at.y()),
            self.pareto_table.viewport().mapToGlobal(at)))
        self.trend_chart.bar_clicked.connect(self._on_trend_bar)
        self.team_chart.bar_clicked.connect(lambda i: self._open_row(self.team_table, i))
        for table in (self.pareto_table, self.team_table, self.handler_table):
            table.cellActivated.connect(lambda row, _c, t=table: self._open_row(t, row))
            table.cellClicked.connect(lambda row, _c, t=table: self._open_row(t, row))
        self.pack_button.clicked.connect(lambda: files.show_pack(self, self._context,
                                                                 self.overview))
        self.workbook_button.clicked.connect(lambda: files.save_workbook(self, self._context,
                                                                         self.overview))
        self.return_button.clicked.connect(lambda: files.save_return(
            self, self._context, self.period, self.filters()))

    def filters(self) -> Filters:
        """The narrowing chosen above the tiles."""
        return Filters(category_id=self.category.currentData(),
                       department_id=self.department.currentData(),
                       channel=self.channel.currentData())

    def show_period(self, period: Period) -> None:
        """Moves to `period` and loads its figures."""
        self.period = period
        self.reload()

    def reload(self) -> None:
        """Loads the figures in the background, then shows them."""
        period, filters = self.period, self.filters()
        user, now = self._context.user, self._context.now()
        self.period_label.setText(str(period.label()))

        dimension = self.pareto_dimension.currentData()

        def figures(_progress: object) -> Overview:
            shown = analyse(period, filters, actor=user, now=now, year_earlier=False,
                            details=False)
            return replace(shown, paretos={dimension: pareto(dimension, period, shown.filters)})

        Operation(self).run_in_background(self.tr("Working out the figures…"), figures,
                                          self._on_figures)

    def _current(self, overview: Overview) -> bool:
        """True unless the user has moved on since these figures were asked for."""
        return overview.period == self.period and overview.filters == replace(
            self.filters(), handler_id=overview.filters.handler_id)

    def _on_figures(self, overview: Overview) -> None:
        """Called with the figures: they show, and the other tabs are worked out next."""
        if not self._current(overview):
            return
        self._show_figures(overview)
        Operation(self).run_in_background(self.tr("Working out the figures…"),
                                          lambda _progress: with_details(overview),
                                          self.show_overview)

    def _show_figures(self, overview: Overview) -> None:
        self.overview = overview
        self.period_label.setText(str(overview.period.label()))
        previous = self.tr("vs %1").replace("%1", str(overview.period.previous().label()))
        for key, tile in self.tiles.items():
            figure = overview.current[key]
            tile.show_figure(figure.value, overview.change(key), previous, figure.cases)
        self._show_pareto()
        self.figures_shown.emit()

    def show_overview(self, overview: Overview) -> None:
        """Fills the tiles, charts and tables (unless the user has moved on meanwhile)."""
        if not self._current(overview):
            return
        self._show_figures(overview)
        self._show_trend()
        self._show_teams()
        self.loaded.emit()

    def _show_pareto(self) -> None:
        table = self.overview.paretos.get(self.pareto_dimension.currentData()) \
            if self.overview is not None else None
        if table is None:
            return
        fill_pareto(self.pareto_table, table)
        self.pareto_chart.set_chart(Bars(
            "", tuple(str(row.name) for row in table.rows),
            tuple(float(row.count) for row in table.rows),
            cumulative=tuple(100 * row.cumulative_share for row in table.rows),
            marked=tuple(row.klass == "A" for row in table.rows)))

    def _show_trend(self) -> None:
        assert self.overview is not None
        points = self.overview.trend
        self.trend_chart.set_chart(Bars("", tuple(p.month.code()[2:] for p in points),
                                        tuple(float(p.received) for p in points),
                                        line=tuple(p.on_time_pct for p in points)))

    def _show_teams(self) -> None:
        assert self.overview is not None
        rows = [row for row in self.overview.departments if row.code]
        fill_teams(self.team_table, rows)
        fill_teams(self.handler_table, self.overview.handlers)
        self.team_chart.set_chart(Bars("", tuple(str(row.name) for row in rows),
                                       tuple(float(row.received) for row in rows),
                                       line=tuple(row.on_time_pct for row in rows)))

    def _step(self, steps: int) -> None:
        """Called on ◀ and ▶: the period before or after."""
        self.show_period(self.period.shifted(steps))

    def _on_kind(self, _index: int) -> None:
        """Called when the user chooses month, quarter or year."""
        self.show_period(Period.containing(self.period.last, self.kind.currentData()))

    def _on_tile(self, key: str) -> None:
        """Called when a tile is clicked: its cases in the register."""
        door = self.overview.current[key].door if self.overview is not None else None
        if door is not None:
            self.open_door(door)

    def _on_trend_bar(self, index: int) -> None:
        """Called when a month's bar is clicked: the cases received that month."""
        if self.overview is not None:
            self.open_door(self.overview.trend[index].door)

    def _open_row(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        door = item.data(DOOR) if item is not None else None
        if door is not None:
            self.open_door(door)

    def _action_menu(self, table: QTableWidget, row: int, at: QPoint) -> None:
        """Offers managers a corrective action on a row's cases (a right-click)."""
        item = table.item(row, 0) if row >= 0 else None
        door = item.data(DOOR) if item is not None else None
        if door is None or not allowed(self._context.user, Permission.MANAGE_IMPROVEMENT):
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Start a corrective action on these cases…"),
                       lambda: self.start_action(door))
        menu.exec(at)

    def start_action(self, door: Slice) -> int | None:
        """A new corrective action about the cases behind `door` (under the view's filters),
        addressing its root cause or category when the figure is narrowed to one."""
        assert self.overview is not None
        query = CaseQuery(figure=door, **self.overview.filters.query_fields())
        given = addresses(door.dimension, door.value)
        made = start_action(self, self._context, ordered_ids(query, now=self._context.now()),
                            title=str(describe(door)), root_causes=given.get("root_causes"),
                            categories=given.get("categories"))
        if made is not None:
            self.action_started.emit(made)
        return made

    def open_door(self, door: Slice) -> None:
        """Asks for the register on `door` under the view's filters."""
        assert self.overview is not None
        fields: dict[str, Any] = {"figure": door, **self.overview.filters.query_fields()}
        self.open_register.emit(fields, str(describe(door)))
