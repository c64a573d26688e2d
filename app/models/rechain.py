"""Moving the event log from the chain of contents to the chain of content digests.

Schemas 6 and 7 chained each event's content itself: hash = SHA-256(previous ‖ content).
Since the personal-data step (schema 8) the chain links the content's digest instead
(app.models.chain), so the upgrade chains every recorded event anew. It first checks each
one against the old chain and the chain's head: an event changed, removed or added outside
the program since must not be sealed into the new chain as if it were whole, so such a log
refuses the upgrade (the step is undone and the copy made before it stays).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from peewee import Database, SqliteDatabase

from app.errors import DatabaseUnusableError
from app.i18n import Text
from app.models import chain

_CHUNK = 50_000


def link_digests(database: Database) -> int:
    """Checks the old chain and chains every event's digest anew, in id order, updating the
    chain's head; returns the number of events.

    Raises:
        DatabaseUnusableError: the old chain breaks at an event, or its head does not
            match the last event (events removed from the end).
    """
    mark = database.param
    sql, contents_of = _reading(database)
    old, new, count, after = chain.GENESIS, chain.GENESIS, 0, 0
    while rows := database.execute_sql(sql, (after,)).fetchall():
        contents = contents_of(rows)
        _check_old_links(old, rows, contents)
        hashes = _new_links(new, contents)
        database.cursor().executemany(f"UPDATE event SET hash = {mark} WHERE id = {mark}",
                                      list(zip(hashes, [row[0] for row in rows], strict=True)))
        old, new, count, after = rows[-1][1], hashes[-1], count + len(rows), rows[-1][0]
    head = database.execute_sql("SELECT events, last_hash FROM event_chain WHERE id = 1"
                                ).fetchone()
    if head is None or (head[0], head[1]) != (count, old):
        raise DatabaseUnusableError(_BROKEN.format(where=_END))
    database.execute_sql(f"UPDATE event_chain SET last_hash = {mark} WHERE id = 1", (new,))
    return count


Contents = Callable[[list[tuple]], list[bytes]]


def _reading(database: Database) -> tuple[str, Contents]:
    """The query of a chunk of events after an id (id, hash, then what makes the content),
    and how to get each row's canonical content from it: SQLite builds it itself."""
    where = f"FROM event WHERE id > {database.param} ORDER BY id"
    if isinstance(database, SqliteDatabase):
        return (f"SELECT id, hash, {chain.sqlite_content_sql()} {where} LIMIT {_CHUNK}",
                lambda rows: [row[2] for row in rows])
    columns = ", ".join(f'"{c}"' for c in chain.COLUMNS)
    return (f"SELECT id, hash, {columns} {where} LIMIT {_CHUNK}",
            lambda rows: [chain.content(row[2:]) for row in rows])


def _check_old_links(previous: str, rows: list[tuple], contents: list[bytes]) -> None:
    """Each row's stored hash must be SHA-256 of the stored one before it and its content
    (checked as C-level maps; the first that fails is where the old chain breaks)."""
    stored = [previous, *(row[1] for row in rows)]
    links = list(map(_bytes_or_empty, stored[:-1]))
    computed = [hashlib.sha256(link + content).hexdigest()
                for link, content in zip(links, contents, strict=True)]
    if computed != stored[1:]:
        broken = next(i for i, (mine, kept) in enumerate(zip(computed, stored[1:], strict=True))
                      if mine != kept)
        raise DatabaseUnusableError(_BROKEN.format(where=_AT.format(id=rows[broken][0])))


def _new_links(previous: str, contents: list[bytes]) -> list[str]:
    """The hashes of the chain of content digests (app.models.chain), from `previous`."""
    sha256 = hashlib.sha256
    digests = [sha256(content).digest() for content in contents]
    last = bytes.fromhex(previous)
    hashes = []
    for digest in digests:
        last = sha256(last + digest).digest()
        hashes.append(last.hex())
    return hashes


def _bytes_or_empty(text: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError:  # not even hex: no hash can match it
        return b""


_BROKEN = Text(
    "the record of events was changed outside Complaint Desk ({where}), so it is not sealed "
    "into the new chain; run `complaint-desk check` with the previous version and restore a "
    "backup made before the change",
    "处理记录曾在投诉台之外被改动（{where}），因此不能封入新的哈希链；请用原版本运行 "
    "`complaint-desk check`，并恢复改动之前的备份")
_AT = Text("at event {id}", "第 {id} 条记录处")
_END = Text("at its end", "记录末尾")
