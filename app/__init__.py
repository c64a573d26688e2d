"""Complaint Desk: customer complaint handling for small-business service desks."""

from __future__ import annotations

APP_NAME = "Complaint Desk"


def __getattr__(name: str) -> str:
    """`app.__version__`, read from the installed package's metadata on first use.

    Lazy because importing importlib.metadata and scanning the installed packages costs
    about 25 ms, which the window's start-up should not pay.
    """
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("complaint-desk")
    except PackageNotFoundError:  # a source tree that was never installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found
