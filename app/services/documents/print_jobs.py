"""Writing documents to PDF files: one case's, or many cases' letters in one run.

The window and the command line both print through here. reportlab is imported only when
the first document is written, so starting the program does not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.errors import DeskError
from app.services.documents import letter_content, papers

KINDS = papers.KINDS


def write_document(kind: str, number: str, path: Path, *, language: str, now: datetime,
                   signature: bytes | None = None) -> Path:
    """Writes one document (`receipt`, `summary` or `letter`) of a case to `path`.

    Raises:
        NotFoundError: no such case.
        RuleError: the letter cannot be written yet (see letter_content).
    """
    from app.reports.letter import build_letter
    from app.reports.receipt import build_receipt
    from app.reports.summary import build_summary
    from app.services.documents.summary import summary

    if kind == "letter":
        return build_letter(letter_content.letter(number, language=language, now=now,
                                                   customer_signature=signature), path)
    if kind == "receipt":
        return build_receipt(papers.receipt(number, language=language), path)
    return build_summary(summary(number, language=language, now=now), path)


@dataclass
class LetterRun:
    """What a run of letters produced: the file(s), the cases printed and those refused."""

    files: list[Path] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    refused: list[tuple[str, DeskError]] = field(default_factory=list)

    def refusals(self) -> list[str]:
        """One line per refused case: `TS-2026-000012: why`."""
        return [f"{number}: {error}" for number, error in self.refused]


Progress = Callable[[int, int], None]  # (done, total); may raise to stop the run


def letters_in_one_file(numbers: list[str], path: Path, *, language: str, now: datetime,
                        on_progress: Progress | None = None) -> LetterRun:
    """Every printable letter of `numbers` in one PDF (one print job), each on a new page.

    Progress counts the cases read, then the pages laid out: 2 × len(numbers) in all.
    """
    from app.reports.letter import build_letters

    total = len(numbers) * 2
    report = on_progress or (lambda _done, _total: None)
    made, refused = letter_content.letters(numbers, language=language, now=now,
                                            on_progress=lambda done: report(done, total))
    run = LetterRun(printed=[number for number, _ in made], refused=refused)
    if made:
        build_letters([letter for _, letter in made], path, on_page=lambda page: report(
            len(numbers) + min(page, len(numbers)), total))
        run.files.append(path)
    return run


def letters_in_folder(numbers: list[str], folder: Path, *, language: str,
                      now: datetime) -> LetterRun:
    """Each printable letter of `numbers` in its own file `<number>-letter.pdf` in `folder`."""
    from app.reports.letter import build_letter

    made, refused = letter_content.letters(numbers, language=language, now=now)
    run = LetterRun(refused=refused)
    for number, letter in made:
        run.files.append(build_letter(letter, folder / f"{number}-letter.pdf"))
        run.printed.append(number)
    return run
