"""What the printed documents share, the receipt's content, and the record of printing.

The letter's content is in letter_content, the summary's in summary; the builders
in app/reports only lay the pages out.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import cast

from app.i18n import Text, speaking
from app.models import Complaint, TupleRows, User, database_proxy
from app.reports.data import Letterhead, ReceiptData, Words
from app.services import audit, settings
from app.services.casework import attachments, cases
from app.services.casework.view import CaseDetails
from app.services.permissions import Permission, require
from app.services.text import when

KINDS = ("receipt", "summary", "letter")
T = Text  # the documents' words are many; a short name keeps them readable


def words(language: str) -> Words:
    """The labels of every document, in `language`."""
    pick = lambda text: text.in_language(language)  # noqa: E731
    return Words(
        page=pick(T("Page {page} of {pages}", "第 {page} 页 / 共 {pages} 页")),
        customer=pick(T("Customer", "客户")), business=pick(T("For the business", "商户")),
        signature=pick(T("Signature:", "签名：")), date=pick(T("Date:", "日期：")),
        number=pick(T("Complaint no.:", "投诉编号：")),
        signed_on_screen=pick(T("Signed on screen at {at}", "于 {at} 在屏幕上签名")),
        below=pick(T("(in full below)", "（全文见下）")),
        shortened=pick(T("(Shortened here: the full text, {length} characters, is kept on file.)",
                         "（此处为节选：全文共 {length} 字，已存档。）")))


def letterhead() -> Letterhead:
    """The business's name, address, phone and logo, from the settings."""
    values = settings.get_all()
    logo = values["business.logo"]
    return Letterhead(values["business.name"], values["business.address"],
                      values["business.phone"], base64.b64decode(logo) if logo else None)


def receipt(number: str, *, language: str) -> ReceiptData:
    """The acknowledgement receipt handed to the customer at intake."""
    with speaking(language):
        d = CaseDetails.load(number)
    pick = lambda text: text.in_language(language)  # noqa: E731
    told, wants = pick(T("What you told us", "投诉事件")), pick(T("What you asked for", "客户诉求"))
    rows = (
        (pick(T("Complaint number", "投诉编号")), d.number),
        (pick(T("Received", "受理时间")), when(d.received_at)),
        (pick(T("Received by", "受理人")), d.received_by.name if d.received_by else ""),
        (pick(T("Customer", "客户")), d.customer),
        (told, d.description),
        (wants, d.wish or "—"),
        (pick(T("First answer by", "初步答复时间")), when(d.first_response_due)),
        (pick(T("Decision by", "处理期限")), when(d.resolution_due)),
    )
    phone = settings.get("business.phone")
    note = T("Thank you for telling us. Please keep this receipt and quote the complaint "
             "number when you contact us.",
             "感谢您的反馈。请妥善保管本回执，联系我们时请提供投诉编号。")
    if phone:
        note = T("Thank you for telling us. Please keep this receipt; to ask about your "
                 "complaint, call {phone} and quote its number.",
                 "感谢您的反馈。请妥善保管本回执；查询处理进度请致电 {phone}，并提供投诉编号。"
                 ).format(phone=phone)
    return ReceiptData(letterhead(), pick(T("Complaint receipt", "受理回执")), rows,
                       pick(note), words(language), shortenable=(told, wants))


def record_printed(numbers: str | list[str], kind: str, *, actor: User,
                   now: datetime) -> None:
    """Notes on each case's timeline that its document was printed (one transaction)."""
    wanted = [numbers] if isinstance(numbers, str) else numbers
    with database_proxy.atomic():
        for start in range(0, len(wanted), 500):  # SQLite caps the parameters of one query
            chunk = [cases.normal_number(number) for number in wanted[start:start + 500]]
            for case in Complaint.select().where(Complaint.number.in_(chunk)):
                audit.record(case, actor, now, kind="document", field=kind, new="printed",
                             version=case.version)


def attach_signed_letter(case_id: int, *, file_name: str, data: bytes, actor: User,
                         now: datetime) -> None:
    """Keeps the scan of the letter the customer signed, and notes it came back (no field of
    the case changes, so no version is expected)."""
    require(actor, Permission.WORK_CASES)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        attachments.add_attachment(case.id, file_name=file_name, data=data, actor=actor,
                                   now=now, kind="signed_letter")
        audit.record(case, actor, now, kind="document", field="letter",
                     new="signed copy returned", version=case.version)


def decided_numbers(*, status: str, since: datetime | None = None,
                    limit: int = 10_000) -> list[str]:
    """Numbers of cases in `status` decided since `since` (for printing letters in bulk)."""
    query = Complaint.select(Complaint.number).where(Complaint.status == status)
    if since is not None:
        query = query.where(Complaint.resolved_at >= since)
    rows = query.order_by(Complaint.number).limit(limit).tuples()
    return [row[0] for row in cast(TupleRows, rows)]
