"""Database files that are not what they should be: empty, mistyped, another program's,
read-only, on a full disk, damaged. Each is said in words, and nothing is made or changed
that should not be."""

import contextlib
import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from app.errors import DatabaseUnusableError
from app.location import ENV_VAR
from app.models.connection import open_database
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
# Minimal arguments for each command; a command missing here runs with none (a usage
# error), which must not make a database either.
ARGUMENTS = {
    "add": ["--customer", "张三", "--phone", "13800138000", "--channel", "电话", "--category",
            "产品质量", "--description", "坏了"],
    "show": ["TS-2026-000001"], "move": ["TS-2026-000001", "--to", "acknowledged"],
    "followup": ["TS-2026-000001", "--due", "2026-03-06 10:00", "--note", "回电"],
    "followup-done": ["1", "--outcome", "ok"], "compensation": ["list"],
    "print": ["TS-2026-000001", "--kind", "receipt", "--out", "r.pdf"],
    "export": ["--out", "r.xlsx"], "import": ["old.xlsx"], "user": ["list"],
    "migrate": ["--to", "postgresql://nobody@127.0.0.1:1/none"],
    "action": ["list"], "training": ["list"],
    "merge": ["TS-2026-000002", "--into", "TS-2026-000001"], "unmerge": ["TS-2026-000002"],
    "customer": ["show", "13800138000"],
}
CREATORS = {"init", "demo", "restore"}  # restore may put a backup on a new PC


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`complaint-desk ARGS` in this process: exit code, stdout, stderr."""
    code = cli.main(["--lang", "en", *args])
    close_desk()
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def commands() -> list[str]:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", [c for c in commands() if c not in CREATORS])
def test_a_mistyped_path_makes_no_database_and_no_folder(command: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         ) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COMPLAINT_DESK_PASSWORD", "secret")
    mistyped = tmp_path / "Shop Data" / "desk.sqlite3"
    code, _out, err = run(capsys, "--db", str(mistyped), "--user", "boss", command,
                          *ARGUMENTS.get(command, []))
    assert code != 0
    assert not mistyped.parent.exists(), f"{command} made {mistyped.parent}"
    if command not in ("check",):
        assert "Unexpected" not in err


def test_only_setting_up_makes_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPLAINT_DESK_NEW_PASSWORD", "secret")
    path = tmp_path / "new" / "desk.sqlite3"
    code, _out, err = run(capsys, "--db", str(path), "list")
    assert code == 2 and "There is no database at" in err and str(path) in err
    assert run(capsys, "--db", str(path), "init", "--owner", "boss")[0] == 0
    assert run(capsys, "--db", str(path), "list")[0] == 0
    assert run(capsys, "--db", str(tmp_path / "demo.sqlite3"), "demo", "--cases", "3")[0] == 0


def test_an_empty_file_is_not_a_new_database_and_fails_check(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             ) -> None:
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(b"")
    for args in (["list"], ["demo", "--cases", "2"], ["init", "--owner", "boss"]):
        code, _out, err = run(capsys, "--db", str(path), *args)
        assert code == 2 and "is empty (0 bytes)" in err
    code, out, _err = run(capsys, "--db", str(path), "check")
    assert code == 1 and "FAIL" in out and "is empty (0 bytes)" in out
    assert path.stat().st_size == 0
    with pytest.raises(DatabaseUnusableError, match="restore a backup"):
        open_database(str(path))  # not even where a database may be made
    close_desk()


def test_another_programs_database_is_refused_and_left_exactly_as_it_was(tmp_path: Path,
                                                                         ) -> None:
    path = tmp_path / "photos.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO photos (name) VALUES ('猫')")
        conn.commit()
    before = _digest(path)
    with pytest.raises(DatabaseUnusableError, match="another program"):
        open_database(str(path))
    close_desk()
    assert _digest(path) == before
    assert path.read_bytes()[18:20] == b"\x01\x01"  # still a rollback journal, not WAL
    assert not Path(f"{path}-wal").exists()


def test_our_database_is_switched_to_wal_once_it_is_known_to_be_ours(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_desk(str(path), now=NOW)
    close_desk()
    assert path.read_bytes()[18:20] == b"\x02\x02"


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A small disk of its own at `folder` (needs root)."""
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                   check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


needs_root = pytest.mark.skipif(not IS_ROOT or not shutil.which("mount"),
                                reason="mounting a small disk needs root")


