"""Printing on the 100,000-case database: one summary, one letter, 1,000 letters at once.

The bulk figure is compared with a bare reportlab script, run in the same process, that
draws the same pages from texts already in memory: letterhead, title, paragraphs
(compensation included), both signature blocks and "page n of N". What is left over is this
program's own work: reading the cases, filling the templates, and its layout code.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from app.reports.data import LetterData
from app.reports.letter import build_letter
from app.reports.pdf import FONT, register_font
from app.reports.summary import build_summary
from app.services.desk.store import close_desk, open_desk
from app.services.documents import letter_content, papers, print_jobs
from app.services.documents.summary import summary
from bench.common import best_of, demo_database, demo_now

BATCH = 1000


def run() -> list[tuple[str, float, str]]:
    """Times documents singly and in bulk."""
    path, _ = demo_database()
    now = demo_now(path)
    open_desk(str(path))
    out = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    register_font()
    rows = [("register the CJK font (once per process)", (time.perf_counter() - started) * 1000,
             "")]
    numbers = papers.decided_numbers(status="closed", limit=BATCH)
    one = numbers[0]
    rows.append(("one case summary: data and PDF", best_of(lambda: build_summary(
        summary(one, language="zh_CN", now=now), out / "s.pdf"), runs=10), "target < 30 ms"))
    rows.append(("one resolution letter: data and PDF", best_of(lambda: build_letter(
        letter_content.letter(one, language="zh_CN", now=now), out / "l.pdf"), runs=10),
        "target < 30 ms"))
    made, _ = letter_content.letters([one], language="zh_CN", now=now)
    rows.append(("bare reportlab: the same letter's page from texts in memory", best_of(
        lambda: bare_letters([made[0][1]], out / "b.pdf"), runs=10), "reference"))
    rows += _batch(numbers, now, out)
    close_desk()
    return rows


def _batch(numbers: list[str], now: Any, out: Path) -> list[tuple[str, float, str]]:
    made, _ = letter_content.letters(numbers, language="zh_CN", now=now)
    texts = [letter for _, letter in made]
    bare = best_of(lambda: bare_letters(texts, out / "bare.pdf"), runs=3, warm_up=False)
    ours = best_of(lambda: print_jobs.letters_in_one_file(
        numbers, out / "ours.pdf", language="zh_CN", now=now), runs=3, warm_up=False)
    data = best_of(lambda: letter_content.letters(numbers, language="zh_CN", now=now),
                   runs=3, warm_up=False)
    return [
        (f"{len(numbers)} letters in one PDF: cases read, templates filled, laid out", ours,
         f"bare reportlab {bare:.0f} ms, ratio {ours / bare:.2f}x (target ≤ 1.3x)"),
        (f"of which reading and filling {len(numbers)} letters", data, ""),
    ]


def bare_letters(letters: list[LetterData], path: Path) -> None:
    """The same pages drawn by reportlab alone from texts in memory."""
    body = ParagraphStyle("b", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK")
    head = ParagraphStyle("h", parent=body, fontSize=14, leading=19)
    title = ParagraphStyle("t", parent=body, fontSize=18, leading=26, alignment=1)
    small = ParagraphStyle("s", parent=body, fontSize=8.5, leading=12)
    story: list[Any] = []
    for index, letter in enumerate(letters):
        if index:
            story.append(PageBreak())
        story += [Paragraph(letter.letterhead.name, head),
                  Paragraph(f"{letter.letterhead.address}  {letter.letterhead.phone}", small),
                  Spacer(1, 6 * mm), Paragraph(letter.title, title),
                  Paragraph(f"{letter.number}    {letter.date}", small), Spacer(1, 6 * mm)]
        for text in letter.paragraphs:
            story += [Paragraph(line, body) for line in text.split("\n")]
            story.append(Spacer(1, 2.5 * mm))
        story += [Spacer(1, 10 * mm), _BareSignatures(letter)]
    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=22 * mm,
                                 rightMargin=22 * mm, topMargin=18 * mm, bottomMargin=18 * mm)
    document.build(story, canvasmaker=_BareNumberedCanvas)


class _BareSignatures(Flowable):
    """Two blocks of label, name, signature line and date line."""

    def __init__(self, letter: LetterData) -> None:
        super().__init__()
        self.letter = letter

    def wrap(self, width: float, _height: float) -> tuple[float, float]:
        self.width = width
        return width, 46 * mm

    def draw(self) -> None:
        words, canvas = self.letter.words, self.canv
        blocks = ((words.customer, self.letter.customer_name),
                  (words.business, self.letter.business_signer))
        canvas.setFont(FONT, 10.5)
        for left, (label, name) in zip((0, self.width / 2), blocks, strict=True):
            canvas.drawString(left, 41 * mm, label)
            canvas.drawString(left, 34 * mm, name)
            canvas.drawString(left, 16 * mm, words.signature)
            canvas.line(left + 16 * mm, 15 * mm, left + 70 * mm, 15 * mm)
            canvas.drawString(left, 4 * mm, words.date)
            canvas.line(left + 14 * mm, 3 * mm, left + 70 * mm, 3 * mm)


class _BareNumberedCanvas(Canvas):
    """reportlab's usual "page n of N" recipe: keep each page, number them all at the end."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = FONT
        super().__init__(*args, **kwargs)
        self._kept: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._kept.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._kept, start=1):
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.drawCentredString(A4[0] / 2, 10 * mm, f"第 {number} 页 / 共 {len(self._kept)} 页")
            super().showPage()
        super().save()


if __name__ == "__main__":
    from bench.common import report

    report(run())
