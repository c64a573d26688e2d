"""Complaint Desk: customer complaint handling for small-business service desks."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("complaint-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

APP_NAME = "Complaint Desk"
