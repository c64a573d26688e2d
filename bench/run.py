"""Runs every benchmark and prints Markdown tables for bench/README.md."""

from __future__ import annotations

from bench import common, register


def main() -> None:
    """Runs each benchmark group in turn."""
    for title, group in (("Register (issue: foundation)", register),):
        print(f"\n### {title}\n")
        common.report(group.run())


if __name__ == "__main__":
    main()
