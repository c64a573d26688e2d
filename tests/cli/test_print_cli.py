"""`print` from the command line: one document, a refusal, and letters in bulk."""

from pathlib import Path

from tests.cli.conftest import Run
from tests.reports.conftest import pdf_text, squeezed

ADD = ("--user", "clerk", "add", "--customer", "王小芳", "--phone", "13800138000",
       "--channel", "counter", "--category", "billing", "--description", "多收了十元")


def _decided(shop: Run) -> str:
    number = shop(*ADD).stdout.strip()
    moved = shop("--user", "clerk", "move", number, "--to", "rejected",
                 "--set", "answer=收银记录与标价一致")
    assert moved.returncode == 0, moved.stderr
    return number


def test_print_a_letter_and_a_receipt(shop: Run, process: Run, tmp_path: Path) -> None:
    number = _decided(shop)
    letter = process("--lang", "zh_CN", "print", number, "--kind", "letter",
                  "--out", str(tmp_path / "out" / "letter.pdf"))
    assert letter.returncode == 0, letter.stderr
    text = squeezed(pdf_text(tmp_path / "out" / "letter.pdf"))
    assert "王小芳" in text and number in text and "收银记录与标价一致" in text
    receipt = shop("print", number, "--kind", "receipt", "--out", str(tmp_path / "r.pdf"))
    assert receipt.returncode == 0 and "Complaint receipt" in pdf_text(tmp_path / "r.pdf")


def test_a_letter_before_the_decision_is_refused(shop: Run, tmp_path: Path) -> None:
    number = shop(*ADD).stdout.strip()
    refused = shop("print", number, "--kind", "letter", "--out", str(tmp_path / "l.pdf"))
    assert refused.returncode == 1 and "no decision yet" in refused.stderr
    assert not (tmp_path / "l.pdf").exists()


def test_letters_in_bulk(shop: Run, tmp_path: Path) -> None:
    numbers = [_decided(shop) for _ in range(3)]
    done = shop("print", "--kind", "letter", "--status", "rejected", "--out",
                str(tmp_path / "letters"))
    assert done.returncode == 0 and "3 file(s) written" in done.stdout
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == [
        f"{n}-letter.pdf" for n in numbers]
    nothing = shop("print", "--kind", "letter", "--out", str(tmp_path / "x"))
    assert nothing.returncode == 2 and "--status" in nothing.stderr
