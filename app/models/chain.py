"""The hash chain over the event log: each event's hash covers its content and the hash
of the event before it, so changing or removing any event breaks the chain from there on.

hash = SHA-256(previous hash, 32 bytes ‖ content), stored as 64 hex digits; the first
event follows GENESIS. The content is the event's case id, time, actor id, kind, field,
old value, new value, note and case version, as text joined by NUL characters (which no
stored text holds: PostgreSQL refuses them and the services refuse them in what users
type, services.text.UNKEEPABLE), with
times as `2026-03-04 10:00:00` and an absent id as `None`. Ids are not part of it: the
chain itself fixes the order, which is the order of the ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

GENESIS = "0" * 64
# The event's columns the hash covers, in this order.
COLUMNS = ("complaint_id", "at", "actor_id", "kind", "field", "old_value", "new_value", "note",
           "case_version")
_FORMAT = "\0".join(["%s"] * len(COLUMNS))


def content(row: Sequence[object]) -> bytes:
    """The canonical bytes of one event given as values in COLUMNS order."""
    return (_FORMAT % tuple(row)).encode()


def link(previous: str, rows: Iterable[Sequence[object]]) -> list[str]:
    """The hash of each row (values in COLUMNS order), each chained to the one before,
    the first to `previous`.

    One loop over C-level helpers: the hashes of a million events take a few seconds.
    """
    sha256 = hashlib.sha256
    last = bytes.fromhex(previous)
    digests = []
    append = digests.append
    for data in map(str.encode, map(_FORMAT.__mod__, map(tuple, rows))):
        last = sha256(last + data).digest()
        append(last)
    return list(map(bytes.hex, digests))


class Walk:
    """Verifies the chain a chunk of rows at a time (a million events do not fit at once)."""

    def __init__(self, previous: str = GENESIS) -> None:
        self.last = previous
        self.count = 0
        self.last_id: int | None = None

    def feed(self, rows: Iterable[Sequence[object]]) -> tuple[int, str] | None:
        """Checks rows of (id, hash, *COLUMNS values), in id order, after those fed before;
        returns (id, expected hash) at the first event that breaks the chain, else None."""
        sha256 = hashlib.sha256
        last = bytes.fromhex(self.last)
        for row in rows:
            last = sha256(last + (_FORMAT % tuple(row[2:])).encode()).digest()
            if last.hex() != row[1]:
                return row[0], last.hex()
            self.count += 1
            self.last_id = row[0]
        self.last = last.hex()
        return None
