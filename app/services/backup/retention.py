"""Which copies the backup folder keeps: 7 daily, 4 weekly, 12 monthly, and every copy of
the last day."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from app.services.backup.places import FoundCopy

DAILY, WEEKLY, MONTHLY = 7, 4, 12
# A copy made by hand before something risky is not replaced by the copy made at closing
# the same day: the newest day's copies all stay until the next day's.
RECENT = timedelta(hours=24)

_PERIODS: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
    (DAILY, lambda at: at.date()),
    (WEEKLY, lambda at: at.isocalendar()[:2]),
    (MONTHLY, lambda at: (at.year, at.month)),
)


def to_keep(copies: Sequence[FoundCopy]) -> set[Path]:
    """The newest copy of each of the last 7 days, 4 weeks and 12 months that have one, and
    every copy made within a day of the newest.

    Counted over days that have a copy, not calendar days: a shop closed for a fortnight
    still finds seven daily copies when it opens again.
    """
    newest_first = sorted(copies, key=lambda copy: copy.made_at, reverse=True)
    if not newest_first:
        return set()
    latest = newest_first[0].made_at
    keep = {copy.path for copy in newest_first if latest - copy.made_at < RECENT}
    for limit, period in _PERIODS:
        seen: list[Hashable] = []
        for copy in newest_first:
            key = period(copy.made_at)
            if key not in seen:
                if len(seen) == limit:
                    break
                seen.append(key)
                keep.add(copy.path)
    return keep


def prune(copies: Sequence[FoundCopy]) -> list[Path]:
    """Removes the copies `to_keep` does not keep; returns those removed."""
    keep = to_keep(copies)
    removed = []
    for copy in copies:
        if copy.path not in keep:
            with contextlib.suppress(OSError):  # a copy in use stays until the next time
                copy.path.unlink()
                removed.append(copy.path)
    return removed
