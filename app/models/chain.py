"""The hash chain over the event log: each event's hash covers its content and the hash
of the event before it, so changing or removing any event breaks the chain from there on.

hash = SHA-256(previous hash, 32 bytes ‖ SHA-256(content)), stored as 64 hex digits; the
first event follows GENESIS. The content is the event's case id, time, actor id, kind,
field, old value, new value, note and case version, as text joined by NUL characters
(which no stored text holds: PostgreSQL refuses them and the services refuse them in what
users type, services.text.UNKEEPABLE), with times as `2026-03-04 10:00:00` and an absent id
as `None`; then, for an event of a corrective action (schema 7), a NUL and the action's id.
Ids are not part of it: the chain itself fixes the order, which is the order of the ids.

The chain links the content's digest, not the content itself (since schema 8, which chained
every event anew: app.models.rechain), so that personal data can leave the record
(retention, a customer's erasure) without breaking it: an event whose texts were replaced
by the marker keeps the digest of what it held (`original_digest`), and the chain is checked
with that digest in place of its content's. Which texts may be replaced, and by what, the
database itself decides (app.models.guards).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from operator import methodcaller

GENESIS = "0" * 64
# The event's columns the hash covers, in this order: those of every event, then the
# corrective action's id, part of the content only when it is set.
BASE_COLUMNS = ("complaint_id", "at", "actor_id", "kind", "field", "old_value", "new_value",
                "note", "case_version")
COLUMNS = (*BASE_COLUMNS, "action_id")
_BASE = len(BASE_COLUMNS)
_FORMAT = "\0".join(["%s"] * _BASE)
# The texts of an event that may be replaced by REMOVED when its personal data goes.
REDACTABLE = ("old_value", "new_value", "note")
# What stands in a text whose personal data was removed (worded for the reader when shown).
REMOVED = "[removed]"


def content(row: Sequence[object]) -> bytes:
    """The canonical bytes of one event given as values in COLUMNS order (the action's id
    may be left off: an event of no action)."""
    text = _FORMAT % tuple(row[:_BASE])
    if len(row) > _BASE and row[_BASE] is not None:
        text += f"\0{row[_BASE]}"
    return text.encode()


def digest(row: Sequence[object]) -> str:
    """SHA-256 of the event's content, as hex: what an event keeps when its texts go."""
    return hashlib.sha256(content(row)).hexdigest()


def chained(previous: str, rows: Iterable[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """Each row (a tuple of values in COLUMNS order) with its hash added at the end, each
    chained to the one before, the first to `previous`: what an INSERT of the events takes.

    One loop of C-level steps per event: a million events take a couple of seconds.
    """
    sha256 = hashlib.sha256
    format_ = _FORMAT.__mod__
    last = bytes.fromhex(previous)
    out: list[tuple[object, ...]] = []
    append = out.append
    for row in rows:
        action = row[_BASE] if len(row) > _BASE else None
        text = format_(row[:_BASE]) if action is None else f"{format_(row[:_BASE])}\0{action}"
        last = sha256(last + sha256(text.encode()).digest()).digest()
        append((*row, last.hex()))
    return out


def first_mismatch(previous: str, hashes: Sequence[str], contents: Sequence[bytes],
                   kept: Mapping[int, str] | None = None) -> int | None:
    """The index of the first event whose stored hash is not SHA-256 of the stored hash
    before it and its content's digest (`contents`: the canonical bytes), or None when all
    match. `kept` gives, by index, the original digest of events whose texts were removed:
    their content is no longer what was chained.

    Each event is checked against the hash stored before it, so the checks need not wait
    for one another and run as C-level maps; the first that fails is also the first the
    chain breaks at, since every event before it matched.
    """
    try:
        stored = [bytes.fromhex(previous), *map(bytes.fromhex, hashes)]
    except ValueError:  # a stored hash that is not even hex: it breaks the chain there
        stored = [bytes.fromhex(previous), *map(_bytes_or_empty, hashes)]
    digests = list(map(methodcaller("digest"), map(hashlib.sha256, contents)))
    for index, original in (kept or {}).items():
        digests[index] = _bytes_or_empty(original)
    computed = list(map(methodcaller("digest"),
                        map(hashlib.sha256, map(bytes.__add__, stored, digests))))
    if computed == stored[1:]:
        return None
    return next(i for i, (mine, kept_hash) in enumerate(zip(computed, stored[1:], strict=True))
                if mine != kept_hash)


def _bytes_or_empty(text: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError:
        return b""


def sqlite_content_sql() -> str:
    """SQLite's expression for an event's canonical content (as `content` makes it), as a
    BLOB: built by the database, a million events are read and checked in seconds."""
    parts = [f"COALESCE({column}, 'None')" if column in _MAY_BE_NULL else column
             for column in BASE_COLUMNS]
    action = "CASE WHEN action_id IS NULL THEN '' ELSE char(0) || action_id END"
    return f"CAST({' || char(0) || '.join(parts)} || {action} AS BLOB)"


_MAY_BE_NULL = ("complaint_id", "actor_id", "case_version")
