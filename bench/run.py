"""Runs every benchmark and prints Markdown tables for bench/README.md."""

from __future__ import annotations

import sys

from bench import (
    analysis,
    backup,
    chain,
    common,
    excel,
    importing,
    printing,
    register,
    reminders,
    warnings,
    window,
)

GROUPS = {"register": ("Register (foundation)", register),
          "window": ("The window", window),
          "reminders": ("Reminders", reminders),
          "printing": ("Printing", printing),
          "excel": ("Excel", excel),
          "import": ("Import", importing),
          "analysis": ("Analysis", analysis),
          "backup": ("Backups and moving to a server", backup),
          "chain": ("The event hash chain", chain),
          "warnings": ("Early warnings", warnings)}


def main(names: list[str]) -> None:
    """Runs the named groups (all when none are named)."""
    for name in names or list(GROUPS):
        title, group = GROUPS[name]
        print(f"\n### {title}\n")
        common.report(group.run())


if __name__ == "__main__":
    main(sys.argv[1:])
