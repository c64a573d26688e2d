"""A customer's own record (个人信息查阅): everything the desk keeps about one customer — their
details and every case under their phone (and the records joined into them), with its
fields, timeline, follow-ups, offers and the names of its files — as a PDF to hand over and
an Excel workbook, for a customer who asks what is kept about them (个人信息保护法).

Staff make it on request; each case notes on its timeline that the record was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.i18n import Text, speaking
from app.models import Complaint, User
from app.reports.data import SummaryData, Table
from app.reports.review_data import YUAN, Column, Grid
from app.services import audit
from app.services.casework.layout import handling_fields, intake_fields
from app.services.casework.view import CaseDetails
from app.services.customers import details, directory
from app.services.documents import summary
from app.services.documents.papers import letterhead, words
from app.services.labels import EVENT_KINDS, OFFER_KINDS, OFFER_STATUSES, label
from app.services.permissions import Permission, require
from app.services.text import when

T = Text


@dataclass(frozen=True)
class OwnRecord:
    """The customer and each of their cases, read at once."""

    customer: details.CustomerRecord
    cases: tuple[CaseDetails, ...]  # oldest first; duplicates merged into others included


def read(customer_id: int) -> OwnRecord:
    """Everything kept about the customer `customer_id` (and the records joined to it)."""
    customer = details.describe(customer_id)
    rows = (Complaint.select().where(Complaint.customer.in_(
        directory.records_of(customer_id))).order_by(Complaint.received_at, Complaint.id))
    return OwnRecord(customer, tuple(CaseDetails.from_case(row) for row in rows))


def write(customer_id: int, *, pdf: Path | None, workbook: Path | None, language: str,
          actor: User, now: datetime) -> OwnRecord:
    """Writes the record as a PDF and/or a workbook (each whole or not at all) and notes on
    each case that it was given."""
    require(actor, Permission.WORK_CASES)
    from app.reports.summary import build_summary
    from app.reports.workbook import build_workbook

    record = read(customer_id)
    if pdf is not None:
        build_summary(document(record, language=language, now=now), pdf)
    if workbook is not None:
        build_workbook(sheets(record, language=language, now=now), workbook)
    given = ",".join(kind for kind, path in (("pdf", pdf), ("xlsx", workbook)) if path)
    for case in record.cases:
        if case.status != "merged":  # its survivor's timeline says it
            audit.record(Complaint.get_by_id(case.id), actor, now, kind="own_record",
                         field="own_record", new=given, version=case.version)
    return record


def _title() -> str:
    return str(T("Personal data kept about a customer", "客户个人信息记录"))


def _customer_rows(record: OwnRecord, now: datetime) -> tuple[tuple[str, str], ...]:
    c = record.customer
    return ((str(T("Name", "姓名")), c.name), (str(T("Phone", "电话")), c.phone),
            (str(T("Other phones", "其他电话")), "、".join(c.other_phones) or "—"),
            (str(T("Address", "地址")), c.address or "—"),
            (str(T("Cases", "投诉件数")), str(len(record.cases))),
            (str(T("Made", "制作时间")), when(now)))


def _fields(case: CaseDetails) -> list[tuple[Text, str]]:
    return [*intake_fields(case), *handling_fields(case)]


def document(record: OwnRecord, *, language: str, now: datetime) -> SummaryData:
    """The PDF's content: the customer, each case's fields, then each case's records (a
    duplicate's events are within the timeline of the case it was merged into)."""
    with speaking(language):
        sections = [(str(T("The customer", "客户信息")), _customer_rows(record, now))]
        tables: list[Table] = []
        for case in record.cases:
            sections.append((case.number, tuple((str(t), v) for t, v in _fields(case) if v)))
            if case.status != "merged":
                tables += _case_tables(case)
        return SummaryData(letterhead=letterhead(), title=_title(),
                           header=f"{_title()}  {record.customer.name}",
                           sections=tuple(sections), tables=tuple(tables),
                           words=words(language))


def _case_tables(case: CaseDetails) -> list[Table]:
    files = Table(str(T("Files", "附件")),
                  (str(T("Added", "添加时间")), str(T("File", "文件")), str(T("Note", "备注"))),
                  tuple((when(a.added_at), a.file_name, a.note) for a in case.attachments),
                  (0.2, 0.4, 0.4))
    tables = [summary.timeline_table(case), summary.follow_up_table(case),
              summary.offer_table(case), files]
    return [Table(f"{case.number} · {t.title}", t.headers, t.rows, t.widths)
            for index, t in enumerate(tables) if index == 0 or t.rows]


def sheets(record: OwnRecord, *, language: str, now: datetime) -> list[Grid]:
    """The workbook: the customer, the cases (a row each), their events and their offers."""
    with speaking(language):
        number, at = Column(str(T("Case", "投诉编号"))), Column(str(T("When", "时间")))
        heads = tuple(Column(str(t)) for t, _ in _fields(record.cases[0])) \
            if record.cases else ()
        return [
            Grid(str(T("The customer", "客户信息")),
                 (Column(str(T("Item", "项目"))), Column(str(T("Value", "内容")))),
                 _customer_rows(record, now), sheet=str(T("Customer", "客户"))),
            Grid(str(T("Cases", "投诉")), (number, *heads),
                 tuple((case.number, *(v for _, v in _fields(case))) for case in record.cases),
                 sheet=str(T("Cases", "投诉"))),
            Grid(str(T("Timeline", "处理记录")),
                 (number, at, Column(str(T("What", "事项"))),
                  Column(str(T("Change", "变更内容"))), Column(str(T("Note", "备注")))),
                 tuple((case.number, when(e.at), label(EVENT_KINDS, e.kind), e.describe(), e.note)
                       for case in record.cases if case.status != "merged"
                       for e in case.timeline), sheet=str(T("Timeline", "处理记录"))),
            Grid(str(T("Compensation", "补偿方案")),
                 (number, at, Column(str(T("Kind", "类型"))),
                  Column(str(T("Amount", "金额")), YUAN), Column(str(T("State", "状态")))),
                 tuple((case.number, when(o.created_at), label(OFFER_KINDS, o.kind), o.amount,
                        label(OFFER_STATUSES, o.status))
                       for case in record.cases for o in case.offers),
                 sheet=str(T("Compensation", "补偿方案"))),
        ]
