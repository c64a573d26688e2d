"""`export` to a folder it may not write, or to a full disk: one line naming the file, and
nothing left behind, whatever library writes the workbook.

Each runs as a process of its own: a writer left open would complain on stderr only when
the garbage collector or the interpreter's exit finishes it, after the command's refusal.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Run

ADD = ("--user", "clerk", "add", "--customer", "张三", "--phone", "13800138000",
       "--channel", "phone", "--category", "product_quality", "--description", "电饭煲坏了")
# Makes the disk look full to the workbook only: its temporary file is a link to /dev/full,
# where every write fails with "No space left on device", as on a full disk.
ON_A_FULL_DISK = """
import sys
from pathlib import Path
from app.reports import files
from app.cli import main
link = Path(sys.argv[1]).with_name("disk-full-link")
link.symlink_to("/dev/full")
files.temporary_name = lambda path: link
raise SystemExit(main(["export", "--events", "--out", sys.argv[1]]))
"""

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="/sys and /dev/full are Linux's")


def _run(shop: Run, *args: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "COMPLAINT_DESK_DB": str(shop.database),  # type: ignore[attr-defined]
                   "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          encoding="utf-8", env=environment, timeout=120)


def _with_cases(shop: Run) -> None:
    for _ in range(3):
        assert shop(*ADD).returncode == 0


@linux_only
def test_a_folder_it_may_not_write_is_one_line(shop: Run) -> None:
    _with_cases(shop)
    target = "/sys/register.xlsx"  # no one, not even root, may create a file there
    result = _run(shop, "-m", "app", "export", "--events", "--out", target)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"complaint-desk: Permission denied: {target} cannot be read or written. If it is "
        "open in another program (Excel, a PDF viewer), close it and try again; otherwise "
        "choose a folder you may use."], result.stderr


@linux_only
def test_a_full_disk_is_one_line_naming_the_file(shop: Run, tmp_path: Path) -> None:
    _with_cases(shop)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "register.xlsx"
    result = _run(shop, "-c", ON_A_FULL_DISK, str(target))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"complaint-desk: The disk is full: {target} could not be written. Free some space "
        "or choose another disk, then try again."], result.stderr
    assert list(folder.iterdir()) == []  # the link is gone too


@linux_only
@pytest.mark.slow
def test_a_killed_export_leaves_nothing_and_the_next_one_tidies(cli: Run, tmp_path: Path,
                                                                  ) -> None:
    assert cli("demo", "--cases", "3000", password=None).returncode == 0
    folder, private_tmp = tmp_path / "exports", tmp_path / "tmp"
    folder.mkdir()
    private_tmp.mkdir()
    target = folder / "register.xlsx"
    environment = {**os.environ, "COMPLAINT_DESK_DB": str(cli.database),  # type: ignore[attr-defined]
                   "TMPDIR": str(private_tmp), "LANG": "C.UTF-8"}
    for _ in range(3):  # killed while its sheets are being written, each time
        export = subprocess.Popen([sys.executable, "-m", "app", "export", "--events", "--out",
                                   str(target)], env=environment, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        while not any(path.is_dir() and any(path.iterdir()) for path in folder.iterdir()):
            assert export.poll() is None, "the export ended before it could be killed"
        export.kill()
        export.wait()
        assert not target.exists()
        assert list(private_tmp.iterdir()) == []  # nothing of it in the system's temp folder
    assert any(path.name.endswith(".part") for path in folder.iterdir())  # left by the kills
    finished = subprocess.run([sys.executable, "-m", "app", "export", "--out", str(target)],
                              env=environment, capture_output=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert [path.name for path in folder.iterdir()] == ["register.xlsx"]
