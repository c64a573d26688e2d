"""Whether this PC has a program to open a file, where the system does not say so itself.

On Linux, opening a file starts `xdg-open`, which Qt counts as done whatever happens next:
with no program for .xlsx it fails afterwards, on stderr, and the user sees nothing. Asking
`xdg-mime` which program opens the file's type first lets the window say so instead.
Windows and macOS refuse at once, which `QDesktopServices.openUrl` reports.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeDatabase

ASK_SECONDS = 5


def no_program_for(path: Path) -> bool:
    """True when the system plainly has no program to open `path`; False when it has one or
    cannot tell (then opening it is tried, and a refusal is reported as usual)."""
    if not sys.platform.startswith("linux") or path.is_dir():
        return False
    kind = QMimeDatabase().mimeTypeForFile(str(path)).name()
    try:
        found = subprocess.run(["xdg-mime", "query", "default", kind], capture_output=True,
                               text=True, timeout=ASK_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0 and not found.stdout.strip()
