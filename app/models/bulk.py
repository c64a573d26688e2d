"""Fast bulk inserts for generated or imported data (demo, import)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice

from peewee import PostgresqlDatabase, SqliteDatabase

from app.models.base import BaseModel, database_proxy

BATCH = 500  # rows per INSERT on a server; well under PostgreSQL's parameter limit


def bulk_insert(model: type[BaseModel], columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Inserts tuples of raw column values (ids for foreign keys); call inside a transaction.

    SQLite gets one prepared statement run by `executemany`, about five times faster than
    peewee's multi-row INSERTs; other databases get batched multi-row INSERTs.
    """
    database = database_proxy.obj
    if isinstance(database, SqliteDatabase):
        names = ", ".join(f'"{column}"' for column in columns)
        marks = ", ".join("?" for _ in columns)
        sql = f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES ({marks})'
        database.connection().executemany(sql, rows)
        return
    fields = [model._meta.columns[column] for column in columns]
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        model.insert_many(batch, fields=fields).execute()


def time_writer() -> Callable[[datetime | None], datetime | str | None]:
    """How a bulk insert's rows should carry a datetime (a naive one, whole seconds).

    SQLite stores them as `2026-03-05 14:30:00` text, which Python's sqlite3 adapter
    writes by calling a Python function for every value; writing that text directly costs
    a third as much, and a value used many times can be written once. Other databases take
    datetimes as they are.
    """
    if isinstance(database_proxy.obj, SqliteDatabase):
        return _sqlite_time
    return _as_is


def _sqlite_time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(" ")


def _as_is(moment: datetime | None) -> datetime | None:
    return moment


def reset_id_sequences(*models: type[BaseModel]) -> None:
    """After inserting explicit ids on PostgreSQL, moves each id sequence past the largest id.

    SQLite needs nothing: its next rowid is always one more than the largest.
    """
    database = database_proxy.obj
    if not isinstance(database, PostgresqlDatabase):
        return
    for model in models:
        table = model._meta.table_name
        database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM \"{table}\"), 0) + 1, false)"
        )


def rows_where_in(sql: str, values: Sequence, *, chunk: int = BATCH) -> Iterator[tuple]:
    """The rows of `sql`, whose `{marks}` stands for an IN list, run over `values` a chunk
    at a time (raw tuples). Writing the placeholders directly costs a fraction of having
    peewee build a 500-value IN list for every chunk."""
    database = database_proxy.obj
    for start in range(0, len(values), chunk):
        part = list(values[start:start + chunk])
        marks = ", ".join(database.param for _ in part)
        yield from database.execute_sql(sql.format(marks=marks), part).fetchall()
