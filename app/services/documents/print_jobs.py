"""Writing documents to PDF files: one case's, or many cases' in one run.

The window and the command line both print through here. reportlab is imported only when
the first document is written, so starting the program does not pay for it. Every file is
written whole or not at all (app.reports.files); a run first removes the temporary files a
killed run left in its folder, and a case whose document cannot be made is listed with the
reason while the others are printed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.errors import DeskError
from app.reports.data import LetterData
from app.services.documents import letter_content, papers

KINDS = papers.KINDS


def write_document(kind: str, number: str, path: Path, *, language: str, now: datetime,
                   signature: bytes | None = None) -> Path:
    """Writes one document (`receipt`, `summary` or `letter`) of a case to `path`.

    Raises:
        NotFoundError: no such case.
        RuleError: the letter cannot be written yet (see letter_content).
        DocumentLayoutError: something on it does not fit on a page.
        OSError: the file cannot be written (naming `path`); nothing is left at `path`.
    """
    from app.reports.files import remove_abandoned

    remove_abandoned(path.parent)
    return _write(kind, number, path, language=language, now=now, signature=signature)


def _write(kind: str, number: str, path: Path, *, language: str, now: datetime,
           signature: bytes | None = None) -> Path:
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
class PrintRun:
    """What a run produced: the file(s), the cases printed and those refused."""

    files: list[Path] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    refused: list[tuple[str, DeskError]] = field(default_factory=list)

    def refusals(self) -> list[str]:
        """One line per refused case: `TS-2026-000012: why`."""
        return [f"{number}: {error}" for number, error in self.refused]


Progress = Callable[[int, int], None]  # (done, total); may raise to stop the run


def documents_in_folder(kind: str, numbers: list[str], folder: Path, *, language: str,
                        now: datetime) -> PrintRun:
    """Each case's document in its own file `<number>-<kind>.pdf` in `folder`."""
    from app.reports.files import remove_abandoned

    remove_abandoned(folder)
    if kind == "letter":
        return letters_in_folder(numbers, folder, language=language, now=now)
    run = PrintRun()
    for number in numbers:
        try:
            run.files.append(_write(kind, number, folder / f"{number}-{kind}.pdf",
                                    language=language, now=now))
            run.printed.append(number)
        except DeskError as error:
            run.refused.append((number, error))
    return run


def letters_in_one_file(numbers: list[str], path: Path, *, language: str, now: datetime,
                        on_progress: Progress | None = None) -> PrintRun:
    """Every printable letter of `numbers` in one PDF (one print job), each on a new page.

    Progress counts the cases read, then the pages laid out: 2 × len(numbers) in all.
    """
    from app.reports.files import remove_abandoned
    from app.reports.pdf import DocumentLayoutError

    remove_abandoned(path.parent)
    total = len(numbers) * 2
    report = on_progress or (lambda _done, _total: None)
    made, refused = letter_content.letters(numbers, language=language, now=now,
                                            on_progress=lambda done: report(done, total))
    try:
        _letters_file(made, path, len(numbers), report)
    except DocumentLayoutError:
        made, unfit = _each_laid_out(made)  # find the letters that do not fit, print the rest
        refused += unfit
        _letters_file(made, path, len(numbers), report)
    run = PrintRun(printed=[number for number, _ in made], refused=refused)
    if made:
        run.files.append(path)
    return run


def _letters_file(made: list[tuple[str, LetterData]], path: Path, count: int,
                  report: Progress) -> None:
    """Lays the letters out into `path`; progress goes on from `count` cases read."""
    from app.reports.letter import build_letters

    if made:
        build_letters([letter for _, letter in made], path,
                      on_page=lambda page: report(count + min(page, count), count * 2))


def _each_laid_out(made: list[tuple[str, LetterData]],
                   ) -> tuple[list[tuple[str, LetterData]], list[tuple[str, DeskError]]]:
    """The letters that can be laid out alone, and those that cannot with the reason."""
    from app.reports.letter import build_letter
    from app.reports.pdf import DocumentLayoutError

    fit: list[tuple[str, LetterData]] = []
    unfit: list[tuple[str, DeskError]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for number, letter in made:
            try:
                build_letter(letter, Path(scratch) / "letter.pdf")
                fit.append((number, letter))
            except DocumentLayoutError as error:
                unfit.append((number, error))
    return fit, unfit


def letters_in_folder(numbers: list[str], folder: Path, *, language: str,
                      now: datetime) -> PrintRun:
    """Each printable letter of `numbers` in its own file `<number>-letter.pdf` in `folder`."""
    from app.reports.letter import build_letter

    made, refused = letter_content.letters(numbers, language=language, now=now)
    run = PrintRun(refused=refused)
    for number, letter in made:
        try:
            run.files.append(build_letter(letter, folder / f"{number}-letter.pdf"))
            run.printed.append(number)
        except DeskError as error:
            run.refused.append((number, error))
    return run
