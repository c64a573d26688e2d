"""The resolution letter (处理结果告知书): one case's, or many cases' for one print run.

The rules live here: no letter before a decision, and no letter while an offer is still
waiting for approval (a letter may only mention approved compensation).

Many letters read their cases a chunk at a time, in three queries per chunk, and the
business's settings, images and templates once per run: a thousand letters then spend
their time on the pages, not on the database.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from app.errors import DeskError, RuleError
from app.i18n import Text, speaking
from app.models import Complaint, Customer, TupleRows
from app.reports.data import LetterData
from app.reports.numerals import rmb_capital
from app.services import settings
from app.services.casework import replies
from app.services.casework.case_parts import OfferInfo, People, offers_of_cases
from app.services.casework.cases import no_such_case, normal_number
from app.services.documents import letter_templates
from app.services.documents.papers import letterhead, words
from app.services.labels import OFFER_KINDS
from app.services.text import when, yuan

T = Text
CHUNK = 500  # cases per query: well inside SQLite's limit on query parameters
DECIDED = ("resolved", "rejected", "closed")


@dataclass(frozen=True)
class LetterCase(replies.CaseFacts):
    """What a letter needs of its case: what its template reads, and more."""

    id: int
    status: str
    offers: tuple[OfferInfo, ...]


def decision(case: Any) -> str | None:
    """"upheld", "not_upheld", or None while the case (details or LetterCase) is undecided."""
    if case.status not in DECIDED:
        return None
    if case.status == "rejected" or (case.answer and not case.resolution):
        return "not_upheld"
    return "upheld"


def letter(number: str, *, language: str, now: datetime,
           customer_signature: bytes | None = None) -> LetterData:
    """The resolution letter of one decided case.

    Raises:
        NotFoundError: no case has this number.
        RuleError: no decision yet, or an offer still waiting (or countered).
    """
    made, refused = letters([normal_number(number)], language=language, now=now,
                            customer_signature=customer_signature)
    if refused:
        raise refused[0][1]
    return made[0][1]


def letters(numbers: list[str], *, language: str, now: datetime,
            customer_signature: bytes | None = None,
            on_progress: Callable[[int], None] | None = None,
            ) -> tuple[list[tuple[str, LetterData]], list[tuple[str, DeskError]]]:
    """The letters of `numbers`, in that order, and the cases refused with the reason.

    `on_progress(n)` is called after each chunk with the number of cases read so far (it
    may raise to stop the run).
    """
    made: list[tuple[str, LetterData]] = []
    refused: list[tuple[str, DeskError]] = []
    with speaking(language):
        run = _Run(language, now, customer_signature)
        for start in range(0, len(numbers), CHUNK):
            chunk = numbers[start:start + CHUNK]
            found = _load(chunk, run.people)
            for number in chunk:
                try:
                    made.append((number, run.letter(found.get(number), number)))
                except DeskError as error:
                    refused.append((number, error))
            if on_progress is not None:
                on_progress(start + len(chunk))
    return made, refused


class _Run:
    """What every letter of one run shares: settings, letterhead, images, templates, words."""

    def __init__(self, language: str, now: datetime, signature: bytes | None) -> None:
        self.language, self.now, self.signature = language, now, signature
        self.settings: Mapping[str, Any] = settings.get_all()
        self.letterhead, self.words = letterhead(), words(language)
        self.owner_signature = _image(self.settings["letter.owner_signature"])
        self.seal = _image(self.settings["letter.seal"])
        self.bodies = {code: letter_templates.letter_body(code, language)
                       for code in (letter_templates.UPHELD, letter_templates.NOT_UPHELD)}
        self.title = T("Resolution letter", "处理结果告知书").in_language(language)
        self.today = when(now)[:10]
        self.people = People()

    def letter(self, case: LetterCase | None, number: str) -> LetterData:
        """One case's letter, or the reason it cannot be written."""
        if case is None:
            raise no_such_case(number)
        _check(case)
        code = (letter_templates.UPHELD if decision(case) == "upheld"
                else letter_templates.NOT_UPHELD)
        lines = tuple(_offer_line(o, self.language) for o in case.offers
                      if o.status == "approved")
        text = replies.render(_with_compensation_slot(self.bodies[code], bool(lines)), case,
                              today=self.today, business=self.settings,
                              extra={"compensation": "\n".join(f"• {line}" for line in lines)})
        return LetterData(
            letterhead=self.letterhead, title=self.title, number=case.number, date=self.today,
            paragraphs=tuple(part.strip() for part in text.split("\n\n") if part.strip()),
            compensation=lines,
            customer_name=case.customer, customer_signature=self.signature,
            customer_signed_at=when(self.now) if self.signature else "",
            business_signer=self.settings["business.name"],
            owner_signature=self.owner_signature, seal=self.seal, words=self.words,
            paper=self.settings["print.paper"])


def _check(case: LetterCase) -> None:
    if decision(case) is None:
        raise RuleError(T("Case {n} has no decision yet: resolve it or record that it is not "
                          "upheld before printing the letter.",
                          "投诉 {n} 尚未作出处理决定：请先解决或作出不予支持的决定，"
                          "再打印告知书。")
                        .format(n=case.number))
    waiting = [o for o in case.offers if o.status in ("proposed", "countered")]
    if waiting:
        raise RuleError(T("Compensation of {amount} is not approved yet; a letter may only "
                          "mention approved compensation.",
                          "补偿方案 {amount} 尚未批准；告知书只能写入已批准的补偿。")
                        .format(amount=f"¥{waiting[0].amount:,.2f}"))


_COLUMNS = {"id": Complaint.id, "number": Complaint.number, "status": Complaint.status,
            "customer": Customer.name, "received_at": Complaint.received_at,
            "first_response_due": Complaint.first_response_due,
            "resolution_due": Complaint.resolution_due, "description": Complaint.description,
            "wish": Complaint.wish, "facts": Complaint.facts,
            "resolution": Complaint.resolution, "answer": Complaint.answer,
            "handler": Complaint.handler}


def _load(numbers: list[str], people: People) -> dict[str, LetterCase]:
    """The cases called `numbers` (those that exist), with their offers: two queries."""
    rows = (Complaint.select(*_COLUMNS.values()).join(Customer)
            .where(Complaint.number.in_(numbers)).tuples())
    cases = {values["number"]: values for values in (dict(zip(_COLUMNS, row, strict=True))
                                                     for row in cast(TupleRows, rows))}
    offers = offers_of_cases([values["id"] for values in cases.values()], people)
    return {number: LetterCase(**{**values, "handler": people.get(values["handler"]),
                                  "offers": offers.get(values["id"], ())})
            for number, values in cases.items()}


SLOTS = tuple("{" + name + "}" for name in (*replies.LETTER_PLACEHOLDERS,
                                            *replies.LETTER_PLACEHOLDERS.values()))


def _with_compensation_slot(body: str, needed: bool) -> str:
    """The template, with a compensation paragraph before its last one if it has none."""
    if not needed or any(slot in body for slot in SLOTS):
        return body
    paragraphs = body.rstrip().split("\n\n")
    return "\n\n".join([*paragraphs[:-1], SLOTS[0], *paragraphs[-1:]])


def _offer_line(offer: OfferInfo, language: str) -> str:
    fen = int(offer.amount * 100)
    kind = OFFER_KINDS[offer.kind].in_language(language)
    if not fen:
        return kind
    capital = T("in words: {c}", "大写：{c}").format(c=rmb_capital(fen)).in_language(language)
    return f"{kind} {yuan(fen)}（{capital}）"


def _image(value: str | None) -> bytes | None:
    return base64.b64decode(value) if value else None
