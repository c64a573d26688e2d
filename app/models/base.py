"""The database proxy every model is bound to, and the shared base model."""

from __future__ import annotations

from peewee import DatabaseProxy, Model

database_proxy = DatabaseProxy()


class BaseModel(Model):
    """Base of every table: bound to the one proxy, snake_case table names.

    peewee gives each model an `id` key (unless a field is the key) and, beside each foreign
    key `x`, an `x_id` attribute holding the raw id. Each model declares those as bare
    annotations so that type checkers know them: annotations add no field or column.
    """

    class Meta:
        database = database_proxy
        legacy_table_names = False
