"""What the monthly review pack and the analysis workbook show, as plain values already in
the reader's language: services fill these, the builders draw them."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.reports.data import Letterhead, Words

# How a column of a table is written to Excel (text, a whole number, a percentage 0–100,
# an amount in yuan, days with one decimal, a share 0–1, a change with its sign).
TEXT, COUNT, PERCENT, YUAN, DAYS, SHARE = "text", "count", "percent", "yuan", "days", "share"
CHANGE, NUMBER = "change", "number"  # NUMBER: a plain number, whole or not


@dataclass(frozen=True)
class Column:
    """A column of a table: its title and how its values are typed."""

    title: str
    kind: str = TEXT
    width: float = 1.0  # a part of the table's width


@dataclass(frozen=True)
class Grid:
    """A titled table; a value is None where there is nothing to show."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    sheet: str = ""  # the Excel sheet's name (short, no special characters)


@dataclass(frozen=True)
class Bars:
    """A bar chart: labels and values, optionally a cumulative line in percent (Pareto),
    and which bars to mark (the A class)."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    cumulative: tuple[float, ...] = ()
    marked: tuple[bool, ...] = ()
    line: tuple[float | None, ...] = ()  # a second series in percent (on-time rate)
    line_label: str = ""
    legend: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A part of the pack: a heading, sentences written from the numbers, a chart, tables."""

    heading: str
    sentences: tuple[str, ...] = ()
    chart: Bars | None = None
    grids: tuple[Grid, ...] = ()


@dataclass(frozen=True)
class ReviewData:
    """The monthly review pack (月度投诉分析报告)."""

    letterhead: Letterhead
    title: str
    subtitle: str
    headline: Grid
    sections: tuple[Section, ...]
    words: Words = field(default_factory=Words)
    paper: str = "A4"

    def grids(self) -> list[Grid]:
        """Every table of the pack, in order: what the workbook holds."""
        return [self.headline, *(grid for section in self.sections for grid in section.grids)]
