"""The register's columns: the ones shown from the start, and those a user may add (the
column chooser: right-click a column title, or Columns…), remembered per user.

Each column says how it is sorted in the database (None: it is not sortable) and whether its
value is read with the page (`CaseRow`) or for the shown page only (`register.extras`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services import vocabulary
from app.services.labels import CHANNELS, SEVERITIES, STATUSES, label
from app.services.register.extras import CaseExtras
from app.services.register.listing import CaseRow
from app.services.text import yuan
from app.ui.widgets import when

Cell = Callable[[CaseRow, CaseExtras], str]


@dataclass(frozen=True)
class Column:
    """A column of the register."""

    key: str
    title: Callable[[], str]  # in the current language, asked each time it is shown
    text: Cell
    sort: str | None = None  # the CaseQuery sort key
    shown: bool = True  # shown until the user chooses otherwise
    extra: bool = False  # its value comes from register.extras

    def __post_init__(self) -> None:
        assert self.sort is None or not self.extra, "extras are not sortable"


def _tr(text: object) -> Callable[[], str]:  # marked with QT_TRANSLATE_NOOP
    return lambda: QCoreApplication.translate("CaseTableModel", str(text))


def _field(code: str) -> Callable[[], str]:
    return lambda: str(vocabulary.label(code))


def _money(fen: int) -> str:
    return yuan(fen) if fen else ""


COLUMNS: tuple[Column, ...] = (
    Column("number", _tr(QT_TRANSLATE_NOOP("CaseTableModel", "Number")),
           lambda r, _e: r.number, "number"),
    Column("received_at", _tr(QT_TRANSLATE_NOOP("CaseTableModel", "Received")),
           lambda r, _e: when(r.received_at), "received_at"),
    Column("customer", _tr(QT_TRANSLATE_NOOP("CaseTableModel", "Customer")),
           lambda r, _e: r.customer, "customer"),
    Column("category", _tr(QT_TRANSLATE_NOOP("CaseTableModel", "Category")),
           lambda r, _e: r.category, "category"),
    Column("severity", _tr(QT_TRANSLATE_NOOP("CaseTableModel", "Severity")),
           lambda r, _e: label(SEVERITIES, r.severity), "severity"),
    Column("status", _tr(QT_TRANSLATE_NOOP("CaseTableModel", "Status")),
           lambda r, _e: label(STATUSES, r.status), "status"),
    Column("handler", _tr(QT_TRANSLATE_NOOP("CaseTableModel", "Handler")),
           lambda r, _e: r.handler or "", "handler"),
    Column("next_due_at", _tr(QT_TRANSLATE_NOOP("CaseTableModel", "Next due")),
           lambda r, _e: when(r.next_due_at), "next_due_at"),
    # Chosen by the user.
    Column("phone", _field("phone"), lambda r, _e: r.phone, shown=False),
    Column("channel", _field("channel"), lambda r, _e: label(CHANNELS, r.channel), shown=False),
    Column("department", _field("department"), lambda _r, e: e.department, shown=False,
           extra=True),
    Column("root_cause", _field("root_cause"), lambda _r, e: e.root_cause, shown=False,
           extra=True),
    Column("fault_department", _field("fault_department"), lambda _r, e: e.fault_department,
           shown=False, extra=True),
    Column("resolution_due", _field("resolution_due"), lambda r, _e: when(r.resolution_due),
           shown=False),
    Column("compensation", _field("compensation"), lambda r, _e: _money(r.approved_fen),
           shown=False),
    Column("paid", _field("paid"), lambda r, _e: _money(r.paid_fen), shown=False),
    Column("satisfaction", _field("satisfaction"),
           lambda _r, e: "" if e.satisfaction is None else str(e.satisfaction), shown=False,
           extra=True),
    Column("mood", _field("mood"), lambda _r, e: e.mood, shown=False, extra=True),
)
KEYS = tuple(column.key for column in COLUMNS)
DEFAULT = tuple(column.key for column in COLUMNS if column.shown)
SORT_KEYS = tuple(column.sort for column in COLUMNS)


def position(key: str) -> int:
    """The model column of `key`."""
    return KEYS.index(key)


def chosen(keys: Sequence[str] | None) -> tuple[str, ...]:
    """The columns to show: `keys` as remembered (unknown ones left out; the number always
    shown), or the default ones."""
    wanted = tuple(key for key in (keys or ()) if key in KEYS)
    if not wanted:
        return DEFAULT
    return wanted if "number" in wanted else ("number", *wanted)
