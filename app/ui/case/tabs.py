"""The case view's tabs: details, timeline, follow-ups, compensation and attachments."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QWidget,
)

from app.services.casework.case_parts import OfferInfo
from app.services.casework.layout import handling_fields, intake_fields
from app.services.casework.view import CaseDetails
from app.services.labels import EVENT_KINDS, OFFER_KINDS, OFFER_STATUSES, PAYMENT_METHODS, label
from app.services.vocabulary import text_shown
from app.ui.widgets import read_only_table, when

TIMELINE_HEADERS = (
    QT_TRANSLATE_NOOP("CaseTabs", "When"),
    QT_TRANSLATE_NOOP("CaseTabs", "Who"),
    QT_TRANSLATE_NOOP("CaseTabs", "What"),
    QT_TRANSLATE_NOOP("CaseTabs", "Change"),
    QT_TRANSLATE_NOOP("CaseTabs", "Note"),
)
FOLLOW_UP_HEADERS = (
    QT_TRANSLATE_NOOP("CaseTabs", "Due"),
    QT_TRANSLATE_NOOP("CaseTabs", "Who"),
    QT_TRANSLATE_NOOP("CaseTabs", "What"),
    QT_TRANSLATE_NOOP("CaseTabs", "Done"),
    QT_TRANSLATE_NOOP("CaseTabs", "Outcome"),
)
OFFER_HEADERS = (
    QT_TRANSLATE_NOOP("CaseTabs", "Proposed"),
    QT_TRANSLATE_NOOP("CaseTabs", "Kind"),
    QT_TRANSLATE_NOOP("CaseTabs", "Amount (CNY)"),
    QT_TRANSLATE_NOOP("CaseTabs", "State"),
    QT_TRANSLATE_NOOP("CaseTabs", "Requested by"),
    QT_TRANSLATE_NOOP("CaseTabs", "Decided by"),
    QT_TRANSLATE_NOOP("CaseTabs", "Reason"),
    QT_TRANSLATE_NOOP("CaseTabs", "Paid"),
)
ATTACHMENT_HEADERS = (
    QT_TRANSLATE_NOOP("CaseTabs", "File"),
    QT_TRANSLATE_NOOP("CaseTabs", "Size"),
    QT_TRANSLATE_NOOP("CaseTabs", "Added by"),
    QT_TRANSLATE_NOOP("CaseTabs", "Added"),
    QT_TRANSLATE_NOOP("CaseTabs", "Note"),
)


def translated(texts: Sequence[object]) -> list[str]:
    """Column titles in the current language (`texts` marked with QT_TRANSLATE_NOOP)."""
    return [QCoreApplication.translate("CaseTabs", str(text)) for text in texts]


def details_page(details: CaseDetails) -> QWidget:
    """Every field of the case in two columns: the intake, and the handling."""
    page = QWidget()
    grid = QGridLayout(page)
    for column, rows in enumerate((intake_fields(details), handling_fields(details))):
        form = QFormLayout()
        for text, value in rows:
            shown = QLabel(value or "—")
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(str(text), shown)
        grid.addLayout(form, 0, column)
    grid.setColumnStretch(0, 1)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(1, 1)
    return page


def timeline_table() -> QTableWidget:
    """The table of the case's events."""
    table = read_only_table(translated(TIMELINE_HEADERS))
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in (0, 1, 2):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # what changed matters most
    header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
    table.setColumnWidth(4, 220)
    return table


def timeline_rows(details: CaseDetails) -> list[list[str]]:
    """The events, oldest first."""
    return [[when(e.at), e.actor_name or "—", label(EVENT_KINDS, e.kind), e.describe(),
             e.shown_note()]
            for e in details.timeline]


def follow_up_table() -> QTableWidget:
    """The table of follow-ups."""
    return read_only_table(translated(FOLLOW_UP_HEADERS))


def follow_up_rows(details: CaseDetails) -> list[list[str]]:
    """Follow-ups by due date."""
    return [[when(f.due_at), f.assignee.name if f.assignee else "", f.describe(),
             when(f.done_at), text_shown(f.outcome)] for f in details.follow_ups]


def offer_table() -> QTableWidget:
    """The table of compensation offers."""
    return read_only_table(translated(OFFER_HEADERS))


def offer_rows(details: CaseDetails) -> list[list[str]]:
    """Offers in the order they were made."""
    return [[when(o.created_at), label(OFFER_KINDS, o.kind), f"{o.amount:,.2f}",
             label(OFFER_STATUSES, o.status),
             o.requester.name if o.requester else "", o.approver.name if o.approver else "",
             o.describe_reason(), _paid(o)] for o in details.offers]


def _paid(offer: OfferInfo) -> str:
    """`800.00 · 2026-03-05 10:30 · 现金 · SJ-0042`, or blank while unpaid."""
    if offer.paid is None:
        return ""
    return " · ".join((f"{offer.paid:,.2f}", when(offer.paid_at),
                       label(PAYMENT_METHODS, offer.paid_how), offer.paid_ref))


def attachment_table() -> QTableWidget:
    """The table of attachments."""
    return read_only_table(translated(ATTACHMENT_HEADERS))


def attachment_rows(details: CaseDetails) -> list[list[str]]:
    """Attachments in the order they were added."""
    return [[text_shown(a.file_name), f"{a.size / 1024:,.0f} KB",
             a.added_by.name if a.added_by else "", when(a.added_at), text_shown(a.note)]
            for a in details.attachments]
