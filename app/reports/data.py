"""What the documents show, as plain values: services fill these, the builders draw them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Letterhead:
    """The business at the top of every document."""

    name: str
    address: str = ""
    phone: str = ""
    logo: bytes | None = None  # PNG or JPEG


@dataclass(frozen=True)
class Words:
    """Labels printed on a document, in its language."""

    page: str = "Page {page} of {pages}"  # "第 {page} 页 / 共 {pages} 页"
    customer: str = "Customer"
    business: str = "For the business"
    signature: str = "Signature:"
    date: str = "Date:"
    number: str = "Complaint no.:"
    signed_on_screen: str = "Signed on screen at {at}"
    below: str = "(in full below)"  # a table cell whose text follows the table
    shortened: str = "(Shortened here: the full text, {length} characters, is kept on file.)"


@dataclass(frozen=True)
class LetterData:
    """The resolution letter (处理结果告知书)."""

    letterhead: Letterhead
    title: str
    number: str
    date: str
    paragraphs: tuple[str, ...]
    compensation: tuple[str, ...] = ()  # the approved offers, already in the paragraphs
    customer_name: str = ""
    customer_signature: bytes | None = None
    customer_signed_at: str = ""
    business_signer: str = ""
    owner_signature: bytes | None = None
    seal: bytes | None = None
    words: Words = field(default_factory=Words)
    paper: str = "A4"


@dataclass(frozen=True)
class ReceiptData:
    """The acknowledgement receipt (受理回执), half a page."""

    letterhead: Letterhead
    title: str
    rows: tuple[tuple[str, str], ...]
    note: str = ""
    words: Words = field(default_factory=Words)
    # The rows (by label) shortened if need be to keep the receipt on its half page; the
    # note `words.shortened` then says the full text is kept on file.
    shortenable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A titled table of text."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # parts of the page width, adding up to 1


@dataclass(frozen=True)
class SummaryData:
    """The case summary (投诉处理单) for the paper file."""

    letterhead: Letterhead
    title: str
    header: str  # repeated at the top of every page
    sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    tables: tuple[Table, ...] = ()
    words: Words = field(default_factory=Words)
    paper: str = "A4"
