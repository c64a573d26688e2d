"""Every PDF is written whole or not at all: a full disk, a stop or a killed process never
leaves a half-written document, nor a temporary file for long."""

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.failures import explain
from app.models import Complaint, User
from app.reports import files
from app.services import users
from app.services.casework import workflow
from app.services.desk.store import close_desk
from app.services.documents import print_jobs
from tests.conftest import NOW, PASSWORD
from tests.reports.conftest import pdf_info

MakeCase = Callable[..., Complaint]


def complete(path: Path) -> bool:
    """True if `path` is a whole PDF: it ends as a PDF ends and a reader opens it."""
    data = path.read_bytes()
    return data.rstrip().endswith(b"%%EOF") and int(pdf_info(path)["Pages"]) >= 1


def leftovers(folder: Path) -> list[str]:
    """The temporary files in `folder`."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def write(_handle: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "write", write)


def test_a_full_disk_leaves_nothing_and_names_the_file(
        make_case: MakeCase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    number = make_case().number
    folder = tmp_path / "out"
    folder.mkdir()
    earlier = print_jobs.write_document("receipt", number, folder / "earlier.pdf",
                                        language="zh_CN", now=NOW)
    before = earlier.read_bytes()
    _disk_full(monkeypatch)
    for target in (folder / "new.pdf", earlier):
        with pytest.raises(OSError) as failed:
            print_jobs.write_document("receipt", number, target, language="zh_CN", now=NOW)
        message = str(explain(failed.value))
        assert message.startswith(f"The disk is full: {target} could not be written"), message
    monkeypatch.undo()
    assert sorted(p.name for p in folder.iterdir()) == ["earlier.pdf"]
    assert earlier.read_bytes() == before


def test_a_stop_while_laying_out_keeps_the_earlier_file(
        make_case: MakeCase, staff: User, tmp_path: Path) -> None:
    number = workflow.move(make_case().id, "rejected", actor=staff, now=NOW,
                           expected_version=1, values={"answer": "收银记录与标价一致"}).number
    path = print_jobs.letters_in_one_file([number], tmp_path / "all.pdf", language="zh_CN",
                                          now=NOW).files[0]
    before = path.read_bytes()

    def stop(done: int, total: int) -> None:
        if done > total // 2:  # once the pages are being laid out
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        print_jobs.letters_in_one_file([number], path, language="zh_CN", now=NOW,
                                       on_progress=stop)
    assert path.read_bytes() == before and leftovers(tmp_path) == []


def test_saving_a_copy_is_whole_or_nothing(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "letter.pdf", tmp_path / "saved.pdf"
    source.write_bytes(b"%PDF-1.4 new %%EOF")
    target.write_bytes(b"%PDF-1.4 old %%EOF")
    _disk_full(monkeypatch)
    with pytest.raises(OSError) as failed:
        files.copy_file(source, target)
    monkeypatch.undo()
    assert failed.value.filename == str(target) and failed.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"%PDF-1.4 old %%EOF" and leftovers(tmp_path) == []
    assert files.copy_file(source, target).read_bytes() == b"%PDF-1.4 new %%EOF"


def test_temporary_files_of_killed_processes_are_removed(tmp_path: Path) -> None:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    dead = int(finished.stdout)
    abandoned = tmp_path / f".TS-2026-000001-letter.pdf.{dead}-0123abcd.part"
    ours = files.temporary_name(tmp_path / "TS-2026-000002-letter.pdf")
    someone_elses = tmp_path / "notes.part"  # not named like ours: never touched
    for path in (abandoned, ours, someone_elses):
        path.write_bytes(b"%PDF-1.4")
    assert files.remove_abandoned(tmp_path) == [abandoned]
    assert leftovers(tmp_path) == sorted([ours.name, someone_elses.name])


BATCH = 6


@pytest.fixture
def owner(sqlite_db: Path) -> User:
    """The owner, on SQLite only: the batch runs in a process of its own, on the file."""
    return users.create_user(username="owner", display_name="王老板", role="owner",
                             password=PASSWORD, actor=None, now=NOW)


@pytest.fixture
def decided_cases(make_case: MakeCase, staff: User, sqlite_db: Path) -> Path:
    """A database of BATCH decided cases with long enough texts to take a while to print."""
    for index in range(BATCH):
        case = make_case(phone=f"1380000{index:04d}", description="冰箱不制冷，" * 300,
                         wish="退货并赔偿损失" * 50)
        workflow.move(case.id, "rejected", actor=staff, now=NOW, expected_version=1,
                      values={"answer": "经检测，冰箱制冷正常。" * 100,
                              "facts": "上门检测两次。" * 100})
    close_desk()
    return sqlite_db


def _print_batch(database: Path, folder: Path) -> subprocess.Popen:
    environment = {**os.environ, "COMPLAINT_DESK_DB": str(database), "LANG": "C.UTF-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "app", "print", "--kind", "summary", "--status", "rejected",
         "--out", str(folder)], env=environment, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)


def _written_since(folder: Path, moment: float) -> int:
    return sum(1 for p in folder.glob("*.pdf") if p.stat().st_mtime > moment)


@pytest.mark.slow  # about ten runs of a batch print, each killed part way
def test_a_killed_batch_print_leaves_only_whole_files(decided_cases: Path,
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "summaries"
    assert _print_batch(decided_cases, folder).wait(timeout=120) == 0
    assert len(list(folder.glob("*.pdf"))) == BATCH
    for delay in (0.0, 0.01, 0.025, 0.05, 0.1, 0.2):
        started = time.time()
        time.sleep(0.01)  # file times have a resolution: "since" must be after `started`
        batch = _print_batch(decided_cases, folder)
        while _written_since(folder, started) < 2 and batch.poll() is None:
            time.sleep(0.002)  # until it is writing the third file, then a little more
        time.sleep(delay)
        batch.send_signal(signal.SIGKILL)
        batch.wait(timeout=30)
        pdfs = sorted(folder.glob("*.pdf"))
        assert len(pdfs) == BATCH and all(complete(p) for p in pdfs), delay
        # Only a kill in the instant between creating a file and renaming it leaves its
        # temporary file: at most the one being written, removed by the next run.
        assert len(leftovers(folder)) <= 1, leftovers(folder)
    assert _print_batch(decided_cases, folder).wait(timeout=120) == 0
    assert leftovers(folder) == [] and all(complete(p) for p in folder.glob("*.pdf"))
