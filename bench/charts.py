"""How fast each chart library the analysis view could use loads and draws, offscreen.

Each run is a fresh process: it times the library's import, then building a Pareto chart of
ten bars with Chinese labels and a line, and grabbing it to an image (what a first paint
costs). The candidates other than QPainter need packages the project does not install:

    python -m venv /tmp/charts && /tmp/charts/bin/pip install PySide6-Essentials \
        PySide6-Addons pyqtgraph matplotlib
    /tmp/charts/bin/python bench/charts.py             # every candidate, fastest of 5

`qpainter` is the project's own widget (app/ui/analysis/charts.py) when run from the
project's environment, or a bare QPainter chart of the same shape elsewhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LABELS = ["产品质量", "服务不周", "售后维修", "物流配送", "价格收费", "其他", "信息不透明", "理赔",
          "销售误导", "退保困难"]
VALUES = [2650, 1642, 1615, 1511, 1293, 507, 440, 415, 302, 210]
CANDIDATES = ("qpainter", "pyqtgraph", "qtcharts", "matplotlib")


def _cumulative() -> list[float]:
    total, running, found = sum(VALUES), 0, []
    for value in VALUES:
        running += value
        found.append(100 * running / total)
    return found


def _qpainter() -> object:
    try:
        from app.reports.review_data import Bars
        from app.ui.analysis.charts import BarChart
    except ImportError:
        return _bare_qpainter()
    chart = BarChart()
    chart.set_chart(Bars("", tuple(LABELS), tuple(map(float, VALUES)),
                         cumulative=tuple(_cumulative()), marked=(True,) * 5 + (False,) * 5))
    return chart


def _bare_qpainter() -> object:
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QWidget

    class Bars(QWidget):
        def paintEvent(self, _event: object) -> None:  # noqa: N802
            painter = QPainter(self)
            slot = self.width() / len(VALUES)
            for index, value in enumerate(VALUES):
                height = (self.height() - 30) * value / max(VALUES)
                painter.fillRect(int(index * slot + 4), int(self.height() - 20 - height),
                                 int(slot - 8), int(height), QColor("#c62828"))
                painter.drawText(int(index * slot), self.height() - 4, LABELS[index])
            painter.end()

    return Bars()


def _pyqtgraph() -> object:
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.addItem(pg.BarGraphItem(x=list(range(len(VALUES))), height=VALUES, width=0.7))
    plot.plot(list(range(len(VALUES))), [v * max(VALUES) / 100 for v in _cumulative()])
    plot.getAxis("bottom").setTicks([list(enumerate(LABELS))])
    return plot


def _qtcharts() -> object:
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QChartView,
        QLineSeries,
        QValueAxis,
    )

    bars = QBarSet("")
    bars.append([float(v) for v in VALUES])
    series = QBarSeries()
    series.append(bars)
    line = QLineSeries()
    for index, value in enumerate(_cumulative()):
        line.append(index, value)
    chart = QChart()
    chart.addSeries(series)
    chart.addSeries(line)
    axis = QBarCategoryAxis()
    axis.append(LABELS)
    chart.addAxis(axis, __import__("PySide6.QtCore").QtCore.Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    values = QValueAxis()
    chart.addAxis(values, __import__("PySide6.QtCore").QtCore.Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)
    return QChartView(chart)


def _matplotlib() -> object:
    import matplotlib

    matplotlib.use("QtAgg")
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    matplotlib.rcParams["font.sans-serif"] = ["WenQuanYi Micro Hei"]
    figure = Figure()
    axes = figure.add_subplot()
    axes.bar(LABELS, VALUES)
    axes.twinx().plot(LABELS, _cumulative())
    return FigureCanvasQTAgg(figure)


BUILDERS = {"qpainter": _qpainter, "pyqtgraph": _pyqtgraph, "qtcharts": _qtcharts,
            "matplotlib": _matplotlib}
IMPORTS = {"qpainter": "app.ui.analysis.charts", "pyqtgraph": "pyqtgraph",
           "qtcharts": "PySide6.QtCharts", "matplotlib": "matplotlib.backends.backend_qtagg"}


def measure(candidate: str) -> dict[str, float]:
    """One fresh-process measurement: import ms, build-and-grab ms."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    try:
        __import__(IMPORTS[candidate])
    except ImportError:  # the bare QPainter chart, outside the project's environment
        __import__("PySide6.QtGui")
    imported = time.perf_counter()
    widget = BUILDERS[candidate]()
    widget.resize(640, 300)  # type: ignore[attr-defined]
    widget.grab()  # type: ignore[attr-defined]
    drawn = time.perf_counter()
    del app
    return {"import_ms": (imported - started) * 1000, "draw_ms": (drawn - imported) * 1000}


def main() -> None:
    """Runs every candidate (or those named) in fresh processes; prints the fastest of 5."""
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(measure(sys.argv[2])))
        return
    for candidate in sys.argv[1:] or CANDIDATES:
        runs = []
        for _ in range(5):
            done = subprocess.run([sys.executable, __file__, "--one", candidate],
                                  capture_output=True, text=True)
            if done.returncode:
                print(f"{candidate}: not available ({done.stderr.strip().splitlines()[-1]})")
                break
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        if runs:
            print(f"| {candidate} | {min(r['import_ms'] for r in runs):.0f} | "
                  f"{min(r['draw_ms'] for r in runs):.0f} |")


if __name__ == "__main__":
    main()
