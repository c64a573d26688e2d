"""The attributes peewee adds itself (the `id` key, each foreign key's `x_id`) are declared
on every model for type checkers, and nothing is declared that peewee does not make."""

from peewee import AutoField, ForeignKeyField

from app.models import ALL_MODELS


def _made_by_peewee(model: type) -> set[str]:
    return ({field.object_id_name for field in model._meta.sorted_fields
             if isinstance(field, ForeignKeyField)}
            | {field.name for field in model._meta.sorted_fields if isinstance(field, AutoField)})


def test_every_model_declares_its_key_and_foreign_key_ids() -> None:
    declared = {model.__name__: set(model.__dict__.get("__annotations__", {}))
                for model in ALL_MODELS}
    assert declared == {model.__name__: _made_by_peewee(model) for model in ALL_MODELS}