@needs_root
def test_a_read_only_disk_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "stick", "8m") as stick:
        path = stick / "desk.sqlite3"
        assert run(capsys, "--db", str(path), "demo", "--cases", "5")[0] == 0
        before = _digest(path)
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        for args in (["list"], ["export", "--out", str(tmp_path / "r.xlsx")], ["check"]):
            code, out, err = run(capsys, "--db", str(path), *args)
            said = err or out
            assert code in (1, 2) and "read-only" in said and str(stick) in said
            assert "damaged" not in said
        assert _digest(path) == before


@pytest.mark.parametrize(("file_mode", "folder_mode", "words"), [
    (0o444, 0o755, "the file {path} is read-only"),
    (0o644, 0o555, "the folder {folder} cannot be written"),
])
def test_a_read_only_file_or_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             file_mode: int, folder_mode: int,
                                             words: str) -> None:
    folder = tmp_path / "data"
    path = folder / "desk.sqlite3"
    open_desk(str(path), now=NOW)
    close_desk()
    os.chmod(path, file_mode)
    os.chmod(folder, folder_mode)
    if IS_ROOT:  # root may write anything: judge by the permission bits, as a user would
        monkeypatch.setattr(os, "access", lambda p, mode: bool(os.stat(p).st_mode & 0o200))
    try:
        with pytest.raises(DatabaseUnusableError) as refused:
            open_database(str(path), create=False)
    finally:
        os.chmod(folder, 0o755)
        close_desk()
    assert words.format(path=path, folder=folder) in str(refused.value)
    assert "damaged" not in str(refused.value)


@needs_root
def test_a_full_disk_says_the_disk_is_full(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "small", "1m") as small:
        path = small / "desk.sqlite3"
        code, _out, err = run(capsys, "--db", str(path), "demo", "--cases", "3000")
        assert code == 1 and "disk holding the database is full" in err
        assert run(capsys, "--db", str(path), "check")[0] == 0  # the demo was all or nothing
    with tmpfs(tmp_path / "tiny", "64k") as tiny:
        code, _out, err = run(capsys, "--db", str(tiny / "desk.sqlite3"), "demo")
        assert code in (1, 2) and "is full" in err and "damaged" not in err


def _corrupt(source: Path, target: Path, seed: int) -> None:
    """A copy of `source` with a few bytes changed at random past the file's header page."""
    rnd = random.Random(seed)
    data = bytearray(source.read_bytes())
    for _ in range(1 + seed % 12):
        data[rnd.randrange(4096, len(data) - 1)] = rnd.randrange(256)
    target.write_bytes(data)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert cli.main(["--db", str(path), "demo", "--cases", "150", "--seed", "3"]) == 0
    close_desk()
    with contextlib.closing(sqlite3.connect(path)) as conn:  # everything in the main file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.mark.slow
def test_a_damaged_file_is_called_damaged_never_an_unexpected_error(
        demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = 0
    for seed in range(36):
        path = tmp_path / f"d{seed}.sqlite3"
        _corrupt(demo_file, path, seed)
        for args in (["export", "--out", str(tmp_path / "r.xlsx"), "--events"],
                     ["list", "--json", "--limit", "500"], ["show", "TS-2026-000007"],
                     ["reminders"], ["compensation", "list"]):
            code, _out, err = run(capsys, "--db", str(path), *args)
            assert "Unexpected" not in err, (seed, args, err)
            damaged += "damaged" in err
        path.unlink()
    assert damaged  # some of them did trip over the damage, and said so


def test_a_value_no_program_wrote_is_damage_for_commands_and_check(
        demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "desk.sqlite3"
    shutil.copy(demo_file, path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE complaint SET received_at = 'U026-04-29 18:00:00' WHERE id = 3")
        conn.commit()
    code, _out, err = run(capsys, "--db", str(path), "export", "--out",
                          str(tmp_path / "r.xlsx"))
    assert code == 1 and "The database is damaged (complaint.received_at: 1 unreadable" in err
    assert "complaint-desk check" in err
    code, out, _err = run(capsys, "--db", str(path), "check")
    assert code == 1 and "FAIL  Values readable  (complaint.received_at: 1 unreadable value)" in out


def test_the_variable_names_the_database_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "typo" / "desk.sqlite3"))
    code, _out, err = run(capsys, "list")
    assert code == 2 and "There is no database at" in err
    assert not (tmp_path / "typo").exists()
