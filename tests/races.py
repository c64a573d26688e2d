"""Running service calls at the same moment, each thread on its own database connection."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from app.services.desk.store import close_thread_connection


def at_once(calls: Sequence[Callable[[], Any]], *, timeout: float = 60) -> list[Any]:
    """Runs `calls` in threads released together; returns each one's result or exception.

    peewee gives every thread its own connection, so these are real concurrent
    transactions (SQLite's IMMEDIATE writers wait for each other; PostgreSQL's take locks).
    """
    start = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            start.wait()
            results[index] = call()
        except Exception as error:  # the test looks at what each one got
            results[index] = error
        finally:
            close_thread_connection()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        assert not thread.is_alive(), "a concurrent call hung"
    return results


def split(results: Sequence[Any]) -> tuple[list[Any], list[Exception]]:
    """The results that succeeded and the exceptions, apart."""
    done = [r for r in results if not isinstance(r, Exception)]
    return done, [r for r in results if isinstance(r, Exception)]
