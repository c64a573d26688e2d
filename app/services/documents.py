"""What the printed documents say: the receipt, the summary and the resolution letter.

The rules live here: no letter before a decision, and no letter while an offer is still
waiting for approval (a letter may only mention approved compensation). The builders in
app/reports only lay the pages out.
"""

from __future__ import annotations

import base64
from datetime import datetime

from app.errors import RuleError
from app.i18n import Text, speaking
from app.models import Complaint, User
from app.reports.data import LetterData, Letterhead, ReceiptData, Words
from app.reports.numerals import rmb_capital
from app.services import attachments, audit, cases, letter_templates, replies, settings
from app.services.case_view import CaseDetails
from app.services.labels import OFFER_KINDS
from app.services.permissions import Permission, require
from app.services.text import when, yuan

KINDS = ("receipt", "summary", "letter")
T = Text  # the documents' words are many; a short name keeps them readable


def words(language: str) -> Words:
    """The labels of every document, in `language`."""
    pick = lambda text: text.in_language(language)  # noqa: E731
    return Words(
        page=pick(T("Page {page} of {pages}", "第 {page} 页 / 共 {pages} 页")),
        customer=pick(T("Customer", "客户")), business=pick(T("For the business", "商户")),
        signature=pick(T("Signature:", "签名：")), date=pick(T("Date:", "日期：")),
        signed_on_screen=pick(T("Signed on screen at {at}", "于 {at} 在屏幕上签名")))


def letterhead() -> Letterhead:
    """The business's name, address, phone and logo, from the settings."""
    values = settings.get_all()
    logo = values["business.logo"]
    return Letterhead(values["business.name"], values["business.address"],
                      values["business.phone"], base64.b64decode(logo) if logo else None)


def decision(details: CaseDetails) -> str | None:
    """"upheld", "not_upheld", or None while the case has no decision."""
    if details.status not in ("resolved", "rejected", "closed"):
        return None
    if details.status == "rejected" or (details.answer and not details.resolution):
        return "not_upheld"
    return "upheld"


def letter(number: str, *, language: str, now: datetime,
           customer_signature: bytes | None = None) -> LetterData:
    """The resolution letter of a decided case.

    Raises:
        RuleError: no decision yet, or an offer still waiting (or countered).
    """
    with speaking(language):
        return _letter(CaseDetails.load(number), language, now, customer_signature)


def _letter(details: CaseDetails, language: str, now: datetime,
            customer_signature: bytes | None) -> LetterData:
    decided = decision(details)
    if decided is None:
        raise RuleError(T("Case {n} has no decision yet: resolve it or record that it is not "
                          "upheld before printing the letter.",
                          "投诉 {n} 尚未作出处理决定：请先解决或作出不予支持的决定，"
                          "再打印告知书。")
                        .format(n=details.number))
    waiting = [o for o in details.offers if o.status in ("proposed", "countered")]
    if waiting:
        raise RuleError(T("Compensation of {amount} is not approved yet; a letter may only "
                          "mention approved compensation.",
                          "补偿方案 {amount} 尚未批准；告知书只能写入已批准的补偿。")
                        .format(amount=f"¥{waiting[0].amount:,.2f}"))
    code = letter_templates.UPHELD if decided == "upheld" else letter_templates.NOT_UPHELD
    text = replies.render(letter_templates.letter_body(code, language), details,
                          today=when(now)[:10])
    paragraphs = tuple(part.strip() for part in text.split("\n\n") if part.strip())
    approved = [o for o in details.offers if o.status == "approved"]
    return LetterData(
        letterhead=letterhead(), title=T("Resolution letter", "处理结果告知书").in_language(
            language),
        number=details.number, date=when(now)[:10], addressee="",
        paragraphs=paragraphs, compensation=tuple(_offer_line(o, language) for o in approved),
        customer_name=details.customer, customer_signature=customer_signature,
        customer_signed_at=when(now) if customer_signature else "",
        business_signer=settings.get("business.name"),
        owner_signature=_image("letter.owner_signature"), seal=_image("letter.seal"),
        words=words(language), paper=settings.get("print.paper"))


def receipt(number: str, *, language: str) -> ReceiptData:
    """The acknowledgement receipt handed to the customer at intake."""
    with speaking(language):
        d = CaseDetails.load(number)
    pick = lambda text: text.in_language(language)  # noqa: E731
    rows = (
        (pick(T("Complaint number", "投诉编号")), d.number),
        (pick(T("Received", "受理时间")), when(d.received_at)),
        (pick(T("Received by", "受理人")), d.received_by.name if d.received_by else ""),
        (pick(T("Customer", "客户")), d.customer),
        (pick(T("What you told us", "投诉事件")), d.description),
        (pick(T("What you asked for", "客户诉求")), d.wish or "—"),
        (pick(T("First answer by", "初步答复时间")), when(d.first_response_due)),
        (pick(T("Decision by", "处理期限")), when(d.resolution_due)),
    )
    phone = settings.get("business.phone")
    note = T("Thank you for telling us. Please keep this receipt and quote the number when "
             "you contact us{phone}.",
             "感谢您的反馈。请妥善保管本回执，联系我们时请提供投诉编号{phone}。")
    return ReceiptData(letterhead(), pick(T("Complaint receipt", "受理回执")), rows,
                       pick(note.format(phone=f" ({phone})" if phone else "")), words(language))


def record_printed(number: str, kind: str, *, actor: User, now: datetime) -> None:
    """Notes on the timeline that a document of the case was printed."""
    case = cases.get_case(number)
    audit.record(case, actor, now, kind="document", field=kind, new="printed",
                 version=case.version)


def attach_signed_letter(number: str, *, file_name: str, data: bytes, actor: User,
                         now: datetime) -> None:
    """Keeps the scan of the letter the customer signed, and notes it came back."""
    require(actor, Permission.WORK_CASES)
    case = cases.get_case(number)
    attachments.add_attachment(case, file_name=file_name, data=data, actor=actor, now=now,
                               kind="signed_letter")
    audit.record(case, actor, now, kind="document", field="letter", new="signed copy returned",
                 version=case.version)


def decided_numbers(*, status: str, since: datetime | None = None,
                    limit: int = 10_000) -> list[str]:
    """Numbers of cases in `status` decided since `since` (for printing letters in bulk)."""
    query = Complaint.select(Complaint.number).where(Complaint.status == status)
    if since is not None:
        query = query.where(Complaint.resolved_at >= since)
    return [row[0] for row in query.order_by(Complaint.number).limit(limit).tuples()]


def _offer_line(offer: object, language: str) -> str:
    fen = int(offer.amount * 100)  # type: ignore[attr-defined]
    kind = OFFER_KINDS[offer.kind].in_language(language)  # type: ignore[attr-defined]
    if not fen:
        return kind
    capital = T("in words: {c}", "大写：{c}").format(c=rmb_capital(fen)).in_language(language)
    return f"{kind} {yuan(fen)}（{capital}）"


def _image(key: str) -> bytes | None:
    value = settings.get(key)
    return base64.b64decode(value) if value else None

