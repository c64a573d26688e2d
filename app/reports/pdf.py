"""What every document shares: the embedded CJK font, styles, pages numbered "of N", and
writing the file whole."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors, textsplit
from reportlab.lib.pagesizes import A4, A5, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Image,
    LayoutError,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
    paragraph,
)

from app.errors import DeskError
from app.i18n import Text
from app.reports import files
from app.reports.data import Letterhead, Words
from app.resources import resource_path

FONT = "WenQuanYiMicroHei"
PAPER = {"A4": A4, "Letter": LETTER, "A5": landscape(A5)}


@cache
def register_font() -> str:
    """Registers the bundled WenQuanYi Micro Hei (TrueType, embedded as a subset)."""
    path = resource_path("fonts", "wqy-microhei.ttc")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    _keep_chinese_punctuation_off_line_starts()
    return FONT


# Full-width punctuation that must not begin a line in Chinese text.
CANNOT_START = "，。、：；！？）》」』】〕…"


def _keep_chinese_punctuation_off_line_starts() -> None:
    # reportlab's list covers Japanese punctuation but not "，：；！？", so a line could
    # begin with a comma. Adding them makes the comma hang at the end of the line before,
    # as Chinese typesetting does. Both names are read when lines are broken.
    missing = "".join(mark for mark in CANNOT_START if mark not in textsplit.ALL_CANNOT_START)
    textsplit.ALL_CANNOT_START += missing  # type: ignore[misc]
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START  # type: ignore[attr-defined]


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles; CJK word wrap so Chinese lines break between any characters."""
    register_font()
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK")
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=1,
                                spaceAfter=6 * mm),
        "heading": ParagraphStyle("heading", parent=base, fontSize=12, leading=18,
                                  spaceBefore=4 * mm, spaceAfter=2 * mm,
                                  keepWithNext=1),  # never alone at the foot of a page
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12.5),
        # Text without Chinese whose every word fits its column: broken between words only.
        "cell_words": ParagraphStyle("cell_words", parent=base, fontSize=9, leading=12.5,
                                     wordWrap=None),
        "business": ParagraphStyle("business", parent=base, fontSize=14, leading=19),
    }


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (markup characters escaped, line breaks kept)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), styles()[style])


def paras(text: str, style: str = "body") -> list[Paragraph | Spacer]:
    """Text with line breaks as one paragraph per line (blank lines kept as space).

    Prints the same as `para`, but a `<br/>` makes reportlab lay Chinese out one character
    at a time through its mixed-style path, several times slower.
    """
    chosen = styles()[style]
    return [para(line, style) if line.strip() else Spacer(1, chosen.leading)
            for line in text.split("\n")]


_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
CELL_PADDING = 12  # points: a table cell's default left and right padding together


def cell(text: str, width: float) -> str | Paragraph:
    """A table cell's content: the plain string when it fits on one line of the column (a
    table draws those many times faster), else a wrapping paragraph."""
    style = styles()["cell"]
    room = width - CELL_PADDING
    if "\n" not in text and pdfmetrics.stringWidth(text, FONT, style.fontSize) <= room:
        return text
    # CJK wrapping breaks anywhere, English words too ("Effect checke/d on"): text with no
    # Chinese whose words each fit is broken at its spaces instead.
    if not _CJK.search(text) and all(pdfmetrics.stringWidth(word, FONT, style.fontSize)
                                     <= room for word in text.split()):
        return para(text, "cell_words")
    return para(text, "cell")


def cell_font() -> list[tuple[Any, ...]]:
    """Table style commands that draw plain-string cells like "cell" paragraphs."""
    style = styles()["cell"]
    return [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), style.fontSize),
            ("LEADING", (0, 0), (-1, -1), style.leading)]


def line_count(text: str, width: float, style: str = "cell") -> int:
    """About how many lines `text` takes in a table column `width` wide: its width on one
    line, measured, over the column's (a long text is never laid out just to find out)."""
    size = styles()[style].fontSize
    usable = width - CELL_PADDING
    return sum(max(1, math.ceil(pdfmetrics.stringWidth(line, FONT, size) / usable))
               for line in text.split("\n"))


def label_table(rows: list[tuple[str, str]], width: float, label_share: float) -> Table:
    """Labels in a shaded first column and their values beside them, in a grid."""
    widths = [width * label_share, width * (1 - label_share)]
    cells = [[cell(label, widths[0]), cell(value or "—", widths[1])] for label, value in rows]
    table = Table(cells, colWidths=widths, splitByRow=True)
    table.setStyle(TableStyle([*cell_font(), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke)]))
    return table


def picture(data: bytes, max_width: float, max_height: float) -> Image:
    """An image scaled to fit the box, keeping its proportions."""
    reader = ImageReader(io.BytesIO(data))
    width, height = reader.getSize()
    scale = min(max_width / width, max_height / height)
    return Image(io.BytesIO(data), width * scale, height * scale)


def letterhead_flowables(head: Letterhead) -> list[Any]:
    """The business name (with its logo), address and phone."""
    items: list[Any] = []
    if head.logo:
        items.append(picture(head.logo, 40 * mm, 16 * mm))
    items.append(para(head.name, "business"))
    contact = "  ".join(part for part in (head.address, head.phone) if part)
    if contact:
        items.append(para(contact, "small"))
    return items


class EmbeddedFontCanvas(Canvas):
    """A canvas that starts with the embedded font, so no unembedded Helvetica is listed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if not kwargs.get("initialFontName"):  # document templates pass None explicitly
            kwargs["initialFontName"] = register_font()
        super().__init__(*args, **kwargs)


def numbered_canvas(words: Words, header: str = "") -> Callable[..., Canvas]:
    """A canvas class that writes "page N of M" (and a header) once all pages are known."""

    class NumberedCanvas(EmbeddedFontCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own, unlisted

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize  # type: ignore[attr-defined]
            self.setFont(FONT, 8)
            self.drawCentredString(width / 2, 10 * mm,
                                   words.page.format(page=number, pages=total))
            if header and number > 1:
                self.drawString(18 * mm, height - 12 * mm,
                                fitted(header, width - 36 * mm, FONT, 8))

    return NumberedCanvas


def fitted(text: str, width: float, font: str, size: float) -> str:
    """`text` cut (with an ellipsis) to fit on one line `width` wide."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class DocumentLayoutError(DeskError):
    """A document could not be laid out: something on it does not fit on a page."""


def write_pdf(path: Path, story: list[Any], *, paper: tuple[float, float], title: str,
              margins: tuple[float, float, float, float], **build: Any) -> Path:
    """Lays `story` out on pages of `paper` and writes the PDF to `path` whole or not at all.

    `margins` are left, right, top and bottom; `build` goes to reportlab's `build` (the
    canvas maker, page callbacks). The pages are made in memory first, so a stop or a
    failure while laying out leaves no file, and the file is then written in one go.

    Raises:
        DocumentLayoutError: something on the document does not fit on a page.
        OSError: the file cannot be written (naming `path`).
    """
    left, right, top, bottom = margins
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=paper, title=title, leftMargin=left,
                                 rightMargin=right, topMargin=top, bottomMargin=bottom)
    try:
        document.build(story, **build)
    except LayoutError as error:
        raise DocumentLayoutError(Text(
            "The document could not be laid out: a part of it is too large for a page. "
            "Shorten the longest text of the case and print again.",
            "无法排版该文档：其中一部分超出了一页的大小。请缩短该投诉中最长的文字后重新打印。"),
        ) from error
    return files.write_bytes(path, buffer.getvalue())
