"""Printing on the 100,000-case database: one summary, one letter, 1,000 letters at once.

The bulk figure is compared with a bare reportlab script that draws the same letters'
text with the same font in the same run, so it reads as the cost of this program's work.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from app.reports.data import LetterData
from app.reports.letter import build_letter, build_letters
from app.reports.pdf import register_font, styles
from app.reports.summary import build_summary
from app.services import documents
from app.services.desk import close_desk, open_desk
from app.services.summary_document import summary
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
    numbers = documents.decided_numbers(status="closed", limit=BATCH)
    one = numbers[0]
    rows.append(("one case summary: data and PDF", best_of(lambda: build_summary(
        summary(one, language="zh_CN", now=now), out / "s.pdf"), runs=10), "target < 30 ms"))
    rows.append(("one resolution letter: data and PDF", best_of(lambda: build_letter(
        documents.letter(one, language="zh_CN", now=now), out / "l.pdf"), runs=10),
        "target < 30 ms"))
    ours = _timed(lambda: build_letters([documents.letter(n, language="zh_CN", now=now)
                                         for n in numbers], out / "batch.pdf"))
    letters = [documents.letter(n, language="zh_CN", now=now) for n in numbers]
    bare = _timed(lambda: bare_letters(letters, out / "bare.pdf"))
    rows.append((f"{len(numbers)} letters in one PDF (data and layout)", ours,
                 f"bare reportlab {bare:.0f} ms, ratio {ours / bare:.2f}x (target ≤ 1.3x)"))
    close_desk()
    return rows


def bare_letters(letters: list[LetterData], path: Path) -> None:
    """The same letters' text drawn by reportlab alone: no services, no signature blocks."""
    style = styles()
    story: list[object] = []
    for index, letter in enumerate(letters):
        if index:
            story.append(PageBreak())
        story += [Paragraph(letter.letterhead.name, style["business"]),
                  Paragraph(letter.title, style["title"]),
                  Paragraph(f"{letter.number} {letter.date}", style["small"])]
        for text in (*letter.paragraphs, *letter.compensation):
            story += [Paragraph(text, style["body"]), Spacer(1, 2.5 * mm)]
    SimpleDocTemplate(str(path)).build(story)


def _timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    from bench.common import report

    report(run())
