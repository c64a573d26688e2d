"""Reading generated PDFs back: text with pdftotext, fonts with pdffonts, pages with pdfinfo."""

import shutil
import subprocess
from pathlib import Path

import pytest

if shutil.which("pdftotext") is None:  # make test installs poppler-utils; say so if missing
    pytest.exit("pdftotext not found: install poppler-utils (make test does)", returncode=3)


def pdf_text(path: Path) -> str:
    """The text of a PDF, as a reader's copy and paste would give it."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields (Pages, Page size…)."""
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' rows as {name, type, encoding, emb, sub, uni}, cut at the ruler's columns."""
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    header, ruler = lines[0], lines[1]
    spans, start = [], 0
    for piece in ruler.split(" "):
        spans.append((start, start + len(piece)))
        start += len(piece) + 1
    names = [header[a:b].strip() for a, b in spans]
    return [{name: line[a:b].strip() for name, (a, b) in zip(names, spans, strict=True)}
            for line in lines[2:]]


def squeezed(text: str) -> str:
    """`text` without any white space (pdftotext spaces Chinese text unpredictably)."""
    return "".join(text.split())
