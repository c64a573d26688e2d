"""The database proxy every model is bound to, and the shared base model."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peewee import DatabaseProxy, Model

database_proxy = DatabaseProxy()

# What a query's `.tuples()` yields. peewee's type stubs give it the query's own type, whose
# rows are model instances, so code that reads the tuples casts them to this.
TupleRows = Iterable[tuple[Any, ...]]


class BaseModel(Model):
    """Base of every table: bound to the one proxy, snake_case table names.

    peewee gives each model an `id` key (unless a field is the key) and, beside each foreign
    key `x`, an `x_id` attribute holding the raw id. Each model declares those as bare
    annotations so that type checkers know them: annotations add no field or column.
    """

    class Meta:
        database = database_proxy
        legacy_table_names = False
