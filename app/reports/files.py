"""Writing a file so that no one ever finds it half-written.

A document is written under a temporary name in its own folder and renamed over the real
name only once it is complete (`os.replace` is atomic on one volume). A failure or a stop
removes the temporary file and leaves an earlier file of that name as it was; a process
killed outright cannot tidy up, so each print run first removes what a killed one left
behind (`remove_abandoned`).

The files are not flushed to the disk before the rename: what is written here (documents,
exports) can be made again from the database, and flushing took 30 times as long as
writing a one-page PDF (6 ms a file here), a cost every file of a batch would pay.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# `.letter.pdf.4711-9f3a06c2.part`: hidden, and naming the process that writes it.
_TEMPORARY = re.compile(r"\..+\.(\d+)-[0-9a-f]{8}\.part")


def temporary_name(path: Path) -> Path:
    """A new name for writing `path` first: in its folder, hidden, with this process's id."""
    return _hidden_name(path)


def _hidden_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.part")


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary name beside `path` to write to; when the block ends without an error the
    file takes `path`'s place.

    On any error (or a stop) the temporary file is removed and `path` is untouched. An
    `OSError` about the temporary file (or no file: a full disk found when it is closed) is
    raised again naming `path`, not a temporary name the user never chose.
    """
    temporary = temporary_name(path)
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError) and _about(error, temporary):
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise


@contextmanager
def scratch_folder(path: Path) -> Iterator[Path]:
    """A new hidden folder beside `path` for a writer's own temporary files (a workbook's
    sheets), removed with everything in it when the block ends. Named like a temporary
    file, so `remove_abandoned` removes one that a killed process left."""
    folder = _hidden_name(path)
    try:
        folder.mkdir()
    except OSError as error:  # named by the file chosen, not by a folder the user never saw
        raise OSError(error.errno, error.strerror, str(path)) from error
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _about(error: OSError, temporary: Path) -> bool:
    """True if `error` is about writing the temporary file (it names it, or no file)."""
    return error.errno is not None and (
        error.filename is None or os.fspath(error.filename) == os.fspath(temporary))


def write_bytes(path: Path, data: bytes) -> Path:
    """Writes `data` to `path` whole or not at all (see `replacing`)."""
    with replacing(path) as temporary:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_BINARY", 0), 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view):]
        finally:
            os.close(handle)
    return path


def copy_file(source: Path, target: Path) -> Path:
    """Copies `source` to `target` whole or not at all (a document saved elsewhere)."""
    return write_bytes(target, source.read_bytes())


def remove_abandoned(folder: Path) -> list[Path]:
    """Removes the temporary files (and scratch folders) that processes killed while writing
    left in `folder`.

    A file still being written by a running process is left alone: on Windows it cannot be
    deleted while open, elsewhere the process named in it is asked whether it still runs.
    Returns the files removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed  # not there yet, or not ours to look into: nothing to tidy
    for entry in entries:
        found = _TEMPORARY.fullmatch(entry.name)
        if found is None or _still_writing(int(found.group(1))):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except OSError:
            continue  # open in a running process (Windows), or already gone
        removed.append(Path(entry.path))
    return removed


def _still_writing(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return False  # the delete itself fails while the writer has the file open
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True
