"""Settings from the declarative list, and the editable coded lists."""

import json

import pytest

from app.errors import AccessError, InputError, NotFoundError
from app.models import Category, Department, Event, RootCause, Setting, User
from app.services import catalog, settings
from app.services.settings import SETTINGS
from tests.conftest import NOW


def test_every_setting_has_a_row_with_its_default_after_opening(db: str) -> None:
    rows = {row.key: json.loads(row.value) for row in Setting.select()}
    assert rows == {spec.key: spec.default for spec in SETTINGS}


def test_a_setting_missing_from_an_old_database_is_added(db: str) -> None:
    Setting.delete().where(Setting.key == "print.paper").execute()
    settings.ensure_defaults()
    assert settings.get("print.paper") == "A4"


def test_changes_are_checked_and_audited(owner: User) -> None:
    settings.set_value("deadline.resolution_days", "10", actor=owner, now=NOW)
    assert settings.get("deadline.resolution_days") == 10
    event = Event.get(Event.field == "deadline.resolution_days")
    assert (event.old_value, event.new_value) == ("7", "10")


@pytest.mark.parametrize(("key", "value"), [
    ("deadline.resolution_days", "0"), ("deadline.resolution_days", "十"),
    ("hours.open", "25:00"), ("hours.open", "19:00"), ("hours.close", "08:30"),
    ("calendar.days_off", [0, 1, 2, 3, 4, 5, 6]),
    ("calendar.holidays", ["2026-02-30"]), ("print.paper", "A3"), ("business.name", "名" * 201),
])
def test_absurd_values_are_refused(owner: User, key: str, value: object) -> None:
    before = settings.get(key)
    with pytest.raises(InputError):
        settings.set_value(key, value, actor=owner, now=NOW)
    assert settings.get(key) == before


def test_the_logo_must_be_a_small_png_or_jpeg(owner: User) -> None:
    import base64

    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 100).decode()
    assert settings.set_value("business.logo", png, actor=owner, now=NOW) == png
    for bad in ("not base64!", base64.b64encode(b"GIF89a...").decode(),
                base64.b64encode(b"\xff\xd8\xff" + b"\0" * 600_000).decode()):
        with pytest.raises(InputError, match="Logo"):
            settings.set_value("business.logo", bad, actor=owner, now=NOW)
    assert settings.get("business.logo") == png
    assert settings.set_value("business.logo", "", actor=owner, now=NOW) == ""


def test_unknown_setting_and_staff_are_refused(owner: User, staff: User) -> None:
    with pytest.raises(InputError, match="Unknown setting"):
        settings.set_value("colour", "red", actor=owner, now=NOW)
    with pytest.raises(AccessError):
        settings.set_value("business.name", "小店", actor=staff, now=NOW)


def test_lists_start_with_the_domain_causes(db: str) -> None:
    codes = [c.code for c in catalog.entries(Category)]
    assert codes[:5] == ["service", "transparency", "claims", "mis_selling", "cancellation"]
    assert {"product_quality", "delivery", "billing", "repair"} <= set(codes)
    assert catalog.find(Category, "售后维修").code == "repair"
    assert catalog.find(Department, "after-sales".replace("-", "_")).name_zh == "售后部"
    assert catalog.find(RootCause, "rc03").name_en == "Product defect"


def test_entries_are_added_and_switched_off_never_deleted(manager: User) -> None:
    entry = catalog.add(RootCause, code="RC10", name_zh="培训不足", name_en="Not enough training",
                        actor=manager, now=NOW)
    catalog.set_active(entry, active=False, actor=manager, now=NOW)
    assert "RC10" not in [e.code for e in catalog.entries(RootCause)]
    assert catalog.find(RootCause, "培训不足").active is False
    with pytest.raises(InputError, match="already used"):
        catalog.add(RootCause, code="RC10", name_zh="x", name_en="x", actor=manager, now=NOW)


def test_staff_cannot_edit_lists_and_unknown_entries_are_named(staff: User) -> None:
    with pytest.raises(AccessError):
        catalog.add(Department, code="x", name_zh="x", name_en="x", actor=staff, now=NOW)
    with pytest.raises(NotFoundError, match="Use one of: service"):
        catalog.find(Category, "天气")
