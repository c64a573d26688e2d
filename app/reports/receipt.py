"""The acknowledgement receipt (受理回执): half a page handed to the customer at intake."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.reports.data import ReceiptData
from app.reports.pdf import (
    CELL_PADDING,
    PAPER,
    EmbeddedFontCanvas,
    label_table,
    letterhead_flowables,
    para,
    styles,
    write_pdf,
)

LABEL_SHARE = 0.25
SIDE, TOP, BOTTOM = 15 * mm, 10 * mm, 10 * mm
FRAME_PADDING = 12  # points: reportlab's frame pads its content by 6 on each side
MIN_LINES = 2  # a shortened text keeps at least a line, and the note saying so


def build_receipt(data: ReceiptData, path: Path) -> Path:
    """Writes the receipt (A5, landscape: half an A4 sheet) to `path`.

    A description or wish too long for the half page (`data.shortenable`) is shortened to
    the room left, with a note that the full text is kept on file.
    """
    page_width, page_height = PAPER["A5"]
    usable = page_width - 2 * SIDE
    rows = _fitted_rows(data, usable, page_height - TOP - BOTTOM - FRAME_PADDING)
    return write_pdf(path, _story(data, rows, usable), paper=PAPER["A5"], title=data.title,
                     margins=(SIDE, SIDE, TOP, BOTTOM), canvasmaker=EmbeddedFontCanvas)


def _story(data: ReceiptData, rows: list[tuple[str, str]], usable: float) -> list[Any]:
    story: list[Any] = [*letterhead_flowables(data.letterhead), para(data.title, "title"),
                        label_table(rows, usable, LABEL_SHARE)]
    if data.note:
        story += [Spacer(1, 3 * mm), para(data.note, "small")]
    return story


def _fitted_rows(data: ReceiptData, usable: float, height: float) -> list[tuple[str, str]]:
    """The rows, the shortenable ones cut to share the room the rest of the page leaves."""
    short = set(data.shortenable)
    if not short:
        return list(data.rows)
    placeholders = [(label, "—" if label in short else value) for label, value in data.rows]
    spare = height - _height(_story(data, placeholders, usable), usable)
    room = len(short) + max(0, int(spare // styles()["cell"].leading))
    width = usable * (1 - LABEL_SHARE)
    lines = _shares(room, {label: _lines(value, width) for label, value in data.rows
                           if label in short})
    return [(label, shortened(value, width, lines[label], data.words.shortened)
             if label in lines else value) for label, value in data.rows]


def _shares(room: int, needs: dict[str, int]) -> dict[str, int]:
    """Lines for each row: what it needs if all fit in `room`, else a share of `room` in
    proportion to its need (never under MIN_LINES)."""
    total = sum(needs.values())
    if total <= room:
        return needs
    return {label: max(MIN_LINES, min(need, room * need // total))
            for label, need in needs.items()}


def _height(story: list[Any], width: float) -> float:
    """The height `story` takes laid out `width` wide (space between its parts included)."""
    return sum(part.wrap(width, 1e9)[1] + part.getSpaceBefore() + part.getSpaceAfter()
               for part in story)


def shortened(text: str, width: float, lines: int, note: str) -> str:
    """`text` if it fits in `lines` lines of a table cell `width` wide; else as much of it as
    fits there with "…" and `note` (told the full length as `{length}`) on a line of its own.
    """
    if _lines(text, width) <= lines:
        return text
    ending = "…\n" + note.format(length=f"{len(text):,}")
    # No line holds 200 characters of the cell's type: a longer start never fits.
    low, high = 0, min(len(text), lines * 200)
    while low < high:  # the longest start that fits with the ending
        middle = (low + high + 1) // 2
        if _lines(text[:middle].rstrip() + ending, width) <= lines:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ending


def _lines(text: str, width: float) -> int:
    """The lines `text` takes, laid out as a table cell of the receipt."""
    _, height = para(text, "cell").wrap(width - CELL_PADDING, 1e9)
    return round(height / styles()["cell"].leading)
