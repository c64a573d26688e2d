"""Texts as long as the services accept, all at once, in every document: nothing is lost.

Each text is found whole in the PDF's text as drawn (pdftotext -raw), with only the page
numbers and the repeated header between its lines. The receipt alone shortens, on purpose,
and says so.
"""

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer

from app.errors import FormError, InputError
from app.models import Complaint, User
from app.reports import letter as letter_builder
from app.reports import summary as summary_builder
from app.reports.pdf import FONT, DocumentLayoutError
from app.services import users
from app.services.casework import workflow
from app.services.documents import print_jobs
from app.services.documents.summary import summary
from tests.conftest import NOW, PASSWORD
from tests.reports.conftest import pdf_info, squeezed
from tests.reports.maximal import INTAKE, LIMITS, Maximal, maximal_case, text

LANGUAGES = ["zh_CN", "en"]
PAGE_NUMBER = re.compile(r"(第 \d+ 页 / 共 \d+ 页|Page \d+ of \d+)")
TITLES = ("投诉处理单", "Complainthandlingrecord")
SHORTENED = {"zh_CN": "（此处为节选：全文共 {n} 字，已存档。）",
             "en": "(Shortened here: the full text, {n} characters, is kept on file.)"}
ROWS = {"zh_CN": {"description": "投诉事件", "wish": "客户诉求"},
        "en": {"description": "What you told us", "wish": "What you asked for"}}
# Where each text is shown (offer_description is on no document).
IN_SUMMARY = ["customer_name", "address", "description", "wish", "mood", "reference",
              "fault_party", "facts", "resolution", "feedback", "note", "follow_up", "outcome",
              "offer_reason", "decision", "pause", "new_facts", "extend", "told", "reply",
              "display_name", "business.name", "business.address", "business.phone"]
IN_LETTER = ["customer_name", "description", "wish", "facts", "resolution", "display_name",
             "business.name", "business.address", "business.phone"]


def drawn_text(path: Path, number: str) -> str:
    """The PDF's text in the order it was drawn, without white space, page numbers or the
    header repeated on later pages (they fall between a long text's lines)."""
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    kept = [squeezed(line) for line in raw.splitlines()
            if not PAGE_NUMBER.fullmatch(line.strip())]
    return "".join(line for line in kept
                   if not (line.startswith(TITLES) and number in line))


def missing(made: Maximal, names: list[str], text: str) -> list[str]:
    """The names of the texts not found whole in `text`."""
    return [name for name in names if squeezed(made.texts[name]) not in text]


@pytest.fixture
def owner(sqlite_db: Path) -> User:
    """The owner, on SQLite only: how a document is laid out owes nothing to the database."""
    return users.create_user(username="owner", display_name="王老板", role="owner",
                             password=PASSWORD, actor=None, now=NOW)


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    """Each document in Chinese and in English."""
    return request.param


@pytest.mark.slow  # a few seconds: the longest texts, tens of pages
def test_the_summary_shows_every_text_whole(language: str, owner: User,
                                            tmp_path: Path) -> None:
    made = maximal_case(language, owner)
    path = print_jobs.write_document("summary", made.case.number, tmp_path / "s.pdf",
                                     language=language, now=NOW)
    assert missing(made, IN_SUMMARY, drawn_text(path, made.case.number)) == []
    assert int(pdf_info(path)["Pages"]) > 20
    # The header repeated on later pages is cut to fit, not drawn off the page.
    raw = subprocess.run(["pdftotext", "-raw", "-f", "2", "-l", "2", str(path), "-"],
                         check=True, capture_output=True, text=True).stdout
    header = next(line for line in raw.splitlines() if squeezed(line).startswith(TITLES))
    full = f"{summary(made.case.number, language=language, now=NOW).header}"
    too_wide = stringWidth(full, FONT, 8) > A4[0] - 36 * mm
    assert header.endswith("…") == too_wide == (language == "zh_CN")
    assert squeezed(full).startswith(squeezed(header).removesuffix("…"))


@pytest.mark.slow  # a few seconds: the longest texts, tens of pages
def test_the_letter_shows_every_text_whole(language: str, owner: User,
                                           tmp_path: Path) -> None:
    made = maximal_case(language, owner)
    path = print_jobs.write_document("letter", made.case.number, tmp_path / "l.pdf",
                                     language=language, now=NOW)
    assert missing(made, IN_LETTER, drawn_text(path, made.case.number)) == []
    rejected = maximal_case(language, owner, rejected=True)
    path = print_jobs.write_document("letter", rejected.case.number, tmp_path / "r.pdf",
                                     language=language, now=NOW)
    expected = [*(n for n in IN_LETTER if n != "resolution"), "answer"]
    assert missing(rejected, expected, drawn_text(path, rejected.case.number)) == []


