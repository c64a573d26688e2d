"""Moving the event log from the chain of contents to the chain of content digests.

Schema 6 chained each event's content itself: hash = SHA-256(previous ‖ content). Since
the personal-data step the chain links the content's digest instead (app.models.chain),
so the upgrade chains every recorded event anew. It first checks each one against the old
chain and the chain's head: an event changed, removed or added outside the program since
must not be sealed into the new chain as if it were whole, so such a log refuses the upgrade
(the step is undone and the copy made before it stays).
"""

from __future__ import annotations

import hashlib

from peewee import Database

from app.errors import DatabaseUnusableError
from app.i18n import Text
from app.models import chain


def link_digests(database: Database, chunk: int = 20_000) -> int:
    """Checks the old chain and chains every event's digest anew, in id order, updating the
    chain's head; returns the number of events.

    Raises:
        DatabaseUnusableError: the old chain breaks at an event, or its head does not
            match the last event (events removed from the end).
    """
    columns = ", ".join(f'"{c}"' for c in chain.COLUMNS)
    mark = database.param
    old, new, count, after = chain.GENESIS, chain.GENESIS, 0, 0
    while rows := database.execute_sql(
            f"SELECT id, hash, {columns} FROM event WHERE id > {mark} ORDER BY id "
            f"LIMIT {chunk}", (after,)).fetchall():
        _check_old_links(old, rows)
        hashes = [str(row[-1]) for row in chain.chained(new, [tuple(row[2:]) for row in rows])]
        database.cursor().executemany(f"UPDATE event SET hash = {mark} WHERE id = {mark}",
                                      list(zip(hashes, [row[0] for row in rows], strict=True)))
        old, new, count, after = rows[-1][1], hashes[-1], count + len(rows), rows[-1][0]
    head = database.execute_sql("SELECT events, last_hash FROM event_chain WHERE id = 1"
                                ).fetchone()
    if head is None or (head[0], head[1]) != (count, old):
        raise DatabaseUnusableError(_BROKEN.format(where=_END))
    database.execute_sql(f"UPDATE event_chain SET last_hash = {mark} WHERE id = 1", (new,))
    return count


def _check_old_links(previous: str, rows: list[tuple]) -> None:
    """Each row's stored hash must be SHA-256 of the stored one before it and its content."""
    sha256 = hashlib.sha256
    for row in rows:
        try:
            link = bytes.fromhex(previous)
        except ValueError:
            link = b""
        if sha256(link + chain.content(row[2:])).hexdigest() != row[1]:
            raise DatabaseUnusableError(_BROKEN.format(where=_AT.format(id=row[0])))
        previous = row[1]


_BROKEN = Text(
    "the record of events was changed outside Complaint Desk ({where}), so it is not sealed "
    "into the new chain; run `complaint-desk check` with the previous version and restore a "
    "backup made before the change",
    "处理记录曾在投诉台之外被改动（{where}），因此不能封入新的哈希链；请用原版本运行 "
    "`complaint-desk check`，并恢复改动之前的备份")
_AT = Text("at event {id}", "第 {id} 条记录处")
_END = Text("at its end", "记录末尾")
