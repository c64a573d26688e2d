"""PostgreSQL databases for the tests: one per test process, put back before each test.

CREATE DATABASE from a template costs about 0.2 s of the server's time (it copies some 9 MB,
the system catalogues mostly), more than most tests take. So each test process keeps one
database copied from the template and, before each test, puts back what the template holds:
every row deleted and the template's rows written back, every sequence set where the
template's stands. A test that changed the schema (dropped a trigger, upgraded the database,
restored a dump into it) leaves catalogues that no longer match the template's; that database
is dropped and a new copy made, so each test still starts on exactly what a new one holds.
"""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass

import psycopg

from app.services.desk.store import close_desk

PG_URL = os.environ.get("COMPLAINT_DESK_TEST_PG", "")

# The schemas a test's objects live in: everything but the system's and the temporary ones
# (a session's temporary tables go with it).
_OWN = ("(SELECT oid FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', "
        "'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_%temp\\_%')")
# The schema as the catalogues describe it: every object by its oid (a dropped and remade
# trigger is another one) with what can be changed about it, but none of the figures that
# change with the rows (pages, tuples, statistics).
_SCHEMA_DIGEST = f"""
SELECT md5(string_agg(part, E'\\n' ORDER BY part)) FROM (
  SELECT 'n' || n.oid || n.nspname || coalesce(n.nspacl::text, '')
    FROM pg_namespace n WHERE n.oid IN {_OWN}
  UNION ALL SELECT 'c' || c.oid || c.relname || c.relkind::text || c.relnamespace
      || c.relpersistence::text || c.relrowsecurity || coalesce(c.relacl::text, '')
      || coalesce(c.reloptions::text, '')
    FROM pg_class c WHERE c.relnamespace IN {_OWN}
  UNION ALL SELECT 'a' || a.attrelid || a.attnum || a.attname || a.atttypid || a.atttypmod
      || a.attnotnull || a.atthasdef || a.attisdropped || coalesce(a.attgenerated::text, '')
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace IN {_OWN} AND a.attnum > 0
  UNION ALL SELECT 'd' || d.oid || pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
  UNION ALL SELECT 'k' || k.oid || k.conname || pg_get_constraintdef(k.oid) || k.convalidated
    FROM pg_constraint k WHERE k.connamespace IN {_OWN}
  UNION ALL SELECT 'i' || i.indexrelid || i.indisvalid || i.indisready FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace IN {_OWN}
  UNION ALL SELECT 't' || t.oid || t.tgname || t.tgenabled::text FROM pg_trigger t
  UNION ALL SELECT 'e' || e.oid || e.evtname || e.evtenabled::text FROM pg_event_trigger e
  UNION ALL SELECT 'r' || r.oid || r.rulename FROM pg_rewrite r JOIN pg_class c
    ON c.oid = r.ev_class WHERE c.relnamespace IN {_OWN}
  UNION ALL SELECT 'p' || p.oid || p.proname || md5(p.prosrc) || coalesce(p.proacl::text, '')
    FROM pg_proc p WHERE p.pronamespace IN {_OWN}
  UNION ALL SELECT 'y' || y.oid || y.typname FROM pg_type y WHERE y.typnamespace IN {_OWN}
  UNION ALL SELECT 's' || s.seqrelid || s.seqstart || s.seqincrement || s.seqmax || s.seqmin
      || s.seqcycle FROM pg_sequence s
  UNION ALL SELECT 'x' || x.oid || x.extname || x.extversion FROM pg_extension x
  UNION ALL SELECT 'l' || l.oid FROM pg_largeobject_metadata l
  UNION ALL SELECT 'o' || coalesce(g.setconfig::text, '') FROM pg_db_role_setting g
    WHERE g.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
  UNION ALL SELECT 'b' || coalesce(b.datacl::text, '') || b.datconnlimit || b.datallowconn
    FROM pg_database b WHERE b.datname = current_database()
) parts(part)"""
_TABLES = f"SELECT oid::regclass::text FROM pg_class WHERE relkind = 'r' AND relnamespace IN {_OWN}"
_SEQUENCES = (f"SELECT oid::regclass::text FROM pg_class WHERE relkind = 'S' "
              f"AND relnamespace IN {_OWN}")


def postgres_url(name: str) -> str:
    """The URL of database `name` on the test server."""
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def _execute(statement: str) -> None:
    """Runs a statement on the server's maintenance database (CREATE and DROP DATABASE)."""
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(statement)


