"""Users of the desk, customers who complain, and the departments that handle cases."""

from __future__ import annotations

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from app.models.base import BaseModel

ROLES = ("staff", "manager", "owner", "admin")


class User(BaseModel):
    """A person who signs in: front-desk staff, handler, manager, owner or admin."""

    id: AutoField[int]  # the key peewee adds, declared for type checkers (see BaseModel)

    username = CharField(max_length=40, unique=True)
    display_name = CharField(max_length=60)
    role = CharField(max_length=10)
    password_hash = CharField(max_length=200)
    active = BooleanField(default=True)
    created_at = DateTimeField()
    # Schema step 6. Bumped with every new password: a session signed in with the old one
    # ends at its next action. Database defaults so the step adds them to a filled table.
    password_generation = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
    failed_sign_ins = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])  # in a row
    last_failed_at = DateTimeField(null=True)
    locked_until = DateTimeField(null=True)


class Customer(BaseModel):
    """A customer, matched by phone so repeat customers keep one record and a history."""

    # The key and the foreign key's id peewee adds, declared for type checkers.
    id: AutoField[int]
    joined_to_id: ForeignKeyField[int | None]

    name = CharField(max_length=60)
    phone = CharField(max_length=20, unique=True)  # digits only, see services.text.phone
    address = CharField(max_length=200, default="")
    note = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()
    # Schema step 8: the same person under another phone or spelling is joined to the
    # customer kept (their cases show as one history); `redacted_at` records when the
    # personal data was removed (the phone then holds a placeholder no one can type).
    joined_to = ForeignKeyField("self", null=True, index=False, backref="joined")
    redacted_at = DateTimeField(null=True)

    class Meta:
        # The register sorted by customer walks customers by name (schema step 9).
        indexes = ((("name", "id"), False),)


# The few customers joined to another: a customer's history finds them without a scan.
JOINED_INDEX = Customer.index(Customer.joined_to, where=Customer.joined_to.is_null(False),
                              name="customer_joined_to")
Customer.add_index(JOINED_INDEX)


class Department(BaseModel):
    """A department that handles cases or is found at fault."""

    id: AutoField[int]  # the key peewee adds, declared for type checkers (see BaseModel)

    code = CharField(max_length=30, unique=True)
    name_zh = CharField(max_length=60)
    name_en = CharField(max_length=60)
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)
