"""The shared checks of what users type: characters a record cannot keep, amounts, dates."""

from datetime import datetime

import pytest

from app.errors import InputError
from app.i18n import Text
from app.models import User
from app.services import settings
from app.services.text import (
    checked_text,
    clean,
    normalize_phone,
    parse_amount,
    parse_datetime,
    printable,
    shown,
)
from tests.conftest import NOW

NOTE = Text("Note", "备注")


@pytest.mark.parametrize(("value", "kind"), [
    ("电饭煲\x00坏了", "a NUL character"),
    ("\x1b[2J清屏", "a control character"),
    ("响铃\x07", "a control character"),
    ("删除\x7f", "a control character"),
    ("C1 \x9b控制", "a control character"),
    ("张\udcd5\udcc5", "half of a character: the text was not UTF-8"),  # GBK bytes, undecoded
    ("半个\ud83d字", "half of a character: the text was not UTF-8"),
])
def test_text_a_record_cannot_keep_is_refused(value: str, kind: str) -> None:
    with pytest.raises(InputError) as refused:
        checked_text(value, field="note", label=NOTE, max_length=100)
    assert kind in str(refused.value) and refused.value.field == "note"
    assert "\n" not in str(refused.value)


def test_tabs_line_breaks_and_pasted_breaks_are_kept() -> None:
    assert checked_text("第一行\t说明\r\n第二行\v第三行\u2028第四行\f", field="note", label=NOTE,
                        max_length=100) == "第一行\t说明\n第二行\n第三行\n第四行"
    assert clean(" \u3000退货\x85换新 ") == "退货\n换新"


def test_a_value_quoted_in_a_message_is_one_escaped_short_line() -> None:
    assert printable("a\x1b[31mb\udcd5\ud800\nc") == "a\\x1b[31mb\\xd5\\ud800\nc"
    assert printable("a\nb\tc", lines=False) == "a\\x0ab\\x09c"
    assert shown("9" * 5000) == "9" * 39 + "…"


@pytest.mark.parametrize("value", ["120", "１２０元", "¥120.00", "120.0", " 0120 ",
                                   "0" * 4990 + "120"])  # leading zeros are not counted
def test_amounts_in_plain_or_full_width_digits(value: str) -> None:
    assert parse_amount(value) == 12_000


@pytest.mark.parametrize(("value", "why"), [
    ("١٢٠", "is not an amount"),  # Arabic-Indic digits: refused, not read as 120
    ("۱۲۰", "is not an amount"),  # Persian
    ("१२०", "is not an amount"),  # Devanagari
    ("1٢0", "is not an amount"),
    ("9" * 5000, "more than ¥1,000,000"),
    ("1000000.01", "more than ¥1,000,000"),
    ("12.345", "is not an amount"),
    ("-5", "is not an amount"),
    ("1e5", "is not an amount"),
])
def test_amounts_that_are_refused(value: str, why: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_amount(value)
    assert why in str(refused.value) and len(str(refused.value)) < 120


def test_the_largest_amount_is_exact() -> None:
    assert parse_amount("1,000,000.00") == 100_000_000
    assert parse_amount("999999.99") == 99_999_999


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1899-12-31 23:59", "3000-01-01"])
def test_dates_far_outside_the_calendar_are_refused(value: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_datetime(value, field="to", label=Text("--to", "--to"))
    assert "not between the years 1900 and 2999" in str(refused.value)


def test_dates_inside_the_calendar_are_read() -> None:
    label = Text("--to", "--to")
    assert parse_datetime("1900-01-01", field="to", label=label) == datetime(1900, 1, 1)
    assert parse_datetime("2999年12月31日", field="to", label=label) == datetime(2999, 12, 31)


def test_a_phone_number_is_plain_digits() -> None:
    assert normalize_phone("１３８-0013 8000") == "13800138000"
    with pytest.raises(InputError):
        normalize_phone("١٣٨٠٠١٣٨٠٠٠")


def test_settings_refuse_control_characters(owner: User) -> None:
    with pytest.raises(InputError) as refused:
        settings.set_value("business.name", "惠民\x1b[31m小店", actor=owner, now=NOW)
    assert "\\x1b" in str(refused.value) and "\x1b" not in str(refused.value)