def _new_name() -> str:
    return f"t_{uuid.uuid4().hex[:12]}"


class FreshPostgresDatabase:
    """Creates an empty database on the test server and drops it afterwards."""

    def __enter__(self) -> str:
        self.name = _new_name()
        _execute(f'CREATE DATABASE "{self.name}"')
        return postgres_url(self.name)

    def __exit__(self, *exc: object) -> None:
        close_desk()
        _execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@dataclass(frozen=True)
class Contents:
    """What a database holds: each table's rows (COPY's binary form, in the order they lie),
    where each sequence stands, and a digest of the schema."""

    rows: dict[str, bytes]
    sequences: dict[str, tuple[int, bool]]
    schema: str

    @classmethod
    def read(cls, url: str) -> Contents:
        """Reads the contents of the database at `url` (no one else writing to it)."""
        with psycopg.connect(url, autocommit=True) as conn:
            rows = {}
            for (table,) in conn.execute(_TABLES).fetchall():
                if conn.execute(f"SELECT EXISTS (SELECT FROM {table})").fetchone()[0]:
                    with conn.cursor().copy(f"COPY {table} TO STDOUT (FORMAT binary)") as copy:
                        rows[table] = b"".join(bytes(block) for block in copy)
            sequences = {name: conn.execute(f"SELECT last_value, is_called FROM {name}").fetchone()
                         for (name,) in conn.execute(_SEQUENCES).fetchall()}
            return cls(rows, sequences, schema_digest(conn))

    def write(self, conn: psycopg.Connection) -> None:
        """Replaces what the database of `conn` holds by these contents, in one transaction.

        As a replica applying changes would (session_replication_role), so that neither the
        guards against deleting records nor the foreign keys' checks stand in the way.
        """
        tables = [table for (table,) in conn.execute(_TABLES).fetchall()]
        with conn.transaction():
            conn.execute("SET LOCAL session_replication_role = replica")
            conn.execute("; ".join(f"DELETE FROM {table}" for table in tables))
            for table, data in self.rows.items():
                with conn.cursor().copy(f"COPY {table} FROM STDIN (FORMAT binary)") as copy:
                    copy.write(data)
            if self.sequences:
                conn.execute("SELECT " + ", ".join(
                    f"setval('{name}', {value}, {called})"
                    for name, (value, called) in self.sequences.items()))


def schema_digest(conn: psycopg.Connection) -> str:
    """A digest of the schema of the database `conn` is connected to."""
    return conn.execute(_SCHEMA_DIGEST).fetchone()[0]


class PostgresDesk:
    """The test process's own database, put back to given contents before each test."""

    def __init__(self, template: str) -> None:
        self.template = template
        self.base = Contents.read(postgres_url(template))
        self.name: str | None = None

    def take(self, contents: Contents | None = None) -> str:
        """The URL of the database holding `contents` (the template's by default)."""
        contents = contents or self.base
        if contents.schema != self.base.schema:
            raise ValueError("the contents were read from a database of another schema")
        if self.name is not None:
            try:
                with psycopg.connect(postgres_url(self.name), autocommit=True) as conn:
                    _end_other_sessions(conn)
                    if schema_digest(conn) == contents.schema:
                        contents.write(conn)
                        return postgres_url(self.name)
            except psycopg.OperationalError:
                pass  # dropped, or closed to connections: made anew below
            self.close()
        self.name = _new_name()
        _execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template}"')
        if contents is not self.base:
            with psycopg.connect(postgres_url(self.name), autocommit=True) as conn:
                contents.write(conn)
        return postgres_url(self.name)

    def close(self) -> None:
        """Drops the database (and ends whoever is still connected to it)."""
        if self.name is not None:
            _execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self.name = None


def _end_other_sessions(conn: psycopg.Connection) -> None:
    """Ends every other session on the database (a test's threads or processes left over)
    and waits until they are gone, so that none writes after the rows are put back."""
    others = ("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
              "AND pid <> pg_backend_pid()")
    conn.execute(f"SELECT pg_terminate_backend(pid, 10000) FROM ({others}) o")
    deadline = time.monotonic() + 10
    while conn.execute(f"SELECT EXISTS ({others})").fetchone()[0]:
        if time.monotonic() > deadline:
            raise RuntimeError("sessions of an earlier test did not end")
        time.sleep(0.005)
