"""Complaint Desk: customer complaint handling for small-business service desks."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "Complaint Desk"
DIST_NAME = "complaint_desk"  # how pip and PyInstaller name the package's metadata folder


def __getattr__(name: str) -> str:
    """`app.__version__`: the version pyproject.toml gave the installed package.

    Read from the name of its metadata folder (`complaint_desk-0.1.0.dist-info`, in
    site-packages or in an installed bundle), which is the first thing the window shows:
    importing importlib.metadata to read the same thing costs about 30 ms of start-up.
    """
    if name != "__version__":
        raise AttributeError(name)
    found = installed_version(sys.path) or "0.0.0"  # a source tree never installed
    globals()["__version__"] = found
    return found


def installed_version(folders: list[str]) -> str | None:
    """The version in the first `complaint_desk-<version>.dist-info` folder in `folders`."""
    prefix, suffix = f"{DIST_NAME}-", ".dist-info"
    for folder in folders:
        path = Path(folder or ".")
        if not path.is_dir():  # a zip archive on the path
            continue
        for found in path.glob(f"{prefix}*{suffix}"):
            return found.name[len(prefix):-len(suffix)]
    return None
