"""Printing for the command line: aligned tables (Chinese characters are two columns wide)
and JSON with stable keys.

What the records hold is printed with its control characters as escapes (`\\x1b`): text
from an old database or file must not be able to steer the terminal.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

from app.services.text import printable, when

__all__ = ["lines", "pairs", "print_json", "table", "when", "width"]


def width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, columns: int) -> str:
    """`text` cut to `columns` (with an ellipsis) and padded to exactly that width."""
    if width(text) > columns:
        kept = ""
        for ch in text:
            if width(kept + ch) > columns - 1:
                break
            kept += ch
        text = kept + "…"
    return text + " " * (columns - width(text))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, limits: Sequence[int],
          out: TextIO | None = None, indent: str = "") -> None:
    """Prints rows under headers (none if all are empty), each column as wide as its
    content up to its limit."""
    out = out or sys.stdout
    headers = [printable(cell, lines=False) for cell in headers]
    rows = [[printable(cell, lines=False) for cell in row] for row in rows]
    sizes = [
        min(limit, max([width(h)] + [width(r[i]) for r in rows]))
        for i, (h, limit) in enumerate(zip(headers, limits, strict=True))
    ]
    printed = [headers, *rows] if any(headers) else list(rows)
    for line in printed:
        out.write(indent)
        out.write("  ".join(fit(cell, size) for cell, size in zip(line, sizes, strict=True))
                  .rstrip() + "\n")


def print_json(data: Any, *, out: TextIO | None = None) -> None:
    """Prints `data` as indented UTF-8 JSON."""
    (out or sys.stdout).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def pairs(items: Sequence[tuple[str, str]], *, out: TextIO | None = None) -> None:
    """Prints `label: value` lines with the labels aligned."""
    out = out or sys.stdout
    size = max((width(label) for label, _ in items), default=0)
    for label, value in items:
        lines(value, first=f"{fit(printable(label, lines=False), size)}  ",
              indent=" " * (size + 2), out=out)


def lines(text: str, *, first: str = "", indent: str = "", out: TextIO | None = None) -> None:
    """Prints `text` after `first`, its further lines under `indent`; control characters
    escaped."""
    out = out or sys.stdout
    parts = printable(text).splitlines() or [""]
    out.write(f"{printable(first, lines=False)}{parts[0]}\n")
    for extra in parts[1:]:
        out.write(f"{indent}{extra}\n")
