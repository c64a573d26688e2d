"""The few SQL expressions that SQLite and PostgreSQL spell differently."""

from __future__ import annotations

from peewee import SQL, Node, PostgresqlDatabase, fn

from app.models import database_proxy


def on_postgres() -> bool:
    """True when the desk's database is PostgreSQL."""
    return isinstance(database_proxy.obj, PostgresqlDatabase)


def day_of(column: Node) -> Node:
    """The calendar day of a timestamp."""
    return fn.DATE(column)


def days_between(start: Node, end: Node) -> Node:
    """Whole calendar days from the day of `start` to the day of `end`."""
    if on_postgres():
        return fn.DATE(end) - fn.DATE(start)
    return (fn.julianday(fn.DATE(end)) - fn.julianday(fn.DATE(start))).cast("INTEGER")


def count_all() -> Node:
    """COUNT(*): faster than counting a column, and what the register counts with."""
    return fn.COUNT(SQL("*"))
