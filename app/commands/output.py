"""Printing for the command line: aligned tables (Chinese characters are two columns wide)
and JSON with stable keys."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

from app.services.text import when

__all__ = ["pairs", "print_json", "table", "when", "width"]


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
    sizes = [
        min(limit, max([width(h)] + [width(r[i]) for r in rows]))
        for i, (h, limit) in enumerate(zip(headers, limits, strict=True))
    ]
    lines = [headers, *rows] if any(headers) else list(rows)
    for line in lines:
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
        lines = value.splitlines() or [""]
        out.write(f"{fit(label, size)}  {lines[0]}\n")
        for extra in lines[1:]:
            out.write(" " * (size + 2) + extra + "\n")