@pytest.mark.slow
@pytest.mark.parametrize("letterhead", [False, True], ids=["shop", "longest-letterhead"])
def test_the_receipt_shortens_the_longest_texts_and_says_so(
        language: str, letterhead: bool, owner: User, tmp_path: Path) -> None:
    made = maximal_case(language, owner, letterhead=letterhead)
    path = print_jobs.write_document("receipt", made.case.number, tmp_path / "r.pdf",
                                     language=language, now=NOW)
    text = drawn_text(path, made.case.number)
    whole = ["customer_name", "display_name"]
    if letterhead:
        whole += ["business.name", "business.address", "business.phone"]
    assert missing(made, whole, text) == []
    for name, label in ROWS[language].items():
        full = made.texts[name]
        note = squeezed(SHORTENED[language].format(n=f"{len(full):,}"))
        kept = text.split(squeezed(label))[1].split("…" + note)[0]
        assert kept and squeezed(full).startswith(kept), name  # its start, then the note
        assert squeezed(full) not in text, name
    if not letterhead:  # a shop's own letterhead leaves room: half a sheet
        assert int(pdf_info(path)["Pages"]) == 1


def test_the_receipt_keeps_a_text_that_fits(owner: User, tmp_path: Path) -> None:
    made = maximal_case("zh_CN", owner, letterhead=False)
    Complaint.update(description="冰箱不制冷，" * 60, wish="退货").where(
        Complaint.id == made.case.id).execute()
    path = print_jobs.write_document("receipt", made.case.number, tmp_path / "r.pdf",
                                     language="zh_CN", now=NOW)
    text = drawn_text(path, made.case.number)
    assert squeezed("冰箱不制冷，" * 60) in text and "已存档" not in text


def _unfit(marked: str, build: object) -> object:
    """`build`, adding a block taller than any page when its arguments mention `marked` (a
    fault in laying one case out)."""
    def with_a_block(*args: object, **kwargs: object) -> list:
        story = build(*args, **kwargs)  # type: ignore[operator]
        return [*story, Spacer(1, 5000)] if marked in repr(args) else story
    return with_a_block


def _decided(make_case: Callable[..., Complaint], staff: User, description: str) -> str:
    case = make_case(description=description, phone=f"1390000{len(description):04d}")
    return workflow.move(case.id, "rejected", actor=staff, now=NOW, expected_version=1,
                         values={"answer": "收银记录与标价一致"}).number


def test_a_letter_that_cannot_be_laid_out_is_listed_and_the_rest_print(
        make_case: Callable[..., Complaint], staff: User, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    numbers = [_decided(make_case, staff, text) for text in ("第一件", "有问题的一件", "第三件事")]
    monkeypatch.setattr(letter_builder, "letter_flowables",
                        _unfit("有问题的一件", letter_builder.letter_flowables))
    run = print_jobs.letters_in_one_file(numbers, tmp_path / "all.pdf", language="zh_CN",
                                         now=NOW)
    assert run.printed == [numbers[0], numbers[2]]
    assert [number for number, _ in run.refused] == [numbers[1]]
    assert isinstance(run.refused[0][1], DocumentLayoutError)
    assert "too large for a page" in run.refusals()[0]
    text = drawn_text(tmp_path / "all.pdf", "")
    assert "第一件" in text and "第三件事" in text and "有问题的一件" not in text
    (tmp_path / "each").mkdir()
    folder = print_jobs.documents_in_folder("letter", numbers, tmp_path / "each",
                                            language="zh_CN", now=NOW)
    assert folder.printed == [numbers[0], numbers[2]] and len(folder.refused) == 1


def test_a_summary_that_cannot_be_laid_out_is_listed_and_the_rest_print(
        make_case: Callable[..., Complaint], staff: User, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    numbers = [_decided(make_case, staff, text) for text in ("第一件", "有问题的一件")]
    monkeypatch.setattr(summary_builder, "_fields",
                        _unfit("有问题的一件", summary_builder._fields))
    folder = tmp_path / "summaries"
    folder.mkdir()
    run = print_jobs.documents_in_folder("summary", numbers, folder, language="zh_CN",
                                         now=NOW)
    assert run.printed == [numbers[0]] and [n for n, _ in run.refused] == [numbers[1]]
    assert sorted(p.name for p in folder.iterdir()) == [f"{numbers[0]}-summary.pdf"]


def test_the_note_of_a_move_is_checked_like_any_text(
        make_case: Callable[..., Complaint], staff: User) -> None:
    case = make_case()
    with pytest.raises(InputError, match="at most 5000"):
        workflow.move(case.id, "acknowledged", actor=staff, now=NOW, expected_version=1,
                      note="理由" * 2501)
    with pytest.raises(InputError, match="U\\+001B"):
        workflow.move(case.id, "acknowledged", actor=staff, now=NOW, expected_version=1,
                      note="\x1b[2J")
    moved = workflow.move(case.id, "acknowledged", actor=staff, now=NOW, expected_version=1,
                          note="理由" * 2500)
    assert moved.version == 2


@pytest.mark.parametrize("name", sorted(INTAKE))
def test_the_longest_texts_are_the_limits_of_intake(
        name: str, make_case: Callable[..., Complaint]) -> None:
    with pytest.raises(FormError) as refused:
        make_case(**{name: text("zh_CN", LIMITS[name] + 1, 1)})
    assert f"at most {LIMITS[name]}" in str(refused.value)
