"""The database proxy every model is bound to, and the shared base model."""

from __future__ import annotations

from peewee import DatabaseProxy, Model

database_proxy = DatabaseProxy()


class BaseModel(Model):
    """Base of every table: bound to the one proxy, snake_case table names."""

    class Meta:
        database = database_proxy
        legacy_table_names = False
