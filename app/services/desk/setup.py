"""First run: a new database gets its business details and the owner's account."""

from __future__ import annotations

from datetime import datetime

from app.models import User, database_proxy
from app.services import settings, users


def needs_setup() -> bool:
    """True while the database has no user accounts."""
    return not User.select().exists()


def set_up_business(*, name: str, address: str, phone: str, owner_username: str,
                    owner_name: str, password: str, now: datetime) -> User:
    """Creates the owner's account and records the business, in one transaction."""
    with database_proxy.atomic():
        owner = users.create_user(username=owner_username, display_name=owner_name,
                                  role="owner", password=password, actor=None, now=now)
        for key, value in (("business.name", name), ("business.address", address),
                           ("business.phone", phone)):
            settings.set_value(key, value, actor=owner, now=now)
    return owner
