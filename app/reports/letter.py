"""The resolution letter (处理结果告知书), signed by the customer and the business."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, PageBreak, Spacer

from app.reports.data import LetterData
from app.reports.pdf import (
    FONT,
    PAPER,
    letterhead_flowables,
    numbered_canvas,
    para,
    paras,
    write_pdf,
)

BLOCK_HEIGHT = 46 * mm
MARGINS = (22 * mm, 22 * mm, 18 * mm, 18 * mm)  # left, right, top, bottom


class SignatureBlocks(Flowable):
    """Two signature blocks side by side: the customer's and the business's (with seal)."""

    def __init__(self, data: LetterData) -> None:
        super().__init__()
        self.data = data

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        """Takes the whole width."""
        self.width = available_width
        return available_width, BLOCK_HEIGHT

    def draw(self) -> None:
        """Draws both blocks: label, name, signature (image or line), date."""
        d, words, half = self.data, self.data.words, self.width / 2
        self._block(0, words.customer, d.customer_name, d.customer_signature,
                    d.customer_signed_at, words.signed_on_screen)
        self._block(half, words.business, d.business_signer, d.owner_signature, d.date, "")
        if d.seal:
            self._image(d.seal, half + 38 * mm, 4 * mm, 36 * mm, 36 * mm)

    def _block(self, left: float, title: str, name: str, signature: bytes | None, when: str,
               signed_note: str) -> None:
        canvas, words = self.canv, self.data.words
        canvas.setFont(FONT, 10.5)
        canvas.drawString(left, BLOCK_HEIGHT - 5 * mm, title)
        canvas.drawString(left, BLOCK_HEIGHT - 12 * mm, name)
        canvas.drawString(left, 16 * mm, words.signature)
        canvas.line(left + 16 * mm, 15 * mm, left + 70 * mm, 15 * mm)
        if signature:
            self._image(signature, left + 18 * mm, 15.5 * mm, 50 * mm, 18 * mm)
            if signed_note and when:
                canvas.setFont(FONT, 7)
                canvas.drawString(left + 16 * mm, 11.5 * mm, signed_note.format(at=when))
                canvas.setFont(FONT, 10.5)
        canvas.drawString(left, 4 * mm, f"{words.date} {when if signature else ''}")
        canvas.line(left + 14 * mm, 3 * mm, left + 70 * mm, 3 * mm)

    def _image(self, data: bytes, x: float, y: float, width: float, height: float) -> None:
        reader = ImageReader(io.BytesIO(data))
        self.canv.drawImage(reader, x, y, width, height, mask="auto", preserveAspectRatio=True,
                            anchor="sw")


def _reference(data: LetterData) -> str:
    words = data.words
    return f"{words.number} {data.number}    {words.date} {data.date}"


def letter_flowables(data: LetterData) -> list[Any]:
    """The letter's content, also used to print many letters into one file."""
    story: list[Any] = [*letterhead_flowables(data.letterhead), Spacer(1, 6 * mm),
                        para(data.title, "title"), para(_reference(data), "small"),
                        Spacer(1, 6 * mm)]
    for paragraph in data.paragraphs:
        story += [*paras(paragraph), Spacer(1, 2.5 * mm)]
    story += [Spacer(1, 10 * mm), SignatureBlocks(data)]
    return story


def build_letter(data: LetterData, path: Path) -> Path:
    """Writes the letter to `path` and returns it."""
    return write_pdf(path, letter_flowables(data), paper=PAPER[data.paper], title=data.title,
                     margins=MARGINS, canvasmaker=numbered_canvas(data.words))


def build_letters(letters: list[LetterData], path: Path,
                  on_page: Callable[[int], None] | None = None) -> Path:
    """Many letters in one file (for one print job), each starting on a new page.

    `on_page(n)` is called as each page is laid out (progress; it may raise to stop).
    """
    story: list[Any] = []
    for index, data in enumerate(letters):
        if index:
            story.append(PageBreak())
        story += letter_flowables(data)
    first = letters[0]

    def page_done(_canvas: Any, doc: Any) -> None:
        if on_page is not None:
            on_page(doc.page)

    return write_pdf(path, story, paper=PAPER[first.paper], title=first.title,
                     margins=MARGINS, canvasmaker=numbered_canvas(first.words),
                     onFirstPage=page_done, onLaterPages=page_done)
